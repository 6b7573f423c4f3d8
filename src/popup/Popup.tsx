/** The toolbar popup: site and global switch, terms on this page, glossary search, copy. */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { PageStats } from '../common/messages';
import { loadSettings, updateSettings, watchSettings } from '../common/storage';
import { siteState, toggleSite } from '../common/site-rule';
import type { Settings } from '../common/settings';
import { allEntries } from '../common/glossary-data';
import { loadOwnGlossary } from '../common/own-load';
import { indexEntries, search } from '../common/search';
import { toMarkdown, toPlainText, type PageTerm } from '../common/page-glossary';
import { t } from '../common/i18n';
import type { Entry } from '../common/glossary-types';
import { EntryDetails } from './EntryDetails';
import { OpenInReader } from './OpenInReader';

async function activeTabId(): Promise<number | undefined> {
  // `?tab=N` lets the popup page be opened in a tab for a given page (used by the e2e tests).
  const fixed = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fixed) && fixed > 0) return fixed;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function ask<T>(type: string, params: Record<string, unknown>): Promise<T | null> {
  const id = await activeTabId();
  if (id === undefined) return null;
  const answer = await (browser.tabs.sendMessage(id, { type, params }, { frameId: 0 }) as Promise<T | undefined>).catch(() => undefined);
  if (answer !== undefined && answer !== null) return answer;
  // No content script answered (Chrome resolves with nothing for a tab of an extension page): the
  // tab may be the PDF reader, which answers runtime messages that name its tab.
  return (browser.runtime.sendMessage({ type, params, tab: id }) as Promise<T | undefined>).then((r) => r ?? null, () => null);
}

export function Popup() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [stats, setStats] = useState<PageStats | null | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [sort, setSort] = useState<'first' | 'name'>('first');
  const [copied, setCopied] = useState('');
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  // Bundled and own terms (own first); own ones are known once storage.local has answered.
  const [ownLoaded, setOwnLoaded] = useState(0);
  const entries = useMemo(() => new Map(allEntries().map((e) => [e.id, e])), [ownLoaded]);
  const index = useMemo(() => indexEntries(entries.values()), [entries]);

  const refresh = () => void ask<PageStats>('stats', {}).then(setStats);
  useEffect(() => {
    void loadSettings().then(setSettings);
    void loadOwnGlossary((keys) => browser.storage.local.get(keys)).then(() => setOwnLoaded(1));
    const ctl = new AbortController();
    watchSettings((s) => {
      setSettings(s);
      setTimeout(refresh, 400);
    }, ctl.signal);
    refresh();
    void activeTabId().then(setTabId);
    // A context-menu lookup without a match leaves its text here for the search box. Otherwise
    // the text selected in the page starts the search: *Opzoeken* where there is no context
    // menu (Firefox for Android).
    const fromMenu = (browser.storage.session?.get('searchQuery') ?? Promise.resolve({} as Record<string, unknown>)).then((r) => {
      if (typeof r.searchQuery !== 'string' || !r.searchQuery) return false;
      setQuery(r.searchQuery);
      void browser.storage.session.remove('searchQuery');
      return true;
    }, () => false);
    void fromMenu.then((had) => (had ? null : ask<string>('selection', {}))).then((text) => {
      if (text) setQuery((q) => q || text);
    });
    return () => ctl.abort();
  }, []);

  const url = stats?.url ?? '';
  const state = settings && stats ? siteState(url, settings) : null;
  const results = useMemo(() => search(index, query), [index, query]);
  const pageTerms: PageTerm[] = (stats?.terms ?? [])
    .map((tc) => ({ entry: entries.get(tc.id) as Entry, count: tc.count }))
    .filter((p) => p.entry !== undefined);
  const sorted = sort === 'name' ? [...pageTerms].sort((a, b) => a.entry.term.localeCompare(b.entry.term, 'nl')) : pageTerms;

  const setSite = async (on: boolean) => {
    if (!settings) return;
    const patch = toggleSite(url, settings, on);
    if (patch) setSettings(await updateSettings(patch));
  };
  const copy = async (kind: 'md' | 'text') => {
    const english = settings?.showEnglish ?? false;
    const text = kind === 'md' ? toMarkdown(pageTerms, stats?.title ?? '', url, english) : toPlainText(pageTerms, stats?.title ?? '', url, english);
    await navigator.clipboard.writeText(text).catch(() => undefined);
    document.body.dataset.copied = text; // For tests and for browsers that refuse clipboard access.
    setCopied(kind);
  };

  const statusText =
    stats === null ? t('noPage') : state === 'site-off' ? t('siteOff') : state === 'global-off' ? t('globalOff') : state === 'not-listed' ? t('notListed') : null;

  return (
    <div class="popup">
      <div class="top">
        <h1>{t('popupTitle')}</h1>
        <span class="site" title={stats?.site ?? ''}>{stats?.site ?? ''}</span>
      </div>
      <div class="switches">
        <label class="switch">
          <span>{t('thisSite')}{stats?.site ? `: ${stats.site}` : ''}</span>
          <input type="checkbox" role="switch" id="site-switch" disabled={!stats || !settings || !settings.enabled}
            checked={state === 'on'} onChange={(e) => void setSite((e.target as HTMLInputElement).checked)} />
        </label>
        <label class="switch">
          <span>{t('everywhere')}</span>
          <input type="checkbox" role="switch" id="global-switch" disabled={!settings} checked={settings?.enabled ?? true}
            onChange={async (e) => setSettings(await updateSettings({ enabled: (e.target as HTMLInputElement).checked }))} />
        </label>
      </div>
      {statusText ? <p class="status" id="status">{statusText}</p> : null}
      <OpenInReader tabId={tabId} stats={stats} />

      <h2><label for="search">{t('search')}</label></h2>
      <input id="search" type="search" autoFocus placeholder={t('searchPlaceholder')} value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)} autoComplete="off" spellcheck={false} />
      {query.trim() !== '' ? (
        results.length === 0 ? <p class="muted" id="no-results">{t('noResults')}</p> : (
          <ul class="list" id="results">
            {results.map((e) => <EntryRow entry={e} open={open === e.id} onToggle={() => setOpen(open === e.id ? null : e.id)} />)}
          </ul>
        )
      ) : null}

      {stats && state === 'on' ? (
        <>
          <h2 id="terms-heading">{t('termsFound')} ({stats.count})</h2>
          {pageTerms.length > 0 ? (
            <>
              <div class="row">
                <span class="seg" role="group">
                  <button type="button" aria-pressed={sort === 'first'} onClick={() => setSort('first')}>{t('sortFirst')}</button>
                  <button type="button" aria-pressed={sort === 'name'} onClick={() => setSort('name')}>{t('sortName')}</button>
                </span>
              </div>
              <ul class="list" id="page-terms" aria-labelledby="terms-heading">
                {sorted.map(({ entry, count }) => (
                  <li>
                    <button type="button" class="item" data-id={entry.id} onClick={() => void ask('jump', { id: entry.id })}>
                      <span class="name">{entry.abbreviations[0] ? <span class="abbr">{entry.abbreviations[0].form} </span> : null}{entry.term}</span>
                      <span class="n">{t('count', String(count))}</span>
                    </button>
                  </li>
                ))}
              </ul>
              <div class="row">
                <button type="button" class="btn" id="copy-md" onClick={() => void copy('md')}>{t('copyMarkdown')}</button>
                <button type="button" class="btn secondary" id="copy-text" onClick={() => void copy('text')}>{t('copyText')}</button>
                {copied ? <span class="muted" role="status">{t('copied')}</span> : null}
              </div>
            </>
          ) : null}
        </>
      ) : null}
      <p class="row"><a href="#" id="open-options" onClick={(e) => { e.preventDefault(); void browser.runtime.openOptionsPage(); }}>{t('options')}</a></p>
    </div>
  );
}

function EntryRow({ entry, open, onToggle }: { entry: Entry; open: boolean; onToggle: () => void }) {
  return (
    <li>
      <button type="button" class="item" aria-expanded={open} data-id={entry.id} onClick={onToggle}>
        <span class="name">{entry.abbreviations[0] ? <span class="abbr">{entry.abbreviations[0].form} </span> : null}{entry.term}</span>
      </button>
      {open ? <EntryDetails entry={entry} /> : null}
    </li>
  );
}
