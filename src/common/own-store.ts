/**
 * Own terms in storage.local (issue 20): storage.sync holds 100 KB in all, and the extension's
 * IndexedDB fails in Firefox with history off (w3c/webextensions#534). Layout:
 *   own.index     CollectionMeta[]: every collection without its terms
 *   own.c.<id>    OwnTerm[]: one collection's terms
 *   own.matcher   JSON text of the matcher data for the bundled plus the enabled own terms
 *                 (absent when no own term is enabled: the content script then uses the bundled data)
 *   own.entries   JSON text of the own terms' run-time entries (read when a card needs one)
 * Every change goes through commit(): it reads the collections, applies the change, compiles the
 * matcher data once and writes all of it in one storage.local.set, so open tabs never see a
 * collection without its compiled data, and a failed write leaves everything as it was.
 */
import browser from 'webextension-polyfill';
import { compileOwn } from '../compiler/own-compile';
import { bundledMatcherData } from './glossary-data';
import { MINE_ID, OWN_KEYS, type Collection, type CollectionMeta, type OwnTerm, type Problem } from './own-terms';

const termsKey = (id: string): string => `own.c.${id}`;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored meta that is not what we wrote is dropped (corrupt storage loses nothing else). */
function validMeta(v: unknown): v is CollectionMeta {
  return isObj(v) && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.enabled === 'boolean' && typeof v.origin === 'string';
}

function validTerm(v: unknown): v is OwnTerm {
  return isObj(v) && typeof v.id === 'string' && typeof v.term === 'string' && typeof v.definition === 'string' && Array.isArray(v.abbreviations) && Array.isArray(v.variants);
}

export async function listCollections(): Promise<CollectionMeta[]> {
  const got = await browser.storage.local.get(OWN_KEYS.index);
  const list = got[OWN_KEYS.index];
  return Array.isArray(list) ? list.filter(validMeta).map((m) => ({ ...m, onlyCareSites: m.onlyCareSites === true, count: Number(m.count) || 0 })) : [];
}

export async function loadCollections(): Promise<Collection[]> {
  const metas = await listCollections();
  if (metas.length === 0) return [];
  const got = await browser.storage.local.get(metas.map((m) => termsKey(m.id)));
  return metas.map((m) => {
    const terms = got[termsKey(m.id)];
    return { ...m, terms: Array.isArray(terms) ? terms.filter(validTerm) : [] };
  });
}

/** A new collection's id: short, unique among `taken`. */
export function newCollectionId(taken: readonly string[]): string {
  for (;;) {
    const id = Math.random().toString(36).slice(2, 10);
    if (!taken.includes(id) && id !== MINE_ID) return id;
  }
}

export function emptyCollection(id: string, name: string, origin: Collection['origin'], now = new Date().toISOString()): Collection {
  return { id, name, origin, enabled: true, onlyCareSites: false, created: now, updated: now, count: 0, terms: [] };
}

/** A failed storage write (in practice: the quota), with the browser's own message as detail. */
export function storageProblem(err: unknown): Problem {
  return { code: 'storageFull', detail: String((err as Error)?.message ?? err) };
}

/**
 * Applies `change` to the collections and stores the result with its compiled matcher data, in
 * one write. Returns null on success, or the problem (then nothing changed).
 */
export function commit(change: (cols: Collection[]) => Collection[]): Promise<Problem | null> {
  // One change at a time in this page or worker: each reads what the one before wrote.
  const next = queue.then(() => commitNow(change));
  queue = next.then(() => undefined, () => undefined);
  return next;
}

let queue: Promise<void> = Promise.resolve();

async function commitNow(change: (cols: Collection[]) => Collection[]): Promise<Problem | null> {
  try {
    const before = await loadCollections();
    const after = change(before.map((c) => ({ ...c, terms: [...c.terms] })));
    const items: Record<string, unknown> = {};
    // Only collections whose terms changed are written again (a fetch that only updated its
    // date rewrites the index alone), and the matcher data is compiled only when what it is made
    // of changed: terms, switches, names (the cards' labels), the set of collections.
    let recompile = after.length !== before.length;
    for (const c of after) {
      c.count = c.terms.length;
      const old = before.find((b) => b.id === c.id);
      const sameTerms = old !== undefined && old.terms.length === c.terms.length && old.terms.every((t, i) => t === c.terms[i]);
      if (!sameTerms) items[termsKey(c.id)] = c.terms;
      if (!sameTerms || old?.enabled !== c.enabled || old.onlyCareSites !== c.onlyCareSites || old.name !== c.name) recompile = true;
    }
    items[OWN_KEYS.index] = after.map(({ terms: _terms, ...meta }) => meta);
    const active = after.filter((c) => c.enabled && c.terms.length > 0);
    const stale = before.filter((b) => !after.some((a) => a.id === b.id)).map((b) => termsKey(b.id));
    if (!recompile) {
      // Nothing the matcher is made of changed.
    } else if (active.length > 0) {
      const compiled = compileOwn(bundledMatcherData(), active);
      const matcher = JSON.stringify(compiled.matcher);
      const entries = JSON.stringify(compiled.entries);
      // Unchanged terms (a fetch that only updated its date) are not written again: open tabs
      // would start a new pass for nothing.
      const stored = await browser.storage.local.get([OWN_KEYS.matcher, OWN_KEYS.entries]);
      if (stored[OWN_KEYS.matcher] !== matcher) items[OWN_KEYS.matcher] = matcher;
      if (stored[OWN_KEYS.entries] !== entries) items[OWN_KEYS.entries] = entries;
    } else {
      stale.push(OWN_KEYS.matcher, OWN_KEYS.entries);
    }
    await browser.storage.local.set(items);
    if (stale.length > 0) await browser.storage.local.remove(stale);
    return null;
  } catch (err) {
    return storageProblem(err);
  }
}

/** Calls `cb` whenever the collections change, until `signal` aborts. */
export function watchCollections(cb: () => void, signal: AbortSignal): void {
  const listener = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && OWN_KEYS.index in changes && !signal.aborted) cb();
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}
