/**
 * A collection of own terms as a file: NL-SBB SKOS in Turtle (as our build's export,
 * src/build/skos-export.ts), CSV (the columns of our begrippen.csv, plus the source's title,
 * the case rule and the status), and JSON (our own form). Reading an export back gives the same terms: the
 * parsers in this folder read every field written here.
 *
 * Turtle: one skos:ConceptScheme; a skos:Concept per term with prefLabel (term @nl, English name
 * @en), altLabel (abbreviations, then variants), skos:definition (@nl, @en), dct:source as a blank
 * node with dct:title and foaf:page, related and broader; a skos:Collection per category. What
 * SKOS has no word for is in our own namespace: iza:caseSensitive (on every concept, so a reader
 * knows the file is ours) and iza:abbreviation (which altLabels are abbreviations).
 */
import { CATEGORIES, CATEGORY_LABELS } from '../../common/glossary-types';
import type { Collection, OwnTerm } from '../../common/own-terms';
import { IZA_DEF } from './clean';
import { JSON_FORMAT } from './json';
import { csvCell, prefixLines, RDF_PREFIXES, turtleIri, turtleString } from './write';

const BASE = 'https://iza-begrippen.nl/id/eigen/';

const PREFIXES: Record<string, string> = { ...RDF_PREFIXES, adms: 'http://www.w3.org/ns/adms#', iza: IZA_DEF };

export { turtleString, csvCell };
const iri = turtleIri;

const schemeIri = (c: Collection): string => `${BASE}${encodeURIComponent(c.id)}`;
const conceptIri = (c: Collection, id: string): string => `${schemeIri(c)}/begrip/${encodeURIComponent(id)}`;
const collectionIri = (c: Collection, category: string): string => `${schemeIri(c)}/collectie/${category}`;

function conceptTurtle(c: Collection, t: OwnTerm, ids: Set<string>): string {
  const lines = [iri(conceptIri(c, t.id)), '  a skos:Concept ;', `  skos:inScheme ${iri(schemeIri(c))} ;`];
  const push = (pred: string, objects: string[]) => {
    if (objects.length > 0) lines.push(`  ${pred} ${objects.join(' , ')} ;`);
  };
  push('skos:prefLabel', [turtleString(t.term, 'nl'), ...(t.en?.name ? [turtleString(t.en.name, 'en')] : [])]);
  // prefLabel and altLabel are disjoint (NL-SBB): each label once.
  const taken = new Set([t.term]);
  const alt = [...t.abbreviations, ...t.variants].filter((l) => !taken.has(l) && (taken.add(l), true));
  push('skos:altLabel', alt.map((l) => turtleString(l, 'nl')));
  push('iza:abbreviation', t.abbreviations.filter((a) => a !== t.term).map((a) => turtleString(a, 'nl')));
  push('skos:notation', [turtleString(t.id)]);
  push('skos:definition', [turtleString(t.definition, 'nl'), ...(t.en?.definition ? [turtleString(t.en.definition, 'en')] : [])]);
  if (t.source) {
    // NL-SBB wants a title for a source document: the address stands in (read back as no title).
    push('dct:source', [`[ dct:title ${turtleString(t.source.title ?? t.source.url, 'nl')} ; foaf:page ${iri(t.source.url)} ]`]);
  }
  push('skos:related', (t.related ?? []).filter((r) => ids.has(r)).map((r) => iri(conceptIri(c, r))));
  if (t.status) push('adms:status', [turtleString(t.status)]);
  push('iza:caseSensitive', [t.caseSensitive ? 'true' : 'false']);
  if (t.broader !== undefined && ids.has(t.broader)) push('skos:broader', [iri(conceptIri(c, t.broader))]);
  else push('skos:topConceptOf', [iri(schemeIri(c))]);
  lines[lines.length - 1] = `${(lines[lines.length - 1] as string).slice(0, -2)} .`;
  return lines.join('\n');
}

/** A collection as NL-SBB SKOS in Turtle. */
export function collectionToTurtle(c: Collection): string {
  const ids = new Set(c.terms.map((t) => t.id));
  const head = prefixLines(PREFIXES);
  const tops = c.terms.filter((t) => t.broader === undefined || !ids.has(t.broader)).map((t) => iri(conceptIri(c, t.id)));
  const date = /^\d{4}-\d{2}-\d{2}/.exec(c.updated ?? '')?.[0];
  const scheme = [
    iri(schemeIri(c)),
    '  a skos:ConceptScheme ;',
    `  dct:title ${turtleString(c.name, 'nl')} ;`,
    ...(date ? [`  dct:modified "${date}"^^xsd:date ;`] : []),
    ...(tops.length > 0 ? [`  skos:hasTopConcept ${tops.join(' ,\n    ')} ;`] : []),
  ];
  scheme[scheme.length - 1] = `${(scheme[scheme.length - 1] as string).slice(0, -2)} .`;
  const collections = CATEGORIES.filter((cat) => c.terms.some((t) => t.category === cat)).map((cat) =>
    [
      iri(collectionIri(c, cat)),
      '  a skos:Collection ;',
      `  skos:prefLabel ${turtleString(CATEGORY_LABELS[cat].nl, 'nl')} , ${turtleString(CATEGORY_LABELS[cat].en, 'en')} ;`,
      `  skos:member ${c.terms.filter((t) => t.category === cat).map((t) => iri(conceptIri(c, t.id))).join(' ,\n    ')} .`,
    ].join('\n'),
  );
  return `${[head.join('\n'), scheme.join('\n'), ...c.terms.map((t) => conceptTurtle(c, t, ids)), ...collections].join('\n\n')}\n`;
}

/** The CSV columns: those of the build's begrippen.csv that own terms have, then three of their own. */
export const OWN_CSV_COLUMNS = [
  'id', 'uri', 'term', 'category', 'abbreviations', 'variants', 'definition', 'english_name', 'english_definition',
  'broader', 'related', 'sources', 'source_title', 'case_sensitive', 'status',
] as const;

/** A collection as CSV (comma separated, CRLF, lists joined with " | "). */
export function collectionToCsv(c: Collection): string {
  const rows = c.terms.map((t) => {
    const row: Record<(typeof OWN_CSV_COLUMNS)[number], string> = {
      id: t.id,
      uri: conceptIri(c, t.id),
      term: t.term,
      category: t.category ?? '',
      abbreviations: t.abbreviations.join(' | '),
      variants: t.variants.join(' | '),
      definition: t.definition,
      english_name: t.en?.name ?? '',
      english_definition: t.en?.definition ?? '',
      broader: t.broader ?? '',
      related: (t.related ?? []).join(' | '),
      sources: t.source?.url ?? '',
      source_title: t.source?.title ?? '',
      case_sensitive: t.caseSensitive ? 'true' : 'false',
      status: t.status ?? '',
    };
    return OWN_CSV_COLUMNS.map((col) => csvCell(row[col])).join(',');
  });
  return `${[OWN_CSV_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}

/** A collection in our own JSON form. */
export function collectionToJson(c: Collection): string {
  return `${JSON.stringify({ format: JSON_FORMAT, version: 1, name: c.name, terms: c.terms }, null, 2)}\n`;
}

/** Several collections in one JSON file; importing it makes one collection of all their terms. */
export function collectionsToJson(cs: Collection[]): string {
  return `${JSON.stringify({ format: JSON_FORMAT, version: 1, collections: cs.map((c) => ({ id: c.id, name: c.name, terms: c.terms })) }, null, 2)}\n`;
}
