import { describe, expect, it } from 'vitest';
import { LoadError, checkAddress, looksLikePdf, readLocal } from '../../src/reader/source';
import { countTerms } from '../../src/reader/extract';
import { piecesOfItems } from '../../src/reader/text-layer';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('reader input checks', () => {
  it('knows a PDF by "%PDF-" within its first kilobyte', () => {
    expect(looksLikePdf(bytes('%PDF-1.7\n'))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(500)}%PDF-1.4`))).toBe(true);
    expect(looksLikePdf(bytes(`${' '.repeat(1100)}%PDF-1.4`))).toBe(false);
    expect(looksLikePdf(bytes('<!doctype html><title>Inloggen</title>'))).toBe(false);
    expect(looksLikePdf(new Uint8Array())).toBe(false);
  });

  it('opens web and file addresses only', () => {
    expect(checkAddress('https://www.nza.nl/a.pdf').hostname).toBe('www.nza.nl');
    expect(checkAddress('file:///home/a.pdf').protocol).toBe('file:');
    for (const bad of ['javascript:alert(1)', 'data:application/pdf;base64,JVBERi0=', 'chrome://settings', 'not a url', '']) {
      expect(() => checkAddress(bad), bad).toThrow(LoadError);
    }
  });

  it('reads a local file, and names what is wrong with one that is not a PDF', async () => {
    expect((await readLocal(new File([bytes('%PDF-1.7\n%%EOF')], 'brief.pdf'))).name).toBe('brief.pdf');
    await expect(readLocal(new File([bytes('hallo')], 'x.pdf'))).rejects.toMatchObject({ kind: 'not-pdf' });
    await expect(readLocal(new File([], 'leeg.pdf'))).rejects.toMatchObject({ kind: 'damaged' });
  });
});

describe('whole-document counts', () => {
  it('counts each occurrence once, by its first meaning, in order of first appearance', () => {
    const counts = countTerms({ pages: [[['iza'], ['pgo-a', 'pgo-b']], null, [['iza'], ['wlz']]], chars: [10, 0, 10], done: false, longestStep: 0, ownTime: 0 });
    expect(counts).toEqual({ count: 4, terms: [{ id: 'iza', count: 2 }, { id: 'pgo-a', count: 1 }, { id: 'wlz', count: 1 }] });
  });

  it('takes pdf.js text items as the text layer shows them (empty items only end a line)', () => {
    expect(piecesOfItems([{ str: 'Integraal', hasEOL: false }, { str: '', hasEOL: true }, { type: 'beginMarkedContent' }, { str: 'Zorgakkoord', hasEOL: true }])).toEqual([
      { text: 'Integraal', eol: true },
      { text: 'Zorgakkoord', eol: true },
    ]);
  });
});
