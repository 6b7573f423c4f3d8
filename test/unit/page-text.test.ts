import { describe, expect, it } from 'vitest';
import { joinPieces, partsOf, type Piece } from '../../src/reader/page-text';
import { createMatcher } from '../../src/engine/matcher';
import { loadFullGlossary } from './helpers';

const matcher = createMatcher(loadFullGlossary().matcher);

const line = (text: string): Piece => ({ text, eol: true });
const span = (text: string): Piece => ({ text, eol: false });

function matchParts(pieces: Piece[]) {
  const page = joinPieces(pieces);
  return matcher.find(page.text).map((t) => ({
    ids: t.ids.join(),
    parts: partsOf(page, t.start, t.end, (i) => (pieces[i] as Piece).text.length).map((p) => (pieces[p.piece] as Piece).text.slice(p.start, p.end)),
  }));
}

describe('page text from pdf.js pieces', () => {
  it('joins a line end with one space, so a term over two lines is one term', () => {
    const found = matchParts([line('afspraken in het Integraal'), line('Zorgakkoord zijn')]);
    expect(found.map((f) => f.parts)).toContainEqual(['Integraal', 'Zorgakkoord']);
  });

  it('joins a word hyphenated at a line end without the hyphen, and marks the hyphen with the first part', () => {
    const page = joinPieces([line('over passende zorg-'), line('akkoorden en meer')]);
    expect(page.text).toBe('over passende zorgakkoorden en meer');
    const start = page.text.indexOf('zorgakkoorden');
    const parts = partsOf(page, start, start + 'zorgakkoorden'.length, (i) => [19, 17][i] as number);
    expect(parts).toEqual([{ piece: 0, start: 14, end: 19 }, { piece: 1, start: 0, end: 9 }]);
  });

  it('keeps a compound hyphen after a capital (IZA- / doelen)', () => {
    expect(joinPieces([line('de IZA-'), line('doelen')]).text).toBe('de IZA-doelen');
  });

  it('joins spans on one line as they are, and terms split over spans are one term', () => {
    const found = matchParts([span('de Wet langdurige '), span('zorg'), line(' (Wlz)')]);
    expect(found.map((f) => f.parts)).toContainEqual(['Wet langdurige ', 'zorg']);
    expect(found.map((f) => f.parts)).toContainEqual(['Wlz']);
  });

  it('adds no second space where a line already ends in one, and skips empty items', () => {
    expect(joinPieces([line('regio '), { text: '', eol: true }, line('plan')]).text).toBe('regio plan');
  });

  it('maps every match back onto exactly its characters', () => {
    const pieces = [line('Het IZA en de'), span('Zvw'), line(' en de W'), line('mo.')];
    const page = joinPieces(pieces);
    for (const t of matcher.find(page.text)) {
      const parts = partsOf(page, t.start, t.end, (i) => (pieces[i] as Piece).text.length);
      const joined = parts.map((p) => (pieces[p.piece] as Piece).text.slice(p.start, p.end)).join(' ');
      expect(joined.replace(/\s+/g, ' ')).toBe(page.text.slice(t.start, t.end).replace(/\s+/g, ' '));
    }
  });
});
