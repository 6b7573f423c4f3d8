/** Issue 6 in real Chromium: popup term list and jump, search, copy, options live, commands, context menu. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hoverTerm, launch, openPage, openPopup, painted, setStored, settle, tabIdOf, until, untilTexts, waitPainted, type Harness } from './chromium';
import { idsOf } from './painted';

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
    const counts = new Map<string, number>();
    for (const t of await painted(page)) {
      const id = idsOf(t.text).split(' ')[0]!;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    const expected = [...counts];
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
    // The flash is a highlight of its own over the term.
    expect(await page.evaluate(() => CSS.highlights.has('iza-flash'))).toBe(true);
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
    await until(async () => (await painted(page)).every((t) => t.style === 'iza-b'), 15000, 'background style');
    expect(await page.evaluate(() => getComputedStyle(document.body, '::highlight(iza-b)').backgroundColor)).toBe('rgb(255, 241, 168)');

    await options.uncheck('input[name=category][value=wet]');
    await untilTexts(page, (t) => !t.includes('Zvw') && t.includes('IZA'), 'no law terms');
    await options.check('input[name=category][value=wet]');
    await untilTexts(page, (t) => t.includes('Zvw'), 'law terms back');

    await options.check('input[name=first][value=page]');
    await untilTexts(page, (t) => {
      const ids = t.map(idsOf);
      return ids.length > 0 && new Set(ids).size === ids.length;
    }, 'first occurrence only');
    await options.check('input[name=first][value=off]');
    await untilTexts(page, (t) => t.filter((x) => idsOf(x) === 'passende-zorg').length === 3, 'every occurrence');

    await options.check('#show-english');
    await settle(page);
    await hoverTerm(page, 'Zvw');
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.def.en'));
    expect(await cardText(page, '.def.en')).toContain('Health Insurance Act');
    await page.keyboard.press('Escape');

    await options.fill('#sites', '127.0.0.1');
    await options.locator('#sites').blur();
    await waitPainted(page, 'n === 0');
    await options.click('#reset');
    await until(async () => (await painted(page)).some((t) => t.style === 'iza-u'), 15000, 'underline style');
    await options.close();
    await page.close();
  });
});

describe('keyboard commands and the context menu', () => {
  it('next and previous term move through the highlights in reading order and open each card', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/highlight.html');
    await page.bringToFront();
    const order = (await painted(page)).map((t) => t.text);
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
    await waitPainted(page, 'n === 0');
    await h.worker.evaluate(() => (globalThis as any).__izaTest.onCommand('toggle-site'));
    await waitPainted(page, 'n > 0');
    await page.close();
  });

  it('"Opzoeken in IZA Begrippen" opens the card for a selected term, or the search prefilled', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/pages/highlight.html');
    const tab = await tabIdOf(h, page);
    const r1 = await h.worker.evaluate(([t]) => (globalThis as any).__izaTest.lookUp('Nederlandse Zorgautoriteit', t), [tab]);
    expect(r1).toBe('card');
    // Polled, not per animation frame: the tab may be in the background here.
    await page.waitForFunction(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'), null, { polling: 100 });
    expect(await cardText(page, card)).toBe('Nederlandse Zorgautoriteit');
    const r2 = await h.worker.evaluate(([t]) => (globalThis as any).__izaTest.lookUp('geen begrip xyz', t), [tab]);
    expect(r2).toBe('search');
    // Chromium 156 opens the real popup (action.openPopup), which takes the query from session
    // storage at once; its page is not one Playwright drives, so: the popup opened and took it…
    const cdp = await h.ctx.browser()!.newBrowserCDPSession();
    const popups = async () => (await cdp.send('Target.getTargets')).targetInfos.filter((t) => t.url === `chrome-extension://${h.extId}/popup.html`).length;
    await expect.poll(popups, { timeout: 10000 }).toBe(1);
    await expect.poll(() => h.worker.evaluate(() => chrome.storage.session.get('searchQuery')), { timeout: 10000 }).toEqual({});
    await cdp.detach();
    // …and a popup opened with a query waiting shows it in the search field.
    await h.worker.evaluate(() => chrome.storage.session.set({ searchQuery: 'geen begrip xyz' }));
    const popup = await openPopup(h, page);
    await popup.waitForFunction(() => (document.querySelector('#search') as HTMLInputElement).value === 'geen begrip xyz');
    await popup.close();
    await page.close();
  });
});

describe('languages', () => {
  it('leads with the English definition on an English page', async () => {
    const page = await openPage(h, '/pages/english.html');
    expect((await painted(page)).map((t) => t.text)).toContain('Health Insurance Act');
    await hoverTerm(page, /^(Zvw|Health Insurance Act)$/);
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('#iza-def'));
    expect(await page.evaluate(() => document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('#iza-def')!.getAttribute('lang'))).toBe('en');
    await page.close();
  });
});
