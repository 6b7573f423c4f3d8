/**
 * Cleaning shared by the three parsers (Turtle, CSV, JSON): every text becomes plain text, every
 * form is checked (length, everyday word), ids are made safe and unique, and a concept without a
 * label or a definition is skipped with its reason. Parsers hand over RawConcepts; finishTerms
 * turns them into OwnTerms and Problems.
 */
import { CATEGORIES, type Category } from '../../common/glossary-types';
import { LIMITS, type OwnTerm, type Problem } from '../../common/own-terms';

/** Our own namespace, for what SKOS has no word for (export.ts writes it, turtle.ts reads it). */
export const IZA_DEF = 'https://iza-begrippen.nl/def#';

export interface ParseOptions {
  /** A form for which this is true is dropped (the whole concept when it is the term). */
  everyday?: (form: string) => boolean;
}

/** One concept as a parser read it: texts not yet cleaned, ids as the file gives them. */
export interface RawConcept {
  /** The file's id (IRI segment, id column, JSON id); made from the term when absent. */
  id?: string;
  term?: string;
  abbreviations?: string[];
  variants?: string[];
  definition?: string;
  en?: { name?: string; definition?: string };
  category?: string;
  source?: { url?: string; title?: string };
  caseSensitive?: boolean;
  related?: string[];
  broader?: string;
  status?: string;
  /** Where the concept starts in the file (CSV rows), for the problems. */
  line?: number;
}

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '', hellip: '…', ndash: '–', mdash: '—',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', euro: '€', copy: '©', reg: '®', deg: '°',
  eacute: 'é', egrave: 'è', euml: 'ë', ecirc: 'ê', aacute: 'á', agrave: 'à', auml: 'ä', iuml: 'ï', iacute: 'í',
  ouml: 'ö', oacute: 'ó', uuml: 'ü', uacute: 'ú', ccedil: 'ç', Eacute: 'É', Euml: 'Ë', Iuml: 'Ï', Ouml: 'Ö', Uuml: 'Ü',
};

const BLOCK_TAG = /^\/?(p|br|div|li|ul|ol|dl|dt|dd|h[1-6]|tr|td|th|table|thead|tbody|section|article|blockquote|hr|pre|header|footer)$/i;

function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (all, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return all;
      return String.fromCodePoint(code);
    }
    return ENTITIES[name] ?? all;
  });
}

/**
 * Plain text from a field: script and style elements go with their content, other tags are
 * removed (block tags leave a space), common entities are decoded, control characters and runs
 * of white space become one space, and the text is cut at `max` characters.
 */
export function cleanText(value: unknown, max: number = LIMITS.maxTextLength): string {
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : '';
  let s = value;
  if (s.includes('<')) {
    s = s
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g, '$1')
      .replace(/<(script|style|noscript|template|iframe|object)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, '')
      .replace(/<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/g, (_, tag: string) => (BLOCK_TAG.test(tag) ? ' ' : ''))
      .replace(/<![a-zA-Z][^<>]*>/g, ' ');
  }
  if (s.includes('&')) s = decodeEntities(s);
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  if (s.length > max) {
    s = s.slice(0, max);
    if (/[\ud800-\udbff]$/.test(s)) s = s.slice(0, -1);
    s = s.trimEnd();
  }
  return s;
}

/** An id of a-z, 0-9 and hyphens (at most 80 characters), or '' when nothing is left. */
export function slugify(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** The last path segment or fragment of an IRI (percent-decoded), e.g. ".../begrip/zvw" -> "zvw". */
export function lastSegment(iri: string): string {
  const parts = iri.split(/[/#:?=]/).filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

const CATEGORY_ALIASES: Record<string, Category> = {
  law: 'wet', act: 'wet', wetten: 'wet', agreement: 'akkoord', akkoorden: 'akkoord', programme: 'programma',
  program: 'programma', programmas: 'programma', organisation: 'organisatie', organization: 'organisatie',
  organisaties: 'organisatie', role: 'rol', rollen: 'rol', concept: 'begrip', term: 'begrip', begrippen: 'begrip',
  funding: 'financiering', financing: 'financiering', digital: 'digitaal',
};

/** One of the bundled categories (Dutch ids, their English names, a few plurals), else undefined. */
export function mapCategory(value: unknown): Category | undefined {
  const key = cleanText(value, 100).toLowerCase().replace(/[^a-z]/g, '');
  if ((CATEGORIES as readonly string[]).includes(key)) return key as Category;
  return CATEGORY_ALIASES[key];
}

/** An http(s) address as a normalised href, else undefined. */
export function cleanUrl(value: unknown): string | undefined {
  const text = cleanText(value, 2000);
  if (!/^https?:\/\//i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a label reads as an abbreviation: one word with two capitals ("GGD", "NZa", "AMvB"),
 * a capital after the first letter, a short word ("Wmo", "pgb"), or letters with
 * dots ("m.b.t."); never a word with four lower-case letters in a row.
 */
export function looksLikeAbbreviation(label: string): boolean {
  // One word, without a run of four lower-case letters ("PGB-regeling" and "eHealth" are words).
  if (/\s/.test(label) || /\p{Ll}{4}/u.test(label)) return false;
  if (/^(\p{L}\.){2,}\p{L}?$/u.test(label)) return true;
  const letters = label.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0) return false;
  const capitals = letters.replace(/[^\p{Lu}]/gu, '').length;
  if (capitals >= 2) return true;
  if (/^.+\p{Lu}/u.test(letters)) return true;
  return letters.length <= 3;
}

const letterCount = (form: string): number => form.replace(/[^\p{L}\p{N}]/gu, '').length;
const isBoolTrue = (v: unknown): boolean => v === true || (typeof v === 'string' && /^(true|ja|yes|y|j|1|waar|x)$/i.test(v.trim()));
export { isBoolTrue };

/** Why a form cannot be used, or null when it can. */
function formProblem(form: string, opts: ParseOptions): 'shortForm' | 'everydayWord' | null {
  if (letterCount(form) < LIMITS.minFormLength) return 'shortForm';
  if (opts.everyday?.(form)) return 'everydayWord';
  return null;
}

/** Turns raw concepts into terms: cleaning, form checks, unique ids, links within the file. */
export function finishTerms(raws: RawConcept[], opts: ParseOptions = {}): { terms: OwnTerm[]; skipped: Problem[] } {
  const terms: OwnTerm[] = [];
  const skipped: Problem[] = [];
  const ids = new Set<string>();
  const links: { related: string[]; broader?: string }[] = [];
  const at = (raw: RawConcept): Pick<Problem, 'line'> => (raw.line !== undefined ? { line: raw.line } : {});
  for (const raw of raws) {
    const term = cleanText(raw.term, 300);
    if (term === '') {
      skipped.push({ code: 'noLabel', ...at(raw), ...(raw.id ? { detail: cleanText(raw.id, 200) } : {}) });
      continue;
    }
    const termProblem = formProblem(term, opts);
    if (termProblem) {
      skipped.push({ code: termProblem, ...at(raw), detail: term, term });
      continue;
    }
    const definition = cleanText(raw.definition);
    if (definition === '') {
      skipped.push({ code: 'noDefinition', ...at(raw), detail: term });
      continue;
    }
    const given = slugify(cleanText(raw.id, 500));
    let id = given;
    if (id !== '' && ids.has(id)) {
      skipped.push({ code: 'duplicateId', ...at(raw), detail: id, term });
      continue;
    }
    if (id === '') {
      const base = slugify(term) || 'begrip';
      id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    }
    ids.add(id);
    const seen = new Set<string>([term]);
    const forms = (list: string[] | undefined): string[] => {
      const out: string[] = [];
      for (const value of list ?? []) {
        const form = cleanText(value, 300);
        if (form === '' || seen.has(form)) continue;
        seen.add(form);
        const problem = formProblem(form, opts);
        if (problem) skipped.push({ code: problem, ...at(raw), detail: form, term });
        else out.push(form);
      }
      return out;
    };
    const abbreviations = forms(raw.abbreviations);
    const variants = forms(raw.variants);
    const t: OwnTerm = { id, term, abbreviations, variants, definition, caseSensitive: raw.caseSensitive === true };
    const enName = cleanText(raw.en?.name, 300);
    const enDefinition = cleanText(raw.en?.definition);
    const nameProblem = enName === '' ? null : formProblem(enName, opts);
    if (nameProblem) skipped.push({ code: nameProblem, ...at(raw), detail: enName, term });
    if ((enName !== '' && !nameProblem) || enDefinition !== '') {
      t.en = {};
      if (enName !== '' && !nameProblem) t.en.name = enName;
      if (enDefinition !== '') t.en.definition = enDefinition;
    }
    const category = mapCategory(raw.category);
    if (category) t.category = category;
    if (raw.source?.url !== undefined && cleanText(raw.source.url, 2000) !== '') {
      const url = cleanUrl(raw.source.url);
      if (url) {
        t.source = { url };
        const title = cleanText(raw.source.title, 300);
        // A title that only repeats the address is no title (our Turtle export writes it so).
        if (title !== '' && title !== url && title !== cleanText(raw.source.url, 2000)) t.source.title = title;
      } else skipped.push({ code: 'badSource', ...at(raw), detail: cleanText(raw.source.url, 200), term });
    }
    const status = cleanText(raw.status, 100);
    if (status !== '') t.status = status;
    terms.push(t);
    links.push({ related: (raw.related ?? []).map((r) => slugify(cleanText(r, 500))), ...(raw.broader ? { broader: slugify(cleanText(raw.broader, 500)) } : {}) });
  }
  // Links only to terms that were kept, never to itself.
  terms.forEach((t, i) => {
    const link = links[i];
    if (!link) return;
    const related = [...new Set(link.related)].filter((r) => r !== t.id && ids.has(r));
    if (related.length > 0) t.related = related;
    if (link.broader && link.broader !== t.id && ids.has(link.broader)) t.broader = link.broader;
  });
  return { terms, skipped };
}

/** The per-term cleaning, guarded: an everyday predicate that throws counts as "not everyday". */
export function safeOptions(opts: ParseOptions): ParseOptions {
  const everyday = opts.everyday;
  if (!everyday) return {};
  return {
    everyday: (form) => {
      try {
        return everyday(form) === true;
      } catch {
        return false;
      }
    },
  };
}
