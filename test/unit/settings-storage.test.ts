/**
 * Never lose a setting, never trust input: versioned settings and their migrations, garbage in
 * storage, the storage.sync per-item quota for long site lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, MAX_SITES, MIGRATIONS, SETTINGS_VERSION, changesOf, migrate, parseSettings, type Settings } from '../../src/common/settings';
import { QUOTA_BYTES_PER_ITEM, SETTINGS_KEY, chunkHosts, fromStorage, isSettingsKey, toStorage } from '../../src/common/storage-format';
import { CATEGORIES } from '../../src/common/glossary-types';

const s = (patch: Partial<Settings>): Settings => ({ ...structuredClone(DEFAULTS), ...patch });
const bytes = (v: string) => new TextEncoder().encode(v).length;
/** What storage.sync counts against QUOTA_BYTES_PER_ITEM: the key plus the value as JSON. */
const itemSize = (key: string, value: unknown) => bytes(key) + bytes(JSON.stringify(value));

/** True if every value has the type and range the rest of the extension relies on. */
function isValid(x: Settings): boolean {
  const host = (h: unknown) => typeof h === 'string' && /^[a-z0-9.:-]{1,260}$/.test(h) && !h.startsWith('www.');
  return (
    Object.keys(x).sort().join() === Object.keys(DEFAULTS).sort().join() &&
    typeof x.enabled === 'boolean' &&
    ['all', 'only'].includes(x.siteMode) &&
    Array.isArray(x.disabledSites) && x.disabledSites.length <= MAX_SITES && x.disabledSites.every(host) &&
    Array.isArray(x.enabledSites) && x.enabledSites.length <= MAX_SITES && x.enabledSites.every(host) &&
    ['underline', 'background', 'none'].includes(x.highlightStyle) &&
    Array.isArray(x.categories) && x.categories.every((c) => (CATEGORIES as readonly string[]).includes(c)) &&
    ['off', 'page', 'section'].includes(x.firstOnly) &&
    Number.isInteger(x.hoverDelay) && x.hoverDelay >= 0 && x.hoverDelay <= 3000 &&
    typeof x.showEnglish === 'boolean' &&
    ['nl', 'en'].includes(x.definitionLanguage) &&
    ['auto', 'nl', 'en'].includes(x.uiLanguage)
  );
}

describe('settings migrations', () => {
  it('has one migration for every version before the current one', () => {
    for (let v = 0; v < SETTINGS_VERSION; v++) expect(typeof MIGRATIONS[v]).toBe('function');
  });

  it('v0 -> v1: offSites (comma-separated) becomes disabledSites, style becomes highlightStyle', () => {
    expect(MIGRATIONS[0]!({ offSites: 'nza.nl,,www.vng.nl', style: 'background', enabled: false })).toEqual({
      disabledSites: ['nza.nl', 'www.vng.nl'],
      highlightStyle: 'background',
      enabled: false,
    });
    // Unknown old values are dropped rather than carried along.
    expect(MIGRATIONS[0]!({ offSites: 42, style: 'blink' })).toEqual({});
  });

  it('v1 -> v2: hoverDelay in seconds becomes milliseconds, values already in ms stay', () => {
    expect(MIGRATIONS[1]!({ hoverDelay: 0.5 })).toEqual({ hoverDelay: 500 });
    expect(MIGRATIONS[1]!({ hoverDelay: 2 })).toEqual({ hoverDelay: 2000 });
    expect(MIGRATIONS[1]!({ hoverDelay: 350 })).toEqual({ hoverDelay: 350 });
    expect(MIGRATIONS[1]!({ hoverDelay: 'slow', enabled: true })).toEqual({ hoverDelay: 'slow', enabled: true });
  });

  it('stored data of every version reads as the same settings', () => {
    const v0 = { offSites: 'www.NZA.nl,vng.nl', style: 'none', hoverDelay: 1 };
    const v1 = { version: 1, disabledSites: ['nza.nl', 'vng.nl'], highlightStyle: 'none', hoverDelay: 1 };
    const v2 = { version: 2, disabledSites: ['nza.nl', 'vng.nl'], highlightStyle: 'none', hoverDelay: 1000 };
    const want = s({ disabledSites: ['nza.nl', 'vng.nl'], highlightStyle: 'none', hoverDelay: 1000 });
    for (const stored of [v0, v1, v2]) expect(parseSettings(stored)).toEqual(want);
  });

  it('a newer or nonsensical version starts from defaults instead of guessing', () => {
    expect(migrate({ version: SETTINGS_VERSION + 1, enabled: false })).toEqual({});
    expect(migrate({ version: -1, enabled: false })).toEqual({});
    expect(parseSettings({ version: 99, enabled: false })).toEqual(DEFAULTS);
    // A non-integer version counts as the first format.
    expect(migrate({ version: '2', enabled: false })).toEqual({ enabled: false });
  });

  it('what is written is read back unchanged, with the current version', () => {
    const mine = s({ enabled: false, siteMode: 'only', enabledSites: ['nza.nl'], hoverDelay: 0, categories: ['wet'], showEnglish: true });
    const changes = changesOf(mine);
    expect(changes.version).toBe(SETTINGS_VERSION);
    expect(parseSettings(changes)).toEqual(mine);
    expect(changesOf(DEFAULTS)).toEqual({ version: SETTINGS_VERSION });
  });
});

describe('garbage in storage falls back to defaults, without an error', () => {
  const garbage: unknown[] = [
    null, undefined, 0, 'settings', [], [1, 2], true, { settings: null }, { settings: 'x' }, { settings: [] },
    { settings: 1e308 }, { settings: { version: 'x' } }, { settings: { version: 2, unknown: 1, __proto__: { enabled: false } } },
    JSON.parse('{"settings": {"version": 2, "__proto__": {"enabled": false}}, "__proto__": {"off0": "nza.nl"}}'),
    { off0: 42, on0: null, off1: ['nza.nl'], off99999: 'nza.nl' },
  ];
  it.each(garbage.map((g) => [JSON.stringify(g) ?? String(g), g]))('%s', (_, items) => {
    expect(fromStorage(items as Record<string, unknown>)).toEqual(DEFAULTS);
    expect(({} as Record<string, unknown>).enabled).toBeUndefined(); // No prototype pollution.
  });

  it('wrong types per key are replaced by that key\'s default only', () => {
    const got = fromStorage({
      settings: {
        version: 2, enabled: 'no', siteMode: 'some', highlightStyle: 'background', categories: 'wet', firstOnly: null,
        hoverDelay: Number.POSITIVE_INFINITY, showEnglish: 1, definitionLanguage: 'de', disabledSites: 'nza.nl',
      },
    });
    expect(got).toEqual(s({ highlightStyle: 'background' }));
    expect(fromStorage({ settings: { version: 2, hoverDelay: Number.NaN } }).hoverDelay).toBe(DEFAULTS.hoverDelay);
    expect(fromStorage({ settings: { version: 2, hoverDelay: 1e9 } }).hoverDelay).toBe(DEFAULTS.hoverDelay);
    expect(fromStorage({ settings: { version: 2, categories: ['wet', 'bogus', 7, 'wet'] } }).categories).toEqual(['wet']);
  });

  it('huge values are bounded: long hostnames dropped, at most MAX_SITES sites kept', () => {
    const huge = 'a'.repeat(1_000_000);
    const many = Array.from({ length: 100_000 }, (_, i) => `site${i}.nl`);
    const got = fromStorage({ settings: { version: 2, disabledSites: [huge, `${huge}.nl`, 'nza.nl', ...many] } });
    expect(got.disabledSites).toHaveLength(MAX_SITES);
    expect(fromStorage({ off0: huge, on0: `${huge} nza.nl` })).toEqual(s({ enabledSites: ['nza.nl'] }));
    expect(got.disabledSites).toContain('nza.nl');
    expect(got.disabledSites.every((h) => h.length <= 253)).toBe(true);
  });

  it('hostnames are checked label by label: hyphens inside only, labels of 63 at most, a numeric port', () => {
    const ok = ['a.nl', 'zorg-kantoor.nl', 'x1.y2.z3', 'localhost:8080', `${'a'.repeat(63)}.nl`, '127.0.0.1:5173'];
    const bad = ['-a.nl', 'a-.nl', 'a..nl', '.nl', `${'a'.repeat(64)}.nl`, 'a.nl:80a', 'a.nl:123456', 'a_b.nl', 'zorg kantoor.nl', ':80'];
    expect(parseSettings({ version: 2, disabledSites: [...ok, ...bad] }).disabledSites).toEqual([...ok].sort());
  });

  it('hostnames are cleaned: case, www., trailing dot, junk entries', () => {
    const got = fromStorage({ off0: 'WWW.NZA.NL rijksoverheid.nl. <script> javascript:alert(1) localhost:8080 ex ample.nl' });
    expect(got.disabledSites).toEqual(['ample.nl', 'ex', 'localhost:8080', 'nza.nl', 'rijksoverheid.nl']);
  });

  it('anything at all in storage gives valid settings (fuzz)', () => {
    const value = fc.oneof(fc.anything(), fc.array(fc.string()), fc.constantFrom('nza.nl', 'underline', 'only', 2, 350, true));
    const settingsObj = fc.dictionary(fc.constantFrom(...Object.keys(DEFAULTS), 'version', 'offSites', 'style', '__proto__', 'constructor'), value);
    const items = fc.dictionary(fc.constantFrom(SETTINGS_KEY, 'off0', 'off1', 'on0', 'on12', 'other'), fc.oneof(settingsObj, value));
    fc.assert(
      fc.property(fc.oneof(items, fc.anything()), (stored) => {
        const got = fromStorage(stored as Record<string, unknown>);
        expect(isValid(got)).toBe(true);
      }),
      { seed: 20260125, numRuns: 3000 },
    );
  });
});

describe('the site lists fit storage.sync', () => {
  const hosts = (n: number, len = 0) =>
    Array.from({ length: n }, (_, i) => (len ? `${'x'.repeat(len - String(i).length - 3)}${i}.nl` : `gemeente-${i}.voorbeeld.nl`));

  it.each([1000, 5000])('%i sites: every item within the per-item quota, read back exactly', (n) => {
    const mine = parseSettings({ version: 2, disabledSites: hosts(n), enabledSites: hosts(n).slice(0, 10) });
    expect(mine.disabledSites).toHaveLength(n);
    const { set, remove } = toStorage(mine, []);
    for (const [key, value] of Object.entries(set)) expect(itemSize(key, value)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    expect(Object.keys(set).length).toBeLessThanOrEqual(512); // storage.sync MAX_ITEMS
    expect(remove).toEqual([]);
    expect(fromStorage(structuredClone(set))).toEqual(mine);
  });

  it('the longest hostnames allowed still fit, one chunk at a time', () => {
    const long = hosts(300, 253);
    const chunks = chunkHosts(long);
    expect(chunks.join(' ').split(' ')).toEqual(long);
    for (const [i, c] of chunks.entries()) expect(itemSize(`off${i}`, c)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
  });

  it('removes chunks left over from a longer list, and nothing else', () => {
    const stored = ['settings', 'off0', 'off1', 'off2', 'on0', 'other', 'offline'];
    const { set, remove } = toStorage(s({ disabledSites: ['nza.nl'] }), stored);
    expect(set).toEqual({ settings: { version: SETTINGS_VERSION }, off0: 'nza.nl' });
    expect(remove.sort()).toEqual(['off1', 'off2', 'on0']);
    expect(['settings', 'off3', 'on10'].every(isSettingsKey)).toBe(true);
    expect(['offline', 'other', 'off', 'off12345'].some(isSettingsKey)).toBe(false);
  });
});
