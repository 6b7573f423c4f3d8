/**
 * The highlighting engine: walks the page once, from the viewport outward, in short slices that
 * yield to the page; then keeps up with content the page adds, through one MutationObserver.
 * Everything it does is undone by stop().
 */
import type { Matcher, TermMatch } from './matcher';
import { groupOf, unwrapAll, unwrapGroup, wrapMatches } from './highlighter';
import { EXCLUDED_SELECTOR, MARK_SELECTOR, isInsideExcluded, isOwnMark } from './dom-rules';
import { SLICE_MS, now, yieldToPage } from './scheduler';
import { createTextWalk, viewportAnchor, type TextWalk } from './walker';
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
export const MUTATION_BATCH_MS = 40;

/** What the MutationObserver watches on each root. */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['contenteditable'] };

interface Task {
  walk: TextWalk;
  /** A node to handle before walking (the viewport anchor itself). */
  first: Node | null;
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
      this.tasks.push({ walk: this.walk(root, { start: anchor }), first: anchor }, { walk: this.walk(root, { start: anchor, backward: true }), first: null });
    } else {
      this.tasks.push({ walk: this.walk(root), first: null });
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
    for (const r of this.roots) unwrapAll(r, MARK_SELECTOR);
    this.roots.length = 0;
  }

  /** Every mark, in document order (document first, then shadow roots). */
  marks(): HTMLElement[] {
    return this.roots.flatMap((r) => [...r.querySelectorAll<HTMLElement>(MARK_SELECTOR)]);
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
    if (walk) this.tasks.push({ walk: this.walk(root), first: null });
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
    })();
    return this.idle;
  }

  /** Works on a task for one slice. Returns true when the task is exhausted. */
  private slice(task: Task): boolean {
    const before = this.observer.takeRecords();
    if (before.length > 0) this.onRecords(before);
    // Not observing while we write: the browser then records none of our own mutations (which
    // cost as much as the writes themselves), and they can never be reprocessed. The slice is
    // synchronous, so no page change can fall in the gap.
    this.observer.disconnect();
    const end = now() + SLICE_MS;
    let changed = false;
    let n = 0;
    let exhausted = false;
    try {
      if (task.first) {
        if (task.first.nodeType === 3) changed = this.scan(task.first as Text) || changed;
        task.first = null;
      }
      for (;;) {
        const text = task.walk.next();
        if (text === null) {
          exhausted = true;
          break;
        }
        if (this.scan(text)) changed = true;
        if ((++n & 7) === 0 && now() > end) break;
      }
    } finally {
      for (const r of this.roots) this.observer.observe(r, OBSERVE);
    }
    if (changed) {
      this.madeMarks = true;
      this.opts.onChange?.();
    }
    return exhausted;
  }

  /** Finds and wraps the terms of one text node. Returns true if marks were made. */
  private scan(text: Text): boolean {
    if (groupOf(text)) return false; // Already ours: the page's node we split, or a piece.
    const found = this.opts.matcher.find(text.data);
    if (found.length === 0) return false;
    const keep: TermMatch[] = [];
    for (const m of found) {
      let ids = this.opts.allow(m.ids);
      if (ids.length === 0) continue;
      if (this.opts.firstOnly !== 'off') {
        ids = ids.filter((id) => !this.seen.has(id));
        if (ids.length === 0) continue;
        for (const id of ids) this.seen.add(id);
      }
      keep.push(ids === m.ids ? m : { ...m, ids });
    }
    if (keep.length === 0) return false;
    return wrapMatches(text, keep, { className: this.opts.styleClass }) !== null;
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
        this.tasks.push({ walk: this.walk(t), first: t });
      } else if (node.nodeType === 1 && !(node as Element).matches(EXCLUDED_SELECTOR)) {
        // A walk never checks its root element: note the root's own shadow root here.
        const sr = (node as Element).shadowRoot;
        if (sr) this.addRoot(sr, true);
        this.tasks.push({ walk: this.walk(node), first: null });
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
