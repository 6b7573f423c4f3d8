/**
 * What the engine hears of the page's own changes: one MutationObserver over the document and
 * every open shadow root found, its records gathered into batches (MUTATION_BATCH_MS). Our own
 * writes go through write(), with the observer disconnected, so they are never recorded.
 */
import { absorbChanges } from '../engine/highlighter';

/** Delay before content added by the page is highlighted, batching bursts of mutations. */
export const MUTATION_BATCH_MS = 20;

/**
 * What the observer watches on each root; contenteditable too: a region that becomes editable
 * loses its marks before anyone types.
 */
const OBSERVE: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributeFilter: ['contenteditable'] };

export class PageWatch {
  readonly roots: (Document | ShadowRoot)[] = [];
  private readonly pending = new Set<Node>();
  private readonly observer: MutationObserver;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private observing = false;
  private stopped = false;

  /**
   * `onBatch` gets the nodes the page added or changed since the last batch; `removalsMatter`
   * says whether removed nodes alone make a batch (painted ranges may lie in them).
   */
  constructor(
    private readonly onBatch: (nodes: ReadonlySet<Node>) => void,
    private readonly removalsMatter: () => boolean,
  ) {
    this.observer = new MutationObserver((records) => this.take(records));
  }

  /** Whether a batch is waiting for its timer. */
  get waiting(): boolean {
    return this.timer !== null;
  }

  /** Adds a root to watch; false if it was watched already. */
  add(root: Document | ShadowRoot): boolean {
    if (this.roots.includes(root)) return false;
    this.roots.push(root);
    if (this.observing) this.observer.observe(root, OBSERVE);
    return true;
  }

  /** Starts observing the roots (not while the parser is still adding the page: see PageEngine.start). */
  observe(): void {
    if (this.observing || this.stopped) return;
    this.observing = true;
    for (const r of this.roots) this.observer.observe(r, OBSERVE);
  }

  stop(): void {
    this.stopped = true;
    this.pending.clear();
    if (this.timer !== null) clearTimeout(this.timer);
    this.observer.disconnect();
  }

  /** Drops the records of what we just wrote (restoring text nodes, unwrapping). */
  forgetOwn(): void {
    this.observer.takeRecords();
  }

  /**
   * Runs DOM writes with the observer disconnected: the browser then records none of our own
   * mutations (which cost as much as the writes themselves), and they can never be reprocessed.
   * `fn` is synchronous, so no page change can fall in the gap; changes the page made before are
   * taken first.
   */
  write(fn: () => void): void {
    if (this.stopped || !this.observing) {
      fn();
      return;
    }
    const before = this.observer.takeRecords();
    if (before.length > 0) this.take(before);
    this.observer.disconnect();
    try {
      fn();
    } finally {
      for (const r of this.roots) this.observer.observe(r, OBSERVE);
    }
  }

  private take(records: MutationRecord[]): void {
    if (this.stopped) return;
    if (absorbChanges(records, this.pending)) this.observer.takeRecords(); // Our own writes.
    // Removals too: painted ranges in removed text are taken out in the batch.
    const removal = this.removalsMatter() && records.some((r) => r.removedNodes.length > 0);
    if ((this.pending.size > 0 || removal) && this.timer === null) {
      this.timer = setTimeout(() => {
        this.timer = null;
        if (this.stopped) return;
        this.onBatch(this.pending);
        this.pending.clear();
      }, MUTATION_BATCH_MS);
    }
  }
}
