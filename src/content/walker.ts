/** Text-node walking that skips excluded subtrees and notes open shadow roots on the way. */
import { isExcludedElement } from './dom-rules';

export interface WalkHooks {
  onShadowRoot(root: ShadowRoot): void;
  /** Called when the walk passes a heading (h1-h6), for "first occurrence per section". */
  onHeading?(): void;
}

const HEADING = /^h[1-6]$/;

export function createWalker(root: Node, hooks: WalkHooks): TreeWalker {
  const doc = root.ownerDocument ?? (root as Document);
  const { onShadowRoot, onHeading } = hooks;
  return doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node: Node): number {
      if (node.nodeType === 3) return (node as Text).data.length > 1 ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      const el = node as Element;
      if (isExcludedElement(el)) return NodeFilter.FILTER_REJECT;
      const sr = el.shadowRoot;
      if (sr) onShadowRoot(sr);
      if (onHeading && HEADING.test(el.localName)) onHeading();
      return NodeFilter.FILTER_SKIP;
    },
  });
}

/**
 * The text node the reader is looking at, when the page is scrolled: the walk starts there and
 * goes outward. Returns null at the top of the page (the walk then starts at the beginning).
 */
export function viewportAnchor(doc: Document): Node | null {
  const win = doc.defaultView;
  if (!win || win.scrollY < 40) return null;
  const x = win.innerWidth / 2;
  const y = win.innerHeight / 3;
  type CaretDoc = Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const d = doc as CaretDoc;
  const node = d.caretPositionFromPoint?.(x, y)?.offsetNode ?? d.caretRangeFromPoint?.(x, y)?.startContainer ?? null;
  if (!node || node === doc.body || node === doc.documentElement) return null;
  return node;
}
