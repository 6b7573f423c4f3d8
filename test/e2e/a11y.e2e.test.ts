/** Automated accessibility checks with axe-core in real Chromium: popup, options page, open card. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, hoverTerm, launch, openPage, openPopup, setStored, type Harness } from './chromium';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe on the page (evaluated through the devtools protocol, so no page CSP blocks it). */
async function violations(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async (inc) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await axe.run(inc ? { include: [[inc]] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }, include ?? null);
  return result;
}

let h: Harness;
beforeAll(async () => {
  h = await launch();
  await setStored(h, {});
});
afterAll(async () => {
  await h?.close();
});

describe('axe-core: no violations', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`the popup (${scheme})`, async () => {
      const page = await openPage(h, '/pages/highlight.html');
      const popup = await openPopup(h, page);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.waitForSelector('#page-terms');
      await popup.fill('#search', 'wlz');
      await popup.click('#results .item >> nth=0');
      expect(await violations(popup)).toEqual([]);
      await popup.close();
      await page.close();
    });

    it(`the options page (${scheme})`, async () => {
      const options = await h.ctx.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${h.extId}/options.html`);
      await options.waitForSelector('input[name=style]');
      expect(await violations(options)).toEqual([]);
      await options.close();
    });

    it(`a page with an open card (${scheme})`, async () => {
      const page = await openPage(h, '/demo/kamerbrief.html');
      await page.emulateMedia({ colorScheme: scheme });
      await hoverTerm(page, /./);
      await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
      expect(await violations(page, 'iza-begrippen-card')).toEqual([]);
      expect(await violations(page, 'main')).toEqual([]);
      await page.close();
    });
  }
});
