/** Issue 6 in real Chromium: popup term list and jump, search, copy, options live, commands, context menu. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, openPage, openPopup, setStored, settle, tabIdOf, type Harness } from './chromium';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

const card = '#iza-title';
const cardText = (page: import('playwright-core').Page, sel: string) =>
  page.evaluate((s) => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector(s)?.textContent ?? null, sel);

describe('popup: terms on this page', () => {
  it('lists every term with counts in order of first appearance, and jumps to it', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/demo/kamerbrief.html');
    const expected = await page.$$eval('mark[data-iza]', (ms) => {
      const counts = new Map<string, number>();
      for (const m of ms) {
        const id = m.getAttribute('data-iza')!.split(' ')[0]!;
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return [...counts];
    });
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#page-terms li');
    const listed = await popup.$$eval('#page-terms .item', (items) => items.map((i) => [i.getAttribute('data-id'), Number(/\d+/.exec(i.querySelector('.n')!.textContent!)![0])]));
    expect(listed).toEqual(expected);
    await popup.click('text=Op naam');
    const names = await popup.$$eval('#page-terms .name', (n) => n.map((x) => x.textContent!.replace(/^\S+ /, '')));
    expect(names.length).toBe(expected.length);

    const target = expected.find(([, n]) => n >= 2)![0] as string;
    await popup.click(`#page-terms .item[data-id="${target}"]`);
    await page.waitForFunction((id) => (document.activeElement?.getAttribute('data-iza') ?? '').split(' ').includes(id), target);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('iza-flash'))).toBe(true);
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    await page.evaluate(() => document.activeElement?.setAttribute('data-test-first', ''));
    await popup.click(`#page-terms .item[data-id="${target}"]`);
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-iza') && !document.activeElement.hasAttribute('data-test-first'));
    await page.evaluate(() => document.querySelector('[data-test-first]')?.removeAttribute('data-test-first'));
    await popup.close();
    await page.close();
  });
});

describe('popup: glossary search', () => {
  it('is insensitive to diacritics and case, ranks abbreviations first, and opens the definition', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    const popup = await openPopup(h, page);
    await popup.fill('#search', 'patientenfederatie');
    await popup.waitForSelector('#results .item');
    expect(await popup.getAttribute('#results .item >> nth=0', 'data-id')).toBe('patientenfederatie-nederland');
    await popup.click('#results .item >> nth=0');
    expect(await popup.textContent('#results .def')).toMatch(/Patiëntenfederatie|patiënten/i);
    await popup.fill('#search', 'WLZ');
    await popup.waitForSelector('#results .item[data-id="wlz"]');
    expect(await popup.getAttribute('#results .item >> nth=0', 'data-id')).toBe('wlz');
    await popup.fill('#search', 'qqqxyz');
    await popup.waitForSelector('#no-results');
    await popup.close();
    await page.close();
  });
});

describe('popup: copy page glossary', () => {
  it('copies the terms on the page with definitions and sources as Markdown and as text', async () => {
    const page = await openPage(h, '/pages/highlight.html');
    const popup = await openPopup(h, page);
    await popup.waitForSelector('#copy-md');
    await popup.click('#copy-md');
    await popup.waitForFunction(() => document.body.dataset.copied);
    const md = await popup.evaluate(() => document.body.dataset.copied!);
    expect(md).toMatch(/^## Begrippen: Testpagina/);
    expect(md).toContain('**Zorgverzekeringswet (Zvw)**');
    expect(md).toContain('(https://wetten.overheid.nl/BWBR0018450)');
    const clip = await popup.evaluate(() => navigator.clipboard.readText()).catch(() => null);
    if (clip !== null) expect(clip).toBe(md);
    await popup.click('#copy-text');
    await popup.waitForFunction(() => !document.body.dataset.copied!.startsWith('##'));
    const txt = await popup.evaluate(() => document.body.dataset.copied!);
    expect(txt).toContain('Bron: ');
    expect(txt).not.toContain('**');
    await popup.close();
    await page.close();
  });
});

describe('options take effect live', () => {
  it('highlight style, categories, first occurrence, English and site list apply to an open tab at once', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/highlight.html');
    const options = await h.ctx.newPage();
    await options.goto(`chrome-extension://${h.extId}/options.html`);
    await options.waitForSelector('input[name=style]');

    await options.check('input[name=style][value=background]');
    await page.waitForFunction(() => [...document.querySelectorAll('mark[data-iza]')].every((m) => m.classList.contains('iza-b')));
    expect(await page.$eval('mark[data-iza]', (m) => getComputedStyle(m).backgroundColor)).toBe('rgb(255, 241, 168)');

    await options.uncheck('input[name=category][value=wet]');
    await page.waitForFunction(() => !document.querySelector('mark[data-iza~="zvw"]') && document.querySelector('mark[data-iza~="iza"]'));
    await options.check('input[name=category][value=wet]');
    await page.waitForSelector('mark[data-iza~="zvw"]');

    await options.check('input[name=first][value=page]');
    await page.waitForFunction(() => {
      const ids = [...document.querySelectorAll('mark[data-iza]')].map((m) => m.getAttribute('data-iza'));
      return ids.length > 0 && new Set(ids).size === ids.length;
    });
    await options.check('input[name=first][value=off]');
    await page.waitForFunction(() => document.querySelectorAll('mark[data-iza~="passende-zorg"]').length === 3);

    await options.check('#show-english');
    await settle(page);
    await page.locator('mark[data-iza="zvw"]').first().hover();
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.def.en'));
    expect(await cardText(page, '.def.en')).toContain('Health Insurance Act');
    await page.keyboard.press('Escape');

    await options.fill('#sites', '127.0.0.1');
    await options.locator('#sites').blur();
    await page.waitForFunction(() => document.querySelectorAll('mark[data-iza]').length === 0);
    await options.click('#reset');
    await page.waitForSelector('mark[data-iza].iza-u');
    await options.close();
    await page.close();
  });
});

describe('keyboard commands and the context menu', () => {
  it('next and previous term move through the highlights in reading order and open each card', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/highlight.html');
    await page.bringToFront();
    const order = await page.$$eval('mark[data-iza]', (ms) => ms.map((m) => m.textContent));
    const run = (c: string) => h.worker.evaluate((cmd) => (globalThis as any).__izaTest.onCommand(cmd), c);
    await run('next-term');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-iza'));
    const a = await page.evaluate(() => document.activeElement!.textContent);
    await run('next-term');
    await page.waitForFunction((x) => document.activeElement?.textContent !== x, a);
    const b = await page.evaluate(() => document.activeElement!.textContent);
    expect(order.indexOf(b)).toBe(order.indexOf(a) + 1);
    expect(await cardText(page, card)).toBeTruthy();
    await run('previous-term');
    await page.waitForFunction((x) => document.activeElement?.textContent === x, a);
    await page.close();
  });

  it('toggle-site switches the current site off and on', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/highlight.html');
    await page.bringToFront();
    await h.worker.evaluate(() => (globalThis as any).__izaTest.onCommand('toggle-site'));
    await page.waitForFunction(() => document.querySelectorAll('mark[data-iza]').length === 0);
    await h.worker.evaluate(() => (globalThis as any).__izaTest.onCommand('toggle-site'));
    await page.waitForSelector('mark[data-iza]');
    await page.close();
  });

  it('"Opzoeken in IZA Begrippen" opens the card for a selected term, or the search prefilled', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/highlight.html');
    const tab = await tabIdOf(h, page);
    const r1 = await h.worker.evaluate(([t]) => (globalThis as any).__izaTest.lookUp('Nederlandse Zorgautoriteit', t), [tab]);
    expect(r1).toBe('card');
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    expect(await cardText(page, card)).toBe('Nederlandse Zorgautoriteit');
    const r2 = await h.worker.evaluate(([t]) => (globalThis as any).__izaTest.lookUp('wachtlijstbemiddeling xyz', t), [tab]);
    expect(r2).toBe('search');
    const popup = await openPopup(h, page);
    await popup.waitForFunction(() => (document.querySelector('#search') as HTMLInputElement).value === 'wachtlijstbemiddeling xyz');
    await popup.close();
    await page.close();
  });
});

describe('languages', () => {
  it('leads with the English definition on an English page', async () => {
    const page = await openPage(h, '/pages/english.html');
    expect(await page.$$eval('mark[data-iza]', (ms) => ms.map((m) => m.textContent))).toContain('Health Insurance Act');
    await page.locator('mark[data-iza="zvw"]').first().hover();
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('#iza-def'));
    expect(await page.evaluate(() => document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('#iza-def')!.getAttribute('lang'))).toBe('en');
    await page.close();
  });
});
