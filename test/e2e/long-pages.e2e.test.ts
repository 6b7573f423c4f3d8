/**
 * Long documents in real Chromium: every occurrence is found at once, but only the terms near
 * the reader are painted; the rest are painted as the reader scrolls, steps or jumps to them.
 * Counts, the term list, next/previous and switching off treat both alike, and the DOM stays the
 * page's own throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openPage, openPopup, painted, paintedCount, setStored, until, waitPainted, type Harness } from './chromium';
import { idsOf } from './painted';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const PARAGRAPHS = 3000;
const marksIn = async (page: Page, id: string) => (await painted(page, `#${id}`)).map((t) => idsOf(t.text));
const marked = paintedCount;

describe('long documents: paint near the reader, count everything', () => {
  it('paints the first screens at once and leaves the far paragraphs unpainted until needed', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    const n = await marked(page);
    console.log(`long page: ${n} of ${PARAGRAPHS * 4 + 2} occurrences painted after load`);
    expect(await page.$$eval('mark', (m) => m.length)).toBe(0);
    expect(n).toBeGreaterThanOrEqual(100);
    expect(n).toBeLessThan(PARAGRAPHS * 2);
    expect(await marksIn(page, 'p-0')).toEqual(['zvw', 'wlz', 'wmo', 'passende-zorg']);
    expect(await marksIn(page, 'p-2500')).toEqual([]);
    await page.close();
  });

  it('counts every occurrence in the popup, in order of first appearance, painted or not', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#page-terms li');
    const listed = await popup.$$eval('#page-terms .item', (items) => items.map((i) => [i.getAttribute('data-id'), Number(/\d+/.exec(i.querySelector('.n')!.textContent!)![0])]));
    expect(listed).toEqual([['zvw', PARAGRAPHS], ['wlz', PARAGRAPHS], ['wmo', PARAGRAPHS], ['passende-zorg', PARAGRAPHS], ['regioplan', 1], ['gala', 1]]);
    expect(await popup.textContent('#terms-heading')).toContain(String(PARAGRAPHS * 4 + 2));
    // Jumping to a term that only occurs far below scrolls to it, gives it focus and opens its card.
    await popup.click('#page-terms .item[data-id="gala"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-iza') === 'gala');
    expect(await page.evaluate(() => document.activeElement!.closest('p')!.id)).toBe('p-2900');
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    await popup.close();
    await page.close();
  });

  it('paints what scrolls into view, within a few frames, with every term of every paragraph in view', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    for (const target of ['p-1500', 'p-2200', 'p-700']) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), target);
      await until(async () => (await marksIn(page, target)).length > 0, 2000, `${target} painted`);
      // Every paragraph in the viewport is complete.
      const ids = await page.evaluate(() => [...document.querySelectorAll('#long p')].filter((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      }).map((p) => p.id));
      expect(ids.length).toBeGreaterThan(3);
      for (const id of ids) expect([id, (await marksIn(page, id)).length]).toEqual([id, id === 'p-1500' ? 5 : 4]);
    }
    // Far from the reader, painting is dropped again (at most PAINT_BUDGET ranges stay painted:
    // in Chromium every highlight change repaints all of them); coming back paints it anew.
    expect(await marked(page)).toBeLessThanOrEqual(4000 + 800 * 5);
    await page.evaluate(() => document.getElementById('p-1500')!.scrollIntoView({ block: 'center' }));
    await until(async () => (await marksIn(page, 'p-1500')).length === 5, 2000, 'p-1500 painted again');
    expect(await marksIn(page, 'p-1500')).toEqual(['zvw', 'wlz', 'wmo', 'passende-zorg', 'regioplan']);
    expect(await page.$$eval('mark', (m) => m.length)).toBe(0);
    await page.close();
  });

  it('steps with next-term from a far term into paragraphs not painted before', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    await page.bringToFront();
    expect(await marksIn(page, 'p-2901')).toEqual([]);
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#page-terms li');
    await popup.click('#page-terms .item[data-id="gala"]');
    await popup.close();
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-iza') === 'gala');
    await h.worker.evaluate(() => (globalThis as any).__izaTest.onCommand('next-term'));
    await page.waitForFunction(() => document.activeElement?.closest('p')?.id === 'p-2901');
    expect(await page.evaluate(() => document.activeElement!.getAttribute('data-iza'))).toBe('zvw');
    // Only the term in use is an element; the one before it was released.
    expect(await page.$$eval('mark[data-iza]', (m) => m.length)).toBe(1);
    await page.close();
  });

  it('a page change to a paragraph not yet painted is respected, and switching off restores the page exactly', async () => {
    // The reference: the same page at localhost, where the extension is switched off.
    await setStored(h, { settings: { version: 2 }, off0: 'localhost' });
    const plain = await h.ctx.newPage();
    await plain.goto(`http://localhost:${new URL(h.origin).port}/pages/long.html`);
    await plain.evaluate(() => (document.getElementById('p-2000')!.firstChild as Text).data = 'Alleen de Wlz nog.');
    const original = await plain.evaluate(() => document.body.innerHTML);
    await plain.close();
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    await page.evaluate(() => (document.getElementById('p-2000')!.firstChild as Text).data = 'Alleen de Wlz nog.');
    await page.evaluate(() => document.getElementById('p-2000')!.scrollIntoView({ block: 'center' }));
    await until(async () => (await marksIn(page, 'p-1999')).length === 4, 5000, 'p-1999 painted');
    expect(await marksIn(page, 'p-2000')).toEqual(['wlz']);
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#page-terms li');
    expect(await popup.textContent('#terms-heading')).toContain(String(PARAGRAPHS * 4 + 2 - 3));
    await popup.close();
    await setStored(h, { settings: { version: 2 }, off0: '127.0.0.1' });
    await waitPainted(page, 'n === 0');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    await setStored(h, {});
    await page.close();
  });
});
