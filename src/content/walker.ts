/** Text-node walking that skips excluded subtrees and notes open shadow roots on the way. */
import { isExcludedElement, isInsideExcluded } from './dom-rules';

export interface WalkHooks {
  onShadowRoot(root: ShadowRoot): void;
  /** Called when the walk passes a heading (h1-h6), for "first occurrence per section". */
  onHeading?(): void;
}

const HEADING = /^h[1-6]$/;

/** Yields the text nodes worth scanning, one at a time, so the caller can stop between any two. */
export interface TextWalk {
  next(): Text | null;
  /** The node the walk stands at (a forward walk resumes after it when the page adds more). */
  position(): Node;
}

/**
 * Walks the text of `root`, skipping excluded subtrees, forward from `start` (or the beginning),
 * or backward from `start`. The walker has no filter callback: a filter is a call from the
 * browser into JavaScript for every node, which cost more than the rest of the walk on large
 * pages (bench/RESULTS.md). Elements are checked here instead, and an excluded one is stepped
 * over whole.
 */
export function createTextWalk(root: Node, hooks: WalkHooks, opts: { backward?: boolean; start?: Node; until?: Node } = {}): TextWalk {
  const doc = root.ownerDocument ?? (root as Document);
  const w = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  if (opts.start) w.currentNode = opts.start;
  const { onShadowRoot, onHeading } = hooks;
  if (opts.backward) {
    // Going backward, a subtree comes before its root: text is checked against its ancestors,
    // remembered per parent (runs of text share one).
    let lastParent: Node | null = null;
    let lastInside = false;
    const inside = (n: Node): boolean => {
      const p = n.parentNode;
      if (p !== lastParent) {
        lastParent = p;
        lastInside = isInsideExcluded(n);
      }
      return lastInside;
    };
    return {
      next(): Text | null {
        for (let n = w.previousNode(); n !== null; n = w.previousNode()) {
          if (n.nodeType === 3) {
            if ((n as Text).length > 1 && !inside(n)) return n as Text;
          } else {
            const sr = (n as Element).shadowRoot;
            if (sr && !isInsideExcluded(n)) onShadowRoot(sr);
          }
        }
        return null;
      },
      position: () => w.currentNode,
    };
  }
  /**
   * Moves past the subtree of `el` (the current node); returns the node after it, or null at the
   * end. At the end the walker is put back on `el`: the parser of a loading page may still add
   * nodes after it, and the walk must resume there, not at its root.
   */
  const skipSubtree = (el: Element): Node | null => {
    for (;;) {
      const s = w.nextSibling();
      if (s !== null) return s;
      if (w.parentNode() === null) {
        w.currentNode = el;
        skipping = el;
        return null;
      }
    }
  };
  const until = opts.until;
  let pending: Node | null = null;
  /** An excluded element the walk ended at: the next call steps over it again. */
  let skipping: Element | null = null;
  let ended = false;
  return {
    next(): Text | null {
      if (ended) return null;
      if (skipping !== null) {
        // The walker still stands on it (skipSubtree put it back there).
        const el = skipping;
        skipping = null;
        pending = skipSubtree(el);
        if (pending === null) return null;
      }
      for (;;) {
        const n = pending ?? w.nextNode();
        pending = null;
        if (n === null) return null;
        if (n === until) ended = true;
        if (n.nodeType === 3 && (n as Text).length > 1) return n as Text;
        if (ended) return null;
        if (n.nodeType === 3) continue;
        const el = n as Element;
        if (isExcludedElement(el)) {
          pending = skipSubtree(el);
          if (pending === null) return null;
          continue;
        }
        const sr = el.shadowRoot;
        if (sr) onShadowRoot(sr);
        if (onHeading && HEADING.test(el.localName)) onHeading();
      }
    },
    position: () => w.currentNode,
  };
}

/**
 * The text node the reader is looking at, when the page is scrolled: the walk starts there and
 * goes outward. Returns null at the top of the page (the walk then starts at the beginning).
 */
export function viewportAnchor(doc: Document): Node | null {
  const win = doc.defaultView;
  if (!win || win.scrollY < 40) return null;
  const node = caretNode(doc, win.innerWidth / 2, win.innerHeight / 3);
  if (!node || node === doc.body || node === doc.documentElement) return null;
  return node;
}

/** The node under a caret placed at (x, y) of the viewport, in either browser's API. */
export function caretNode(doc: Document, x: number, y: number): Node | null {
  type CaretDoc = Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const d = doc as CaretDoc;
  return d.caretPositionFromPoint?.(x, y)?.offsetNode ?? d.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
}
