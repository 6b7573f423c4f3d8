/**
 * Dutch inflections of glossary forms, generated at build time by rule, so editors need not type
 * "werkagenda's", "laagdrempelige steunpunten" or "gemeenten" by hand (issue 13).
 *
 * The rules make candidates; a Hunspell word list (OpenTaal, see wordlist.ts) then decides.
 * Spelling rules cannot know stress ("plan" -> "plannen" but "bedrag" -> "bedragen") or loan
 * words ("team" -> "teams"), so each rule gives its likely form first (`primary`) and the other
 * possibilities after it. With the word list, a candidate is kept only when the dictionary has it
 * as a form of the same word (or of the compound's last part), and never when it is a different
 * word ("zorgen" is a verb, not a plural of "zorg"); without it, only the primary forms are kept.
 */
import type { WordList } from './wordlist';

export type FormKind = 'term' | 'variant' | 'abbreviation' | 'english';

interface Candidate {
  form: string;
  primary: boolean;
}

const VOWEL = /[aeiouyàáäéèëêïíóöúü]/u;
const LONG_END = /(aa|ee|oo|uu|ie|oe|ui|ei|ij|eu|ou|au)$/u;
/** Words that make a multiword term a phrase ("zorg dichtbij huis"): no rule fits those. */
const FUNCTION_WORDS = new Set(
  'aan als bij dichtbij de den der des door een en het in met na naar of om onder op over per te ten ter tot tussen uit van voor zonder'.split(' '),
);

/** Letters of the last syllable: [before, vowel group, final consonants]. */
function lastSyllable(w: string): { head: string; vowels: string; tail: string } {
  const m = /^(.*?)([aeiouyàáäéèëêïíóöúü]+)([^aeiouyàáäéèëêïíóöúü]*)$/u.exec(w);
  return m ? { head: m[1] as string, vowels: m[2] as string, tail: m[3] as string } : { head: w, vowels: '', tail: '' };
}

/** A long vowel or diphthong written with two letters. */
const isLong = (v: string): boolean => v.length >= 2;

/**
 * The stem before -en or -e: a doubled vowel is written once in the open syllable ("jaar" ->
 * "jar-"), f and s become v and z after a long vowel ("tarief" -> "tariev-"), a short vowel
 * doubles its consonant ("budget" -> "budgett-"). `lengthen` gives the other reading of a short
 * vowel ("bedrag" -> "bedrag-"), which only the word list can choose.
 */
function openStem(w: string, lengthen: boolean): string {
  const { head, vowels, tail } = lastSyllable(w);
  if (tail.length !== 1 || vowels === '') return w;
  const voiced = tail === 'f' ? 'v' : tail === 's' ? 'z' : tail;
  if (isLong(vowels)) {
    const single = /^(aa|ee|oo|uu)$/u.test(vowels) ? (vowels[0] as string) : vowels;
    return head + single + voiced;
  }
  // An unstressed last syllable keeps its consonant single ("monnik", "-ig", "-ik", "-es" aside).
  if (/(ig|ik|lijk)$/u.test(w)) return w;
  if (lengthen) return head + vowels + voiced;
  if (/[wxy]/u.test(tail)) return w;
  return head + vowels + tail + tail;
}

/** Plural candidates of one noun. */
export function nounPlurals(w: string): Candidate[] {
  const p = (form: string): Candidate => ({ form, primary: true });
  const a = (form: string): Candidate => ({ form, primary: false });
  if (w.endsWith('heid')) return [p(`${w.slice(0, -4)}heden`)];
  if (/[^aeiou]je$/u.test(w)) return [p(`${w}s`)];
  if (/[^aeiou]ie$/u.test(w) || /(oe|ij|ei|ui|ou|au)$/u.test(w)) return [p(`${w}s`), a(`${w}en`)];
  if (w.endsWith('ee')) return [p(`${w}ën`)];
  if (w.endsWith('e')) return [p(`${w}n`), p(`${w}s`)];
  if (w.endsWith('é')) return [p(`${w}s`)];
  if (/[aiouy]$/u.test(w)) return [p(`${w}'s`)];
  if (w.endsWith('um')) return [p(`${w}s`), a(`${w.slice(0, -2)}a`)];
  // Unstressed endings take -s: zorgverlener, regel, keuken, bezem, zorgverzekeraar.
  if (/[^aeiou](el|em|en|er|erd)$/u.test(w) || /[lr]aar$/u.test(w)) return [p(`${w}s`), a(`${w}en`)];
  if (/[^aeiouy]$/u.test(w)) return [p(`${openStem(w, false)}en`), a(`${openStem(w, true)}en`), a(`${w}s`), a(`${w}en`)];
  return [];
}

/** Diminutive candidates of one noun (-je, -tje, -pje, -etje), each with its plural in -s. */
export function diminutives(w: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (form: string, primary: boolean) => out.push({ form, primary }, { form: `${form}s`, primary });
  const { vowels } = lastSyllable(w);
  if (/[aouiy]$/u.test(w) && !LONG_END.test(w)) {
    add(`${w}${w.endsWith('i') ? 'e' : (w.at(-1) as string)}tje`, true);
    add(`${w}'tje`, false);
  } else if (VOWEL.test(w.at(-1) as string) || /w$/u.test(w)) add(`${w}tje`, true);
  else if (w.endsWith('ing')) add(`${w.slice(0, -1)}kje`, true);
  else if (w.endsWith('ng')) add(`${w}etje`, true);
  else if (w.endsWith('m')) {
    add(`${w}pje`, isLong(vowels) || /[lr]m$/u.test(w) || /[^aeiou]em$/u.test(w));
    add(`${w}${w.at(-1) as string}etje`, !(isLong(vowels) || /[lr]m$/u.test(w) || /[^aeiou]em$/u.test(w)));
  } else if (/[lnr]$/u.test(w)) {
    const schwa = /[^aeiou]e[lnr]$/u.test(w) && w.length > 4;
    const plain = isLong(vowels) || schwa || /[lnr][lnr]$/u.test(w) || !VOWEL.test(w.at(-2) as string);
    add(`${w}tje`, plain);
    add(`${w}${w.at(-1) as string}etje`, !plain);
  } else add(`${w}je`, true);
  return out;
}

/** The inflected (attributive) form of an adjective, or null when it has none ("eigen", "passende"). */
export function inflectAdjective(w: string): Candidate[] {
  if (/(e|en|s)$/u.test(w) || !/[a-zàáäéèëêïíóöúü]$/u.test(w)) return [];
  return [{ form: `${openStem(w, false)}e`, primary: true }, { form: `${openStem(w, true)}e`, primary: false }];
}

/**
 * Whether the word list allows `cand` as a form of `base` (single words, lower case). The reason
 * when it does not; null when it does.
 */
export function checkWord(base: string, cand: string, primary: boolean, words: WordList | undefined): string | null {
  if (cand === base) return null;
  // Without the word list nothing says a form is not another word ("zorgen"): make none.
  if (!words) return 'no word list to check it against';
  // A word in its own right: a verb or adjective line of its own ("zorgen", "plannen"), or a
  // form of another stem that is not also a form of this one.
  const own = words.linesOf(cand).flat().filter((f) => f[0] === 'V' || f[0] === 'A');
  if (own.length > 0) return `"${cand}" is a word of its own (flags ${own.join(' ')})`;
  const baseForms = words.formsOf(base);
  // A plural the dictionary lists as a line of its own ("zorgkantoren") is a stem, not another word.
  const other = words.stemsOf(cand).filter((s) => s !== base && s !== cand);
  if (other.length > 0 && !baseForms.has(cand)) return `"${cand}" is a different word (${other.join(', ')})`;
  if (words.isStem(base)) return baseForms.has(cand) ? null : `the dictionary has no form "${cand}" of "${base}"`;
  const head = compoundHead(base, words);
  if (head !== null && cand.startsWith(base.slice(0, base.length - head.length))) {
    const c = cand.slice(base.length - head.length);
    return words.formsOf(head).has(c) ? null : `the dictionary has no form "${c}" of "${head}"`;
  }
  return primary ? null : 'not the likely form (word unknown to the dictionary)';
}

/**
 * The last part of a compound the dictionary does not know as a whole ("werkagenda" -> "agenda"):
 * the longest ending of 4 letters or more that is a stem. Shorter endings are too often chance
 * ("wachttijden" ends in "den").
 */
function compoundHead(base: string, words: WordList): string | null {
  for (let i = 1; i <= base.length - 4; i++) if (words.isStem(base.slice(i))) return base.slice(i);
  return null;
}

/** Whether a word is already a plural (a variant "apothekers" is not inflected again). */
function isPluralWord(w: string, words: WordList | undefined): boolean {
  if (!words) return /[^aeiou](en|s)$/u.test(w) && w.length > 4;
  // A plural of some stem, and no singular noun of its own ("kers" is both: a singular).
  const plural = (x: string) => words.isPlural(x) && !words.linesOf(x).some((f) => f.some((flag) => flag.startsWith('Z')));
  if (words.isWord(w)) return plural(w);
  // A compound the dictionary does not know: one of its endings is a plural ("zorginkopers").
  for (let i = 1; i <= w.length - 4; i++) if (plural(w.slice(i))) return true;
  return compoundHead(w, words) === null && /[^aeiou](en|s)$/u.test(w);
}

export interface InflectOptions {
  /** The noun plurals of this form are given by hand (`plural:`): generate none by rule. */
  noPlural?: boolean;
  /** Add the genitive -s (names of organisations). */
  genitive?: boolean;
  /** No apostrophe plural of abbreviations (laws: there is one Wmo). */
  noApostrophe?: boolean;
  words?: WordList;
}

export interface Generated {
  form: string;
  /** Which rule made it (for the build report and tests). */
  rule: 'plural' | 'adjective' | 'diminutive' | 'apostrophe' | 'genitive';
}

/** Whether a form reads as an abbreviation (two capitals or more: GGD, pgb aside). */
export const looksLikeAbbreviation = (s: string): boolean => /^[^\s-]*\p{Lu}[^\s-]*\p{Lu}[^\s-]*$/u.test(s);

/**
 * The generated forms of one glossary form, without the form itself. Rejected candidates go to
 * `rejected` with the reason, so the build can report them.
 */
export function inflectForm(text: string, kind: FormKind, opts: InflectOptions = {}, rejected: string[] = []): Generated[] {
  const out = new Map<string, Generated['rule']>();
  const put = (form: string, rule: Generated['rule']) => {
    if (form !== text && !out.has(form)) out.set(form, rule);
  };
  if (kind === 'english') return [];
  if (kind === 'abbreviation' || looksLikeAbbreviation(text)) {
    // Abbreviations take only the apostrophe plural (pgb's, GGD's); the matcher also finds pgb’s.
    if (!opts.noApostrophe && !/['’]s$/u.test(text) && /[\p{L}\p{N}]$/u.test(text)) put(`${text}'s`, 'apostrophe');
    return [...out].map(([form, rule]) => ({ form, rule }));
  }
  const words = text.split(' ');
  const name = /\p{Lu}/u.test(text);
  if (name) {
    // A name (Zorginstituut Nederland) has no plural or diminutive; a one-word organisation name
    // takes a genitive ("Actiz" aside, which ends in a sibilant and takes none).
    if (opts.genitive && words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(text) && !/[sxz]$/u.test(text)) {
      put(/[aiouy]$/u.test(text) ? `${text}'s` : `${text}s`, 'genitive');
    }
    return [...out].map(([form, rule]) => ({ form, rule }));
  }
  if (words.some((w) => FUNCTION_WORDS.has(w)) || words.some((w) => !/^\p{Ll}+(-\p{Ll}+)*$/u.test(w))) return [];
  // In a hyphenated last word only the part after the last hyphen inflects ("JOGG-gemeente").
  const lastWord = words[words.length - 1] as string;
  const cut = lastWord.lastIndexOf('-') + 1;
  const last = lastWord.slice(cut);
  const lead = words.slice(0, -1);
  if (isPluralWord(last, opts.words)) return [];
  // A noun before the head ("praktijkondersteuner huisarts") is no modifier: no rule fits.
  const isNoun = (w: string) => opts.words?.linesOf(w).some((f) => f.some((x) => x.startsWith('Z'))) && !opts.words.linesOf(w).some((f) => f.some((x) => x.startsWith('A')));
  if (lead.some(isNoun)) return [];
  const keep = (base: string, c: { form: string; primary: boolean }): boolean => {
    const why = checkWord(base, c.form, c.primary, opts.words);
    if (why !== null) rejected.push(`${text} -> ${c.form}: ${why}`);
    return why === null;
  };
  // The head noun's forms, then each modifier's (inflected or not), combined.
  const heads: { form: string; rule: Generated['rule'] | null; plural: boolean }[] = [{ form: last, rule: null, plural: false }];
  if (!opts.noPlural) for (const c of nounPlurals(last)) if (keep(last, c)) heads.push({ form: c.form, rule: 'plural', plural: true });
  // Diminutives are rare in policy text and easy to get wrong: only those the dictionary confirms.
  for (const c of diminutives(last)) if (keep(last, { ...c, primary: false })) heads.push({ form: c.form, rule: 'diminutive', plural: c.form.endsWith('s') });
  // Each modifier: its own form, and its inflected one where it has one.
  const leads = lead.map((w) => ({ base: w, inflected: inflectAdjective(w).filter((c) => keep(w, c)).map((c) => c.form) }));
  for (const h of heads) {
    // Before a plural an adjective is always inflected ("laagdrempelige steunpunten"); before a
    // singular it may be either ("een laagdrempelig steunpunt", "het laagdrempelige steunpunt").
    // Several modifiers inflect together ("landelijk dekkend netwerk" -> "landelijke dekkende").
    const inflected = { words: leads.map((l) => l.inflected[0] ?? l.base), adjective: leads.some((l) => l.inflected.length > 0) };
    const combos = [...(h.plural && inflected.adjective ? [] : [{ words: lead, adjective: false }]), ...(inflected.adjective ? [inflected] : [])];
    for (const c of combos) {
      const rule = h.rule ?? (c.adjective ? 'adjective' : null);
      if (rule !== null) put([...c.words, lastWord.slice(0, cut) + h.form].join(' '), rule);
    }
  }
  return [...out].map(([form, rule]) => ({ form, rule }));
}
