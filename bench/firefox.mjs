// Fresh loads of the 5 MB page in Firefox ESR (part of `npm run bench`): the built extension
// (dist/firefox, installed through Firefox's WebDriver BiDi as the e2e tests do) against the same
// Firefox with the add-on uninstalled, both open through the run, loads taking turns. The test
// harness (test/e2e/firefox.ts) is bundled for Node here, so both drive Firefox the same way.
import * as esbuild from 'esbuild';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Runs in the page's world before its first byte: stamps each painted range with the frame it first showed in. */
const PROBE = `() => {
  const seen = new Map();
  window.__izaSeen = seen;
  const poll = () => {
    for (const [name, h] of CSS.highlights) if (name.startsWith('iza-')) for (const r of h) if (!seen.has(r)) seen.set(r, performance.now());
    if (performance.now() < 15000) requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}`;

/** What one load gave: load event, first contentful paint, first highlight in the viewport. */
const READ = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  let view = null;
  for (const [r, t] of window.__izaSeen ?? []) {
    if (view !== null && t >= view) continue;
    const range = new Range();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const b = range.getBoundingClientRect();
    if (b.width > 0 && b.bottom > 0 && b.top < innerHeight) view = t;
  }
  return { load: nav.loadEventStart, fcp, view };
})()`;

export async function firefoxLoads(root, html, runs, afterLoadMs) {
  const out = join(root, 'node_modules', '.cache', 'iza-bench-firefox.mjs');
  await mkdir(join(root, 'node_modules', '.cache'), { recursive: true });
  // The harness finds the repository from its own folder: keep that folder in the bundle.
  await esbuild.build({
    entryPoints: [join(root, 'test', 'e2e', 'firefox.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external',
    outfile: out, define: { 'import.meta.dirname': JSON.stringify(join(root, 'test', 'e2e')) }, logLevel: 'warning',
  });
  const { Firefox, GECKO_ID } = await import(pathToFileURL(out).href);
  const routes = { '/page.html': { body: html, headers: { 'cache-control': 'no-store' } } };
  // IZA_BENCH_EXTENSION_FIREFOX: another build to compare (default dist/firefox).
  const extensionDir = process.env.IZA_BENCH_EXTENSION_FIREFOX;
  const browsers = { with: await Firefox.launch({ routes, ...(extensionDir ? { extensionDir } : {}) }), without: await Firefox.launch({ routes }) };
  await browsers.without.send('webExtension.uninstall', { extension: GECKO_ID });
  for (const ff of Object.values(browsers)) await ff.send('script.addPreloadScript', { functionDeclaration: PROBE });
  const results = { with: [], without: [] };
  try {
    for (let i = -1; i < runs; i++) {
      for (const k of i % 2 === 0 ? ['with', 'without'] : ['without', 'with']) {
        const ff = browsers[k];
        await ff.navigate(`${ff.origin}/page.html?${k}${i}`);
        await new Promise((r) => setTimeout(r, afterLoadMs));
        const r = await ff.eval(READ);
        console.log(`firefox fresh load ${k} ${i}: load ${r.load.toFixed(0)} ms, FCP ${r.fcp?.toFixed(0)} ms, first highlight in view ${r.view?.toFixed(0)} ms`);
        if (i >= 0) results[k].push(r); // The first load of each warms the browser: not counted.
      }
    }
  } finally {
    for (const ff of Object.values(browsers)) await ff.close();
  }
  return results;
}
