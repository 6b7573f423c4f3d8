/**
 * Fetching a published glossary list (issue 21): an organisation's policy list or a user's
 * subscription. These are the only requests the extension makes besides opening a PDF.
 * - https only, except http://localhost and http://127.0.0.1 (tests, local servers);
 * - If-None-Match / If-Modified-Since from the last good copy; 304 keeps it;
 * - a size cap (read as a stream, stopped at the cap), a timeout, no redirect to another origin;
 * - the body is parsed and validated as an import is (src/compiler/formats).
 * Nothing here stores anything: the caller replaces the collection's terms in one step, or keeps
 * the last good copy and records the problem.
 */
import { parseGlossaryFile } from '../compiler/formats';
import { isEverydayWord } from './everyday';
import { LIMITS, type FetchState, type OwnTerm, type ParseResult, type Problem } from './own-terms';

export const FETCH_TIMEOUT_MS = 20_000;

/** Why an address may not be fetched, or null when it may. */
export function urlProblem(url: string): Problem | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { code: 'badUrl', detail: url };
  }
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1')) return null;
  return { code: 'badUrl', detail: url };
}

export type FetchOutcome =
  | { kind: 'unchanged'; state: FetchState }
  | { kind: 'updated'; terms: OwnTerm[]; result: ParseResult; state: FetchState }
  | { kind: 'failed'; problem: Problem; state: FetchState };

/** Reads a body up to `cap` bytes; null when it is larger. */
async function readCapped(res: Response, cap: number): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > cap) {
    await res.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** Fetches and parses a list. Never throws; `prev` is the state of the last attempt. */
export async function fetchList(url: string, prev: FetchState = {}, now = new Date().toISOString(), timeoutMs = FETCH_TIMEOUT_MS): Promise<FetchOutcome> {
  const failed = (problem: Problem): FetchOutcome => ({ kind: 'failed', problem, state: { ...prev, lastAttempt: now, error: problem } });
  const bad = urlProblem(url);
  if (bad) return failed(bad);
  const headers: Record<string, string> = { Accept: 'text/turtle, text/csv;q=0.9, application/json;q=0.9, */*;q=0.1' };
  if (prev.etag) headers['If-None-Match'] = prev.etag;
  if (prev.lastModified) headers['If-Modified-Since'] = prev.lastModified;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const res = await fetch(url, { headers, signal: ctl.signal, credentials: 'omit', cache: 'no-cache', redirect: 'follow' });
    if (res.redirected && new URL(res.url).origin !== new URL(url).origin) return failed({ code: 'redirect', detail: res.url });
    if (res.status === 304) return { kind: 'unchanged', state: { ...prev, lastAttempt: now, lastSuccess: now, error: undefined } };
    if (!res.ok) return failed({ code: 'httpStatus', detail: String(res.status) });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type === 'text/html' || type === 'application/xhtml+xml') return failed({ code: 'notGlossary', detail: type });
    const bytes = await readCapped(res, LIMITS.maxFileBytes);
    if (bytes === null) return failed({ code: 'tooBig' });
    const result = parseGlossaryFile(bytes, { fileName: new URL(res.url || url).pathname, contentType: type, everyday: isEverydayWord });
    if (result.fatal) return failed(result.fatal);
    if (result.terms.length === 0) return failed(result.skipped[0] ?? { code: 'empty' });
    const state: FetchState = { lastAttempt: now, lastSuccess: now };
    const etag = res.headers.get('etag');
    const modified = res.headers.get('last-modified');
    if (etag) state.etag = etag;
    if (modified) state.lastModified = modified;
    return { kind: 'updated', terms: result.terms, result, state };
  } catch (err) {
    return failed(ctl.signal.aborted ? { code: 'timeout' } : { code: 'network', detail: String((err as Error)?.message ?? err) });
  } finally {
    clearTimeout(timer);
  }
}
