#!/usr/bin/env node
// Renders the README screenshots with the built extension in the system Chromium:
// the card on the demo policy page, the popup and the options page.
// Run after `npm run build`: node test/tools/screenshots.mjs
import { chromium } from 'playwright-core';
import { mkdtemp, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { CHROMIUM_FLAGS, findChromium } from './browsers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'test', 'screenshots');
await mkdir(OUT, { recursive: true });
const dist = join(ROOT, 'dist', 'chrome');
const server = await serve(join(ROOT, 'test', 'fixtures'));
const ctx = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'iza-shots-')), {
  executablePath: findChromium(), headless: true, viewport: { width: 1000, height: 640 }, locale: 'nl-NL',
  env: { ...process.env, LANGUAGE: 'nl_NL', LANG: 'nl_NL.UTF-8' },
  args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
});
const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
const extId = new URL(worker.url()).host;
const page = await ctx.newPage();
await page.goto(`${server.origin}/demo/kamerbrief.html`);
await page.waitForSelector('mark[data-iza]');
await page.waitForTimeout(800);
const target = page.locator('mark[data-iza~="wlz"]').first();
await target.scrollIntoViewIfNeeded();
await page.evaluate(() => window.scrollBy(0, -160));
await target.hover();
await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
await page.waitForTimeout(200);
await page.screenshot({ path: join(OUT, 'card.png') });

await page.bringToFront();
const tab = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
const popup = await ctx.newPage();
await popup.setViewportSize({ width: 380, height: 600 });
await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tab}`);
await popup.waitForSelector('#page-terms');
await popup.fill('#search', 'patientenfederatie');
await popup.waitForSelector('#results .item');
await popup.click('#results .item >> nth=0');
await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });

const options = await ctx.newPage();
await options.setViewportSize({ width: 820, height: 900 });
await options.goto(`chrome-extension://${extId}/options.html`);
await options.waitForSelector('input[name=style]');
await options.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
await ctx.close();
await server.close();
console.log(`screenshots in ${OUT}`);
