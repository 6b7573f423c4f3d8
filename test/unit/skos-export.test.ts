/**
 * The NL-SBB export of the real glossary: the Turtle parses (n3), and validates against the NL-SBB
 * SHACL profile (rdf-validate-shacl) with no result at any severity. rdf-validate-shacl does not
 * run SHACL-SPARQL constraints, so the profile's SPARQL rules (unique preferred labels and codes,
 * no orphan concepts, no top concept with a broader one) are checked here by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser, Store, DataFactory, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { describe, expect, it } from 'vitest';
import { toCsv, toTurtle, conceptIri, SCHEME_IRI, CSV_COLUMNS } from '../../src/build/skos-export';
import { compileYaml, entryYaml, loadFullGlossary } from './helpers';

const PROFILE = join(import.meta.dirname, '..', '..', '..', 'shared', 'standards', 'nl-sbb', 'skos-ap-nl.ttl');
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';

const glossary = loadFullGlossary();
const turtle = toTurtle(glossary, '2026-12-01');
const quads: Quad[] = new Parser().parse(turtle);
const store = new Store(quads);
const objects = (s: string, p: string) => store.getObjects(DataFactory.namedNode(s), DataFactory.namedNode(SKOS + p), null);

async function validate(data: Quad[]) {
  // rdf-validate-shacl stops on a SPARQL constraint it cannot run, so those are taken out of the
  // shapes here and checked by hand below (same rules).
  const profile = new Parser().parse(readFileSync(PROFILE, 'utf8'));
  const shapes = new Store(profile.filter((q) => q.predicate.value !== 'http://www.w3.org/ns/shacl#sparql'));
  // The profile imports SKOS, ISO 25964, DCTERMS and FOAF ontologies: axioms, no shapes. Offline
  // here, so each import is an empty graph.
  const validator = new SHACLValidator(shapes, { importGraph: () => new Store() });
  return validator.validate(new Store(data));
}

describe('NL-SBB export (SKOS in Turtle)', () => {
  it('has one concept per entry, in the scheme, with the labels and texts of the entry', () => {
    const concepts = store.getSubjects(DataFactory.namedNode(RDF_TYPE), DataFactory.namedNode(`${SKOS}Concept`), null);
    expect(concepts).toHaveLength(glossary.entries.length);
    const zvw = conceptIri('zvw');
    expect(objects(zvw, 'prefLabel').map((o) => `${o.value}@${(o as { language?: string }).language}`)).toEqual(['Zorgverzekeringswet@nl', 'Health Insurance Act@en']);
    expect(objects(zvw, 'altLabel').map((o) => o.value)).toContain('Zvw');
    expect(objects(zvw, 'inScheme').map((o) => o.value)).toEqual([SCHEME_IRI]);
    expect(objects(zvw, 'definition')).toHaveLength(2);
    const comment = store.getObjects(DataFactory.namedNode(zvw), DataFactory.namedNode('http://www.w3.org/2000/01/rdf-schema#comment'), null);
    expect(comment[0]?.value).toBe(glossary.entries.find((e) => e.id === 'zvw')?.definition);
    expect(store.getObjects(DataFactory.namedNode(zvw), DataFactory.namedNode('http://purl.org/dc/terms/source'), null).length).toBeGreaterThan(0);
  });

  // About 5 s on a shared 2-core machine: the profile has ~30 shapes on every concept.
  it('validates against the NL-SBB SHACL profile with no result at all', { timeout: 60000 }, async () => {
    const report = await validate(quads);
    const results = report.results.map((r) => `${r.severity?.value.split('#')[1]} ${r.focusNode?.value} ${r.path?.value ?? ''} ${r.message.map((m) => m.value).join(' ')}`);
    expect(results).toEqual([]);
    expect(report.conforms).toBe(true);
  });

  it('the validator does catch a concept without a definition (the test can fail)', { timeout: 60000 }, async () => {
    const broken = quads.filter((q) => !(q.subject.value === conceptIri('zvw') && q.predicate.value === `${SKOS}definition`));
    const report = await validate(broken);
    expect(report.conforms).toBe(false);
    expect(report.results.some((r) => r.focusNode?.value === conceptIri('zvw'))).toBe(true);
  });

  it('meets the profile\'s SPARQL rules: unique prefLabels and notations, no orphans, top concepts without broader', () => {
    const concepts = store.getSubjects(DataFactory.namedNode(RDF_TYPE), DataFactory.namedNode(`${SKOS}Concept`), null).map((c) => c.value);
    const prefs = new Map<string, string>();
    const notations = new Map<string, string>();
    for (const c of concepts) {
      for (const p of objects(c, 'prefLabel')) {
        const key = `${p.value}@${(p as { language?: string }).language}`;
        expect(prefs.get(key), `prefLabel ${key} of ${c}`).toBeUndefined();
        prefs.set(key, c);
      }
      for (const n of objects(c, 'notation')) {
        expect(notations.get(n.value)).toBeUndefined();
        notations.set(n.value, c);
      }
      const top = objects(c, 'topConceptOf').length > 0;
      const broader = objects(c, 'broader').length > 0;
      expect(top && broader, `${c} is a top concept with a broader one`).toBe(false);
      const linked = broader || objects(c, 'related').length > 0 || store.getSubjects(null, DataFactory.namedNode(c), null).length > 0;
      expect(top || linked, `${c} is an orphan`).toBe(true);
    }
  });

  it('writes skos:broader and a scope note for the sense of a generic entry', () => {
    const g = compileYaml(entryYaml('a', 'alfa', '  broader: b\n  generic: true\n  sense: in de zorg\n') + entryYaml('b', 'beta'));
    const s = new Store(new Parser().parse(toTurtle(g, '2026-12-01')));
    const get = (id: string, p: string) => s.getObjects(DataFactory.namedNode(conceptIri(id)), DataFactory.namedNode(SKOS + p), null).map((o) => o.value);
    expect(get('a', 'broader')).toEqual([conceptIri('b')]);
    expect(get('a', 'topConceptOf')).toEqual([]);
    expect(get('b', 'topConceptOf')).toEqual([SCHEME_IRI]);
    expect(get('a', 'scopeNote')).toEqual(['Betekenis in dit begrippenkader: in de zorg']);
  });

  it('the build rejects a broader id that does not exist, is also related, or runs in a circle', () => {
    expect(() => compileYaml(entryYaml('a', 'alfa', '  broader: x\n'))).toThrow(/broader id "x" does not exist/);
    expect(() => compileYaml(entryYaml('a', 'alfa', '  broader: b\n').replace('related: []', 'related: [b]') + entryYaml('b', 'beta'))).toThrow(/both broader and related/);
    expect(() => compileYaml(entryYaml('a', 'alfa', '  broader: b\n') + entryYaml('b', 'beta', '  broader: a\n'))).toThrow(/in a circle/);
  });
});

describe('CSV export', () => {
  it('has a header and one row per entry, quoted where needed', () => {
    const csv = toCsv(glossary);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    // Definitions are one line each, so rows are lines.
    expect(lines).toHaveLength(glossary.entries.length + 1);
    const g = compileYaml(entryYaml('a', 'alfa').replace(/definition: Een korte .*\n/, 'definition: \'Zorg, "goed" geregeld.\'\n'));
    expect(toCsv(g).split('\r\n')[1]).toContain('"Zorg, ""goed"" geregeld."');
  });
});
