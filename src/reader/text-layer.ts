/**
 * One rendered text layer: its text nodes as pieces of the page text (a <br> ends a line, as
 * pdf.js writes one after each item with hasEOL), and the term session's entries for the terms
 * found there. The session paints them (CSS Custom Highlight API) and wraps one with mark.js
 * only while it is in use; a term split over two text nodes is one range, so one term.
 */
import type { TermMatch } from '../engine/matcher';
import type { Entry, Occurrence } from '../engine/terms';
import { joinPieces, partsOf, type PageText, type Piece } from './page-text';

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

/**
 * The term session's entries for one text layer: an occurrence per match, from the text node
 * where it starts to the one where it ends (a term over two lines spans two spans), grouped by
 * the node it starts in. `seq` numbers them in reading order over the whole document (page
 * first), so the session's order is the document's. `occs` is in match order.
 */
export function entriesOf(text: LayerText, matches: readonly TermMatch[], pageNumber: number): { entries: Entry[]; occs: Occurrence[] } {
  const byNode = new Map<number, Entry>();
  const occs: Occurrence[] = [];
  for (const m of matches) {
    const parts = partsOf(text.page, m.start, m.end, (i) => (text.pieces[i] as Piece).text.length);
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last) continue;
    let entry = byNode.get(first.piece);
    if (!entry) {
      const node = text.nodes[first.piece] as Text;
      entry = { text: node, data: node.data, occ: [], seq: pageNumber * PAGE_SEQ + first.piece, painted: false, done: false };
      byNode.set(first.piece, entry);
    }
    const o: Occurrence = { entry, ids: m.ids, startNode: entry.text, start: first.start, endNode: text.nodes[last.piece] as Text, end: last.end };
    entry.occ.push(o);
    occs.push(o);
  }
  return { entries: [...byNode.values()], occs };
}

/** Room for the text nodes of one page in the document-order numbers. */
const PAGE_SEQ = 1_000_000;
