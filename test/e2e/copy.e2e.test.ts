/**
 * Issue 12: copying is the browser's own. The clipboard (text/plain and text/html) after Ctrl+C
 * is exactly what it is without the extension: on a page with text-transform, white-space:
 * pre-line, ::before/::after content, small caps, a table and lists; for Ctrl+A and for
 * selections that start or end inside a term; also while a card is open under the pointer (which
 * writes nothing), and while a term has keyboard focus (wrapped) (copy.ts releases the marks before
 * the browser serialises the selection).
 *
 * The clipboard is read where a user would see it: Ctrl+V into another page of the same browser,
 * whose `paste` listener keeps clipboardData's text/plain and text/html. The baseline is the same
 * page in a browser without the extension: Chromium without it loaded; in Firefox ESR the same
 * browser after the add-on is uninstalled (WebDriver BiDi webExtension.uninstall).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type Harness } from './chromium';
import { Firefox, GECKO_ID } from './firefox';
import { CARD_TITLE, chromiumDriver, ffIn, firefoxDriver, plainChromium, waitCard, type Driver } from './issue12';

interface Clip {
  plain: string;
  html: string;
}

/** A selection: Ctrl+A, an element, or from/to a place in a term (needle + offset into it) under `scope`. */
type Sel = { all: true } | { node: string } | { scope: string; from: [string, number]; to: [string, number] };

/** Page source: makes the selection `spec` over the page's text as it is now (wrapped or not). */
const SELECT_SRC = `(spec) => {
  const sel = getSelection();
  sel.removeAllRanges();
  const r = document.createRange();
  if (spec.node) {
    r.selectNode(document.querySelector(spec.node));
  } else {
    const root = document.querySelector(spec.scope);
    const nodes = [];
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) nodes.push(n);
    const flat = nodes.map((n) => n.data).join('');
    const at = (needle, delta) => {
      const i = flat.indexOf(needle);
      if (i < 0) throw new Error('no ' + needle);
      let pos = i + delta;
      for (const n of nodes) {
        if (pos <= n.length) return [n, pos];
        pos -= n.length;
      }
      throw new Error('past the end');
    };
    r.setStart(...at(spec.from[0], spec.from[1]));
    r.setEnd(...at(spec.to[0], spec.to[1]));
  }
  sel.addRange(r);
  return sel.toString().length;
}`;

/** What happens before the copy with the extension: nothing, a hovered term (card open), a focused term. */
type Use = 'none' | 'hover' | 'focus';

interface Case {
  name: string;
  sel: Sel;
  use: Use;
  /** The term hovered for use 'hover' (in #lead; default passende zorg). */
  term?: string;
}

const PARTIAL: Sel = { scope: '#lead', from: ['passende zorg', 4], to: ['Integraal Zorgakkoord', 9] };
const CASES: Case[] = [
  { name: 'Ctrl+A on the whole page', sel: { all: true }, use: 'none' },
  { name: 'navigation with text-transform: uppercase and capitalize', sel: { node: '#nav' }, use: 'none' },
  { name: 'white-space: pre-line', sel: { node: '#pre' }, use: 'none' },
  { name: '::before and ::after content', sel: { node: '#note' }, use: 'none' },
  { name: 'small caps and letter-spacing', sel: { node: '#small' }, use: 'none' },
  { name: 'a table', sel: { node: '#table' }, use: 'none' },
  { name: 'lists', sel: { scope: 'body', from: ['Het Integraal', 0], to: ['Regioplan', 5] }, use: 'none' },
  { name: 'a selection from inside one term to inside another', sel: PARTIAL, use: 'none' },
  { name: 'a selection from inside a term, in pre-line text', sel: { scope: '#pre', from: ['Zvw', 1], to: ['NZa', 2] }, use: 'none' },
  { name: 'a selection that starts inside a term and ends in a table cell', sel: { scope: 'body', from: ['regioplan per', 3], to: ['basisverzekering', 5] }, use: 'none' },
  { name: 'while a card is open on hover (nothing written): a selection into that term', sel: PARTIAL, use: 'hover' },
  { name: 'while a card is open on hover (nothing written): a selection that ends inside that term', sel: PARTIAL, use: 'hover', term: 'Integraal Zorgakkoord' },
  { name: 'while a card is open on hover (nothing written): a selection inside that term only', sel: { scope: '#lead', from: ['passende zorg', 2], to: ['passende zorg', 11] }, use: 'hover' },
  { name: 'while a card is open on hover (nothing written): Ctrl+A', sel: { all: true }, use: 'hover' },
  { name: 'while a term has keyboard focus: a selection from inside it', sel: { scope: '#lead', from: ['Zorgautoriteit', 4], to: ['toezicht', 3] }, use: 'focus' },
  { name: 'while a term has keyboard focus: Ctrl+A', sel: { all: true }, use: 'focus' },
];

/** The first term in #lead: where Tab from the top of the page lands. */
const FIRST_TERM = 'Nederlandse Zorgautoriteit';

/** Puts a term in use as `use` says, checks that it is wrapped, then selects. */
async function prepare(d: Driver, c: Case, tab: () => Promise<void>): Promise<void> {
  if (c.use === 'hover') {
    const term = c.term ?? 'passende zorg';
    await d.hover(term, '#lead');
    await waitCard(d, term);
  } else if (c.use === 'focus') {
    await tab();
    await d.waitFor(`document.activeElement?.matches('mark.iza-use') && document.activeElement.textContent === ${JSON.stringify(FIRST_TERM)}`, `${d.name}: Tab focuses the first term`);
  }
  // A hover card points at the painted range and writes nothing; a focused term is wrapped.
  if (c.use === 'hover') expect(await d.eval<number>(`document.querySelectorAll('mark.iza-use').length`), `${d.name}: nothing written under a hover card`).toBe(0);
  if (c.use === 'focus') expect(await d.eval<number>(`document.querySelectorAll('mark.iza-use').length`), `${d.name}: a term is wrapped before the copy`).toBeGreaterThan(0);
}

async function select(d: Driver, sel: Sel, ctrlA: () => Promise<void>): Promise<void> {
  if ('all' in sel) await ctrlA();
  else expect(await d.eval<number>(`(${SELECT_SRC})(${JSON.stringify(sel)})`)).toBeGreaterThan(3);
}

describe('Chromium', () => {
  let h: Harness;
  let plain: Browser;
  beforeAll(async () => {
    h = await launch();
    plain = await plainChromium();
  });
  afterAll(async () => {
    await h?.close();
    await plain?.close();
  });

  async function copyOnce(page: Page, paste: Page, c: Case, extension: boolean): Promise<Clip> {
    const d = chromiumDriver(page);
    await page.bringToFront();
    if (extension) {
      await d.settle();
      await prepare(d, c, () => page.keyboard.press('Tab'));
    }
    await select(d, c.sel, () => page.keyboard.press('Control+A'));
    await page.keyboard.press('Control+C');
    await paste.bringToFront();
    await paste.evaluate(() => {
      (window as unknown as { pasted: unknown[] }).pasted = [];
      (document.getElementById('box') as HTMLElement).focus();
    });
    await paste.keyboard.press('Control+V');
    await paste.waitForFunction(() => (window as unknown as { pasted: unknown[] }).pasted.length > 0, undefined, { timeout: 5000 });
    const got = await paste.evaluate(() => (window as unknown as { pasted: Clip[] }).pasted[0]!);
    if (extension && c.use !== 'none') {
      // No mark is left: a focused term's use ended with the copy (and its card closed); a
      // hover card wrote nothing, so it may stay open.
      expect(await page.evaluate(`document.querySelectorAll('mark[data-iza]').length`)).toBe(0);
      if (c.use === 'focus') expect(await page.evaluate(CARD_TITLE)).toBeNull();
    }
    return got;
  }

  for (const c of CASES) {
    it(`clipboard text/plain and text/html as without the extension: ${c.name}`, async () => {
      const ours = await h.ctx.newPage();
      const oursPaste = await h.ctx.newPage();
      const base = await (await plain.newContext()).newPage();
      const basePaste = await base.context().newPage();
      await ours.goto(`${h.origin}/issue12/copy.html`);
      await oursPaste.goto(`${h.origin}/issue12/paste.html`);
      await base.goto(`${h.origin}/issue12/copy.html`);
      await basePaste.goto(`${h.origin}/issue12/paste.html`);
      const a = await copyOnce(ours, oursPaste, c, true);
      const b = await copyOnce(base, basePaste, c, false);
      expect(b.plain.length, 'the baseline copied something').toBeGreaterThan(3);
      expect(b.html, 'the baseline copied HTML').toContain('</');
      expect(a.plain, 'text/plain').toBe(b.plain);
      expect(a.html, 'text/html').toBe(b.html);
      await ours.close();
      await oursPaste.close();
      await base.context().close();
    });
  }
});

describe('Firefox ESR', () => {
  // Headless Firefox's window never has focus, so it fires no focus events: the focus cases are
  // Chromium's (see firefox.e2e.test.ts).
  const cases = CASES.filter((c) => c.use !== 'focus');
  const ours = new Map<string, Clip>();
  const base = new Map<string, Clip>();
  let ff: Firefox;
  let pasteCtx = '';
  let pageCtx = '';
  beforeAll(async () => {
    ff = await Firefox.launch();
    pageCtx = ff.context;
    pasteCtx = (await ff.send('browsingContext.create', { type: 'tab' })).context;
    await ffIn(ff, pasteCtx, () => ff.navigate(`${ff.origin}/issue12/paste.html`));
  });
  afterAll(async () => {
    await ff?.close();
  });

  const chord = (key: string) =>
    ff.send('input.performActions', {
      context: ff.context,
      actions: [{ type: 'key', id: 'kbd', actions: [{ type: 'keyDown', value: '\uE009' }, { type: 'keyDown', value: key }, { type: 'keyUp', value: key }, { type: 'keyUp', value: '\uE009' }] }],
    });

  async function copyOnce(c: Case, extension: boolean): Promise<Clip> {
    const d = firefoxDriver(ff);
    await ff.send('browsingContext.activate', { context: pageCtx });
    await ff.navigate(`${ff.origin}/issue12/copy.html`);
    if (extension) {
      await d.waitFor(`CSS.highlights.size > 0`, 'painted');
      await d.settle();
      await prepare(d, c, async () => undefined);
    }
    await select(d, c.sel, () => chord('a'));
    await chord('c');
    if (extension && c.use !== 'none') expect(await ff.eval(`document.querySelectorAll('mark[data-iza]').length`), 'the copy ended the use').toBe(0);
    return ffIn(ff, pasteCtx, async () => {
      await ff.send('browsingContext.activate', { context: pasteCtx });
      await ff.eval(`(window.pasted = [], document.getElementById('box').focus(), 1)`);
      await chord('v');
      await ff.waitFor(`window.pasted.length > 0`, 5000);
      return ff.eval<Clip>(`window.pasted[0]`);
    });
  }

  it('copies every case with the extension', async () => {
    for (const c of cases) ours.set(c.name, await copyOnce(c, true));
  });

  it('copies every case without it (add-on uninstalled)', async () => {
    await ff.send('webExtension.uninstall', { extension: GECKO_ID });
    for (const c of cases) base.set(c.name, await copyOnce(c, false));
    expect(await ff.eval(`CSS.highlights.size`)).toBe(0);
  });

  for (const c of cases) {
    it(`clipboard text/plain and text/html as without the extension: ${c.name}`, () => {
      const a = ours.get(c.name);
      const b = base.get(c.name);
      expect(a && b, 'both copies were made').toBeTruthy();
      expect(b!.plain.length, 'the baseline copied something').toBeGreaterThan(3);
      // (Firefox puts a selection inside one text node on text/html as the bare text.)
      expect(b!.html.length, 'the baseline copied HTML').toBeGreaterThan(3);
      expect(a!.plain, 'text/plain').toBe(b!.plain);
      expect(a!.html, 'text/html').toBe(b!.html);
    });
  }
});
