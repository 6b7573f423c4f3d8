/** The per-site decision, as a pure function of the URL and the settings. */
import { normalizeHost, type Settings } from './settings';

/** The site key for a URL: its hostname without "www.", or null for non-web pages. */
export function siteOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  return u.hostname === '' ? null : normalizeHost(u.hostname);
}

/** True if `host` is `site` or a subdomain of it. */
function within(host: string, site: string): boolean {
  return host === site || host.endsWith(`.${site}`);
}

export function listed(host: string, sites: readonly string[]): boolean {
  return sites.some((s) => within(host, s));
}

export type SiteState = 'on' | 'site-off' | 'global-off' | 'not-listed' | 'unsupported';

/** Why highlighting is on or off for this URL. */
export function siteState(url: string, s: Pick<Settings, 'enabled' | 'siteMode' | 'disabledSites' | 'enabledSites'>): SiteState {
  const host = siteOf(url);
  if (host === null) return 'unsupported';
  if (!s.enabled) return 'global-off';
  if (s.siteMode === 'only') return listed(host, s.enabledSites) ? 'on' : 'not-listed';
  return listed(host, s.disabledSites) ? 'site-off' : 'on';
}

export function isSiteEnabled(url: string, s: Parameters<typeof siteState>[1]): boolean {
  return siteState(url, s) === 'on';
}

/**
 * Settings changes that switch a site on or off, respecting the site mode. Switching off a
 * subdomain of a listed site switches off the listed parent too: the user asked for this page.
 */
export function toggleSite(url: string, s: Settings, on: boolean): Partial<Settings> | null {
  const host = siteOf(url);
  if (host === null) return null;
  if (s.siteMode === 'only') {
    const rest = s.enabledSites.filter((x) => !within(host, x));
    return { enabledSites: on ? [...rest, host].sort() : rest };
  }
  const rest = s.disabledSites.filter((x) => !within(host, x));
  return { disabledSites: on ? rest : [...rest, host].sort() };
}
