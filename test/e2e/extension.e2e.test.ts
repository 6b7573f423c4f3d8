/** The working extension in real Chromium: highlighting, the card, keyboard access, the site switch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverTerm, launch, markTexts, openPage, openPopup, painted, paintedCount, setStored, settle, waitPainted, type Harness } from './chromium';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe('highlighting', () => {
  it('highlights the expected terms with the expected counts', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    const boundaries = await markTexts(page, '#boundaries');
    // "Wlz-indicatie" may be a glossary term of its own; either way the mark starts with Wlz.
    expect(boundaries).toHaveLength(4);
    expect(boundaries[0]).toMatch(/^Wlz(-indicatie)?=wlz/);
    expect(boundaries.slice(1)).toEqual(['Zvw=zvw', 'IZA=iza', 'NZa=nza']);
    expect(await markTexts(page, '#case')).toEqual(['GALA=gala', 'MIND=mind', 'ZN=zn', 'InEen=ineen']);
    const ws = await markTexts(page, '#whitespace');
    expect(ws).toHaveLength(3);
    expect(ws.every((x) => /^passende\s+zorg=passende-zorg$/.test(x))).toBe(true);
    const plurals = await markTexts(page, '#plurals');
    expect(plurals.map((x) => x.split('=')[0])).toEqual(['regioplannen', 'regiobeelden', 'mentale gezondheidscentra']);
    expect(await markTexts(page, '#longest')).toEqual([
      'Kader Passende Zorg=kader-passende-zorg',
      'Zorgverzekeraars Nederland=zn',
      'De Nederlandse GGZ=de-nederlandse-ggz',
    ]);
    await page.close();
  });

  it('highlights nothing inside excluded elements', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    expect(await painted(page, '#excluded')).toEqual([]);
    expect(await page.$$eval('#excluded mark', (m) => m.length)).toBe(0);
    expect(await page.inputValue('input')).toBe('Zvw in een invoerveld');
    expect(await page.$eval('template', (t) => (t as HTMLTemplateElement).content.querySelectorAll('mark').length)).toBe(0);
    await page.close();
  });

  it('keeps the page text exactly the same', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    const text = await page.evaluate(() => document.body.textContent);
    const original = await page.evaluate(async () => {
      const html = await (await fetch(location.href)).text();
      return new DOMParser().parseFromString(html, 'text/html').body.textContent;
    });
    expect(text).toBe(original);
    await page.close();
  });
});

describe('the definition card', () => {
  it('opens on hover after a short delay with the right definition, and Escape closes it', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    await hoverTerm(page, 'Zvw', '#boundaries');
    const card = page.locator('iza-begrippen-card .card');
    await card.waitFor({ timeout: 3000 });
    await expect(card.locator('.term').textContent()).resolves.toBe('Zvw');
    await expect(card.locator('.full').textContent()).resolves.toContain('Zorgverzekeringswet');
    const def = await card.locator('#iza-def').textContent();
    expect(def).toMatch(/basisverzekering|zorgverzekering/i);
    expect(await card.getAttribute('role')).toBe('dialog');
    expect(await card.getAttribute('aria-labelledby')).toBe('iza-title');
    expect(await card.locator('[role=status]').textContent()).toContain(def?.slice(0, 30));
    const link = card.locator('.foot a').first();
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/wetten\.overheid\.nl\/BWBR0018450/);
    expect(await link.getAttribute('rel')).toContain('noopener');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 2000 });
    await page.close();
  });

  it('opens related terms in the same card, and goes back', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    await hoverTerm(page, 'Zvw', '#boundaries');
    const card = page.locator('iza-begrippen-card .card');
    await card.waitFor();
    const chip = card.locator('.related .chip').first();
    const label = await chip.textContent();
    await chip.click();
    await expect(card.locator('.term').textContent()).resolves.not.toBe('Zvw');
    expect(await page.locator('iza-begrippen-card .card').count()).toBe(1);
    expect(label).toBeTruthy();
    await card.locator('.actions .link', { hasText: 'Terug' }).click();
    await expect(card.locator('.term').textContent()).resolves.toBe('Zvw');
    await page.close();
  });

  it('stays inside the viewport at the edges and follows the colour scheme', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    await page.setViewportSize({ width: 420, height: 500 });
    await page.locator('#edge').scrollIntoViewIfNeeded();
    await settle(page);
    await hoverTerm(page, 'Wmo', '#edge');
    const card = page.locator('iza-begrippen-card .card');
    await card.waitFor();
    const box = await card.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(420);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(500);
    const light = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
    await page.close();
  });

  it('lets the pointer move into the card to click a link', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    await hoverTerm(page, 'GALA', '#case');
    const card = page.locator('iza-begrippen-card .card');
    await card.waitFor();
    const link = card.locator('.foot a').first();
    await link.hover();
    await page.waitForTimeout(600);
    expect(await card.isVisible()).toBe(true);
    await page.mouse.move(1, 1);
    await card.waitFor({ state: 'detached', timeout: 3000 });
    await page.close();
  });
});

describe('keyboard access', () => {
  it('one tab stop for all terms; arrows move between them; Enter enters the card; Escape returns', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    // Painted only: no element of ours, so no tab stop in the DOM until Tab reaches the terms.
    expect(await page.$$eval('mark[data-iza]', (m) => m.length)).toBe(0);
    expect(await paintedCount(page)).toBeGreaterThan(5);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => document.activeElement?.textContent);
    expect(first).toMatch(/^Integraal Zorgakkoord$/i);
    const card = page.locator('iza-begrippen-card .card');
    await card.waitFor({ timeout: 2000 });
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.textContent);
    expect(second).not.toBe(first);
    await expect(card.locator('.term').textContent()).resolves.toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.localName === 'iza-begrippen-card', null, { timeout: 2000 });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    // Tab leaves the terms for the next focusable element; the term's element goes with it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('mark') === null)).toBe(true);
    await page.waitForFunction(() => document.querySelectorAll('mark[data-iza]').length === 0, null, { timeout: 2000 });
    await page.close();
  });
});

describe('keyboard access in a server-rendered app', () => {
  it('reaches terms that may still hydrate without writing into the app: a focus proxy over the term', async () => {
    const page = await openPage(h, '/pages/ssr-keyboard.html');
    const root = () => page.evaluate(() => document.getElementById('root')!.innerHTML);
    const before = await root();
    await page.focus('#before');
    await page.keyboard.press('Tab');
    // Focus is on our proxy (outside the app root), labelled with the term; the card is open.
    await page.waitForFunction(() => document.activeElement?.localName === 'iza-begrippen-focus');
    expect(await page.evaluate(() => document.activeElement!.shadowRoot!.activeElement!.getAttribute('aria-label'))).toBe('Zvw');
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('#iza-title')?.textContent === 'Zvw');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('aria-label') === 'IZA');
    expect(await root()).toBe(before);
    expect(await page.$$eval('#root mark', (m) => m.length)).toBe(0);
    // Tab goes on in the page's order from the term: to the link after the app.
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.activeElement?.id === 'after');
    await page.waitForFunction(() => !document.querySelector('iza-begrippen-focus'));
    expect(await root()).toBe(before);
    await page.close();
  });
});

describe('switching it off', () => {
  it('the per-site switch in the popup removes every mark, restores the DOM exactly, and persists', async () => {
    await setStored(h, { settings: { version: 2 }, off0: '127.0.0.1' });
    const page = await openPage(h, '/pages/highlight.html', { marks: false });
    await page.waitForTimeout(500);
    expect(await paintedCount(page)).toBe(0);
    const original = await page.evaluate(() => document.documentElement.outerHTML);

    const popup = await openPopup(h, page);
    await popup.waitForSelector('#status');
    expect(await popup.isChecked('#site-switch')).toBe(false);
    await popup.click('#site-switch');
    await waitPainted(page, 'n > 0');
    await settle(page);
    expect(await paintedCount(page)).toBeGreaterThan(10);
    // Painted, not written: the DOM is still the page's own.
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);

    await popup.reload();
    await popup.waitForSelector('#page-terms');
    expect(await popup.isChecked('#site-switch')).toBe(true);
    await popup.click('#site-switch');
    await waitPainted(page, 'n === 0');
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(original);

    await page.reload();
    await page.waitForTimeout(600);
    expect(await paintedCount(page)).toBe(0);
    await popup.close();
    await setStored(h, {});
    await waitPainted(page, 'n > 0');
    await page.close();
  });

  it('the global switch turns every open tab off and on without a reload', async () => {
    await setStored(h, {});
    const a = await openPage(h, '/pages/highlight.html');
    const b = await openPage(h, '/seeds/seed-0.html');
    await setStored(h, { settings: { version: 2, enabled: false } });
    for (const p of [a, b]) await waitPainted(p, 'n === 0');
    await setStored(h, {});
    for (const p of [a, b]) await waitPainted(p, 'n > 0');
    await a.close();
    await b.close();
  });

  it('the popup shows the site and how many terms were found', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/highlight.html');
    const count = await paintedCount(page);
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#page-terms');
    expect(await popup.textContent('.site')).toBe('127.0.0.1');
    expect(await popup.textContent('#terms-heading')).toContain(`(${count})`);
    await popup.close();
    await page.close();
  });
});
