/**
 * The few WebExtension calls the content script makes (and the settings storage it shares with
 * the other pages), without webextension-polyfill. The content script runs on every page, and the
 * polyfill's set-up cost 5-6 ms there on each load (building its API table and, through the
 * bundler's ES-module interop, touching every namespace of `chrome`), most of the 5 ms start-up
 * budget (bench/RESULTS.md). Both browsers have promise-based storage and sendMessage in
 * Manifest V3; what Chrome lacks is a message listener that answers by returning a promise, which
 * `onMessage` below adds (through the `sendResponse` callback both browsers have), as the polyfill
 * does. The popup, options page and background keep the
 * polyfill for everything else.
 */
import type Browser from 'webextension-polyfill';

type Listener = (msg: unknown, sender: Browser.Runtime.MessageSender) => Promise<unknown> | undefined;
type ChangeListener = (changes: Record<string, Browser.Storage.StorageChange>, area: string) => void;

export interface Ext {
  id: string;
  /** Adds a message listener that answers with the promise it returns (undefined: no answer). */
  onMessage(listener: Listener): void;
  sendMessage(msg: unknown): Promise<unknown>;
  storage: {
    get(): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
    remove(keys: string[]): Promise<void>;
    onChanged: { addListener(l: ChangeListener): void; removeListener(l: ChangeListener): void };
    /** The storage area the settings live in: 'sync', or 'local' where the browser has no sync area. */
    area: 'sync' | 'local';
  };
  /** storage.local, read only: the own terms' compiled data (src/common/own-store.ts). */
  local: { get(keys: string[]): Promise<Record<string, unknown>> };
}

interface Area {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

interface Native {
  runtime: {
    id: string;
    sendMessage(msg: unknown): Promise<unknown>;
    onMessage: { addListener(l: (msg: unknown, sender: Browser.Runtime.MessageSender, reply: (r: unknown) => void) => unknown): void };
  };
  storage: {
    /** Missing in some browsers (the compatibility data lists Firefox for Android as partial). */
    sync?: Area;
    local: Area;
    onChanged: Ext['storage']['onChanged'];
  };
}

function create(): Ext {
  const g = globalThis as unknown as { browser?: Native; chrome?: Native };
  const api = (g.browser?.runtime?.id !== undefined ? g.browser : g.chrome) as Native;
  // Settings follow the browser profile through storage.sync; without it, they stay on the device.
  const settingsArea = api.storage.sync ?? api.storage.local;
  return {
    id: api.runtime.id,
    onMessage(listener) {
      api.runtime.onMessage.addListener((msg, sender, reply) => {
        const answer = listener(msg, sender);
        if (answer === undefined) return undefined;
        // Both browsers take a later answer through `reply` after `return true`.
        answer.then(reply, () => reply(undefined));
        return true;
      });
    },
    sendMessage: (msg) => api.runtime.sendMessage(msg),
    storage: {
      get: () => settingsArea.get(null),
      set: (items) => settingsArea.set(items),
      remove: (keys) => settingsArea.remove(keys),
      onChanged: api.storage.onChanged,
      area: api.storage.sync ? 'sync' : 'local',
    },
    local: { get: (keys) => api.storage.local.get(keys) },
  };
}

let instance: Ext | null = null;

/** The API, set up on first use. */
export function ext(): Ext {
  instance ??= create();
  return instance;
}
