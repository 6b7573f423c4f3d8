/**
 * Firefox for Android: every WebExtension API the source calls, checked against the browser
 * compatibility data that `web-ext lint` (addons-linter) reports from, @mdn/browser-compat-data.
 * The linter checks the manifest, but not calls in bundled code (esbuild renames `browser`), so
 * this test reads the source. An API that Android lacks (at the manifest's gecko_android
 * strict_min_version) must be listed in GUARDED and every use of it optional (`?.`), so that no
 * call throws there.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const bcd = createRequire(import.meta.url)('@mdn/browser-compat-data') as { webextensions: { api: Record<string, Compat> } };
interface Support { version_added: string | boolean | null; version_removed?: string; partial_implementation?: boolean; notes?: string | string[] }
type Compat = { __compat?: { support: { firefox_android?: Support | Support[] } } } & { [k: string]: Compat };

const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const MIN_ANDROID = Number.parseFloat(MANIFEST.browser_specific_settings.gecko_android.strict_min_version);

/** What Android lacks, and what stands in for it. */
const GUARDED: Record<string, string> = {
  'commands.onCommand': 'no keyboard shortcuts on Android; the popup has every action',
  'contextMenus.create': 'no context menu; the popup search starts from the selected text',
  'contextMenus.onClicked': 'as above',
  'contextMenus.update': 'as above',
};
/** Namespaces the build uses in the Chrome target only (__TARGET__ === 'chrome'). */
const CHROME_ONLY = new Set(['declarativeNetRequest']);
/** bcd's name for a namespace Chrome names differently. */
const ALIAS: Record<string, string> = { contextMenus: 'menus' };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'build' || f === 'compiler' ? [] : files(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** `browser.ns.member`, `chrome.ns.member` and the settings area in ext.ts (`api.storage.sync`). */
function uses(): Map<string, { file: string; guarded: boolean }[]> {
  const out = new Map<string, { file: string; guarded: boolean }[]>();
  for (const file of files(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8').replace(/^\s*(\/\/|\*).*$/gm, '');
    for (const m of text.matchAll(/\b(?:browser|chrome|api)(\?)?\.([a-zA-Z]+)(\?)?\.([a-zA-Z]+)/g)) {
      const key = `${m[2]}.${m[4]}`;
      if (m[2] === 'i18n' && m[4] === 'getMessage') continue;
      const list = out.get(key) ?? [];
      list.push({ file: relative(ROOT, file), guarded: m[3] === '?' });
      out.set(key, list);
    }
  }
  return out;
}

function androidSince(key: string): number | null {
  const [ns, member] = key.split('.') as [string, string];
  const n = bcd.webextensions.api[ALIAS[ns] ?? ns];
  const raw = (n?.[member]?.__compat ?? n?.__compat)?.support.firefox_android;
  const first = Array.isArray(raw) ? raw.find((s) => !s.version_removed) : raw;
  return typeof first?.version_added === 'string' ? Number.parseFloat(first.version_added.replace('≤', '')) : null;
}

describe('Firefox for Android', () => {
  const used = uses();

  it('finds the APIs the source calls', () => {
    expect([...used.keys()]).toEqual(expect.arrayContaining(['runtime.sendMessage', 'storage.session', 'tabs.query', 'commands.onCommand', 'contextMenus.create']));
  });

  for (const [key, list] of [...used].sort()) {
    const [ns] = key.split('.') as [string];
    if (CHROME_ONLY.has(ns)) continue;
    it(`${key}: on Android, or guarded`, () => {
      const since = androidSince(key);
      if (since !== null && since <= MIN_ANDROID) return;
      expect(GUARDED[key], `${key} (Android: ${since ?? 'not supported'}) is used in ${list.map((u) => u.file).join(', ')}`).toBeDefined();
      expect(list.filter((u) => !u.guarded).map((u) => u.file), `unguarded use of ${key}`).toEqual([]);
    });
  }

  it('settings fall back to storage.local where storage.sync is missing', () => {
    const ext = readFileSync(join(ROOT, 'src', 'common', 'ext.ts'), 'utf8');
    expect(ext).toContain('api.storage.sync ?? api.storage.local');
  });

  it('the manifest keys Android ignores are listed in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const word of ['Firefox for Android', 'contextMenus', 'commands', 'storage.sync']) expect(readme).toContain(word);
  });
});
