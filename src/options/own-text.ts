/** One language at a time for the own-terms UI: the UI language decides (src/common/i18n.ts). */
import { uiLanguage } from '../common/i18n';

export const lang = (): 'nl' | 'en' => uiLanguage();

export const tr = (nl: string, en: string): string => (uiLanguage() === 'nl' ? nl : en);

/** A date-time as the UI language writes a date. */
export const shortDate = (iso: string): string => (iso ? new Date(iso).toLocaleDateString(uiLanguage() === 'nl' ? 'nl-NL' : 'en-GB') : '');
