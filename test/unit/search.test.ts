import { describe, expect, it } from 'vitest';
import { fold, indexEntries, search } from '../../src/common/search';
import { compileYaml } from './helpers';
import { readFileSync } from 'node:fs';

const mini = readFileSync(new URL('../fixtures/glossary/mini.yaml', import.meta.url), 'utf8');
const index = indexEntries(compileYaml(mini).entries);

describe('glossary search', () => {
  it('folds case and diacritics', () => {
    expect(fold('Patiënten  Fédération')).toBe('patienten federation');
  });
  it('is insensitive to diacritics and case', () => {
    const ids = search(index, 'PATIENTEN- EN GEHANDICAPTENORGANISATIES').map((e) => e.id);
    expect(ids[0]).toBe('pgo-organisaties');
  });
  it('ranks an exact abbreviation hit first', () => {
    expect(search(index, 'zn')[0]?.id).toBe('zn');
    expect(search(index, 'Wlz')[0]?.id).toBe('wlz');
  });
  it('finds English names and name prefixes', () => {
    expect(search(index, 'health insurance act')[0]?.id).toBe('zvw');
    expect(search(index, 'regiop')[0]?.id).toBe('regioplan');
  });
  it('returns nothing for an empty query', () => {
    expect(search(index, '   ')).toEqual([]);
  });
});
