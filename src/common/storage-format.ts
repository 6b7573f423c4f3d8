/**
 * How settings are laid out in storage.sync, as pure functions. storage.sync allows 8,192 bytes
 * per item, so the site lists are split over numbered items (`off0`, `off1`, … and `on0`, …),
 * each a space-separated string of hostnames under ITEM_BUDGET bytes.
 */
import { changesOf, parseSettings, type Settings } from './settings';

export const SETTINGS_KEY = 'settings';
export const QUOTA_BYTES_PER_ITEM = 8192;
/** Leaves room for the key and JSON quoting inside the per-item quota. */
const ITEM_BUDGET = 8000;
const LISTS = { off: 'disabledSites', on: 'enabledSites' } as const;
const CHUNK_KEY = /^(off|on)(\d{1,4})$/;

/** Splits hostnames into space-separated strings, each under the per-item budget. */
export function chunkHosts(hosts: readonly string[]): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const h of hosts) {
    const next = cur === '' ? h : `${cur} ${h}`;
    if (new TextEncoder().encode(JSON.stringify(next)).length > ITEM_BUDGET && cur !== '') {
      chunks.push(cur);
      cur = h;
    } else cur = next;
  }
  if (cur !== '') chunks.push(cur);
  return chunks;
}

/** Settings from everything in storage.sync. Never throws: garbage yields defaults. */
export function fromStorage(items: Record<string, unknown> | null | undefined): Settings {
  const base = items?.[SETTINGS_KEY];
  const changes: Record<string, unknown> =
    typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...(base as Record<string, unknown>) } : {};
  const parts: Record<'off' | 'on', [number, string][]> = { off: [], on: [] };
  for (const [key, value] of Object.entries(items ?? {})) {
    const m = CHUNK_KEY.exec(key);
    if (m && typeof value === 'string') parts[m[1] as 'off' | 'on'].push([Number(m[2]), value]);
  }
  for (const list of ['off', 'on'] as const) {
    if (parts[list].length === 0) continue;
    const hosts = parts[list]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([, v]) => v.split(' '))
      .filter(Boolean);
    changes[LISTS[list]] = hosts;
  }
  return parseSettings(changes);
}

/** The items to write and the stale keys to remove, given what storage holds now. */
export function toStorage(settings: Settings, currentKeys: readonly string[]): { set: Record<string, unknown>; remove: string[] } {
  const { disabledSites, enabledSites, ...rest } = changesOf(settings);
  const set: Record<string, unknown> = { [SETTINGS_KEY]: rest };
  const lists = { off: (disabledSites as string[] | undefined) ?? [], on: (enabledSites as string[] | undefined) ?? [] };
  for (const list of ['off', 'on'] as const) {
    chunkHosts(lists[list]).forEach((chunk, i) => {
      set[`${list}${i}`] = chunk;
    });
  }
  const remove = currentKeys.filter((k) => CHUNK_KEY.test(k) && !(k in set));
  return { set, remove };
}

/** True if a storage change touches settings. */
export function isSettingsKey(key: string): boolean {
  return key === SETTINGS_KEY || CHUNK_KEY.test(key);
}
