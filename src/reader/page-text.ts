/**
 * A PDF page's text as one string for the matcher, built from its pieces (pdf.js text items, or
 * the text nodes of the rendered text layer: one per non-empty item, with a <br> where an item
 * ends a line), and the way back from offsets in that string to offsets in the pieces.
 *
 * Both the background count (from getTextContent) and the text layer build the string here, from
 * the same pieces in the same order, so the n-th term counted on a page is the n-th term marked.
 *
 * Joins: a line end becomes one space, so "Integraal" / "Zorgakkoord" on two lines is one term.
 * A word hyphenated at a line end ("zorg-" / "akkoord") is joined without its hyphen when a
 * lower-case letter stands on both sides; a capital before the hyphen ("IZA-" / "doelen") is a
 * real compound hyphen and stays. Pieces on one line are joined as they are: pdf.js puts the
 * spaces between words into the items.
 */

export interface Piece {
  text: string;
  /** The piece ends a line (pdf.js hasEOL). */
  eol: boolean;
}

/** One run of the page string taken from a piece: page[at, at + len) = piece.text[from, from + len). */
interface Run {
  at: number;
  piece: number;
  from: number;
  len: number;
}

export interface PageText {
  text: string;
  runs: Run[];
}

/** A part of a match inside one piece: piece.text[start, end). */
export interface PiecePart {
  piece: number;
  start: number;
  end: number;
}

const LOWER = /\p{Ll}/u;
const HYPHENS = '-\u00ad\u2010\u2011';

function isLower(ch: string | undefined): boolean {
  return ch !== undefined && LOWER.test(ch);
}

export function joinPieces(pieces: readonly Piece[]): PageText {
  let text = '';
  const runs: Run[] = [];
  let pendingBreak = false;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] as Piece;
    const s = p.text;
    if (pendingBreak && s.length > 0) {
      pendingBreak = false;
      const last = text.charAt(text.length - 1);
      if (HYPHENS.includes(last) && isLower(text.charAt(text.length - 2)) && isLower(s.charAt(0))) {
        // Hyphenated at the line end: drop the hyphen from the string (it stays in its piece).
        text = text.slice(0, -1);
        const r = runs[runs.length - 1] as Run;
        r.len -= 1;
        if (r.len === 0) runs.pop();
      } else if (!HYPHENS.includes(last) && !/\s$/.test(text) && !/^\s/.test(s)) text += ' ';
    }
    if (s.length > 0) {
      runs.push({ at: text.length, piece: i, from: 0, len: s.length });
      text += s;
    }
    if (p.eol && text.length > 0) pendingBreak = true;
  }
  return { text, runs };
}

/** The run holding page offset `at` (binary search; runs are in order and do not overlap). */
function runAt(runs: readonly Run[], at: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((runs[mid] as Run).at <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The parts of page[start, end) in each piece, in order. A dropped hyphen lies between two runs
 * of one match: it goes with the first part, so the whole "zorg-akkoord" is marked.
 */
export function partsOf(page: PageText, start: number, end: number, pieceLength: (i: number) => number): PiecePart[] {
  const parts: PiecePart[] = [];
  const { runs } = page;
  if (runs.length === 0 || end <= start) return parts;
  for (let k = runAt(runs, start); k < runs.length; k++) {
    const r = runs[k] as Run;
    if (r.at >= end) break;
    const s = Math.max(start, r.at) - r.at + r.from;
    let e = Math.min(end, r.at + r.len) - r.at + r.from;
    if (e <= s) continue;
    const next = runs[k + 1];
    // The match goes on into the next piece: keep what this piece has after the run (a hyphen).
    if (next !== undefined && next.at < end && e === r.from + r.len) e = pieceLength(r.piece);
    parts.push({ piece: r.piece, start: s, end: e });
  }
  return parts;
}
