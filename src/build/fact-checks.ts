/**
 * The build's checks on the facts and the language of a definition (issue 13): a review date
 * that is a real date and not in the future, every changing figure tied to a year, and short
 * Dutch sentences (taalniveau B1). Each problem names the file, the entry and the reason.
 */
import type { Entry } from '../common/glossary-types';
import type { GlossaryProblem } from './glossary-entry';

/** A Dutch sentence over this many words is too long for taalniveau B1. */
export const MAX_SENTENCE_WORDS = 20;

/**
 * A figure that changes over time: an amount in euros, a percentage, or millions and billions.
 * Plain counts ("twee wetten", "25 regio's") and numbers in names ("Wet 2015") are not figures.
 */
const FIGURE = /€\s?\d|\d\s?(%|procent\b|per ?cent\b|euro\b)|\b(miljard|miljoen|mld|mln|billion|million)\b|\beuro\b/iu;
const YEAR = /\b(19|20)\d{2}\b/u;

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

export type Severity = 'error' | 'warn';

/**
 * How the build treats each check by default: both stop the build (the glossary of 2026-12-01
 * passes them). 'warn' exists for a glossary being migrated: the build then lists the entries.
 */
export const DEFAULT_SEVERITY: { figureYear: Severity; sentenceLength: Severity } = { figureYear: 'error', sentenceLength: 'error' };

export interface FactCheckOptions {
  /** Today's date, YYYY-MM-DD: `reviewed` may not be later. */
  today: string;
  /** 'error' rejects a figure without a year; 'warn' only reports it. */
  figureYear: Severity;
  /** 'error' rejects a long Dutch sentence; 'warn' only reports it. */
  sentenceLength: Severity;
}

export function checkFacts(entry: Entry, file: string, opts: FactCheckOptions, problems: GlossaryProblem[], warnings: GlossaryProblem[]): void {
  const report = (severity: Severity, reason: string) => (severity === 'error' ? problems : warnings).push({ file, id: entry.id, reason });
  if (entry.reviewed > opts.today) report('error', `reviewed ${entry.reviewed} is after today (${opts.today})`);
  const texts: [string, string][] = [
    ['Dutch definition', entry.definition],
    ['English definition', entry.en.definition],
  ];
  for (const [label, text] of texts) {
    for (const s of sentences(text)) {
      if (FIGURE.test(s) && !YEAR.test(s)) report(opts.figureYear, `${label} gives a figure without a year in the same sentence: "${s}"`);
    }
  }
  for (const s of sentences(entry.definition)) {
    const n = sentenceWords(s);
    if (n <= MAX_SENTENCE_WORDS) continue;
    report(opts.sentenceLength, `Dutch sentence of ${n} words (at most ${MAX_SENTENCE_WORDS}): "${s}"`);
  }
}
