/**
 * Where the reader is, in terms of the index: the document-order numbers of the entries in the
 * viewport, the unpainted ones around it to paint, and the painted ones farthest away to let go
 * (reveal.ts, and the session's jump and step).
 */
import { indexOfSeq, type Entry, type TermIndex } from './terms';
import { caretNode } from './dom-rules';

/**
 * The document-order numbers of the first and last entries in the viewport (or the first after
 * it), or null when no entry is near it.
 */
export function viewportSpan(index: TermIndex, win: Window): [number, number] | null {
  return spanByBoxes(index.ordered(), win) ?? spanByHitTest(index, win);
}

/**
 * The entries `want` accepts for a viewport that spans `span`: none unless one lies within
 * `near` entries of it (so most looks write nothing); else those in view first, then outward up
 * to `margin` entries on either side, at most `limit`.
 */
export function around(index: TermIndex, span: [number, number], near: number, margin: number, limit: number, want: (e: Entry) => boolean): Entry[] {
  const list = index.ordered();
  const i0 = indexOfSeq(list, span[0]);
  const i1 = Math.max(i0, indexOfSeq(list, span[1] + 1e-9));
  let close = false;
  for (let i = Math.max(0, i0 - near); i < Math.min(list.length, i1 + near) && !close; i++) close = want(list[i] as Entry);
  if (!close) return [];
  const picked: Entry[] = [];
  const take = (i: number): void => {
    const e = list[i] as Entry;
    if (picked.length < limit && want(e)) picked.push(e);
  };
  for (let i = i0; i < i1; i++) take(i);
  for (let k = 1; k <= margin && picked.length < limit; k++) {
    if (i1 - 1 + k < list.length) take(i1 - 1 + k);
    if (i0 - k >= 0) take(i0 - k);
    if (i1 - 1 + k >= list.length && i0 - k < 0) break;
  }
  return picked;
}

/**
 * Painted entries farthest from `span` (outside `keep` entries of it), to unpaint so that at
 * most `budget` occurrences stay painted.
 */
export function farthest(index: TermIndex, span: [number, number], keep: number, painted: number, budget: number): Entry[] {
  const list = index.ordered();
  const i0 = indexOfSeq(list, span[0]);
  const out: Entry[] = [];
  let lo = 0;
  let hi = list.length - 1;
  while (painted > budget && (lo < i0 - keep || hi > i0 + keep)) {
    const pickLow = i0 - lo > hi - i0;
    const e = list[pickLow ? lo++ : hi--] as Entry;
    if (e.painted) {
      out.push(e);
      painted -= e.occ.length;
    }
  }
  return out;
}

/**
 * The span by binary search over the entries' boxes: layout is read, never changed, so this
 * costs microseconds once the frame is laid out. Null when the boxes are not in document order
 * there (columns, positioned or hidden content): the hit test then decides.
 */
function spanByBoxes(list: readonly Entry[], win: Window): [number, number] | null {
  if (list.length === 0) return null;
  const rect = (i: number): DOMRect | null => (list[i] as Entry).text.parentElement?.getBoundingClientRect() ?? null;
  const firstWhere = (test: (r: DOMRect) => boolean): number => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = rect(mid);
      if (r !== null && test(r)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const h = win.innerHeight;
  const lo = firstWhere((r) => r.bottom > 0);
  const hi = firstWhere((r) => r.top >= h);
  const at = Math.min(lo, list.length - 1);
  const r = rect(at);
  // Sanity: the entry found must lie in or just below the viewport, and the one before it above.
  if (r === null || r.bottom <= 0 || r.top > 2 * h || r.width === 0) return null;
  const before = at > 0 ? rect(at - 1) : null;
  if (before !== null && before.width > 0 && before.bottom > r.bottom) return null;
  const last = Math.max(at, Math.min(hi, list.length) - 1);
  return [(list[at] as Entry).seq, (list[last] as Entry).seq];
}

/** The span from the text under the viewport's top and bottom edges (a hit test: slower). */
function spanByHitTest(index: TermIndex, win: Window): [number, number] | null {
  const list = index.ordered();
  const doc = win.document;
  const top = nodeAtPoint(doc, 1);
  const bottom = nodeAtPoint(doc, win.innerHeight - 2);
  const s1 = top ? list[Math.min(index.indexAt(top), list.length - 1)]?.seq ?? null : null;
  const s2 = bottom ? list[Math.min(index.indexAt(bottom), list.length - 1)]?.seq ?? null : null;
  if (s1 === null && s2 === null) return null;
  const a = s1 ?? (s2 as number);
  const b = s2 ?? (s1 as number);
  return [Math.min(a, b), Math.max(a, b)];
}

/** The node at height `y` of the viewport: text under a caret there, or else the element. */
function nodeAtPoint(doc: Document, y: number): Node | null {
  const win = doc.defaultView as Window;
  for (const x of [win.innerWidth / 2, win.innerWidth / 5, (win.innerWidth * 4) / 5]) {
    const node = caretNode(doc, x, y);
    if (node && node.nodeType === 3) return node;
  }
  const el = doc.elementFromPoint(win.innerWidth / 2, y);
  return el === null || el === doc.body || el === doc.documentElement ? null : el;
}
