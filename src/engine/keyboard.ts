/**
 * Keyboard access without flooding the tab order: all terms together are one tab stop (the first
 * term on the page, or the last one visited), and from a focused term the arrow keys go to the
 * next or previous one, like a toolbar's roving tabindex.
 *
 * Painted terms are not elements, so the browser's own Tab order cannot reach them. On Tab, this
 * module works out whether the term stop lies between the focused element and the next (or, with
 * Shift, the previous) focusable one in document order, which is where a `tabindex=0` element
 * would sit; if so it wraps that one term (Painter.use) and focuses it. When focus leaves the
 * term, the session releases it, and the DOM is as the page made it again.
 */

/** Elements in the browser's sequential focus order (those with tabindex -1 are filtered out). */
const TABBABLE =
  'a[href],area[href],button,input,select,textarea,iframe,summary,audio[controls],video[controls],[contenteditable]:not([contenteditable="false"]),[tabindex]';

function isTabbable(el: Element): boolean {
  const h = el as HTMLElement;
  if (h.tabIndex < 0 || (h as HTMLButtonElement).disabled) return false;
  if (el.localName === 'input' && (el as HTMLInputElement).type === 'hidden') return false;
  const visible = (h as HTMLElement & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  return visible ? visible.call(h, { visibilityProperty: true }) : h.getClientRects().length > 0;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** True if `b` comes after `a` in document order (and is not inside it). */
function after(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & FOLLOWING) !== 0 && !a.contains(b);
}

/**
 * The focusable element Tab (or Shift+Tab) would reach from `node`: the first one after it in
 * document order, or the last one before it (elements holding `node` are skipped either way).
 * The candidates are in document order, so the start is found by binary search.
 */
export function nextTabbable(doc: Document, node: Node, backward: boolean): HTMLElement | null {
  const all = [...doc.querySelectorAll<HTMLElement>(TABBABLE)];
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after(node, all[mid] as Element)) hi = mid;
    else lo = mid + 1;
  }
  if (!backward) {
    for (let i = lo; i < all.length; i++) if (isTabbable(all[i] as Element)) return all[i] as HTMLElement;
    return null;
  }
  for (let i = lo - 1; i >= 0; i--) {
    const el = all[i] as HTMLElement;
    if (!el.contains(node) && isTabbable(el)) return el;
  }
  return null;
}

/**
 * Whether a Tab press (forward, or backward with Shift) from `from` should land on the term at
 * `term`: the term lies past `from`, and no focusable element lies between them.
 */
export function tabLandsOn(doc: Document, from: Element | null, term: Node, backward: boolean): boolean {
  const start = from === null || from === doc.body || from === doc.documentElement ? null : from;
  if (start?.contains(term)) return false;
  if (start !== null && (backward ? !after(term, start) : !after(start, term))) return false;
  let next: HTMLElement | null;
  if (start !== null) next = nextTabbable(doc, start, backward);
  else {
    // From the page itself: the first (or last) focusable element of the page.
    const all = [...doc.querySelectorAll<HTMLElement>(TABBABLE)].filter(isTabbable);
    next = (backward ? all[all.length - 1] : all[0]) ?? null;
  }
  if (next === null) return true;
  if (next.contains(term)) return false;
  return backward ? after(next, term) : after(term, next);
}
