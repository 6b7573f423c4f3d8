/**
 * Plain Dutch (issue 22, src/build/abbreviation-check.ts): the build lists the definitions that
 * use an abbreviation with no entry and no explanation, and, apart from those, abbreviations whose
 * entry is not among the definition's related terms. Both are warnings.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeAbbreviation } from '../../src/build/abbreviation-check';
import { compileYaml, entryYaml } from './helpers';

const TODAY = { today: '2026-12-01' };
/** An entry `a` with this definition (and `related`), plus the other entries given. */
const glossary = (def: string, related = '[]', others = '') =>
  entryYaml('a', 'alfa').replace(/definition: Een korte .*\n/, `definition: ${JSON.stringify(def)}\n`).replace('related: []', `related: ${related}`) + others;
const NZA = entryYaml('nza', 'Nederlandse Zorgautoriteit', '  abbreviations:\n    - form: NZa\n      caseSensitive: true\n');
const WET_BIG = entryYaml('wet-big', 'Wet op de beroepen in de individuele gezondheidszorg', '  variants: [Wet BIG]\n');
const reasons = (yamlText: string) => compileYaml(yamlText, 'glossary/test.yaml', TODAY).report.warnings.map((w) => `${w.id}: ${w.reason}`);

describe('what looks like an abbreviation', () => {
  it.each([
    ['SEH', true],
    ['ROAZ', true],
    ['NZa', true],
    ['HoNOS+', true],
    ['eIDAS', true],
    ['ActiZ', true],
    ['Zvw', false],
    ['ChristenUnie', false],
    ['II', false],
    ['IV', false],
    ['zorg', false],
  ])('%s: %s', (word, yes) => {
    expect(looksLikeAbbreviation(word)).toBe(yes);
  });
});

describe('abbreviations without an entry', () => {
  it('lists one that is neither a form of an entry nor explained, once per definition', () => {
    expect(reasons(glossary('De SEH helpt bij spoed. Ook de SEH-arts helpt.'))).toEqual(['a: abbreviation "SEH" has no entry and is not explained in the definition']);
  });
  it.each([
    'De spoedeisende hulp (SEH) helpt bij spoed.',
    'De SEH (spoedeisende hulp) helpt bij spoed.',
    'De SEH helpt bij spoed. SEH staat voor spoedeisende hulp.',
    'De hulp bij spoed (afgekort: SEH) is er altijd.',
    'Het tweede deel (deel II) gaat over geld.',
  ])('does not list an explained one, or one inside a form: "%s"', (def) => {
    expect(reasons(glossary(def))).toEqual([]);
  });
  it('lists "HoNOS+" and "NZa" alike (capitals with a small letter or a plus)', () => {
    expect(reasons(glossary('De HoNOS+ meet hoe het gaat, de RvT ziet toe.'))).toEqual([
      'a: abbreviation "HoNOS+" has no entry and is not explained in the definition',
      'a: abbreviation "RvT" has no entry and is not explained in the definition',
    ]);
  });
  it("does not list an entry's own abbreviation in its own definition, also with a number after it", () => {
    expect(reasons(NZA.replace('Een korte uitleg van Nederlandse Zorgautoriteit.', 'De NZa ziet toe op de zorgmarkt.'))).toEqual([]);
    const vv = entryYaml('zorgprofiel-vv', 'zorgprofiel VV', '  abbreviations:\n    - form: VV\n      caseSensitive: true\n');
    expect(reasons(vv.replace('Een korte uitleg van zorgprofiel VV.', 'De profielen VV4 tot en met VV9b.'))).toEqual([]);
  });
});

describe('abbreviations whose entry is not related', () => {
  it('lists an abbreviation of another entry that is not in related, apart from those without entry', () => {
    expect(reasons(glossary('De NZa stelt tarieven vast.', '[]', NZA))).toEqual(['a: abbreviation "NZa" has an entry (nza) that is not in related']);
  });
  it('says nothing once the entry is related, or when the definition explains the abbreviation', () => {
    expect(reasons(glossary('De NZa stelt tarieven vast.', '[nza]', NZA))).toEqual([]);
    expect(reasons(glossary('De Nederlandse Zorgautoriteit (NZa) stelt tarieven vast.', '[]', NZA))).toEqual([]);
  });
  it('finds the entry of a form of several words the abbreviation stands in (Wet BIG)', () => {
    expect(reasons(glossary('De Wet BIG regelt beroepen.', '[]', WET_BIG))).toEqual(['a: abbreviation "BIG" has an entry (wet-big) that is not in related']);
    expect(reasons(glossary('De Wet BIG regelt beroepen.', '[wet-big]', WET_BIG))).toEqual([]);
  });
  it('finds the entry of a written word as a whole (BIG-register, V&VN) and of an apostrophe plural', () => {
    const big = entryYaml('big-register', 'BIG-register', '  termCaseSensitive: true\n');
    const venvn = entryYaml('venvn', 'Verpleegkundigen & Verzorgenden Nederland', '  abbreviations:\n    - form: V&VN\n      caseSensitive: true\n');
    expect(reasons(glossary("Het BIG-register, de V&VN en twee NZa's.", '[]', big + NZA + venvn))).toEqual([
      'a: abbreviation "BIG-register" has an entry (big-register) that is not in related',
      'a: abbreviation "V&VN" has an entry (venvn) that is not in related',
      'a: abbreviation "NZa" has an entry (nza) that is not in related',
    ]);
  });
});
