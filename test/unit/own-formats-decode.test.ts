/**
 * Own terms (issue 20): bytes -> text, and the choice of format (parseGlossaryFile). Files that are
 * not a glossary, empty files and files over the size cap are refused with one clear problem,
 * fast, and parseGlossaryFile never throws.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/compiler/formats/decode';
import { declaredFormat, parseGlossaryFile, sniffFormat } from '../../src/compiler/formats';
import { LIMITS } from '../../src/common/own-terms';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'own-terms');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const MINIMAL_CSV = 'begrip,definitie\r\nWijkteam,Een team van hulpverleners in de wijk.\r\n';

/** Deterministic pseudo-random bytes (a linear congruential generator). */
function randomBytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('decodeBytes', () => {
  it('reads UTF-8, with or without a BOM', () => {
    expect(decodeBytes(utf8('Zorg in de wijk ë'))).toEqual({ text: 'Zorg in de wijk ë', encoding: 'utf-8' });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Wijkteam')]))).toEqual({ text: 'Wijkteam', encoding: 'utf-8' });
  });

  it('reads a file that is not UTF-8 as Windows-1252', () => {
    // latin1 cannot hold € “ ” –: write those as their Windows-1252 bytes.
    const win = new Uint8Array([...Buffer.from('Cli\u00ebnt ', 'latin1'), 0x80, 0x20, 0x93, ...Buffer.from('zorg', 'latin1'), 0x94, 0x20, 0x96, 0x20, ...Buffer.from('\u00e9\u00e9n', 'latin1')]);
    expect(decodeBytes(win)).toEqual({ text: 'Cliënt € “zorg” – één', encoding: 'windows-1252' });
  });

  it('reads UTF-16 with a BOM (Excel "Unicode text")', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from('begrip\tdefinitie', 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ text: 'begrip\tdefinitie', encoding: 'utf-16le' });
  });

  it('refuses a PDF, an image, an archive and random bytes as not a glossary', () => {
    expect(decodeBytes(fixture('not-a-glossary.pdf'))).toEqual({ fatal: { code: 'notGlossary', detail: 'PDF' } });
    expect(decodeBytes(fixture('image.png'))).toEqual({ fatal: { code: 'notGlossary', detail: 'PNG' } });
    expect(decodeBytes(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toEqual({ fatal: { code: 'notGlossary', detail: 'JPEG' } });
    expect(decodeBytes(utf8('GIF89a\u0001\u0000'))).toEqual({ fatal: { code: 'notGlossary', detail: 'GIF' } });
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]))).toEqual({ fatal: { code: 'notGlossary', detail: 'ZIP' } });
    expect(decodeBytes(randomBytes(4096))).toEqual({ fatal: { code: 'notGlossary', detail: 'binary' } });
    expect(decodeBytes(utf8('begrip,definitie\nA\u0000B,C\n'))).toEqual({ fatal: { code: 'notGlossary', detail: 'binary' } });
  });

  it('refuses an empty or blank file as empty', () => {
    expect(decodeBytes(fixture('empty.ttl'))).toEqual({ fatal: { code: 'empty' } });
    expect(decodeBytes(fixture('whitespace.csv'))).toEqual({ fatal: { code: 'empty' } });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).toEqual({ fatal: { code: 'empty' } });
  });

  it('refuses a 20 MB file as too big before reading it, fast', { timeout: 60000 }, () => {
    const big = new Uint8Array(20 * 1024 * 1024).fill(0x61);
    const t0 = performance.now();
    const result = parseGlossaryFile(big, { fileName: 'groot.ttl' });
    expect(performance.now() - t0).toBeLessThan(100);
    expect(result.fatal).toEqual({ code: 'tooBig', detail: '20.0 MB' });
    expect(decodeBytes(new Uint8Array(LIMITS.maxFileBytes + 1))).toMatchObject({ fatal: { code: 'tooBig' } });
  });
});

describe('parseGlossaryFile: choice of format', () => {
  it('follows the content type, then the extension, then the text', () => {
    expect(declaredFormat({ contentType: 'text/turtle; charset=utf-8', fileName: 'x.csv' })).toBe('turtle');
    expect(declaredFormat({ contentType: 'application/vnd.ms-excel', fileName: 'x.csv' })).toBe('csv');
    expect(declaredFormat({ contentType: 'text/plain', fileName: 'Begrippen.JSON' })).toBe('json');
    expect(declaredFormat({ contentType: '', fileName: 'lijst.ttl' })).toBe('turtle');
    expect(declaredFormat({ fileName: 'lijst.txt' })).toBeNull();
    expect(declaredFormat({ contentType: 'application/ld+json' })).toEqual({ code: 'notGlossary', detail: 'JSON-LD' });
    expect(declaredFormat({ contentType: 'image/png' })).toEqual({ code: 'notGlossary', detail: 'image/png' });
    expect(sniffFormat('\n  @prefix skos: <http://www.w3.org/2004/02/skos/core#> .')).toBe('turtle');
    expect(sniffFormat('PREFIX skos: <http://www.w3.org/2004/02/skos/core#>')).toBe('turtle');
    expect(sniffFormat('<https://x.nl/a> <https://x.nl/b> "c" .')).toBe('turtle');
    expect(sniffFormat('# kop\n@prefix skos: <http://www.w3.org/2004/02/skos/core#> .')).toBe('turtle');
    expect(sniffFormat('[{"term":"a"}]')).toBe('json');
    expect(sniffFormat(' {"terms":[]}')).toBe('json');
    expect(sniffFormat('begrip;definitie')).toBe('csv');
    expect(sniffFormat('<!DOCTYPE html><html>')).toEqual({ code: 'notGlossary', detail: 'HTML' });
  });

  it('reads each format through one entry, with the format in the result', () => {
    expect(parseGlossaryFile(utf8(MINIMAL_CSV), { fileName: 'lijst.txt' })).toMatchObject({ format: 'csv', concepts: 1, terms: [{ id: 'wijkteam', term: 'Wijkteam' }] });
    const json = JSON.stringify([{ term: 'Wijkteam', definition: 'Een team in de wijk.' }]);
    expect(parseGlossaryFile(utf8(json), {})).toMatchObject({ format: 'json', terms: [{ term: 'Wijkteam' }] });
    expect(parseGlossaryFile(fixture('voorbeeldstad.ttl'), { fileName: 'voorbeeldstad.ttl' }).format).toBe('turtle');
  });

  it('refuses the bad files of issue 20 with one problem each', () => {
    expect(parseGlossaryFile(fixture('not-a-glossary.pdf'), { fileName: 'x.ttl' }).fatal).toEqual({ code: 'notGlossary', detail: 'PDF' });
    expect(parseGlossaryFile(fixture('image.png'), { fileName: 'x.csv', contentType: 'text/csv' }).fatal).toEqual({ code: 'notGlossary', detail: 'PNG' });
    expect(parseGlossaryFile(randomBytes(10000, 3), { fileName: 'x.json' }).fatal).toEqual({ code: 'notGlossary', detail: 'binary' });
    expect(parseGlossaryFile(fixture('empty.ttl'), { fileName: 'empty.ttl' }).fatal).toEqual({ code: 'empty' });
    expect(parseGlossaryFile(utf8('<html><body>Hallo</body></html>'), {}).fatal).toEqual({ code: 'notGlossary', detail: 'HTML' });
    expect(parseGlossaryFile(utf8('{"@context":{},"@graph":[]}'), { fileName: 'x.json' }).fatal).toEqual({ code: 'notGlossary', detail: 'JSON-LD' });
  });

  it('never throws: random input, odd options and a throwing everyday check', { timeout: 60000 }, () => {
    for (let seed = 1; seed < 40; seed++) {
      const bytes = randomBytes(200 + seed * 37, seed).map((b) => (b < 32 ? 32 + (b % 90) : b));
      for (const fileName of ['x.ttl', 'x.csv', 'x.json', 'x']) {
        expect(() => parseGlossaryFile(bytes, { fileName })).not.toThrow();
      }
    }
    const everyday = () => {
      throw new Error('kapot');
    };
    expect(parseGlossaryFile(utf8(MINIMAL_CSV), { everyday }).terms).toHaveLength(1);
    expect(parseGlossaryFile(null as unknown as Uint8Array, {}).fatal?.code).toBe('notGlossary');
  });
});
