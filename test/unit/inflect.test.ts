/**
 * The inflection generator (src/build/inflect.ts) with the OpenTaal word list, and the way the
 * build uses it: per-entry overrides, and generated forms that never take another entry's form.
 */
import { describe, expect, it } from 'vitest';
import { checkWord, inflectForm, nounPlurals, type FormKind } from '../../src/build/inflect';
import { compileYaml, entryYaml, loadFullGlossary, wordList } from './helpers';
import { createMatcher } from '../../src/engine/matcher';

const words = wordList();
const forms = (text: string, kind: FormKind = 'term') => inflectForm(text, kind, { words }).map((g) => g.form);

describe('inflections: regular and irregular Dutch forms', () => {
  it('apostrophe plural after a vowel: werkagenda -> werkagenda\'s', () => {
    expect(forms('werkagenda')).toContain("werkagenda's");
    expect(forms('eigen risico')).toContain("eigen risico's");
  });
  it('-s after an unstressed ending: zorgverzekeraar, vrijwilliger, wijkteam (a loan word)', () => {
    expect(forms('zorgverzekeraar')).toContain('zorgverzekeraars');
    expect(forms('vrijwilliger')).toContain('vrijwilligers');
    expect(forms('wijkteam')).toContain('wijkteams');
    expect(forms('wijkteam')).not.toContain('wijkteamen');
  });
  it('-en with spelling changes: ziekenhuis -> ziekenhuizen, tarief -> tarieven, budget -> budgetten, zorgkantoor -> zorgkantoren', () => {
    expect(forms('ziekenhuis')).toContain('ziekenhuizen');
    expect(forms('ziekenhuis')).not.toContain('ziekenhuisen');
    expect(forms('tarief')).toContain('tarieven');
    expect(forms('budget')).toContain('budgetten');
    expect(forms('zorgkantoor')).toContain('zorgkantoren');
  });
  it('both plurals of a word in -e: gemeente -> gemeenten, gemeentes', () => {
    expect(forms('gemeente')).toEqual(expect.arrayContaining(['gemeenten', 'gemeentes']));
  });
  it('inflected adjectives: laagdrempelig steunpunt -> laagdrempelige steunpunten', () => {
    const f = forms('laagdrempelig steunpunt');
    expect(f).toEqual(expect.arrayContaining(['laagdrempelige steunpunten', 'laagdrempelige steunpunt']));
    // Before a plural the adjective always inflects.
    expect(f).not.toContain('laagdrempelig steunpunten');
    expect(forms('mentaal gezondheidscentrum')).toContain('mentale gezondheidscentrum');
  });
  it('passende zorg stays: the adjective has no other form, and "zorgen" is a verb, not a plural', () => {
    expect(forms('passende zorg').filter((f) => !f.endsWith('je') && !f.endsWith('jes'))).toEqual([]);
    expect(forms('zorg')).not.toContain('zorgen');
    expect(checkWord('zorg', 'zorgen', true, words)).toMatch(/word of its own/);
  });
  it('never a different everyday word: bedrag -/-> bedragen (verb), plan -/-> plannen (verb)', () => {
    expect(forms('bedrag')).not.toContain('bedragen');
    expect(forms('plan')).not.toContain('plannen');
    // As the last part of a compound the plural is safe: "zorgplannen" is no verb.
    expect(forms('zorgplan')).toContain('zorgplannen');
  });
  it('kind -> kinderen is not made by rule (the rule would say "kinden"): it needs plural: in the data', () => {
    expect(nounPlurals('kind').map((c) => c.form)).toContain('kinden');
    expect(forms('kind')).not.toContain('kinden');
    expect(forms('kind')).not.toContain('kinderen');
  });
  it('diminutives the dictionary confirms: -je, -tje, -pje, -etje', () => {
    expect(forms('kind')).toContain('kindje');
    expect(forms('wijkteam')).toContain('wijkteampje');
    expect(forms('plan')).toContain('plannetje');
    expect(forms('premie')).toContain('premietje');
  });
  it('abbreviations take only the apostrophe plural: pgb -> pgb\'s, GGD -> GGD\'s', () => {
    expect(forms('pgb', 'abbreviation')).toEqual(["pgb's"]);
    expect(forms('GGD', 'variant')).toEqual(["GGD's"]);
  });
  it('no rule for phrases, names, English forms or words that are already plurals', () => {
    expect(forms('zorg dichtbij huis')).toEqual([]);
    expect(forms('Zorginstituut Nederland')).toEqual([]);
    expect(forms('mental health care', 'english')).toEqual([]);
    expect(forms('apothekers', 'variant')).toEqual([]);
  });
  it('the genitive -s of a one-word organisation name', () => {
    expect(inflectForm('Vilans', 'term', { words, genitive: true })).toEqual([]);
    expect(inflectForm('Nivel', 'term', { words, genitive: true }).map((g) => g.form)).toEqual(['Nivels']);
  });
});

describe('inflections in the build', () => {
  const found = (yaml: string, text: string) => {
    const m = createMatcher(compileYaml(yaml).matcher);
    return m.find(text).map((x) => `${text.slice(x.start, x.end)}=${x.ids.join('+')}`);
  };
  it('matches generated forms on the page, both apostrophes', () => {
    expect(found(entryYaml('werkagenda', 'werkagenda'), 'De werkagenda’s en werkagenda\'s.')).toEqual(["werkagenda’s=werkagenda", "werkagenda's=werkagenda"]);
  });
  it('inflect: false on the entry or on a form makes none', () => {
    expect(found(entryYaml('a', 'gemeente', '  inflect: false\n'), 'De gemeenten.')).toEqual([]);
    expect(found(entryYaml('a', 'wijkbeeld', '  variants: [{form: gemeente, inflect: false}]\n'), 'De gemeenten en wijkbeelden.')).toEqual(['wijkbeelden=a']);
  });
  it('plural: replaces the rule for the term; inflections: adds forms as typed', () => {
    const y = entryYaml('kind', 'kind', '  plural: kinderen\n  inflections: [kindertjes]\n');
    expect(found(y, 'Kinderen, kindertjes, kindje.')).toEqual(['Kinderen=kind', 'kindertjes=kind', 'kindje=kind']);
  });
  it('a generated form never takes a form another entry lists, and one generated twice goes to neither', () => {
    const y = entryYaml('a', 'zorgteam') + entryYaml('b', 'teamzorg', '  variants: [zorgteams]\n');
    expect(found(y, 'De zorgteams.')).toEqual(['zorgteams=b']);
    const g = compileYaml(y);
    expect(g.report.dropped.some((d) => d.includes('zorgteams: listed by b'))).toBe(true);
    // "zorgnetwerken" from "zorgnetwerk" (a), and from "zorgnetwerke" (b: a form the dictionary does not know).
    const twice = compileYaml(entryYaml('a', 'zorgnetwerk') + entryYaml('b', 'zorgpunt', '  variants: [zorgnetwerke]\n'));
    expect(twice.matcher.folded.zorgnetwerken).toBeUndefined();
    expect(twice.report.dropped).toContain('a, b: zorgnetwerken: generated by more than one entry');
  });
  it('a form both entries declare ambiguous shares its generated forms too', () => {
    const amb = '  abbreviations: [{form: PGO, caseSensitive: true, ambiguous: true}]\n';
    expect(compileYaml(entryYaml('a', 'alfa', amb) + entryYaml('b', 'beta', amb)).matcher.exact["PGO's"]).toEqual(['a', 'b']);
  });
  it('on the real glossary: none of its generated forms is a different word of the dictionary', () => {
    const g = loadFullGlossary();
    expect(g.report.generated.length).toBeGreaterThan(300);
    for (const line of g.report.generated) {
      const form = line.slice(line.indexOf(': ') + 2).toLowerCase();
      if (form.includes(' ') || form.includes('-') || form.includes("'")) continue;
      // A generated one-word form the dictionary knows is a form of the same word, never a verb or
      // an adjective of its own ("zorgen", "bedragen").
      expect(words.linesOf(form).flat().filter((f) => f[0] === 'V' || f[0] === 'A'), form).toEqual([]);
    }
  });
});
