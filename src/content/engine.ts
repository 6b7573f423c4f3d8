/**
 * The highlighting engine: walks the page once, from the viewport outward, in short slices that
 * yield to the page; then keeps up with content the page adds, through one MutationObserver.
 * Everything it does is undone by stop().
 */
import type { Matcher, TermMatch } from './matcher';
import { groupOf, unwrapAll, unwrapGroup, wrapMatches } from './highlighter';
import { EXCLUDED_SELECTOR, MARK_ATTR, MARK_SELECTOR, isInsideExcluded, isOwnMark } from './dom-rules';
import { SLICE_MS, now, yieldToPage } from './scheduler';
import { caretNode, createTextWalk, viewportAnchor, type TextWalk } from './walker';
import type { FirstOnly } from '../common/settings';

export interface EngineOptions {
  matcher: Matcher;
  /** Keeps the ids that may be highlighted (the category filter); empty = skip the match. */
  allow(ids: readonly string[]): readonly string[];
  firstOnly: FirstOnly;
  /** Highlight-style class put on every mark. */
  styleClass: string;
  /** A new open shadow root was found (to style marks inside it). */
  onShadowRoot?(root: ShadowRoot): void;
  /** Marks were added or removed. */
  onChange?(): void;
}

/** Delay before content added by the page is highlighted, batching bursts of mutations. */
export const MUTATION_BATCH_MS = 20;

/**
 * Marks each direction of the initial pass makes at once, outward from the viewport. Beyond that,
 * matches are found and counted but wrapped only when the reader comes near them: writing a mark
 * costs 10-25 µs (mark.js, plus the browser's layout of the change), so a long document with tens
 * of thousands of terms would otherwise cost seconds for marks nobody sees (bench/RESULTS.md).
 */
export const EAGER_MARKS = 200;
/** When a deferred text node this close to the viewport (in text nodes with matches) is waiting… */
const REVEAL_NEAR = 40;
/** …those up to this far on either side are wrapped, so the reader can scroll on for a while. */
const REVEAL_MARGIN = 400;
/** At most this many deferred text nodes are wrapped in one frame; the rest follow next frame. */
const REVEAL_PER_FRAME = 500;
/** Shortest time between two looks at the viewport while the page scrolls. */
const REVEAL_EVERY_MS = 100;

/** Text nodes walked from a point in the page to find one whose document-order number is known. */
const SEQ_WALK = 500;

/** What the MutationObserver watches on each root. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['contenteditable'] };

interface Task {
  walk: TextWalk;
  /** A node to handle before walking (the viewport anchor itself). */
  first: Node | null;
  /** The initial pass over the document, forward (1) or backward (-1); 0 for other work. */
  dir: 1 | -1 | 0;
  /** Marks this task may still make before it defers its matches (initial pass only). */
  eager: number;
  /** Document-order number of the next text node with matches (counting down going backward). */
  seq: number;
}

/** Matches found in a text node and not yet wrapped (far from the viewport). */
interface Deferred {
  text: Text;
  /** The text as matched; if the node holds something else now, the matches are stale. */
  data: string;
  matches: TermMatch[];
  /** Its place in document order (see Task.seq). */
  seq: number;
  done: boolean;
}

export interface EngineTimings {
  start: number;
  /** End of the first slice that made marks. */
  firstMarks: number | null;
  /** End of the initial pass. */
  initialDone: number | null;
}

export class Engine {
  readonly timings: EngineTimings = { start: 0, firstMarks: null, initialDone: null };
  private readonly tasks: Task[] = [];
  private readonly roots: (Document | ShadowRoot)[] = [];
  private readonly pending = new Set<Node>();
  private readonly observer: MutationObserver;
  private seen = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  private stopped = false;
  private madeMarks = false;
  private prepared = false;
  private idle: Promise<void> = Promise.resolve();
  /** Deferred matches of the initial pass: before the anchor (reverse document order) and after it. */
  private before: Deferred[] = [];
  private after: Deferred[] = [];
  /** Both lists in document order, rebuilt when they grew. */
  private order: Deferred[] = [];
  private orderDirty = false;
  /**
   * Document-order numbers of the text nodes with matches that the initial pass met (wrapped or
   * deferred). They place the viewport in the deferred list without comparing DOM positions:
   * compareDocumentPosition is linear in the number of siblings, ~1 ms in a 40,000-block page.
   */
  private readonly seqOf = new WeakMap<Text, number>();
  private deferredCount = 0;
  private revealFrame = 0;
  private lastReveal = -Infinity;
  private scrolledDuringPass = false;
  private revealListeners: AbortController | null = null;

  constructor(
    private readonly doc: Document,
    private opts: EngineOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
  }

  /** Starts highlighting; resolves when the initial pass over the page is done. */
  start(): Promise<void> {
    this.timings.start = now();
    this.addRoot(this.doc);
    const anchorNode = this.opts.firstOnly === 'off' ? viewportAnchor(this.doc) : null;
    const anchor = anchorNode && this.doc.body?.contains(anchorNode) ? liftOutOfExcluded(anchorNode) : null;
    const root = this.doc.body ?? this.doc.documentElement;
    if (anchor) {
      this.tasks.push(
        { walk: this.walk(root, { start: anchor }), first: anchor, dir: 1, eager: EAGER_MARKS, seq: 0 },
        { walk: this.walk(root, { start: anchor, backward: true }), first: null, dir: -1, eager: EAGER_MARKS, seq: -1 },
      );
    } else {
      this.tasks.push({ walk: this.walk(root), first: null, dir: 1, eager: EAGER_MARKS, seq: 0 });
    }
    return this.run().then(() => {
      this.timings.initialDone = now();
    });
  }

  /** Removes every mark, restores the page's text nodes, and stops observing. */
  stop(): void {
    this.stopped = true;
    this.tasks.length = 0;
    this.pending.clear();
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.observer.disconnect();
    this.revealListeners?.abort();
    cancelAnimationFrame(this.revealFrame);
    clearTimeout(this.revealFrame);
    this.before = [];
    this.after = [];
    this.order = [];
    this.deferredCount = 0;
    for (const r of this.roots) unwrapAll(r, MARK_SELECTOR);
    this.roots.length = 0;
  }

  /** Every mark, in document order (document first, then shadow roots). */
  marks(): HTMLElement[] {
    return this.roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>(MARK_SELECTOR)]);
  }

  /** Number of term occurrences: the marks, and the matches still waiting to be wrapped. */
  count(): number {
    let n = this.marks().length;
    if (this.deferredCount > 0) for (const e of this.ordered()) if (isValid(e)) n += e.matches.length;
    return n;
  }

  /**
   * Occurrences per entry (the first id of each), in order of first appearance on the page,
   * counting the matches not yet wrapped too.
   */
  termCounts(): { count: number; terms: { id: string; count: number }[] } {
    const counts = new Map<string, number>();
    const firstMark: [string, Node][] = [];
    const marks = this.marks();
    for (const m of marks) {
      const id = (m.getAttribute(MARK_ATTR) ?? '').split(' ')[0];
      if (!id) continue;
      if (!counts.has(id)) firstMark.push([id, m]);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    let count = marks.length;
    if (this.deferredCount === 0) return { count, terms: [...counts].map(([id, n]) => ({ id, count: n })) };
    const firstDeferred: [string, Node][] = [];
    const seen = new Set<string>();
    for (const e of this.ordered()) {
      if (!isValid(e)) continue;
      for (const m of e.matches) {
        const id = m.ids[0] as string;
        count++;
        counts.set(id, (counts.get(id) ?? 0) + 1);
        if (!seen.has(id)) {
          seen.add(id);
          firstDeferred.push([id, e.text]);
        }
      }
    }
    // Both lists are in document order: merge them, comparing positions only at their heads.
    const order: string[] = [];
    const placed = new Set<string>();
    let i = 0;
    let j = 0;
    while (i < firstMark.length || j < firstDeferred.length) {
      const a = firstMark[i];
      const b = firstDeferred[j];
      const takeA = a !== undefined && (b === undefined || (a[1].compareDocumentPosition(b[1]) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0);
      const [id] = takeA ? (firstMark[i++] as [string, Node]) : (firstDeferred[j++] as [string, Node]);
      if (!placed.has(id)) {
        placed.add(id);
        order.push(id);
      }
    }
    return { count, terms: order.map((id) => ({ id, count: counts.get(id) as number })) };
  }

  /** Wraps every waiting match that `wanted` accepts (e.g. before jumping to a term). */
  reveal(wanted: (ids: readonly string[]) => boolean): void {
    if (this.deferredCount === 0) return;
    const list = this.ordered().filter((e) => !e.done && e.matches.some((m) => wanted(m.ids)));
    this.wrapDeferred(list);
  }

  /**
   * Wraps the waiting matches around `node` in document order (before stepping from it to the
   * next term), or those in and around the viewport when `node` is null.
   */
  revealAround(node: Node | null): void {
    if (this.deferredCount === 0) return;
    if (node === null) {
      this.revealVisible(Infinity);
      return;
    }
    const list = this.ordered();
    const seq = this.seqAt(node);
    const at = seq === null ? lowerBound(list, node) : Engine.seqIndex(list, seq);
    this.wrapDeferred(list.slice(Math.max(0, at - REVEAL_NEAR), at + REVEAL_NEAR));
  }

  /** Changes the highlight style of existing and future marks. */
  setStyleClass(cls: string): void {
    const old = this.opts.styleClass;
    this.opts = { ...this.opts, styleClass: cls };
    for (const m of this.marks()) m.classList.replace(old, cls);
  }

  /** Resolves when queued work (initial pass and page changes so far) is done. */
  whenIdle(): Promise<void> {
    return this.idle;
  }

  private walk(root: Node, opts: { start?: Node; backward?: boolean } = {}): TextWalk {
    return createTextWalk(
      root,
      {
        onShadowRoot: (sr) => this.addRoot(sr, true),
        onHeading: this.opts.firstOnly === 'section' ? () => (this.seen = new Set()) : undefined,
      },
      opts,
    );
  }

  private addRoot(root: Document | ShadowRoot, walk = false): void {
    if (this.roots.includes(root)) return;
    this.roots.push(root);
    // contenteditable too: a region that becomes editable loses its marks before anyone types.
    this.observer.observe(root, OBSERVE);
    if (root.nodeType === 11) this.opts.onShadowRoot?.(root as ShadowRoot);
    if (walk) this.tasks.push({ walk: this.walk(root), first: null, dir: 0, eager: Infinity, seq: 0 });
  }

  private run(): Promise<void> {
    if (this.running) return this.idle;
    this.running = true;
    this.idle = (async () => {
      if (!this.prepared) {
        // The matcher's one-off set-up gets a slice of its own, apart from the first page work.
        this.prepared = true;
        this.opts.matcher.prepare();
        await yieldToPage();
      }
      while (this.tasks.length > 0 && !this.stopped) {
        const task = this.tasks.shift() as Task;
        const finished = this.slice(task);
        if (!finished) this.tasks.push(task);
        if (this.madeMarks && this.timings.firstMarks === null) this.timings.firstMarks = now();
        if (this.tasks.length > 0) await yieldToPage();
      }
      this.running = false;
      // The reader scrolled while the pass went on: wrap what is in view now (without a scroll,
      // the marks made at once cover the viewport: the pass starts there).
      if (this.scrolledDuringPass) this.requestReveal();
    })();
    return this.idle;
  }

  /** Works on a task for one slice. Returns true when the task is exhausted. */
  private slice(task: Task): boolean {
    const end = now() + SLICE_MS;
    let changed = false;
    let n = 0;
    let exhausted = false;
    this.writing(() => {
      if (task.first) {
        if (task.first.nodeType === 3) changed = this.scan(task.first as Text, task) || changed;
        task.first = null;
      }
      for (;;) {
        const text = task.walk.next();
        if (text === null) {
          exhausted = true;
          break;
        }
        if (this.scan(text, task)) changed = true;
        if ((++n & 7) === 0 && now() > end) break;
      }
    });
    if (changed) {
      this.madeMarks = true;
      this.opts.onChange?.();
    }
    return exhausted;
  }

  /**
   * Runs DOM writes with the observer disconnected: the browser then records none of our own
   * mutations (which cost as much as the writes themselves), and they can never be reprocessed.
   * `fn` is synchronous, so no page change can fall in the gap; changes the page made before are
   * taken first.
   */
  private writing(fn: () => void): void {
    const before = this.observer.takeRecords();
    if (before.length > 0) this.onRecords(before);
    this.observer.disconnect();
    try {
      fn();
    } finally {
      for (const r of this.roots) this.observer.observe(r, OBSERVE);
    }
  }

  /**
   * Finds the terms of one text node and wraps them, or, far from the viewport in the initial
   * pass, keeps them for later. Returns true if marks were made or kept.
   */
  private scan(text: Text, task: Task): boolean {
    const data = text.data;
    const found = this.opts.matcher.find(data);
    if (found.length === 0) return false;
    if (groupOf(text)) return false; // Already ours: the page's node we split, or a piece.
    const keep = this.filter(found);
    if (keep.length === 0) return false;
    if (task.dir !== 0) {
      const seq = task.seq;
      task.seq += task.dir;
      this.seqOf.set(text, seq);
      if (task.eager <= 0) {
        this.defer({ text, data, matches: keep, seq, done: false }, task.dir);
        return true;
      }
    }
    if (wrapMatches(text, keep, { className: this.opts.styleClass }) === null) return false;
    task.eager -= keep.length;
    return true;
  }

  /** Applies the category filter and "first occurrence only"; allocates nothing when both pass all. */
  private filter(found: TermMatch[]): TermMatch[] {
    let keep: TermMatch[] | null = null;
    for (let k = 0; k < found.length; k++) {
      const m = found[k] as TermMatch;
      let ids = this.opts.allow(m.ids);
      if (ids.length > 0 && this.opts.firstOnly !== 'off') {
        ids = ids.filter((id) => !this.seen.has(id));
        for (const id of ids) this.seen.add(id);
      }
      if (ids === m.ids && keep === null) continue;
      keep ??= found.slice(0, k);
      if (ids.length > 0) keep.push(ids === m.ids ? m : { ...m, ids });
    }
    return keep ?? found;
  }

  private defer(e: Deferred, dir: 1 | -1): void {
    (dir === 1 ? this.after : this.before).push(e);
    this.deferredCount++;
    this.orderDirty = true;
    if (this.revealListeners === null) {
      // From now on, what scrolls into view (in the page or in any scrolling box) gets wrapped.
      this.revealListeners = new AbortController();
      const win = this.doc.defaultView;
      const opts = { capture: true, passive: true, signal: this.revealListeners.signal };
      const onScroll = (): void => {
        this.scrolledDuringPass ||= this.running;
        this.requestReveal();
      };
      win?.addEventListener('scroll', onScroll, opts);
      win?.addEventListener('resize', onScroll, opts);
    }
  }

  /** Marks a deferred entry as handled. */
  private settle(e: Deferred): void {
    if (e.done) return;
    e.done = true;
    this.deferredCount--;
  }

  /** Waiting matches in document order (entries already wrapped may remain: they are skipped). */
  private ordered(): Deferred[] {
    if (this.orderDirty) {
      const open = (e: Deferred): boolean => !e.done;
      this.before = this.before.filter(open);
      this.after = this.after.filter(open);
      this.order = [...this.before].reverse().concat(this.after);
      this.orderDirty = false;
    }
    return this.order;
  }

  /** Wraps waiting entries (those still valid); returns the number wrapped. */
  private wrapDeferred(list: readonly Deferred[]): number {
    // All reads first, then all writes: isInsideExcluded asks for isContentEditable, which
    // brings style up to date, so reading between writes would restyle the page once per node.
    const wrap = list.filter((e) => isValid(e) && !isInsideExcluded(e.text));
    for (const e of list) this.settle(e);
    let made = 0;
    this.writing(() => {
      for (const e of wrap) if (wrapMatches(e.text, e.matches, { className: this.opts.styleClass }) !== null) made++;
    });
    if (made > 0) this.opts.onChange?.();
    return made;
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

  /**
   * The document-order numbers of the first and last deferred entries in the viewport (or the
   * first after it), by binary search over the entries' boxes: layout is read, never changed, so
   * this costs microseconds once the frame is laid out. Null when the boxes are not in document
   * order there (columns, positioned or hidden content): the caller then asks the hit test.
   */
  private viewportSpan(list: readonly Deferred[], win: Window): [number, number] | null {
    if (list.length === 0) return null;
    const rect = (i: number): DOMRect | null => (list[i] as Deferred).text.parentElement?.getBoundingClientRect() ?? null;
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
    return [(list[at] as Deferred).seq, (list[last] as Deferred).seq];
  }

  /** The same from the text under the viewport's top and bottom edges (a hit test: slower). */
  private viewportSpanByHitTest(win: Window): [number, number] | null {
    const top = nodeAtPoint(this.doc, 1);
    const bottom = nodeAtPoint(this.doc, win.innerHeight - 2);
    const s1 = top ? this.seqAt(top) : null;
    const s2 = bottom ? this.seqAt(bottom) : null;
    if (s1 === null && s2 === null) return null;
    return [Math.min(s1 ?? (s2 as number), s2 ?? (s1 as number)), Math.max(s1 ?? (s2 as number), s2 ?? (s1 as number))];
  }

  /** Index of the first entry of `list` (ordered) whose number is at least `seq`. */
  private static seqIndex(list: readonly Deferred[], seq: number): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as Deferred).seq < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private requestReveal(): void {
    if (this.revealFrame !== 0 || this.deferredCount === 0 || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    // At most one look per REVEAL_EVERY_MS while scrolling: each costs a hit test of the page.
    const wait = this.lastReveal + REVEAL_EVERY_MS - now();
    const look = (): void => {
      this.revealFrame = win.requestAnimationFrame(() => {
        this.revealFrame = 0;
        this.lastReveal = now();
        this.revealVisible(REVEAL_PER_FRAME);
      });
    };
    if (wait <= 0) look();
    else this.revealFrame = win.setTimeout(look, wait);
  }

  /**
   * Wraps the waiting matches in and around the viewport. Finds them by document position: the
   * text at the viewport's top and bottom edges, placed in the ordered list. Writes in large
   * batches and only when the reader comes near unwrapped matches (within REVEAL_NEAR entries):
   * on a long flat page every DOM change costs a layout of the whole page (~90 ms for 40,000
   * paragraphs), whether it adds one mark or five hundred.
   */
  private revealVisible(limit: number): void {
    if (this.deferredCount === 0 || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    const list = this.ordered();
    const span = this.viewportSpan(list, win) ?? this.viewportSpanByHitTest(win);
    if (span === null) return; // No match near the viewport at all.
    const [a, b] = span;
    const open = (i: number): boolean => list[i] !== undefined && !(list[i] as Deferred).done;
    let near = false;
    for (let i = Engine.seqIndex(list, a - REVEAL_NEAR); i < list.length && (list[i] as Deferred).seq <= b + REVEAL_NEAR && !near; i++) near = open(i);
    if (!near) return;
    // The viewport's own first, then outward.
    const picked: Deferred[] = [];
    const take = (i: number): void => {
      if (open(i) && picked.length < limit) picked.push(list[i] as Deferred);
    };
    const i0 = Engine.seqIndex(list, a);
    const i1 = Engine.seqIndex(list, b + 1);
    for (let i = i0; i < i1; i++) take(i);
    for (let l = i0 - 1, r = i1; picked.length < limit; ) {
      const left = l >= 0 && (list[l] as Deferred).seq >= a - REVEAL_MARGIN;
      const right = r < list.length && (list[r] as Deferred).seq <= b + REVEAL_MARGIN;
      if (!left && !right) break;
      if (right) take(r++);
      if (left) take(l--);
    }
    this.wrapDeferred(picked);
    if (picked.length >= limit) this.requestReveal();
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.stopped) return;
    let wrote = false;
    for (const r of records) {
      if (r.type === 'characterData') {
        const g = groupOf(r.target);
        if (g) {
          // The page rewrote its own text node (keep its new text), or one of our pieces
          // (restore the original): either way our pieces go and the node is scanned again.
          unwrapGroup(g, g.text !== r.target);
          wrote = true;
          this.pending.add(g.text);
        } else if (r.target.nodeType === 3) this.pending.add(r.target); // Not comments.
        continue;
      }
      if (r.type === 'attributes') {
        this.pending.add(r.target);
        continue;
      }
      for (const node of r.removedNodes) {
        const g = groupOf(node);
        if (g && g.text === node) {
          // The page removed or moved its text node (e.g. a framework unmounting it): our pieces
          // go, and the node gets its whole text back unless the page has written to it since.
          unwrapGroup(g, g.text.data === g.left);
          wrote = true;
        }
      }
      for (const node of r.addedNodes) {
        if (isOwnMark(node) || groupOf(node)) continue;
        if (node.nodeType === 1 || node.nodeType === 3) this.pending.add(node);
      }
    }
    if (wrote) this.observer.takeRecords();
    if (this.pending.size > 0 && this.flushTimer === null) {
      this.flushTimer = setTimeout(() => this.flush(), MUTATION_BATCH_MS);
    }
  }

  /** Queues the nodes the page added or changed since the last batch. */
  private flush(): void {
    this.flushTimer = null;
    if (this.stopped) return;
    let removed = false;
    for (const node of this.pending) {
      if (!node.isConnected) continue;
      if (isInsideExcluded(node)) {
        // Content holding our marks was moved into (or became) an editor, a <pre>, …: unmark it.
        if (node.nodeType === 1 && unwrapAll(node as Element, MARK_SELECTOR) > 0) removed = true;
        continue;
      }
      if (node.nodeType === 3) {
        const t = node as Text;
        this.tasks.push({ walk: this.walk(t), first: t, dir: 0, eager: Infinity, seq: 0 });
      } else if (node.nodeType === 1 && !(node as Element).matches(EXCLUDED_SELECTOR)) {
        // A walk never checks its root element: note the root's own shadow root here.
        const sr = (node as Element).shadowRoot;
        if (sr) this.addRoot(sr, true);
        this.tasks.push({ walk: this.walk(node), first: null, dir: 0, eager: Infinity, seq: 0 });
      }
    }
    this.pending.clear();
    if (removed) {
      this.observer.takeRecords(); // Our own writes.
      this.opts.onChange?.();
    }
    void this.run();
  }
}

/** Moves an anchor inside an excluded element (e.g. a <pre>) up to that element. */
function liftOutOfExcluded(node: Node): Node {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(EXCLUDED_SELECTOR) ?? node;
}

/**
 * A deferred entry whose text node is still in the page, unchanged, and not wrapped since (a page
 * change that reaches a deferred node has it scanned again, and wrapped then).
 */
function isValid(e: Deferred): boolean {
  return !e.done && e.text.isConnected && e.text.data === e.data && groupOf(e.text) === undefined;
}

/** Index of the first entry at or after `node` in document order. */
function lowerBound(list: readonly Deferred[], node: Node): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const pos = node.compareDocumentPosition((list[mid] as Deferred).text);
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
