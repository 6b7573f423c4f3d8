/** The organisation policy (issue 21): each item validated on its own; one bad item never voids the others. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('virtual:everyday', () => ({ EVERYDAY: '' }));
const { parsePolicy, readPolicy } = await import('../../src/background/policy');

describe('parsePolicy', () => {
  it('no policy at all is an empty one', () => {
    for (const raw of [undefined, null, {}, 'text', 42]) {
      expect(parsePolicy(raw)).toEqual({ lists: [], refreshHours: 24, allowUserLists: true, problems: [] });
    }
  });

  it('reads glossaries with name and url, and the optional keys', () => {
    const p = parsePolicy({
      glossaries: [{ name: 'Gemeente Voorbeeldstad', url: 'https://example.org/begrippen.ttl' }, { name: 'Lokaal', url: 'http://127.0.0.1:8080/l.csv', locked: true }],
      refreshHours: 6,
      onlyCareSites: true,
      allowUserLists: false,
    });
    expect(p.lists).toEqual([
      { name: 'Gemeente Voorbeeldstad', url: 'https://example.org/begrippen.ttl', locked: false, onlyCareSites: true },
      { name: 'Lokaal', url: 'http://127.0.0.1:8080/l.csv', locked: true, onlyCareSites: true },
    ]);
    expect(p.refreshHours).toBe(6);
    expect(p.allowUserLists).toBe(false);
    expect(p.problems).toEqual([]);
  });

  it('a glossaries value that is not a list is reported, the rest of the policy stays', () => {
    const p = parsePolicy({ glossaries: { name: 'x', url: 'https://example.org/x.ttl' }, refreshHours: 2 });
    expect(p.lists).toEqual([]);
    expect(p.refreshHours).toBe(2);
    expect(p.problems).toEqual(['glossaries: not a list']);
  });

  it('drops only the bad items: no url, remote http:, ftp:, not an object, a duplicate', () => {
    const p = parsePolicy({
      glossaries: [
        { name: 'zonder url' },
        { name: 'http', url: 'http://example.org/x.ttl' },
        { name: 'ftp', url: 'ftp://example.org/x.ttl' },
        'https://example.org/plain-string.ttl',
        { name: 'goed', url: 'https://example.org/goed.ttl' },
        { name: 'dubbel', url: 'https://example.org/goed.ttl' },
        { url: 'http://localhost:9000/zonder-naam.json' },
      ],
    });
    expect(p.lists.map((l) => l.name)).toEqual(['goed', 'localhost']);
    expect(p.problems).toHaveLength(5);
    expect(p.problems[0]).toMatch(/glossaries\[0\]: no url/);
    expect(p.problems[1]).toMatch(/must be https/);
    expect(p.problems[2]).toMatch(/must be https/);
  });

  it('refreshHours: at least 1, a bad value keeps the default', () => {
    expect(parsePolicy({ refreshHours: 0.25 }).refreshHours).toBe(1);
    expect(parsePolicy({ refreshHours: 'vaak' }).refreshHours).toBe(24);
    expect(parsePolicy({ refreshHours: -3 }).problems).toHaveLength(1);
  });
});

describe('readPolicy', () => {
  const withManaged = async (get: () => Promise<Record<string, unknown>>, fn: () => Promise<void>) => {
    const g = globalThis as unknown as { chrome?: unknown };
    const before = g.chrome;
    g.chrome = { storage: { managed: { get } } };
    try {
      await fn();
    } finally {
      g.chrome = before;
    }
  };
  it('reads what the browser delivers', async () => {
    await withManaged(async () => ({ glossaries: [{ name: 'A', url: 'https://example.org/a.ttl' }] }), async () => {
      expect((await readPolicy(1000))?.lists.map((l) => l.name)).toEqual(['A']);
    });
  });
  it('no policy (Firefox throws) is an empty policy', async () => {
    await withManaged(() => Promise.reject(new Error('Managed storage manifest not found')), async () => {
      expect(await readPolicy(1000)).toEqual({ lists: [], refreshHours: 24, allowUserLists: true, problems: [] });
    });
  });
  it('a policy service that never answers gives null (the lists stay as they are), in time', async () => {
    await withManaged(() => new Promise(() => undefined), async () => {
      const t = Date.now();
      expect(await readPolicy(100)).toBeNull();
      expect(Date.now() - t).toBeLessThan(1000);
    });
  });
});

