/**
 * Reading what the extension painted, from the page's own world. Terms are painted with the CSS
 * Custom Highlight API, so the page's DOM holds no trace of them; the highlight registry
 * (`CSS.highlights`) is the document's, and the page world sees the ranges the content script
 * put there. Used by both browser harnesses (a function's source, evaluated in the page).
 */
import { createMatcher, type Matcher } from '../../src/engine/matcher';
import { loadFullGlossary } from '../unit/helpers';

export interface PaintedTerm {
  text: string;
  /** Highlight name (iza-u, iza-b, iza-n). */
  style: string;
  /** Centre of its first box, in viewport coordinates. */
  x: number;
  y: number;
  visible: boolean;
}

/**
 * Source of a page function `(scope) => PaintedTerm[]`: the painted ranges in document order,
 * inside the element `scope` selects (or everywhere, shadow roots and all, for '').
 */
export const PAINTED_SRC = `(scope) => {
  const root = scope ? document.querySelector(scope) : null;
  if (scope && !root) return [];
  // Inside the scope element, or in a shadow root hosted (at any depth) under it.
  const inScope = (n) => {
    for (let x = n; x; x = x.getRootNode().host ?? null) if (root.contains(x)) return true;
    return false;
  };
  const all = [];
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('iza-') || name === 'iza-flash') continue;
    for (const r of h) {
      const n = r.startContainer;
      if (!n.isConnected || (root && !inScope(n))) continue;
      all.push([name, r]);
    }
  }
  // Document order; a shadow root's content sorts at its host.
  const anchor = (n) => { let x = n; while (x.getRootNode() !== document && x.getRootNode().host) x = x.getRootNode().host; return x; };
  all.sort(([, a], [, b]) => {
    if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
    const x = anchor(a.startContainer), y = anchor(b.startContainer);
    if (x === y) return a.startContainer.compareDocumentPosition(b.startContainer) & 4 ? -1 : 1;
    return x.compareDocumentPosition(y) & 4 ? -1 : 1;
  });
  return all.map(([style, r]) => {
    const range = new Range();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getClientRects()[0];
    const x = box ? box.left + box.width / 2 : -1;
    const y = box ? box.top + box.height / 2 : -1;
    return { text: range.toString(), style, x, y, visible: !!box && y >= 0 && y <= innerHeight };
  });
}`;

let matcher: Matcher | null = null;

/**
 * The entry ids a text stands for, by the same compiled glossary (word list and generated
 * inflections included) and matcher as the build.
 */
export function idsOf(text: string): string {
  matcher ??= createMatcher(loadFullGlossary().matcher);
  return (matcher.resolve(text) ?? []).join(' ');
}

/** Polls `read` until its value equals `want` (as JSON) or `timeout` ms pass; returns the last value read. */
export async function pollFor<T>(read: () => Promise<T>, want: T, timeout: number, every = 60): Promise<T> {
  const end = Date.now() + timeout;
  let got = await read();
  while (JSON.stringify(got) !== JSON.stringify(want) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, every));
    got = await read();
  }
  return got;
}
