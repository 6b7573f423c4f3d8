/**
 * Settings: defaults plus what the user changed. Only changed keys are stored, so defaults can
 * improve later without clobbering anyone's choices. Every stored value is validated on read; a
 * corrupt or unknown value falls back to its default, silently.
 */
import { CATEGORIES, type Category } from './glossary-types';

export type HighlightStyle = 'underline' | 'background' | 'none';
export type FirstOnly = 'off' | 'page' | 'section';
export type SiteMode = 'all' | 'only';
export type DefinitionLanguage = 'nl' | 'en';
/** The language of the extension's own UI: the browser's ('auto'), or one chosen in the options. */
export type UiLanguage = 'auto' | 'nl' | 'en';
/** Which PDFs open in the reader: those on the policy sites (and `pdfSites`), all, or none. */
export type PdfMode = 'policy' | 'all' | 'never';

export const DEFAULTS = {
  /** The global switch. */
  enabled: true,
  /** 'all': every site except `disabledSites`; 'only': only `enabledSites`. */
  siteMode: 'all' as SiteMode,
  disabledSites: [] as string[],
  enabledSites: [] as string[],
  highlightStyle: 'underline' as HighlightStyle,
  categories: [...CATEGORIES] as Category[],
  firstOnly: 'off' as FirstOnly,
  /** Milliseconds the pointer rests on a term before its card opens. */
  hoverDelay: 350,
  /** Show the English definition under the Dutch one. */
  showEnglish: false,
  /** Which definition the card leads with; an English page (lang=en) always leads with English. */
  definitionLanguage: 'nl' as DefinitionLanguage,
  /** The UI's language (options, popup, reader, card chrome); definitions follow definitionLanguage. */
  uiLanguage: 'auto' as UiLanguage,
  pdfMode: 'policy' as PdfMode,
  /** Sites, beyond the built-in policy sites, whose PDFs open in the reader. */
  pdfSites: [] as string[],
};

export type Settings = typeof DEFAULTS;
export type SettingKey = keyof Settings;

/** Current version of the stored format; see MIGRATIONS. */
export const SETTINGS_VERSION = 2;
export const MAX_SITES = 5000;
const MAX_HOST_LENGTH = 253;

const LABEL_RE = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const PORT_RE = /^\d{1,5}$/;

/**
 * A hostname (optionally with a port): dot-separated labels of 1-63 letters, digits and inner
 * hyphens, at most 253 characters. Checked label by label: one pattern with bounded repeats
 * ({0,61}, {1,253}) cost milliseconds to compile on every page load.
 */
function isHost(host: string): boolean {
  const colon = host.lastIndexOf(':');
  const name = colon < 0 ? host : host.slice(0, colon);
  if (colon >= 0 && !PORT_RE.test(host.slice(colon + 1))) return false;
  if (name.length === 0 || name.length > MAX_HOST_LENGTH) return false;
  return name.split('.').every((label) => label.length <= 63 && LABEL_RE.test(label));
}

/** Lower-cases a hostname and drops a leading "www.", so both forms are one site. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '').replace(/\.$/, '');
}

function oneOf<T extends string>(values: readonly T[]) {
  return (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
}

function siteList(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out = new Set<string>();
  for (const item of v) {
    if (typeof item !== 'string' || item.length > MAX_HOST_LENGTH) continue;
    const host = normalizeHost(item);
    if (isHost(host)) out.add(host);
    if (out.size >= MAX_SITES) break;
  }
  return [...out].sort();
}

/** Per-key validators: each returns the clean value, or undefined to use the default. */
const VALIDATORS: { [K in SettingKey]: (v: unknown) => Settings[K] | undefined } = {
  enabled: (v) => (typeof v === 'boolean' ? v : undefined),
  siteMode: (v) => (oneOf(['all', 'only'] as const)(v) ? v : undefined),
  disabledSites: siteList,
  enabledSites: siteList,
  highlightStyle: (v) => (oneOf(['underline', 'background', 'none'] as const)(v) ? v : undefined),
  categories: (v) => {
    if (!Array.isArray(v)) return undefined;
    const ok = CATEGORIES.filter((c) => v.includes(c));
    return ok;
  },
  firstOnly: (v) => (oneOf(['off', 'page', 'section'] as const)(v) ? v : undefined),
  hoverDelay: (v) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 3000 ? Math.round(v) : undefined),
  showEnglish: (v) => (typeof v === 'boolean' ? v : undefined),
  definitionLanguage: (v) => (oneOf(['nl', 'en'] as const)(v) ? v : undefined),
  uiLanguage: (v) => (oneOf(['auto', 'nl', 'en'] as const)(v) ? v : undefined),
  pdfMode: (v) => (oneOf(['policy', 'all', 'never'] as const)(v) ? v : undefined),
  pdfSites: siteList,
};

export const SETTING_KEYS = Object.keys(DEFAULTS) as SettingKey[];

/**
 * Numbered migrations from the stored version to the next. Each takes the changed-keys object
 * of version N and returns that of version N+1.
 * v0 -> v1: the first release stored `offSites` (a comma-separated string) and `style`.
 * v1 -> v2: `hoverDelay` was stored in seconds; it is now milliseconds.
 */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  0: (old) => {
    const { offSites, style, ...rest } = old;
    const next: Record<string, unknown> = { ...rest };
    if (typeof offSites === 'string') next.disabledSites = offSites.split(',').filter(Boolean);
    if (style === 'underline' || style === 'background' || style === 'none') next.highlightStyle = style;
    return next;
  },
  1: (old) => {
    const next = { ...old };
    if (typeof old.hoverDelay === 'number' && old.hoverDelay <= 3) next.hoverDelay = old.hoverDelay * 1000;
    return next;
  },
};

/** Brings a stored changes object of any known version to the current version. */
export function migrate(stored: unknown): Record<string, unknown> {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const { version, ...rest } = stored as Record<string, unknown>;
  let v = typeof version === 'number' && Number.isInteger(version) ? version : 0;
  if (v > SETTINGS_VERSION || v < 0) return {}; // From a newer release, or garbage: start clean.
  let data: Record<string, unknown> = rest;
  while (v < SETTINGS_VERSION) {
    const step = MIGRATIONS[v];
    if (!step) return {};
    data = step(data);
    v++;
  }
  return data;
}

/** Settings from stored changes: every key valid, anything corrupt replaced by its default. */
export function parseSettings(stored: unknown): Settings {
  const changes = migrate(stored);
  // A fresh copy (the arrays too); not structuredClone, whose first call costs ~1 ms per page.
  const out: Settings = { ...DEFAULTS, disabledSites: [], enabledSites: [], pdfSites: [], categories: [...DEFAULTS.categories] };
  for (const key of SETTING_KEYS) {
    if (!(key in changes)) continue;
    const clean = VALIDATORS[key](changes[key]);
    if (clean !== undefined) (out as Record<SettingKey, unknown>)[key] = clean;
  }
  return out;
}

/** Only the keys that differ from the defaults, with the version: what goes into storage. */
export function changesOf(settings: Settings): Record<string, unknown> {
  const out: Record<string, unknown> = { version: SETTINGS_VERSION };
  for (const key of SETTING_KEYS) {
    if (JSON.stringify(settings[key]) !== JSON.stringify(DEFAULTS[key])) out[key] = settings[key];
  }
  return out;
}
