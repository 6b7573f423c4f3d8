/**
 * Own terms (issue 20): NL-SBB SKOS in Turtle. A messy municipal framework (invented: Gemeente
 * Voorbeeldstad), syntax errors with line and column, the cap on concepts, duplicate ids, markup,
 * our own build's export of the whole glossary, and the bench's generated 5,000-concept file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../../src/compiler/formats';
import { parseTurtle } from '../../src/compiler/formats/turtle';
import { toTurtle } from '../../src/build/skos-export';
import { loadFullGlossary } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'own-terms');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const HEAD = '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n@prefix ex: <https://voorbeeldstad.nl/id/> .\n';
const concept = (id: string, label: string, def = 'Een definitie.') => `ex:${id} a skos:Concept ; skos:prefLabel "${label}"@nl ; skos:definition "${def}"@nl .\n`;

describe('NL-SBB Turtle: a messy real-world framework', () => {
  const result = parseTurtle(read('voorbeeldstad.ttl'));
  const byId = (id: string) => result.terms.find((t) => t.id === id);

  it('reads the scheme name and counts every concept, read or not', () => {
    expect(result.fatal).toBeUndefined();
    expect(result.name).toBe('Sociaal domein Voorbeeldstad');
    expect(result.concepts).toBe(9);
    expect(result.terms.map((t) => t.id)).toEqual(['wijkteam', 'keukentafelgesprek', 'pgb-regeling', 'stadspas', 'participatiewet', 'afvalpas']);
  });

  it('takes labels, abbreviations, variants, definitions, links and sources from SKOS', () => {
    expect(byId('wijkteam')).toEqual({
      id: 'wijkteam',
      term: 'Wijkteam',
      abbreviations: ['SWT'],
      variants: ['sociaal wijkteam', 'wijk-team'],
      definition: 'Een team van hulpverleners in een wijk dat inwoners helpt met zorg, werk en geld.',
      en: { name: 'Neighbourhood team', definition: 'A team of care workers in a neighbourhood that helps residents with care, work and money.' },
      source: { url: 'https://lokaleregelgeving.example.nl/CVDR000001', title: 'Verordening sociaal domein Voorbeeldstad 2024' },
      caseSensitive: false,
      related: ['keukentafelgesprek'],
      status: 'Completed',
    });
  });

  it('uses rdfs:comment without its HTML when there is no definition, and reads a plain IRI source', () => {
    const t = byId('keukentafelgesprek');
    expect(t?.definition).toBe('Een gesprek tussen een inwoner en de gemeente over de hulp die nodig is & wie die kan geven.');
    expect(t?.en).toEqual({ name: 'kitchen table talk' });
    expect(t?.broader).toBe('wijkteam');
    expect(t?.source).toEqual({ url: 'https://www.voorbeeldstad.nl/keukentafel' });
  });

  it('reads a concept without rdf:type, a scopeNote, schema:url sources and a status literal', () => {
    expect(byId('pgb-regeling')).toMatchObject({
      term: 'Persoonsgebonden budget regeling Voorbeeldstad',
      abbreviations: ['pgb'],
      variants: ['PGB-regeling', 'NZa-route'],
      definition: 'Geld waarmee een inwoner zelf zorg inkoopt, in plaats van zorg in natura.',
      source: { url: 'https://www.voorbeeldstad.nl/pgb', title: 'Beleidsregels pgb' },
      status: 'ingetrokken',
    });
  });

  it('reads a definition given as a node with rdf:value, and prefers Dutch over English', () => {
    expect(byId('stadspas')?.definition).toBe('Een pas voor inwoners met een laag inkomen, met korting op sport en cultuur.');
    expect(byId('stadspas')?.abbreviations).toEqual(['Sp']);
    expect(byId('participatiewet')).toMatchObject({
      term: 'Participatiewet',
      definition: 'Wet die regelt dat iedereen die kan werken, werkt, en bijstand geeft aan wie dat niet kan.',
      en: { name: 'Participation Act', definition: 'The act on work and income support.' },
      category: 'wet',
    });
  });

  it('reports what it skipped, and why', () => {
    expect(result.skipped).toEqual([
      { code: 'shortForm', detail: 'W', term: 'Wijkteam' },
      { code: 'badSource', detail: 'ftp://bestanden.voorbeeldstad.nl/stadspas.pdf', term: 'Stadspas' },
      { code: 'noDefinition', detail: 'Mantelzorgwaardering' },
      { code: 'noLabel', detail: 'ZonderNaam' },
      { code: 'shortForm', detail: 'X', term: 'X' },
    ]);
  });

  it('drops everyday words: a form, or the whole concept when it is the term', () => {
    const r = parseTurtle(read('voorbeeldstad.ttl'), { everyday: (f) => f === 'pgb' || f === 'keukentafelgesprek' });
    expect(r.terms.map((t) => t.id)).not.toContain('keukentafelgesprek');
    expect(r.terms.find((t) => t.id === 'pgb-regeling')?.abbreviations).toEqual([]);
    expect(r.skipped).toContainEqual({ code: 'everydayWord', detail: 'keukentafelgesprek', term: 'keukentafelgesprek' });
    expect(r.skipped).toContainEqual({ code: 'everydayWord', detail: 'pgb', term: 'Persoonsgebonden budget regeling Voorbeeldstad' });
    // The link to a concept that was left out goes too.
    expect(r.terms.find((t) => t.id === 'wijkteam')?.related).toBeUndefined();
  });
});

describe('NL-SBB Turtle: errors', () => {
  it('gives the line and column of a syntax error', () => {
    const r = parseGlossaryFile(new Uint8Array(readFileSync(join(FIXTURES, 'syntax-error.ttl'))), { fileName: 'syntax-error.ttl' });
    expect(r.fatal).toEqual({ code: 'syntax', line: 10, column: 31, detail: '"met korting."' });
    expect(r.terms).toEqual([]);
  });

  it('gives the line and column of an undefined prefix, an unclosed string and a bad IRI', () => {
    expect(parseTurtle(read('undefined-prefix.ttl')).fatal).toEqual({ code: 'syntax', line: 5, column: 5, detail: 'dct:source' });
    const unclosed = `${HEAD}ex:a a skos:Concept ;\n  skos:prefLabel "Wijkteam@nl .\n`;
    expect(parseTurtle(unclosed).fatal).toMatchObject({ code: 'syntax', line: 4, column: 18 });
    const badIri = `${HEAD}\nex:a skos:related <een spatie> .\n`;
    expect(parseTurtle(badIri).fatal).toMatchObject({ code: 'syntax', line: 4, column: 19 });
    const crlf = `${HEAD}ex:a a skos:Concept ;\r\n  skos:prefLabel "a" "b" .\r\n`.replace(/\n/g, '\r\n').replace(/\r\r/g, '\r');
    expect(parseTurtle(crlf).fatal).toMatchObject({ code: 'syntax', line: 4, column: 22 });
  });

  it('refuses Turtle without any concept as not a glossary', () => {
    expect(parseTurtle(`${HEAD}ex:a ex:b "c" .\n`).fatal).toEqual({ code: 'notGlossary', detail: 'SKOS' });
  });

  it('refuses 20,000 concepts at the cap, with the count', { timeout: 60000 }, () => {
    const parts = [HEAD];
    for (let i = 0; i < 20000; i++) parts.push(`ex:c${i} a skos:Concept ; skos:prefLabel "Begrip ${i}" ; skos:definition "D ${i}" .\n`);
    const bytes = new TextEncoder().encode(parts.join(''));
    expect(bytes.length).toBeLessThan(5 * 1024 * 1024);
    const r = parseGlossaryFile(bytes, { fileName: 'veel.ttl' });
    expect(r.fatal).toEqual({ code: 'tooMany', detail: '20000' });
    expect(r.concepts).toBe(20000);
  });

  it('skips a later concept with the same id', () => {
    const text = `${HEAD}${concept('Wijkteam', 'Wijkteam')}${concept('wijkteam', 'Buurtteam')}<https://elders.nl/begrip/wijkteam> a skos:Concept ; skos:prefLabel "Stadsteam" ; skos:definition "D" .\n`;
    const r = parseTurtle(text);
    expect(r.terms.map((t) => t.term)).toEqual(['Wijkteam']);
    expect(r.skipped).toEqual([
      { code: 'duplicateId', detail: 'wijkteam', term: 'Buurtteam' },
      { code: 'duplicateId', detail: 'wijkteam', term: 'Stadsteam' },
    ]);
  });

  it('gives blank-node concepts ids made from their label', () => {
    const text = `${HEAD}[] a skos:Concept ; skos:prefLabel "Sociaal Team" ; skos:definition "D" .\n[] skos:prefLabel "Sociaal team" ; skos:definition "E" .\n`;
    expect(parseTurtle(text).terms.map((t) => t.id)).toEqual(['sociaal-team', 'sociaal-team-2']);
  });

  it('keeps markup and script in every field as plain text', () => {
    const text = `${HEAD}@prefix dct: <http://purl.org/dc/terms/> .
ex:m a skos:Concept ;
  skos:prefLabel "<b>Wijk</b>team<script>alert(1)</script>"@nl , "<i>District</i> team"@en ;
  skos:altLabel "<em>SWT</em>"@nl ;
  skos:hiddenLabel "<img src=x onerror=alert(1)>buurtteam"@nl ;
  skos:definition "<p>Een <a href='javascript:alert(1)'>team</a></p><style>p{}</style>"@nl , "<p>A team</p>"@en ;
  dct:source [ dct:title "<b>Bron</b>" ; <http://xmlns.com/foaf/0.1/page> <https://voorbeeldstad.nl/bron> ] .
`;
    const [t] = parseTurtle(text).terms;
    expect(t).toMatchObject({ term: 'Wijkteam', abbreviations: ['SWT'], variants: ['buurtteam'], definition: 'Een team', en: { name: 'District team', definition: 'A team' }, source: { title: 'Bron' } });
    expect(JSON.stringify(t)).not.toMatch(/[<>]|script|alert/);
  });
});

describe('NL-SBB Turtle: our own files', () => {
  // The whole glossary is compiled first: several seconds on a busy 2-core machine.
  it('reads the whole glossary as our build exports it (dist/glossary/begrippen.ttl)', { timeout: 60000 }, () => {
    const glossary = loadFullGlossary();
    const text = toTurtle(glossary, '2026-12-01');
    const r = parseGlossaryFile(new TextEncoder().encode(text), { fileName: 'begrippen.ttl' });
    expect(r.fatal).toBeUndefined();
    expect(r.skipped).toEqual([]);
    expect(r.name).toBe('IZA Begrippen');
    expect(r.terms.length).toBe(glossary.entries.length);
    expect(r.terms.length).toBeGreaterThan(600);
    expect(r.terms.every((t) => t.definition.length > 0 && t.en?.name)).toBe(true);
    const zvw = r.terms.find((t) => t.id === 'zvw');
    expect(zvw).toMatchObject({ term: 'Zorgverzekeringswet', abbreviations: ['Zvw'], category: 'wet', en: { name: 'Health Insurance Act' } });
    expect(zvw?.source?.url).toMatch(/^https:\/\//);
    expect(zvw?.related?.length).toBeGreaterThan(0);
    // Every category comes back from the skos:Collections.
    const entry = new Map(glossary.entries.map((e) => [e.id, e]));
    expect(r.terms.filter((t) => t.category !== entry.get(t.id)?.category)).toEqual([]);
  });

  it('reads the generated 5,000-concept file of the bench, in well under the import budget', { timeout: 60000 }, () => {
    const out = join(mkdtempSync(join(tmpdir(), 'own-terms-')), 'vijfduizend.ttl');
    execFileSync('node', [join(ROOT, 'test', 'tools', 'make-own-terms.mjs'), out], { stdio: 'pipe' });
    const bytes = new Uint8Array(readFileSync(out));
    const t0 = performance.now();
    const r = parseGlossaryFile(bytes, { fileName: 'vijfduizend.ttl' });
    const ms = performance.now() - t0;
    expect(r.fatal).toBeUndefined();
    expect(r.terms).toHaveLength(5000);
    expect(r.skipped).toEqual([]);
    expect(new Set(r.terms.map((t) => t.term.split(' ')[0])).size).toBeGreaterThan(100);
    expect(r.terms.every((t) => t.abbreviations.length === 1)).toBe(true);
    expect(new Set(r.terms.map((t) => t.abbreviations[0])).size).toBe(5000);
    expect(r.terms.find((t) => t.id === 'begrip-0005')?.source?.url).toBe('https://www.voorbeeldstad.nl/regels/5');
    expect(ms).toBeLessThan(5000);
    // Deterministic: the same file twice.
    const again = join(mkdtempSync(join(tmpdir(), 'own-terms-')), 'b.ttl');
    execFileSync('node', [join(ROOT, 'test', 'tools', 'make-own-terms.mjs'), again, '5000'], { stdio: 'pipe' });
    expect(readFileSync(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
