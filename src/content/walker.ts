/** Text-node walking that skips excluded subtrees and notes open shadow roots on the way. */
import { caretNode, isExcludedElement, isInsideExcluded } from '../engine/dom-rules';

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
  /**
   * Forward walks: the page may have changed between the text walk and the element scan ahead
   * of it (a script's inserts while the page was parsed): scan again from where the text walk
   * stands.
   */
  resync?(): void;
}

/**
 * Walks the text of `root`, skipping excluded subtrees, forward from `start` (or the beginning),
 * or backward from `start`. No walker has a filter callback: a filter is a call from the browser
 * into JavaScript for every node, which cost more than the rest of the walk on large pages
 * (bench/RESULTS.md).
 */
export function createTextWalk(root: Node, hooks: WalkHooks, opts: { backward?: boolean; start?: Node; until?: Node; scanAhead?: number } = {}): TextWalk {
  return opts.backward ? backwardWalk(root, hooks, opts.start) : forwardWalk(root, hooks, opts.start, opts.until, opts.scanAhead ?? SCAN_AHEAD);
}

/**
 * Moves walker `w` past the subtree of `node`; returns the node after it, or null at the end. At
 * the end the walker is put on `node`: the parser of a loading page may still add nodes after
 * it, and the walk must resume there, not at its root. (Found from the next sibling of `node` or
 * of an ancestor, not by the walker's nextSibling(), which not every DOM implementation lets
 * descend into skipped siblings, nor from the subtree's last node: a template's is elsewhere.)
 */
function afterSubtree(w: TreeWalker, node: Node): Node | null {
  for (let n: Node | null = node; n !== null && n !== w.root; n = n.parentNode) {
    const s = n.nextSibling;
    if (s === null) continue;
    w.currentNode = s;
    if ((w.whatToShow & (1 << (s.nodeType - 1))) !== 0) return s;
    const after = w.nextNode();
    if (after !== null) return after;
    break;
  }
  w.currentNode = node;
  return null;
}

/** Elements the element scan looks at before it lets the text walk catch up (a horizon; tests pass smaller ones). */
const SCAN_AHEAD = 512;

/** What the text walk does when it reaches the scan's marker. */
const enum At {
  /** The first text of an excluded element: step over the element. */
  Excluded,
  /** The first text at or after a heading: call onHeading, then go on. */
  Heading,
  /** The first text after the last element scanned: scan on from there. */
  Horizon,
}

/**
 * The forward walk: two walkers over the same tree, one over text nodes only and one over
 * elements only, each several times cheaper than one walker over both (a walker returns every
 * node it shows, and the element checks are calls into the browser: 45-60 ms against 13-28 ms on
 * the 5 MB page, bench/RESULTS.md). The element scan runs ahead of the text walk to the next
 * element that matters (an excluded one, a heading) or at most SCAN_AHEAD elements, noting open
 * shadow roots on the way, and leaves a marker: the first text node at or after that element.
 * The text walk compares each text node with the marker (one comparison per node) and acts
 * there: it steps over an excluded element whole, and is told when it passes a heading.
 */
function forwardWalk(root: Node, hooks: WalkHooks, start: Node | undefined, until: Node | undefined, scanAhead: number): TextWalk {
  const doc = root.ownerDocument ?? (root as Document);
  const texts = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const elements = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  const probe = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  if (start) {
    texts.currentNode = start;
    elements.currentNode = start;
  }
  const { onShadowRoot, onHeading } = hooks;
  /** The first text node at or after the start of `node` (its own first text, if it has any). */
  const firstTextFrom = (node: Node): Node | null => {
    if (node.nodeType === 3) return node;
    probe.currentNode = node;
    return probe.nextNode();
  };

  // The element scan.
  let marker: Node | null = null;
  let markerEl: Node = root;
  let markerKind = At.Horizon;
  /** The scan reached the end of the tree (which may grow while the page loads). */
  let scanEnded = false;
  /** Headings the scan found after the last text node: passed once the text walk ends. */
  let headingsAtEnd = 0;
  /** The next element to look at, when the scan has stepped over a subtree to it. */
  let nextEl: Node | null = null;
  /** An excluded element a walker ended at: its next step goes past it, not into it. */
  let elementsAt: Node | null = null;
  let textsAt: Node | null = null;

  const nextElement = (): Node | null => {
    if (nextEl !== null) {
      const n = nextEl;
      nextEl = null;
      return n;
    }
    if (elementsAt !== null) {
      const n = afterSubtree(elements, elementsAt);
      if (n !== null) elementsAt = null;
      return n;
    }
    return elements.nextNode();
  };

  const scan = (): void => {
    marker = null;
    scanEnded = false;
    for (let k = 1; ; k++) {
      if (k > scanAhead) {
        // A horizon: the text walk comes back when it reaches the text after this element. With
        // no text after it, the scan goes on to the end (shadow roots there are noted now).
        markerEl = elements.currentNode;
        marker = firstTextFrom(markerEl);
        markerKind = At.Horizon;
        if (marker !== null) return;
        k = -Infinity;
      }
      const el = nextElement() as Element | null;
      if (el === null) {
        scanEnded = true;
        return;
      }
      if (isExcludedElement(el)) {
        const first = firstTextFrom(el);
        nextEl = afterSubtree(elements, el);
        if (nextEl === null) elementsAt = el;
        if (first !== null && el.contains(first)) {
          marker = first;
          markerEl = el;
          markerKind = At.Excluded;
          return;
        }
        continue;
      }
      const sr = el.shadowRoot;
      if (sr) onShadowRoot(sr);
      if (onHeading && HEADING.test(el.localName)) {
        const first = firstTextFrom(el);
        if (first === null) {
          headingsAtEnd++; // No text after it (yet): it counts when the text walk gets to the end.
          continue;
        }
        marker = first;
        markerEl = el;
        markerKind = At.Heading;
        return;
      }
    }
  };

  // The text walk.
  let pending: Node | null = null;
  /** The text node at which the walk ends (`until`, or the first text at or after it); null: none yet. */
  let untilText: Node | null = null;
  let untilKnown = false;
  let ended = false;
  let scanned = false;
  const nextText = (): Node | null => {
    if (pending !== null) {
      const n = pending;
      pending = null;
      return n;
    }
    if (textsAt !== null) {
      const n = afterSubtree(texts, textsAt);
      if (n !== null) textsAt = null;
      return n;
    }
    return texts.nextNode();
  };

  /** The text walk has got to the end (of what there is now). */
  const atEnd = (): null => {
    for (; headingsAtEnd > 0; headingsAtEnd--) onHeading?.();
    return null;
  };

  return {
    next(): Text | null {
      if (ended) return null;
      // First call, or the scan had reached the end: look at what the parser added since.
      if (!scanned || (scanEnded && marker === null)) {
        scanned = true;
        scan();
      }
      for (;;) {
        const n = nextText();
        if (n === null) return atEnd();
        if (until !== undefined) {
          if (!untilKnown) {
            untilText = until.nodeType === 3 ? until : firstTextFrom(until);
            untilKnown = untilText !== null; // Looked for again while there is none (a loading page).
          }
          if (n === untilText) {
            ended = true;
            // An element `until` is not walked into; a text `until` is the walk's last node.
            if (until.nodeType !== 3) return null;
          }
        }
        while (n === marker && markerKind !== At.Excluded) {
          if (markerKind === At.Heading) onHeading?.();
          scan();
        }
        if (n === marker) {
          // The first text of an excluded element: step over the element whole.
          const el = markerEl;
          scan();
          texts.currentNode = el;
          const after = afterSubtree(texts, el);
          if (after === null) {
            textsAt = el;
            return atEnd();
          }
          if (ended) return null;
          pending = after;
          continue;
        }
        if ((n as Text).length > 1) return n as Text;
        if (ended) return null;
      }
    },
    position: () => textsAt ?? texts.currentNode,
    resync(): void {
      nextEl = null;
      elementsAt = textsAt;
      elements.currentNode = textsAt ?? texts.currentNode;
      scanned = false;
    },
  };
}

/** The backward walk (from the viewport to the top): one walker over elements and text. */
function backwardWalk(root: Node, hooks: WalkHooks, start: Node | undefined): TextWalk {
  const doc = root.ownerDocument ?? (root as Document);
  const w = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  if (start) w.currentNode = start;
  const { onShadowRoot } = hooks;
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
