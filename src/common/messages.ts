/**
 * One typed message map per receiver. A missing handler is a compile error, and every message
 * is checked at run time: it must come from this extension and carry a valid payload, or it is
 * ignored.
 */
import type { SiteState } from './site-rule';

export interface TermCount {
  id: string;
  count: number;
}

export interface PageStats {
  site: string | null;
  state: SiteState;
  url: string;
  title: string;
  /** The page's language (lang attribute), e.g. "nl" or "en". */
  lang: string;
  /** Marks on the page. */
  count: number;
  /** Terms in order of first appearance. */
  terms: TermCount[];
  /** The tab shows a PDF in the browser's own viewer (Chrome: the content script runs there). */
  pdf?: boolean;
  /** The tab is the extension's PDF reader. */
  reader?: boolean;
}

/** Messages the content script answers (sent by the popup and the background). */
export interface ContentApi {
  stats: { params: Record<string, never>; result: PageStats };
  /** Scrolls to the next occurrence of a term, flashes it and opens its card. */
  jump: { params: { id: string }; result: boolean };
  /** Moves focus to the next (1) or previous (-1) highlighted term and opens its card. */
  step: { params: { dir: 1 | -1 }; result: boolean };
  /** Opens the card for an entry id near the current selection (context menu). */
  show: { params: { id: string }; result: boolean };
  /**
   * The text selected in the page (trimmed, at most 200 characters; '' for none): the popup's
   * search starts from it, where no context menu offers *Opzoeken* (Firefox for Android).
   */
  selection: { params: Record<string, never>; result: string };
}

/** Messages the background answers (sent by content scripts and the popup). */
export interface BackgroundApi {
  /** A content script reports its mark count, for the toolbar badge. */
  count: { params: { count: number }; result: null };
  /** The reader offers the original address in the browser's own viewer: do not redirect it again. */
  bypass: { params: { url: string }; result: null };
  /** A content script finds itself in a PDF tab (Chrome, where no redirect rule caught it). */
  pdfTab: { params: { url: string }; result: null };
}

type Validators<Api> = { [K in keyof Api]: (p: unknown) => boolean };

const isObj = (p: unknown): p is Record<string, unknown> => typeof p === 'object' && p !== null && !Array.isArray(p);
const isWebUrl = (v: unknown) => typeof v === 'string' && v.length < 8192 && /^https?:\/\//.test(v);
const isId = (v: unknown) => typeof v === 'string' && /^[a-z0-9-]{1,80}$/.test(v);

export const CONTENT_VALIDATORS: Validators<ContentApi> = {
  stats: (p) => isObj(p) && Object.keys(p).length === 0,
  jump: (p) => isObj(p) && isId(p.id),
  step: (p) => isObj(p) && (p.dir === 1 || p.dir === -1),
  show: (p) => isObj(p) && isId(p.id),
  selection: (p) => isObj(p) && Object.keys(p).length === 0,
};

/** The selection a `selection` message answers with. */
export function selectedText(doc: Document): string {
  return (doc.getSelection()?.toString() ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

export const BACKGROUND_VALIDATORS: Validators<BackgroundApi> = {
  count: (p) => isObj(p) && typeof p.count === 'number' && Number.isInteger(p.count) && p.count >= 0 && p.count < 1e7,
  bypass: (p) => isObj(p) && isWebUrl(p.url),
  pdfTab: (p) => isObj(p) && isWebUrl(p.url),
};

export interface Envelope<Api, K extends keyof Api = keyof Api> {
  type: K;
  params: Api[K] extends { params: infer P } ? P : never;
}

/** What a handler knows of the sender. */
export interface Sender {
  id?: string;
  tab?: { id?: number };
}

export type Handlers<Api> = {
  [K in keyof Api]: (
    params: Api[K] extends { params: infer P } ? P : never,
    sender: Sender,
  ) => Promise<Api[K] extends { result: infer R } ? R : never> | (Api[K] extends { result: infer R } ? R : never);
};

/**
 * Returns a runtime.onMessage listener that answers valid messages from this extension and
 * ignores everything else (returns undefined, so other listeners may answer).
 */
export function createListener<Api>(
  ownId: string,
  validators: Validators<Api>,
  handlers: Handlers<Api>,
): (msg: unknown, sender: Sender) => Promise<unknown> | undefined {
  return (msg, sender) => {
    if (sender.id !== ownId || !isObj(msg) || typeof msg.type !== 'string') return undefined;
    const type = msg.type as keyof Api;
    if (!Object.prototype.hasOwnProperty.call(validators, type)) return undefined;
    if (!validators[type](msg.params)) return undefined;
    const handler = handlers[type] as (p: unknown, s: Sender) => unknown;
    return Promise.resolve(handler(msg.params, sender));
  };
}
