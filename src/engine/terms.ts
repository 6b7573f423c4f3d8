/**
 * Every term occurrence found on the page, whether painted or not, kept per text node in document
 * order. Counts, the term list, jump and next/previous read from here, so they cover the whole
 * page, also the parts far from the viewport that are not painted. The engine (web pages) and the
 * PDF reader (text layers) both add entries; the painter decides what is painted.
 */
import type { TermMatch } from './matcher';
import { groupOf } from './highlighter';

/** Text nodes walked from a point in the page to find one whose document-order number is known. */
const SEQ_WALK = 500;

/** One term occurrence: a range over the page's own text (it may span text nodes in the reader). */
export interface Occurrence {
  entry: Entry;
  ids: readonly string[];
  /** Where the term lies in the page's own text nodes, as the page made them. */
  startNode: Text;
  start: number;
  endNode: Text;
  end: number;
}

/** The occurrences found in one text node (those that start in it). */
export interface Entry {
  text: Text;
  /** The text as matched; if the node holds something else now, the occurrences are stale. */
  data: string;
  occ: Occurrence[];
  /** Its place in document order (see TermIndex.place). */
  seq: number;
  /** Painted now (its ranges are in the page's highlight, or it is wrapped in the fallback). */
  painted: boolean;
  /** Dropped from the index (page changed it, or stop). */
  done: boolean;
}

/**
 * `data` is the node's text as matched, when the caller has read it already (every read of a
 * text node's data is a call into the browser).
 */
export function makeEntry(text: Text, matches: readonly TermMatch[], seq: number, data: string = text.data): Entry {
  // A plain loop into an array of the right size, not map(): no closure per entry, no empty array
  // replaced at once, no spare room (the pass makes ~25,000 entries on the 5 MB page, and every
  // one of them survives into the old generation: the garbage collector copies each byte twice).
  const n = matches.length;
  const occ = new Array<Occurrence>(n);
  const entry: Entry = { text, data, occ, seq, painted: false, done: false };
  for (let k = 0; k < n; k++) {
    const m = matches[k] as TermMatch;
    occ[k] = { entry, ids: m.ids, startNode: text, start: m.start, endNode: text, end: m.end };
  }
  return entry;
}

/**
 * An entry still in the page and unchanged since it was matched (while a term of it is wrapped,
 * the node holds the text before that term, and mark.js's pieces the rest).
 */
export function isValid(e: Entry): boolean {
  if (e.done || !e.text.isConnected) return false;
  if (e.text.data === e.data) return true;
  const g = groupOf(e.text);
  return g !== undefined && g.text === e.text && g.original === e.data && g.left === e.text.data;
}

/** A text node with the entries of the indexes that found terms in it. */
type Keyed = Text & { [key: symbol]: Entry | undefined };

export class TermIndex {
  /** All open entries, sorted by seq (rebuilt lazily when entries were added). */
  private list: Entry[] = [];
  private added: Entry[] = [];
  /**
   * Per text node, its latest entry, kept once dropped too: its seq is the node's document-order
   * number (see place). It is a property of the node itself, under a symbol of this index, not a
   * weak map: the initial pass adds ~25,000 entries on the 5 MB page, and a weak map's entries
   * cost a hash per node to add and the garbage collector work on every pass over the heap. The
   * page never sees it: a content script runs in an isolated world, with JavaScript objects of its
   * own for the page's nodes (Chromium) or Xray wrappers whose properties stay on our side
   * (Firefox), and a node's object that has a property of its own lives as long as the node does
   * (what jQuery's data() relies on in content scripts). The bench, which runs the engine in the
   * page's own world, is the one place where the page could see it. An index made after a restart
   * has a new symbol, so it never reads an old one's entries.
   */
  private readonly key = Symbol('iza-entry');
  /** Document-order numbers of text nodes placed before they had an entry. */
  private readonly placed = new WeakMap<Text, number>();
  /**
   * Entries with occurrences that end under another parent than their text node's (the reader's
   * text layers), per such parent: the hover hit test finds them there too. Web pages have none.
   */
  private readonly spanning = new WeakMap<Node, Entry[]>();
  /** inParent's answers, valid while `version` (bumped by every add and drop) is unchanged. */
  private readonly parentCache = new WeakMap<Node, { version: number; list: Entry[] }>();
  private version = 0;
  private open = 0;
  /** Occurrences of the open entries (kept up by add and drop). */
  private openOcc = 0;
  /**
   * count()'s last check of every entry: the open entries it found invalid (their text removed or
   * changed by the page), and the page's change number it ran at (see touch()).
   */
  private invalid = new Set<Entry>();
  private invalidOcc = 0;
  private checkedAt = 0;
  private pageChanges = 0;

  constructor(private readonly doc: Document) {}

  get size(): number {
    return this.open;
  }

  entryOf(text: Text): Entry | undefined {
    const e = (text as Keyed)[this.key];
    return e && !e.done ? e : undefined;
  }

  /**
   * Open entries whose text node is a child of `parent` (or that have an occurrence ending in
   * one). Only the hover hit test asks, for the element under the pointer: worked out then from
   * the element's children, rather than kept up to date for every entry the pass adds.
   */
  inParent(parent: Node): readonly Entry[] {
    const cached = this.parentCache.get(parent);
    if (cached !== undefined && cached.version === this.version) return cached.list;
    const list: Entry[] = [];
    for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
      if (n.nodeType !== 3) continue;
      const e = (n as Keyed)[this.key];
      if (e !== undefined && !e.done) list.push(e);
    }
    for (const e of this.spanning.get(parent) ?? []) if (!e.done && !list.includes(e)) list.push(e);
    this.parentCache.set(parent, { version: this.version, list });
    return list;
  }

  add(e: Entry): void {
    const old = (e.text as Keyed)[this.key];
    if (old && !old.done) this.drop(old);
    (e.text as Keyed)[this.key] = e;
    const p = e.text.parentNode;
    for (const o of e.occ) {
      if (o.endNode === e.text) continue;
      const q = o.endNode.parentNode;
      if (q === null || q === p) continue;
      const list = this.spanning.get(q);
      if (!list) this.spanning.set(q, [e]);
      else if (!list.includes(e)) list.push(e);
    }
    this.added.push(e);
    this.open++;
    this.openOcc += e.occ.length;
    this.version++;
  }

  drop(e: Entry): void {
    if (e.done) return;
    e.done = true;
    this.open--;
    this.openOcc -= e.occ.length;
    if (this.invalid.delete(e)) this.invalidOcc -= e.occ.length;
    this.version++;
    for (const o of e.occ) {
      if (o.endNode === e.text) continue;
      const q = o.endNode.parentNode;
      const list = q ? this.spanning.get(q) : undefined;
      const i = list ? list.indexOf(e) : -1;
      if (i !== -1) list?.splice(i, 1);
    }
  }

  clear(): void {
    // The nodes let go of the entries (those dropped before and since sorted out stay: few).
    for (const e of this.list.concat(this.added)) if ((e.text as Keyed)[this.key] === e) (e.text as Keyed)[this.key] = undefined;
    for (const e of this.ordered()) e.done = true;
    this.version++;
    this.list = [];
    this.added = [];
    this.open = 0;
    this.openOcc = 0;
    this.invalid.clear();
    this.invalidOcc = 0;
    this.checkedAt = this.pageChanges;
  }

  /**
   * The page changed (a batch of its mutations): the next count() checks every entry again. An
   * entry is valid when added, and only a change of the page makes it invalid, so between two
   * changes count() adds up without reading the page (during the initial pass the badge's count
   * read every text node again, 12-15 ms each time on the 5 MB page).
   */
  touch(): void {
    this.pageChanges++;
  }

  /** Open entries in document order. */
  ordered(): readonly Entry[] {
    if (this.added.length > 0 || this.list.length > this.open) {
      const all = this.list.concat(this.added).filter((e) => !e.done);
      all.sort((a, b) => a.seq - b.seq);
      this.list = all;
      this.added = [];
    }
    return this.list;
  }

  /** Every valid occurrence, in document order. */
  occurrences(): Occurrence[] {
    const out: Occurrence[] = [];
    for (const e of this.ordered()) if (isValid(e)) for (const o of e.occ) out.push(o);
    return out;
  }

  count(): number {
    if (this.checkedAt !== this.pageChanges) {
      this.invalid.clear();
      this.invalidOcc = 0;
      for (const e of this.ordered()) {
        if (isValid(e)) continue;
        this.invalid.add(e);
        this.invalidOcc += e.occ.length;
      }
      this.checkedAt = this.pageChanges;
    }
    return this.openOcc - this.invalidOcc;
  }

  /** Occurrences per entry id (the first id of each), in order of first appearance. */
  termCounts(): { count: number; terms: { id: string; count: number }[] } {
    const counts = new Map<string, number>();
    let count = 0;
    for (const e of this.ordered()) {
      if (!isValid(e)) continue;
      for (const o of e.occ) {
        const id = o.ids[0] as string;
        counts.set(id, (counts.get(id) ?? 0) + 1);
        count++;
      }
    }
    return { count, terms: [...counts].map(([id, n]) => ({ id, count: n })) };
  }

  /**
   * A document-order number for a text node met outside the initial pass (content the page
   * added): between those of the nearest numbered text nodes before and after it.
   */
  place(text: Text): number {
    const known = this.seqOf(text);
    if (known !== undefined) return known;
    const { before, after } = this.neighbours(text);
    let seq: number;
    if (before !== null && after !== null) seq = (before + after) / 2;
    else if (before !== null) seq = before + 0.5;
    else if (after !== null) seq = after - 0.5;
    else {
      // No numbered neighbour near: place it among the entries by comparing positions.
      const list = this.ordered();
      const i = lowerBound(list, text);
      const a = list[i - 1]?.seq;
      const b = list[i]?.seq;
      seq = a !== undefined && b !== undefined ? (a + b) / 2 : a !== undefined ? a + 1 : b !== undefined ? b - 1 : 0;
    }
    this.placed.set(text, seq);
    return seq;
  }

  /** Index in ordered() of the first entry at or after `node`. */
  indexAt(node: Node): number {
    const list = this.ordered();
    const text = node.nodeType === 3 ? this.seqOf(node as Text) : undefined;
    if (text !== undefined) return indexOfSeq(list, text);
    const { before, after } = this.neighbours(node);
    if (after !== null) return indexOfSeq(list, after);
    if (before !== null) return indexOfSeq(list, before + 0.25);
    return lowerBound(list, node);
  }

  /** The document-order number of a text node with occurrences (also of one whose entry is gone). */
  private seqOf(text: Text): number | undefined {
    return (text as Keyed)[this.key]?.seq ?? this.placed.get(text);
  }

  /** Numbers of the nearest numbered text nodes after and before `node`, by a short walk. */
  private neighbours(node: Node): { before: number | null; after: number | null } {
    const root = node.getRootNode() as Document | ShadowRoot;
    const doc = node.ownerDocument ?? this.doc;
    const w = doc.createTreeWalker(root.nodeType === 9 ? ((root as Document).body ?? root) : root, NodeFilter.SHOW_TEXT);
    let after: number | null = null;
    let before: number | null = null;
    try {
      w.currentNode = node;
    } catch {
      return { before, after };
    }
    for (let n = w.nextNode(), k = 0; n !== null && k < SEQ_WALK; n = w.nextNode(), k++) {
      const s = this.seqOf(n as Text);
      if (s !== undefined) {
        after = s;
        break;
      }
    }
    w.currentNode = node;
    for (let n = w.previousNode(), k = 0; n !== null && k < SEQ_WALK; n = w.previousNode(), k++) {
      const s = this.seqOf(n as Text);
      if (s !== undefined) {
        before = s;
        break;
      }
    }
    if (before !== null && after !== null && before > after) before = null; // Across roots.
    return { before, after };
  }
}

/** Index of the first entry of `list` (in document order) whose number is at least `seq`. */
export function indexOfSeq(list: readonly Entry[], seq: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Entry).seq < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first entry at or after `node` in document order (compares DOM positions). */
function lowerBound(list: readonly Entry[], node: Node): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const pos = node.compareDocumentPosition((list[mid] as Entry).text);
    if (pos & Node.DOCUMENT_POSITION_PRECEDING) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
