/** UI strings from _locales, following the browser's language. */
import browser from 'webextension-polyfill';

export function t(key: string, ...subs: string[]): string {
  try {
    return browser.i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/** The UI language the browser chose for us: 'nl' or 'en'. */
export function uiLanguage(): 'nl' | 'en' {
  return t('@@ui_locale').startsWith('nl') ? 'nl' : 'en';
}
