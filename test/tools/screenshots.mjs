#!/usr/bin/env node
// Renders the README screenshots with the built extension in the system Chromium: the card on
// the demo policy page, the popup and the options page; and on a 390x844 touch phone the card as
// a sheet after a tap, and the popup and options page at 360 px.
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

/** The centre of the first box of the first painted term with this text (terms are painted, not elements). */
const termPoint = (page, text) => page.evaluate((want) => {
  for (const [name, h] of CSS.highlights) {
    if (!name.startsWith('iza-') || name === 'iza-flash') continue;
    for (const r of h) {
      const x = new Range();
      x.setStart(r.startContainer, r.startOffset);
      x.setEnd(r.endContainer, r.endOffset);
      const b = x.getClientRects()[0];
      // Taps land in the visual viewport, which a page wider than the phone moves inside the layout one.
      const vv = window.visualViewport;
      if (x.toString() === want && b) return { x: b.left + b.width / 2 - (vv?.offsetLeft ?? 0), y: b.top + b.height / 2 - (vv?.offsetTop ?? 0) };
    }
  }
  return null;
}, text);
const cardOpen = (page) => page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
const painted = (page) => page.waitForFunction(() => [...CSS.highlights].some(([n, h]) => n.startsWith('iza-') && h.size > 0));

async function browser(options) {
  const ctx = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'iza-shots-')), {
    executablePath: findChromium(), headless: true, locale: 'nl-NL', ...options,
    env: { ...process.env, LANGUAGE: 'nl_NL', LANG: 'nl_NL.UTF-8' },
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--lang=nl-NL'],
  });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  return { ctx, worker, extId: new URL(worker.url()).host };
}

/** The popup page for a tab (popup.html?tab=N), as a toolbar popup shows it. */
async function popupFor(b, page, size) {
  await page.bringToFront();
  const tab = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
  const popup = await b.ctx.newPage();
  await popup.setViewportSize(size);
  await popup.goto(`chrome-extension://${b.extId}/popup.html?tab=${tab}`);
  await popup.waitForSelector('#page-terms');
  await popup.fill('#search', 'patientenfederatie');
  await popup.waitForSelector('#results .item');
  await popup.click('#results .item >> nth=0');
  return popup;
}

// Desktop: the card on hover, the popup, the options page.
const desk = await browser({ viewport: { width: 1000, height: 640 } });
const page = await desk.ctx.newPage();
await page.goto(`${server.origin}/demo/kamerbrief.html`);
await painted(page);
await page.waitForTimeout(800);
await page.evaluate(() => {
  const w = [...CSS.highlights].flatMap(([, h]) => [...h]).find((r) => r.startContainer.textContent.slice(r.startOffset, r.endOffset) === 'Wlz');
  w.startContainer.parentElement.scrollIntoView({ block: 'center' });
  window.scrollBy(0, -160);
});
await page.waitForTimeout(300);
const wlz = await termPoint(page, 'Wlz');
await page.mouse.move(wlz.x, wlz.y);
await cardOpen(page);
await page.waitForTimeout(200);
await page.screenshot({ path: join(OUT, 'card.png') });
const popup = await popupFor(desk, page, { width: 380, height: 600 });
await popup.screenshot({ path: join(OUT, 'popup.png'), fullPage: true });
const options = await desk.ctx.newPage();
await options.setViewportSize({ width: 820, height: 900 });
await options.goto(`chrome-extension://${desk.extId}/options.html`);
await options.waitForSelector('input[name=style]');
await options.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
await desk.ctx.close();

// A touch phone: the card as a sheet after a tap; the popup and the options page at 360 px.
const phone = await browser({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
const mobile = await phone.ctx.newPage();
await mobile.goto(`${server.origin}/demo/kamerbrief.html`);
await painted(mobile);
await mobile.waitForTimeout(800);
await mobile.evaluate(() => {
  const w = [...CSS.highlights].flatMap(([, h]) => [...h]).find((r) => r.startContainer.textContent.slice(r.startOffset, r.endOffset) === 'Wlz');
  w.startContainer.parentElement.scrollIntoView({ block: 'start' });
  window.scrollBy(0, -120);
});
await mobile.waitForTimeout(300);
const tapAt = await termPoint(mobile, 'Wlz');
await mobile.touchscreen.tap(tapAt.x, tapAt.y);
await cardOpen(mobile);
await mobile.waitForTimeout(200);
await mobile.screenshot({ path: join(OUT, 'phone-card.png') });
const popup360 = await popupFor(phone, mobile, { width: 360, height: 740 });
await popup360.screenshot({ path: join(OUT, 'popup-360.png'), fullPage: true });
const options360 = await phone.ctx.newPage();
await options360.setViewportSize({ width: 360, height: 740 });
await options360.goto(`chrome-extension://${phone.extId}/options.html`);
await options360.waitForSelector('input[name=style]');
await options360.screenshot({ path: join(OUT, 'options-360.png') });
await phone.ctx.close();
await server.close();
console.log(`screenshots in ${OUT}`);
