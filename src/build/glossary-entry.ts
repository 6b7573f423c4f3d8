/**
 * Checks one raw glossary entry (a mapping parsed from YAML) and turns it into the run-time Entry
 * plus its surface forms, each with its flags. Problems are pushed with the entry's id and the
 * reason; the compiler (glossary-compile.ts) adds the file and stops the build.
 */
import { CATEGORIES, type Category, type Entry } from '../common/glossary-types';
import type { FormKind } from './inflect';

export const MAX_DEFINITION_WORDS = 60;
export const MAX_ENGLISH_WORDS = 80;
export const MAX_SENSE_WORDS = 8;

export interface GlossaryProblem {
  file: string;
  id: string;
  reason: string;
}

export interface Form {
  text: string;
  caseSensitive: boolean;
  ambiguous: boolean;
  /** Highlighted only where the page is about care (see src/engine/topic.ts). */
  generic: boolean;
  /** Whether the build may generate inflections of this form (inflect.ts). */
  inflect: boolean;
  kind: FormKind;
}

export interface CheckedEntry {
  entry: Entry;
  forms: Form[];
  /** Hand-typed plurals of the term (`plural:`): the rule makes none for the term then. */
  plural: string[];
  /** `inflect: false` on the entry: no generated forms at all. */
  inflect: boolean;
}

export const ENTRY_KEYS = new Set([
  'id',
  'term',
  'termCaseSensitive',
  'category',
  'abbreviations',
  'variants',
  'definition',
  'english',
  'related',
  'bwbr',
  'sources',
  'reviewed',
  'generic',
  'sense',
  'inflect',
  'plural',
  'inflections',
  'broader',
  'checkAgain',
]);
export const ENGLISH_KEYS = new Set(['name', 'variants', 'match', 'definition', 'generic']);
export const FORM_KEYS = new Set(['form', 'expansion', 'caseSensitive', 'ambiguous', 'generic', 'inflect']);
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BWBR_RE = /^BWBR\d{7}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/u).length;
}

export function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validates one raw entry. Returns the entry and its forms, or pushes problems and returns null. */
export function checkEntry(raw: unknown, index: number, file: string, problems: GlossaryProblem[]): CheckedEntry | null {
  const before = problems.length;
  const idGuess = isObj(raw) && typeof raw.id === 'string' ? raw.id : `#${index + 1}`;
  const fail = (reason: string) => problems.push({ file, id: idGuess, reason });
  if (!isObj(raw)) {
    fail('is not a mapping of fields');
    return null;
  }
  for (const key of Object.keys(raw)) {
    if (!ENTRY_KEYS.has(key)) fail(`unknown field "${key}"`);
  }
  const str = (key: string, v: unknown = raw[key]): string | null => {
    if (v === undefined || v === null) {
      fail(`missing field "${key}"`);
      return null;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      fail(`field "${key}" must be non-empty text`);
      return null;
    }
    return v.trim();
  };
  const bool = (key: string, v: unknown, dflt = false): boolean => {
    if (v === undefined) return dflt;
    if (typeof v !== 'boolean') {
      fail(`field "${key}" must be true or false`);
      return dflt;
    }
    return v;
  };
  const strList = (key: string, v: unknown): string[] => {
    if (v === undefined) return [];
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.trim() === '')) {
      fail(`field "${key}" must be text or a list of texts`);
      return [];
    }
    return (list as string[]).map((x) => x.trim());
  };

  const id = str('id');
  if (id !== null && !ID_RE.test(id)) fail(`id "${id}" must be lowercase letters, digits and hyphens`);
  const term = str('term');
  const termCaseSensitive = bool('termCaseSensitive', raw.termCaseSensitive);
  const generic = bool('generic', raw.generic);
  const inflect = bool('inflect', raw.inflect, true);
  const sense = raw.sense === undefined ? null : str('sense');
  if (generic && sense === null) fail('a generic entry needs "sense": which meaning the card explains');
  if (sense !== null && wordCount(sense) > MAX_SENSE_WORDS) fail(`sense has ${wordCount(sense)} words (at most ${MAX_SENSE_WORDS})`);
  const plural = strList('plural', raw.plural);
  const inflections = strList('inflections', raw.inflections);

  const categoryRaw = str('category');
  if (categoryRaw !== null && !(CATEGORIES as readonly string[]).includes(categoryRaw)) {
    fail(`unknown category "${categoryRaw}" (allowed: ${CATEGORIES.join(', ')})`);
  }

  const definition = str('definition');
  if (definition !== null && wordCount(definition) > MAX_DEFINITION_WORDS) {
    fail(`Dutch definition has ${wordCount(definition)} words (at most ${MAX_DEFINITION_WORDS})`);
  }

  const forms: Form[] = [];
  // The entry's `generic` covers its words; abbreviations stay specific unless marked.
  const plain = (text: string, kind: FormKind): Form => ({ text, caseSensitive: false, ambiguous: false, generic: generic && kind !== 'abbreviation', inflect, kind });
  if (term !== null) forms.push({ ...plain(term, 'term'), caseSensitive: termCaseSensitive });

  const readForms = (key: string, list: unknown, kind: FormKind, genericDefault = generic) => {
    const out: { form: string; expansion: string | null }[] = [];
    if (list === undefined) return out;
    if (!Array.isArray(list)) {
      fail(`field "${key}" must be a list`);
      return out;
    }
    list.forEach((item, i) => {
      const where = `${key}[${i + 1}]`;
      if (typeof item === 'string') {
        if (item.trim() === '') fail(`${where} is empty`);
        else forms.push({ ...plain(item.trim(), kind), generic: genericDefault && kind !== 'abbreviation' });
        out.push({ form: item.trim(), expansion: null });
        return;
      }
      if (!isObj(item)) {
        fail(`${where} must be text or a mapping with "form"`);
        return;
      }
      for (const k of Object.keys(item)) {
        if (!FORM_KEYS.has(k) || (k === 'expansion' && kind !== 'abbreviation')) fail(`${where} has unknown field "${k}"`);
      }
      const form = str(`${where}.form`, item.form);
      const expansion = item.expansion === undefined ? null : str(`${where}.expansion`, item.expansion);
      const base = { ...plain(form ?? '', kind), generic: genericDefault && kind !== 'abbreviation' };
      const f: Form = {
        ...base,
        caseSensitive: bool(`${where}.caseSensitive`, item.caseSensitive),
        ambiguous: bool(`${where}.ambiguous`, item.ambiguous),
        generic: bool(`${where}.generic`, item.generic, base.generic),
        inflect: inflect && bool(`${where}.inflect`, item.inflect, true),
      };
      if (form !== null) {
        forms.push(f);
        out.push({ form, expansion });
      }
    });
    return out;
  };

  const abbreviations = readForms('abbreviations', raw.abbreviations, 'abbreviation');
  readForms('variants', raw.variants, 'variant');
  // Hand-typed inflections are explicit forms, like variants, and are not inflected again.
  for (const p of [...plural, ...inflections]) forms.push({ ...plain(p, 'variant'), inflect: false });

  let en: Entry['en'] | null = null;
  if (raw.english === undefined || raw.english === null) {
    fail('missing field "english" (English name and definition)');
  } else if (!isObj(raw.english)) {
    fail('field "english" must be a mapping with "name" and "definition"');
  } else {
    const english = raw.english;
    for (const k of Object.keys(english)) if (!ENGLISH_KEYS.has(k)) fail(`english has unknown field "${k}"`);
    const name = str('english.name', english.name);
    const def = str('english.definition', english.definition);
    if (def !== null && wordCount(def) > MAX_ENGLISH_WORDS) {
      fail(`English definition has ${wordCount(def)} words (at most ${MAX_ENGLISH_WORDS})`);
    }
    const match = english.match === undefined ? true : bool('english.match', english.match);
    // `english.generic` overrides the entry's flag for the English name and its variants.
    const enGeneric = bool('english.generic', english.generic, generic);
    if (name !== null && match) forms.push({ ...plain(name, 'english'), generic: enGeneric });
    readForms('english.variants', english.variants, 'english', enGeneric);
    if (name !== null && def !== null) en = { name, definition: def };
  }

  const broader = raw.broader === undefined ? null : str('broader');
  let related: string[] = [];
  if (raw.related === undefined) fail('missing field "related" (use [] for none)');
  else if (!Array.isArray(raw.related) || raw.related.some((r) => typeof r !== 'string')) {
    fail('field "related" must be a list of entry ids');
  } else related = raw.related as string[];

  const sources: Entry['sources'] = [];
  if (!Array.isArray(raw.sources) || raw.sources.length === 0) {
    fail('missing field "sources" (at least one official https source)');
  } else {
    raw.sources.forEach((s, i) => {
      const where = `sources[${i + 1}]`;
      if (!isObj(s)) {
        fail(`${where} must be a mapping with "url" and "title"`);
        return;
      }
      const url = str(`${where}.url`, s.url);
      const title = str(`${where}.title`, s.title);
      if (url === null || title === null) return;
      let parsed: URL | null = null;
      try {
        parsed = new URL(url);
      } catch {
        fail(`${where}.url "${url}" is not a valid URL`);
        return;
      }
      if (parsed.protocol !== 'https:') fail(`${where}.url "${url}" is not https`);
      sources.push({ url, title });
    });
  }

  let bwbr: string | undefined;
  if (raw.bwbr !== undefined) {
    const b = str('bwbr');
    if (b !== null && !BWBR_RE.test(b)) fail(`bwbr "${b}" must look like BWBR0018450`);
    else if (b !== null) {
      bwbr = b;
      if (!sources.some((s) => s.url.startsWith(`https://wetten.overheid.nl/${b}`))) {
        fail(`bwbr ${b} needs a source https://wetten.overheid.nl/${b}`);
      }
    }
  }

  let reviewed = '';
  if (raw.reviewed instanceof Date) reviewed = raw.reviewed.toISOString().slice(0, 10);
  else if (typeof raw.reviewed === 'string') reviewed = raw.reviewed;
  if (raw.reviewed === undefined) fail('missing field "reviewed" (date last checked, YYYY-MM-DD)');
  else if (!isValidDate(reviewed)) fail(`reviewed "${String(raw.reviewed)}" is not a date YYYY-MM-DD`);

  let checkAgain: string | undefined;
  if (raw.checkAgain !== undefined) {
    const c = raw.checkAgain instanceof Date ? raw.checkAgain.toISOString().slice(0, 10) : String(raw.checkAgain);
    if (!isValidDate(c)) fail(`checkAgain "${String(raw.checkAgain)}" is not a date YYYY-MM-DD`);
    else checkAgain = c;
  }

  if (problems.length > before || id === null || term === null || definition === null || en === null) {
    return null;
  }
  const entry: Entry = {
    id,
    term,
    category: categoryRaw as Category,
    abbreviations: abbreviations.map((a) => ({ form: a.form, expansion: a.expansion ?? term })),
    definition,
    en,
    related,
    sources,
    reviewed,
  };
  if (bwbr !== undefined) entry.bwbr = bwbr;
  if (broader !== null) entry.broader = broader;
  if (generic) entry.generic = true;
  if (sense !== null) entry.sense = sense;
  if (checkAgain !== undefined) entry.checkAgain = checkAgain;
  return { entry, forms: forms.filter((f) => f.text !== ''), plural, inflect };
}
