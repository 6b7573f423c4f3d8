/**
 * Own terms -> the matcher's data, at run time (issue 20). The bundled glossary was compiled at
 * build time (forms, inflections checked against a word list, clashes refused); here its tables
 * are taken as they are and the enabled collections' forms are added on top:
 * - a form in several collections, or in a collection and the bundled glossary, keeps every
 *   meaning (the card shows them all, own first); an import never replaces a bundled meaning;
 * - the case rule is per term (caseSensitive: exact table, else the folded one);
 * - a collection "only on pages about care" puts its forms in the generic tables (topic gate);
 * - plurals by the regular rules of own-plurals.ts, never over a form of another term.
 */
import type { Entry, MatcherData } from '../common/glossary-types';
import { ownEntryId, type Collection, type OwnTerm } from '../common/own-terms';
import { ownPlural } from './own-plurals';
import { buildFlatTrie, formsOf, normalizeForm } from './trie-pattern';


export interface OwnForm {
  text: string;
  caseSensitive: boolean;
}

/** The forms a term is found by: its term, abbreviations, variants and English name. */
export function formsOfTerm(t: OwnTerm): OwnForm[] {
  const texts = [t.term, ...t.abbreviations, ...t.variants, ...(t.en?.name ? [t.en.name] : [])];
  const seen = new Set<string>();
  const out: OwnForm[] = [];
  for (const raw of texts) {
    const text = normalizeForm(raw);
    const key = t.caseSensitive ? text : text.toLowerCase();
    if (text.length < 2 || seen.has(key)) continue;
    seen.add(key);
    out.push({ text, caseSensitive: t.caseSensitive });
  }
  return out;
}

/** The run-time entry of an own term, as the card, the popup and the exports use it. */
export function ownEntry(c: Pick<Collection, 'id' | 'name'>, t: OwnTerm): Entry {
  const entry: Entry = {
    id: ownEntryId(c.id, t.id),
    term: t.term,
    category: t.category ?? 'begrip',
    abbreviations: t.abbreviations.map((form) => ({ form, expansion: t.term })),
    definition: t.definition,
    en: { name: t.en?.name ?? '', definition: t.en?.definition ?? '' },
    related: (t.related ?? []).map((r) => ownEntryId(c.id, r)),
    sources: t.source ? [{ url: t.source.url, title: t.source.title ?? t.source.url }] : [],
    reviewed: '',
    collection: c.name,
  };
  if (t.broader !== undefined) entry.broader = ownEntryId(c.id, t.broader);
  return entry;
}

export interface OwnCompiled {
  matcher: MatcherData;
  entries: Entry[];
  /** Number of forms added (plurals included). */
  forms: number;
}

type Table = Record<string, string[]>;

/** Copies a table of id lists, so the bundled data is never changed. */
const copyTable = (t: Table): Table => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, [...v]]));

/** Puts an own id after the form's other own ids and before the bundled ones (own meanings first, in collection order), once. */
function putFirst(table: Table, key: string, id: string): void {
  const ids = table[key];
  if (!ids) table[key] = [id];
  else if (!ids.includes(id)) {
    let at = 0;
    while (at < ids.length && (ids[at] as string).startsWith('own:')) at++;
    ids.splice(at, 0, id);
  }
}

/** The matcher's data for the bundled glossary plus every enabled collection. */
export function compileOwn(base: MatcherData, collections: readonly Collection[]): OwnCompiled {
  const exact = copyTable(base.exact);
  const folded = copyTable(base.folded);
  const generic = { exact: copyTable(base.generic.exact), folded: copyTable(base.generic.folded) };
  const keys = new Set(formsOf(base.trie));
  const entries: Entry[] = [];
  let forms = 0;
  const add = (f: OwnForm, id: string, careOnly: boolean): void => {
    const key = f.caseSensitive ? f.text : f.text.toLowerCase();
    putFirst(f.caseSensitive ? exact : folded, key, id);
    if (careOnly) putFirst(f.caseSensitive ? generic.exact : generic.folded, key, id);
    keys.add(f.text.toLowerCase());
    forms++;
  };
  const plurals: { f: OwnForm; id: string; careOnly: boolean }[] = [];
  for (const c of collections) {
    if (!c.enabled) continue;
    for (const t of c.terms) {
      const entry = ownEntry(c, t);
      entries.push(entry);
      for (const f of formsOfTerm(t)) {
        add(f, entry.id, c.onlyCareSites);
        const p = ownPlural(f.text);
        if (p !== null) plurals.push({ f: { text: p, caseSensitive: f.caseSensitive }, id: entry.id, careOnly: c.onlyCareSites });
      }
    }
  }
  // Plurals after every listed form: a plural never takes a form that a term lists.
  for (const { f, id, careOnly } of plurals) if (!keys.has(f.text.toLowerCase())) add(f, id, careOnly);
  return {
    matcher: { trie: buildFlatTrie(keys), wordRanges: base.wordRanges, exact, folded, generic },
    entries,
    forms,
  };
}

/**
 * For the import preview: each form of `terms` that is already a form of a bundled term or of
 * a term in `collections`, with the ids that hold it.
 */
export function collisions(base: MatcherData, collections: readonly Collection[], terms: readonly OwnTerm[]): { form: string; ids: string[] }[] {
  const own = new Map<string, string[]>();
  for (const c of collections) {
    for (const t of c.terms) {
      for (const f of formsOfTerm(t)) {
        const k = f.text.toLowerCase();
        own.set(k, [...(own.get(k) ?? []), ownEntryId(c.id, t.id)]);
      }
    }
  }
  const lowerExact = new Map<string, string[]>();
  for (const [k, ids] of Object.entries(base.exact)) lowerExact.set(k.toLowerCase(), [...(lowerExact.get(k.toLowerCase()) ?? []), ...ids]);
  const out: { form: string; ids: string[] }[] = [];
  for (const t of terms) {
    for (const f of formsOfTerm(t)) {
      const k = f.text.toLowerCase();
      const ids = [...new Set([...(base.folded[k] ?? []), ...(lowerExact.get(k) ?? []), ...(own.get(k) ?? [])])];
      if (ids.length > 0) out.push({ form: f.text, ids });
    }
  }
  return out;
}
