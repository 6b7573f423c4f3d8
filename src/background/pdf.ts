/**
 * Sends PDFs that the browser opens to the reader, by the response's Content-Type (a download
 * address without ".pdf" counts too), where src/common/pdf-rule.ts says so.
 *
 * Chrome: a declarativeNetRequest rule with a `responseHeaders` condition (Chrome 128+) redirects
 * at the headers stage, before the browser's viewer starts; it is rebuilt whenever the settings
 * change. Where that condition is not supported (feature-detected), the content script, which
 * Chrome runs in a PDF tab's top document, reports `document.contentType` instead (`pdfTab`).
 * Firefox: its pdf.js viewer runs no content script and its DNR has no response-header
 * conditions, so a blocking webRequest.onHeadersReceived listener redirects.
 *
 * "Open in the browser's own viewer" (from the reader) adds the address to a bypass list for the
 * browser session, so it is never redirected again: no loop.
 */
import browser from 'webextension-polyfill';
import { isPdfResponse, opensInReader, readerPath, ruleScope } from '../common/pdf-rule';
import { loadSettings, watchSettings } from '../common/storage';
import type { Settings } from '../common/settings';

declare const __TARGET__: 'chrome' | 'firefox';

const REDIRECT_RULE = 1;
const BYPASS_KEY = 'pdfBypass';
/** Session rules that let a bypassed address through start here (Chrome). */
const BYPASS_RULE_BASE = 1000;

let settings: Promise<Settings> = loadSettings();
/** Read once per background start: storage.session outlives a suspended event page or worker. */
const bypassed: Promise<Set<string>> = readBypass();

async function readBypass(): Promise<Set<string>> {
  const got = (await browser.storage.session.get(BYPASS_KEY).catch(() => ({}))) as Record<string, unknown>;
  const list = got[BYPASS_KEY];
  return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
}

/** Without its fragment: the network never sees it, and the reader keeps it for the page. */
const bare = (url: string): string => url.split('#')[0] as string;

export async function bypass(url: string): Promise<void> {
  const set = await bypassed;
  set.add(bare(url));
  await browser.storage.session.set({ [BYPASS_KEY]: [...set].slice(-200) });
  if (__TARGET__ === 'chrome') {
    await chrome.declarativeNetRequest.updateSessionRules({
      addRules: [{
        id: BYPASS_RULE_BASE + set.size,
        priority: 2,
        action: { type: 'allow' as chrome.declarativeNetRequest.RuleActionType },
        condition: { urlFilter: `|${bare(url)}|`, resourceTypes: ['main_frame' as chrome.declarativeNetRequest.ResourceType] },
      }],
    }).catch(() => undefined);
  }
}

/** The reader's address for a PDF, in this extension. */
export const readerUrl = (file: string): string => browser.runtime.getURL(readerPath(file));

/** A content script in a PDF tab (Chrome fallback): redirect it if the rules say so. */
export async function pdfTab(url: string, tabId: number | undefined): Promise<void> {
  if (tabId === undefined || (await bypassed).has(bare(url))) return;
  if (!opensInReader(url, await settings)) return;
  await browser.tabs.update(tabId, { url: readerUrl(url) });
}

/** Chrome: the redirect rule for the current settings; false if this Chrome cannot match response headers. */
async function syncRule(s: Settings): Promise<boolean> {
  const scope = ruleScope(s);
  const remove = { removeRuleIds: [REDIRECT_RULE] };
  if (scope === null) {
    await chrome.declarativeNetRequest.updateDynamicRules(remove);
    return true;
  }
  const condition: chrome.declarativeNetRequest.RuleCondition & { responseHeaders?: unknown } = {
    regexFilter: '^https?://.*',
    resourceTypes: ['main_frame' as chrome.declarativeNetRequest.ResourceType],
    responseHeaders: [{ header: 'content-type', values: ['application/pdf*', 'application/x-pdf*'] }],
  };
  if (scope.include !== 'all') condition.requestDomains = scope.include;
  if (scope.exclude.length > 0) condition.excludedRequestDomains = scope.exclude;
  try {
    await chrome.declarativeNetRequest.updateDynamicRules({
      ...remove,
      addRules: [{
        id: REDIRECT_RULE,
        priority: 1,
        // regexSubstitution cannot URL-encode: the reader takes everything after `file=` (pdf-rule.ts).
        action: { type: 'redirect' as chrome.declarativeNetRequest.RuleActionType, redirect: { regexSubstitution: `${browser.runtime.getURL('reader.html')}?file=\\0` } },
        condition: condition as chrome.declarativeNetRequest.RuleCondition,
      }],
    });
    return true;
  } catch {
    await chrome.declarativeNetRequest.updateDynamicRules(remove).catch(() => undefined);
    return false; // Older Chrome: the content script's report (pdfTab) does the redirect.
  }
}

/** Firefox: redirects a PDF response to the reader before its built-in viewer opens. */
async function onHeaders(d: { url: string; tabId: number; responseHeaders?: { name: string; value?: string }[] }): Promise<{ redirectUrl?: string }> {
  const header = (name: string) => d.responseHeaders?.find((h) => h.name.toLowerCase() === name)?.value;
  if (!isPdfResponse(header('content-type'), header('content-disposition'))) return {};
  if ((await bypassed).has(bare(d.url)) || !opensInReader(d.url, await settings)) return {};
  return { redirectUrl: readerUrl(d.url) };
}

export function installPdfRedirect(): void {
  if (__TARGET__ === 'firefox') {
    browser.webRequest.onHeadersReceived.addListener(
      onHeaders as Parameters<typeof browser.webRequest.onHeadersReceived.addListener>[0],
      { urls: ['http://*/*', 'https://*/*'], types: ['main_frame'] },
      ['blocking', 'responseHeaders'],
    );
  } else {
    void settings.then(syncRule);
  }
  watchSettings((s) => {
    settings = Promise.resolve(s);
    if (__TARGET__ === 'chrome') void syncRule(s);
  }, new AbortController().signal);
}
