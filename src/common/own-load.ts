/**
 * Loading the own terms' compiled data into a host (content script, reader, popup, background)
 * and following its changes. Kept apart from own-store.ts, which writes it: the content script
 * reads only, without webextension-polyfill.
 */
import { setOwnGlossary } from './glossary-data';
import { OWN_KEYS } from './own-terms';

const { matcher: MATCHER, entries: ENTRIES } = OWN_KEYS;

type Get = (keys: string[]) => Promise<Record<string, unknown>>;
type OnChanged = {
  addListener(l: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
  removeListener(l: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Reads the compiled own data, if any, into glossary-data. A storage error leaves the bundled
 * glossary. Returns whether the terms in use changed.
 */
export async function loadOwnGlossary(get: Get): Promise<boolean> {
  try {
    const got = await get([MATCHER, ENTRIES]);
    return setOwnGlossary(text(got[MATCHER]), text(got[ENTRIES]));
  } catch {
    return setOwnGlossary(null, null);
  }
}

/** Calls `cb` after the own data changed in storage (and glossary-data has the new data), until `signal` aborts. */
export function watchOwnGlossary(onChanged: OnChanged, get: Get, cb: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(MATCHER in changes || ENTRIES in changes)) return;
    // Read both anew: one set() writes both, but a listener may see only the key that changed.
    void loadOwnGlossary(get).then((changed) => {
      if (changed && !signal.aborted) cb();
    });
  };
  onChanged.addListener(listener);
  signal.addEventListener('abort', () => onChanged.removeListener(listener), { once: true });
}
