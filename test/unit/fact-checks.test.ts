/**
 * The build's fact checks (src/build/fact-checks.ts) on small inline glossaries: review date (in
 * the future: error; over 12 months back: warning), checkAgain passed (warning), figure without a
 * year, figure of a year more than a year back, and Dutch sentences over 20 words.
 */
import { describe, expect, it } from 'vitest';
import { GlossaryError, type CompileOptions } from '../../src/build/glossary-compile';
import { latestYear, monthsBefore, sentences, warningSummary } from '../../src/build/fact-checks';
import { compileYaml, entryYaml, loadFullGlossary } from './helpers';

const STRICT: CompileOptions = { today: '2026-12-01', severity: { figureYear: 'error', figureAge: 'error', sentenceLength: 'error' } };

/** The problems the build stops on, or [] when it compiles. */
function problems(yamlText: string, options: CompileOptions = STRICT) {
  try {
    compileYaml(yamlText, 'glossary/test.yaml', options);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(GlossaryError);
    return (err as GlossaryError).problems;
  }
}
const withDefinition = (def: string) => entryYaml('a', 'alfa').replace(/definition: Een korte .*\n/, `definition: ${def}\n`);
/** The warnings of a glossary that compiles (as the build reports them). */
const warnings = (yamlText: string, options: CompileOptions = STRICT) => compileYaml(yamlText, 'glossary/test.yaml', options).report.warnings;
const reviewedOn = (date: string, extra = '') => entryYaml('a', 'alfa', extra).replace('2026-11-25', date);

describe('fact check: reviewed', () => {
  it('rejects a date after today, naming file, entry and reason', () => {
    expect(problems(entryYaml('a', 'alfa').replace('2026-11-25', '2026-12-02'))).toEqual([
      { file: 'glossary/test.yaml', id: 'a', reason: 'reviewed 2026-12-02 is after today (2026-12-01)' },
    ]);
  });
  it('accepts today, and rejects a date that does not exist', () => {
    expect(problems(entryYaml('a', 'alfa').replace('2026-11-25', '2026-12-01'))).toEqual([]);
    expect(problems(entryYaml('a', 'alfa').replace('2026-11-25', '2026-11-31'))[0]?.reason).toMatch(/not a date/);
  });
});

describe('fact check: reviewed more than 12 months ago', () => {
  it('warns for a date more than 12 months before today, not for one exactly 12 months back', () => {
    expect(warnings(reviewedOn('2025-11-30'))).toEqual([
      { file: 'glossary/test.yaml', id: 'a', reason: 'reviewed 2025-11-30 is more than 12 months before today (2026-12-01): check the entry again' },
    ]);
    expect(warnings(reviewedOn('2025-12-01'))).toEqual([]);
    expect(warnings(reviewedOn('2026-06-01'))).toEqual([]);
  });
  it('is a warning, not an error: the build goes on', () => {
    expect(problems(reviewedOn('2020-01-01'))).toEqual([]);
  });
  it('counts months on the calendar, across a year and at a month end', () => {
    expect(monthsBefore('2026-12-08', 12)).toBe('2025-12-08');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
    expect(monthsBefore('2026-03-31', 25)).toBe('2024-02-31'); // compared as text: after 2024-02-29
  });
});

describe('fact check: checkAgain', () => {
  it('warns once today is past the date', () => {
    expect(warnings(reviewedOn('2026-11-25', '  checkAgain: 2026-11-30\n'))).toEqual([
      { file: 'glossary/test.yaml', id: 'a', reason: 'checkAgain 2026-11-30 has passed (today 2026-12-01): check the changing claim again' },
    ]);
  });
  it('says nothing on the day itself or before it, and keeps the date on the entry', () => {
    expect(warnings(reviewedOn('2026-11-25', '  checkAgain: 2026-12-01\n'))).toEqual([]);
    const g = compileYaml(reviewedOn('2026-11-25', '  checkAgain: 2027-07-01\n'), 'glossary/test.yaml', STRICT);
    expect(g.report.warnings).toEqual([]);
    expect(g.entries[0]?.checkAgain).toBe('2027-07-01');
  });
  it('rejects a date that does not exist', () => {
    expect(problems(reviewedOn('2026-11-25', '  checkAgain: 2027-02-30\n'))[0]?.reason).toMatch(/^checkAgain "2027-02-30" is not a date/);
  });
});

describe('fact check: a yearly figure of a year more than a year back', () => {
  // Today is in 2026: a figure of 2025 is recent enough, one of 2024 is not.
  it.each([
    ['In 2024 was het eigen risico 385 euro.', 2024],
    ['Bij de start in 2022 ging het om € 2,8 miljard.', 2022],
    ['Voor 2019-2022 kwam er 471 miljoen euro bij.', 2022],
    ['In 2025 was het eigen risico 385 euro.', null],
    ['Sinds 2015 steeg de premie; in 2026 met 4,5%.', null],
    ['Het akkoord loopt van 2023 tot 2028 en kost 2,8 miljard euro.', null],
    ['De Wet van 2015 kent 25 regio\'s.', null],
  ])('"%s": stale year %s', (def, year) => {
    const p = problems(withDefinition(def));
    expect(p.map((x) => x.reason)).toEqual(year === null ? [] : [`Dutch definition gives a figure of ${year}, more than a year back (a figure of 2025 or later): "${def}"`]);
  });
  it('checks the English definition too', () => {
    const p = problems(entryYaml('a', 'alfa').replace('A short explanation.', 'About 101 billion euros in 2019.'));
    expect(p[0]?.reason).toMatch(/^English definition gives a figure of 2019, more than a year back/);
  });
  it('moves with today: in 2027, a figure of 2025 is out of date', () => {
    expect(problems(reviewedOn('2026-11-25').replace(/definition: Een korte .*\n/, 'definition: In 2025 ging 3 miljard euro naar de zorg.\n'), { ...STRICT, today: '2027-01-02' })).toHaveLength(1);
  });
  it('rejects under the default severity: the build stops naming the file and the entry', () => {
    expect(() => compileYaml(withDefinition('In 2024 was het eigen risico 385 euro.'), 'glossary/test.yaml', { today: '2026-12-01' })).toThrow(/glossary\/test\.yaml: entry "a": Dutch definition gives a figure of 2024/);
  });
  it('warns instead when asked (severity "warn")', () => {
    const w = warnings(withDefinition('In 2024 was het eigen risico 385 euro.'), { ...STRICT, severity: { figureAge: 'warn' } });
    expect(w.map((x) => x.reason)).toEqual([expect.stringMatching(/figure of 2024, more than a year back/)]);
  });
  it('reads the most recent year of a sentence', () => {
    expect(latestYear('Van 2019 tot en met 2022, daarna 2026.')).toBe(2026);
    expect(latestYear('Geen jaar, wel 385 euro.')).toBeNull();
  });
});

describe('fact check: a figure needs a year in the same sentence', () => {
  it.each([
    ['Het eigen risico is 385 euro.', true],
    ['Het eigen risico is € 385.', true],
    ['In totaal ging het om 2,8 miljard.', true],
    ['De premie steeg met 4,5%.', true],
    ['Het eigen risico is in 2026 385 euro.', false],
    ['Sinds 2025 ging er 2,8 miljard euro naar de regio.', false],
    ['Er zijn 25 regio\'s en twee wetten.', false],
  ])('"%s" rejected: %s', (def, rejected) => {
    const p = problems(withDefinition(def));
    expect(p.length > 0).toBe(rejected);
    if (rejected) expect(p[0]?.reason).toBe(`Dutch definition gives a figure without a year in the same sentence: "${def}"`);
  });
  it('a year in another sentence does not count', () => {
    expect(problems(withDefinition('Het akkoord is van 2026. Er ging 2,8 miljard euro naar toe.'))).toHaveLength(1);
  });
  it('checks the English definition too', () => {
    const p = problems(entryYaml('a', 'alfa').replace('A short explanation.', 'About 2.8 billion euros.'));
    expect(p[0]?.reason).toMatch(/^English definition gives a figure without a year/);
  });
});

describe('fact check: Dutch sentences of at most 20 words', () => {
  const words = (n: number) => ['Dit', ...Array.from({ length: n - 1 }, (_, i) => `woord${i}`)].join(' ');
  it('rejects a sentence of 21 words, accepts 20', () => {
    expect(problems(withDefinition(`${words(21)}.`))[0]?.reason).toMatch(/^Dutch sentence of 21 words \(at most 20\)/);
    expect(problems(withDefinition(`${words(20)}. ${words(20)}.`))).toEqual([]);
  });
  it('splits sentences at . ! ? before a capital, not at "bijv." or "2,8"', () => {
    expect(sentences('Dit is een. Dat is twee! Kan het? Ja, bijv. een wet van 2,8 miljard.')).toEqual(['Dit is een.', 'Dat is twee!', 'Kan het?', 'Ja, bijv. een wet van 2,8 miljard.']);
  });
  it('rejects under the default severity: the build stops naming the file and the entry', () => {
    expect(() => compileYaml(withDefinition(`${words(25)}.`), 'glossary/test.yaml', { today: '2026-12-01' })).toThrow(/glossary\/test\.yaml: entry "a": Dutch sentence of 25 words/);
  });
  it('warns instead when asked (severity "warn"), and the build reports it', () => {
    const g = compileYaml(withDefinition(`${words(25)}.`), 'glossary/test.yaml', { today: '2026-12-01', severity: { figureYear: 'warn', sentenceLength: 'warn' } });
    expect(g.report.warnings).toHaveLength(1);
    expect(g.report.warnings[0]?.id).toBe('a');
  });
});

describe('the warning summary the build prints', () => {
  const w = (id: string, reason: string) => ({ file: 'glossary/test.yaml', id, reason });
  const list = [
    w('a', 'reviewed 2025-01-01 is more than 12 months before today (2026-12-01): check the entry again'),
    w('a', 'checkAgain 2026-11-30 has passed (today 2026-12-01): check the changing claim again'),
    w('b', 'abbreviation "SEH" has no entry and is not explained in the definition'),
    w('c', 'abbreviation "ROAZ" has no entry and is not explained in the definition'),
    w('c', 'abbreviation "NZa" has an entry (nza) that is not in related'),
  ];
  it('counts each kind, and lists only the few kinds unless asked for all', () => {
    const short = warningSummary(list, false);
    expect(short).toEqual([
      'Glossary warnings:',
      '  glossary/test.yaml: entry "a": checkAgain 2026-11-30 has passed (today 2026-12-01): check the changing claim again',
      'Glossary: 1 reviewed more than 12 months ago (1 entries); 1 checkAgain date passed (1 entries); 2 abbreviations in a definition with no entry and no explanation (2 entries); 1 abbreviations with an entry that is not in related (1 entries). IZA_GLOSSARY_REPORT=1 lists them all.',
    ]);
    expect(warningSummary(list, true)).toHaveLength(list.length + 2);
    expect(warningSummary([], true)).toEqual([]);
  });
});

describe('fact checks on the real glossary', () => {
  // The checks that are errors pass on the real glossary (it compiles); what is left are the
  // warnings that list work for the editors: abbreviations, and dates to check again.
  const g = loadFullGlossary({ today: '2026-12-08' });
  it('compiles, with only listing warnings', () => {
    const kinds = /^(abbreviation "|reviewed \S+ is more than|checkAgain \S+ has passed)/u;
    expect(g.report.warnings.filter((p) => !kinds.test(p.reason))).toEqual([]);
  });
});
