/**
 * Hostile pages, part 1, in real Chromium with the built extension: a React app, a single-page
 * app, web components and frames, an editor. Each must keep working exactly as without us.
 *
 * Chosen behaviour for frameworks (React, Vue, …): terms are painted, so the framework's DOM is
 * not touched at all; a term in use (card, focus) is wrapped, with the page's own text node kept
 * in place as the first piece and our marks following it as siblings, so the framework's
 * references stay valid. When the framework rewrites that text node, our pieces go at once and
 * the new text is painted after a short batch (MUTATION_BATCH_MS); when it removes or moves the
 * node, our pieces go with it. We never touch elements the framework created.
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, hoverTerm, launch, openPage, setStored, type Harness } from './chromium';
import { collectErrors, marksIn, until, waitMarks } from './hostile';

let h: Harness;
beforeAll(async () => {
  const app = await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'fixtures', 'hostile', 'react-app.js')],
    bundle: true,
    write: false,
    format: 'iife',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  });
  h = await launch({ routes: { '/hostile/react-app.bundle.js': { body: app.outputFiles[0]!.text, headers: { 'content-type': 'text/javascript' } } } });
});
afterAll(async () => {
  await h?.close();
});

describe('a React app', () => {
  it('re-renders, reorders, unmounts and mounts with highlights in place, exactly as without the extension', async () => {
    // The same app twice: at 127.0.0.1 with the extension, at localhost with the site switched off.
    await setStored(h, { settings: { version: 2 }, off0: 'localhost' });
    const port = new URL(h.origin).port;
    const ours = await h.ctx.newPage();
    const plain = await h.ctx.newPage();
    const errorsOurs = collectErrors(ours);
    const errorsPlain = collectErrors(plain);
    await ours.goto(`${h.origin}/hostile/react-app.html`);
    await plain.goto(`http://localhost:${port}/hostile/react-app.html`);
    await waitMarks(ours, '#count-text', ['IZA=iza', 'NZa=nza']);
    expect(await marksIn(plain, 'body')).toEqual([]);

    const same = async (step: string) => {
      const [a, b] = await Promise.all([ours, plain].map((p) => p.evaluate(() => document.getElementById('root')!.textContent)));
      expect(a, `page text after: ${step}`).toBe(b);
    };
    const both = async (step: string, act: (p: Page) => Promise<void>) => {
      for (const p of [ours, plain]) {
        await p.bringToFront(); // A background tab gets no animation frames: clicks would wait.
        await act(p);
      }
      await same(step);
    };

    for (let i = 1; i <= 3; i++) await both(`increment ${i}`, (p) => p.click('#inc'));
    expect(await ours.textContent('#count-text')).toBe('Het IZA is 3 keer genoemd, samen met de NZa.');
    await waitMarks(ours, '#count-text', ['IZA=iza', 'NZa=nza']);

    await both('new title (a single text child)', (p) => p.click('#retitle'));
    await waitMarks(ours, '#title', ['Wlz=wlz', 'ggz=ggz']);

    await both('reverse the list', (p) => p.click('#reverse'));
    expect(await ours.$$eval('#list li', (lis) => lis.map((li) => li.getAttribute('data-id')))).toEqual(['iza', 'wlz', 'zvw']);
    await waitMarks(ours, '#list ul', ['IZA=iza', 'passende zorg=passende-zorg', 'NZa=nza', 'Wlz=wlz', 'NZa=nza', 'Zvw=zvw', 'NZa=nza']);

    // React's click handler still fires when the click lands on a term (wrapped by then: its card opens).
    await both('click a highlighted term', (p) => p.click('#list li[data-id="wlz"] >> text=Wlz'));
    expect(await ours.textContent('#picked')).toBe('Gekozen: wlz');
    await ours.mouse.move(0, 0); // Away from the term, so its card closes and frees the buttons.
    await until(ours, 'card closed', () => !document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));

    await both('remove the first item', (p) => p.click('#drop'));
    await both('add an item', (p) => p.click('#add'));
    await both('add another item', (p) => p.click('#add'));
    await waitMarks(ours, '#list li[data-id="new2"]', ['GALA=gala', 'MIND=mind', 'NZa=nza']);

    await both('unmount the panel', (p) => p.click('#toggle'));
    expect(await ours.$('#panel')).toBeNull();
    await waitMarks(ours, '#closed', ['Wlz=wlz']);
    await both('mount the panel again', (p) => p.click('#toggle'));
    await waitMarks(ours, '#panel', ['Zorgverzekeraars Nederland=zn', 'De Nederlandse GGZ=de-nederlandse-ggz', 'Integraal Zorgakkoord=iza']);

    await both('type into a controlled input', (p) => p.fill('#draft', 'de Zvw en de NZa'));
    expect(await ours.inputValue('#draft')).toBe('de Zvw en de NZa');
    await waitMarks(ours, '#preview', ['Zvw=zvw', 'NZa=nza']);
    await both('type more', (p) => p.type('#draft', ' en MIND'));
    await waitMarks(ours, '#preview', ['Zvw=zvw', 'NZa=nza', 'MIND=mind']);

    // Switched off: React's DOM is exactly what it is without the extension, and still works.
    await setStored(h, { settings: { version: 2 }, off0: 'localhost 127.0.0.1' });
    await until(ours, 'painting removed', () => !CSS.highlights.has('iza-u') && !document.querySelector('mark[data-iza]'));
    await both('increment after switching off', (p) => p.click('#inc'));
    const [a, b] = await Promise.all([ours, plain].map((p) => p.evaluate(() => document.getElementById('root')!.innerHTML)));
    expect(a).toBe(b);
    expect(errorsOurs).toEqual([]);
    expect(errorsPlain).toEqual([]);
    await setStored(h, {});
    await ours.close();
    await plain.close();
  });
});

describe('a single-page app', () => {
  it('highlights content swapped in with history.pushState, a replaced <body>, and back navigation', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/hostile/spa.html');
    const errors = collectErrors(page);
    await waitMarks(page, '#main', ['NZa=nza']);
    await page.click('a[data-page="zvw"]');
    expect(new URL(page.url()).pathname).toBe('/hostile/spa/zvw');
    await waitMarks(page, '#main', ['Zvw=zvw', 'Zorgverzekeringswet=zvw', 'passende zorg=passende-zorg']);
    await page.click('a[data-page="wlz"] >> text=Wlz');
    await waitMarks(page, '#main', ['Wlz=wlz', 'Wet langdurige zorg=wlz', 'IZA=iza']);
    await page.goBack();
    await waitMarks(page, '#main', ['Zvw=zvw', 'Zorgverzekeringswet=zvw', 'passende zorg=passende-zorg']);
    await page.goBack();
    await waitMarks(page, '#main', ['NZa=nza']);
    await page.click('a[data-page="body"]');
    await waitMarks(page, 'body', ['ggz=ggz', 'GALA=gala']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('web components and frames', () => {
  it('highlights inside open shadow roots (nested, slotted, added later) and same-origin frames', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/hostile/shadow.html');
    const errors = collectErrors(page);
    await waitMarks(page, '#light', ['Zvw=zvw']);
    await waitMarks(page, '#w1', ['IZA=iza', 'NZa=nza', 'passende zorg=passende-zorg', 'Wlz=wlz']);
    // Styled in the shadow root too (content.css is adopted there).
    const style = await page.evaluate(() => {
      const sr = document.getElementById('w1')!.shadowRoot!;
      const r = [...(CSS.highlights.get('iza-u') ?? [])].find((x) => x.startContainer.getRootNode() === sr)!;
      return getComputedStyle(r.startContainer.parentElement!, '::highlight(iza-u)').textDecorationStyle;
    });
    expect(style).toBe('dotted');
    await page.evaluate(() => (window as unknown as { addWidget(): void }).addWidget());
    await waitMarks(page, '#w2', ['IZA=iza', 'NZa=nza', 'passende zorg=passende-zorg']);
    // A closed shadow root is out of reach; the page is not harmed by that.
    expect(await page.evaluate(() => document.getElementById('closed')!.shadowRoot)).toBeNull();

    const frame = page.frames().find((f) => f.url().endsWith('/hostile/frame.html'))!;
    expect(frame).toBeTruthy();
    await waitMarks(frame, '#in-frame', ['Wlz=wlz', 'GALA=gala']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the card for a term inside a shadow root and inside a frame', async () => {
    const page = await openPage(h, '/hostile/shadow.html');
    await waitMarks(page, '#w1', ['IZA=iza', 'NZa=nza', 'passende zorg=passende-zorg', 'Wlz=wlz']);
    await hoverTerm(page, 'NZa', '#w1');
    await until(page, 'card for NZa', () => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('#iza-title')?.textContent === 'NZa');
    await page.keyboard.press('Escape');
    const frame = page.frames().find((f) => f.url().endsWith('/hostile/frame.html'))!;
    await waitMarks(frame, '#in-frame', ['Wlz=wlz', 'GALA=gala']);
    await hoverTerm(frame, 'GALA');
    await frame.waitForFunction(() => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('#iza-title')?.textContent === 'GALA');
    await page.close();
  });
});

describe('an editor', () => {
  it('highlights nothing inside contenteditable, and typing there is untouched', async () => {
    await setStored(h, {});
    const page = await openPage(h, '/hostile/editor.html');
    const errors = collectErrors(page);
    await waitMarks(page, '#intro', ['Zvw=zvw']);
    await waitMarks(page, '#later', ['NZa=nza', 'ggz=ggz']);
    expect(await marksIn(page, '#editor')).toEqual([]);
    expect(await marksIn(page, '#plain')).toEqual([]);
    const before = await page.innerHTML('#editor');

    await page.click('#editor p');
    await page.keyboard.press('End');
    const typed = ' De NZa en passende zorg, en de Zvw.';
    await page.keyboard.type(typed, { delay: 5 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('GALA', { delay: 5 });
    await page.waitForTimeout(300); // Longer than the engine's mutation batch: it had its chance.
    expect(await marksIn(page, '#editor')).toEqual([]);
    expect(await page.innerText('#editor')).toBe(`Het IZA en de Wlz.${typed}\n\nGALA`);
    expect(await page.innerHTML('#editor')).toContain(before.slice(0, -'.</p>'.length));
    expect(await page.innerHTML('#editor')).not.toContain('data-iza');

    // Made editable after it was highlighted (click-to-edit): the painting leaves before any typing.
    await page.evaluate(() => document.getElementById('later')!.setAttribute('contenteditable', 'true'));
    await waitMarks(page, '#later', []);
    expect(await page.innerHTML('#later')).toBe('<p>De NZa en de ggz, nog niet bewerkbaar.</p>');
    await page.click('#later p');
    await page.keyboard.press('End');
    await page.keyboard.type(' Wlz.', { delay: 5 });
    await page.waitForTimeout(300);
    expect(await page.innerHTML('#later')).toBe('<p>De NZa en de ggz, nog niet bewerkbaar. Wlz.</p>');
    // And highlighted again once it is no longer editable.
    await page.evaluate(() => document.getElementById('later')!.removeAttribute('contenteditable'));
    await waitMarks(page, '#later', ['NZa=nza', 'ggz=ggz', 'Wlz=wlz']);
    expect(await page.inputValue('#ta')).toBe('De Zvw in een tekstvak');
    expect(errors).toEqual([]);
    await page.close();
  });
});
