/**
 * Compiles and validates the glossary (glossary/*.yaml) at build time. Every problem is
 * reported with the file, the entry id and the reason; the build stops on any of them.
 */
import { parse } from 'yaml';
import {
  CATEGORIES,
  type Category,
  type CompiledGlossary,
  type Entry,
  type MatcherData,
} from '../common/glossary-types';
import { bmpWordRanges, buildFlatTrie, normalizeForm } from './trie-pattern';

export const MAX_DEFINITION_WORDS = 60;
export const MAX_ENGLISH_WORDS = 80;

export interface GlossaryFile {
  /** Path shown in error messages, e.g. `glossary/wetten.yaml`. */
  file: string;
  text: string;
}

export interface GlossaryProblem {
  file: string;
  id: string;
  reason: string;
}

export class GlossaryError extends Error {
  readonly problems: GlossaryProblem[];
  constructor(problems: GlossaryProblem[]) {
    super(
      `The glossary has ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${p.file}: entry "${p.id}": ${p.reason}`).join('\n'),
    );
    this.name = 'GlossaryError';
    this.problems = problems;
  }
}

const ENTRY_KEYS = new Set([
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
]);
const ENGLISH_KEYS = new Set(['name', 'variants', 'match', 'definition']);
const FORM_KEYS = new Set(['form', 'expansion', 'caseSensitive', 'ambiguous']);
const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const BWBR_RE = /^BWBR\d{7}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

interface Form {
  text: string;
  caseSensitive: boolean;
  ambiguous: boolean;
}

interface Claim extends Form {
  id: string;
  file: string;
}

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function wordCount(text: string): number {
  const t = text.trim();
  return t === '' ? 0 : t.split(/\s+/u).length;
}

function isValidDate(s: string): boolean {
  if (!DATE_RE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Validates one raw entry. Returns the entry and its forms, or pushes problems and returns null. */
function checkEntry(
  raw: unknown,
  index: number,
  file: string,
  problems: GlossaryProblem[],
): { entry: Entry; forms: Form[] } | null {
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
  const bool = (key: string, v: unknown): boolean => {
    if (v === undefined) return false;
    if (typeof v !== 'boolean') {
      fail(`field "${key}" must be true or false`);
      return false;
    }
    return v;
  };

  const id = str('id');
  if (id !== null && !ID_RE.test(id)) fail(`id "${id}" must be lowercase letters, digits and hyphens`);
  const term = str('term');
  const termCaseSensitive = bool('termCaseSensitive', raw.termCaseSensitive);

  const categoryRaw = str('category');
  if (categoryRaw !== null && !(CATEGORIES as readonly string[]).includes(categoryRaw)) {
    fail(`unknown category "${categoryRaw}" (allowed: ${CATEGORIES.join(', ')})`);
  }

  const definition = str('definition');
  if (definition !== null && wordCount(definition) > MAX_DEFINITION_WORDS) {
    fail(`Dutch definition has ${wordCount(definition)} words (at most ${MAX_DEFINITION_WORDS})`);
  }

  const forms: Form[] = [];
  if (term !== null) forms.push({ text: term, caseSensitive: termCaseSensitive, ambiguous: false });

  const readForms = (key: string, list: unknown, withExpansion: boolean) => {
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
        else forms.push({ text: item.trim(), caseSensitive: false, ambiguous: false });
        out.push({ form: item.trim(), expansion: null });
        return;
      }
      if (!isObj(item)) {
        fail(`${where} must be text or a mapping with "form"`);
        return;
      }
      for (const k of Object.keys(item)) {
        if (!FORM_KEYS.has(k) || (k === 'expansion' && !withExpansion)) fail(`${where} has unknown field "${k}"`);
      }
      const form = str(`${where}.form`, item.form);
      const expansion = item.expansion === undefined ? null : str(`${where}.expansion`, item.expansion);
      const caseSensitive = bool(`${where}.caseSensitive`, item.caseSensitive);
      const ambiguous = bool(`${where}.ambiguous`, item.ambiguous);
      if (form !== null) {
        forms.push({ text: form, caseSensitive, ambiguous });
        out.push({ form, expansion });
      }
    });
    return out;
  };

  const abbreviations = readForms('abbreviations', raw.abbreviations, true);
  readForms('variants', raw.variants, false);

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
    if (name !== null && match) forms.push({ text: name, caseSensitive: false, ambiguous: false });
    readForms('english.variants', english.variants, false);
    if (name !== null && def !== null) en = { name, definition: def };
  }

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
  return { entry, forms };
}

/** Parses, validates and compiles the glossary files. Throws GlossaryError listing every problem. */
export function compileGlossary(files: GlossaryFile[]): CompiledGlossary {
  const problems: GlossaryProblem[] = [];
  const entries: Entry[] = [];
  const fileOf = new Map<string, string>();
  const claims = new Map<string, Claim[]>(); // lower-cased form -> claims

  for (const { file, text } of files) {
    let doc: unknown;
    try {
      doc = parse(text, { prettyErrors: true });
    } catch (err) {
      problems.push({ file, id: '-', reason: `is not valid YAML: ${(err as Error).message}` });
      continue;
    }
    if (doc === null || doc === undefined) continue;
    if (!Array.isArray(doc)) {
      problems.push({ file, id: '-', reason: 'must be a list of entries (each starting with "- id:")' });
      continue;
    }
    doc.forEach((raw, i) => {
      const checked = checkEntry(raw, i, file, problems);
      if (!checked) return;
      const { entry, forms } = checked;
      const firstFile = fileOf.get(entry.id);
      if (firstFile !== undefined) {
        problems.push({ file, id: entry.id, reason: `duplicate id (also in ${firstFile})` });
        return;
      }
      fileOf.set(entry.id, file);
      entries.push(entry);
      // One claim per distinct form: case-sensitive forms differ by case ("RVS" vs "RvS"); a
      // case-insensitive form covers every case of itself, so it absorbs those.
      const own = new Map<string, Form>();
      for (const f of forms) {
        const text = normalizeForm(f.text);
        const lower = text.toLowerCase();
        const key = f.caseSensitive ? `cs:${text}` : `ci:${lower}`;
        const prev = own.get(key);
        own.set(key, { text, caseSensitive: f.caseSensitive, ambiguous: f.ambiguous || (prev?.ambiguous ?? false) });
      }
      for (const [key, f] of own) {
        if (key.startsWith('cs:') && own.has(`ci:${f.text.toLowerCase()}`)) continue;
        const lower = f.text.toLowerCase();
        const list = claims.get(lower) ?? [];
        list.push({ ...f, id: entry.id, file });
        claims.set(lower, list);
      }
    });
  }

  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    for (const r of e.related) {
      if (!ids.has(r)) problems.push({ file: fileOf.get(e.id) ?? '?', id: e.id, reason: `related id "${r}" does not exist` });
      if (r === e.id) problems.push({ file: fileOf.get(e.id) ?? '?', id: e.id, reason: 'is related to itself' });
    }
  }

  const matcher: MatcherData = { trie: { chars: '', counts: '0', ends: '0' }, wordRanges: [], exact: {}, folded: {} };
  for (const [key, list] of claims) {
    // Two claims clash unless both are case-sensitive with different cases, or both are
    // declared ambiguous.
    const clashing = new Set<Claim>();
    for (const a of list) {
      for (const b of list) {
        if (a === b || a.id === b.id) continue;
        const distinct = a.caseSensitive && b.caseSensitive && a.text !== b.text;
        if (!distinct && !(a.ambiguous && b.ambiguous)) clashing.add(a);
      }
    }
    if (clashing.size > 0) {
      const who = list.map((c) => `${c.id} (${c.file})`).join(', ');
      for (const c of clashing) {
        problems.push({
          file: c.file,
          id: c.id,
          reason: `surface form "${c.text}" is claimed by ${who} without "ambiguous: true"`,
        });
      }
      continue;
    }
    for (const c of list) {
      const table = c.caseSensitive ? matcher.exact : matcher.folded;
      const k = c.caseSensitive ? c.text : key;
      const ids = (table[k] ??= []);
      if (!ids.includes(c.id)) ids.push(c.id);
    }
  }

  if (problems.length > 0) throw new GlossaryError(problems);

  matcher.trie = buildFlatTrie(claims.keys());
  matcher.wordRanges = bmpWordRanges();
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entries, matcher };
}
