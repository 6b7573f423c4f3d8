/** Reading tools in real Firefox ESR: the popup (switch, terms on the page, search, copy) and live options. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_UUID, Firefox, PAINTED_COUNT } from './firefox';
import { PAINTED_SRC, idsOf } from './painted';

const TEXTS = `(${PAINTED_SRC})('').map((t) => t.text)`;
const STYLES = `(${PAINTED_SRC})('').map((t) => t.style)`;

let ff: Firefox;
let pageCtx = '';
let pageTab = 0;
const EXT = `moz-extension://${FIXED_UUID}`;

/** Runs `fn` with the driver pointed at another browsing context. */
function inContext<T>(ctx: string, fn: () => Promise<T>): Promise<T> {
  return ff.within(ctx, fn);
}

async function openTab(url: string): Promise<string> {
  const { context } = await ff.send('browsingContext.create', { type: 'tab' });
  await inContext(context, () => ff.navigate(url));
  return context;
}

beforeAll(async () => {
  ff = await Firefox.launch();
  await ff.navigate(`${ff.origin}/demo/kamerbrief.html`);
  await ff.waitFor(`${PAINTED_COUNT} > 20`);
  pageCtx = ff.context;
  const probe = await openTab(`${EXT}/options.html`);
  pageTab = await inContext(probe, () => ff.eval<number>(`browser.tabs.query({}).then((t) => t.find((x) => x.url.includes('/demo/kamerbrief.html')).id)`));
  await ff.send('browsingContext.close', { context: probe });
});
afterAll(async () => {
  await ff?.close();
});

describe('Firefox: popup', () => {
  it('lists the terms on the page, searches without diacritics, copies Markdown, and jumps', async () => {
    const popup = await openTab(`${EXT}/popup.html?tab=${pageTab}`);
    await inContext(popup, async () => {
      await ff.waitFor(`document.querySelectorAll('#page-terms .item').length > 5`);
      const first = await ff.eval<string>(`document.querySelector('#page-terms .item').getAttribute('data-id')`);
      const firstOnPage = idsOf((await inContext(pageCtx, () => ff.painted()))[0]!.text).split(' ')[0];
      expect(first).toBe(firstOnPage);
      await ff.eval(`(() => { const i = document.querySelector('#search'); i.value = 'patientenfederatie'; i.dispatchEvent(new Event('input', { bubbles: true })); return 1; })()`);
      await ff.waitFor(`document.querySelector('#results .item')`);
      expect(await ff.eval(`document.querySelector('#results .item').getAttribute('data-id')`)).toBe('patientenfederatie-nederland');
      await ff.eval(`(document.querySelector('#copy-md').click(), 1)`);
      await ff.waitFor(`document.body.dataset.copied`);
      expect(await ff.eval<string>(`document.body.dataset.copied`)).toContain('## Begrippen:');
      await ff.eval(`(document.querySelector('#page-terms .item[data-id="${first}"]').click(), 1)`);
    });
    await inContext(pageCtx, () => ff.waitFor(`document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card') && CSS.highlights.has('iza-flash')`));
    await ff.send('browsingContext.close', { context: popup });
  });

  it('the site switch removes the painting, restores the DOM, and switches back on', async () => {
    const before = await inContext(pageCtx, async () => {
      await ff.eval(`(document.querySelector('iza-begrippen-card')?.shadowRoot && document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })), 1)`);
      return ff.eval<number>(PAINTED_COUNT);
    });
    expect(before).toBeGreaterThan(20);
    const popup = await openTab(`${EXT}/popup.html?tab=${pageTab}`);
    await inContext(popup, async () => {
      await ff.waitFor(`document.querySelector('#site-switch') && !document.querySelector('#site-switch').disabled && document.querySelector('#site-switch').checked`);
      await ff.eval(`(document.querySelector('#site-switch').click(), 1)`);
    });
    await inContext(pageCtx, async () => {
      await ff.waitFor(`${PAINTED_COUNT} === 0 && !document.querySelector('iza-begrippen-card')`);
      const html = await ff.eval<string>(`document.body.innerHTML`);
      const original = await ff.eval<string>(`fetch(location.href).then((r) => r.text()).then((t) => new DOMParser().parseFromString(t, 'text/html').body.innerHTML)`);
      expect(html).toBe(original);
    });
    await inContext(popup, () => ff.eval(`(document.querySelector('#site-switch').click(), 1)`));
    await inContext(pageCtx, () => ff.waitFor(`${PAINTED_COUNT} === ${before}`));
    await ff.send('browsingContext.close', { context: popup });
  });
});

describe('Firefox: options apply live', () => {
  it('switches the highlight style and the categories on an open tab', async () => {
    const options = await openTab(`${EXT}/options.html`);
    await inContext(options, async () => {
      await ff.waitFor(`document.querySelector('input[name=style][value=background]')`);
      await ff.eval(`(document.querySelector('input[name=style][value=background]').click(), 1)`);
    });
    await inContext(pageCtx, () => ff.waitFor(`${STYLES}.length > 0 && ${STYLES}.every((s) => s === 'iza-b')`));
    await inContext(options, () => ff.eval(`(document.querySelector('input[name=category][value=wet]').click(), 1)`));
    await inContext(pageCtx, () => ff.waitFor(`!${TEXTS}.includes('Zvw') && ${TEXTS}.includes('IZA')`));
    await inContext(options, () => ff.eval(`(document.querySelector('#reset').click(), 1)`));
    await inContext(pageCtx, () => ff.waitFor(`${TEXTS}.includes('Zvw') && ${STYLES}.every((s) => s === 'iza-u')`));
    await ff.send('browsingContext.close', { context: options });
  });
});

describe('Firefox: commands and the context menu', () => {
  // Headless Firefox cannot press extension shortcuts or open context menus: the test calls the
  // background's own handlers (the ones the real listeners call) from an extension page.
  const background = (call: string) => `browser.runtime.getBackgroundPage().then((bg) => bg.__izaTest.${call})`;

  it('next and previous term move through the highlights in reading order and open each card', async () => {
    const probe = await openTab(`${EXT}/options.html`);
    await ff.send('browsingContext.activate', { context: pageCtx });
    const order = await inContext(pageCtx, async () => {
      await ff.eval(`(document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })), 1)`);
      return ff.eval<string[]>(TEXTS);
    });
    const current = () => inContext(pageCtx, () => ff.eval<string>(`document.querySelector('mark[data-iza][tabindex="0"]')?.textContent ?? ''`));
    const cardTerm = () => inContext(pageCtx, () => ff.eval<string>(`document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card h2, .card .term')?.textContent ?? ''`));
    await inContext(probe, () => ff.eval(background(`onCommand('next-term')`)));
    await inContext(pageCtx, () => ff.waitFor(`document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card')`));
    const a = await current();
    await inContext(probe, () => ff.eval(background(`onCommand('next-term')`)));
    await inContext(pageCtx, () => ff.waitFor(`document.querySelector('mark[data-iza][tabindex="0"]')?.textContent !== ${JSON.stringify(a)}`));
    const b = await current();
    expect(order.indexOf(b)).toBe(order.indexOf(a) + 1);
    expect(await cardTerm()).toBeTruthy();
    await inContext(probe, () => ff.eval(background(`onCommand('previous-term')`)));
    await inContext(pageCtx, () => ff.waitFor(`document.querySelector('mark[data-iza][tabindex="0"]')?.textContent === ${JSON.stringify(a)}`));
    await ff.send('browsingContext.close', { context: probe });
  });

  it('"Opzoeken in IZA Begrippen" opens the card for a selected term, or prefills the search', async () => {
    const probe = await openTab(`${EXT}/options.html`);
    await inContext(pageCtx, () => ff.eval(`(document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' })), 1)`));
    expect(await inContext(probe, () => ff.eval(background(`lookUp('Nederlandse Zorgautoriteit', ${pageTab})`)))).toBe('card');
    await inContext(pageCtx, () => ff.waitFor(`document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card')?.textContent.includes('Nederlandse Zorgautoriteit')`));
    expect(await inContext(probe, () => ff.eval(background(`lookUp('geen begrip xyz', ${pageTab})`)))).toBe('search');
    // Firefox opens the real toolbar popup here (action.openPopup), and it takes the query.
    await inContext(probe, () =>
      ff.waitFor(`browser.extension.getViews({ type: 'popup' }).some((v) => v.document.querySelector('#search')?.value === 'geen begrip xyz')`),
    );
    await ff.send('browsingContext.close', { context: probe });
  });
});
