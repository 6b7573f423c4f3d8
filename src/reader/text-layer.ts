/**
 * One rendered text layer: its text nodes as pieces of the page text (a <br> ends a line, as
 * pdf.js writes one after each item with hasEOL), the terms found there, and the marks written
 * for them with the shared highlighter (mark.js). A term split over two text nodes (two lines,
 * or two spans of one line) gets one mark per node; both carry the same occurrence number, so
 * the card, the count and the keyboard treat them as one term.
 */
import { wrapMatches, unwrapGroup, type Group } from '../content/highlighter';
import type { TermMatch } from '../content/matcher';
import { joinPieces, partsOf, type PageText, type Piece } from './page-text';

/** Attribute on each mark: "page:index" of its occurrence in the whole document. */
export const OCC_ATTR = 'data-iza-occ';
/** Attribute on the first mark of each occurrence: the one the keyboard focuses. */
export const FIRST_ATTR = 'data-iza-first';

export interface LayerText {
  page: PageText;
  nodes: Text[];
  pieces: Piece[];
}

/** The layer's text nodes in order, with their line ends, and the joined page text. */
export function readLayer(layer: HTMLElement): LayerText {
  const nodes: Text[] = [];
  const pieces: Piece[] = [];
  const walker = layer.ownerDocument.createTreeWalker(layer, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    if (n.nodeType === 3) {
      nodes.push(n as Text);
      pieces.push({ text: (n as Text).data, eol: false });
    } else if ((n as Element).localName === 'br') {
      const last = pieces[pieces.length - 1];
      if (last) last.eol = true;
    }
  }
  return { page: joinPieces(pieces), nodes, pieces };
}

/** The pieces of a page from pdf.js text items, as the text layer will show them. */
export function piecesOfItems(items: readonly unknown[]): Piece[] {
  const pieces: Piece[] = [];
  for (const it of items) {
    const item = it as { str?: string; hasEOL?: boolean };
    if (typeof item.str !== 'string') continue;
    if (item.str !== '') pieces.push({ text: item.str, eol: item.hasEOL === true });
    else if (item.hasEOL) {
      const last = pieces[pieces.length - 1];
      if (last) last.eol = true;
    }
  }
  return pieces;
}

export interface Written {
  groups: Group[];
}

/**
 * Writes marks for `matches` (offsets into the layer's page text, already filtered), numbering
 * them `page:first+k`. Returns what to undo.
 */
export function markLayer(text: LayerText, matches: readonly TermMatch[], pageNumber: number, styleClass: string): Written {
  const perNode = new Map<number, { m: TermMatch; occ: number; first: boolean }[]>();
  matches.forEach((m, k) => {
    const parts = partsOf(text.page, m.start, m.end, (i) => (text.pieces[i] as Piece).text.length);
    parts.forEach((p, j) => {
      let list = perNode.get(p.piece);
      if (!list) perNode.set(p.piece, (list = []));
      list.push({ m: { start: p.start, end: p.end, ids: m.ids }, occ: k, first: j === 0 });
    });
  });
  const groups: Group[] = [];
  for (const [piece, list] of perNode) {
    const node = text.nodes[piece] as Text;
    const group = wrapMatches(node, list.map((x) => x.m), { className: styleClass });
    if (!group) continue;
    groups.push(group);
    const marks = group.pieces.filter((p): p is HTMLElement => p.nodeType === 1);
    marks.forEach((mark, i) => {
      const x = list[i];
      if (!x) return;
      mark.setAttribute(OCC_ATTR, `${pageNumber}:${x.occ}`);
      if (x.first) mark.setAttribute(FIRST_ATTR, '');
    });
  }
  return { groups };
}

export function unmarkLayer(w: Written): void {
  for (const g of w.groups) if (g.text.isConnected) unwrapGroup(g, true);
  w.groups.length = 0;
}
