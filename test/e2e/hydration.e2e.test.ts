/**
 * Issue 12: server-rendered apps that hydrate late keep working. The page is rendered on the
 * server (React 19's renderToString; Vue 3's server renderer) and its client hydrates 3 s after
 * `load`, as lazy chunks and islands do. Before hydration, the extension must paint the terms and
 * show cards without writing into the server DOM; hydration must then report no mismatch (React's
 * onRecoverableError, Vue's hydration warnings) and no error; after it, terms are still painted,
 * cards still open, and the app updates on clicks with its new text painted anew.
 * Chromium and Firefox ESR, plus a run without the extension that proves the fixture is clean.
 */
// @ts-expect-error: react ships no types and @types/react is not a dependency
import { createElement } from 'react';
// @ts-expect-error: as above
import { renderToString as reactToString } from 'react-dom/server';
import { createSSRApp } from 'vue';
import { renderToString as vueToString } from 'vue/server-renderer';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectErrors } from './hostile';
import { CARD_TITLE, JS, bundle, chromiumDriver, firefoxDriver, chromiumWithRoutes, firefoxWithRoutes, paintedTexts, plainChromium, serveFixtures, waitCard, waitPainted, type Driver, type Routes, type Server } from './issue12';
// @ts-expect-error: plain JS fixture
import { App as ReactApp } from '../fixtures/issue12/react-ssr-app.js';
// @ts-expect-error: plain JS fixture
import { App as VueApp } from '../fixtures/issue12/vue-ssr-app.js';
// @ts-expect-error: plain JS fixture
import { App as ReactPlainApp } from '../fixtures/issue12/react-plain-ssr-app.js';
// @ts-expect-error: plain JS fixture
import { App as VuePlainApp } from '../fixtures/issue12/vue-plain-ssr-app.js';

const HYDRATE_DELAY = 3000;

type Framework = 'react' | 'vue';
/** The apps: the full ones, and ones whose server HTML has no hydration marker at all. */
type AppName = Framework | 'react-plain' | 'vue-plain';
const ERRORS: Record<AppName, string> = { react: '__reactErrors', vue: '__vueErrors', 'react-plain': '__reactErrors', 'vue-plain': '__vueErrors' };
const ssr: Record<AppName, string> = { react: '', vue: '', 'react-plain': '', 'vue-plain': '' };

function page(fw: AppName, html: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Server-rendered ${fw}</title></head><body><div id="root">${html}</div><script>window.HYDRATE_DELAY = ${HYDRATE_DELAY};</script><script src="/issue12/${fw}-ssr.js"></script></body></html>`;
}

let routes: Routes;
beforeAll(async () => {
  ssr.react = reactToString(createElement(ReactApp));
  ssr.vue = await vueToString(createSSRApp(VueApp));
  ssr['react-plain'] = reactToString(createElement(ReactPlainApp));
  ssr['vue-plain'] = await vueToString(createSSRApp(VuePlainApp));
  const vueDefine = { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'true' };
  routes = {
    '/issue12/react-ssr.html': { body: page('react', ssr.react) },
    '/issue12/vue-ssr.html': { body: page('vue', ssr.vue) },
    '/issue12/react-ssr.js': { body: await bundle('issue12/react-ssr-client.js'), headers: JS },
    '/issue12/vue-ssr.js': { body: await bundle('issue12/vue-ssr-client.js', { alias: { vue: 'vue/dist/vue.esm-bundler.js' }, define: vueDefine }), headers: JS },
    '/issue12/react-plain-ssr.html': { body: page('react-plain', ssr['react-plain']) },
    '/issue12/vue-plain-ssr.html': { body: page('vue-plain', ssr['vue-plain']) },
    '/issue12/react-plain-ssr.js': { body: await bundle('issue12/react-plain-ssr-client.js'), headers: JS },
    '/issue12/vue-plain-ssr.js': { body: await bundle('issue12/vue-plain-ssr-client.js', { alias: { vue: 'vue/dist/vue.esm-bundler.js' }, define: vueDefine }), headers: JS },
  };
});

it('the server HTML carries the frameworks\' hydration markers (what the guard looks for)', () => {
  expect(ssr.react).toContain('<!-- -->');
  expect(ssr.vue).toMatch(/<!--\[-->/);
  // The plain apps' HTML has no comment at all: nothing in it says "server-rendered".
  expect(ssr['react-plain']).not.toContain('<!--');
  expect(ssr['vue-plain']).not.toContain('<!--');
});

const rootHtml = `document.getElementById('root').innerHTML`;

const APPS: AppName[] = ['react', 'vue', 'react-plain', 'vue-plain'];

/**
 * The reader rests the pointer on a term while the app hydrates: the card stays open across
 * hydration. Nothing may be written into the server DOM for it, whatever markers the HTML has.
 */
async function heldCard(d: Driver, app: AppName): Promise<void> {
  const where = `${d.name}/${app}`;
  await d.waitFor(`document.readyState === 'complete'`, 'load');
  await waitPainted(d, '#mixed', app.endsWith('plain') ? ['NZa', 'passende zorg', 'Integraal Zorgakkoord'] : ['NZa', 'passende zorg', 'Zvw', 'Integraal Zorgakkoord'], 10000);
  await d.settle();
  // A term in text the app renders from its state (React: a string child; Vue: {{ wet }}).
  await d.hover('Zvw', '#status');
  await waitCard(d, 'Zvw');
  expect(await d.eval<boolean>(`!!window.__hydrating`), `${where}: the card opened after hydration began (slow machine?)`).toBe(false);
  expect.soft(await d.eval(rootHtml), `${where}: server DOM while the card is open, before hydration`).toBe(ssr[app]);
  await d.waitFor(`window.__hydrated === true`, `${where}: hydration`, HYDRATE_DELAY + 10000);
  await new Promise((r) => setTimeout(r, 300));
  expect(await d.eval<string[]>(`window.${ERRORS[app]}`), `${where}: framework errors with the card held open across hydration`).toEqual([]);
  await d.pointer(5, 590); // The card may cover the button.
  await waitCard(d, null);
  await d.click('#switch');
  await d.waitFor(`document.getElementById('status').textContent.includes('Wlz')`, `${where}: app updates after a click`);
  await waitPainted(d, '#status', ['Wlz']);
}

/** The whole scenario on one browser. `errors` are the page's console errors seen by the harness. */
async function scenario(d: Driver, fw: Framework, extension: boolean): Promise<void> {
  const server = ssr[fw];
  const errors = () => d.eval<string[]>(`window.${ERRORS[fw]}`);
  const where = `${d.name}/${fw}`;
  if (extension) {
    // Before hydration: painted, and a card on hover, with the server DOM untouched.
    await d.waitFor(`document.readyState === 'complete'`, 'load');
    await waitPainted(d, '#mixed', ['NZa', 'passende zorg', 'Zvw', 'Integraal Zorgakkoord']);
    await d.settle();
    expect(await paintedTexts(d, '#list'), where).toEqual(['Zvw', 'wijkverpleging', 'Wlz', 'langdurige zorg', 'regioplan', 'Integraal Zorgakkoord']);
    expect(await d.eval(rootHtml), `${where}: server DOM while painted`).toBe(server);
    await d.hover('NZa', '#mixed');
    await waitCard(d, 'NZa');
    expect(await d.eval(rootHtml), `${where}: server DOM while the card is open`).toBe(server);
    await d.pointer(5, 590);
    await waitCard(d, null);
    expect(await d.eval<boolean>(`!!window.__hydrating`), `${where}: the checks before hydration ran after it began (slow machine?)`).toBe(false);
  }
  await d.waitFor(`window.__hydrated === true`, `${where}: hydration`, HYDRATE_DELAY + 10000);
  await new Promise((r) => setTimeout(r, 300));
  expect(await errors(), `${where}: framework errors after hydration`).toEqual([]);
  expect(await d.eval(rootHtml), `${where}: DOM after hydration`).toBe(server);

  // After hydration: still painted, the card opens, and the app runs.
  if (extension) {
    await waitPainted(d, '#mixed', ['NZa', 'passende zorg', 'Zvw', 'Integraal Zorgakkoord']);
    await d.hover('Zvw', '#status');
    await waitCard(d, 'Zvw');
    await d.pointer(5, 590);
    await waitCard(d, null);
  }
  await d.click('#switch');
  await d.waitFor(`document.getElementById('status').textContent === 'Nu gaat het over de Wlz.'`, `${where}: app updates after a click`);
  await d.click('#more');
  await d.waitFor(`document.getElementById('mixed').textContent.includes(' 3 keer ')`, `${where}: second click`);
  await d.click('#toggle');
  await d.waitFor(`document.getElementById('extra')?.textContent === 'De NZa ziet toe op het regioplan.'`, `${where}: third click`);
  if (extension) {
    await waitPainted(d, '#status', ['Wlz']);
    await waitPainted(d, '#mixed', ['NZa', 'passende zorg', 'Wlz', 'Integraal Zorgakkoord']);
    await waitPainted(d, '#extra', ['NZa', 'regioplan']);
    await d.hover('regioplan', '#extra');
    await waitCard(d, 'regioplan');
    await d.pointer(5, 590);
    await waitCard(d, null);
    await d.click('#switch');
    await waitPainted(d, '#status', ['Zvw']);
  }
  expect(await errors(), `${where}: framework errors at the end`).toEqual([]);
}

describe('Chromium', () => {
  const c = chromiumWithRoutes(() => routes);
  for (const fw of ['react', 'vue'] as const) {
    it(`${fw}: painted and carded before and after a late hydration, no hydration error, app updates`, async () => {
      const p = await c.h.ctx.newPage();
      const console = collectErrors(p);
      await p.goto(`${c.h.origin}/issue12/${fw}-ssr.html`);
      await scenario(chromiumDriver(p), fw, true);
      expect(console).toEqual([]);
      await p.close();
    });
  }
  // Keyboard focus (Chromium only: headless Firefox fires no focus events).
  for (const fw of ['react', 'vue'] as const) {
    it(`${fw}: a term keeps keyboard focus across hydration without a write into the app, and Tab goes on`, async () => {
      const p = await c.h.ctx.newPage();
      const console = collectErrors(p);
      await p.goto(`${c.h.origin}/issue12/${fw}-ssr.html`);
      const d = chromiumDriver(p);
      await waitPainted(d, '#title', ['Passende zorg']);
      await d.settle();
      await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await p.keyboard.press('Tab');
      await d.waitFor(`document.activeElement?.localName === 'iza-begrippen-focus'`, 'focus on the term (a proxy outside the app)');
      await d.waitFor(`(${CARD_TITLE}) !== null`, 'the card opens on focus');
      expect(await d.eval(rootHtml), 'server DOM while a term has focus').toBe(ssr[fw]);
      expect(await d.eval<boolean>(`!!window.__hydrating`), 'focus came after hydration began (slow machine?)').toBe(false);
      await d.waitFor(`window.__hydrated === true`, 'hydration', HYDRATE_DELAY + 10000);
      await p.waitForTimeout(300);
      expect(await d.eval<string[]>(`window.${ERRORS[fw]}`), 'framework errors with focus on a term across hydration').toEqual([]);
      expect(await d.eval(rootHtml), 'DOM after hydration').toBe(ssr[fw]);
      // Tab goes on in the page's order from the term: the first link of the app.
      await p.keyboard.press('Tab');
      await d.waitFor(`document.activeElement?.getAttribute('href') === '#regioplan'`, 'Tab to the next link in the app');
      await d.waitFor(`!document.querySelector('iza-begrippen-focus') && (${CARD_TITLE}) === null`, 'proxy and card gone');
      await p.click('#switch');
      await waitPainted(d, '#status', ['Wlz']);
      expect(console).toEqual([]);
      await p.close();
    });
  }
  for (const app of APPS) {
    it(`${app}: a card held open across hydration writes nothing and causes no hydration error`, async () => {
      const p = await c.h.ctx.newPage();
      const console = collectErrors(p);
      await p.goto(`${c.h.origin}/issue12/${app}-ssr.html`);
      await heldCard(chromiumDriver(p), app);
      expect(console).toEqual([]);
      await p.close();
    });
  }
});

describe('Chromium without the extension (the fixture is clean)', () => {
  let b: Browser;
  let s: Server;
  beforeAll(async () => {
    b = await plainChromium();
    s = await serveFixtures(routes);
  });
  afterAll(async () => {
    await b?.close();
    await s?.close();
  });
  for (const fw of ['react', 'vue'] as const) {
    it(`${fw}: hydrates without errors and updates`, async () => {
      const p = await b.newPage();
      const console = collectErrors(p);
      await p.goto(`${s.origin}/issue12/${fw}-ssr.html`);
      await scenario(chromiumDriver(p), fw, false);
      expect(console).toEqual([]);
      await p.close();
    });
    it(`${fw}-plain: hydrates without errors`, async () => {
      const p = await b.newPage();
      const console = collectErrors(p);
      await p.goto(`${s.origin}/issue12/${fw}-plain-ssr.html`);
      await p.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true, undefined, { timeout: HYDRATE_DELAY + 10000 });
      await p.waitForTimeout(300);
      expect(await p.evaluate(`window.${ERRORS[fw]}`)).toEqual([]);
      await p.click('#switch');
      await p.waitForFunction(() => document.getElementById('status')!.textContent!.includes('Wlz'));
      expect(console).toEqual([]);
      await p.close();
    });
    it(`${fw}: a mark written by hand before hydration is reported (the error trap works)`, async () => {
      const p = await b.newPage();
      await p.goto(`${s.origin}/issue12/${fw}-ssr.html`);
      // What a wrapping extension did before issue 12: split the server's text node around a term.
      await p.evaluate(() => {
        const t = document.querySelector('#mixed')!.firstChild as Text;
        const at = t.data.indexOf('NZa');
        const term = t.splitText(at);
        term.splitText(3);
        const mark = document.createElement('mark');
        term.replaceWith(mark);
        mark.append(term);
      });
      await p.waitForFunction(() => (window as unknown as { __hydrated?: boolean }).__hydrated === true, undefined, { timeout: HYDRATE_DELAY + 10000 });
      await p.waitForTimeout(300);
      const errors = await p.evaluate(`window.${ERRORS[fw]}`);
      expect((errors as string[]).length, `${fw} reports the changed server DOM`).toBeGreaterThan(0);
      await p.close();
    });
  }
});

describe('Firefox ESR', () => {
  const fx = firefoxWithRoutes(() => routes);
  for (const fw of ['react', 'vue'] as const) {
    it(`${fw}: painted and carded before and after a late hydration, no hydration error, app updates`, async () => {
      await fx.ff.navigate(`${fx.origin}/issue12/${fw}-ssr.html`);
      await scenario(firefoxDriver(fx.ff), fw, true);
    });
  }
  for (const app of APPS) {
    it(`${app}: a card held open across hydration writes nothing and causes no hydration error`, async () => {
      await fx.ff.navigate(`${fx.origin}/issue12/${app}-ssr.html`);
      await heldCard(firefoxDriver(fx.ff), app);
    });
  }
});
