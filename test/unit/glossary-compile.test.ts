import { describe, expect, it } from 'vitest';
import { GlossaryError } from '../../src/build/glossary-compile';
import { compileFiles, compileYaml, entryYaml } from './helpers';

/** Compiles and returns the problems, or [] when it compiles. */
function problems(yamlText: string) {
  try {
    compileYaml(yamlText);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(GlossaryError);
    return (err as GlossaryError).problems;
  }
}

describe('glossary compilation: valid input', () => {
  it('compiles entries, sorted by id, with abbreviation expansions defaulting to the term', () => {
    const g = compileYaml(entryYaml('b', 'beta') + entryYaml('a', 'alfa', '  abbreviations: [{form: AL}]\n'));
    expect(g.entries.map((e) => e.id)).toEqual(['a', 'b']);
    expect(g.entries[0]?.abbreviations).toEqual([{ form: 'AL', expansion: 'alfa' }]);
    expect(g.matcher.folded.al).toEqual(['a']);
  });
  it('puts case-sensitive forms in the exact table and others in the folded table', () => {
    const g = compileYaml(entryYaml('x', 'Iets Lang', '  abbreviations: [{form: XY, caseSensitive: true}]\n'));
    // "XY's" is the apostrophe plural the build generates for an abbreviation (inflect.ts).
    expect(g.matcher.exact).toEqual({ XY: ['x'], "XY's": ['x'] });
    expect(g.matcher.folded['iets lang']).toEqual(['x']);
  });
  it('does not match an English name with match: false', () => {
    const y = entryYaml('p', 'preventie').replace('name: p english name', 'name: prevention\n    match: false');
    expect(compileYaml(y).matcher.folded.prevention).toBeUndefined();
  });
});

describe('glossary compilation: the build rejects, naming file, entry and reason', () => {
  it('a missing field', () => {
    const p = problems(entryYaml('a', 'alfa').replace(/  definition: .*\n/, ''));
    expect(p).toEqual([{ file: 'glossary/test.yaml', id: 'a', reason: 'missing field "definition"' }]);
  });
  it('an unknown category', () => {
    const p = problems(entryYaml('a', 'alfa').replace('category: begrip', 'category: recept'));
    expect(p[0]?.id).toBe('a');
    expect(p[0]?.reason).toMatch(/unknown category "recept"/);
  });
  it('a duplicate id, across files', () => {
    try {
      compileFiles([
        { file: 'glossary/one.yaml', text: entryYaml('a', 'alfa') },
        { file: 'glossary/two.yaml', text: entryYaml('a', 'anders') },
      ]);
      expect.unreachable();
    } catch (err) {
      expect((err as GlossaryError).problems).toEqual([
        { file: 'glossary/two.yaml', id: 'a', reason: 'duplicate id (also in glossary/one.yaml)' },
      ]);
    }
  });
  it('a surface form claimed by two entries without a declared ambiguity', () => {
    const p = problems(entryYaml('a', 'alfa', '  abbreviations: [{form: AB}]\n') + entryYaml('b', 'beta', '  variants: [ab]\n'));
    expect(p.map((x) => x.id).sort()).toEqual(['a', 'b']);
    expect(p[0]?.reason).toMatch(/surface form "(AB|ab)" is claimed by a .*, b .* without "ambiguous: true"/);
  });
  it('accepts a form shared by two entries when both declare it ambiguous', () => {
    const amb = '  abbreviations: [{form: PGO, caseSensitive: true, ambiguous: true}]\n';
    expect(compileYaml(entryYaml('a', 'alfa', amb) + entryYaml('b', 'beta', amb)).matcher.exact.PGO).toEqual(['a', 'b']);
  });
  it('a related id that does not exist', () => {
    const p = problems(entryYaml('a', 'alfa').replace('related: []', 'related: [nergens]'));
    expect(p).toEqual([{ file: 'glossary/test.yaml', id: 'a', reason: 'related id "nergens" does not exist' }]);
  });
  it('a source that is not https', () => {
    const p = problems(entryYaml('a', 'alfa').replace('https://www.rijksoverheid.nl/', 'http://www.rijksoverheid.nl/'));
    expect(p[0]?.reason).toBe('sources[1].url "http://www.rijksoverheid.nl/" is not https');
  });
  it('a Dutch definition over 60 words', () => {
    const long = Array.from({ length: 61 }, (_, i) => `woord${i}`).join(' ');
    const p = problems(entryYaml('a', 'alfa').replace(/definition: Een korte .*\n/, `definition: ${long}\n`));
    expect(p[0]?.reason).toBe('Dutch definition has 61 words (at most 60)');
  });
  it('accepts a Dutch definition of exactly 60 words', () => {
    // Three sentences of 20 words: 60 words, none over the sentence limit.
    const sixty = Array.from({ length: 60 }, (_, i) => `${i % 20 === 0 ? 'Woord' : 'woord'}${i}${i % 20 === 19 ? '.' : ''}`).join(' ');
    expect(problems(entryYaml('a', 'alfa').replace(/definition: Een korte .*\n/, `definition: ${sixty}\n`))).toEqual([]);
  });
  it('a missing English name', () => {
    const p = problems(entryYaml('a', 'alfa').replace(/    name: .*\n/, ''));
    expect(p[0]?.reason).toBe('missing field "english.name"');
  });
  it('a missing English definition', () => {
    const p = problems(entryYaml('a', 'alfa').replace(/    definition: A short.*\n/, ''));
    expect(p[0]?.reason).toBe('missing field "english.definition"');
  });
  it('no English block at all', () => {
    const p = problems(entryYaml('a', 'alfa').replace(/  english:\n.*\n.*\n/, ''));
    expect(p[0]?.reason).toMatch(/missing field "english"/);
  });
  it('a malformed BWBR id, and a BWBR id without its wetten.overheid.nl source', () => {
    expect(problems(entryYaml('a', 'alfa', '  bwbr: BWBR12\n'))[0]?.reason).toMatch(/must look like BWBR0018450/);
    expect(problems(entryYaml('a', 'alfa', '  bwbr: BWBR0018450\n'))[0]?.reason).toMatch(/needs a source https:\/\/wetten.overheid.nl\/BWBR0018450/);
  });
  it('an invalid review date and an unknown field', () => {
    expect(problems(entryYaml('a', 'alfa').replace('2026-11-25', '2026-02-30'))[0]?.reason).toMatch(/not a date/);
    expect(problems(entryYaml('a', 'alfa', '  defintion: typo\n'))[0]?.reason).toBe('unknown field "defintion"');
  });
  it('invalid YAML names the file', () => {
    const p = problems('- id: a\n  term: [unclosed\n');
    expect(p[0]?.file).toBe('glossary/test.yaml');
    expect(p[0]?.reason).toMatch(/not valid YAML/);
  });
  it('the error message lists file, entry and reason on one line', () => {
    try {
      compileYaml(entryYaml('a', 'alfa').replace('category: begrip', 'category: x'));
    } catch (err) {
      expect((err as Error).message).toContain('glossary/test.yaml: entry "a": unknown category "x"');
    }
  });
});

describe('glossary compilation: case-sensitive forms', () => {
  it('keeps forms that differ only in case apart when both are case-sensitive', () => {
    const g = compileYaml(
      entryYaml('a', 'alfa', '  abbreviations: [{form: RVS, caseSensitive: true}]\n') +
        entryYaml('b', 'beta', '  abbreviations: [{form: RvS, caseSensitive: true}]\n'),
    );
    expect(g.matcher.exact).toEqual({ RVS: ['a'], RvS: ['b'] });
  });
  it('keeps two case-sensitive spellings within one entry', () => {
    const g = compileYaml(entryYaml('a', 'alfa', '  variants: [{form: GLI, caseSensitive: true}, {form: Gli, caseSensitive: true}]\n'));
    expect(g.matcher.exact).toEqual({ GLI: ['a'], Gli: ['a'], "GLI's": ['a'] });
  });
  it('a case-insensitive form clashes with a case-sensitive one of another entry', () => {
    expect(problems(entryYaml('a', 'alfa', '  abbreviations: [{form: RVS, caseSensitive: true}]\n') + entryYaml('b', 'beta', '  variants: [rvs]\n'))).toHaveLength(2);
  });
});
