/**
 * Which PDFs open in the reader, as pure functions of the URL, the response and the settings.
 * The background (Chrome's declarativeNetRequest rules, Firefox's webRequest listener), the
 * content script's fallback and the popup all ask these, so the browsers cannot disagree.
 */
import { listed, siteOf, siteState } from './site-rule';
import type { Settings } from './settings';

/** Publishers of Dutch health policy: their PDFs open in the reader by default (with subdomains). */
export const POLICY_SITES = [
  'rijksoverheid.nl',
  'tweedekamer.nl',
  'eerstekamer.nl',
  'officielebekendmakingen.nl',
  'open.overheid.nl',
  'zorginstituutnederland.nl',
  'nza.nl',
  'rivm.nl',
  'igj.nl',
  'dejuistezorgopdejuisteplek.nl',
  'vng.nl',
  'zn.nl',
] as const;

/** The reader page and its parameter: other tools and bookmarks rely on this exact name. */
export const READER_PAGE = 'reader.html';

export type PdfSettings = Pick<Settings, 'enabled' | 'siteMode' | 'disabledSites' | 'enabledSites' | 'pdfMode' | 'pdfSites'>;

/** True if a PDF at `url` should open in the reader without being asked. */
export function opensInReader(url: string, s: PdfSettings): boolean {
  const host = siteOf(url);
  if (host === null || s.pdfMode === 'never') return false;
  // The per-site switch applies: where the extension is off, nothing is redirected.
  if (siteState(url, s) !== 'on') return false;
  return s.pdfMode === 'all' || listed(host, POLICY_SITES) || listed(host, s.pdfSites);
}

/** Which hosts a redirect rule covers: every host but `exclude`, or only `include` minus `exclude`. */
export interface RuleScope {
  include: string[] | 'all';
  exclude: string[];
}

/**
 * The same decision as opensInReader, as host lists for a declarativeNetRequest rule (its
 * requestDomains and excludedRequestDomains match subdomains too). Null: no rule at all.
 */
export function ruleScope(s: PdfSettings): RuleScope | null {
  if (!s.enabled || s.pdfMode === 'never') return null;
  const wanted = s.pdfMode === 'all' ? 'all' : [...POLICY_SITES, ...s.pdfSites];
  if (s.siteMode === 'only') {
    // Only listed sites are on: a listed site inside a wanted one, or a wanted one inside a listed one.
    const on = s.enabledSites;
    const include = wanted === 'all' ? [...on] : [...wanted.filter((w) => listed(w, on)), ...on.filter((o) => listed(o, wanted))];
    const unique = [...new Set(include)];
    return unique.length === 0 ? null : { include: unique, exclude: [] };
  }
  return { include: wanted, exclude: [...s.disabledSites] };
}

/** A response is a PDF by its Content-Type, or by a .pdf attachment name on a generic type. */
export function isPdfResponse(contentType: string | undefined, disposition?: string): boolean {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf' || type === 'application/x-pdf') return true;
  if (type !== 'application/octet-stream' && type !== 'binary/octet-stream') return false;
  return /filename\*?=[^;]*\.pdf["']?\s*(;|$)/i.test(disposition ?? '');
}

/** The reader's address for a PDF: `reader.html?file=<URL-encoded address>`. */
export function readerPath(file: string): string {
  return `${READER_PAGE}?file=${encodeURIComponent(file)}`;
}

/**
 * The PDF address from the reader's query string. Chrome's redirect rule substitutes the address
 * unencoded (regexSubstitution cannot encode), so everything after `file=` is taken whole when it
 * is not encoded: an unencoded address may itself hold `&` and `#`.
 */
export function fileParam(search: string, hash = ''): string | null {
  const raw = search.startsWith('?') ? search.slice(1) : search;
  const at = raw.startsWith('file=') ? 0 : raw.indexOf('&file=') + 1;
  if (at === 0 && !raw.startsWith('file=')) return null;
  const value = raw.slice(at + 5);
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value + hash;
  const end = value.indexOf('&');
  try {
    const decoded = decodeURIComponent(end < 0 ? value : value.slice(0, end));
    return decoded === '' ? null : decoded;
  } catch {
    return null;
  }
}
