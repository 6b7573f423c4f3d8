/** The reader in an English, dark browser (Chromium): its UI follows the browser's language and colour scheme. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, type Harness } from './chromium';
import { readerRoutes } from './reader-fixtures';

let h: Harness;
beforeAll(async () => {
  h = await launch({ locale: 'en-US', colorScheme: 'dark', routes: await readerRoutes() });
});
afterAll(async () => {
  await h?.close();
});

it('English UI, dark toolbar and background, and an English error message', async () => {
  const page = await h.ctx.newPage();
  await page.goto(`chrome-extension://${h.extId}/reader.html?file=${encodeURIComponent(`${h.origin}/docs/brief.pdf`)}`);
  await page.waitForFunction(() => document.body.dataset.state === 'ready' && [...CSS.highlights].some(([n, hl]) => n.startsWith('iza-') && hl.size > 0), null, { timeout: 20000 });
  expect(await page.textContent('#download')).toBe('Download');
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r, g, b] = (bg.match(/\d+/g) ?? []).map(Number) as [number, number, number];
  expect(r + g + b).toBeLessThan(150);
  await page.goto(`chrome-extension://${h.extId}/reader.html?file=${encodeURIComponent(`${h.origin}/docs/missing.pdf`)}`);
  await page.waitForSelector('#message[data-kind=not-found]:not([hidden])');
  expect(await page.textContent('#message-title')).toBe('PDF not found');
  await page.close();
});
