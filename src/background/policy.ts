/**
 * The organisation's policy (issue 21), read from storage.managed: Chrome and Edge from their
 * policies (managed_schema.json), Firefox from policies.json -> 3rdparty.Extensions.<id>.
 * The schema is loose on purpose (Chrome drops a whole value that does not fit it): each item is
 * validated here, on its own, so one bad item never voids the others.
 *
 *   glossaries     [{ name, url, locked?, onlyCareSites? }]  the lists every browser gets
 *   locked         true: users cannot switch the policy's lists off (default false)
 *   onlyCareSites  true: the policy's lists are highlighted only on pages about care
 *   refreshHours   how often the lists are fetched again (default 24, at least 1)
 *   allowUserLists false: users cannot subscribe to lists of their own (default true)
 */
import { urlProblem } from '../common/list-fetch';

export interface PolicyList {
  name: string;
  url: string;
  locked: boolean;
  onlyCareSites: boolean;
}

export interface Policy {
  lists: PolicyList[];
  refreshHours: number;
  allowUserLists: boolean;
  /** What was wrong with the policy, item by item (shown in the options page). */
  problems: string[];
}

export const DEFAULT_REFRESH_HOURS = 24;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The policy as the extension uses it, from whatever storage.managed held. */
export function parsePolicy(raw: unknown): Policy {
  const policy: Policy = { lists: [], refreshHours: DEFAULT_REFRESH_HOURS, allowUserLists: true, problems: [] };
  if (!isObj(raw)) return policy;
  const locked = raw.locked === true;
  const careOnly = raw.onlyCareSites === true;
  const hours = Number(raw.refreshHours);
  if (raw.refreshHours !== undefined) {
    if (Number.isFinite(hours) && hours > 0) policy.refreshHours = Math.max(1, hours);
    else policy.problems.push(`refreshHours: not a number of hours (${String(raw.refreshHours)})`);
  }
  if (raw.allowUserLists === false) policy.allowUserLists = false;
  if (raw.glossaries === undefined) return policy;
  if (!Array.isArray(raw.glossaries)) {
    policy.problems.push('glossaries: not a list');
    return policy;
  }
  const seen = new Set<string>();
  raw.glossaries.forEach((item, i) => {
    const where = `glossaries[${i}]`;
    if (!isObj(item)) return policy.problems.push(`${where}: not an object with name and url`);
    if (typeof item.url !== 'string' || item.url.trim() === '') return policy.problems.push(`${where}: no url`);
    const url = item.url.trim();
    if (urlProblem(url)) return policy.problems.push(`${where}: url must be https (or http://localhost, http://127.0.0.1): ${url}`);
    if (seen.has(url)) return policy.problems.push(`${where}: the same url twice: ${url}`);
    seen.add(url);
    const name = typeof item.name === 'string' && item.name.trim() ? item.name.trim() : new URL(url).hostname;
    policy.lists.push({ name, url, locked: item.locked === true || locked, onlyCareSites: item.onlyCareSites === true || careOnly });
    return undefined;
  });
  return policy;
}

type Api = { storage?: { managed?: { get(keys: null): Promise<Record<string, unknown>> } } };

/** How long the browser's policy service may take to answer (Chromium's first answer took ~5 s here). */
export const POLICY_TIMEOUT_MS = 15_000;

/**
 * Reads the policy. No policy at all (Firefox throws then; Android has no managed storage) is an
 * empty one. A policy service that does not answer in time (seen in Chromium behind a proxy that
 * refuses its requests) gives null: the caller then keeps the organisation's lists as they are.
 */
export async function readPolicy(timeoutMs = POLICY_TIMEOUT_MS): Promise<Policy | null> {
  // Without the polyfill, so the parser above stays testable in Node; both browsers return a promise.
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  const managed = (g.browser ?? g.chrome)?.storage?.managed;
  if (!managed) return parsePolicy({});
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), timeoutMs)));
  try {
    const raw = await Promise.race([managed.get(null), late]);
    return raw === null ? null : parsePolicy(raw);
  } catch {
    return parsePolicy({});
  } finally {
    clearTimeout(timer);
  }
}
