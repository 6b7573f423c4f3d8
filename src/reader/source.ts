/**
 * Getting the PDF's bytes: from its address (the only request the reader makes) or from a local
 * file. Every way this can fail becomes one LoadError kind, which the reader turns into a message
 * in the UI language; none of them is retried by itself, so no failure can loop.
 */

export type LoadErrorKind = 'not-found' | 'login' | 'network' | 'not-pdf' | 'damaged' | 'local' | 'large' | 'bad-address';

export class LoadError extends Error {
  constructor(readonly kind: LoadErrorKind, readonly detail = '') {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

/** Above this size the reader asks before reading the file: pdf.js holds it all in memory. */
export const LARGE_BYTES = 150 * 1024 * 1024;

/** True if the bytes start like a PDF: "%PDF-" within the first 1 KB (as pdf.js allows). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** The addresses the reader opens: web addresses, and file:// where the browser allows it. */
export function checkAddress(file: string): URL {
  let u: URL;
  try {
    u = new URL(file);
  } catch {
    throw new LoadError('bad-address');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') throw new LoadError('bad-address');
  return u;
}

export interface Fetched {
  bytes: Uint8Array;
  /** The file name from Content-Disposition or the path, for the title and the download. */
  name: string;
}

function nameFrom(url: URL, disposition: string | null): string {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  let name = m?.[1] ?? url.pathname.split('/').pop() ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Keep it as it is.
  }
  return name || url.hostname || 'document.pdf';
}

export interface FetchOptions {
  /** Read a file above LARGE_BYTES anyway (the user said so). */
  allowLarge?: boolean;
  signal?: AbortSignal;
  onProgress?(loaded: number, total: number): void;
}

/** Fetches the PDF at `url` with the user's cookies, as the browser's own viewer would. */
export async function fetchPdf(url: URL, opts: FetchOptions = {}): Promise<Fetched> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'include', signal: opts.signal, cache: 'default' });
  } catch {
    throw new LoadError(url.protocol === 'file:' ? 'local' : 'network');
  }
  if (res.status === 401 || res.status === 403) throw new LoadError('login', String(res.status));
  if (!res.ok && url.protocol !== 'file:') throw new LoadError('not-found', String(res.status));
  const type = (res.headers.get('content-type') ?? '').toLowerCase();
  // A login wall answers a PDF address with its HTML login page (often after a redirect).
  if (type.startsWith('text/html')) throw new LoadError('login', 'html');
  const total = Number(res.headers.get('content-length') ?? 0);
  if (total > LARGE_BYTES && !opts.allowLarge) {
    void res.body?.cancel().catch(() => undefined);
    throw new LoadError('large', String(Math.round(total / 1048576)));
  }
  const bytes = await readAll(res, total, opts);
  if (!looksLikePdf(bytes)) throw new LoadError(bytes.length === 0 ? 'damaged' : 'not-pdf');
  return { bytes, name: nameFrom(url, res.headers.get('content-disposition')) };
}

async function readAll(res: Response, total: number, opts: FetchOptions): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      if (loaded > LARGE_BYTES && !opts.allowLarge) {
        await reader.cancel();
        throw new LoadError('large', String(Math.round(loaded / 1048576)));
      }
      opts.onProgress?.(loaded, total);
    }
  } catch (err) {
    throw err instanceof LoadError ? err : new LoadError('network');
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads a file the user picked or dropped. */
export async function readLocal(file: File, allowLarge = false): Promise<Fetched> {
  if (file.size > LARGE_BYTES && !allowLarge) throw new LoadError('large', String(Math.round(file.size / 1048576)));
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLikePdf(bytes)) throw new LoadError(bytes.length === 0 ? 'damaged' : 'not-pdf');
  return { bytes, name: file.name };
}
