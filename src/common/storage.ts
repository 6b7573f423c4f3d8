/** Settings in browser storage: read, write, and watch. The layout lives in storage-format.ts. */
import { ext } from './ext';
import { fromStorage, isSettingsKey, toStorage } from './storage-format';
import type { Settings } from './settings';

export async function loadSettings(): Promise<Settings> {
  try {
    return fromStorage(await ext().storage.get());
  } catch {
    return fromStorage(null);
  }
}

export async function saveSettings(next: Settings): Promise<void> {
  const current = await ext().storage.get().catch(() => ({}));
  const { set, remove } = toStorage(next, Object.keys(current));
  await ext().storage.set(set);
  if (remove.length > 0) await ext().storage.remove(remove);
}

/** Applies a change to the current settings and stores the result. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await saveSettings(next);
  return next;
}

/** Calls `cb` with fresh settings whenever they change in storage, until `signal` aborts. */
export function watchSettings(cb: (s: Settings) => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area !== ext().storage.area || !Object.keys(changes).some(isSettingsKey)) return;
    void loadSettings().then((s) => {
      if (!signal.aborted) cb(s);
    });
  };
  ext().storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => ext().storage.onChanged.removeListener(listener), { once: true });
}
