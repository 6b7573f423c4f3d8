/**
 * Plain Dutch (issue 22): an abbreviation in a definition either has its own entry, which then
 * appears among the entry's related terms on the card, or is explained in words. The build lists
 * the definitions that use an abbreviation with no entry and no explanation, and, apart from
 * those, the abbreviations that have an entry the definition's entry does not relate to. Both are
 * warnings: a list for the editors, not a reason to stop the build.
 */
import type { Entry } from '../common/glossary-types';
import type { ClaimMap } from '../compiler/claims';
import { normalizeForm } from '../compiler/trie-pattern';
import type { GlossaryProblem } from './glossary-entry';

/** Letters and digits (and a closing +, as in HoNOS+) with at least two capitals: SEH, NZa, ROAZ. */
const ABBREVIATION = /^(?=(?:[^\p{Lu}]*\p{Lu}){2})[\p{L}\p{N}]+\+?$/u;
/** Roman numerals (deel II, fase IV) look like abbreviations but are none. */
const ROMAN = /^[IVX]+$/u;
const UPPER = /\p{Lu}/gu;
const LOWER = /\p{Ll}/gu;

/**
 * Whether a word looks like an abbreviation: two capitals or more, and at most twice as many
 * small letters (NZa, HoNOS+, eIDAS, ActiZ are; ChristenUnie and ZorgDomein are names).
 */
export function looksLikeAbbreviation(word: string): boolean {
  if (!ABBREVIATION.test(word) || ROMAN.test(word)) return false;
  return (word.match(LOWER)?.length ?? 0) <= 2 * (word.match(UPPER)?.length ?? 0);
}
/** A written word with its joined parts: "SEH-arts", "GGD's", "V&VN", "HoNOS+". */
const CHUNK = /[\p{L}\p{N}]+(?:[&'’-][\p{L}\p{N}]+)*\+?/gu;
const PART_SEPARATOR = /[&'’-]/u;
const WORD = /[\p{L}\p{N}]+\+?/gu;

/** Just before the abbreviation: "(", maybe with lower-case words ("(afgekort SEH)", "(ook wel: SEH"). */
const OPENS_PARENTHESIS = /\((?:\s*\p{Ll}+:?)*\s*$/u;
/** Just after it: the end of that parenthesis or of an item in it. */
const CLOSES_PARENTHESIS = /^\s*[),;]/u;
/** Just after it: its expansion in parentheses ("SEH (spoedeisende hulp)"), or words that explain it. */
const EXPANSION_FOLLOWS = /^(?:\s*\(\s*\p{L}|\s+(?:staat voor|betekent|is (?:de |een )?afkorting (?:van|voor)|is kort voor)\b)/u;

export interface AbbreviationUse {
  /** The abbreviation as the definition writes it. */
  form: string;
  /** The entries that have it as a form ([] when none). */
  ids: string[];
}

export interface AbbreviationFindings {
  /** Abbreviations with no entry that the definition does not explain. */
  noEntry: AbbreviationUse[];
  /** Abbreviations with an entry that is not among `related` (and not explained in words). */
  notRelated: AbbreviationUse[];
}

/** The entry ids of a claimed form as written (case-sensitive forms only in their own case). */
function formIds(claims: ClaimMap, text: string): string[] {
  const t = normalizeForm(text);
  const list = claims.get(t.toLowerCase());
  if (!list) return [];
  return [...new Set(list.filter((c) => !c.caseSensitive || c.text === t).map((c) => c.id))];
}

/**
 * Multiword forms (Wet BIG, ministerie van VWS) by each abbreviation-like word in them: an
 * abbreviation inside such a form in the definition belongs to that form's entry.
 */
export function formsByAbbreviation(claims: ClaimMap): Map<string, { text: string; caseSensitive: boolean; id: string }[]> {
  const out = new Map<string, { text: string; caseSensitive: boolean; id: string }[]>();
  for (const list of claims.values()) {
    for (const c of list) {
      const words = c.text.match(WORD) ?? [];
      if (words.length < 2) continue;
      for (const w of words) {
        if (!looksLikeAbbreviation(w)) continue;
        const forms = out.get(w) ?? [];
        forms.push({ text: c.text, caseSensitive: c.caseSensitive, id: c.id });
        out.set(w, forms);
      }
    }
  }
  return out;
}

/** Whether the occurrence at [start, end) of `text` is explained in the same text. */
function explained(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 40);
  return (OPENS_PARENTHESIS.test(before) && CLOSES_PARENTHESIS.test(after)) || EXPANSION_FOLLOWS.test(after);
}

/**
 * The abbreviations of one entry's Dutch definition. `own` are the entry's own forms: an
 * abbreviation inside them (the entry's own name) is neither listed nor looked up.
 */
export function abbreviationsOf(
  entry: Entry,
  own: readonly string[],
  claims: ClaimMap,
  multiword: ReturnType<typeof formsByAbbreviation>,
): AbbreviationFindings {
  const text = entry.definition.replace(/\s+/gu, ' ');
  const lower = text.toLowerCase();
  const ownWords = new Set(own.flatMap((f) => normalizeForm(f).match(WORD) ?? []));
  const seen = new Map<string, { ids: string[]; explained: boolean }>();
  for (const m of text.matchAll(CHUNK)) {
    const chunk = m[0];
    let at = m.index;
    for (const part of chunk.split(PART_SEPARATOR)) {
      const start = at;
      at += part.length + 1;
      // The entry's own name, also with a number after it (VV4 and VV9b of zorgprofiel VV).
      if (!looksLikeAbbreviation(part) || ownWords.has(part) || ownWords.has(part.replace(/\d+\p{Ll}?$/u, ''))) continue;
      // The written word as a whole may be the form (V&VN, BIG-register, GGD's), else the part.
      const whole = chunk.replace(/['’]s$/u, '');
      let form = part;
      let ids = formIds(claims, whole);
      if (ids.length > 0) form = whole;
      else if ((ids = formIds(claims, chunk)).length > 0) form = chunk;
      else ids = formIds(claims, part);
      if (ids.length === 0) {
        const inForm = (multiword.get(part) ?? []).filter((f) => (f.caseSensitive ? text.includes(f.text) : lower.includes(f.text.toLowerCase())));
        ids = [...new Set(inForm.map((f) => f.id))];
      }
      const prev = seen.get(form);
      const isExplained = explained(text, start, start + part.length);
      seen.set(form, { ids: prev?.ids.length ? prev.ids : ids, explained: (prev?.explained ?? false) || isExplained });
    }
  }
  const findings: AbbreviationFindings = { noEntry: [], notRelated: [] };
  for (const [form, use] of seen) {
    if (use.explained || use.ids.includes(entry.id)) continue;
    if (use.ids.length === 0) findings.noEntry.push({ form, ids: [] });
    else if (!use.ids.some((id) => entry.related.includes(id))) findings.notRelated.push({ form, ids: use.ids });
  }
  return findings;
}

/** Lists every entry's findings as warnings (see WARNING_KINDS in fact-checks.ts). */
export function checkAbbreviations(
  entries: readonly { entry: Entry; own: readonly string[]; file: string }[],
  claims: ClaimMap,
  warnings: GlossaryProblem[],
): void {
  const multiword = formsByAbbreviation(claims);
  for (const { entry, own, file } of entries) {
    const f = abbreviationsOf(entry, own, claims, multiword);
    for (const a of f.noEntry) {
      warnings.push({ file, id: entry.id, reason: `abbreviation "${a.form}" has no entry and is not explained in the definition` });
    }
    for (const a of f.notRelated) {
      warnings.push({ file, id: entry.id, reason: `abbreviation "${a.form}" has an entry (${a.ids.join(', ')}) that is not in related` });
    }
  }
}
