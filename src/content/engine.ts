/**
 * The highlighting engine: walks the page once, from the viewport outward, in short slices that
 * yield to the page; then keeps up with content the page adds, through one MutationObserver.
 * Everything it does is undone by stop().
 */
import { keepMatches, type Matcher } from './matcher';
import { absorbChanges, groupOf, unwrapAll, wrapMatches } from './highlighter';
import { EXCLUDED_SELECTOR, MARK_SELECTOR, isInsideExcluded, liftOutOfExcluded } from './dom-rules';
import { SLICE_MS, now, yieldToPage } from './scheduler';
import { createTextWalk, viewportAnchor, type TextWalk } from './walker';
import { WaitingList, countTerms, isValid, type Waiting } from './waiting';
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
/** When a waiting text node is this close to the viewport (in text nodes with matches)… */
const REVEAL_NEAR = 40;
/** …those up to this far on either side are wrapped, so the reader can scroll on for a while. */
const REVEAL_MARGIN = 400;
/** At most this many waiting text nodes are wrapped in one frame; the rest follow next frame. */
const REVEAL_PER_FRAME = 500;
/** Shortest time between two looks at the viewport while the page scrolls. */
const REVEAL_EVERY_MS = 100;

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
  /** Matches of the initial pass not wrapped yet (far from the viewport). */
  private readonly waiting: WaitingList;
  private revealFrame = 0;
  private lastReveal = -Infinity;
  private scrolledDuringPass = false;
  private revealListeners: AbortController | null = null;

  constructor(
    private readonly doc: Document,
    private opts: EngineOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
    this.waiting = new WaitingList(doc);
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
    this.waiting.clear();
    for (const r of this.roots) unwrapAll(r, MARK_SELECTOR);
    this.roots.length = 0;
  }

  /** Every mark, in document order (document first, then shadow roots). */
  marks(): HTMLElement[] {
    return this.roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>(MARK_SELECTOR)]);
  }

  /** Number of term occurrences: the marks, and the matches still waiting to be wrapped. */
  count(): number {
    return this.marks().length + this.waiting.count();
  }

  /**
   * Occurrences per entry (the first id of each), in order of first appearance on the page,
   * counting the matches not yet wrapped too.
   */
  termCounts(): { count: number; terms: { id: string; count: number }[] } {
    return countTerms(this.marks(), this.waiting);
  }

  /** Wraps every waiting match that `wanted` accepts (e.g. before jumping to a term). */
  reveal(wanted: (ids: readonly string[]) => boolean): void {
    if (this.waiting.size === 0) return;
    this.wrapWaiting(this.waiting.ordered().filter((e) => !e.done && e.matches.some((m) => wanted(m.ids))));
  }

  /**
   * Wraps the waiting matches around `node` in document order (before stepping from it to the
   * next term), or those in and around the viewport when `node` is null.
   */
  revealAround(node: Node | null): void {
    if (this.waiting.size === 0) return;
    if (node === null) {
      this.revealVisible(Infinity);
      return;
    }
    const at = this.waiting.indexAt(node);
    this.wrapWaiting(this.waiting.ordered().slice(Math.max(0, at - REVEAL_NEAR), at + REVEAL_NEAR));
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
    const keep = keepMatches(found, this.opts.allow, this.opts.firstOnly === 'off' ? null : this.seen);
    if (keep.length === 0) return false;
    if (task.dir !== 0) {
      const seq = task.seq;
      task.seq += task.dir;
      this.waiting.number(text, seq);
      if (task.eager <= 0) {
        this.defer({ text, data, matches: keep, seq, done: false }, task.dir);
        return true;
      }
    }
    if (wrapMatches(text, keep, { className: this.opts.styleClass }) === null) return false;
    task.eager -= keep.length;
    return true;
  }

  private defer(e: Waiting, dir: 1 | -1): void {
    this.waiting.add(e, dir);
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

  /** Wraps waiting entries (those still valid); returns the number wrapped. */
  private wrapWaiting(list: readonly Waiting[]): number {
    // All reads first, then all writes: isInsideExcluded asks for isContentEditable, which
    // brings style up to date, so reading between writes would restyle the page once per node.
    const wrap = list.filter((e) => isValid(e) && !isInsideExcluded(e.text));
    for (const e of list) this.waiting.settle(e);
    let made = 0;
    this.writing(() => {
      for (const e of wrap) if (wrapMatches(e.text, e.matches, { className: this.opts.styleClass }) !== null) made++;
    });
    if (made > 0) this.opts.onChange?.();
    return made;
  }

  private requestReveal(): void {
    if (this.revealFrame !== 0 || this.waiting.size === 0 || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    // At most one look per REVEAL_EVERY_MS while scrolling (each reads the layout of the page).
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
   * Wraps the waiting matches in and around the viewport (placed among them by WaitingList).
   * Writes in large batches and only when the reader comes near unwrapped matches (within
   * REVEAL_NEAR entries): on a long flat page every DOM change costs the browser a frame of
   * 150-470 ms (40,000 paragraphs, bench/RESULTS.md), whether it adds one mark or five hundred.
   */
  private revealVisible(limit: number): void {
    if (this.waiting.size === 0 || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    const span = this.waiting.viewportSpan(win);
    if (span === null) return; // No match near the viewport at all.
    const picked = this.waiting.around(span, REVEAL_NEAR, REVEAL_MARGIN, limit);
    if (picked.length === 0) return; // Nothing waiting near the viewport: most looks end here.
    this.wrapWaiting(picked);
    if (picked.length >= limit) this.requestReveal();
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (absorbChanges(records, this.pending)) this.observer.takeRecords(); // Our own writes.
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
