/**
 * The reader's page chrome: UI strings from _locales (Dutch first, English where the browser is),
 * the message view for every bad input, the notice line, and the states the page can be in.
 */
import { t, uiLanguage } from '../common/i18n';
import type { LoadError } from './source';

export const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Fills every data-i18n (text), data-i18n-label (aria-label and title) and data-i18n-placeholder. */
export function localize(root: ParentNode = document): void {
  document.documentElement.lang = uiLanguage();
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n as string);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const label = t(el.dataset.i18nLabel as string);
    el.setAttribute('aria-label', label);
    el.title = label;
  }
  for (const el of root.querySelectorAll<HTMLInputElement>('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder as string);
}

export type PageState = 'loading' | 'ready' | 'message' | 'empty';

export function setState(state: PageState): void {
  document.body.dataset.state = state;
  $('message').hidden = state !== 'message';
  $('empty').hidden = state !== 'empty';
}

export interface Action {
  label: string;
  run(): void;
  primary?: boolean;
  /** Shown as a link to this address (it still runs `run` on click). */
  href?: string;
}

/** Shows a message instead of the document: never a blank page. */
export function showMessage(title: string, text: string, actions: Action[] = [], kind = ''): void {
  setState('message');
  document.title = `${title} · IZA Begrippen`;
  $('message').dataset.kind = kind;
  $('message-title').textContent = title;
  $('message-text').textContent = text;
  $('password-form').hidden = true;
  const box = $('message-actions');
  box.replaceChildren(...actions.map((a) => {
    const el = document.createElement(a.href ? 'a' : 'button');
    el.textContent = a.label;
    if (el instanceof HTMLAnchorElement) el.href = a.href as string;
    else el.type = 'button';
    if (a.primary) el.className = 'primary';
    el.addEventListener('click', (e) => {
      e.preventDefault();
      a.run();
    });
    return el;
  }));
}

const TITLES: Record<LoadError['kind'], [string, string]> = {
  'not-found': ['errNotFoundTitle', 'errNotFound'],
  login: ['errLoginTitle', 'errLogin'],
  network: ['errNetworkTitle', 'errNetwork'],
  'not-pdf': ['errNotPdfTitle', 'errNotPdf'],
  damaged: ['errDamagedTitle', 'errDamaged'],
  local: ['errLocalTitle', 'errLocal'],
  large: ['errLargeTitle', 'errLarge'],
  'bad-address': ['errBadAddressTitle', 'errBadAddress'],
};

export function showLoadError(err: LoadError, actions: Action[]): void {
  const [title, text] = TITLES[err.kind];
  showMessage(t(title), t(text, err.detail), actions, err.kind);
}

/** Asks for the password in the message view; `wrong` after a failed try. */
export function askPassword(wrong: boolean, submit: (password: string) => void, actions: Action[]): void {
  showMessage(t('readerPasswordTitle'), wrong ? t('readerPasswordWrong') : '', actions, 'password');
  const form = $<HTMLFormElement>('password-form');
  const input = $<HTMLInputElement>('password');
  form.hidden = false;
  input.value = '';
  input.focus();
  form.onsubmit = (e) => {
    e.preventDefault();
    submit(input.value);
  };
}

let noticeTimer: ReturnType<typeof setTimeout> | undefined;

export function notice(text: string, kind: string, ms = 0): void {
  const el = $('notice');
  el.textContent = text;
  el.dataset.kind = kind;
  el.hidden = false;
  clearTimeout(noticeTimer);
  if (ms > 0) noticeTimer = setTimeout(() => (el.hidden = true), ms);
}
