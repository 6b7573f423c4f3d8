/**
 * NL-SBB (SKOS) in Turtle -> own terms. Read leniently, as real frameworks publish it:
 * - a concept is a skos:Concept, or any resource with a skos:prefLabel and no rdf:type;
 * - labels and texts: Dutch first, then without a language, then the first one; the English
 *   prefLabel and definition become the English name and definition;
 * - skos:altLabel gives abbreviations (by their look, see looksLikeAbbreviation) and variants,
 *   skos:hiddenLabel variants; our own export marks abbreviations exactly (iza:abbreviation);
 * - skos:definition (a literal, or a resource with rdf:value), else skos:scopeNote, else
 *   rdfs:comment or dct:description;
 * - dct:source as an address, or a resource with a title and a page; adms:status is kept;
 * - a skos:Collection whose name is a category gives its members that category;
 * - unknown predicates are ignored. A syntax error refuses the file with its line and column.
 */
import { Parser, type Quad, type Term } from 'n3';
import { LIMITS, type ParseResult, type Problem } from '../../common/own-terms';
import { cleanText, cleanUrl, finishTerms, isBoolTrue, IZA_DEF, lastSegment, looksLikeAbbreviation, mapCategory, safeOptions, type ParseOptions, type RawConcept } from './clean';

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const DCT = 'http://purl.org/dc/terms/';
const DC = 'http://purl.org/dc/elements/1.1/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const ADMS = 'http://www.w3.org/ns/adms#';
const SCHEMA = ['http://schema.org/', 'https://schema.org/'];

type Props = Map<string, Term[]>;
const keyOf = (t: Term): string => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);

/** The subjects of the file with their predicates and objects, in the order they first appear. */
function indexQuads(quads: Quad[]): Map<string, { subject: Term; props: Props }> {
  const index = new Map<string, { subject: Term; props: Props }>();
  for (const q of quads) {
    const key = keyOf(q.subject);
    let entry = index.get(key);
    if (!entry) {
      entry = { subject: q.subject, props: new Map() };
      index.set(key, entry);
    }
    const list = entry.props.get(q.predicate.value);
    if (list) list.push(q.object);
    else entry.props.set(q.predicate.value, [q.object]);
  }
  return index;
}

interface Text {
  value: string;
  lang: string;
}

const group = (lang: string): 'nl' | 'none' | 'en' | 'other' => (lang === '' ? 'none' : /^nl\b/i.test(lang) ? 'nl' : /^en\b/i.test(lang) ? 'en' : 'other');

/** The parser's view of one file: texts of a resource's predicates, links resolved. */
class Graph {
  constructor(readonly index: Map<string, { subject: Term; props: Props }>) {}

  objects(props: Props | undefined, ...predicates: string[]): Term[] {
    if (!props) return [];
    if (predicates.length === 1) return props.get(predicates[0] as string) ?? [];
    const out: Term[] = [];
    for (const p of predicates) {
      const list = props.get(p);
      if (list) for (const o of list) out.push(o);
    }
    return out;
  }

  props(t: Term): Props | undefined {
    return this.index.get(keyOf(t))?.props;
  }

  /** Literal texts; a resource with rdf:value (an NL-SBB definition as a node) gives its value. */
  texts(props: Props | undefined, ...predicates: string[]): Text[] {
    const out: Text[] = [];
    for (const o of this.objects(props, ...predicates)) {
      if (o.termType === 'Literal') out.push({ value: o.value, lang: (o as { language?: string }).language ?? '' });
      else if (o.termType !== 'Variable') out.push(...this.texts(this.props(o), `${RDF}value`));
    }
    return out;
  }

  /** Dutch, else no language, else the first one (or English with `lang: 'en'`). */
  pick(texts: Text[], lang: 'nl' | 'en' = 'nl'): Text | undefined {
    if (lang === 'en') return texts.find((t) => group(t.lang) === 'en');
    return texts.find((t) => group(t.lang) === 'nl') ?? texts.find((t) => group(t.lang) === 'none') ?? texts[0];
  }

  label(props: Props | undefined): string | undefined {
    return this.pick(this.texts(props, `${SKOS}prefLabel`, `${DCT}title`, `${RDFS}label`, `${DC}title`, `${FOAF}name`))?.value;
  }

  isA(props: Props | undefined, type: string): boolean {
    return this.objects(props, `${RDF}type`).some((o) => o.value === type);
  }
}

const SOURCE_PAGES = [`${FOAF}page`, ...SCHEMA.flatMap((s) => [`${s}url`, `${s}URL`]), `${FOAF}homepage`, `${RDFS}seeAlso`, 'http://www.w3.org/ns/dcat#landingPage', `${DCT}identifier`];

/** The first source with an http(s) address; else the first address of another scheme (refused later). */
function sourceOf(g: Graph, props: Props | undefined): RawConcept['source'] {
  let bad: string | undefined;
  for (const o of g.objects(props, `${DCT}source`)) {
    const candidates: { url: string; title?: string }[] = [];
    if (o.termType === 'Literal') candidates.push({ url: o.value.trim() });
    else {
      const p = g.props(o);
      const title = g.label(p);
      const pages = g.objects(p, ...SOURCE_PAGES).map((x) => x.value.trim());
      if (o.termType === 'NamedNode') pages.push(o.value);
      for (const url of pages) candidates.push(title === undefined ? { url } : { url, title });
    }
    const good = candidates.find((c) => cleanUrl(c.url));
    if (good) return good;
    bad ??= candidates.find((c) => /^[a-z][a-z0-9+.-]*:/i.test(c.url))?.url;
  }
  return bad === undefined ? undefined : { url: bad };
}

/** Category per concept from the skos:Collections whose name or IRI is a category. */
function categories(g: Graph): Map<string, string> {
  const out = new Map<string, string>();
  for (const { subject, props } of g.index.values()) {
    if (!g.isA(props, `${SKOS}Collection`)) continue;
    const category = mapCategory(g.label(props)) ?? (subject.termType === 'NamedNode' ? mapCategory(lastSegment(subject.value)) : undefined);
    if (!category) continue;
    for (const m of g.objects(props, `${SKOS}member`)) if (!out.has(keyOf(m))) out.set(keyOf(m), category);
  }
  return out;
}

function conceptOf(g: Graph, subject: Term, props: Props, category: string | undefined): RawConcept {
  const prefs = g.texts(props, `${SKOS}prefLabel`);
  const labels = prefs.length > 0 ? prefs : g.texts(props, `${RDFS}label`);
  const chosen = g.pick(labels);
  const lang = group(chosen?.lang ?? '');
  const sameLang = (t: Text) => (lang === 'nl' || lang === 'none' ? group(t.lang) === 'nl' || group(t.lang) === 'none' : t.lang === chosen?.lang);
  const alt = g.texts(props, `${SKOS}altLabel`).filter(sameLang).map((t) => t.value);
  const hidden = g.texts(props, `${SKOS}hiddenLabel`).filter(sameLang).map((t) => t.value);
  const marked = g.texts(props, `${IZA_DEF}abbreviation`).map((t) => t.value);
  const ours = g.objects(props, `${IZA_DEF}caseSensitive`).length > 0;
  const isAbbr = (l: string) => (ours ? marked.includes(l) : looksLikeAbbreviation(cleanText(l, 300)));
  const texts = (lng: 'nl' | 'en', ...preds: string[]) => {
    const list = g.texts(props, ...preds);
    return lng === 'en' ? g.pick(list, 'en') : g.pick(list.filter((t) => group(t.lang) !== 'en'));
  };
  const defPreds = [[`${SKOS}definition`], [`${SKOS}scopeNote`], [`${RDFS}comment`, `${DCT}description`]];
  // A Dutch (or untagged) text first; a concept with only an English one gets that.
  const definition =
    defPreds.map((p) => texts('nl', ...p)).find((t) => t !== undefined) ?? defPreds.map((p) => g.texts(props, ...p)[0]).find((t) => t !== undefined);
  const enDefinition = defPreds.map((p) => texts('en', ...p)).find((t) => t !== undefined);
  const raw: RawConcept = {
    abbreviations: alt.filter(isAbbr),
    variants: [...alt.filter((l) => !isAbbr(l)), ...hidden],
    caseSensitive: g.objects(props, `${IZA_DEF}caseSensitive`).some((o) => isBoolTrue(o.value)),
    related: g.objects(props, `${SKOS}related`).filter((o) => o.termType === 'NamedNode').map((o) => lastSegment(o.value)),
  };
  if (subject.termType === 'NamedNode') raw.id = lastSegment(subject.value);
  if (chosen) raw.term = chosen.value;
  if (definition) raw.definition = definition.value;
  const enName = lang === 'en' ? undefined : g.pick(labels, 'en')?.value;
  if (enName !== undefined || (enDefinition && enDefinition.value !== definition?.value)) {
    raw.en = {};
    if (enName !== undefined) raw.en.name = enName;
    if (enDefinition && enDefinition.value !== definition?.value) raw.en.definition = enDefinition.value;
  }
  if (category) raw.category = category;
  const source = sourceOf(g, props);
  if (source) raw.source = source;
  const broader = g.objects(props, `${SKOS}broader`).find((o) => o.termType === 'NamedNode');
  if (broader) raw.broader = lastSegment(broader.value);
  const status = g.objects(props, `${ADMS}status`)[0];
  if (status) raw.status = status.termType === 'Literal' ? status.value : g.label(g.props(status)) ?? lastSegment(status.value);
  return raw;
}

/** Line and column (1-based) of an n3 syntax error, with the offending text. */
export function syntaxProblem(err: unknown, text: string): Problem {
  const e = err as { message?: string; context?: { line?: number; token?: { line?: number; start?: number; end?: number } | null; previousToken?: { line?: number; end?: number } | null } };
  const message = String(e?.message ?? err);
  const line = e?.context?.line ?? Number(/line (\d+)/.exec(message)?.[1] ?? 0);
  if (!line) return { code: 'syntax', detail: message.slice(0, 120) };
  const lineText = (text.split('\n')[line - 1] ?? '').replace(/\r$/, '');
  const token = e.context?.token;
  const prev = e.context?.previousToken;
  let column = 0;
  let detail = '';
  if (token && token.line === line && typeof token.start === 'number') {
    column = token.start + 1;
    detail = lineText.slice(token.start, token.end ?? token.start + 1);
  } else {
    const snippet = /^Unexpected "([\s\S]*?)" on line \d+/.exec(message)?.[1] ?? '';
    const from = prev && prev.line === line && typeof prev.end === 'number' ? prev.end : 0;
    const probe = snippet.slice(0, 20);
    const at = probe === '' ? -1 : lineText.indexOf(probe, from) >= 0 ? lineText.indexOf(probe, from) : lineText.indexOf(probe);
    if (at >= 0) column = at + 1;
    else if (from > 0) column = from + 1 + (/^\s*/.exec(lineText.slice(from))?.[0].length ?? 0);
    else column = (/^\s*/.exec(lineText)?.[0].length ?? 0) + 1;
    detail = snippet;
  }
  if (detail === '') detail = lineText.slice(column - 1).trim();
  return { code: 'syntax', line, column, detail: detail.length > 40 ? `${detail.slice(0, 40)}…` : detail };
}

/** Parses NL-SBB SKOS in Turtle. Throws only on bugs; parseGlossaryFile guards it. */
export function parseTurtle(text: string, options: ParseOptions = {}): ParseResult {
  const result: ParseResult = { format: 'turtle', concepts: 0, terms: [], skipped: [] };
  let quads: Quad[];
  try {
    quads = new Parser({ format: 'text/turtle' }).parse(text);
  } catch (err) {
    return { ...result, fatal: syntaxProblem(err, text) };
  }
  const g = new Graph(indexQuads(quads));
  const found: { subject: Term; props: Props }[] = [];
  let scheme: Props | undefined;
  for (const entry of g.index.values()) {
    const types = g.objects(entry.props, `${RDF}type`);
    if (g.isA(entry.props, `${SKOS}ConceptScheme`)) scheme ??= entry.props;
    if (types.some((t) => t.value === `${SKOS}Concept`) || (types.length === 0 && entry.props.has(`${SKOS}prefLabel`))) found.push(entry);
  }
  result.concepts = found.length;
  if (scheme) {
    const name = cleanText(g.label(scheme), 200);
    if (name !== '') result.name = name;
  }
  if (found.length > LIMITS.maxTerms) return { ...result, fatal: { code: 'tooMany', detail: String(found.length) } };
  if (found.length === 0) return { ...result, fatal: { code: 'notGlossary', detail: 'SKOS' } };
  const cats = categories(g);
  const raws = found.map(({ subject, props }) => conceptOf(g, subject, props, cats.get(keyOf(subject))));
  const { terms, skipped } = finishTerms(raws, safeOptions(options));
  return { ...result, terms, skipped };
}
