/**
 * The glossary as data for others (issue 13): SKOS in Turtle, following NL-SBB, the Dutch
 * government standard for describing concepts (application profile in ../shared/standards/nl-sbb),
 * and the same entries as CSV. build.mjs writes both to dist/glossary/.
 *
 * How the glossary maps onto NL-SBB:
 * - the glossary is one skos:ConceptScheme (dct:title, rdfs:comment);
 * - each entry is a skos:Concept in it: skos:prefLabel (the term @nl, the English name @en),
 *   skos:altLabel (abbreviations and variants @nl, English variants @en), skos:hiddenLabel (the
 *   forms the build generated, for search), skos:notation (the entry id);
 * - skos:definition is the defining first sentence (@nl) and the English definition (@en);
 *   rdfs:comment is the whole plain-language (B1) explanation, as the card shows it;
 * - skos:scopeNote (@nl) holds the `sense` of a generic entry;
 * - dct:source points to a source document (a blank node with dct:title and foaf:page);
 * - skos:related and skos:broader come from `related` and `broader`; an entry without a broader
 *   one is a top concept of the scheme (so no concept is an orphan);
 * - each category is a skos:Collection with its members.
 */
import { CATEGORIES, CATEGORY_LABELS, type CompiledGlossary, type Entry } from '../common/glossary-types';
import { sentences } from './fact-checks';
import { csvCell, prefixLines, RDF_PREFIXES, turtleIri, turtleString } from '../compiler/formats/write';

export const BASE = 'https://iza-begrippen.nl/id/';
export const SCHEME_IRI = `${BASE}begrippenkader/iza-begrippen`;
export const conceptIri = (id: string): string => `${BASE}begrip/${id}`;
const collectionIri = (category: string): string => `${BASE}collectie/${category}`;

const PREFIXES = RDF_PREFIXES;
const lit = turtleString;

/** A Turtle IRI of a web address, normalized first. */
const iri = (url: string): string => turtleIri(new URL(url).href);

/** Distinct labels for one language, without those already used at a stronger level. */
function distinct(list: readonly string[], taken: Set<string>): string[] {
  const out: string[] = [];
  for (const l of list) {
    const key = l.trim();
    if (key === '' || taken.has(key)) continue;
    taken.add(key);
    out.push(key);
  }
  return out;
}

function conceptTurtle(e: Entry, g: CompiledGlossary): string {
  const labels = g.labels[e.id] ?? { nl: [], en: [], generated: [] };
  const lines: string[] = [`${iri(conceptIri(e.id))}`, '  a skos:Concept ;', `  skos:inScheme ${iri(SCHEME_IRI)} ;`];
  const push = (pred: string, objects: string[]) => {
    if (objects.length > 0) lines.push(`  ${pred} ${objects.join(' , ')} ;`);
  };
  push('skos:prefLabel', [lit(e.term, 'nl'), lit(e.en.name, 'en')]);
  // prefLabel, altLabel and hiddenLabel are pairwise disjoint (NL-SBB): each label once, strongest first.
  const takenNl = new Set([e.term]);
  const takenEn = new Set([e.en.name]);
  const altNl = distinct(labels.nl, takenNl);
  const altEn = distinct(labels.en, takenEn);
  push('skos:altLabel', [...altNl.map((l) => lit(l, 'nl')), ...altEn.map((l) => lit(l, 'en'))]);
  push('skos:hiddenLabel', distinct(labels.generated, takenNl).map((l) => lit(l, 'nl')));
  push('skos:notation', [lit(e.id)]);
  push('skos:definition', [lit(sentences(e.definition)[0] ?? e.definition, 'nl'), lit(e.en.definition, 'en')]);
  push('rdfs:comment', [lit(e.definition, 'nl')]);
  if (e.sense !== undefined) push('skos:scopeNote', [lit(`Betekenis in dit begrippenkader: ${e.sense}`, 'nl')]);
  push(
    'dct:source',
    e.sources.map((s) => `[ dct:title ${lit(s.title, 'nl')} ; foaf:page ${iri(s.url)} ]`),
  );
  push('skos:related', e.related.map((r) => iri(conceptIri(r))));
  if (e.broader !== undefined) push('skos:broader', [iri(conceptIri(e.broader))]);
  else push('skos:topConceptOf', [iri(SCHEME_IRI)]);
  lines[lines.length - 1] = `${(lines[lines.length - 1] as string).slice(0, -2)} .`;
  return lines.join('\n');
}

/** The glossary as SKOS in Turtle (NL-SBB). `today` dates the scheme (dct:modified). */
export function toTurtle(g: CompiledGlossary, today: string): string {
  const head = prefixLines(PREFIXES);
  const tops = g.entries.filter((e) => e.broader === undefined).map((e) => iri(conceptIri(e.id)));
  const scheme = [
    `${iri(SCHEME_IRI)}`,
    '  a skos:ConceptScheme ;',
    `  dct:title ${lit('IZA Begrippen', 'nl')} , ${lit('IZA Terms', 'en')} ;`,
    `  rdfs:comment ${lit('Begrippen uit het Integraal Zorgakkoord (IZA) en het zorgstelsel eromheen, uitgelegd in eenvoudig Nederlands (taalniveau B1), met Engelse vertaling en officiële bron.', 'nl')} ;`,
    `  dct:modified "${today}"^^xsd:date ;`,
    `  skos:hasTopConcept ${tops.join(' ,\n    ')} .`,
  ].join('\n');
  const collections = CATEGORIES.filter((c) => g.entries.some((e) => e.category === c)).map((c) =>
    [
      `${iri(collectionIri(c))}`,
      '  a skos:Collection ;',
      `  skos:prefLabel ${lit(CATEGORY_LABELS[c].nl, 'nl')} , ${lit(CATEGORY_LABELS[c].en, 'en')} ;`,
      `  skos:member ${g.entries.filter((e) => e.category === c).map((e) => iri(conceptIri(e.id))).join(' ,\n    ')} .`,
    ].join('\n'),
  );
  return `${[head.join('\n'), scheme, ...g.entries.map((e) => conceptTurtle(e, g)), ...collections].join('\n\n')}\n`;
}

/** One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). */
const field = csvCell;

export const CSV_COLUMNS = [
  'id',
  'uri',
  'term',
  'category',
  'abbreviations',
  'variants',
  'definition',
  'english_name',
  'english_definition',
  'generic',
  'sense',
  'broader',
  'related',
  'sources',
  'reviewed',
] as const;

/** The glossary as CSV, one entry a row; lists are joined with " | ". */
export function toCsv(g: CompiledGlossary): string {
  const rows = g.entries.map((e) => {
    const labels = g.labels[e.id] ?? { nl: [], en: [], generated: [] };
    const abbr = e.abbreviations.map((a) => a.form);
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      id: e.id,
      uri: conceptIri(e.id),
      term: e.term,
      category: e.category,
      abbreviations: abbr.join(' | '),
      variants: labels.nl.filter((l) => !abbr.includes(l)).join(' | '),
      definition: e.definition,
      english_name: e.en.name,
      english_definition: e.en.definition,
      generic: e.generic ? 'true' : 'false',
      sense: e.sense ?? '',
      broader: e.broader ?? '',
      related: e.related.join(' | '),
      sources: e.sources.map((s) => s.url).join(' | '),
      reviewed: e.reviewed,
    };
    return CSV_COLUMNS.map((c) => field(row[c])).join(',');
  });
  return `${[CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
