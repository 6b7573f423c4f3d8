/** Real Chromium with the built extension (dist/chrome) loaded. */
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain .mjs helper without types
import { CHROMIUM_FLAGS, findChromium } from '../tools/browsers.mjs';
// @ts-expect-error: plain .mjs helper without types
import { serve } from '../tools/server.mjs';
import { PAINTED_SRC, idsOf, type PaintedTerm } from './painted';

export const ROOT = join(import.meta.dirname, '..', '..');
export const DIST = join(ROOT, 'dist', 'chrome');

export interface Harness {
  ctx: BrowserContext;
  worker: Worker;
  extId: string;
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Extra server paths, each { body, headers } (e.g. a fixture bundled by the test). */
  routes?: Record<string, { body: string | Uint8Array; headers?: Record<string, string> }>;
  /** Another build of the extension (default dist/chrome). */
  extensionDir?: string;
  /** Extra Chromium flags. */
  args?: string[];
  /** Device emulation, e.g. a touch phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }. */
  device?: { viewport?: { width: number; height: number }; hasTouch?: boolean; isMobile?: boolean; deviceScaleFactor?: number };
  /** A profile folder to use and keep (to restart the browser on it); default a new one, removed on close. */
  userDataDir?: string;
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  const server = await serve(join(ROOT, 'test', 'fixtures'), opts.routes);
  const ext = opts.extensionDir ?? DIST;
  const dir = opts.userDataDir ?? (await mkdtemp(join(tmpdir(), 'iza-chromium-')));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium(),
    headless: true,
    locale: opts.locale ?? 'nl-NL',
    colorScheme: opts.colorScheme ?? 'light',
    ...opts.device,
    env: { ...process.env, LANGUAGE: (opts.locale ?? 'nl-NL').replace('-', '_'), LANG: `${(opts.locale ?? 'nl-NL').replace('-', '_')}.UTF-8` },
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${ext}`, `--load-extension=${ext}`, `--lang=${opts.locale ?? 'nl-NL'}`, ...(opts.args ?? [])],
  });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extId = new URL(worker.url()).host;
  return {
    ctx,
    worker,
    extId,
    origin: server.origin,
    requests: server.requests,
    async close() {
      await ctx.close();
      await server.close();
      if (!opts.userDataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture page and waits until the engine has highlighted it (painting stops changing). */
export async function openPage(h: Harness, path: string, opts: { marks?: boolean } = {}): Promise<Page> {
  const page = await h.ctx.newPage();
  await page.goto(`${h.origin}${path}`);
  if (opts.marks !== false) await page.waitForFunction(`(${PAINTED_SRC})('').length > 0`, undefined, { timeout: 15000 });
  await settle(page);
  return page;
}

/** The painted terms in `scope` (a selector; '' for the whole page, shadow roots included). */
export function painted(page: Page | Frame, scope = ''): Promise<PaintedTerm[]> {
  return page.evaluate(`(${PAINTED_SRC})(${JSON.stringify(scope)})`) as Promise<PaintedTerm[]>;
}

/** Number of painted terms on the page (shadow roots included). */
export async function paintedCount(page: Page): Promise<number> {
  return page.evaluate(`(${PAINTED_SRC})('').length`) as Promise<number>;
}

/** Waits until the page's painted count passes `test` (e.g. n => n === 0). */
export async function waitPainted(page: Page, test: string, timeout = 15000): Promise<void> {
  await page.waitForFunction(`((n) => ${test})((${PAINTED_SRC})('').length)`, undefined, { timeout });
}

/** Polls `fn` until it returns true (Node side). */
export async function until(fn: () => Promise<boolean>, timeout = 15000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 80));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Waits until the painted terms' texts pass `test`. */
export function untilTexts(page: Page, test: (texts: string[]) => boolean, what = 'painted texts'): Promise<void> {
  return until(async () => test((await painted(page)).map((t) => t.text)), 15000, what);
}

/** Waits until the number of painted terms has been stable for a few frames. */
export async function settle(page: Page): Promise<void> {
  let last = -1;
  let stable = 0;
  while (stable < 5) {
    await page.waitForTimeout(60);
    const n = (await painted(page)).length;
    stable = n === last ? stable + 1 : 0;
    last = n;
  }
}

/** Moves the pointer onto the `nth` painted term with this text (in `scope`), in a page or a frame. */
export async function hoverTerm(page: Page | Frame, text: string | RegExp, scope = '', nth = 0): Promise<void> {
  const all = (await painted(page, scope)).filter((t) => (typeof text === 'string' ? t.text === text : text.test(t.text)));
  const t = all[nth];
  if (!t) throw new Error(`no painted term ${String(text)} in "${scope}" (painted: ${(await painted(page, scope)).map((x) => x.text).join(', ')})`);
  if ('mouse' in page) return page.mouse.move(t.x, t.y);
  const box = await (await page.frameElement()).boundingBox();
  await page.page().mouse.move((box?.x ?? 0) + t.x, (box?.y ?? 0) + t.y);
}

/** Runs code in the extension's service worker (chrome.* available). */
export function inWorker<T>(h: Harness, fn: () => Promise<T> | T): Promise<T> {
  return h.worker.evaluate(fn);
}

/** Sets settings through storage, as the popup and options page do. */
export async function setStored(h: Harness, items: Record<string, unknown>): Promise<void> {
  await h.worker.evaluate((i) => chrome.storage.sync.clear().then(() => chrome.storage.sync.set(i)), items);
}

/** The tab id of a page, for opening the popup page against it (`popup.html?tab=N`). */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  // Without the "tabs" permission tab URLs are hidden, so find the tab by making it active.
  await page.bringToFront();
  return h.worker.evaluate(async () => {
    const [t] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (!t?.id) throw new Error('no active tab');
    return t.id;
  });
}

export async function openPopup(h: Harness, page: Page): Promise<Page> {
  const id = await tabIdOf(h, page);
  const popup = await h.ctx.newPage();
  await popup.goto(`chrome-extension://${h.extId}/popup.html?tab=${id}`);
  await popup.waitForSelector('#site-switch');
  return popup;
}

/**
 * Texts of the painted terms, with the ids the glossary gives them: ["Zvw=zvw", …]. The ids are
 * resolved from the text by the build's matcher: the page holds no trace of them while painted.
 */
export async function markTexts(page: Page, scope = 'body'): Promise<string[]> {
  return (await painted(page, scope)).map((t) => `${t.text}=${idsOf(t.text)}`);
}
