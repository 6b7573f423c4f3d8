/**
 * "Abonneren op een begrippenlijst" (issue 21): a published list by its address, previewed as an
 * import is, then kept up to date by the background like an organisation's list. And the policy
 * template for administrators, filled with the lists now in use.
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { fetchList, urlProblem } from '../common/list-fetch';
import type { Collection, FetchState } from '../common/own-terms';
import { describeProblem } from '../common/own-terms-text';
import { isProblem, previewOf, PreviewView, type Preview } from './ImportPanel';
import { downloadFile, importCollection } from './own-actions';
import { lang, tr } from './own-text';

/** Asks for host permission for the list's origin only, when the extension lacks it. */
async function allowOrigin(url: string): Promise<boolean> {
  const origins = [`${new URL(url).origin}/*`];
  if (await browser.permissions.contains({ origins }).catch(() => false)) return true;
  return browser.permissions.request({ origins }).catch(() => false);
}

/** The managed-policy template for the lists in use: Chrome/Edge (JSON) and Firefox (policies.json). */
export function policyTemplate(cols: Collection[], chromeId: string, firefoxId: string): string {
  const glossaries = cols.filter((c) => c.url).map((c) => ({ name: c.name, url: c.url as string }));
  const list = glossaries.length > 0 ? glossaries : [{ name: 'Begrippen van mijn organisatie', url: 'https://www.example.org/begrippen.ttl' }];
  const policy = { glossaries: list, refreshHours: 24 };
  return JSON.stringify({ chrome: { '3rdparty': { extensions: { [chromeId]: policy } } }, firefox: { policies: { '3rdparty': { Extensions: { [firefoxId]: policy } } } } }, null, 2);
}

export function Subscribe({ cols, onDone }: { cols: Collection[]; onDone(msg: string): void }) {
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<(Preview & { fetch: FetchState }) | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [careOnly, setCareOnly] = useState(false);
  const [allowed, setAllowed] = useState(true);
  const [policyProblems, setPolicyProblems] = useState<string[]>([]);
  useEffect(() => {
    void browser.storage.local.get('policy.state').then((r) => {
      const state = r['policy.state'] as { allowUserLists?: boolean; problems?: unknown } | undefined;
      setAllowed(state?.allowUserLists !== false);
      if (Array.isArray(state?.problems)) setPolicyProblems(state.problems.filter((p): p is string => typeof p === 'string'));
    });
  }, [cols]);

  const look = async (e: Event) => {
    e.preventDefault();
    setError('');
    setPreview(null);
    const address = url.trim();
    const bad = urlProblem(address);
    if (bad) return setError(describeProblem(bad, lang()));
    if (cols.some((c) => c.url === address)) return setError(tr('U bent al op deze lijst geabonneerd.', 'You already subscribe to this list.'));
    if (!(await allowOrigin(address))) return setError(tr('Zonder toestemming voor deze site kan de lijst niet worden opgehaald.', 'Without permission for this site the list cannot be fetched.'));
    setBusy(true);
    const out = await fetchList(address);
    setBusy(false);
    if (out.kind !== 'updated') return setError(describeProblem(out.kind === 'failed' ? out.problem : { code: 'empty' }, lang()));
    const p = previewOf(out.result, address, cols);
    if (isProblem(p)) return setError(describeProblem(p, lang()));
    setPreview({ ...p, fetch: out.state });
    setName(out.result.name ?? new URL(address).hostname);
  };
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    const problem = await importCollection(name.trim() || url, preview.result.terms, careOnly, { url: url.trim(), fetch: preview.fetch });
    setBusy(false);
    if (problem) return setError(describeProblem(problem, lang()));
    setPreview(null);
    setUrl('');
    onDone(tr(`Geabonneerd op "${name}": ${preview.result.terms.length} begrippen.`, `Subscribed to "${name}": ${preview.result.terms.length} terms.`));
  };
  const template = () => {
    const chromeId = browser.runtime.id;
    const firefoxId = 'iza-begrippen@begrippen.nl';
    downloadFile(policyTemplate(cols, chromeId, firefoxId), 'iza-begrippen-beleid.json', 'application/json');
  };

  return (
    <div class="subscribe">
      {allowed ? (
        <form onSubmit={(e) => void look(e)}>
          <label for="subscribe-url">{tr('Abonneren op een begrippenlijst (webadres van een Turtle-, CSV- of JSON-bestand)', 'Subscribe to a glossary (address of a Turtle, CSV or JSON file)')}</label>
          <div class="row">
            <input type="url" id="subscribe-url" placeholder="https://" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
            <button type="submit" class="btn secondary" disabled={busy}>{tr('Bekijken', 'Preview')}</button>
          </div>
        </form>
      ) : (
        <p class="hint">{tr('Uw organisatie staat geen eigen abonnementen toe.', 'Your organisation does not allow subscriptions of your own.')}</p>
      )}
      {policyProblems.length > 0 ? (
        <div class="error" role="status" id="policy-problems">
          {tr('In het beleid van uw organisatie is dit overgeslagen:', 'Skipped in your organisation’s policy:')}
          <ul>{policyProblems.map((p) => <li>{p}</li>)}</ul>
        </div>
      ) : null}
      {busy && !preview ? <progress class="busy" aria-label={tr('Bezig…', 'Working…')} /> : null}
      {error ? <p class="error" role="alert">{error}</p> : null}
      {preview ? <PreviewView p={preview} name={name} setName={setName} careOnly={careOnly} setCareOnly={setCareOnly} busy={busy} confirm={() => void confirm()} cancel={() => setPreview(null)} confirmLabel={tr('Abonneren', 'Subscribe')} /> : null}
      <p class="hint">
        <button type="button" class="link" id="policy-template" onClick={template}>{tr('Download beleidssjabloon', 'Download policy template')}</button>{' '}
        {tr('(voor beheerders: zet de lijsten in gebruik voor alle browsers van de organisatie)', '(for administrators: set the lists in use for every browser of the organisation)')}
      </p>
    </div>
  );
}
