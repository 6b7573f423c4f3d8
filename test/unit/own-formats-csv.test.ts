/**
 * Own terms (issue 20): CSV. RFC 4180 quoting, the separator of Dutch Excel, a BOM, Windows-1252,
 * Dutch and English column names, wrong columns, the cap on rows, markup, and our own build's
 * begrippen.csv.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../../src/compiler/formats';
import { csvRows, detectSeparator, parseCsv, splitList } from '../../src/compiler/formats/csv';
import { toCsv } from '../../src/build/skos-export';
import { loadFullGlossary } from './helpers';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'own-terms');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('CSV: reading rows', () => {
  it('follows RFC 4180: quotes, doubled quotes, line breaks in quotes, CRLF', () => {
    const text = 'a,b\r\n"x, y","he said ""ja"""\r\n"twee\r\nregels",c\r\n';
    expect(csvRows(text, ',')).toEqual({
      rows: [
        { cells: ['a', 'b'], line: 1 },
        { cells: ['x, y', 'he said "ja"'], line: 2 },
        { cells: ['twee\r\nregels', 'c'], line: 3 },
      ],
    });
  });

  it('gives the line and column of a quote that is never closed', () => {
    expect(csvRows('a;b\nc;"open\nd;e\n', ';')).toEqual({ error: { line: 2, column: 3 } });
    expect(parseCsv('begrip;definitie\nWijkteam;"Een team\n').fatal).toEqual({ code: 'syntax', line: 2, column: 10, detail: '"' });
  });

  it('takes the separator from the header line: comma, semicolon or tab', () => {
    expect(detectSeparator('begrip;definitie;afkorting\nA,B;C')).toBe(';');
    expect(detectSeparator('term,definition\n')).toBe(',');
    expect(detectSeparator('term\tdefinition\n')).toBe('\t');
    expect(detectSeparator('"begrip; met puntkomma",definitie\n')).toBe(',');
    expect(detectSeparator('begrip\n')).toBe(',');
  });

  it('splits list cells on "|", else on ";" or ","', () => {
    expect(splitList('Wmo | WMO')).toEqual(['Wmo', 'WMO']);
    expect(splitList('Wmo, WMO')).toEqual(['Wmo', 'WMO']);
    expect(splitList('zorg, welzijn | wonen')).toEqual(['zorg, welzijn', 'wonen']);
    expect(splitList('zorg, welzijn', true)).toEqual(['zorg, welzijn']);
    expect(splitList('  ')).toEqual([]);
  });
});

describe('CSV: glossaries', () => {
  it('reads a Dutch Excel file with ";" and Dutch column names', () => {
    const r = parseGlossaryFile(fixture('puntkomma.csv'), { fileName: 'puntkomma.csv' });
    expect(r.fatal).toBeUndefined();
    expect(r.concepts).toBe(4);
    expect(r.terms[0]).toEqual({
      id: 'wijkteam',
      term: 'Wijkteam',
      abbreviations: ['SWT'],
      variants: ['sociaal wijkteam', 'buurtteam'],
      definition: 'Een team in de wijk; het helpt inwoners met zorg, werk en geld.',
      category: 'organisatie',
      source: { url: 'https://www.voorbeeldstad.nl/wijkteam' },
      caseSensitive: false,
    });
    expect(r.terms[1]?.definition).toBe('Een pas met korting op sport en cultuur voor inwoners met een laag inkomen.');
    expect(r.terms[2]?.definition).toBe('Het gesprek over de hulp die een inwoner "echt" nodig heeft.');
    expect(r.terms[2]?.source).toBeUndefined();
    expect(r.terms[3]).toMatchObject({ category: 'akkoord', caseSensitive: true, abbreviations: ['LAV'] });
    expect(r.skipped).toEqual([{ code: 'badSource', line: 5, detail: 'javascript:alert(1)', term: 'Keukentafelgesprek' }]);
  });

  it('reads a minimal file, with a BOM, English names and a title line above the header', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Term,Definition\r\nWijkteam,Een team in de wijk.\r\n')]);
    expect(parseGlossaryFile(withBom, { fileName: 'a.csv' }).terms).toEqual([{ id: 'wijkteam', term: 'Wijkteam', abbreviations: [], variants: [], definition: 'Een team in de wijk.', caseSensitive: false }]);
    const titled = 'Begrippenlijst Gemeente Voorbeeldstad;;\nNaam;Uitleg;Engels\nStadspas;Pas met korting.;City pass\n';
    expect(parseCsv(titled).terms[0]).toMatchObject({ term: 'Stadspas', definition: 'Pas met korting.', en: { name: 'City pass' } });
    const excel = 'sep=;\nbegrip;definitie\nStadspas;Pas met korting.\n;\nWijkteam;\n';
    expect(parseCsv(excel)).toMatchObject({ concepts: 2, terms: [{ term: 'Stadspas' }], skipped: [{ code: 'noDefinition', line: 5, detail: 'Wijkteam' }] });
  });

  it('reads a file in Windows-1252', () => {
    const text = 'begrip;definitie;afkorting\r\nCliëntondersteuning;Hulp bij keuzes over zorg – gratis, ook voor één vraag.;CO\r\n';
    const bytes = new Uint8Array(Buffer.from(text.replace('–', '-'), 'latin1'));
    bytes[bytes.indexOf(0x2d, 40)] = 0x96; // the en dash of Windows-1252
    const r = parseGlossaryFile(bytes, { fileName: 'oud.csv' });
    expect(r.terms[0]).toMatchObject({ term: 'Cliëntondersteuning', definition: 'Hulp bij keuzes over zorg – gratis, ook voor één vraag.', abbreviations: ['CO'] });
  });

  it('reads tab-separated UTF-16 (Excel "Unicode text")', () => {
    const text = 'Begrip\tDefinitie\r\nWijkteam\tEen team in de wijk.\r\n';
    const r = parseGlossaryFile(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), { fileName: 'unicode.txt' });
    expect(r).toMatchObject({ format: 'csv', terms: [{ term: 'Wijkteam' }] });
  });

  it('refuses a file without a term and a definition column, naming what is missing', () => {
    expect(parseGlossaryFile(fixture('wrong-columns.csv'), { fileName: 'wrong-columns.csv' }).fatal).toEqual({ code: 'columns', detail: 'definition' });
    expect(parseCsv('woord,betekenis\nA,B\n').fatal).toEqual({ code: 'columns', detail: 'term' });
    expect(parseCsv('a,b,c\n1,2,3\n').fatal).toEqual({ code: 'columns', detail: 'term, definition' });
    expect(parseCsv('Wijkteam,Een team in de wijk.\n').fatal).toEqual({ code: 'columns', detail: 'term, definition' });
  });

  it('refuses 20,000 rows at the cap, with the count', { timeout: 60000 }, () => {
    const rows = ['begrip,definitie'];
    for (let i = 0; i < 20000; i++) rows.push(`Begrip ${i},Definitie ${i}`);
    expect(parseGlossaryFile(utf8(rows.join('\n')), { fileName: 'veel.csv' }).fatal).toEqual({ code: 'tooMany', detail: '20000' });
  });

  it('skips duplicate ids, rows without a term or definition, and one-letter forms', () => {
    const text = 'id,term,definition,abbreviations\nwt,Wijkteam,Een team.,W | WT\nWT,Buurtteam,Een ander team.,\n,Stadspas,Een pas.,\nx,,Zonder naam.,\ny,Q,Te kort.,\n';
    const r = parseCsv(text);
    expect(r.terms.map((t) => [t.id, t.term, t.abbreviations])).toEqual([
      ['wt', 'Wijkteam', ['WT']],
      ['stadspas', 'Stadspas', []],
    ]);
    expect(r.skipped).toEqual([
      { code: 'shortForm', line: 2, detail: 'W', term: 'Wijkteam' },
      { code: 'duplicateId', line: 3, detail: 'wt', term: 'Buurtteam' },
      { code: 'noLabel', line: 5, detail: 'x' },
      { code: 'shortForm', line: 6, detail: 'Q', term: 'Q' },
    ]);
  });

  it('keeps markup and script in every field as plain text', () => {
    const text = [
      'term;definition;abbreviations;variants;english_name;english_definition;sources;source_title;category',
      '"<b>Wijk</b>team<script>alert(1)</script>";"<p>Een <b>regio</b></p><style>b{}</style> &amp; meer";"<i>SWT</i>";"<img src=x onerror=alert(1)>buurtteam";"<b>District</b> team";"<p>A team</p>";"https://voorbeeldstad.nl/<b>";"<script>x</script>Bron";"<b>Rol</b>"',
    ].join('\n');
    const [t] = parseCsv(text).terms;
    expect(t).toMatchObject({ term: 'Wijkteam', definition: 'Een regio & meer', abbreviations: ['SWT'], variants: ['buurtteam'], en: { name: 'District team', definition: 'A team' }, category: 'rol', source: { url: 'https://voorbeeldstad.nl/', title: 'Bron' } });
    expect(JSON.stringify(t)).not.toMatch(/[<>]|script|alert/);
  });

  it('reads the whole glossary as our build exports it (dist/glossary/begrippen.csv)', { timeout: 60000 }, () => {
    const glossary = loadFullGlossary();
    const r = parseGlossaryFile(utf8(toCsv(glossary)), { fileName: 'begrippen.csv' });
    expect(r.fatal).toBeUndefined();
    expect(r.skipped).toEqual([]);
    expect(r.terms.length).toBe(glossary.entries.length);
    const zvw = r.terms.find((t) => t.id === 'zvw');
    expect(zvw).toMatchObject({ term: 'Zorgverzekeringswet', abbreviations: ['Zvw'], category: 'wet', en: { name: 'Health Insurance Act' } });
    expect(zvw?.definition).toBe(glossary.entries.find((e) => e.id === 'zvw')?.definition);
    const broader = glossary.entries.filter((e) => e.broader !== undefined);
    expect(r.terms.filter((t) => t.broader !== undefined).length).toBe(broader.length);
  });
});
