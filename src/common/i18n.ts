/** UI strings from _locales, following the browser's language. */

type I18n = { i18n: { getMessage(key: string, subs?: string[]): string } };

/** Synchronous in both browsers, so no polyfill: the content script's card uses this too. */
function api(): I18n {
  const g = globalThis as unknown as { browser?: I18n; chrome?: I18n };
  return (g.browser ?? g.chrome) as I18n;
}

export function t(key: string, ...subs: string[]): string {
  try {
    return api().i18n.getMessage(key, subs) || key;
  } catch {
    return key;
  }
}

/** The UI language the browser chose for us: 'nl' or 'en'. */
export function uiLanguage(): 'nl' | 'en' {
  return t('@@ui_locale').startsWith('nl') ? 'nl' : 'en';
}
