/**
 * Page integrity, Chromium tier: the properties of test/tools/page-integrity.ts in a real
 * browser DOM (real TreeWalker, MutationObserver, scheduler.yield, HTML serializer). The engine,
 * the matcher over the mini glossary and fast-check are bundled into one script and run inside
 * a plain page (no extension loaded, so nothing else touches the page).
 *
 * Fixed seed; replay or explore as in the unit tier:
 *   IZA_SEED=123 [IZA_PATH="4:1:0"] [IZA_RUNS=2000] npx vitest run --config test/vitest.config.ts test/e2e/page-integrity.e2e.test.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './chromium';
import { compileGlossary } from '../../src/build/glossary-compile';
import { patchMarkJs } from '../../src/build/markjs-patch';
import type { IntegrityRun } from '../tools/integrity-entry';
// @ts-expect-error: plain .mjs helper without types
import { CHROMIUM_FLAGS, findChromium } from '../tools/browsers.mjs';

export const SEED = 20260125;
export const STATIC_RUNS = 600;
export const MUTATION_RUNS = 150;
const params = (runs: number) => ({
  seed: process.env.IZA_SEED ? Number(process.env.IZA_SEED) : SEED,
  path: process.env.IZA_PATH || undefined,
  numRuns: process.env.IZA_RUNS ? Number(process.env.IZA_RUNS) : runs,
});

const mini = readFileSync(join(ROOT, 'test', 'fixtures', 'glossary', 'mini.yaml'), 'utf8');
const matcherData = compileGlossary([{ file: 'mini.yaml', text: mini }]).matcher;

let browser: Browser;
let page: Page;
beforeAll(async () => {
  const bundle = await esbuild.build({
    entryPoints: [join(ROOT, 'test', 'tools', 'integrity-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    alias: { 'mark.js': './node_modules/mark.js/dist/mark.es6.js' },
    absWorkingDir: ROOT,
    logLevel: 'silent',
    // The same mark.js as the extension's (build.mjs applies this patch too).
    plugins: [{ name: 'markjs-patch', setup: (b) => b.onLoad({ filter: /mark\.es6\.js$/ }, (a) => ({ loader: 'js', contents: patchMarkJs(readFileSync(a.path, 'utf8'), a.path) })) }],
  });
  browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent('<!doctype html><html lang="nl"><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  expect(errors).toEqual([]);
});
afterAll(async () => {
  await browser?.close();
});

const run = (kind: 'static' | 'mutation', runs: number): Promise<IntegrityRun> =>
  page.evaluate(([k, d, p]) => window.izaIntegrity(k, d, p), [kind, matcherData, params(runs)] as const);

describe('page integrity (Chromium)', () => {
  it(`${STATIC_RUNS} random trees: DOM byte-identical while painted, terms whole, skipped parts untouched, use and release exact, exact undo`, async () => {
    const r = await run('static', STATIC_RUNS);
    expect(r.failure).toBeNull();
    console.log(`chromium static: ${r.numRuns} cases, ${r.coverage.marks} painted terms, ${r.coverage.uses} put in use and released, ${r.coverage.skippedTexts} skipped elements`);
    if (!process.env.IZA_PATH) expect(r.coverage.marks).toBeGreaterThan(r.numRuns);
    if (!process.env.IZA_PATH) expect(r.coverage.uses).toBeGreaterThan(r.numRuns / 2);
  }, 300_000);

  it(`${MUTATION_RUNS} random trees the page then writes to: same text and DOM as without the extension`, async () => {
    const r = await run('mutation', MUTATION_RUNS);
    expect(r.failure).toBeNull();
    console.log(`chromium mutation: ${r.numRuns} cases, ${r.coverage.marks} marks`);
    if (!process.env.IZA_PATH) expect(r.coverage.marks).toBeGreaterThan(r.numRuns);
  }, 300_000);
});
