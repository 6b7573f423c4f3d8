/**
 * Touch and small screens (issue 23), in real Chromium emulating a 390x844 touch phone, and a
 * touch tap in Firefox ESR through WebDriver BiDi: tap to open and close the card, links still
 * followed, scrolling never opens a card, the sheet inside the viewport, the popup, options page
 * and reader at 360 px, and the options page in one language at a time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launch, openPage, openPopup, painted, setStored, type Harness } from './chromium';
import { readerRoutes } from './reader-fixtures';
import { Firefox, PAINTED_COUNT } from './firefox';

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

interface CardState { left: number; top: number; right: number; bottom: number; vw: number; vh: number; sheet: boolean; side: string; term: string; minFont: number; close: { w: number; h: number } }

/** The open card's box against the viewport, or null when no card is open. */
function cardState(page: Page): Promise<CardState | null> {
  return page.evaluate(() => {
    const c = document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
    if (!c) return null;
    const r = c.getBoundingClientRect();
    const vv = window.visualViewport;
    let minFont = Infinity;
    for (const el of c.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.sr') || !el.childNodes.length || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim())) continue;
      // The size on the screen: the computed size times the card's zoom and the page's scale.
      minFont = Math.min(minFont, Number.parseFloat(getComputedStyle(el).fontSize) * Number(c.style.zoom || 1) * (vv?.scale ?? 1));
    }
    const x = c.querySelector('.close')!.getBoundingClientRect();
    const s = (vv?.scale ?? 1) * Number(c.style.zoom || 1);
    return {
      left: r.left, top: r.top, right: r.right, bottom: r.bottom,
      vw: vv ? vv.offsetLeft + vv.width : innerWidth, vh: vv ? vv.offsetTop + vv.height : innerHeight,
      sheet: c.hasAttribute('data-sheet'), side: c.dataset.side ?? '', term: c.querySelector('.term')?.textContent ?? '',
      minFont, close: { w: x.width * s / Number(c.style.zoom || 1), h: x.height * s / Number(c.style.zoom || 1) },
    };
  });
}

const waitCard = (page: Page, timeout = 3000) => page.waitForFunction(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'), null, { timeout });
const waitNoCard = (page: Page, timeout = 3000) => page.waitForFunction(() => !document.querySelector('iza-begrippen-card'), null, { timeout });

async function termAt(page: Page, text: string, scope = ''): Promise<{ x: number; y: number }> {
  const t = (await painted(page, scope)).find((p) => p.text === text);
  if (!t) throw new Error(`no painted ${text} in ${scope}`);
  return { x: t.x, y: t.y };
}

function expectInside(c: CardState | null): void {
  expect(c).not.toBeNull();
  const s = c as CardState;
  expect(s.left).toBeGreaterThanOrEqual(-0.5);
  expect(s.top).toBeGreaterThanOrEqual(-0.5);
  expect(s.right).toBeLessThanOrEqual(s.vw + 0.5);
  expect(s.bottom).toBeLessThanOrEqual(s.vh + 0.5);
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const a = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const r = await a.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
}

/** A point outside the open card with nothing to tap there: no term, link or control. */
function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const c = document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
    const terms = [...CSS.highlights].flatMap(([, h]) => [...h]).map((r) => {
      const x = new Range();
      x.setStart(r.startContainer, r.startOffset);
      x.setEnd(r.endContainer, r.endOffset);
      return [...x.getClientRects()];
    }).flat();
    for (let y = 10; y < innerHeight; y += 23) {
      for (const x of [4, innerWidth / 2, innerWidth - 4]) {
        if (x >= c.left && x <= c.right && y >= c.top && y <= c.bottom) continue;
        if (terms.some((r) => x >= r.left - 12 && x <= r.right + 12 && y >= r.top - 12 && y <= r.bottom + 12)) continue;
        const el = document.elementFromPoint(x, y);
        if (!el || el.closest('a, button, input, select, textarea, label, summary, iza-begrippen-card')) continue;
        return { x, y };
      }
    }
    throw new Error('no empty point');
  });
}

const overflowX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('a touch phone (Chromium, 390x844)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ device: PHONE, routes: await readerRoutes() });
    await setStored(h, {});
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a tap on a term opens its card at once, as a sheet wholly inside the viewport; a tap on empty space closes it', async () => {
    const page = await openPage(h, '/pages/touch.html');
    const zvw = await termAt(page, 'Zvw', '#plain');
    const t0 = Date.now();
    await page.touchscreen.tap(zvw.x, zvw.y);
    await waitCard(page, 1000);
    expect(Date.now() - t0).toBeLessThan(1000);
    const c = await cardState(page);
    expectInside(c);
    expect(c?.term).toBe('Zvw');
    // A sheet across the whole width, along the bottom (the term is at the top), text >= 16 px,
    // the close button >= 44 px, at most 60% of the height.
    expect(c?.sheet).toBe(true);
    expect(c?.side).toBe('bottom');
    expect(c!.right - c!.left).toBeCloseTo(390, 0);
    expect(c!.bottom - c!.top).toBeLessThanOrEqual(844 * 0.6 + 1);
    expect(c!.minFont).toBeGreaterThanOrEqual(16);
    expect(c!.close.w).toBeGreaterThanOrEqual(44);
    expect(c!.close.h).toBeGreaterThanOrEqual(44);
    // The term stays visible above the sheet.
    expect(zvw.y).toBeLessThan(c!.top);
    const empty = await page.$eval('#empty-space', (e) => { const r = e.getBoundingClientRect(); return { x: r.left + 20, y: r.bottom - 10 }; });
    await page.touchscreen.tap(empty.x, empty.y);
    await waitNoCard(page);
    await page.close();
  });

  it('a tap on the same term closes its card, and so does its close button; another term switches the card', async () => {
    const page = await openPage(h, '/pages/touch.html');
    const zvw = await termAt(page, 'Zvw', '#plain');
    await page.touchscreen.tap(zvw.x, zvw.y);
    await waitCard(page);
    await page.touchscreen.tap(zvw.x, zvw.y);
    await waitNoCard(page);
    const iza = await termAt(page, 'IZA', '#plain');
    await page.touchscreen.tap(iza.x, iza.y);
    await waitCard(page);
    expect((await cardState(page))?.term).toBe('IZA');
    await page.touchscreen.tap(zvw.x, zvw.y);
    await page.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.term')?.textContent === 'Zvw');
    const close = await page.evaluate(() => {
      const r = document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('.close')!.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.touchscreen.tap(close.x, close.y);
    await waitNoCard(page);
    await page.close();
  });

  it('a term in the bottom part gets the sheet at the top, not over the term', async () => {
    const page = await openPage(h, '/pages/touch.html');
    await page.evaluate(() => document.querySelector('#middle')!.scrollIntoView({ block: 'end' }));
    await page.waitForTimeout(300);
    const wmo = await termAt(page, 'Wmo', '#middle');
    expect(wmo.y).toBeGreaterThan(844 * 0.6);
    await page.touchscreen.tap(wmo.x, wmo.y);
    await waitCard(page);
    const c = await cardState(page);
    expectInside(c);
    expect(c?.side).toBe('top');
    expect(c!.bottom).toBeLessThan(wmo.y);
    await page.close();
  });

  it('a tap on a term inside a link follows the link, and a long press opens its card instead', async () => {
    const page = await openPage(h, '/pages/touch.html');
    const wlz = await termAt(page, 'Wlz', '#linked');
    const cdp = await page.context().newCDPSession(page);
    // Long press: the finger rests 800 ms; the card opens and the page stays.
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: wlz.x, y: wlz.y }] });
    await page.waitForTimeout(800);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await waitCard(page);
    expect((await cardState(page))?.term).toBe('Wlz');
    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe('/pages/touch.html');
    // A tap: the link is followed as it always was.
    await page.touchscreen.tap(wlz.x, wlz.y);
    await page.waitForURL('**/pages/highlight.html', { timeout: 5000 });
    await page.close();
  });

  it('a scroll gesture that starts on a term scrolls the page and opens no card', async () => {
    const page = await openPage(h, '/pages/touch.html');
    const zvw = await termAt(page, 'Zvw', '#plain');
    const cdp = await page.context().newCDPSession(page);
    // A finger put down on the term drags the page up (touch events, as a phone sends them).
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: zvw.x, y: zvw.y }] });
    for (let i = 1; i <= 10; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: zvw.x, y: zvw.y - i * 15 }] });
      await page.waitForTimeout(30);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(600);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(50);
    expect(await cardState(page)).toBeNull();
    // Chromium's synthetic scroll gesture from the term: no card either.
    await page.evaluate(() => window.scrollTo(0, 0));
    await cdp.send('Input.synthesizeScrollGesture', { x: Math.round(zvw.x), y: Math.round(zvw.y), yDistance: -300, gestureSourceType: 'touch', speed: 800 });
    await page.waitForTimeout(600);
    expect(await cardState(page)).toBeNull();
    await page.close();
  });

  it('an ordinary page with the default settings: the demo letter, and a page without a mobile viewport', async () => {
    for (const path of ['/demo/kamerbrief.html', '/pages/highlight.html']) {
      const page = await openPage(h, path);
      const term = (await painted(page)).find((p) => p.visible && p.y > 40 && p.y < 780);
      expect(term, path).toBeDefined();
      await page.touchscreen.tap(term!.x, term!.y);
      await waitCard(page);
      expectInside(await cardState(page));
      expect((await cardState(page))!.minFont).toBeGreaterThanOrEqual(15.5);
      const empty = await emptyPoint(page);
      await page.touchscreen.tap(empty.x, empty.y);
      await waitNoCard(page);
      await page.close();
    }
  });

  it('the popup at 360 px: no horizontal overflow, no axe violations, the search prefilled with the selection', async () => {
    const page = await openPage(h, '/pages/touch.html');
    await page.evaluate(() => {
      const p = document.querySelector('#plain')!.firstChild!;
      getSelection()!.setBaseAndExtent(p, 3, p, 6); // "Zvw"
    });
    const popup = await openPopup(h, page);
    await popup.setViewportSize({ width: 360, height: 740 });
    await popup.waitForSelector('#page-terms');
    await popup.waitForFunction(() => (document.querySelector('#search') as HTMLInputElement).value === 'Zvw');
    await popup.waitForSelector('#results .item');
    expect(await overflowX(popup)).toBeLessThanOrEqual(0);
    expect(await axe(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the options page at 360 px: no horizontal overflow, no axe violations', async () => {
    const options = await h.ctx.newPage();
    await options.setViewportSize({ width: 360, height: 740 });
    await options.goto(`chrome-extension://${h.extId}/options.html`);
    await options.waitForSelector('input[name=style]');
    expect(await overflowX(options)).toBeLessThanOrEqual(0);
    expect(await axe(options)).toEqual([]);
    await options.close();
  });

  it('the PDF reader at 360 px: the toolbar fits, the other actions are in its menu, pinch-zoom is allowed', async () => {
    const page = await h.ctx.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`chrome-extension://${h.extId}/reader.html?file=${encodeURIComponent(`${h.origin}/docs/long.pdf`)}`);
    await page.waitForFunction(() => document.body.dataset.state === 'ready', null, { timeout: 20000 });
    const bar = await page.$eval('#toolbar', (t) => ({ scroll: t.scrollWidth, client: t.clientWidth, right: Math.max(...[...t.querySelectorAll('*')].filter((e) => e.getClientRects().length > 0 && !e.closest('#menu')).map((e) => e.getBoundingClientRect().right)) }));
    expect(bar.scroll).toBeLessThanOrEqual(bar.client);
    expect(bar.right).toBeLessThanOrEqual(360);
    expect(await overflowX(page)).toBeLessThanOrEqual(0);
    expect(await page.isVisible('#download')).toBe(false);
    await page.tap('#more');
    expect(await page.isVisible('#download')).toBe(true);
    expect(await page.isVisible('#find-input')).toBe(true);
    expect(await page.getAttribute('#more', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#download')).toBe(false);
    const meta = await page.$eval('meta[name=viewport]', (m) => m.getAttribute('content') ?? '');
    expect(meta).toContain('width=device-width');
    expect(meta).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
    await page.close();
  });
});

/** Labels, legends, headings, hints and buttons of the options page, without endonyms (span[lang]). */
const LABELS = () => [...document.querySelectorAll('h1, legend, label, .hint, button')].map((el) => {
  const c = el.cloneNode(true) as Element;
  c.querySelectorAll('[lang], input, textarea, select').forEach((x) => x.remove());
  return (c.textContent ?? '').replace(/\s+/g, ' ').trim();
}).filter(Boolean);

/** Words only one of the two languages uses in these labels. */
const DUTCH = /\b(de|het|een|van|op|alleen|niet|deze|elke|keer|toon|uitleg|wordt|regel|zoals|taal|begin|nooit|geen|ook|knoppen)\b/i;
const ENGLISH = /\b(the|only|every|show|with|time|these|never|none|also|start|language|buttons|line|browser's)\b/i;

async function optionsLabels(h: Harness): Promise<{ lang: string; labels: string[] }> {
  const options = await h.ctx.newPage();
  await options.goto(`chrome-extension://${h.extId}/options.html`);
  await options.waitForSelector('input[name=style]');
  const out = { lang: await options.evaluate(() => document.documentElement.lang), labels: await options.evaluate(LABELS) };
  await options.close();
  return out;
}

function expectOneLanguage(got: { lang: string; labels: string[] }, want: 'nl' | 'en'): void {
  expect(got.lang).toBe(want);
  expect(got.labels.length).toBeGreaterThan(20);
  const other = want === 'nl' ? ENGLISH : DUTCH;
  expect(got.labels.filter((l) => other.test(l) || l.includes(' · '))).toEqual([]);
  // English labels start with a capital, as every label does.
  expect(got.labels.filter((l) => /^[a-z]/.test(l))).toEqual([]);
}

describe('the options page in one language', () => {
  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`a browser in ${locale}: follows it, and the option overrides it both ways`, async () => {
      const h = await launch({ locale });
      try {
        await setStored(h, {});
        const browserLang = locale === 'nl-NL' ? 'nl' : 'en';
        expectOneLanguage(await optionsLabels(h), browserLang);
        for (const forced of ['nl', 'en'] as const) {
          await setStored(h, { settings: { version: 2, uiLanguage: forced } });
          expectOneLanguage(await optionsLabels(h), forced);
        }
        // The override reaches the popup and the card chrome too.
        await setStored(h, { settings: { version: 2, uiLanguage: browserLang === 'nl' ? 'en' : 'nl' } });
        const page = await openPage(h, '/pages/touch.html');
        const popup = await openPopup(h, page);
        expect(await popup.textContent('label[for=search]')).toBe(browserLang === 'nl' ? 'Search the glossary' : 'Zoek in de begrippenlijst');
        await popup.close();
        await page.bringToFront();
        const zvw = await termAt(page, 'Zvw', '#plain');
        await page.mouse.move(zvw.x, zvw.y);
        await waitCard(page);
        expect(await page.evaluate(() => document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('.close')!.getAttribute('aria-label'))).toBe(browserLang === 'nl' ? 'Close' : 'Sluiten');
        await page.close();
      } finally {
        await h.close();
      }
    });
  }

  it('switching the option on the page changes every label at once', async () => {
    const h = await launch({ locale: 'nl-NL' });
    try {
      await setStored(h, {});
      const options = await h.ctx.newPage();
      await options.goto(`chrome-extension://${h.extId}/options.html`);
      await options.waitForSelector('input[name=style]');
      await options.check('input[name=ui-language][value=en]');
      await options.waitForFunction(() => document.documentElement.lang === 'en');
      expectOneLanguage({ lang: 'en', labels: await options.evaluate(LABELS) }, 'en');
      expect(await options.title()).toBe('IZA Begrippen: settings');
      const stored = await h.worker.evaluate(() => chrome.storage.sync.get('settings'));
      expect((stored.settings as { uiLanguage?: string }).uiLanguage).toBe('en');
      await options.close();
    } finally {
      await h.close();
    }
  });
});


describe('Firefox ESR: a touch tap (WebDriver BiDi, pointerType "touch")', () => {
  let ff: Firefox;
  beforeAll(async () => {
    ff = await Firefox.launch();
  });
  afterAll(async () => {
    await ff?.close();
  });

  const tap = (x: number, y: number) => ff.send('input.performActions', {
    context: ff.context,
    actions: [{ type: 'pointer', id: 'finger', parameters: { pointerType: 'touch' }, actions: [
      { type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
      { type: 'pause', duration: 60 },
      { type: 'pointerUp', button: 0 },
    ] }],
  });
  const CARD_OPEN = `!!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card')`;

  it('opens the card at once, and a tap on empty space closes it', async () => {
    await ff.navigate(`${ff.origin}/pages/touch.html`);
    await ff.waitFor(`${PAINTED_COUNT} > 3`);
    await ff.eval(`(window.__pointers = [], addEventListener('pointerdown', (e) => window.__pointers.push(e.pointerType), true), 1)`);
    const t = (await ff.painted('#plain')).find((p) => p.text === 'Zvw');
    expect(t).toBeDefined();
    await tap(t!.x, t!.y);
    await ff.waitFor(CARD_OPEN, 2000);
    expect(await ff.eval<string[]>(`window.__pointers`)).toContain('touch');
    expect(await ff.eval<string>(`document.querySelector('iza-begrippen-card').shadowRoot.querySelector('.term').textContent`)).toBe('Zvw');
    const empty = await ff.eval<{ x: number; y: number }>(`(() => { const r = document.querySelector('#empty-space').getBoundingClientRect(); return { x: r.left + 20, y: r.bottom - 10 }; })()`);
    await tap(empty.x, empty.y);
    await ff.waitFor(`!document.querySelector('iza-begrippen-card')`, 3000);
  });
});
