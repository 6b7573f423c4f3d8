/** The PDF reader in real Chromium: redirect by Content-Type, marks, card, popup, keyboard, bad inputs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { inWorker, launch, setStored, tabIdOf, type Harness } from './chromium';
import { BAD_INPUTS, DEAD_URL, POLICY_HOST, readerRoutes } from './reader-fixtures';

let h: Harness;
let port = '';
const policy = (path: string) => `http://${POLICY_HOST}:${port}${path}`;
const readerFor = (file: string) => `chrome-extension://${h.extId}/reader.html?file=${encodeURIComponent(file)}`;

/** True once the reader shows a document with painted terms. */
const PAINTED = () => document.body?.dataset.state === 'ready' && [...CSS.highlights].some(([n, h]) => n.startsWith('iza-') && h.size > 0);

/** Every request the reader pages made, by URL. */
const readerRequests: string[] = [];

async function openReader(file: string): Promise<Page> {
  const page = await h.ctx.newPage();
  page.on('request', (r) => readerRequests.push(r.url()));
  await page.goto(readerFor(file));
  await page.waitForFunction(PAINTED, null, { timeout: 20000 });
  return page;
}

/** The painted terms' texts in the text layers (a range over two spans reads as one string). */
const paintedTexts = (page: Page) => page.evaluate(() => [...CSS.highlights].filter(([n]) => n.startsWith('iza-') && n !== 'iza-flash').flatMap(([, h]) => [...h].map((r) => {
  const x = new Range();
  x.setStart(r.startContainer, r.startOffset);
  x.setEnd(r.endContainer, r.endOffset);
  return x.toString();
})));
/** The PDF page the focused term is on. */
const focusedPage = (page: Page) => page.evaluate(() => (document.activeElement?.matches('mark.iza-term') ? document.activeElement.closest<HTMLElement>('.page')?.dataset.pageNumber : null) ?? null);

const cardOpen = (page: Page) => page.waitForFunction(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'), null, { timeout: 10000 });

beforeAll(async () => {
  h = await launch({ routes: await readerRoutes(), args: [`--host-resolver-rules=MAP ${POLICY_HOST} 127.0.0.1`] });
  port = new URL(h.origin).port;
});
afterAll(async () => {
  await h?.close();
});

describe('Chromium: PDFs go to the reader where the rules say so', () => {
  it('a .pdf address and a download address without extension (Content-Type only) on a policy site', async () => {
    const page = await h.ctx.newPage();
    for (const path of ['/docs/brief.pdf', '/download?id=7']) {
      await page.goto(policy(path)).catch(() => undefined);
      await page.waitForURL(/reader\.html\?file=/, { timeout: 10000 });
      await page.waitForFunction(PAINTED, null, { timeout: 20000 });
      expect(await page.title()).toBe('Voortgangsbrief Integraal Zorgakkoord · IZA Begrippen');
    }
    await page.close();
  });

  it('not elsewhere by default, and not where the site is switched off; "all PDFs" opens others', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${h.origin}/docs/brief.pdf`).catch(() => undefined);
    await page.waitForTimeout(800);
    expect(page.url()).not.toContain('reader.html');
    await setStored(h, { settings: { version: 2, disabledSites: ['rijksoverheid.nl'] } });
    await page.waitForTimeout(500);
    await page.goto(policy('/docs/brief.pdf')).catch(() => undefined);
    await page.waitForTimeout(800);
    expect(page.url()).not.toContain('reader.html');
    await setStored(h, { settings: { version: 2, pdfMode: 'all' } });
    await page.waitForTimeout(500);
    await page.goto(`${h.origin}/download`).catch(() => undefined);
    await page.waitForURL(/reader\.html\?file=/, { timeout: 10000 });
    await setStored(h, {});
    await page.close();
  });
});

describe('Chromium: without the response-header rule (Chrome before 128)', () => {
  it('the content script in the PDF tab reports document.contentType and the tab goes to the reader', async () => {
    await inWorker(h, () => chrome.declarativeNetRequest.updateDynamicRules({ removeRuleIds: [1] }));
    const page = await h.ctx.newPage();
    await page.goto(policy('/docs/brief.pdf')).catch(() => undefined);
    await page.waitForURL(/reader\.html\?file=/, { timeout: 15000 });
    await page.waitForFunction(PAINTED, null, { timeout: 20000 });
    await page.close();
    await setStored(h, { settings: { version: 2 } }); // Any settings change rebuilds the rule.
    await expect.poll(() => inWorker(h, () => chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length))).toBe(1);
  });
});

describe('Chromium: the popup offers the reader elsewhere', () => {
  it('"Open in IZA Begrippen" for a PDF the rules leave to the browser', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${h.origin}/docs/brief.pdf`).catch(() => undefined);
    await page.waitForTimeout(500);
    const id = await tabIdOf(h, page);
    const popup = await h.ctx.newPage();
    await popup.goto(`chrome-extension://${h.extId}/popup.html?tab=${id}`);
    await popup.waitForSelector('#open-in-reader', { timeout: 10000 });
    await popup.click('#open-in-reader');
    await page.waitForURL(/reader\.html\?file=/, { timeout: 10000 });
    await page.waitForFunction(PAINTED, null, { timeout: 20000 });
    await page.close();
  });
});

describe('Chromium: highlighting in the text layer', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openReader(`${h.origin}/docs/long.pdf`);
  });

  it('paints terms, and a term split over two lines, or hyphenated at a line end, is one term', async () => {
    const texts = await paintedTexts(page);
    expect(texts).toContain('IntegraalZorgakkoord'); // "Integraal" ends one line, "Zorgakkoord" starts the next
    expect(texts).toContain('zorg-akkoord');
    expect(texts).toContain('regio-plan');
    // Painted, not written: no element of ours in the text layer until a term is in use.
    expect(await page.evaluate(() => document.querySelectorAll('.textLayer mark').length)).toBe(0);
  });

  it('opens the card on hover (over the second line of a split term) and on keyboard focus', async () => {
    const box = await page.evaluate(() => {
      for (const [, h] of CSS.highlights) for (const r of h) {
        const x = new Range();
        x.setStart(r.startContainer, r.startOffset);
        x.setEnd(r.endContainer, r.endOffset);
        if (x.toString() === 'IntegraalZorgakkoord') {
          const rects = [...x.getClientRects()].filter((b) => b.width > 0);
          const b = rects[rects.length - 1] as DOMRect;
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
      }
      return null;
    });
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x, box!.y);
    await cardOpen(page);
    expect(await page.evaluate(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.textContent)).toContain('Integraal Zorgakkoord');
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 300);
    await page.focus('#viewer-container');
    // pdf.js makes the text layer a tab stop; the terms are the next one, all together.
    for (let i = 0; i < 3 && (await focusedPage(page)) === null; i++) await page.keyboard.press('Tab');
    expect(await focusedPage(page)).toBe('1');
    await cardOpen(page);
  });

  it('next/previous go across pages, also to pages not rendered yet (arrow keys and the command)', async () => {
    await page.evaluate(() => (document.querySelector('#viewer-container') as HTMLElement).scrollTo(0, 0));
    await page.focus('#viewer-container');
    await page.keyboard.press('Tab');
    expect(await focusedPage(page)).toBe('1');
    // From the first term of the document, ArrowLeft goes round to the last one, on page 14.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.activeElement?.closest<HTMLElement>('.page')?.dataset.pageNumber === '14', null, { timeout: 15000 });
    await cardOpen(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => document.activeElement?.closest<HTMLElement>('.page')?.dataset.pageNumber === '1', null, { timeout: 15000 });
    // Where the focused term is (two terms may read the same).
    const where = () => page.evaluate(() => { const b = document.activeElement?.getBoundingClientRect(); return b ? `${Math.round(b.left)},${Math.round(b.top)}` : ''; });
    const first = await where();
    await inWorker(h, () => (globalThis as unknown as { __izaTest: { onCommand(c: string): Promise<void> } }).__izaTest.onCommand('next-term'));
    await page.waitForFunction((f) => {
      const b = document.activeElement?.matches('mark.iza-term') ? document.activeElement.getBoundingClientRect() : null;
      return b !== null && `${Math.round(b.left)},${Math.round(b.top)}` !== f;
    }, first, { timeout: 10000 });
  });

  it('the popup lists the terms of the whole PDF, and jumps to one on a page not yet rendered', async () => {
    await page.waitForFunction(() => document.body.dataset.counted !== undefined, null, { timeout: 20000 });
    const counted = Number(await page.evaluate(() => document.body.dataset.counted));
    const rendered = (await paintedTexts(page)).length;
    expect(counted).toBeGreaterThan(rendered);
    const id = await tabIdOf(h, page);
    const popup = await h.ctx.newPage();
    await popup.goto(`chrome-extension://${h.extId}/popup.html?tab=${id}`);
    await popup.waitForSelector('#page-terms .item');
    const total = await popup.$$eval('#page-terms .item .n', (ns) => ns.reduce((s, n) => s + Number(/\d+/.exec(n.textContent ?? '')?.[0] ?? 0), 0));
    // An ambiguous form counts for each of its meanings, so the per-term sum may exceed the total.
    expect(total).toBeGreaterThanOrEqual(counted);
    expect(await popup.textContent('#terms-heading')).toContain(`(${counted})`);
    await popup.click('#copy-md');
    await popup.waitForFunction(() => document.body.dataset.copied);
    expect(await popup.evaluate(() => document.body.dataset.copied)).toContain('Lange brief');
    await popup.close();
    await page.evaluate(() => (document.querySelector('#viewer-container') as HTMLElement).scrollTo(0, 0));
    const jumped = await inWorker(h, () => new Promise((r) => chrome.tabs.query({ active: true, lastFocusedWindow: true }, ([t]) =>
      chrome.runtime.sendMessage({ type: 'jump', params: { id: 'igj' }, tab: t?.id }, r))));
    expect(jumped).toBe(true);
    await cardOpen(page);
  });

  it('fetches only the PDF being opened: every other request is one of its own files', async () => {
    const foreign = readerRequests.filter((u) => !u.startsWith(`chrome-extension://${h.extId}/`));
    expect([...new Set(foreign)]).toEqual([`${h.origin}/docs/long.pdf`]);
    expect(readerRequests.filter((u) => /cmaps|standard_fonts|wasm|locale/.test(u))).toEqual([]);
  });

  it('a real reader: page input, zoom, find, download, title, original link; keeps its place on resize', async () => {
    expect(await page.title()).toBe('Lange brief · IZA Begrippen');
    expect(await page.textContent('#download')).toBe('Downloaden'); // The browser's language is Dutch here.
    expect(await page.getAttribute('html', 'lang')).toBe('nl');
    await page.fill('#page-number', '5');
    await page.press('#page-number', 'Enter');
    await page.waitForFunction(() => (document.querySelector('#page-number') as HTMLInputElement).value === '5');
    await page.setViewportSize({ width: 900, height: 700 });
    await page.waitForTimeout(400);
    expect(await page.inputValue('#page-number')).toBe('5');
    await page.click('#zoom-in');
    await page.waitForFunction(() => (document.querySelector('#zoom-select') as HTMLSelectElement).value === 'custom');
    await page.keyboard.press('Control+f');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('find-input');
    await page.fill('#find-input', 'regioplan');
    await page.waitForFunction(() => /\d+/.test(document.querySelector('#find-status')?.textContent ?? ''), null, { timeout: 10000 });
    expect(await page.getAttribute('#original', 'href')).toBe(`${h.origin}/docs/long.pdf`);
    const download = page.waitForEvent('download');
    await page.click('#download');
    expect((await download).suggestedFilename()).toBe('long.pdf');
  });
});

describe('Chromium: bad inputs get a clear message, never a blank page or a loop', () => {
  for (const [name, path, kind] of BAD_INPUTS) {
    it(name, async () => {
      const page = await h.ctx.newPage();
      await page.goto(readerFor(`${h.origin}${path}`));
      await page.waitForSelector(`#message[data-kind=${kind}]:not([hidden])`, { timeout: 15000 });
      expect((await page.textContent('#message-title'))?.length).toBeGreaterThan(3);
      if (kind === 'password') {
        await page.fill('#password', 'fout');
        await page.press('#password', 'Enter');
        await page.waitForSelector('#message[data-kind=password]:not([hidden])');
        await page.waitForFunction(() => (document.querySelector('#message-text')?.textContent ?? '').length > 0);
        await page.fill('#password', 'geheim');
        await page.press('#password', 'Enter');
        await page.waitForFunction(PAINTED, null, { timeout: 15000 });
      }
      if (kind === 'large') {
        // "Open anyway" reads on; this server then breaks off (it only claimed 300 MB): a message again.
        await page.click('#message-actions button.primary');
        await page.waitForSelector('body[data-state=ready], #message[data-kind=network]:not([hidden]), #message[data-kind=damaged]:not([hidden])', { timeout: 15000 });
      }
      await page.close();
    });
  }

  it('a network error offers the original in the browser viewer, which is then not redirected again', async () => {
    const page = await h.ctx.newPage();
    await page.goto(readerFor(DEAD_URL));
    await page.waitForSelector('#message[data-kind=network]:not([hidden])');
    await page.close();
    const login = await h.ctx.newPage();
    await login.goto(readerFor(policy('/docs/missing.pdf')));
    await login.waitForSelector('#message[data-kind=not-found]:not([hidden])');
    await login.click('#message-actions a');
    await login.waitForURL(policy('/docs/missing.pdf'));
    await login.waitForTimeout(500);
    expect(login.url()).toBe(policy('/docs/missing.pdf'));
    await login.close();
  });

  it('a file:// address the browser does not let the extension read says so, and offers the picker', async () => {
    const page = await h.ctx.newPage();
    await page.goto(readerFor('file:///tmp/geen-toegang.pdf'));
    await page.waitForSelector('#message[data-kind=local]:not([hidden])', { timeout: 15000 });
    expect(await page.textContent('#message-text')).toContain('PDF openen');
    await page.close();
  });

  it('a scanned PDF without text says so', async () => {
    const page = await h.ctx.newPage();
    await page.goto(readerFor(`${h.origin}/docs/scan.pdf`));
    await page.waitForSelector('#notice[data-kind=scan]:not([hidden])', { timeout: 15000 });
    expect(await page.textContent('#notice')).toMatch(/scan/);
    await page.close();
  });

  it('a local file opened with the picker, and the empty reader', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`chrome-extension://${h.extId}/reader.html`);
    await page.waitForSelector('#empty:not([hidden])');
    const body = (await readerRoutes())['/docs/brief.pdf']?.body as Buffer;
    const chooser = page.waitForEvent('filechooser');
    await page.click('#empty-open');
    await (await chooser).setFiles({ name: 'brief.pdf', mimeType: 'application/pdf', buffer: body });
    await page.waitForFunction(PAINTED, null, { timeout: 15000 });
    await page.close();
  });
});
