/**
 * Plurals of own terms, made at run time without a word list. The build checks its inflections
 * against the OpenTaal list (src/build/inflect.ts), which the extension does not ship; here only
 * the endings whose plural spelling is regular whatever the stress get one:
 *   -ing -> -ingen, -heid -> -heden, -e/-el/-em/-er/-je/-ie -> +s,
 *   a final a, i, o, u or y -> 's, an abbreviation (two capitals or more) -> 's.
 * Every other word gets none ("plan" -> "plannen" but "bedrag" -> "bedragen": stress decides).
 * The caller drops a plural that is a form of any other term.
 */

const LOWER_WORD = /^\p{Ll}+(-\p{Ll}+)*$/u;
const ABBREVIATION = /^[^\s-]*\p{Lu}[^\s-]*\p{Lu}[^\s-]*$/u;
const FUNCTION_WORDS = new Set('aan als bij de den der des door een en het in met na naar of om onder op over per te ten ter tot uit van voor zonder'.split(' '));

/** The plural of one word by the regular endings, or null. */
function pluralWord(w: string): string | null {
  if (w.length < 4) return null;
  if (w.endsWith('ing')) return `${w}en`;
  if (w.endsWith('heid')) return `${w.slice(0, -4)}heden`;
  if (/(?:[^aeiou]e|el|em|er|je|ie)$/u.test(w)) return `${w}s`;
  if (/[aiouy]$/u.test(w) && !/(?:aa|oo|uu|ei|ij|ui|ou|au|eu|oe)$/u.test(w)) return `${w}'s`;
  return null;
}

/** The plural of a form (the last word inflects), or null when no safe rule fits. */
export function ownPlural(form: string): string | null {
  if (ABBREVIATION.test(form)) return /[\p{L}\p{N}]$/u.test(form) && !/['’]s$/u.test(form) ? `${form}'s` : null;
  const words = form.split(' ');
  if (words.some((w) => FUNCTION_WORDS.has(w) || !LOWER_WORD.test(w))) return null;
  const last = words[words.length - 1] as string;
  const cut = last.lastIndexOf('-') + 1;
  const plural = pluralWord(last.slice(cut));
  if (plural === null) return null;
  return [...words.slice(0, -1), last.slice(0, cut) + plural].join(' ');
}
