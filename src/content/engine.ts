/**
 * The highlighting engine of web pages: walks the page once, from the viewport outward (from the
 * top while the page is still loading), in short slices that yield to the page; then keeps up
 * with content the page adds, through one MutationObserver. Every term found goes into the
 * TermIndex; the Painter paints those near the reader. Everything it does is undone by stop().
 */
import { keepMatches, type Matcher } from './matcher';
import { absorbChanges, groupOf, unwrapAll } from './highlighter';
import { EXCLUDED_SELECTOR, MARK_SELECTOR, isInsideExcluded, liftOutOfExcluded } from './dom-rules';
import { SLICE_MS, now, whenLoaded, yieldToPage } from './scheduler';
import { createTextWalk, viewportAnchor, type TextWalk } from './walker';
import { TermIndex, isValid, makeEntry, type Entry } from './terms';
import type { Painter } from './paint';
import type { FirstOnly } from '../common/settings';
import type { TopicGate } from '../common/topic';

export interface EngineOptions {
  matcher: Matcher;
  /** Holds back generic terms (eigen risico, zorgplicht) until the page is about care (topic.ts). */
  topic?: TopicGate<Text>;
  index: TermIndex;
  painter: Painter;
  /** Keeps the ids that may be highlighted (the category filter); empty = skip the match. */
  allow(ids: readonly string[]): readonly string[];
  firstOnly: FirstOnly;
  /** A new open shadow root was found (to style marks inside it). */
  onShadowRoot?(root: ShadowRoot): void;
  /** Terms were found, painted or removed. */
  onChange?(): void;
}

/** Delay before content added by the page is highlighted, batching bursts of mutations. */
export const MUTATION_BATCH_MS = 20;

/**
 * Occurrences each direction of the initial pass paints at once, outward from where it starts.
 * Beyond that, terms are found and counted but painted only when the reader comes near them:
 * in Chromium every change to a highlight repaints it whole, and a highlight of 40,000 ranges
 * costs 600 ms a frame and seconds of scrolling on the 5 MB page (bench/RESULTS.md).
 */
export const EAGER_PAINT = 300;
/** When an unpainted entry is this close to the viewport (in text nodes with terms)… */
const REVEAL_NEAR = 40;
/** …those up to this far on either side are painted, so the reader can scroll on for a while. */
const REVEAL_MARGIN = 400;
/** At most this many entries are painted in one frame; the rest follow next frame. */
const REVEAL_PER_FRAME = 800;
/** Shortest time between two looks at the viewport while the page scrolls. */
const REVEAL_EVERY_MS = 100;
/** Most occurrences painted at once: beyond it, those farthest from the reader are unpainted. */
const PAINT_BUDGET = 4000;

/** What the MutationObserver watches on each root. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['contenteditable'] };

interface Task {
  walk: TextWalk;
  /** A node to handle before walking (the viewport anchor itself). */
  first: Node | null;
  /** The initial pass over the document, forward (1) or backward (-1); 0 for other work. */
  dir: 1 | -1 | 0;
  /** Occurrences this task may still paint before it leaves them unpainted (initial pass only). */
  eager: number;
  /** Document-order number of the next text node with matches (counting down going backward). */
  seq: number;
}

export interface EngineTimings {
  start: number;
  /** End of the first slice that painted terms. */
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
  private readonly index: TermIndex;
  private readonly painter: Painter;
  /** Entries found in the current slice, painted together at its end. */
  private toPaint: Entry[] = [];
  private revealFrame = 0;
  private lastReveal = -Infinity;
  private scrolledDuringPass = false;
  private revealListeners: AbortController | null = null;

  constructor(
    private readonly doc: Document,
    private opts: EngineOptions,
  ) {
    this.observer = new MutationObserver((records) => this.onRecords(records));
    this.index = opts.index;
    this.painter = opts.painter;
  }

  /** Starts highlighting; resolves when the initial pass over the page is done. */
  start(): Promise<void> {
    this.timings.start = now();
    this.addRoot(this.doc);
    // While the page loads, nothing may force a layout (finding the viewport does): the walk then
    // starts at the top, which is where a loading page is shown.
    const loaded = this.doc.readyState === 'complete';
    const anchorNode = this.opts.firstOnly === 'off' && loaded ? viewportAnchor(this.doc) : null;
    const anchor = anchorNode && this.doc.body?.contains(anchorNode) ? liftOutOfExcluded(anchorNode) : null;
    const root = this.doc.body ?? this.doc.documentElement;
    if (anchor) {
      this.tasks.push(
        { walk: this.walk(root, { start: anchor }), first: anchor, dir: 1, eager: EAGER_PAINT, seq: 0 },
        { walk: this.walk(root, { start: anchor, backward: true }), first: null, dir: -1, eager: EAGER_PAINT, seq: -1 },
      );
    } else {
      this.tasks.push({ walk: this.walk(root), first: null, dir: 1, eager: EAGER_PAINT, seq: 0 });
    }
    return this.run().then(() => {
      this.timings.initialDone = now();
    });
  }

  /** Removes every highlight and element, restores the page's text nodes, and stops observing. */
  stop(): void {
    this.stopped = true;
    this.tasks.length = 0;
    this.pending.clear();
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.observer.disconnect();
    this.revealListeners?.abort();
    cancelAnimationFrame(this.revealFrame);
    clearTimeout(this.revealFrame);
    this.painter.clear();
    this.index.clear();
    for (const r of this.roots) unwrapAll(r, MARK_SELECTOR); // Only marks whose bookkeeping is lost.
    this.roots.length = 0;
  }

  /** Number of term occurrences on the page, painted or not. */
  count(): number {
    return this.index.count();
  }

  /** Paints the occurrences around the viewport now (after a jump or a resize). */
  revealNow(): void {
    this.revealVisible(Infinity);
  }

  /** Resolves when queued work (initial pass and page changes so far) is done. */
  async whenIdle(): Promise<void> {
    // A batch of page changes may still be waiting for its timer (on a busy machine, later than
    // MUTATION_BATCH_MS): wait for it, and for the work it queues.
    while (!this.stopped && (this.flushTimer !== null || this.running)) {
      if (this.flushTimer !== null) await new Promise((r) => setTimeout(r, MUTATION_BATCH_MS));
      else await this.idle;
    }
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
        // Before the page's `load`, only the first slice that paints runs (the terms at the top,
        // where a loading page is shown): the rest would compete with the page's own loading
        // (scheduler.yield continues ahead of the page's tasks; bench/RESULTS.md).
        if (this.tasks.length > 0) await (this.madeMarks ? whenLoaded(this.doc) : Promise.resolve()).then(yieldToPage);
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
    if (this.toPaint.length > 0) {
      this.painter.paint(this.toPaint);
      this.toPaint = [];
      this.madeMarks = true;
    }
    this.releaseHeld();
    if (changed) this.opts.onChange?.();
    return exhausted;
  }

  /** Generic terms held back by the topic gate, now the page qualifies: rescans their text nodes. */
  private releaseHeld(): void {
    const released = this.opts.topic?.release() ?? [];
    for (const text of new Set(released.map((h) => h.tag))) {
      if (!text.isConnected) continue;
      const old = this.index.entryOf(text);
      if (old) {
        this.painter.unpaint([old]);
        this.index.drop(old);
        for (const o of old.occ) for (const id of o.ids) this.seen.delete(id); // Their first occurrence.
      }
      this.tasks.push({ walk: this.walk(text), first: text, dir: 0, eager: Infinity, seq: 0 });
    }
  }

  /**
   * Runs DOM writes with the observer disconnected: the browser then records none of our own
   * mutations (which cost as much as the writes themselves), and they can never be reprocessed.
   * `fn` is synchronous, so no page change can fall in the gap; changes the page made before are
   * taken first.
   */
  write(fn: () => void): void {
    if (this.stopped) {
      fn();
      return;
    }
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
   * Finds the terms of one text node and adds them to the index; paints them, unless the initial
   * pass is far from where it started. Returns true if the index changed.
   */
  private scan(text: Text, task: Task): boolean {
    const data = text.data;
    const g = groupOf(text);
    if (g !== undefined) return false; // A term of it is in use (wrapped), or one of our pieces.
    const old = this.index.entryOf(text);
    if (old && old.data === data && isValid(old) && this.painter.intact(old)) return false; // Seen, unchanged.
    const found = this.opts.matcher.find(data);
    if (old) {
      this.painter.unpaint([old]);
      this.index.drop(old);
    }
    if (found.length === 0) return old !== undefined;
    const shown = this.opts.topic ? this.opts.topic.feed(data, found, text) : found;
    const keep = keepMatches(shown, this.opts.allow, this.opts.firstOnly === 'off' ? null : this.seen);
    if (keep.length === 0) return old !== undefined;
    let seq: number;
    if (task.dir !== 0) {
      seq = task.seq;
      task.seq += task.dir;
    } else {
      seq = this.index.place(text);
    }
    const entry = makeEntry(text, keep, seq, data);
    this.index.add(entry);
    if (task.eager > 0) {
      this.toPaint.push(entry);
      task.eager -= keep.length;
    } else {
      this.listenForScroll();
    }
    return true;
  }

  private listenForScroll(): void {
    if (this.revealListeners !== null) return;
    // From now on, what scrolls into view (in the page or in any scrolling box) gets painted.
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

  private requestReveal(): void {
    if (this.revealFrame !== 0 || this.stopped) return;
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
   * Paints the entries in and around the viewport (placed among them by the index), and unpaints
   * those farthest away once more than PAINT_BUDGET occurrences are painted. Paints in large
   * batches and only when the reader comes near unpainted terms (within REVEAL_NEAR entries):
   * on a long page every change to the highlight repaints it, whether it adds one range or 800.
   */
  private revealVisible(limit: number): void {
    if (this.index.size === 0 || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    const span = this.index.viewportSpan(win);
    if (span === null) return; // No term near the viewport at all.
    const picked = this.index.around(span, REVEAL_NEAR, REVEAL_MARGIN, limit, (e) => !e.painted && isValid(e) && !isInsideExcluded(e.text));
    if (picked.length === 0) return; // Everything near the viewport is painted: most looks end here.
    this.painter.paint(picked);
    if (this.painter.painted > PAINT_BUDGET) {
      this.painter.unpaint(this.index.farthest(span, REVEAL_MARGIN, this.painter.painted, PAINT_BUDGET));
    }
    this.opts.onChange?.();
    if (picked.length >= limit) this.requestReveal();
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (absorbChanges(records, this.pending)) this.observer.takeRecords(); // Our own writes.
    // Removals too: painted ranges in removed text are taken out in the batch (see flush).
    const removal = this.painter.painted > 0 && records.some((r) => r.removedNodes.length > 0);
    if ((this.pending.size > 0 || removal) && this.flushTimer === null) {
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
        // Content holding terms was moved into (or became) an editor, a <pre>, …: unmark it.
        if (this.dropWithin(node)) removed = true;
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
    this.opts.topic?.forget((t) => !t.isConnected); // Held generic terms in removed text.
    // Painted terms whose text the page removed or changed: take their ranges out.
    const stale = this.painter.stale();
    if (stale.length > 0) {
      this.painter.unpaint(stale);
      for (const e of stale) if (!e.text.isConnected) this.index.drop(e);
      removed = true;
    }
    if (removed) {
      this.observer.takeRecords(); // Our own writes.
      this.opts.onChange?.();
    }
    void this.run();
  }

  /** Drops (and unpaints) the entries inside `node`; true if there were any. */
  private dropWithin(node: Node): boolean {
    const gone = this.index.ordered().filter((e) => node === e.text || node.contains(e.text));
    if (gone.length === 0) return false;
    this.painter.unpaint(gone);
    for (const e of gone) this.index.drop(e);
    return true;
  }
}
