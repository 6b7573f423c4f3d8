/**
 * Own terms (issue 20): JSON in our own export form, the export of all collections, and a bare
 * array, read leniently; and the cleaning that every parser shares (clean.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/compiler/formats/json';
import { cleanText, cleanUrl, finishTerms, lastSegment, looksLikeAbbreviation, mapCategory, slugify } from '../../src/compiler/formats/clean';
import { LIMITS } from '../../src/common/own-terms';

describe('JSON', () => {
  it('reads our own export form, with its name', () => {
    const text = JSON.stringify({
      format: 'iza-begrippen',
      version: 1,
      name: 'Gemeente Voorbeeldstad',
      terms: [
        { id: 'wijkteam', term: 'Wijkteam', abbreviations: ['SWT'], variants: ['buurtteam'], definition: 'Een team in de wijk.', en: { name: 'District team' }, category: 'organisatie', source: { url: 'https://voorbeeldstad.nl/wijkteam', title: 'Wijkteams' }, caseSensitive: false, related: ['stadspas', 'bestaat-niet'] },
        { id: 'stadspas', term: 'Stadspas', abbreviations: [], variants: [], definition: 'Een pas met korting.', caseSensitive: true, broader: 'wijkteam' },
      ],
    });
    const r = parseJson(text);
    expect(r).toMatchObject({ format: 'json', name: 'Gemeente Voorbeeldstad', concepts: 2, skipped: [] });
    expect(r.terms).toEqual([
      { id: 'wijkteam', term: 'Wijkteam', abbreviations: ['SWT'], variants: ['buurtteam'], definition: 'Een team in de wijk.', en: { name: 'District team' }, category: 'organisatie', source: { url: 'https://voorbeeldstad.nl/wijkteam', title: 'Wijkteams' }, caseSensitive: false, related: ['stadspas'] },
      { id: 'stadspas', term: 'Stadspas', abbreviations: [], variants: [], definition: 'Een pas met korting.', caseSensitive: true, broader: 'wijkteam' },
    ]);
  });

  it('reads a bare array leniently: other key names, wrong types, strings for lists', () => {
    const text = JSON.stringify([
      { begrip: 'Wijkteam', definitie: 'Een team.', afkortingen: 'SWT | WT', sources: [{ url: 'https://voorbeeldstad.nl', title: 'Site' }], english_name: 'District team' },
      { term: 'Stadspas', definition: 42, abbreviations: 'x', category: 7, caseSensitive: 'ja' },
      'geen object',
      null,
      { term: ['geen', 'tekst'], definition: 'D' },
    ]);
    const r = parseJson(text);
    expect(r.concepts).toBe(5);
    expect(r.terms).toEqual([
      { id: 'wijkteam', term: 'Wijkteam', abbreviations: ['SWT', 'WT'], variants: [], definition: 'Een team.', en: { name: 'District team' }, source: { url: 'https://voorbeeldstad.nl/', title: 'Site' }, caseSensitive: false },
      { id: 'stadspas', term: 'Stadspas', abbreviations: [], variants: [], definition: '42', caseSensitive: true },
    ]);
    expect(r.skipped.map((p) => p.code)).toEqual(['shortForm', 'noLabel', 'noLabel', 'noLabel']);
  });

  it('reads the export of all collections as one, ids kept apart', () => {
    const col = (id: string, name: string) => ({ id, name, terms: [{ id: 'wijkteam', term: `Wijkteam ${name}`, definition: 'D', related: ['pas'] }, { id: 'pas', term: `Pas ${name}`, definition: 'D' }] });
    const two = parseJson(JSON.stringify({ format: 'iza-begrippen', version: 1, collections: [col('mine', 'Mijn'), col('c2', 'Regio')] }));
    expect(two.terms.map((t) => t.id)).toEqual(['mine-wijkteam', 'mine-pas', 'c2-wijkteam', 'c2-pas']);
    expect(two.terms[2]?.related).toEqual(['c2-pas']);
    expect(two.name).toBeUndefined();
    const one = parseJson(JSON.stringify({ format: 'iza-begrippen', version: 1, collections: [col('mine', 'Mijn')] }));
    expect(one).toMatchObject({ name: 'Mijn', terms: [{ id: 'wijkteam' }, { id: 'pas' }] });
  });

  it('refuses JSON-LD, other JSON and broken JSON (with line and column)', () => {
    expect(parseJson('{"@context": "https://schema.org", "@graph": []}').fatal).toEqual({ code: 'notGlossary', detail: 'JSON-LD' });
    expect(parseJson('{"naam": "x"}').fatal).toEqual({ code: 'notGlossary', detail: 'JSON' });
    expect(parseJson('"tekst"').fatal).toEqual({ code: 'notGlossary', detail: 'JSON' });
    expect(parseJson('[\n  {"term": "a",}\n]').fatal).toEqual({ code: 'syntax', line: 2, column: 16, detail: 'JSON' });
    expect(parseJson('[{"term": "a"').fatal).toMatchObject({ code: 'syntax', line: 1, detail: 'JSON' });
  });

  it('refuses 20,000 terms at the cap', { timeout: 60000 }, () => {
    const terms = Array.from({ length: 20000 }, (_, i) => ({ term: `Begrip ${i}`, definition: 'D' }));
    expect(parseJson(JSON.stringify({ format: 'iza-begrippen', version: 1, terms })).fatal).toEqual({ code: 'tooMany', detail: '20000' });
  });

  it('keeps markup and script in every field as plain text', () => {
    const evil = (s: string) => `<script>alert('${s}')</script><b>${s}</b><img src=x onerror=alert(1)>`;
    const term = { id: evil('id'), term: evil('Wijkteam'), abbreviations: [evil('SWT')], variants: [evil('buurtteam')], definition: evil('Een team'), en: { name: evil('District team'), definition: evil('A team') }, category: evil('rol'), source: { url: 'https://voorbeeldstad.nl/', title: evil('Bron') }, caseSensitive: false };
    const [t] = parseJson(JSON.stringify([term])).terms;
    expect(t).toEqual({ id: 'id', term: 'Wijkteam', abbreviations: ['SWT'], variants: ['buurtteam'], definition: 'Een team', en: { name: 'District team', definition: 'A team' }, category: 'rol', source: { url: 'https://voorbeeldstad.nl/', title: 'Bron' }, caseSensitive: false });
  });
});

describe('cleaning shared by the parsers', () => {
  it('strips tags, drops script and style, decodes entities, collapses space, cuts long text', () => {
    expect(cleanText('<p>Een <b>regio</b></p>')).toBe('Een regio');
    expect(cleanText('regel<br/>twee<li>drie</li>')).toBe('regel twee drie');
    expect(cleanText('a<script type="x">alert("<b>")</script>b<style>p { color: red }</style>c')).toBe('abc');
    expect(cleanText('&amp; &lt;b&gt; &quot;x&quot; &#39;y&#39; &nbsp;z &#x20AC; &euro; &eacute; &onbekend;')).toBe('& <b> "x" \'y\' z € € é &onbekend;');
    expect(cleanText('  veel \n\n\t ruimte \u0007 ')).toBe('veel ruimte');
    expect(cleanText('a < b en c > d')).toBe('a < b en c > d');
    expect(cleanText('<!-- verborgen -->zichtbaar<script>nooit gesloten')).toBe('zichtbaar');
    expect(cleanText('x'.repeat(LIMITS.maxTextLength + 50))).toHaveLength(LIMITS.maxTextLength);
    expect(cleanText(`${'x'.repeat(LIMITS.maxTextLength - 1)}😀`)).toHaveLength(LIMITS.maxTextLength - 1);
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(12)).toBe('12');
  });

  it('makes ids, categories, addresses and abbreviations', () => {
    expect(slugify('Cliënt-ondersteuning (Wmo)')).toBe('client-ondersteuning-wmo');
    expect(slugify('***')).toBe('');
    expect(lastSegment('https://x.nl/id/begrip/Wijk%20team')).toBe('Wijk team');
    expect(lastSegment('http://x.nl/begrippen#Stadspas')).toBe('Stadspas');
    expect(lastSegment('urn:uuid:1234-abcd')).toBe('1234-abcd');
    expect([mapCategory('Wet'), mapCategory('LAW'), mapCategory('Organization'), mapCategory('funding'), mapCategory('Digital'), mapCategory('Programme'), mapCategory('onzin')]).toEqual(['wet', 'wet', 'organisatie', 'financiering', 'digitaal', 'programma', undefined]);
    expect(cleanUrl(' https://voorbeeldstad.nl/a b ')).toBe('https://voorbeeldstad.nl/a%20b');
    expect([cleanUrl('javascript:alert(1)'), cleanUrl('ftp://x.nl'), cleanUrl('www.x.nl'), cleanUrl('http://')]).toEqual([undefined, undefined, undefined, undefined]);
    for (const a of ['GGD', 'NZa', 'AMvB', 'Wmo', 'pgb', 'm.b.t.', 'SWT2']) expect(looksLikeAbbreviation(a), a).toBe(true);
    for (const v of ['wijkteam', 'Buurtteam', 'sociaal wijkteam', 'PGB-regeling', 'eHealth', 'Zorg']) expect(looksLikeAbbreviation(v), v).toBe(false);
  });

  it('skips a concept without label, definition or a usable term, and forms that are too short', () => {
    const { terms, skipped } = finishTerms(
      [
        { id: 'a', term: '  ', definition: 'D' },
        { id: 'b', term: 'Stadspas', definition: '<p></p>' },
        { id: 'c', term: 'Wijkteam', definition: 'D', abbreviations: ['W', 'WT', 'WT'], variants: ['Wijkteam', '1'], en: { name: 'T' } },
        { id: 'd', term: 'Afvalpas', definition: 'D', source: { url: 'mailto:info@voorbeeldstad.nl' } },
      ],
      { everyday: (f) => f === 'afvalpas' },
    );
    expect(terms.map((t) => [t.id, t.abbreviations, t.variants, t.en])).toEqual([
      ['c', ['WT'], [], undefined],
      ['d', [], [], undefined],
    ]);
    expect(skipped).toEqual([
      { code: 'noLabel', detail: 'a' },
      { code: 'noDefinition', detail: 'Stadspas' },
      { code: 'shortForm', detail: 'W', term: 'Wijkteam' },
      { code: 'shortForm', detail: '1', term: 'Wijkteam' },
      { code: 'shortForm', detail: 'T', term: 'Wijkteam' },
      { code: 'badSource', detail: 'mailto:info@voorbeeldstad.nl', term: 'Afvalpas' },
    ]);
  });
});
