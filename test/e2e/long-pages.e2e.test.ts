/**
 * Issue 4 in real Chromium: on a long document every occurrence is found at once, but only the
 * matches near the reader are wrapped; the rest are wrapped as the reader scrolls, steps or jumps
 * to them. Counts, the term list, next/previous and switching off treat both alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openPage, openPopup, setStored, type Harness } from './chromium';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const PARAGRAPHS = 3000;
const marksIn = (page: Page, id: string) => page.$$eval(`#${id} mark[data-iza]`, (ms) => ms.map((m) => m.getAttribute('data-iza')));
const marked = (page: Page) => page.evaluate(() => document.querySelectorAll('mark[data-iza]').length);

describe('long documents: wrap near the reader, count everything', () => {
  it('wraps the first screens at once and leaves the far paragraphs untouched until needed', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    const n = await marked(page);
    console.log(`long page: ${n} of ${PARAGRAPHS * 4 + 2} occurrences wrapped after load`);
    expect(n).toBeGreaterThanOrEqual(100);
    expect(n).toBeLessThan(PARAGRAPHS * 2);
    expect(await marksIn(page, 'p-0')).toEqual(['zvw', 'wlz', 'wmo', 'passende-zorg']);
    expect(await marksIn(page, 'p-2500')).toEqual([]);
    await page.close();
  });

  it('counts every occurrence in the popup, in order of first appearance, wrapped or not', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#page-terms li');
    const listed = await popup.$$eval('#page-terms .item', (items) => items.map((i) => [i.getAttribute('data-id'), Number(/\d+/.exec(i.querySelector('.n')!.textContent!)![0])]));
    expect(listed).toEqual([['zvw', PARAGRAPHS], ['wlz', PARAGRAPHS], ['wmo', PARAGRAPHS], ['passende-zorg', PARAGRAPHS], ['regioplan', 1], ['gala', 1]]);
    expect(await popup.textContent('#terms-heading')).toContain(String(PARAGRAPHS * 4 + 2));
    // Jumping to a term that only occurs far below wraps it, scrolls to it and opens its card.
    await popup.click('#page-terms .item[data-id="gala"]');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-iza') === 'gala');
    expect(await page.evaluate(() => document.activeElement!.closest('p')!.id)).toBe('p-2900');
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    await popup.close();
    await page.close();
  });

  it('wraps what scrolls into view, within a few frames, with every term of every paragraph in view', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    for (const target of ['p-1500', 'p-2200', 'p-700']) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'center' }), target);
      await page.waitForFunction((id) => document.querySelectorAll(`#${id} mark[data-iza]`).length > 0, target, { timeout: 2000 });
      // Every paragraph in the viewport is complete.
      const inView = await page.evaluate(() => [...document.querySelectorAll('#long p')].filter((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      }).map((p) => [p.id, p.querySelectorAll('mark[data-iza]').length]));
      expect(inView.length).toBeGreaterThan(3);
      for (const [id, count] of inView) expect([id, count]).toEqual([id, id === 'p-1500' ? 5 : 4]);
    }
    expect(await marksIn(page, 'p-1500')).toEqual(['zvw', 'wlz', 'wmo', 'passende-zorg', 'regioplan']);
    await page.close();
  });

  it('steps with next-term from the last wrapped mark into the paragraphs not yet wrapped', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/long.html');
    await page.bringToFront();
    // Focus the last wrapped mark in document order (far below the viewport, not scrolled to).
    const last = await page.evaluate(() => {
      const ms = document.querySelectorAll<HTMLElement>('mark[data-iza]');
      const m = ms[ms.length - 1]!;
      m.setAttribute('tabindex', '0');
      m.focus({ preventScroll: true });
      return m.closest('p')!.id;
    });
    const next = Number(last.slice(2)) + 1;
    expect(await marksIn(page, `p-${next}`)).toEqual([]);
    await h.worker.evaluate(() => (globalThis as any).__izaTest.onCommand('next-term'));
    await page.waitForFunction((id) => document.activeElement?.closest('p')?.id === id, `p-${next}`);
    expect(await page.evaluate(() => document.activeElement!.getAttribute('data-iza'))).toBe('zvw');
    await page.close();
  });

  it('a page change to a paragraph not yet wrapped is respected, and switching off restores the page exactly', async () => {
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
    await page.waitForFunction(() => document.querySelectorAll('#p-1999 mark[data-iza]').length === 4);
    expect(await marksIn(page, 'p-2000')).toEqual(['wlz']);
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#page-terms li');
    expect(await popup.textContent('#terms-heading')).toContain(String(PARAGRAPHS * 4 + 2 - 3));
    await popup.close();
    await setStored(h, { settings: { version: 2 }, off0: '127.0.0.1' });
    await page.waitForFunction(() => document.querySelectorAll('mark[data-iza]').length === 0);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(original);
    await setStored(h, {});
    await page.close();
  });
});
