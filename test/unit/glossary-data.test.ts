/** Tests on the real glossary (glossary/*.yaml), as shipped. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/build/glossary-compile';
import { createMatcher } from '../../src/engine/matcher';
import { CATEGORIES } from '../../src/common/glossary-types';

const DIR = join(import.meta.dirname, '..', '..', 'glossary');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const texts = files.map((f) => ({ file: `glossary/${f}`, text: readFileSync(join(DIR, f), 'utf8') }));
const glossary = compileGlossary(texts);
const byId = new Map(glossary.entries.map((e) => [e.id, e]));
const matcher = createMatcher(glossary.matcher);

describe('the real glossary', () => {
  it('compiles, with at least 250 entries in every category', () => {
    expect(glossary.entries.length).toBeGreaterThanOrEqual(250);
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, glossary.entries.filter((e) => e.category === c).length]));
    for (const c of CATEGORIES) expect(counts[c], c).toBeGreaterThan(0);
  });

  it('keeps every file sorted by id', () => {
    for (const { file, text } of texts) {
      const ids = (parse(text) as { id: string }[]).map((e) => e.id);
      expect(ids, file).toEqual([...ids].sort());
    }
  });

  it('has no stray whitespace in any text field', () => {
    const bad: string[] = [];
    const check = (where: string, v: unknown) => {
      if (typeof v === 'string' && (v !== v.trim() || /\s{2,}|\t/.test(v))) bad.push(where);
      else if (Array.isArray(v)) v.forEach((x, i) => check(`${where}[${i}]`, x));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) check(`${where}.${k}`, x);
    };
    for (const { file, text } of texts) for (const e of parse(text) as { id: string }[]) check(`${file}:${e.id}`, e);
    expect(bad).toEqual([]);
  });

  it('makes every entry reachable: found on pages by a surface form, and linked from another entry', () => {
    const matchable = new Set([...Object.values(glossary.matcher.exact), ...Object.values(glossary.matcher.folded)].flat());
    expect(glossary.entries.filter((e) => !matchable.has(e.id)).map((e) => e.id)).toEqual([]);
    const linked = new Set(glossary.entries.flatMap((e) => e.related));
    expect(glossary.entries.filter((e) => !linked.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('finds each entry by its own term', () => {
    const missed = glossary.entries.filter((e) => !matcher.find(` ${e.term} `).some((m) => m.ids.includes(e.id)) && !(matcher.resolve(e.term) ?? []).includes(e.id));
    expect(missed.map((e) => e.id)).toEqual([]);
  });

  it('links every law in force to wetten.overheid.nl with its BWBR id', () => {
    for (const id of ['zvw', 'wlz', 'wmo', 'jeugdwet', 'wpg', 'wegiz', 'wkkgz', 'wtza', 'wmg']) {
      const e = byId.get(id);
      expect(e?.bwbr, id).toMatch(/^BWBR\d{7}$/);
      expect(e?.sources.some((s) => s.url.startsWith(`https://wetten.overheid.nl/${e.bwbr}`)), id).toBe(true);
    }
    expect(byId.get('zvw')?.bwbr).toBe('BWBR0018450');
    expect(byId.get('wlz')?.bwbr).toBe('BWBR0035917');
    expect(byId.get('wmo')?.bwbr).toBe('BWBR0035362');
    expect(byId.get('jeugdwet')?.bwbr).toBe('BWBR0034925');
  });

  it('makes Zvw, Wlz and Wmo point at each other', () => {
    for (const [a, others] of [['zvw', ['wlz', 'wmo']], ['wlz', ['zvw', 'wmo']], ['wmo', ['zvw', 'wlz']]] as const) {
      for (const o of others) expect(byId.get(a)?.related, `${a} -> ${o}`).toContain(o);
    }
  });

  it('applies the issue examples to the real glossary', () => {
    const ids = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));
    expect(ids('eenzaamheid, minder, gala, mind')).toEqual([]);
    expect(ids('GALA MIND ZN InEen IZA')).toEqual(['GALA', 'MIND', 'ZN', 'InEen', 'IZA']);
    expect(ids('Zvw-zorg en IZA-partijen')).toEqual(['Zvw', 'IZA']);
    expect(ids('het Kader Passende Zorg')).toEqual(['Kader Passende Zorg']);
    expect(matcher.resolve('PGO')?.length).toBeGreaterThanOrEqual(2);
  });
});
