/**
 * Keeping fetched lists up to date (issue 21): the organisation's policy lists and the user's
 * subscriptions are collections with a `url`. At browser start, on a policy change and every
 * `refreshHours` (an alarm), each list that is due is fetched; a new version replaces the old in
 * one commit, and on any failure the last good copy stays and the problem is recorded.
 */
import browser from 'webextension-polyfill';
import { fetchList } from '../common/list-fetch';
import { commit, emptyCollection, loadCollections } from '../common/own-store';
import type { Collection } from '../common/own-terms';
import { DEFAULT_REFRESH_HOURS, readPolicy, type Policy } from './policy';

const ALARM = 'iza-lists';
const POLICY_STATE = 'policy.state';

/** A policy list's collection id, stable for its address. */
export function policyId(url: string): string {
  let h = 2166136261;
  for (let i = 0; i < url.length; i++) h = Math.imul(h ^ url.charCodeAt(i), 16777619);
  return `p${(h >>> 0).toString(36)}`;
}

/** Makes the policy lists' collections match the policy: added, renamed, relocked, or removed. */
async function syncPolicy(policy: Policy): Promise<void> {
  await browser.storage.local.set({ [POLICY_STATE]: { problems: policy.problems, allowUserLists: policy.allowUserLists, refreshHours: policy.refreshHours } });
  const before = await loadCollections();
  const wanted = new Map(policy.lists.map((l) => [policyId(l.url), l]));
  const same = before.filter((c) => c.origin === 'policy').every((c) => {
    const l = wanted.get(c.id);
    return l && l.name === c.name && l.locked === (c.locked === true) && l.onlyCareSites === c.onlyCareSites;
  });
  if (same && [...wanted.keys()].every((id) => before.some((c) => c.id === id))) return;
  await commit((cols) => {
    const kept = cols.filter((c) => c.origin !== 'policy' || wanted.has(c.id));
    for (const [id, l] of wanted) {
      let c = kept.find((x) => x.id === id);
      if (!c) {
        c = emptyCollection(id, l.name, 'policy');
        c.url = l.url;
        kept.push(c);
      }
      c.name = l.name;
      c.locked = l.locked;
      c.onlyCareSites = l.onlyCareSites;
      if (l.locked) c.enabled = true;
    }
    return kept;
  });
}

/** refreshHours of the last policy that was read (or the default). */
async function lastRefreshHours(): Promise<number> {
  const state = (await browser.storage.local.get(POLICY_STATE))[POLICY_STATE] as { refreshHours?: unknown } | undefined;
  return typeof state?.refreshHours === 'number' && state.refreshHours >= 1 ? state.refreshHours : DEFAULT_REFRESH_HOURS;
}

/** Whether a list is due: never fetched with success, or its last attempt is `hours` old. */
function due(c: Collection, hours: number, now: number): boolean {
  if (!c.fetch?.lastAttempt || !c.fetch.lastSuccess) return true;
  return now - Date.parse(c.fetch.lastAttempt) >= hours * 3_600_000 - 60_000;
}

/**
 * Fetches the lists (in parallel) and stores every outcome in one commit: new terms replace the
 * old in one step, a failure keeps the last good copy beside the problem. One commit, so open
 * tabs start one new pass, not one per list.
 */
export async function refreshLists(ids: readonly string[]): Promise<void> {
  const targets = (await loadCollections()).filter((c) => ids.includes(c.id) && c.url);
  if (targets.length === 0) return;
  const outcomes = new Map(await Promise.all(targets.map(async (c) => [c.id, await fetchList(c.url as string, c.fetch ?? {})] as const)));
  await commit((cols) =>
    cols.map((x) => {
      const out = outcomes.get(x.id);
      if (!out) return x;
      if (out.kind === 'updated') return { ...x, terms: out.terms, fetch: out.state, updated: out.state.lastSuccess ?? x.updated };
      return { ...x, fetch: out.state };
    }),
  );
}

export const refreshList = (id: string): Promise<void> => refreshLists([id]);

let running: Promise<void> | null = null;
let forceNext = false;

/**
 * Reads the policy, then fetches every list that is due (all of them with `force`). A call while
 * a round runs is folded into one more round after it.
 */
export function refreshAll(force = false): Promise<void> {
  if (running) {
    forceNext ||= force;
    return running.then(() => {
      const f = forceNext;
      forceNext = false;
      return f ? refreshAll(true) : undefined;
    });
  }
  running = (async () => {
    try {
      const policy = await readPolicy();
      // No answer from the policy service: the organisation's lists stay as they are, and are
      // refreshed at the hours of the last policy read.
      if (policy) await syncPolicy(policy);
      const hours = policy?.refreshHours ?? (await lastRefreshHours());
      const now = Date.now();
      const lists = (await loadCollections()).filter((c) => c.url && (c.origin === 'policy' || c.origin === 'subscription'));
      await refreshLists(lists.filter((c) => force || due(c, hours, now)).map((c) => c.id));
      await browser.alarms?.create(ALARM, { periodInMinutes: 60 });
    } finally {
      running = null;
    }
  })();
  return running;
}

/** Wires the triggers: browser start, install, policy change (Chrome), the hourly alarm. */
export function installLists(): void {
  browser.runtime.onStartup.addListener(() => void refreshAll(true));
  browser.runtime.onInstalled.addListener(() => void refreshAll(true));
  browser.alarms?.onAlarm.addListener((a) => {
    if (a.name === ALARM) void refreshAll();
  });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshAll(true);
  });
  // A service worker (or event page) woken for something else also catches up on what is due;
  // and once more a little later, in case the browser's policy service answered after our start.
  void refreshAll();
  setTimeout(() => void refreshAll(), 5000);
}
