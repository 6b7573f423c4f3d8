/**
 * The PDF reader page: `reader.html?file=<URL-encoded address>`, or a local file picked or
 * dropped. It loads and renders the PDF with pdf.js and tells the shared term modules (matcher,
 * highlighter, card, keyboard) when a page's text is ready; it answers the popup's and the
 * background's messages as a content script would, addressed by its tab id.
 */
import browser from 'webextension-polyfill';
import { setUiLanguage, t } from '../common/i18n';
import { fileParam } from '../common/pdf-rule';
import { siteOf, siteState } from '../common/site-rule';
import { loadSettings, watchSettings } from '../common/storage';
import type { Settings } from '../common/settings';
import { CONTENT_VALIDATORS, createListener, selectedText, type ContentApi, type Handlers, type PageStats } from '../common/messages';
import { categoryFilter, pageMatcher, resetMatcher } from '../engine/glossary-matcher';
import { loadOwnGlossary, watchOwnGlossary } from '../common/own-load';
import { documentOptions, loadPdfjs, type PDFDocumentProxy } from './pdfjs';
import { LoadError, checkAddress, fetchPdf, readLocal, type Fetched } from './source';
import { View } from './viewer';
import { ReaderTerms } from './terms';
import { extractAll, type TermFilter } from './extract';
import { $, askPassword, localize, notice, setState, showLoadError, showMessage } from './ui';
import { installToolbar, showFind, showPage, showScale } from './toolbar';

interface Opened {
  view: View;
  doc: PDFDocumentProxy;
  terms: ReaderTerms | null;
  blob: { url: string; name: string };
  controller: AbortController;
  title: string;
}

const lifetime = new AbortController();
let settings: Settings;
let current: Opened | null = null;
/** The address the PDF came from (null for a local file). */
let sourceUrl: string | null = null;

/** The same matcher and category filter as on web pages (src/content/activation.ts). */
function termFilter(s: Settings): TermFilter {
  return { matcher: pageMatcher(), allow: categoryFilter(s), firstOnly: s.firstOnly };
}

/** Highlighting follows the extension's switches; a local file counts as a site that is on. */
function highlightOn(s: Settings): boolean {
  if (!sourceUrl || siteOf(sourceUrl) === null) return s.enabled;
  return siteState(sourceUrl, s) === 'on';
}

/** Opens the original address in the browser's own viewer, telling the background not to redirect it. */
async function openOriginal(): Promise<void> {
  if (!sourceUrl) return;
  await browser.runtime.sendMessage({ type: 'bypass', params: { url: sourceUrl } }).catch(() => undefined);
  location.href = sourceUrl;
}

const originalAction = () => (sourceUrl ? [{ label: t('openInBrowser'), run: () => void openOriginal(), href: sourceUrl }] : []);

async function loadFromAddress(file: string, allowLarge = false): Promise<void> {
  setState('loading');
  notice(t('readerLoading'), 'loading');
  let got: Fetched;
  try {
    got = await fetchPdf(checkAddress(file), { allowLarge });
  } catch (err) {
    $('notice').hidden = true;
    const e = err instanceof LoadError ? err : new LoadError('network');
    const again = e.kind === 'large' ? [{ label: t('openAnyway'), run: () => void loadFromAddress(file, true), primary: true }] : [];
    const retry = e.kind === 'network' ? [{ label: t('tryAgain'), run: () => void loadFromAddress(file) }] : [];
    showLoadError(e, [...again, ...retry, ...originalAction()]);
    return;
  }
  await open(got);
}

async function loadLocal(file: File, allowLarge = false): Promise<void> {
  sourceUrl = null;
  $<HTMLAnchorElement>('original').hidden = true;
  history.replaceState(null, '', 'reader.html');
  try {
    await open(await readLocal(file, allowLarge));
  } catch (err) {
    const e = err instanceof LoadError ? err : new LoadError('damaged');
    showLoadError(e, e.kind === 'large' ? [{ label: t('openAnyway'), run: () => void loadLocal(file, true), primary: true }] : []);
  }
}

function close(): void {
  if (!current) return;
  current.controller.abort();
  current.terms?.stop();
  URL.revokeObjectURL(current.blob.url);
  void current.doc.loadingTask.destroy();
  $('viewer').replaceChildren();
  current = null;
}

async function open(got: Fetched, password?: string): Promise<void> {
  close();
  const { lib, viewer } = await loadPdfjs();
  // pdf.js moves the bytes to its worker: the download and print keep their own copy.
  const blob = { url: URL.createObjectURL(new Blob([got.bytes.slice()], { type: 'application/pdf' })), name: got.name };
  const task = lib.getDocument({ ...documentOptions(got.bytes.slice()), ...(password ? { password } : {}) });
  task.onPassword = (update: (pw: string) => void, reason: number) => {
    askPassword(reason === lib.PasswordResponses.INCORRECT_PASSWORD, (pw) => {
      setState('loading');
      update(pw);
    }, originalAction());
  };
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (err) {
    URL.revokeObjectURL(blob.url);
    const name = (err as { name?: string }).name;
    showLoadError(new LoadError(name === 'InvalidPDFException' || name === 'FormatError' ? 'damaged' : 'damaged', name ?? ''), originalAction());
    return;
  }
  const controller = new AbortController();
  const container = $<HTMLDivElement>('viewer-container');
  const opened: Opened = { view: null as unknown as View, doc, terms: null, blob, controller, title: got.name };
  const view = new View(viewer, lib, container, {
    textLayer: (n, div) => {
      opened.terms?.layerReady(n, div);
      // The bench reads these: page 1 readable, with its marks when highlighting is on.
      if (n === 1 && performance.getEntriesByName('iza-page1-text').length === 0) performance.mark('iza-page1-text');
      shown(opened, n, 'text');
    },
    pageRendered: (n) => {
      if (n === 1 && performance.getEntriesByName('iza-page1-canvas').length === 0) performance.mark('iza-page1-canvas');
      shown(opened, n, 'canvas');
    },
    findRewrote: () => setTimeout(() => opened.terms?.readdAll(), 0),
    pageChanged: showPage,
    scaleChanged: showScale,
    findResult: showFind,
  }, controller.signal);
  opened.view = view;
  current = opened;
  // For the bench: the open document (pdf.js's own extraction time is measured on it).
  (globalThis as unknown as { __izaReader: unknown }).__izaReader = { doc };
  if (highlightOn(settings)) opened.terms = newTerms(opened);
  view.setDocument(doc);
  setState('ready');
  $('notice').hidden = true;
  container.focus({ preventScroll: true });
  const meta = await doc.getMetadata().catch(() => null);
  const info = meta?.info as { Title?: string } | undefined;
  opened.title = meta?.metadata?.get('dc:title') || info?.Title?.trim() || got.name;
  document.title = `${opened.title} · IZA Begrippen`;
  // Or soon, if no page is drawn (a document whose pages fail to render still gets its counts).
  setTimeout(() => startCounting(opened), 1500);
}

function newTerms(o: Opened): ReaderTerms {
  return new ReaderTerms(document, settings, termFilter(settings), {
    showPage: (n) => o.view.goTo(n),
    currentPage: () => o.view.page,
  });
}

const counting = new WeakSet<Opened>();
const drawn = new WeakMap<Opened, Map<number, Set<string>>>();

/**
 * Counting starts once the first page in view is drawn and its text layer is up: pdf.js's worker
 * answers in order, so text requests sent earlier would hold up the page the reader is waiting for.
 */
function shown(o: Opened, page: number, what: 'canvas' | 'text'): void {
  const pages = drawn.get(o) ?? new Map<number, Set<string>>();
  drawn.set(o, pages);
  const parts = pages.get(page) ?? new Set<string>();
  pages.set(page, parts.add(what));
  if (parts.size === 2) startCounting(o);
}

/** Extracts every page's text in the background, for the counts, the popup list and jumps. */
function startCounting(o: Opened): void {
  if (counting.has(o) || o.controller.signal.aborted) return;
  counting.add(o);
  performance.mark('iza-count-start');
  const status = $('count-status');
  void extractAll(o.doc, termFilter(settings), o.controller.signal, (p, terms) => {
    if (o.terms) o.terms.doc = terms;
    status.textContent = p < o.doc.numPages ? t('readerCounting', String(p), String(o.doc.numPages)) : '';
  }).then((terms) => {
    if (o.controller.signal.aborted) return;
    performance.mark('iza-count-done');
    if (o.terms) {
      o.terms.doc = terms;
      if (settings.firstOnly === 'page') o.terms.readdAll();
    }
    const stats = o.terms?.stats() ?? { count: 0 };
    status.textContent = o.terms ? t('readerCounted', String(stats.count)) : '';
    document.body.dataset.counted = String(stats.count);
    document.body.dataset.longestStep = terms.longestStep.toFixed(1);
    document.body.dataset.ownTime = terms.ownTime.toFixed(1);
    if (terms.chars.every((c) => c === 0)) notice(t('readerScan'), 'scan');
    browser.runtime.sendMessage({ type: 'count', params: { count: stats.count } }).catch(() => undefined);
  });
}

function applySettings(next: Settings, termsChanged = false): void {
  const prev = settings;
  settings = next;
  if (prev.uiLanguage !== next.uiLanguage) {
    setUiLanguage(next.uiLanguage);
    localize();
  }
  const o = current;
  if (!o) return;
  const on = highlightOn(next);
  const refilter = termsChanged || prev.categories.join() !== next.categories.join() || prev.firstOnly !== next.firstOnly;
  if (o.terms && (!on || refilter || !o.terms.update(next))) {
    o.terms.stop();
    o.terms = null;
  }
  if (on && !o.terms) {
    o.terms = newTerms(o);
    counting.delete(o);
    startCounting(o);
    for (let n = 1; n <= o.view.pageCount; n++) {
      const layer = o.view.pageElement(n)?.querySelector<HTMLElement>('.textLayer');
      if (layer && layer.childElementCount > 0) o.terms.layerReady(n, layer);
    }
  }
}

const handlers: Handlers<ContentApi> = {
  stats: (): PageStats => ({
    site: sourceUrl ? siteOf(sourceUrl) : null,
    // A local file has no site: it follows the global switch.
    state: sourceUrl && siteOf(sourceUrl) ? siteState(sourceUrl, settings) : settings.enabled ? 'on' : 'global-off',
    url: sourceUrl ?? location.href,
    title: current?.title ?? document.title,
    lang: 'nl',
    reader: true,
    ...(current?.terms?.stats() ?? { count: 0, terms: [] }),
  }),
  jump: ({ id }) => current?.terms?.jump(id) ?? false,
  step: ({ dir }) => current?.terms?.step(dir) ?? false,
  // The context menu's lookup: the card for the selected term, as on web pages.
  show: ({ id }) => current?.terms?.session.show(id) ?? false,
  selection: () => selectedText(document),
};

async function main(): Promise<void> {
  localize();
  const get = (keys: string[]) => browser.storage.local.get(keys);
  [settings] = await Promise.all([loadSettings(), loadOwnGlossary(get)]);
  setUiLanguage(settings.uiLanguage);
  localize();
  watchSettings(applySettings, lifetime.signal);
  // Own terms changed: the matcher is built anew and the document's terms found again.
  watchOwnGlossary(browser.storage.onChanged, get, () => {
    resetMatcher();
    applySettings({ ...settings }, true);
  }, lifetime.signal);
  // The popup and the background reach this page by runtime messages naming its tab.
  const myTab = (await browser.tabs.getCurrent().catch(() => undefined))?.id;
  const answer = createListener<ContentApi>(browser.runtime.id, CONTENT_VALIDATORS, handlers);
  browser.runtime.onMessage.addListener(((msg: unknown, sender: { id?: string }) => {
    if (typeof msg !== 'object' || msg === null || (msg as { tab?: unknown }).tab !== myTab) return undefined;
    return answer(msg, sender);
  }) as Parameters<typeof browser.runtime.onMessage.addListener>[0]);
  installToolbar({
    view: () => current?.view ?? null,
    blob: () => current?.blob ?? null,
    openFile: (f) => void loadLocal(f),
    openOriginal: () => void openOriginal(),
  }, lifetime.signal);
  // Across pages: arrow keys on a term at the edge of the rendered pages.
  window.addEventListener('keydown', (e) => current?.terms?.handleKey(e), { capture: true, signal: lifetime.signal });
  sourceUrl = fileParam(location.search, location.hash);
  if (sourceUrl === null) {
    setState('empty');
    return;
  }
  const original = $<HTMLAnchorElement>('original');
  original.href = sourceUrl;
  original.title = t('readerOriginalTitle');
  original.hidden = false;
  document.title = `${sourceUrl.split(/[?#]/)[0]?.split('/').pop() || sourceUrl} · IZA Begrippen`;
  await loadFromAddress(sourceUrl);
}

main().catch((err: unknown) => showMessage(t('errDamagedTitle'), String(err)));
