/** The UI follows the browser's language: English under an English locale. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { hoverTerm, launch, openPage, openPopup, type Harness } from './chromium';

let h: Harness;
beforeAll(async () => {
  h = await launch({ locale: 'en-US' });
});
afterAll(async () => {
  await h?.close();
});

it('shows the popup, options and card in English', async () => {
  const page = await openPage(h, '/pages/highlight.html');
  const popup = await openPopup(h, page);
  expect(await popup.textContent('label[for=search]')).toBe('Search the glossary');
  expect(await popup.evaluate(() => document.documentElement.lang)).toBe('en');
  await popup.close();
  await hoverTerm(page, 'Zvw');
  await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.related'));
  expect(await page.evaluate(() => document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('.related .label')!.textContent)).toBe('See also:');
  // Definitions still lead in Dutch on a Dutch page.
  expect(await page.evaluate(() => document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('#iza-def')!.getAttribute('lang'))).toBe('nl');
  await page.close();
});
