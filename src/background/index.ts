/**
 * Background: keyboard commands, the context menu and the toolbar badge. It holds no state of
 * its own; settings live in storage and every content script watches them.
 */
import browser from 'webextension-polyfill';
import { BACKGROUND_VALIDATORS, createListener, type BackgroundApi, type ContentApi, type Handlers, type PageStats } from '../common/messages';
import { loadSettings, updateSettings, watchSettings } from '../common/storage';
import { siteState, toggleSite } from '../common/site-rule';
import { setUiLanguage, t } from '../common/i18n';
import { createMatcher } from '../engine/matcher';
import { matcherData } from '../common/glossary-data';
import { loadOwnGlossary } from '../common/own-load';
import { OWN_KEYS } from '../common/own-terms';
import { installLists, refreshAll, refreshList } from './lists';
import { bypass, installPdfRedirect, pdfTab } from './pdf';

installPdfRedirect();

async function sendToTab<K extends keyof ContentApi>(tabId: number, type: K, params: ContentApi[K]['params']): Promise<ContentApi[K]['result'] | null> {
  const answer = await browser.tabs.sendMessage(tabId, { type, params }, { frameId: 0 }).catch(() => undefined);
  if (answer !== undefined && answer !== null) return answer as ContentApi[K]['result'];
  // No content script answered: the tab may be the PDF reader (an extension page, which answers
  // runtime messages naming its tab), or a page without any (browser pages, store pages).
  return ((await browser.runtime.sendMessage({ type, params, tab: tabId }).catch(() => null)) ?? null) as ContentApi[K]['result'] | null;
}

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Switches the extension on or off for the active tab's site. */
async function toggleActiveSite(): Promise<void> {
  const tab = await activeTab();
  if (tab?.id === undefined) return;
  const url = tab.url ?? (await sendToTab(tab.id, 'stats', {}) as PageStats | null)?.site;
  if (!url) return;
  const full = url.includes('://') ? url : `https://${url}`;
  const settings = await loadSettings();
  const patch = toggleSite(full, settings, siteState(full, settings) !== 'on');
  if (patch) await updateSettings(patch);
}

async function onCommand(command: string): Promise<void> {
  if (command === 'toggle-site') await toggleActiveSite();
  if (command === 'next-term' || command === 'previous-term') {
    const tab = await activeTab();
    if (tab?.id !== undefined) await sendToTab(tab.id, 'step', { dir: command === 'next-term' ? 1 : -1 });
  }
}
// Firefox for Android has no keyboard commands and no context menus: neither namespace exists
// there (the polyfill passes Firefox's own `browser` through), so each is guarded. The popup's
// search, prefilled with the page's selection, stands in for the menu's lookup.
browser.commands?.onCommand.addListener((command: string) => void onCommand(command));

const MENU_ID = 'iza-lookup';
browser.runtime.onInstalled.addListener(() => {
  void loadSettings().then((s) => {
    setUiLanguage(s.uiLanguage);
    browser.contextMenus?.create({ id: MENU_ID, title: t('menuLookup'), contexts: ['selection'] });
  });
});
// The menu item speaks the UI language chosen in the options.
watchSettings((s) => {
  setUiLanguage(s.uiLanguage);
  void browser.contextMenus?.update(MENU_ID, { title: t('menuLookup') }).catch(() => undefined);
}, new AbortController().signal);

let matcher: ReturnType<typeof createMatcher> | null = null;
// Own terms changed: the next look-up builds the matcher anew.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && OWN_KEYS.matcher in changes) matcher = null;
});

/** "Opzoeken in IZA Begrippen": the card for a matching term, or the search prefilled. */
async function lookUp(selection: string, tabId: number | undefined): Promise<'card' | 'search'> {
  const text = selection.trim().slice(0, 200);
  if (matcher === null) {
    await loadOwnGlossary((keys) => browser.storage.local.get(keys));
    matcher = createMatcher(matcherData());
  }
  const ids = matcher.resolve(text) ?? matcher.find(text)[0]?.ids ?? null;
  const shown = ids && tabId !== undefined ? await sendToTab(tabId, 'show', { id: ids[0] as string }) : false;
  if (shown) return 'card';
  await browser.storage.session?.set({ searchQuery: text });
  await (browser.action as unknown as { openPopup?: () => Promise<void> }).openPopup?.().catch(() => undefined);
  return 'search';
}

browser.contextMenus?.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) void lookUp(info.selectionText ?? '', tab?.id);
});

installLists();

// The e2e tests drive these directly: headless browsers cannot press extension shortcuts or
// open context menus. They are the same functions the real listeners call.
Object.assign(globalThis, { __izaTest: { onCommand, lookUp, refreshAll, refreshList } });

const handlers: Handlers<BackgroundApi> = {
  count: async ({ count }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return null;
    await browser.action.setBadgeText({ tabId, text: count > 0 ? (count > 999 ? '999+' : String(count)) : '' });
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#1d5fa8' });
    return null;
  },
  bypass: async ({ url }) => {
    await bypass(url);
    return null;
  },
  pdfTab: async ({ url }, sender) => {
    await pdfTab(url, sender.tab?.id);
    return null;
  },
};
browser.runtime.onMessage.addListener(
  createListener<BackgroundApi>(browser.runtime.id, BACKGROUND_VALIDATORS, handlers) as Parameters<typeof browser.runtime.onMessage.addListener>[0],
);
