/** One UI language: both message sets bundled, the browser's language or the options' choice. */
import { afterEach, describe, expect, it } from 'vitest';
import NL from '../../src/_locales/nl/messages.json';
import EN from '../../src/_locales/en/messages.json';
import { browserLanguage, setUiLanguage, t, uiLanguage } from '../../src/common/i18n';
import { DEFAULTS, parseSettings } from '../../src/common/settings';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const g = globalThis as unknown as { chrome?: unknown };

function browserIn(tag: string): void {
  g.chrome = { i18n: { getUILanguage: () => tag } };
}

afterEach(() => {
  delete g.chrome;
  setUiLanguage('auto');
});

describe('UI language', () => {
  it('has the same messages and placeholders in Dutch and English', () => {
    const nl = NL as Messages;
    const en = EN as Messages;
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const key of Object.keys(nl)) {
      expect(Object.keys(en[key]?.placeholders ?? {}).sort(), key).toEqual(Object.keys(nl[key]?.placeholders ?? {}).sort());
    }
  });

  it('follows the browser: Dutch for nl, English for anything else', () => {
    for (const [tag, want] of [['nl', 'nl'], ['nl-BE', 'nl'], ['en-US', 'en'], ['de', 'en'], ['fy-NL', 'en']] as const) {
      browserIn(tag);
      expect(browserLanguage(), tag).toBe(want);
      expect(uiLanguage(), tag).toBe(want);
    }
    browserIn('nl-NL');
    expect(t('close')).toBe('Sluiten');
    browserIn('en-GB');
    expect(t('close')).toBe('Close');
  });

  it('the option overrides the browser, either way', () => {
    browserIn('nl-NL');
    setUiLanguage('en');
    expect(t('search')).toBe('Search the glossary');
    browserIn('en-US');
    setUiLanguage('nl');
    expect(t('close')).toBe('Sluiten');
    setUiLanguage('auto');
    expect(t('close')).toBe('Close');
  });

  it('substitutes placeholders as chrome.i18n does', () => {
    setUiLanguage('en');
    expect(t('meanings', 'PGO')).toBe('PGO can mean several things:');
    expect(t('readerFindCount', '2', '7')).toBe('2 of 7');
    setUiLanguage('nl');
    expect(t('readerFindCount', '2', '7')).toBe('2 van 7');
    expect(t('no-such-key')).toBe('no-such-key');
  });

  it('is a setting: auto by default, a corrupt value falls back to auto', () => {
    expect(DEFAULTS.uiLanguage).toBe('auto');
    expect(parseSettings({ version: 2, uiLanguage: 'en' }).uiLanguage).toBe('en');
    expect(parseSettings({ version: 2, uiLanguage: 'nl' }).uiLanguage).toBe('nl');
    for (const bad of ['fr', 7, null, ['nl'], 'NL']) expect(parseSettings({ version: 2, uiLanguage: bad }).uiLanguage).toBe('auto');
    // Definitions keep their own setting.
    expect(parseSettings({ version: 2, uiLanguage: 'en' }).definitionLanguage).toBe('nl');
  });
});
