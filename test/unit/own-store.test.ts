/**
 * Own terms in storage (issue 20): one commit writes the collections and the compiled data
 * together; a failed write (full storage) changes nothing; corrupt stored data is ignored.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { compileYaml } from './helpers';

const mini = compileYaml(readFileSync(new URL('../fixtures/glossary/mini.yaml', import.meta.url), 'utf8'));

const store = new Map<string, unknown>();
let quota = Infinity;
const fake = {
  storage: {
    local: {
      async get(keys: string | string[] | null) {
        const list = keys === null ? [...store.keys()] : Array.isArray(keys) ? keys : [keys];
        return Object.fromEntries(list.filter((k) => store.has(k)).map((k) => [k, structuredClone(store.get(k))]));
      },
      async set(items: Record<string, unknown>) {
        const next = new Map(store);
        for (const [k, v] of Object.entries(items)) next.set(k, structuredClone(v));
        if (JSON.stringify([...next]).length > quota) throw new Error('QUOTA_BYTES quota exceeded');
        for (const [k, v] of next) store.set(k, v);
      },
      async remove(keys: string[]) {
        for (const k of keys) store.delete(k);
      },
    },
    onChanged: { addListener() {}, removeListener() {} },
  },
};
vi.mock('webextension-polyfill', () => ({ default: fake }));
vi.mock('virtual:glossary', () => ({
  MATCHER_JSON: JSON.stringify(mini.matcher),
  ENTRIES_JSON: JSON.stringify(mini.entries),
  TOPIC_JSON: JSON.stringify(mini.topic),
}));

const { commit, emptyCollection, loadCollections } = await import('../../src/common/own-store');
const { createMatcher } = await import('../../src/engine/matcher');
const term = (id: string, t: string) => ({ id, term: t, abbreviations: [], variants: [], definition: `Uitleg van ${t}.`, caseSensitive: false });

beforeEach(() => {
  store.clear();
  quota = Infinity;
});

describe('own-store commit', () => {
  it('writes the collection, its index entry and the compiled matcher in one go', async () => {
    const problem = await commit((cols) => [...cols, { ...emptyCollection('c1', 'Voorbeeldstad', 'import'), terms: [term('buurtkracht', 'Buurtkracht')] }]);
    expect(problem).toBeNull();
    expect((await loadCollections()).map((c) => [c.id, c.count, c.terms.length])).toEqual([['c1', 1, 1]]);
    const matcher = createMatcher(JSON.parse(store.get('own.matcher') as string));
    expect(matcher.resolve('Buurtkracht')).toEqual(['own:c1:buurtkracht']);
    expect(matcher.resolve('Zvw')).toEqual(['zvw']);
    expect(JSON.parse(store.get('own.entries') as string)[0].collection).toBe('Voorbeeldstad');
  });

  it('full storage: the commit reports it and nothing changes', async () => {
    await commit((cols) => [...cols, { ...emptyCollection('c1', 'Eerste', 'import'), terms: [term('a', 'Eerste begrip')] }]);
    const snapshot = JSON.stringify([...store]);
    quota = snapshot.length + 10;
    const problem = await commit((cols) => [...cols, { ...emptyCollection('c2', 'Tweede', 'import'), terms: Array.from({ length: 200 }, (_, i) => term(`t${i}`, `Tweede begrip ${i}`)) }]);
    expect(problem?.code).toBe('storageFull');
    expect(JSON.stringify([...store])).toBe(snapshot);
  });

  it('no enabled terms: the compiled data is removed, hosts use the bundled glossary', async () => {
    await commit((cols) => [...cols, { ...emptyCollection('c1', 'Eerste', 'import'), terms: [term('a', 'Eerste begrip')] }]);
    expect(store.has('own.matcher')).toBe(true);
    await commit((cols) => cols.map((c) => ({ ...c, enabled: false })));
    expect(store.has('own.matcher')).toBe(false);
    expect(store.has('own.entries')).toBe(false);
  });

  it('corrupt stored collections are ignored, the rest is kept', async () => {
    await commit((cols) => [...cols, { ...emptyCollection('c1', 'Eerste', 'import'), terms: [term('a', 'Eerste begrip')] }]);
    store.set('own.index', [...(store.get('own.index') as unknown[]), { id: 42 }, 'rommel']);
    store.set('own.c.c1', [...(store.get('own.c.c1') as unknown[]), { id: 'kapot' }]);
    const cols = await loadCollections();
    expect(cols.map((c) => [c.id, c.terms.map((t) => t.id)])).toEqual([['c1', ['a']]]);
  });

  it('commits run one after another: none is lost', async () => {
    await Promise.all(Array.from({ length: 5 }, (_, i) => commit((cols) => [...cols, { ...emptyCollection(`c${i}`, `C${i}`, 'import'), terms: [term('a', `Begrip nummer ${i}`)] }])));
    expect((await loadCollections()).map((c) => c.id).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
  });

  it('a change that leaves the terms alone (a fetch date) writes only the index, and compiles nothing', async () => {
    await commit((cols) => [...cols, { ...emptyCollection('c1', 'Eerste', 'import'), terms: [term('a', 'Eerste begrip')] }]);
    const written: string[] = [];
    const set = fake.storage.local.set;
    fake.storage.local.set = async (items: Record<string, unknown>) => {
      written.push(...Object.keys(items));
      return set(items);
    };
    try {
      await commit((cols) => cols.map((c) => ({ ...c, fetch: { lastAttempt: '2026-12-08T00:00:00Z' } })));
      expect(written).toEqual(['own.index']);
      written.length = 0;
      await commit((cols) => cols.map((c) => ({ ...c, name: 'Nieuwe naam' })));
      expect(written.sort()).toEqual(['own.entries', 'own.index']);
    } finally {
      fake.storage.local.set = set;
    }
  });
});
