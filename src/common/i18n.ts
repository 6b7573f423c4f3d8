/**
 * UI strings. src/_locales/{nl,en}/messages.json stay the one source (the manifest's strings come
 * from there through the browser), but the UI reads both files bundled: chrome.i18n follows the
 * browser's language only, and the options page lets a reader choose the other one
 * (`uiLanguage` in the settings: auto, nl, en). Dutch for a browser in Dutch, English otherwise.
 */
import NL from '../_locales/nl/messages.json';
import EN from '../_locales/en/messages.json';
import type { UiLanguage } from './settings';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Messages = Record<string, Message>;

const MESSAGES: Record<'nl' | 'en', Messages> = { nl: NL as Messages, en: EN as Messages };

let chosen: UiLanguage = 'auto';

/** The browser's own UI language, as the i18n API reports it (navigator.language elsewhere). */
export function browserLanguage(): 'nl' | 'en' {
  let tag = '';
  try {
    const g = globalThis as unknown as { browser?: { i18n?: { getUILanguage?(): string } }; chrome?: { i18n?: { getUILanguage?(): string } } };
    tag = (g.browser?.i18n ?? g.chrome?.i18n)?.getUILanguage?.() ?? '';
  } catch {
    // Not in an extension (unit tests): the navigator decides.
  }
  if (!tag && typeof navigator !== 'undefined') tag = navigator.language ?? '';
  return tag.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** Sets the reader's choice from the settings ('auto': the browser's language). */
export function setUiLanguage(choice: UiLanguage): void {
  chosen = choice;
}

/** The language the UI speaks now: 'nl' or 'en'. */
export function uiLanguage(): 'nl' | 'en' {
  return chosen === 'auto' ? browserLanguage() : chosen;
}

/** A message in the UI language with its $1… substitutions, as chrome.i18n.getMessage would give it. */
export function t(key: string, ...subs: string[]): string {
  const m = MESSAGES[uiLanguage()][key] ?? MESSAGES.nl[key];
  if (!m) return key;
  return m.message
    .replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => m.placeholders?.[name.toLowerCase()]?.content ?? whole)
    .replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}
