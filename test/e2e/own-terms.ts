/** Shared steps of the own-terms tests (issue 20) in Chromium: the options page, its import, stored collections. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, type Harness } from './chromium';

export const OWN_FIXTURES = join(ROOT, 'test', 'fixtures', 'own-e2e');
export const TTL = join(OWN_FIXTURES, 'voorbeeldstad.ttl');
export const TTL_TEXT = readFileSync(TTL, 'utf8');

export async function openOptions(h: Harness): Promise<Page> {
  const page = await h.ctx.newPage();
  await page.goto(`chrome-extension://${h.extId}/options.html`);
  await page.waitForSelector('#own-import');
  return page;
}

/** The stored collections' names and term counts, read in the service worker. */
export function storedCollections(h: Harness): Promise<{ name: string; count: number; enabled: boolean }[]> {
  return h.worker.evaluate(async () => {
    const got = await chrome.storage.local.get('own.index');
    return ((got['own.index'] ?? []) as { name: string; count: number; enabled: boolean }[]).map(({ name, count, enabled }) => ({ name, count, enabled }));
  });
}

/** Removes every own collection and compiled datum (between tests). */
export function clearOwn(h: Harness): Promise<void> {
  return h.worker.evaluate(() => chrome.storage.local.clear());
}

/** Imports a file through the options page's real file input, then confirms with "Importeren". */
export async function importFile(options: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await options.setInputFiles('#own-import', file);
  await options.waitForSelector('#import-confirm', { timeout: 15000 });
  await options.click('#import-confirm');
  await options.waitForSelector('.collections .collection', { timeout: 15000 });
}

/** The open card's text, or null. */
export function cardText(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card')?.textContent ?? null);
}

/** The collection labels of the open card's meanings, in order. */
export function cardCollections(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelectorAll('.card .collection') ?? [])].map((e) => e.textContent ?? ''));
}
