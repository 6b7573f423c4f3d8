/**
 * Issue 12: load is the page's own. The content script runs at document_start and follows the
 * parser: on a page that arrives in two parts, 1.5 s apart, the terms of the first part are
 * painted while the document is still loading (before `load`, before the second part is sent);
 * after the second part, the terms in it, in a sentence the parser was still adding to, and in a
 * paragraph an inline script inserted above the walk's position are painted too; nothing was
 * written into the page, and a card opens. Chromium and Firefox ESR.
 */
import { describe, expect, it } from 'vitest';
import { PAINTED_SRC } from './painted';
import { chromiumDriver, firefoxDriver, chromiumWithRoutes, firefoxWithRoutes, waitCard, waitPainted, type Driver, type Routes } from './issue12';

const FIRST = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>In delen</title>
<script>window.__loaded = false; addEventListener('load', () => { window.__loaded = true; });</script></head>
<body><h1>Een brief in twee delen</h1>
<p id="a">De NZa houdt toezicht op de Zvw.</p>
<p id="frontier">Het regioplan en de`;
const SECOND = ` Wlz.</p>
<script>document.getElementById('a').insertAdjacentHTML('afterend', '<p id="inserted">Het Zorginstituut adviseert.</p>');</script>
<p id="b">De Wmo.</p>
</body></html>`;
const GAP_MS = 1500;
const routes: Routes = { '/issue12/parts.html': { parts: [{ body: FIRST }, { delay: GAP_MS, body: SECOND }], body: '' } };

/** What the page shows while it loads: its state, and the painted terms of the first part. */
const STATE = `({ state: document.readyState, loaded: window.__loaded, a: (${PAINTED_SRC})('#a').map((t) => t.text), second: !!document.getElementById('b') })`;
interface State {
  state: string;
  loaded: boolean;
  a: string[];
  second: boolean;
}

async function scenario(d: Driver, started: number): Promise<void> {
  // Painted while the parser still waits for the second part.
  let s: State | null = null;
  for (let i = 0; i < 200; i++) {
    s = await d.eval<State>(STATE).catch(() => null);
    if (s && s.a.length > 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const at = Date.now() - started;
  expect(s?.a, `${d.name}: the first part's terms painted while loading (${at} ms after navigating)`).toEqual(['NZa', 'Zvw']);
  expect(s?.state, `${d.name}: painted before the document was parsed`).toBe('loading');
  expect(s?.loaded, `${d.name}: painted before load`).toBe(false);
  expect(s?.second, `${d.name}: before the second part arrived`).toBe(false);
  expect(await d.eval<number>(`document.querySelectorAll('mark, iza-begrippen-card').length`), 'nothing written while loading').toBe(0);

  await d.waitFor(`window.__loaded === true`, 'the load event', 10000);
  await waitPainted(d, '#frontier', ['regioplan', 'Wlz']);
  await waitPainted(d, '#inserted', ['Zorginstituut']);
  await waitPainted(d, '#b', ['Wmo']);
  await waitPainted(d, '#a', ['NZa', 'Zvw']);
  expect(await d.eval<string>(`document.body.innerHTML.replace(/<script>[^]*?<\\/script>/, '')`), 'the DOM as the page made it').toBe(
    `<h1>Een brief in twee delen</h1>\n<p id="a">De NZa houdt toezicht op de Zvw.</p><p id="inserted">Het Zorginstituut adviseert.</p>\n<p id="frontier">Het regioplan en de Wlz.</p>\n\n<p id="b">De Wmo.</p>\n`,
  );
  await d.hover('Wlz', '#frontier');
  await waitCard(d, 'Wlz');
}

describe('Chromium', () => {
  const c = chromiumWithRoutes(routes);

  it('a page in two parts: painted while loading, then the rest, nothing written', async () => {
    const page = await c.h.ctx.newPage();
    const started = Date.now();
    await page.goto(`${c.h.origin}/issue12/parts.html`, { waitUntil: 'commit' });
    await scenario(chromiumDriver(page), started);
    await page.close();
  });
});

describe('Firefox ESR', () => {
  const fx = firefoxWithRoutes(routes);

  it('a page in two parts: painted while loading, then the rest, nothing written', async () => {
    const started = Date.now();
    await fx.ff.send('browsingContext.navigate', { context: fx.ff.context, url: `${fx.origin}/issue12/parts.html`, wait: 'none' });
    // The new document's realm: wait until it is the page's.
    for (let i = 0; i < 100; i++) {
      if ((await fx.ff.eval<string>(`location.pathname`).catch(() => '')) === '/issue12/parts.html') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await scenario(firefoxDriver(fx.ff), started);
  });
});
