/**
 * The build's checks on the facts and the language of a definition (issues 13 and 22): a review
 * date that is a real date, not in the future and not older than a year; a `checkAgain` date
 * that has not passed; every changing figure tied to a year, and that year recent; and short
 * Dutch sentences (taalniveau B1). Each problem names the file, the entry and the reason.
 */
import type { Entry } from '../common/glossary-types';
import type { GlossaryProblem } from './glossary-entry';

/** A Dutch sentence over this many words is too long for taalniveau B1. */
export const MAX_SENTENCE_WORDS = 20;

/** An entry whose `reviewed` date lies more than this many months back is due for a new check. */
export const REVIEW_MONTHS = 12;

/**
 * A figure that changes over time: an amount in euros, a percentage, or millions and billions.
 * Plain counts ("twee wetten", "25 regio's") and numbers in names ("Wet 2015") are not figures.
 */
const FIGURE = /€\s?\d|\d\s?(%|procent\b|per ?cent\b|euro\b)|\b(miljard|miljoen|mld|mln|billion|million)\b|\beuro\b/iu;
const YEARS = /\b(?:19|20)\d{2}\b/gu;

/**
 * Splits a definition into sentences: at ., ! or ? followed by a space and a capital, a digit or
 * an opening mark. Abbreviations with a dot inside a sentence ("o.a. de", "bijv. een") are not
 * followed by a capital, so they do not split.
 */
export function sentences(text: string): string[] {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .split(/(?<=[.!?])\s+(?=[\p{Lu}\d"'‘“(€])/u)
    .filter((s) => s !== '');
}

export const sentenceWords = (s: string): number => s.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** The most recent year (19xx or 20xx) a sentence names, or null. */
export function latestYear(s: string): number | null {
  let latest: number | null = null;
  for (const m of s.matchAll(YEARS)) latest = Math.max(latest ?? 0, Number(m[0]));
  return latest;
}

/** `date` (YYYY-MM-DD) moved `months` months back; the day stays (string comparison is enough). */
export function monthsBefore(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}${date.slice(7)}`;
}

export type Severity = 'error' | 'warn';

/** The checks whose severity can be chosen; the rest are fixed (dates: error; age: warning). */
export type SeverityOptions = { figureYear: Severity; figureAge: Severity; sentenceLength: Severity };

/**
 * How the build treats each check by default: 'error' stops the build. 'warn' exists for a
 * glossary being migrated: the build then lists the entries and goes on.
 */
export const DEFAULT_SEVERITY: SeverityOptions = { figureYear: 'error', figureAge: 'error', sentenceLength: 'error' };

export interface FactCheckOptions extends SeverityOptions {
  /** Today's date, YYYY-MM-DD: `reviewed` may not be later; figures and dates are judged against it. */
  today: string;
}

/** How each kind of warning's reason reads (the build counts the warnings by kind). */
export const WARNING_KINDS = {
  reviewed: /^reviewed \S+ is more than/u,
  checkAgain: /^checkAgain \S+ has passed/u,
  figureAge: /gives a figure of \d{4}, more than a year back/u,
  figureYear: /gives a figure without a year/u,
  sentence: /^Dutch sentence of /u,
  noEntry: /^abbreviation "[^"]+" has no entry/u,
  notRelated: /^abbreviation "[^"]+" has an entry/u,
} as const;

export function checkFacts(entry: Entry, file: string, opts: FactCheckOptions, problems: GlossaryProblem[], warnings: GlossaryProblem[]): void {
  const report = (severity: Severity, reason: string) => (severity === 'error' ? problems : warnings).push({ file, id: entry.id, reason });
  if (entry.reviewed > opts.today) report('error', `reviewed ${entry.reviewed} is after today (${opts.today})`);
  else if (entry.reviewed < monthsBefore(opts.today, REVIEW_MONTHS)) {
    report('warn', `reviewed ${entry.reviewed} is more than ${REVIEW_MONTHS} months before today (${opts.today}): check the entry again`);
  }
  if (entry.checkAgain !== undefined && entry.checkAgain < opts.today) {
    report('warn', `checkAgain ${entry.checkAgain} has passed (today ${opts.today}): check the changing claim again`);
  }
  // A yearly figure may name last year at the oldest: in 2026, a figure of 2024 is out of date.
  const oldest = Number(opts.today.slice(0, 4)) - 1;
  const texts: [string, string][] = [
    ['Dutch definition', entry.definition],
    ['English definition', entry.en.definition],
  ];
  for (const [label, text] of texts) {
    for (const s of sentences(text)) {
      if (!FIGURE.test(s)) continue;
      const year = latestYear(s);
      if (year === null) report(opts.figureYear, `${label} gives a figure without a year in the same sentence: "${s}"`);
      else if (year < oldest) report(opts.figureAge, `${label} gives a figure of ${year}, more than a year back (a figure of ${oldest} or later): "${s}"`);
    }
  }
  for (const s of sentences(entry.definition)) {
    const n = sentenceWords(s);
    if (n <= MAX_SENTENCE_WORDS) continue;
    report(opts.sentenceLength, `Dutch sentence of ${n} words (at most ${MAX_SENTENCE_WORDS}): "${s}"`);
  }
}

/**
 * The warnings as the build prints them: a count per kind, and with `all` every warning (else
 * only the kinds that are few: a passed checkAgain, an old figure).
 */
export function warningSummary(warnings: readonly GlossaryProblem[], all: boolean): string[] {
  const kindOf = (p: GlossaryProblem) => (Object.entries(WARNING_KINDS).find(([, re]) => re.test(p.reason))?.[0] ?? 'other') as keyof typeof WARNING_KINDS | 'other';
  const listed = all ? warnings : warnings.filter((p) => ['checkAgain', 'figureAge', 'figureYear', 'other'].includes(kindOf(p)));
  const lines = listed.map((p) => `  ${p.file}: entry "${p.id}": ${p.reason}`);
  const count = (k: ReturnType<typeof kindOf>) => {
    const list = warnings.filter((p) => kindOf(p) === k);
    return { n: list.length, entries: new Set(list.map((p) => p.id)).size };
  };
  const summary: [ReturnType<typeof kindOf>, string][] = [
    ['reviewed', `reviewed more than ${REVIEW_MONTHS} months ago`],
    ['checkAgain', 'checkAgain date passed'],
    ['figureAge', 'figures of a year more than a year back'],
    ['figureYear', 'figures without a year'],
    ['sentence', `Dutch sentences over ${MAX_SENTENCE_WORDS} words`],
    ['noEntry', 'abbreviations in a definition with no entry and no explanation'],
    ['notRelated', 'abbreviations with an entry that is not in related'],
    ['other', 'other warnings'],
  ];
  const counts = summary.map(([k, label]) => ({ ...count(k), label })).filter((c) => c.n > 0);
  if (counts.length === 0) return lines;
  return [
    ...(lines.length > 0 ? ['Glossary warnings:', ...lines] : []),
    `Glossary: ${counts.map((c) => `${c.n} ${c.label} (${c.entries} entries)`).join('; ')}.${all ? '' : ' IZA_GLOSSARY_REPORT=1 lists them all.'}`,
  ];
}
