/**
 * Copying is the browser's own. With only painted terms the page's DOM is untouched, so there is
 * nothing to do. Where a selection reaches a term that is wrapped for use (card open, keyboard
 * focus), that use ends before the browser serialises the selection: the selection is moved onto
 * the page's own text nodes, the marks are removed, and the browser's copy (text/plain and
 * text/html, with the page's CSS applied as usual) sees the DOM as the page made it. The card's
 * host sits at the end of <html>, so Ctrl+A would take the open card's text along: a selection
 * that reaches it closes the card first. The same goes for dragging a selection.
 */
import { groupOf, type Group } from './highlighter';

/** A selection boundary expressed in the page's own nodes (as if no term were wrapped). */
function originalPoint(node: Node, offset: number): [Node, number] {
  const own = (g: Group, piece: Node, within: number): [Node, number] => {
    let at = g.left.length;
    for (const p of g.pieces) {
      if (p === piece || p.firstChild === piece) return [g.text, at + within];
      at += p.textContent?.length ?? 0;
    }
    return [g.text, Math.min(at, g.original.length)];
  };
  if (node.nodeType === 3) {
    const g = groupOf(node);
    if (g && g.text !== node) return own(g, node, offset);
    return [node, offset];
  }
  const g = groupOf(node);
  if (g && node.nodeType === 1) return own(g, node, offset === 0 ? 0 : node.textContent?.length ?? 0);
  // An element boundary: the child before it may be one of our pieces.
  const before = node.childNodes[offset - 1];
  const pg = before ? groupOf(before) : undefined;
  if (before && pg) return pg.text === before ? [before, pg.left.length] : own(pg, before, before.textContent?.length ?? 0);
  return [node, offset];
}

/**
 * Installs the guard. `ours` lists the elements of ours in the page now (marks of terms in use,
 * the card's host); `release` ends every use and closes the card. Runs in the
 * capture phase on the window, before the page's own copy handlers, so they too see the page's
 * DOM.
 */
export function installCopyGuard(doc: Document, ours: () => readonly Element[], release: () => void, signal: AbortSignal): void {
  const guard = (): void => {
    const written = ours();
    if (written.length === 0) return;
    const sel = doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return;
    const ranges = [...Array(sel.rangeCount).keys()].map((i) => sel.getRangeAt(i));
    // The card's host counts whether or not the range reaches it: Chromium's select-all copies
    // <html>'s later children too, though the range ends in <body>.
    const host = written.some((el) => el.parentNode === doc.documentElement);
    if (!host && !ranges.some((r) => written.some((m) => r.intersectsNode(m)))) return;
    const points = ranges.map((r) => [originalPoint(r.startContainer, r.startOffset), originalPoint(r.endContainer, r.endOffset)] as const);
    // Each point is remembered in a node that stays: the page's own text node, or an element.
    // Element offsets count our pieces, so turn them into "after this page node" before unwrapping.
    const anchors = points.map(([s, e]) => [anchorOf(s), anchorOf(e)] as const);
    release();
    sel.removeAllRanges();
    for (const [s, e] of anchors) {
      const r = doc.createRange();
      r.setStart(...resolve(s));
      r.setEnd(...resolve(e));
      sel.addRange(r);
    }
  };
  const win = doc.defaultView;
  win?.addEventListener('copy', guard, { capture: true, signal });
  win?.addEventListener('dragstart', guard, { capture: true, signal });
}

type Anchor = { node: Node; offset: number } | { after: Node | null; parent: Node };

function anchorOf([node, offset]: [Node, number]): Anchor {
  if (node.nodeType === 3) return { node, offset };
  // Find the nearest child before the boundary that is not ours.
  let before: Node | null = node.childNodes[offset - 1] ?? null;
  while (before && groupOf(before) && groupOf(before)?.text !== before) before = before.previousSibling;
  return { after: before, parent: node };
}

function resolve(a: Anchor): [Node, number] {
  if ('node' in a) return [a.node, Math.min(a.offset, (a.node as Text).length)];
  const i = a.after ? [...a.parent.childNodes].indexOf(a.after as ChildNode) + 1 : 0;
  return [a.parent, i];
}
