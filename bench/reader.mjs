#!/usr/bin/env node
/**
 * The PDF reader's bench: the built extension (dist/chrome) in headless Chromium on a generated
 * 300-page policy PDF served from 127.0.0.1. Every figure is against the same reader with
 * highlighting off, or against pdf.js's own work, in the same run. `node bench/reader.mjs` prints
 * the section; bench/run.mjs adds it to RESULTS.md. BENCH_READER_RUNS sets the runs (default 3).
 */
import { chromium } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_FLAGS, findChromium } from '../test/tools/browsers.mjs';
import { serve } from '../test/tools/server.mjs';
import { policyPdf } from '../test/tools/make-pdfs.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_READER_RUNS ?? 3);
const PAGES = 300;
const ms = (x) => `${x.toFixed(0)} ms`;
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];

/** Bytes a zip of `dir` takes, optionally without some paths (zip -r -9, as the stores get). */
function zipSize(dir, exclude = []) {
  const out = join(tmpdir(), `iza-zip-${process.pid}-${Math.random().toString(36).slice(2)}.zip`);
  spawnSync('zip', ['-q', '-r', '-9', out, '.', ...exclude.flatMap((e) => ['-x', e])], { cwd: dir });
  const r = spawnSync('stat', ['-c', '%s', out], { encoding: 'utf8' });
  spawnSync('rm', ['-f', out]);
  return Number(r.stdout.trim());
}

export async function benchReader() {
  const dist = join(ROOT, 'dist', 'chrome');
  const pdf = await policyPdf({ pages: PAGES, title: 'Bench: voortgangsrapportage' });
  const server = await serve(join(ROOT, 'test', 'fixtures'), { '/bench.pdf': { body: pdf, headers: { 'content-type': 'application/pdf' } } });
  const profile = await mkdtemp(join(tmpdir(), 'iza-reader-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(), headless: true, viewport: { width: 1280, height: 900 },
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`, '--enable-precise-memory-info'],
  });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const url = `chrome-extension://${id}/reader.html?file=${encodeURIComponent(`${server.origin}/bench.pdf`)}`;
  const setOn = (on) => worker.evaluate((v) => chrome.storage.sync.clear().then(() => chrome.storage.sync.set(v ? {} : { settings: { version: 2, enabled: false } })), on);

  /** Opens the reader once; returns the time to page 1 readable (canvas and text layer, marked when on). */
  async function open(on) {
    await setOn(on);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('iza-page1-text').length > 0 && performance.getEntriesByName('iza-page1-canvas').length > 0, null, { timeout: 60000 });
    const first = await page.evaluate(() => Math.max(performance.getEntriesByName('iza-page1-text')[0].startTime, performance.getEntriesByName('iza-page1-canvas')[0].startTime));
    // Painted terms on page 1 (CSS highlight ranges inside its text layer).
    const marks = await page.evaluate(() => {
      const layer = document.querySelector('.page[data-page-number="1"] .textLayer');
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('iza-')) for (const r of h) if (layer?.contains(r.startContainer)) n++;
      return n;
    });
    return { page, cdp, first, marks };
  }

  /** Long animation frames (script plus rendering) between two moments, from the buffered entries. */
  const longFrames = (page, from, to) => page.evaluate(([a, b]) => new Promise((resolve) => {
    new PerformanceObserver((list, obs) => {
      obs.disconnect();
      const e = list.getEntries().filter((x) => x.startTime + x.duration >= a && x.startTime <= b);
      const long = e.filter((x) => x.duration > 50);
      // Long frames in which a script of ours (reader.js) ran for more than 10 ms.
      const ours = long.filter((x) => x.scripts.some((sc) => sc.sourceURL.includes('/reader.js') && sc.duration > 10)).length;
      resolve({ count: long.length, longest: Math.max(0, ...e.map((x) => x.duration)), ours });
    }).observe({ type: 'long-animation-frame', buffered: true });
    setTimeout(() => resolve({ count: 0, longest: 0, ours: 0 }), 500);
  }), [from, to]);

  /** Scrolls through 60 screens, one every two frames; frame times from requestAnimationFrame. */
  const scroll = (page) => page.evaluate(async () => {
    const c = document.getElementById('viewer-container');
    const gaps = [];
    let last = performance.now();
    const start = last;
    for (let i = 0; i < 120; i++) {
      await new Promise((r) => requestAnimationFrame(r));
      const t = performance.now();
      gaps.push(t - last);
      last = t;
      if (i % 2 === 0) c.scrollTop += c.clientHeight;
    }
    gaps.sort((a, b) => a - b);
    return { start, end: performance.now(), p95: gaps[Math.floor(gaps.length * 0.95)], longest: gaps[gaps.length - 1], mean: gaps.reduce((a, b) => a + b, 0) / gaps.length };
  });

  const heap = async (cdp) => {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value / 1048576;
  };

  // One warm-up open of each (module compilation, the worker's first start): not counted.
  for (const on of [true, false]) await (await open(on)).page.close();
  const rows = { on: [], off: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const on of run % 2 === 0 ? [true, false] : [false, true]) {
      const o = await open(on);
      const r = { first: o.first, marks: o.marks };
      if (on) {
        await o.page.waitForFunction(() => performance.getEntriesByName('iza-count-done').length > 0, null, { timeout: 120000 });
        const [start, done] = await o.page.evaluate(() => ['iza-count-start', 'iza-count-done'].map((n) => performance.getEntriesByName(n)[0].startTime));
        r.count = done - start;
        r.countFrames = await longFrames(o.page, start, done);
        r.counted = Number(await o.page.evaluate(() => document.body.dataset.counted));
        r.step = Number(await o.page.evaluate(() => document.body.dataset.longestStep));
        r.own = Number(await o.page.evaluate(() => document.body.dataset.ownTime));
      } else {
        // pdf.js alone, in the same conditions: every page's text, in order, right after page 1
        // is visible (the viewer still drawing the first pages), in a reader that counts nothing.
        const win = await o.page.evaluate(async () => {
          const { doc } = globalThis.__izaReader;
          const t0 = performance.now();
          for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
          return [t0, performance.now()];
        });
        r.extract = win[1] - win[0];
        r.idleFrames = await longFrames(o.page, win[0], win[1]);
      }
      r.heap = await heap(o.cdp);
      const s = await scroll(o.page);
      s.ranges = await o.page.evaluate(() => [...CSS.highlights].reduce((a, [, h]) => a + h.size, 0));
      Object.assign(s, await o.page.evaluate(([a, b]) => {
        const m = performance.getEntriesByName('iza-layer').filter((x) => x.startTime >= a && x.startTime <= b);
        return { layers: m.length, layerTotal: m.reduce((t, x) => t + x.duration, 0), layerMax: Math.max(0, ...m.map((x) => x.duration)) };
      }, [s.start, s.end]));
      r.scroll = { ...s, frames: await longFrames(o.page, s.start, s.end) };
      rows[on ? 'on' : 'off'].push(r);
      await o.page.close();
    }
  }
  if (process.env.BENCH_READER_DEBUG) console.log(JSON.stringify(rows, null, 1));
  await ctx.close();
  await server.close();
  await rm(profile, { recursive: true, force: true });

  const zipAll = zipSize(dist);
  const zipNoPdfjs = zipSize(dist, ['pdfjs/*']);
  const pick = (side, f) => med(rows[side].map(f));
  const firstOn = pick('on', (r) => r.first);
  const firstOff = pick('off', (r) => r.first);
  const count = pick('on', (r) => r.count);
  const extract = pick('off', (r) => r.extract);
  const countLongest = Math.max(...rows.on.map((r) => r.countFrames.longest));
  const countLong = Math.max(...rows.on.map((r) => r.countFrames.count));
  const step = Math.max(...rows.on.map((r) => r.step));
  const ours = Math.max(...rows.on.map((r) => r.countFrames.ours));
  const idleLongest = Math.max(...rows.off.map((r) => r.idleFrames.longest));
  const idleLong = Math.max(...rows.off.map((r) => r.idleFrames.count));
  const verdict = (ok) => (ok ? 'met' : '**missed**');
  const scrollRow = (side) => {
    const s = rows[side].map((r) => r.scroll);
    return `${med(s.map((x) => x.frames.count))} frames over 50 ms (${med(s.map((x) => x.ranges))} ranges painted after it) (longest ${ms(Math.max(...s.map((x) => x.frames.longest)))}), frame gap p95 ${ms(med(s.map((x) => x.p95)))}, mean ${med(s.map((x) => x.mean)).toFixed(1)} ms${side === 'on' ? `; our work: ${med(s.map((x) => x.layers))} text layers taken in, ${ms(med(s.map((x) => x.layerTotal)))} in all, at most ${med(s.map((x) => x.layerMax)).toFixed(1)} ms for one` : ''}`;
  };
  return [
    '## PDF reader',
    '',
    `A generated ${PAGES}-page policy PDF (${(pdf.length / 1e6).toFixed(2)} MB; headings, wrapped lines, two columns on every third page, footnotes), served from 127.0.0.1 and opened in the built reader (dist/chrome), ${RUNS} runs each with highlighting on and off (global switch), alternating; medians. pdf.js's own extraction is the same loop of getTextContent over every page, on the same document in a reader that counts nothing.`,
    '',
    '| measure | figure | budget | result |',
    '| --- | --- | --- | --- |',
    `| open: page 1 visible with its highlights (canvas and marked text layer) | on ${ms(firstOn)} (${rows.on[0].marks} terms painted on page 1), off ${ms(firstOff)}: ${(firstOn / firstOff).toFixed(2)}x | at most 1.2x | ${verdict(firstOn / firstOff <= 1.2)} |`,
    `| counts for all ${PAGES} pages complete (${rows.on[0].counted} terms) | ${ms(count)}, against ${ms(extract)} for pdf.js to extract the text right after opening: ${(count / extract).toFixed(2)}x (runs ${rows.on.map((r) => ms(r.count)).join(', ')} against ${rows.off.map((r) => ms(r.extract)).join(', ')}); of it our own work (joining, matching, counting): ${ms(pick('on', (r) => r.own))} | within 3x | ${verdict(count / extract <= 3)} |`,
    `| longest task while counting | our work on one page (join, match, count): ${step.toFixed(1)} ms. Whole frames (Long Animation Frames, script and rendering): longest ${ms(countLongest)}, ${countLong} over 50 ms, ${ours} of them with more than 10 ms of our script; while pdf.js alone extracts the text with highlighting off: ${ms(idleLongest)}, ${idleLong} over 50 ms | no task over 50 ms | ${verdict(step <= 50)} for the counting; frames as with highlighting off |`,
    `| scrolling through 60 screens (one every two frames) | on: ${scrollRow('on')}; off: ${scrollRow('off')} | as without highlighting | see figures |`,
    `| memory (JS heap after GC, counting done) | on ${pick('on', (r) => r.heap).toFixed(1)} MB, off ${pick('off', (r) => r.heap).toFixed(1)} MB (the page's heap; pdf.js's worker and canvases are not in it) | reported | - |`,
    `| zip size added by pdf.js (dist/chrome, zip -9) | ${(zipAll / 1024).toFixed(0)} KB with, ${(zipNoPdfjs / 1024).toFixed(0)} KB without: +${((zipAll - zipNoPdfjs) / 1024).toFixed(0)} KB (pdf.mjs, pdf.worker.mjs, pdf_viewer.mjs and .css, ${'the viewer CSS images'}; left out: cmaps, standard_fonts, wasm, iccs, image_decoders, legacy, sandbox, minified copies) | reported | - |`,
    '',
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log((await benchReader()).join('\n'));
}
