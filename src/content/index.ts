/**
 * Content-script entry. Reads the settings first: where the extension is off, it does nothing
 * else (no tree walk, no observer). Settings changes apply at once, with no reload.
 */
import { ext } from '../common/ext';
import { Activation } from './activation';
import { loadSettings, watchSettings } from '../common/storage';
import { siteOf, siteState } from '../common/site-rule';
import type { Settings } from '../common/settings';
import { loadOwnGlossary, watchOwnGlossary } from '../common/own-load';
import { resetMatcher } from '../engine/glossary-matcher';
import { CONTENT_VALIDATORS, createListener, selectedText, type ContentApi, type Handlers } from '../common/messages';

declare global {
  interface Window {
    __izaBegrippen?: boolean;
  }
}

let active: Activation | null = null;
let current: Settings | null = null;

/**
 * The URL the site rule is decided on. Frames without a URL of their own (about:blank filled by
 * script, about:srcdoc) belong to the page that made them, whose origin they share: the nearest
 * ancestor with a web URL decides (location.origin of such a frame is "null": it is the URL's
 * origin, not the document's). blob: URLs carry their origin.
 */
function siteUrl(): string {
  if (location.protocol === 'http:' || location.protocol === 'https:') return location.href;
  if (location.protocol === 'blob:') return `${location.origin}/`;
  try {
    for (let w: Window = window.parent; ; w = w.parent) {
      if (w.location.protocol !== 'about:' || w === w.parent) return w.location.href;
    }
  } catch {
    return location.href; // A parent of another origin: not ours to decide.
  }
}

function apply(settings: Settings): void {
  current = settings;
  const on = siteState(siteUrl(), settings) === 'on';
  if (active && (!on || !active.update(settings))) {
    active.stop();
    active = null;
  }
  if (on && !active) {
    active = new Activation(document, settings);
    void active.start();
  }
}

const handlers: Handlers<ContentApi> = {
  stats: () => {
    const s = active?.stats() ?? { count: 0, terms: [] };
    return {
      site: siteOf(location.href),
      state: current ? siteState(siteUrl(), current) : 'on',
      url: location.href,
      title: document.title,
      lang: document.documentElement.lang,
      pdf: document.contentType === 'application/pdf',
      ...s,
    };
  },
  jump: ({ id }) => active?.jump(id) ?? false,
  step: ({ dir }) => active?.step(dir) ?? false,
  show: ({ id }) => active?.show(id) ?? false,
  selection: () => selectedText(document),
};

async function main(): Promise<void> {
  if (window.__izaBegrippen) return;
  window.__izaBegrippen = true;
  // Chrome runs content scripts in a PDF tab's top document: where no redirect rule sent the PDF
  // to the reader (older Chrome), the background decides now (src/background/pdf.ts).
  if (document.contentType === 'application/pdf' && window === window.top) {
    ext().sendMessage({ type: 'pdfTab', params: { url: location.href } }).catch(() => undefined);
  }
  const lifetime = new AbortController();
  const listener = createListener<ContentApi>(ext().id, CONTENT_VALIDATORS, handlers);
  // Only the top frame answers the popup; frames still highlight and show cards.
  if (window === window.top) ext().onMessage(listener);
  const get = (keys: string[]) => ext().local.get(keys);
  // Own terms (issue 20) come compiled with the bundled ones, read beside the settings. The page
  // never waits for them: Firefox answers storage.local ~0.7 s after document_start (bench), where
  // storage.sync comes at once. If they come after the pass has started and change the terms in
  // use, the pass starts again with them (only for a reader who has own terms).
  let ownSettled = false;
  void loadOwnGlossary(get).then((changed) => {
    if (ownSettled && changed) afterParsing(restart);
    ownSettled = true;
  });
  const settings = await loadSettings();
  // From here on, own terms that arrive late start the pass again. (No timer to wait a little for
  // them: at document_start a timer waits for the parser, 0.4 s on the 5 MB page.)
  ownSettled = true;
  apply(settings);
  watchSettings(apply, lifetime.signal);
  watchOwnGlossary(ext().storage.onChanged, get, restart, lifetime.signal);
}

/**
 * Runs `fn` once the parser is done: a pass that follows the parser (started at document_start)
 * is not stopped and started again half-way through the page.
 */
function afterParsing(fn: () => void): void {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', fn, { once: true });
  else fn();
}

/** The terms changed (own terms added, imported, switched): a new pass with the new matcher. */
function restart(): void {
  resetMatcher();
  active?.stop();
  active = null;
  if (current) apply(current);
}

void main();
