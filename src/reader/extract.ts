/**
 * The whole document's terms, found in the background: each page's text from pdf.js (the worker
 * extracts it off the main thread), joined as the text layer will be, and matched with the shared
 * matcher. Page by page, each in its own task, so scrolling never waits on it: matching one
 * page's text takes well under a millisecond.
 */
import { keepMatches, type Matcher, type TermMatch } from '../engine/matcher';
import { joinPieces } from './page-text';
import { piecesOfItems } from './text-layer';
import type { PDFDocumentProxy } from './pdfjs';
import type { TermCount } from '../common/messages';
import type { FirstOnly } from '../common/settings';

export interface DocTerms {
  /** Per page (index 0 = page 1): the ids of each occurrence, in order; null until extracted. */
  pages: (readonly (readonly string[])[] | null)[];
  /** Characters of text per page (0 on a scanned page). */
  chars: number[];
  done: boolean;
  /** The longest stretch of our own work on one page (joining, matching, counting), in ms. */
  longestStep: number;
  /** Our own work over all pages, in ms. */
  ownTime: number;
}

export interface TermFilter {
  matcher: Matcher;
  allow(ids: readonly string[]): readonly string[];
  firstOnly: FirstOnly;
}

/**
 * The matches of one page, filtered by category and by "first occurrence only". `seen` carries
 * the terms already shown over the document ("page": first in the PDF); "section" starts anew on
 * every PDF page, the nearest thing to a section a PDF has.
 */
export function pageMatches(text: string, f: TermFilter, seen: Set<string> | null): TermMatch[] {
  return keepMatches(f.matcher.find(text), f.allow, f.firstOnly === 'off' ? null : f.firstOnly === 'section' ? new Set() : seen);
}

/** Text requests kept in flight: the worker answers them back to back, with no round trip between. */
const AHEAD = 4;

async function pageText(doc: PDFDocumentProxy, p: number): Promise<string> {
  const page = await doc.getPage(p);
  const content = await page.getTextContent();
  page.cleanup();
  return joinPieces(piecesOfItems(content.items)).text;
}

/**
 * Extracts and matches every page, calling `onPage` after each. Stops when `signal` aborts.
 * Pages are matched in order, so "first occurrence only" over the document means the first in
 * reading order. Each page's text arrives as a message from the worker, so every page is its own
 * task: no yield of our own is needed, and the longest step is recorded (`longestStep`, ms).
 */
export async function extractAll(doc: PDFDocumentProxy, f: TermFilter, signal: AbortSignal, onPage: (p: number, terms: DocTerms) => void): Promise<DocTerms> {
  const terms: DocTerms = { pages: new Array(doc.numPages).fill(null), chars: new Array(doc.numPages).fill(0), done: false, longestStep: 0, ownTime: 0 };
  const seen = new Set<string>();
  const inFlight = new Map<number, Promise<string>>();
  const request = (p: number) => {
    if (p <= doc.numPages && !inFlight.has(p)) inFlight.set(p, pageText(doc, p).catch(() => ''));
  };
  for (let p = 1; p <= doc.numPages && !signal.aborted; p++) {
    for (let k = p; k < p + AHEAD; k++) request(k);
    const text = await (inFlight.get(p) as Promise<string>);
    inFlight.delete(p);
    if (signal.aborted) break;
    const t0 = performance.now();
    terms.chars[p - 1] = text.trim().length;
    terms.pages[p - 1] = pageMatches(text, f, seen).map((m) => m.ids);
    onPage(p, terms);
    const took = performance.now() - t0;
    terms.longestStep = Math.max(terms.longestStep, took);
    terms.ownTime += took;
  }
  terms.done = !signal.aborted;
  return terms;
}

/** Counts per term in order of first appearance, and the total, over the pages extracted so far. */
export function countTerms(terms: DocTerms): { count: number; terms: TermCount[] } {
  const counts = new Map<string, number>();
  let count = 0;
  for (const page of terms.pages) {
    if (!page) continue;
    for (const ids of page) {
      count++;
      // By its first meaning, as the content script counts (TermIndex.termCounts).
      const id = ids[0] as string;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return { count, terms: [...counts].map(([id, n]) => ({ id, count: n })) };
}
