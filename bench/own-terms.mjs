#!/usr/bin/env node
/**
 * Own terms and organisation lists in the bench (issues 20 and 21), every figure against a
 * baseline measured in the same run:
 * - the full pass on the 5 MB page with 5,000 own terms, against the bundled terms only (the
 *   real engine in the page, as bench/run.mjs measures it);
 * - the built extension's content-script start-up on a page without terms, with 5,000 own terms
 *   stored against none, and the renderer's JS heap after a garbage collection, with and without;
 * - importing a 5,000-concept Turtle file through the options page until its terms are active;
 * - from browser start until a 5,000-concept organisation list (managed policy, served from
 *   127.0.0.1) is active.
 * `node bench/own-terms.mjs` prints the section; bench/run.mjs adds it to RESULTS.md.
 */
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { glossaryPlugin, loadGlossary, markjsPlugin } from '../build.mjs';
import { CHROMIUM_FLAGS, findChromium } from '../test/tools/browsers.mjs';
import { policyPage, rng } from './pages.mjs';
import { MEASURE } from './measure.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = !!process.env.IZA_BENCH_QUICK;
const RUNS = QUICK ? 2 : 5;
const CONCEPTS = 5000;
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const span = (a) => `${Math.min(...a).toFixed(0)}-${Math.max(...a).toFixed(0)}`;
const ms = (x) => `${x.toFixed(0)} ms`;

/** 5,000 made-up concepts of a municipality: Dutch-looking compound names, an abbreviation each, a definition. */
export function ownTurtle(n = CONCEPTS, seed = 11) {
  const r = rng(seed);
  const syl = ['ber', 'kan', 'vel', 'dor', 'mis', 'tra', 'lon', 'ges', 'pel', 'wan', 'sto', 'rik', 'hem', 'dal', 'vor', 'zen', 'lim', 'bra', 'nus', 'tef'];
  const heads = ['team', 'punt', 'loket', 'regeling', 'programma', 'plan', 'overleg', 'netwerk', 'fonds', 'aanpak', 'raad', 'route'];
  const word = () => Array.from({ length: 2 + Math.floor(r() * 2) }, () => syl[Math.floor(r() * syl.length)]).join('');
  const seen = new Set();
  const lines = ['@prefix skos: <http://www.w3.org/2004/02/skos/core#> .', '@prefix dct: <http://purl.org/dc/terms/> .', '@prefix ex: <https://begrippen.voorbeeldstad.nl/id/begrip/> .', '',
    '<https://begrippen.voorbeeldstad.nl/id/begrippenkader/bench> a skos:ConceptScheme ; dct:title "Bench Voorbeeldstad"@nl .', ''];
  const labels = [];
  for (let i = 0; lines.length < n + 6; i++) {
    const label = r() < 0.5 ? `${word()}${heads[Math.floor(r() * heads.length)]}` : `${word()} ${word()}${heads[Math.floor(r() * heads.length)]}`;
    if (seen.has(label)) continue;
    seen.add(label);
    labels.push(label);
    const abbr = `V${i.toString(36).toUpperCase().padStart(3, 'X')}`;
    lines.push(`ex:c${i} a skos:Concept ; skos:prefLabel "${label}"@nl ; skos:altLabel "${abbr}"@nl ; skos:definition "Uitleg van ${label}, een voorziening van de gemeente Voorbeeldstad."@nl .`);
  }
  return { text: `${lines.join('\n')}\n`, labels };
}

/** The compiler's run-time parts, bundled for Node. */
async function compilerModule() {
  const out = join(ROOT, '.tmp', 'bench-own-compiler.mjs');
  await esbuild.build({
    stdin: { contents: "export { parseGlossaryFile } from './src/compiler/formats/index.ts'; export { compileOwn } from './src/compiler/own-compile.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true, platform: 'browser', format: 'esm', outfile: out, logLevel: 'silent',
  });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/** The engine pass on the 5 MB page: bundled only, then bundled plus own; medians of RUNS fresh tabs each. */
async function enginePass(glossary, own, labels) {
  const bundle = await esbuild.build({
    entryPoints: [join(ROOT, 'bench', 'engine-entry.ts')], bundle: true, write: false, format: 'iife', target: 'chrome120',
    loader: { '.css': 'text' }, jsx: 'automatic', jsxImportSource: 'preact', define: { __TARGET__: '"chrome"' },
    alias: { 'mark.js': join(ROOT, 'node_modules/mark.js/dist/mark.es6.js') }, plugins: [glossaryPlugin(glossary), markjsPlugin()], logLevel: 'warning',
  });
  const terms = [...new Set(glossary.entries.flatMap((e) => [e.term, ...e.abbreviations.map((a) => a.form)])), ...labels.slice(0, 300)];
  const big = policyPage(terms, 5_000_000, { seed: 7, minParagraphs: 40_000 });
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_FLAGS, '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const run = async (withOwn) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('http://127.0.0.1:9/**', (route) => route.fulfill({ contentType: 'text/html', body: big.html }));
    await page.goto('http://127.0.0.1:9/page.html');
    await page.addScriptTag({ content: bundle.outputFiles[0].text });
    if (withOwn) await page.evaluate(([m, e]) => window.__iza.setOwnGlossary(m, e), [own.matcher, own.entries]);
    await page.addScriptTag({ content: MEASURE });
    const r = await page.evaluate(() => window.__bench.full());
    await page.close();
    return r;
  };
  const without = [];
  const withOwn = [];
  for (let i = 0; i < RUNS; i++) {
    without.push(await run(false));
    withOwn.push(await run(true));
  }
  await browser.close();
  return { without, withOwn };
}

/** The real extension: start-up script time and heap on a page without terms; the import through the options page. */
async function extension(turtle) {
  const dist = join(ROOT, 'dist', 'chrome');
  const profile = await mkdtemp(join(tmpdir(), 'iza-own-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`] });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extId = new URL(worker.url()).host;
  const noTerms = `<!doctype html><html lang="nl"><body>${'<p>Een gewone pagina zonder enig begrip, alleen woorden over het weer en de stad.</p>'.repeat(400)}</body></html>`;
  const measure = async () => {
    const page = await ctx.newPage();
    await page.route('http://bench.invalid/**', (route) => route.fulfill({ contentType: 'text/html', body: noTerms }));
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto('http://bench.invalid/plain.html');
    await page.waitForTimeout(1200);
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
    await page.close();
    return { script: metrics.find((m) => m.name === 'ScriptDuration').value * 1000, heap };
  };
  await measure();
  const none = [];
  for (let i = 0; i < RUNS; i++) none.push(await measure());
  // The import: file chosen -> preview -> "Importeren" -> stored and compiled.
  const options = await ctx.newPage();
  await options.goto(`chrome-extension://${extId}/options.html`);
  await options.waitForSelector('#own-import');
  const t0 = Date.now();
  await options.setInputFiles('#own-import', { name: 'bench.ttl', mimeType: 'text/turtle', buffer: Buffer.from(turtle) });
  await options.waitForSelector('#import-confirm', { timeout: 60000 });
  const preview = Date.now() - t0;
  await options.click('#import-confirm');
  await worker.evaluate(() => new Promise((resolve) => {
    const check = () => chrome.storage.local.get('own.matcher').then((r) => (r['own.matcher'] ? resolve() : setTimeout(check, 20)));
    check();
  }));
  const imported = Date.now() - t0;
  await options.close();
  await measure();
  const own = [];
  for (let i = 0; i < RUNS; i++) own.push(await measure());
  await ctx.close();
  await rm(profile, { recursive: true, force: true });
  return { none, own, preview, imported };
}

/** Browser start until a 5,000-concept list set by policy is active (Chromium reads /etc/chromium/policies/managed). */
async function policyList(turtle) {
  const dir = '/etc/chromium/policies/managed';
  const file = join(dir, 'iza-begrippen-bench.json');
  const dist = join(ROOT, 'dist', 'chrome');
  const server = createServer((_q, res) => res.writeHead(200, { 'content-type': 'text/turtle' }).end(turtle));
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/lijst.ttl`;
  const id = [...createHash('sha256').update(dist).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(file, JSON.stringify({ '3rdparty': { extensions: { [id]: { glossaries: [{ name: 'Bench Voorbeeldstad', url }] } } } }));
  } catch (err) {
    server.close();
    return { skipped: `no policy folder to write (${err.code})` };
  }
  const times = [];
  try {
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      const profile = await mkdtemp(join(tmpdir(), 'iza-policy-bench-'));
      const t0 = Date.now();
      const ctx = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`] });
      const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
      await worker.evaluate(() => new Promise((resolve) => {
        const check = () => chrome.storage.local.get('own.matcher').then((r) => (r['own.matcher'] ? resolve() : setTimeout(check, 20)));
        check();
      }));
      times.push(Date.now() - t0);
      await ctx.close();
      await rm(profile, { recursive: true, force: true });
    }
  } finally {
    await rm(file, { force: true });
    server.close();
  }
  return { times };
}

export async function benchOwnTerms() {
  const glossary = await loadGlossary();
  const { text, labels } = ownTurtle();
  const { parseGlossaryFile, compileOwn } = await compilerModule();
  const parsed = parseGlossaryFile(new TextEncoder().encode(text), { fileName: 'bench.ttl' });
  const compiled = compileOwn(glossary.matcher, [{ id: 'bench', name: 'Bench', origin: 'import', enabled: true, onlyCareSites: false, created: '', updated: '', count: parsed.terms.length, terms: parsed.terms }]);
  const own = { matcher: JSON.stringify(compiled.matcher), entries: JSON.stringify(compiled.entries) };
  const pass = await enginePass(glossary, own, labels);
  const ext = await extension(text);
  const org = await policyList(text);
  const e0 = med(pass.without.map((r) => r.engineTime));
  const e1 = med(pass.withOwn.map((r) => r.engineTime));
  const s0 = med(ext.none.map((r) => r.script));
  const s1 = med(ext.own.map((r) => r.script));
  const h0 = med(ext.none.map((r) => r.heap));
  const h1 = med(ext.own.map((r) => r.heap));
  const verdict = (ok) => (ok ? 'met' : '**missed**');
  return [
    '## Own terms and organisation lists (issues 20 and 21)',
    '',
    `A generated file of ${parsed.terms.length} concepts (${compiled.forms} forms with abbreviations and plurals; ${(own.matcher.length / 1024).toFixed(0)} KB of matcher data, ${(own.entries.length / 1024).toFixed(0)} KB of entries), medians of ${RUNS} runs, each against its baseline in the same run.`,
    '',
    '| measure | baseline | with 5,000 own terms | ratio | budget |',
    '| --- | --- | --- | --- | --- |',
    `| full pass on the 5 MB page (engine time) | ${ms(e0)} (${span(pass.without.map((r) => r.engineTime))}), bundled only | ${ms(e1)} (${span(pass.withOwn.map((r) => r.engineTime))}) | ${(e1 / e0).toFixed(2)}x | at most 1.3x: ${verdict(e1 / e0 <= 1.3)} |`,
    `| terms found on that page | ${med(pass.without.map((r) => r.found))} | ${med(pass.withOwn.map((r) => r.found))} | | |`,
    `| content-script start-up, page without terms (script time) | ${s0.toFixed(1)} ms (${span(ext.none.map((r) => r.script))}) | ${s1.toFixed(1)} ms (${span(ext.own.map((r) => r.script))}) | ${(s1 / s0).toFixed(2)}x | at most 1.5x: ${verdict(s1 / s0 <= 1.5)} |`,
    `| renderer JS heap after GC, same page | ${h0.toFixed(1)} MB | ${h1.toFixed(1)} MB | +${(h1 - h0).toFixed(1)} MB | reported |`,
    `| engine heap growth over the 5 MB pass | ${med(pass.without.map((r) => r.heapAfter - r.heapBefore)).toFixed(1)} MB | ${med(pass.withOwn.map((r) => r.heapAfter - r.heapBefore)).toFixed(1)} MB | | reported |`,
    `| import of the 5,000-concept Turtle file, options page | | preview shown after ${ms(ext.preview)}, terms active after ${ms(ext.imported)} | | aim under 2 s: ${verdict(ext.imported <= 2000)} |`,
    `| browser start until a 5,000-concept policy list is active | | ${org.times ? `${ms(med(org.times))} (${span(org.times)})` : org.skipped} | | reported |`,
    '',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log((await benchOwnTerms()).join('\n'));
}
