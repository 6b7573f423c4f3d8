/**
 * Own terms (issue 20): export of a collection as Turtle (NL-SBB), CSV and JSON, and the round
 * trip: reading an export back gives the same terms. The Turtle validates against the NL-SBB
 * SHACL profile as our build's export does (test/unit/skos-export.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { parseGlossaryFile } from '../../src/compiler/formats';
import { collectionsToJson, collectionToCsv, collectionToJson, collectionToTurtle, csvCell, turtleString } from '../../src/compiler/formats/export';
import type { Collection, OwnTerm } from '../../src/common/own-terms';

const PROFILE = join(import.meta.dirname, '..', '..', '..', 'shared', 'standards', 'nl-sbb', 'skos-ap-nl.ttl');

const TERMS: OwnTerm[] = [
  {
    id: 'wijkteam',
    term: 'Wijkteam',
    abbreviations: ['SWT', 'Wt'],
    variants: ['sociaal wijkteam', 'buurtteam, stadsteam', 'team "Noord"'],
    definition: 'Een team in de wijk; het helpt met zorg, werk en geld. Zie ook: "keukentafel" \\ C:\\map.',
    en: { name: 'District team', definition: 'A team in the district.' },
    category: 'organisatie',
    source: { url: 'https://www.voorbeeldstad.nl/wijkteam?a=1&b=2', title: 'Verordening "sociaal domein", 2024' },
    caseSensitive: false,
    related: ['keukentafelgesprek'],
  },
  {
    id: 'keukentafelgesprek',
    term: 'Keukentafelgesprek',
    abbreviations: [],
    variants: ['keukentafel-gesprek'],
    definition: 'Het gesprek over de hulp die iemand nodig heeft.',
    caseSensitive: false,
    broader: 'wijkteam',
    source: { url: 'https://www.voorbeeldstad.nl/keukentafel' },
    status: 'ingetrokken',
  },
  {
    id: 'wet-2',
    term: 'WET',
    abbreviations: [],
    variants: ['Werkgroep Extra Toezicht'],
    definition: 'Een werkgroep (met hoofdletters, want "wet" is een gewoon woord).',
    en: { definition: 'A working group.' },
    category: 'rol',
    caseSensitive: true,
  },
  {
    id: 'lav',
    term: 'Lokaal Akkoord Voorbeeldstad',
    abbreviations: ['LAV'],
    variants: [],
    definition: 'Afspraken\tvan gemeente en zorgpartijen; € 3,5 mln, ‘regio’ – één.',
    category: 'akkoord',
    caseSensitive: false,
    related: ['wijkteam', 'wet-2'],
  },
];

const COLLECTION: Collection = {
  id: 'c1a2',
  name: 'Gemeente "Voorbeeldstad"',
  origin: 'import',
  enabled: true,
  onlyCareSites: false,
  created: '2026-11-30T10:00:00.000Z',
  updated: '2026-12-01T09:30:00.000Z',
  count: TERMS.length,
  terms: TERMS,
};

const parse = (text: string, fileName: string) => parseGlossaryFile(new TextEncoder().encode(text), { fileName });
/** The terms as every format must give them back (tabs in a text become a space: plain text). */
const expected = TERMS.map((t) => ({ ...t, definition: t.definition.replace(/\t/g, ' ') }));

describe('export and import again: the same terms', () => {
  it('Turtle', () => {
    const r = parse(collectionToTurtle(COLLECTION), 'export.ttl');
    expect(r.fatal).toBeUndefined();
    expect(r.skipped).toEqual([]);
    expect(r.name).toBe(COLLECTION.name);
    expect(r.terms).toEqual(expected);
  });

  it('CSV, also with a BOM as the download has it', () => {
    const csv = collectionToCsv(COLLECTION);
    expect(parse(csv, 'export.csv')).toMatchObject({ skipped: [], terms: expected });
    expect(parse(`\ufeff${csv}`, 'export.csv').terms).toEqual(expected);
  });

  it('JSON, one collection or all', () => {
    const r = parse(collectionToJson(COLLECTION), 'export.json');
    expect(r).toMatchObject({ name: COLLECTION.name, skipped: [] });
    expect(r.terms).toEqual(expected);
    const all = parse(collectionsToJson([COLLECTION, { ...COLLECTION, id: 'mine', name: 'Mijn begrippen' }]), 'alles.json');
    expect(all.terms).toHaveLength(TERMS.length * 2);
    expect(all.terms[0]).toEqual({ ...expected[0], id: 'c1a2-wijkteam', related: ['c1a2-keukentafelgesprek'] });
  });

  it('an empty collection exports to files that hold no term', () => {
    const empty = { ...COLLECTION, terms: [], count: 0 };
    expect(parse(collectionToTurtle(empty), 'x.ttl').fatal).toEqual({ code: 'notGlossary', detail: 'SKOS' });
    expect(parse(collectionToCsv(empty), 'x.csv')).toMatchObject({ concepts: 0, terms: [] });
    expect(parse(collectionToJson(empty), 'x.json')).toMatchObject({ concepts: 0, terms: [] });
  });
});

describe('export: the files themselves', () => {
  it('escapes Turtle strings and CSV cells', () => {
    expect(turtleString('a "b" \\ c\nd\re\tf\u0001', 'nl')).toBe('"a \\"b\\" \\\\ c\\nd\\re\\tf\\u0001"@nl');
    expect(csvCell('gewoon')).toBe('gewoon');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zeg "ja"')).toBe('"zeg ""ja"""');
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"');
    expect(csvCell(' rand')).toBe('" rand"');
  });

  it('writes our own CSV columns, one row per term', () => {
    const lines = collectionToCsv(COLLECTION).split('\r\n');
    expect(lines[0]).toBe('id,uri,term,category,abbreviations,variants,definition,english_name,english_definition,broader,related,sources,source_title,case_sensitive,status');
    expect(lines[1]).toMatch(/^wijkteam,https:\/\/iza-begrippen\.nl\/id\/eigen\/c1a2\/begrip\/wijkteam,Wijkteam,organisatie,SWT \| Wt,/);
    expect(lines).toHaveLength(TERMS.length + 2);
  });

  it('writes JSON in our own form', () => {
    expect(JSON.parse(collectionToJson(COLLECTION))).toEqual({ format: 'iza-begrippen', version: 1, name: COLLECTION.name, terms: TERMS });
  });

  // A few seconds on a shared 2-core machine, like the build's export test.
  it('writes Turtle that validates against the NL-SBB SHACL profile', { timeout: 60000 }, async () => {
    const quads = new Parser().parse(collectionToTurtle(COLLECTION));
    const profile = new Parser().parse(readFileSync(PROFILE, 'utf8'));
    const shapes = new Store(profile.filter((q) => q.predicate.value !== 'http://www.w3.org/ns/shacl#sparql'));
    const validator = new SHACLValidator(shapes, { importGraph: () => new Store() });
    const report = await validator.validate(new Store(quads));
    const results = report.results.map((r) => `${r.severity?.value.split('#')[1]} ${r.focusNode?.value} ${r.path?.value ?? ''} ${r.message.map((m) => m.value).join(' ')}`);
    expect(results).toEqual([]);
    expect(report.conforms).toBe(true);
  });
});
