import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileYaml, loadFullGlossary } from './helpers';
import { createMatcher } from '../../src/engine/matcher';
import { buildTrie, formsOf, unicodePattern } from '../../src/compiler/trie-pattern';
import type { MatcherData } from '../../src/common/glossary-types';
import fc from 'fast-check';

const mini = readFileSync(new URL('../fixtures/glossary/mini.yaml', import.meta.url), 'utf8');
const matcher = createMatcher(compileYaml(mini).matcher);

/** The matched texts with their first id, for compact assertions. */
function found(text: string): string[] {
  return matcher.find(text).map((m) => `${text.slice(m.start, m.end)}=${m.ids.join('+')}`);
}

describe('matcher: word boundaries', () => {
  it('highlights the abbreviation before a hyphen: Wlz-indicatie, Zvw-zorg, IZA-partijen', () => {
    expect(found('Een Wlz-indicatie, Zvw-zorg en de IZA-partijen.')).toEqual(['Wlz=wlz', 'Zvw=zvw', 'IZA=iza']);
  });
  it('never finds NZa inside eenzaamheid', () => {
    expect(found('Eenzaamheid en eenzaamheidsbestrijding; de NZa.')).toEqual(['NZa=nza']);
  });
  it('never finds MIND inside minder', () => {
    expect(found('Minder zorg, MINDER regels, MIND helpt.')).toEqual(['MIND=mind']);
  });
  it('treats ë, é and ï as letters, not boundaries', () => {
    expect(found('Zvwë ëZvw éIZA IZAï')).toEqual([]);
  });
  it('treats punctuation, quotes and brackets as boundaries', () => {
    expect(found('(Zvw) "Wlz" ‘IZA’ Zvw. Wlz, [NZa]')).toEqual(['Zvw=zvw', 'Wlz=wlz', 'IZA=iza', 'Zvw=zvw', 'Wlz=wlz', 'NZa=nza']);
  });
  it('treats digits as part of a word', () => {
    expect(found('Zvw2 2Wlz')).toEqual([]);
  });
});

describe('matcher: case rules per surface form', () => {
  it('GALA is the accord, gala is a party', () => {
    expect(found('Het GALA en het gala en Gala.')).toEqual(['GALA=gala']);
  });
  it('MIND is the organisation, mind is English', () => {
    expect(found('Never mind. Mind you. MIND.')).toEqual(['MIND=mind']);
  });
  it('ZN, InEen and IZA match only in their own case', () => {
    expect(found('zn Zn ZN; ineen Ineen InEen; iza Iza IZA')).toEqual(['ZN=zn', 'InEen=ineen', 'IZA=iza']);
  });
  it('long names match in any case', () => {
    expect(found('PASSENDE ZORG, Passende zorg, integraal zorgakkoord')).toEqual([
      'PASSENDE ZORG=passende-zorg',
      'Passende zorg=passende-zorg',
      'integraal zorgakkoord=iza',
    ]);
  });
  it('a rejected case match does not hide a later term', () => {
    expect(found('gala-GALA')).toEqual(['GALA=gala']);
  });
});

describe('matcher: whitespace, inflections, longest match', () => {
  it('multi-word terms match across line breaks, several spaces and no-break spaces', () => {
    expect(found('passende\nzorg, passende   zorg, passende\u00a0zorg, passende\t\r\n zorg')).toHaveLength(4);
  });
  it('listed plurals and inflections match', () => {
    expect(found('regioplannen, regiobeelden en mentale gezondheidscentra')).toEqual([
      'regioplannen=regioplan',
      'regiobeelden=regiobeeld',
      'mentale gezondheidscentra=mgc',
    ]);
  });
  it('longest match wins: Kader Passende Zorg is one term', () => {
    expect(found('Het Kader Passende Zorg gaat over passende zorg.')).toEqual([
      'Kader Passende Zorg=kader-passende-zorg',
      'passende zorg=passende-zorg',
    ]);
  });
  it('longest match wins: Zorgverzekeraars Nederland and De Nederlandse GGZ', () => {
    expect(found('Zorgverzekeraars Nederland, zorgverzekeraars, De Nederlandse GGZ, de ggz')).toEqual([
      'Zorgverzekeraars Nederland=zn',
      'zorgverzekeraars=zorgverzekeraar',
      'De Nederlandse GGZ=de-nederlandse-ggz',
      'ggz=ggz',
    ]);
  });
  it('falls back to a shorter form when the longer one is not a whole word', () => {
    expect(found('passende zorgen')).toEqual([]);
    expect(found('Kader Passende Zorgplan, passende zorg')).toEqual(['passende zorg=passende-zorg']);
  });
  it('an ambiguous form yields every meaning', () => {
    expect(matcher.find('Een PGO.')[0]?.ids).toEqual(['pgo', 'pgo-organisaties']);
  });
  it('typographic apostrophes and hyphens match their plain forms', () => {
    const m = createMatcher(compileYaml(mini.replace('variants: [regiobeelden]', "variants: [regiobeelden, regio-beeld, \"regio's\"]")).matcher);
    expect(m.find('regio\u2011beeld en regio\u2019s').map((x) => x.ids[0])).toEqual(['regiobeeld', 'regiobeeld']);
  });
  it('finds nothing in text without terms', () => {
    expect(found('Het weer is mooi vandaag.')).toEqual([]);
  });
});

describe('matcher: the trie walk finds what the reference regular expression finds', () => {
  // The reference: the combined pattern of trie-pattern.ts (flags giu), with the same case rule.
  const compiled = new Map<MatcherData, { re: RegExp; m: ReturnType<typeof createMatcher> }>();
  function reference(data: MatcherData, text: string): string[] {
    if (!compiled.has(data)) compiled.set(data, { re: new RegExp(unicodePattern(buildTrie(formsOf(data.trie))), 'giu'), m: createMatcher(data) });
    const { re, m } = compiled.get(data) as { re: RegExp; m: ReturnType<typeof createMatcher> };
    re.lastIndex = 0;
    const out: string[] = [];
    let x: RegExpExecArray | null;
    while ((x = re.exec(text)) !== null) {
      const ids = m.resolve(x[0]);
      if (ids) out.push(`${x.index}-${x.index + x[0].length}=${ids.join('+')}`);
      else re.lastIndex = x.index + 1;
    }
    return out;
  }
  const full = loadFullGlossary().matcher;
  const fullMatcher = createMatcher(full);
  const miniData = compileYaml(mini).matcher;
  const pieces = [
    ...formsOf(full.trie).slice(0, 400), ...formsOf(full.trie).filter((f: string) => /[ '\-]/.test(f)).slice(0, 200),
    'GALA', 'Gala', 'MIND', 'minder', 'eenzaamheid', 'NZa', 'ZN', 'InEen', 'IZA', 'Zvw', 'Wlz', 'Kader Passende Zorg',
    ' ', '  ', '\n', '\u00a0', '\t', '-', '\u2011', '‘', '’', "'", '(', ')', '.', ',', 'ë', 'é', 'ï', '2', 'x', 'en', 'de', 'İ', 'ẞ', 'Ⅰ', 'Ω', 'Σ', 'ς', 'Ⓐ', '\u{10400}', '\u0301',
  ];
  const piece = fc.constantFrom(...pieces);
  // A form as a page may write it: other whitespace runs, typographic quotes and hyphens.
  const written = fc
    .tuple(piece, fc.constantFrom(' ', '  ', '\n', '\u00a0', ' \r\n\t'), fc.constantFrom("'", '\u2019', '\u2018'), fc.constantFrom('-', '\u2010', '\u2011'))
    .map(([p, ws, q, h]) => p.replace(/ /g, ws).replace(/'/g, q).replace(/-/g, h));
  const textArb = fc
    .array(fc.oneof(piece, written, piece.map((p) => p.toUpperCase()), piece.map((p) => p.slice(0, Math.max(1, p.length - 2)))), { maxLength: 24 })
    .map((a) => a.join(''));
  it('on 3,000 random texts from glossary forms, case variants, cut-off forms and boundaries', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const got = fullMatcher.find(text).map((m) => `${m.start}-${m.end}=${m.ids.join('+')}`);
        expect(got).toEqual(reference(full, text));
      }),
      { numRuns: Number(process.env.IZA_RUNS ?? 3000), seed: Number(process.env.IZA_SEED ?? 20261125) },
    );
  });
  it('for every form of the glossary, in several contexts (the first-word filter lets each through)', () => {
    // Only a page word that is some form's first word gets the trie walk: each form must pass.
    const contexts = (f: string): string[] => [f, `(${f})`, `de ${f}.`, `${f}-zorg`, `x${f} ${f}x`, `${f.toUpperCase()} en ${f}`, `${f}\u00a0${f}`];
    let checked = 0;
    for (const form of formsOf(full.trie)) {
      for (const text of contexts(form)) {
        const got = fullMatcher.find(text).map((m) => `${m.start}-${m.end}=${m.ids.join('+')}`);
        expect(got, text).toEqual(reference(full, text));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(7000);
  });
  it('on the mini glossary, every test text of this file', () => {
    const mm = createMatcher(miniData);
    for (const text of ['Een Wlz-indicatie, Zvw-zorg en de IZA-partijen.', 'Het GALA en het gala en Gala.', 'gala-GALA', 'passende\nzorg, passende   zorg', 'Zvwë ëZvw éIZA IZAï']) {
      expect(mm.find(text).map((m) => `${m.start}-${m.end}=${m.ids.join('+')}`)).toEqual(reference(miniData, text));
    }
  });
});
