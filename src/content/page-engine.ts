/**
 * The highlighting engine of web pages: walks the page once, from the viewport outward (from the
 * top while the page is still loading), in short slices that yield to the page; then keeps up
 * with content the page adds, through one MutationObserver. Every term found goes into the
 * TermIndex; the Painter paints those near the reader. Everything it does is undone by stop().
 */
import { keepMatches, type Matcher } from '../engine/matcher';
import { groupOf, unwrapAll } from '../engine/highlighter';
import { EXCLUDED_SELECTOR, MARK_SELECTOR, isInsideExcluded, liftOutOfExcluded } from '../engine/dom-rules';
import { MUTATION_BATCH_MS, PageWatch } from './page-watch';
import { Revealer } from './reveal';
import { SLICE_MS, idleSlice, nextFrameOrParsed, now, whenLoaded, whenParsed, yieldToPage } from './scheduler';
import { createTextWalk, viewportAnchor, type TextWalk } from './walker';
import { TermIndex, isValid, makeEntry, type Entry } from '../engine/terms';
import type { Painter } from '../engine/paint';
import type { FirstOnly } from '../common/settings';
import type { TopicGate } from '../engine/topic';

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

export { MUTATION_BATCH_MS } from './page-watch';

/**
 * Occurrences each direction of the initial pass paints at once, outward from where it starts.
 * Beyond that, terms are found and counted but painted only when the reader comes near them
 * (reveal.ts): in Chromium every change to a highlight revalidates all its ranges, and a
 * highlight of 40,000 ranges costs 600 ms a frame on the 5 MB page (bench/RESULTS.md).
 */
export const EAGER_PAINT = 300;

interface Task {
  walk: TextWalk;
  /** A node to handle before walking (the viewport anchor itself). */
  first: Node | null;
  /** The initial pass over the document, forward (1) or backward (-1); 0 for other work. */
  dir: 1 | -1 | 0;
  /** Occurrences this task may still paint before it leaves them unpainted (initial pass only). */
  eager: number;
  /** Part of the initial pass: once its `eager` is spent, it runs after `load`, in idle periods. */
  initial: boolean;
  /** Document-order number of the next text node with matches (counting down going backward). */
  seq: number;
}

/** Work on content the page added or changed (or a shadow root found): every term painted. */
const change = (walk: TextWalk, first: Node | null = null): Task => ({ walk, first, dir: 0, eager: Infinity, seq: 0, initial: false });

export interface EngineTimings {
  start: number;
  /** End of the first slice that painted terms. */
  firstMarks: number | null;
  /** End of the initial pass. */
  initialDone: number | null;
}

export class PageEngine {
  readonly timings: EngineTimings = { start: 0, firstMarks: null, initialDone: null };
  private readonly tasks: Task[] = [];
  private readonly watch: PageWatch;
  private seen = new Set<string>();
  private running = false;
  private stopped = false;
  private madeMarks = false;
  private prepared = false;
  private idle: Promise<void> = Promise.resolve();
  private readonly index: TermIndex;
  private readonly painter: Painter;
  /** Entries found in the current slice, painted together at its end. */
  private toPaint: Entry[] = [];
  private readonly revealer: Revealer;
  private scrolledDuringPass = false;
  /** The parser is still adding the page (the engine started before DOMContentLoaded). */
  private loading = false;

  constructor(
    private readonly doc: Document,
    private opts: EngineOptions,
  ) {
    this.watch = new PageWatch((nodes) => this.changed(nodes), () => this.painter.painted > 0);
    this.index = opts.index;
    this.painter = opts.painter;
    this.revealer = new Revealer(doc, this.index, this.painter, {
      onScroll: () => (this.scrolledDuringPass ||= this.running),
      onChange: () => this.opts.onChange?.(),
    });
  }

  /** Starts highlighting; resolves when the initial pass over the page is done. */
  start(): Promise<void> {
    this.timings.start = now();
    // Started while the page is still being parsed (the content script runs at document_start:
    // a script injected later holds back the page's load event until it has run, which in
    // Chromium comes after the page's first full rendering, ~1 s on a 5 MB page;
    // bench/RESULTS.md). The walk then follows the parser from the top, one slice a frame,
    // painting the terms of the first screens in the frames that first show them. The observer
    // waits for the end of parsing: every node the parser inserts would be a mutation record.
    this.loading = this.doc.readyState === 'loading';
    this.addRoot(this.doc);
    if (this.loading) void whenParsed(this.doc).then(() => this.parsed());
    else this.watch.observe();
    // While the page loads, nothing may force a layout (finding the viewport does): the walk then
    // starts at the top, which is where a loading page is shown.
    const loaded = this.doc.readyState === 'complete';
    const anchorNode = this.opts.firstOnly === 'off' && loaded ? viewportAnchor(this.doc) : null;
    const anchor = anchorNode && this.doc.body?.contains(anchorNode) ? liftOutOfExcluded(anchorNode) : null;
    // While loading there may be no body yet: the walk covers the document (<head> is excluded).
    const root = this.loading ? this.doc : (this.doc.body ?? this.doc.documentElement);
    if (anchor) {
      this.tasks.push(
        { walk: this.walk(root, { start: anchor }), first: anchor, dir: 1, eager: EAGER_PAINT, seq: 0, initial: true },
        { walk: this.walk(root, { start: anchor, backward: true }), first: null, dir: -1, eager: EAGER_PAINT, seq: -1, initial: true },
      );
    } else {
      this.tasks.push({ walk: this.walk(root), first: null, dir: 1, eager: EAGER_PAINT, seq: 0, initial: true });
    }
    return this.run().then(() => {
      this.timings.initialDone = now();
    });
  }

  /**
   * The parser has finished: observe the page from now on, and look again at the part the walk
   * covered while the page loaded (what scripts changed there during parsing, and a text node
   * the parser was still filling). Unchanged text nodes with terms are skipped at once.
   */
  private parsed(): void {
    if (this.stopped) return;
    this.loading = false;
    this.watch.observe();
    const forward = this.tasks.find((t) => t.dir === 1);
    if (!forward) return;
    forward.walk.resync?.();
    const at = forward.walk.position();
    const root = this.doc.body ?? this.doc.documentElement;
    if (!root) return;
    if (at.isConnected) {
      // Nothing to look at again if the walk has not got into the body yet (it stands in <head>).
      // What a script put there while loading (a whole page rendered into an element above the
      // script, say) is new to the pass: painted as far as the walk's budget goes, like the rest.
      if (at !== root && root.contains(at)) this.tasks.unshift({ walk: this.walk(root, { until: at }), first: null, dir: 0, eager: forward.eager, seq: 0, initial: true });
    } else {
      // The page removed the node the walk stood at: walk the whole page again, placing entries
      // among those already found.
      this.tasks.splice(this.tasks.indexOf(forward), 1, { walk: this.walk(root), first: null, dir: 0, eager: forward.eager, seq: 0, initial: true });
    }
    void this.run();
  }

  /** Removes every highlight and element, restores the page's text nodes, and stops observing. */
  stop(): void {
    this.stopped = true;
    this.tasks.length = 0;
    this.watch.stop();
    this.revealer.stop();
    this.painter.clear();
    this.index.clear();
    for (const r of this.watch.roots) unwrapAll(r, MARK_SELECTOR); // Only marks whose bookkeeping is lost.
  }

  /** Number of term occurrences on the page, painted or not. */
  count(): number {
    return this.index.count();
  }

  /** Paints the occurrences around the viewport now (after a jump or a resize). */
  revealNow(): void {
    this.revealer.reveal(Infinity);
  }

  /** Resolves when queued work (initial pass and page changes so far) is done. */
  async whenIdle(): Promise<void> {
    // A batch of page changes may still be waiting for its timer (on a busy machine, later than
    // MUTATION_BATCH_MS): wait for it, and for the work it queues.
    while (!this.stopped && (this.watch.waiting || this.running)) {
      if (this.watch.waiting) await new Promise((r) => setTimeout(r, MUTATION_BATCH_MS));
      else await this.idle;
    }
  }

  private walk(root: Node, opts: { start?: Node; backward?: boolean; until?: Node } = {}): TextWalk {
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
    if (!this.watch.add(root)) return;
    if (root.nodeType === 11) this.opts.onShadowRoot?.(root as ShadowRoot);
    if (walk) this.tasks.push(change(this.walk(root)));
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
      let end = now() + SLICE_MS;
      while (this.tasks.length > 0 && !this.stopped) {
        const task = this.tasks.shift() as Task;
        const finished = this.slice(task, end);
        // While loading, the end of the walk is only where the parser has got to.
        if (!finished || (this.loading && task.dir === 1)) this.tasks.push(task);
        if (this.madeMarks && this.timings.firstMarks === null) this.timings.firstMarks = now();
        if (this.tasks.length > 0) end = await this.pause(this.tasks[0] as Task);
      }
      this.running = false;
      // The reader scrolled while the pass went on: wrap what is in view now (without a scroll,
      // the marks made at once cover the viewport: the pass starts there).
      if (this.scrolledDuringPass) this.revealer.request();
    })();
    return this.idle;
  }

  /**
   * Waits before the next slice, for the kind of work `next` is; resolves with the slice's end.
   * - Terms the reader sees (the initial pass's first EAGER_PAINT, content the page adds): at
   *   once, on a fresh task; while the page is parsed, one slice a frame, just before it renders.
   * - The rest of the initial pass (terms found and counted, painted only on scrolling near):
   *   after the page's `load` and then in idle periods only, behind the page's own work.
   */
  private async pause(next: Task): Promise<number> {
    const background = next.initial && next.eager <= 0;
    if (!background) {
      if (this.loading) await nextFrameOrParsed(this.doc);
      else await yieldToPage();
      return now() + SLICE_MS;
    }
    await whenLoaded(this.doc);
    return idleSlice(this.doc);
  }

  /** Works on a task until `end`. Returns true when the task is exhausted. */
  private slice(task: Task, end: number): boolean {
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
      // While the page is parsed, its scripts may insert elements where the walk's scan of
      // elements has been (parsed() then has it scan again): each text is checked on its own.
      if (this.loading && isInsideExcluded(text)) continue;
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
      this.tasks.push(change(this.walk(text), text));
    }
  }

  /** Runs our DOM writes unobserved (PageWatch.write). */
  write(fn: () => void): void {
    this.watch.write(fn);
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
      this.revealer.listen();
    }
    return true;
  }

  /** Queues the nodes the page added or changed since the last batch. */
  private changed(nodes: ReadonlySet<Node>): void {
    this.index.touch();
    let removed = false;
    for (const node of nodes) {
      if (!node.isConnected) continue;
      if (isInsideExcluded(node)) {
        // Content holding terms was moved into (or became) an editor, a <pre>, …: unmark it.
        if (this.dropWithin(node)) removed = true;
        continue;
      }
      if (node.nodeType === 3) {
        const t = node as Text;
        this.tasks.push(change(this.walk(t), t));
      } else if (node.nodeType === 1 && !(node as Element).matches(EXCLUDED_SELECTOR)) {
        // A walk never checks its root element: note the root's own shadow root here.
        const sr = (node as Element).shadowRoot;
        if (sr) this.addRoot(sr, true);
        this.tasks.push(change(this.walk(node)));
      }
    }
    this.opts.topic?.forget((t) => !t.isConnected); // Held generic terms in removed text.
    // Painted terms whose text the page removed or changed: take their ranges out.
    const stale = this.painter.stale();
    if (stale.length > 0) {
      this.painter.unpaint(stale);
      for (const e of stale) if (!e.text.isConnected) this.index.drop(e);
      removed = true;
    }
    if (removed) {
      this.watch.forgetOwn(); // Our own writes.
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
