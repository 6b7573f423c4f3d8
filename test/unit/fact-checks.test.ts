/**
 * The build's fact checks (src/build/fact-checks.ts) on small inline glossaries: review date,
 * figure without a year, and Dutch sentences over 20 words.
 */
import { describe, expect, it } from 'vitest';
import { GlossaryError, type CompileOptions } from '../../src/build/glossary-compile';
import { sentences } from '../../src/build/fact-checks';
import { compileYaml, entryYaml, loadFullGlossary } from './helpers';

const STRICT: CompileOptions = { today: '2026-12-01', severity: { figureYear: 'error', sentenceLength: 'error' } };

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

describe('fact check: a figure needs a year in the same sentence', () => {
  it.each([
    ['Het eigen risico is 385 euro.', true],
    ['Het eigen risico is € 385.', true],
    ['In totaal ging het om 2,8 miljard.', true],
    ['De premie steeg met 4,5%.', true],
    ['Het eigen risico is in 2026 385 euro.', false],
    ['Sinds 2023 ging er 2,8 miljard euro naar de regio.', false],
    ['Er zijn 25 regio\'s en twee wetten.', false],
  ])('"%s" rejected: %s', (def, rejected) => {
    const p = problems(withDefinition(def));
    expect(p.length > 0).toBe(rejected);
    if (rejected) expect(p[0]?.reason).toBe(`Dutch definition gives a figure without a year in the same sentence: "${def}"`);
  });
  it('a year in another sentence does not count', () => {
    expect(problems(withDefinition('Het akkoord is van 2022. Er ging 2,8 miljard euro naar toe.'))).toHaveLength(1);
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

describe('fact checks on the real glossary', () => {
  // The checks are errors: the real glossary compiles with no sentence over 20 words and no
  // figure without a year, and reports no warnings.
  const g = loadFullGlossary({ today: '2026-12-01' });
  it('has no warnings left', () => {
    expect(g.report.warnings).toEqual([]);
  });
});
