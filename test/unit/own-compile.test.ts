/** Own terms compiled beside the bundled glossary (issue 20): matching, collisions, case, plurals, topic gate. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileYaml } from './helpers';
import { collisions, compileOwn, formsOfTerm } from '../../src/compiler/own-compile';
import { ownPlural } from '../../src/compiler/own-plurals';
import { createMatcher } from '../../src/engine/matcher';
import type { Collection, OwnTerm } from '../../src/common/own-terms';

const mini = readFileSync(new URL('../fixtures/glossary/mini.yaml', import.meta.url), 'utf8');
const base = compileYaml(mini).matcher;

const term = (id: string, t: string, extra: Partial<OwnTerm> = {}): OwnTerm => ({ id, term: t, abbreviations: [], variants: [], definition: `Uitleg van ${t}.`, caseSensitive: false, ...extra });
const coll = (id: string, terms: OwnTerm[], extra: Partial<Collection> = {}): Collection => ({
  id, name: `Verzameling ${id}`, origin: 'import', enabled: true, onlyCareSites: false, created: '', updated: '', count: terms.length, terms, ...extra,
});

function found(cols: Collection[], text: string): string[] {
  const m = createMatcher(compileOwn(base, cols).matcher);
  return m.find(text).map((x) => `${text.slice(x.start, x.end)}=${x.ids.join('+')}`);
}

describe('own terms beside the bundled glossary', () => {
  it('finds own terms, their abbreviations, variants and English name', () => {
    const c = coll('c1', [term('vsp', 'Voorbeeldstads Sociaal Plan', { abbreviations: ['VSP'], variants: ['sociaal plan Voorbeeldstad'], en: { name: 'Example City Social Plan' } })]);
    expect(found([c], 'Het VSP en het Voorbeeldstads Sociaal Plan; Example City Social Plan.')).toEqual([
      'VSP=own:c1:vsp',
      'Voorbeeldstads Sociaal Plan=own:c1:vsp',
      'Example City Social Plan=own:c1:vsp',
    ]);
  });

  it('keeps the bundled terms matching as before', () => {
    const c = coll('c1', [term('buurtkracht', 'buurtkracht')]);
    const plain = createMatcher(base).find('De Zvw en de Wlz.').map((x) => x.ids.join('+'));
    const withOwn = createMatcher(compileOwn(base, [c]).matcher).find('De Zvw en de Wlz.').map((x) => x.ids.join('+'));
    expect(withOwn).toEqual(plain);
  });

  it('gives a colliding form every meaning, own first, and never replaces the bundled one', () => {
    const c = coll('c1', [term('zvw-loket', 'Zvw-loket Voorbeeldstad', { abbreviations: ['Zvw'] })]);
    const ids = createMatcher(compileOwn(base, [c]).matcher).resolve('Zvw');
    expect(ids?.[0]).toBe('own:c1:zvw-loket');
    expect(ids).toContain('zvw');
  });

  it('lets the longest match win across bundled and own terms', () => {
    const c = coll('c1', [term('zvw-polis', 'Zvw-polis van de gemeente')]);
    expect(found([c], 'De Zvw-polis van de gemeente.')).toEqual(['Zvw-polis van de gemeente=own:c1:zvw-polis']);
  });

  it('applies the case rule per term', () => {
    const c = coll('c1', [term('zorg-team', 'ZORG', { caseSensitive: true })]);
    expect(found([c], 'Het ZORG-overleg, niet de zorg.')).toEqual(['ZORG=own:c1:zorg-team']);
  });

  it('matches spaces and hyphens as the bundled terms do', () => {
    const c = coll('c1', [term('wijk-aanpak', 'wijkgerichte aanpak')]);
    expect(found([c], 'De wijkgerichte\n  aanpak werkt.')).toEqual(['wijkgerichte\n  aanpak=own:c1:wijk-aanpak']);
  });

  it('leaves a switched-off collection out', () => {
    const c = coll('c1', [term('buurtkracht', 'buurtkracht')], { enabled: false });
    expect(found([c], 'Buurtkracht helpt.')).toEqual([]);
  });

  it('puts a care-only collection in the generic tables (topic gate)', () => {
    const c = coll('c1', [term('buurtkracht', 'buurtkracht')], { onlyCareSites: true });
    const data = compileOwn(base, [c]).matcher;
    expect(data.generic.folded.buurtkracht).toEqual(['own:c1:buurtkracht']);
  });

  it('makes regular plurals, but never one that is a form of another term', () => {
    const c = coll('c1', [term('regeling', 'buurtregeling'), term('wijkteam', 'wijkteam'), term('team', 'wijkteams')]);
    expect(found([c], 'Twee buurtregelingen en de wijkteams.')).toEqual(['buurtregelingen=own:c1:regeling', 'wijkteams=own:c1:team']);
  });

  it('reports collisions for the import preview', () => {
    const mine = coll('c1', [term('a', 'buurtkracht')]);
    const incoming = [term('x', 'Buurtkracht'), term('y', 'Zvw-loket', { abbreviations: ['Zvw'] }), term('z', 'iets nieuws')];
    expect(collisions(base, [mine], incoming)).toEqual([
      { form: 'Buurtkracht', ids: ['own:c1:a'] },
      { form: 'Zvw', ids: ['zvw'] },
    ]);
  });

  it('skips forms under two characters and duplicates', () => {
    expect(formsOfTerm(term('a', 'Plan A', { abbreviations: ['A', 'PA', 'pa'] })).map((f) => f.text)).toEqual(['Plan A', 'PA']);
  });
});

describe('own plurals (no word list at run time)', () => {
  it.each([
    ['regeling', 'regelingen'],
    ['gezondheid', 'gezondheden'],
    ['ziekte', 'ziektes'],
    ['wijkcoach', null],
    ['regioplan', null],
    ['GGD', "GGD's"],
    ['wijkagenda', "wijkagenda's"],
    ['sociaal plan', null],
    ['lokale regeling', 'lokale regelingen'],
    ['plan van aanpak', null],
  ])('%s -> %s', (form, plural) => {
    expect(ownPlural(form)).toBe(plural);
  });
});
