/**
 * Matches the initial pass found far from the viewport and has not wrapped yet, kept in document
 * order, and where the viewport lies among them. The engine decides when to wrap them (as the
 * reader comes near, or for a jump or a step); this module only keeps and places them.
 */
import type { TermMatch } from './matcher';
import { groupOf } from './highlighter';
import { caretNode } from './walker';
import { MARK_ATTR } from './dom-rules';

/** Text nodes walked from a point in the page to find one whose document-order number is known. */
const SEQ_WALK = 500;

/** Matches found in a text node and not yet wrapped. */
export interface Waiting {
  text: Text;
  /** The text as matched; if the node holds something else now, the matches are stale. */
  data: string;
  matches: TermMatch[];
  /** Its place in document order: the initial pass numbers the text nodes with matches it meets. */
  seq: number;
  done: boolean;
}

/**
 * A waiting entry whose text node is still in the page, unchanged, and not wrapped since (a page
 * change that reaches such a node has it scanned again, and wrapped then).
 */
export function isValid(e: Waiting): boolean {
  return !e.done && e.text.isConnected && e.text.data === e.data && groupOf(e.text) === undefined;
}

export class WaitingList {
  /** Entries before the pass's start (in reverse document order) and after it. */
  private before: Waiting[] = [];
  private after: Waiting[] = [];
  /** Both lists in document order, rebuilt when they grew. */
  private order: Waiting[] = [];
  private orderDirty = false;
  /**
   * Document-order numbers of the text nodes with matches that the initial pass met (wrapped or
   * waiting). They place a node among the entries without comparing DOM positions:
   * compareDocumentPosition is linear in the number of siblings, ~1 ms in a 40,000-block page.
   */
  private readonly seqOf = new WeakMap<Text, number>();
  /** Entries not yet handled. */
  size = 0;

  constructor(private readonly doc: Document) {}

  /** Notes the document-order number of a text node with matches, wrapped or not. */
  number(text: Text, seq: number): void {
    this.seqOf.set(text, seq);
  }

  /** Adds an entry found going forward (1) or backward (-1) from the pass's start. */
  add(e: Waiting, dir: 1 | -1): void {
    (dir === 1 ? this.after : this.before).push(e);
    this.size++;
    this.orderDirty = true;
  }

  /** Marks an entry as handled. */
  settle(e: Waiting): void {
    if (e.done) return;
    e.done = true;
    this.size--;
  }

  clear(): void {
    this.before = [];
    this.after = [];
    this.order = [];
    this.size = 0;
  }

  /** The entries in document order (some may be done already: callers skip them). */
  ordered(): Waiting[] {
    if (this.orderDirty) {
      const open = (e: Waiting): boolean => !e.done;
      this.before = this.before.filter(open);
      this.after = this.after.filter(open);
      this.order = [...this.before].reverse().concat(this.after);
      this.orderDirty = false;
    }
    return this.order;
  }

  /** Number of matches still waiting and valid. */
  count(): number {
    let n = 0;
    if (this.size > 0) for (const e of this.ordered()) if (isValid(e)) n += e.matches.length;
    return n;
  }

  /**
   * The open entries to wrap for a viewport that spans document-order numbers `span`: none unless
   * one lies within `near` of it (so most looks write nothing); else those in view first, then
   * outward up to `margin` on either side, at most `limit`.
   */
  around(span: [number, number], near: number, margin: number, limit: number): Waiting[] {
    const list = this.ordered();
    const [a, b] = span;
    const open = (i: number): boolean => list[i] !== undefined && !(list[i] as Waiting).done;
    let close = false;
    for (let i = indexOfSeq(list, a - near); i < list.length && (list[i] as Waiting).seq <= b + near && !close; i++) close = open(i);
    if (!close) return [];
    const picked: Waiting[] = [];
    const take = (i: number): void => {
      if (open(i) && picked.length < limit) picked.push(list[i] as Waiting);
    };
    const i0 = indexOfSeq(list, a);
    const i1 = indexOfSeq(list, b + 1);
    for (let i = i0; i < i1; i++) take(i);
    for (let l = i0 - 1, r = i1; picked.length < limit; ) {
      const left = l >= 0 && (list[l] as Waiting).seq >= a - margin;
      const right = r < list.length && (list[r] as Waiting).seq <= b + margin;
      if (!left && !right) break;
      if (right) take(r++);
      if (left) take(l--);
    }
    return picked;
  }

  /** Index in ordered() of the first entry at or after `node`. */
  indexAt(node: Node): number {
    const list = this.ordered();
    const seq = this.seqAt(node);
    return seq === null ? lowerBound(list, node) : indexOfSeq(list, seq);
  }

  /**
   * The document-order numbers of the first and last entries in the viewport (or the first after
   * it), or null when no entry is near it.
   */
  viewportSpan(win: Window): [number, number] | null {
    return this.spanByBoxes(this.ordered(), win) ?? this.spanByHitTest(win);
  }

  /**
   * The span by binary search over the entries' boxes: layout is read, never changed, so this
   * costs microseconds once the frame is laid out. Null when the boxes are not in document order
   * there (columns, positioned or hidden content): the hit test then decides.
   */
  private spanByBoxes(list: readonly Waiting[], win: Window): [number, number] | null {
    if (list.length === 0) return null;
    const rect = (i: number): DOMRect | null => (list[i] as Waiting).text.parentElement?.getBoundingClientRect() ?? null;
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
    return [(list[at] as Waiting).seq, (list[last] as Waiting).seq];
  }

  /** The span from the text under the viewport's top and bottom edges (a hit test: slower). */
  private spanByHitTest(win: Window): [number, number] | null {
    const top = nodeAtPoint(this.doc, 1);
    const bottom = nodeAtPoint(this.doc, win.innerHeight - 2);
    const s1 = top ? this.seqAt(top) : null;
    const s2 = bottom ? this.seqAt(bottom) : null;
    if (s1 === null && s2 === null) return null;
    return [Math.min(s1 ?? (s2 as number), s2 ?? (s1 as number)), Math.max(s1 ?? (s2 as number), s2 ?? (s1 as number))];
  }

  /**
   * The document-order number of `node`: that of the nearest text with matches after it (or just
   * past the one before it), found by a short walk; null if there is none within SEQ_WALK.
   */
  private seqAt(node: Node): number | null {
    const w = this.doc.createTreeWalker(this.doc.body ?? this.doc.documentElement, NodeFilter.SHOW_TEXT);
    w.currentNode = node;
    let n: Node | null = node.nodeType === 3 ? node : w.nextNode();
    for (let k = 0; n !== null && k < SEQ_WALK; k++, n = w.nextNode()) {
      const s = this.seqOf.get(n as Text);
      if (s !== undefined) return s;
    }
    w.currentNode = node;
    n = w.previousNode();
    for (let k = 0; n !== null && k < SEQ_WALK; k++, n = w.previousNode()) {
      const s = this.seqOf.get(n as Text);
      if (s !== undefined) return s + 0.5;
    }
    return null;
  }
}

/** Index of the first entry of `list` (in document order) whose number is at least `seq`. */
function indexOfSeq(list: readonly Waiting[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Waiting).seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first entry at or after `node` in document order. */
function lowerBound(list: readonly Waiting[], node: Node): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const pos = node.compareDocumentPosition((list[mid] as Waiting).text);
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

/**
 * Occurrences per entry (the first id of each) over the marks and the waiting matches, in order
 * of first appearance on the page.
 */
export function countTerms(marks: readonly HTMLElement[], waiting: WaitingList): { count: number; terms: { id: string; count: number }[] } {
  const counts = new Map<string, number>();
  const firstMark: [string, Node][] = [];
  for (const m of marks) {
    const id = (m.getAttribute(MARK_ATTR) ?? '').split(' ')[0];
    if (!id) continue;
    if (!counts.has(id)) firstMark.push([id, m]);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let count = marks.length;
  if (waiting.size === 0) return { count, terms: [...counts].map(([id, n]) => ({ id, count: n })) };
  const firstWaiting: [string, Node][] = [];
  const seen = new Set<string>();
  for (const e of waiting.ordered()) {
    if (!isValid(e)) continue;
    for (const m of e.matches) {
      const id = m.ids[0] as string;
      count++;
      counts.set(id, (counts.get(id) ?? 0) + 1);
      if (!seen.has(id)) {
        seen.add(id);
        firstWaiting.push([id, e.text]);
      }
    }
  }
  // Both lists are in document order: merge them, comparing positions only at their heads.
  const order: string[] = [];
  const placed = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < firstMark.length || j < firstWaiting.length) {
    const a = firstMark[i];
    const b = firstWaiting[j];
    const takeA = a !== undefined && (b === undefined || (a[1].compareDocumentPosition(b[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
    const [id] = takeA ? (firstMark[i++] as [string, Node]) : (firstWaiting[j++] as [string, Node]);
    if (!placed.has(id)) {
      placed.add(id);
      order.push(id);
    }
  }
  return { count, terms: order.map((id) => ({ id, count: counts.get(id) as number })) };
}
