/** Which parts of a page are never touched, and how the extension's own nodes are recognised. */

/** Elements whose text is never highlighted (their whole subtree is skipped). */
export const EXCLUDED_TAGS = new Set([
  'input', 'textarea', 'select', 'option', 'script', 'style', 'noscript', 'template', 'code',
  'pre', 'kbd', 'samp', 'svg', 'math', 'head', 'title', 'iframe', 'object', 'canvas', 'video',
  'audio', 'button',
]);

/** Attribute that carries the entry ids on each of our marks. */
export const MARK_ATTR = 'data-iza';
/** Class on each of our marks: with the attribute, it tells them from the page's own <mark>s. */
export const MARK_CLASS = 'iza-term';
export const MARK_SELECTOR = `mark.${MARK_CLASS}[${MARK_ATTR}]`;
/** Tag of the element that hosts the card's shadow root. */
export const HOST_TAG = 'iza-begrippen-card';

export const EXCLUDED_SELECTOR = [
  ...EXCLUDED_TAGS,
  '[contenteditable]:not([contenteditable="false"])',
  MARK_SELECTOR,
  HOST_TAG,
].join(',');

export function isOwnMark(node: Node | null): node is HTMLElement {
  if (node === null || node.nodeType !== 1) return false;
  const el = node as Element;
  return el.localName === 'mark' && el.hasAttribute(MARK_ATTR) && el.classList.contains(MARK_CLASS);
}

/** True if an element (itself) is excluded: its subtree is never walked. */
export function isExcludedElement(el: Element): boolean {
  const name = el.localName; // Read once: every element of the page passes here.
  if (EXCLUDED_TAGS.has(name) || name === HOST_TAG) return true;
  if (name === 'mark' && isOwnMark(el)) return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** True if `node` lies inside (or is) an excluded element, within its own tree. */
export function isInsideExcluded(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (el === null) return node.nodeType !== 1 && node.parentNode?.nodeType !== 11; // detached text
  if (el.closest(EXCLUDED_SELECTOR) !== null) return true;
  return (el as HTMLElement).isContentEditable === true;
}

/** Moves an anchor inside an excluded element (e.g. a <pre>) up to that element. */
export function liftOutOfExcluded(node: Node): Node {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(EXCLUDED_SELECTOR) ?? node;
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
