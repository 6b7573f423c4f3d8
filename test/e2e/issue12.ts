/**
 * Helpers for the tests of issue 12 (paint first, wrap only on use): hydration, copy, frames and
 * no-trace. A plain Chromium without the extension for baselines, a fixture server with routes
 * for Firefox (whose harness serves the fixtures only), bundling of page scripts, and reading
 * painted terms and the card in Firefox through BiDi.
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ROOT, launch, type Harness } from './chromium';
import { FIXED_UUID, Firefox } from './firefox';
import { PAINTED_SRC, pollFor, type PaintedTerm } from './painted';
// @ts-expect-error: plain .mjs helper without types
import { CHROMIUM_FLAGS, findChromium } from '../tools/browsers.mjs';
// @ts-expect-error: plain .mjs helper without types
import { serve } from '../tools/server.mjs';

export type Routes = Record<string, { body: string; headers?: Record<string, string>; parts?: { delay?: number; body: string }[] }>;
export interface Server {
  origin: string;
  requests: string[];
  close(): Promise<void>;
}

export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const JS = { 'content-type': 'text/javascript' };

/** Serves the fixtures and `routes` on 127.0.0.1 (a port of its own: another origin). */
export function serveFixtures(routes: Routes = {}): Promise<Server> {
  return serve(FIXTURES, routes);
}

/** Chromium with the extension, serving the fixtures and `routes`, around the calling describe block. */
export function chromiumWithRoutes(routes: Routes | (() => Routes)): { readonly h: Harness } {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await launch({ routes: typeof routes === 'function' ? routes() : routes });
  });
  afterAll(async () => {
    await h?.close();
  });
  return {
    get h(): Harness {
      if (!h) throw new Error('Chromium did not start');
      return h;
    },
  };
}

/**
 * Firefox ESR with the add-on, and a server for `routes` (Firefox's harness serves only the
 * fixtures; a function if they are made in a beforeAll): launched before the tests of the
 * calling describe block, closed after them.
 */
export function firefoxWithRoutes(routes: Routes | (() => Routes)): { readonly ff: Firefox; readonly origin: string } {
  let ff: Firefox | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    ff = await Firefox.launch();
    server = await serveFixtures(typeof routes === 'function' ? routes() : routes);
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });
  return {
    get ff(): Firefox {
      if (!ff) throw new Error('Firefox did not start');
      return ff;
    },
    get origin(): string {
      if (!server) throw new Error('the fixture server did not start');
      return server.origin;
    },
  };
}

/** Bundles a page script (IIFE) for the browser. */
export async function bundle(entry: string, opts: { alias?: Record<string, string>; define?: Record<string, string> } = {}): Promise<string> {
  const r = await esbuild.build({
    entryPoints: [join(FIXTURES, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"', ...opts.define },
    alias: opts.alias,
    absWorkingDir: ROOT,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

/** Chromium without any extension: the baseline. */
export function plainChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_FLAGS });
}

/** The card's state in a page or frame: the open card's title, or null. */
export const CARD_TITLE = `document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card #iza-title')?.textContent ?? null`;

export async function cardTitle(page: Pick<Page, 'evaluate'>): Promise<string | null> {
  return page.evaluate(CARD_TITLE) as Promise<string | null>;
}

/** Waits for a page-side condition (an expression) with a readable failure. */
export async function waitExpr(page: Pick<Page, 'waitForFunction'>, expr: string, what: string, timeout = 8000): Promise<void> {
  await page.waitForFunction(expr, undefined, { timeout }).catch(() => {
    throw new Error(`timed out waiting for: ${what} (${expr})`);
  });
}

// Firefox

export function ffPainted(ff: Firefox, scope = ''): Promise<PaintedTerm[]> {
  return ff.eval<PaintedTerm[]>(`(${PAINTED_SRC})(${JSON.stringify(scope)})`);
}

export async function ffSettle(ff: Firefox): Promise<void> {
  let last = -1;
  let stable = 0;
  while (stable < 5) {
    await new Promise((r) => setTimeout(r, 80));
    const n = (await ffPainted(ff)).length;
    stable = n === last ? stable + 1 : 0;
    last = n;
  }
}

/** Moves Firefox's pointer onto the `nth` painted term with this text. */
export async function ffHoverTerm(ff: Firefox, text: string, scope = '', nth = 0): Promise<void> {
  const all = (await ffPainted(ff, scope)).filter((t) => t.text === text);
  const t = all[nth];
  if (!t) throw new Error(`no painted term ${text} in "${scope}" (painted: ${(await ffPainted(ff, scope)).map((x) => x.text).join(', ')})`);
  await ff.pointerTo(t.x, t.y);
}

/** Runs `fn` with the driver pointed at another browsing context. */
export function ffIn<T>(ff: Firefox, ctx: string, fn: () => Promise<T>): Promise<T> {
  return ff.within(ctx, fn);
}

/** Sets Firefox's stored settings from an extension page (as the options page does). */
export async function ffSetStored(ff: Firefox, items: Record<string, unknown>): Promise<void> {
  const { context } = await ff.send('browsingContext.create', { type: 'tab', background: true });
  await ffIn(ff, context, async () => {
    await ff.navigate(`moz-extension://${FIXED_UUID}/options.html`);
    await ff.eval(`browser.storage.sync.clear().then(() => browser.storage.sync.set(${JSON.stringify(items)})).then(() => 1)`);
  });
  await ff.send('browsingContext.close', { context });
}

// One driver over both browsers, so each test reads the same for Chromium and Firefox.

export interface Driver {
  readonly name: 'chromium' | 'firefox';
  /** Evaluates an expression in the page (promises awaited), JSON-valued. */
  eval<T = unknown>(expr: string): Promise<T>;
  waitFor(expr: string, what: string, timeout?: number): Promise<void>;
  painted(scope?: string): Promise<PaintedTerm[]>;
  /** Waits until the painted terms stop changing. */
  settle(): Promise<void>;
  /** Moves the pointer onto the nth painted term with this text. */
  hover(text: string, scope?: string, nth?: number): Promise<void>;
  pointer(x: number, y: number): Promise<void>;
  /** A real click in the middle of the element. */
  click(selector: string): Promise<void>;
}

export function chromiumDriver(page: Page): Driver {
  const d: Driver = {
    name: 'chromium',
    eval: <T>(expr: string) => page.evaluate(`(async () => (${expr}))()`) as Promise<T>,
    waitFor: (expr, what, timeout = 8000) => waitExpr(page, expr, what, timeout),
    painted: (scope = '') => page.evaluate(`(${PAINTED_SRC})(${JSON.stringify(scope)})`) as Promise<PaintedTerm[]>,
    settle: () => settleBy(() => d.painted()),
    async hover(text, scope = '', nth = 0) {
      const t = await pick(d, text, scope, nth);
      await page.mouse.move(t.x, t.y, { steps: 2 });
    },
    pointer: (x, y) => page.mouse.move(x, y, { steps: 2 }),
    click: (selector) => page.click(selector),
  };
  return d;
}

export function firefoxDriver(ff: Firefox): Driver {
  const act = (actions: unknown[]) =>
    ff.send('input.performActions', { context: ff.context, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
  const d: Driver = {
    name: 'firefox',
    eval: <T>(expr: string) => ff.eval<T>(expr),
    async waitFor(expr, what, timeout = 8000) {
      await ff.waitFor(expr, timeout).catch(() => {
        throw new Error(`timed out waiting for: ${what} (${expr})`);
      });
    },
    painted: (scope = '') => ffPainted(ff, scope),
    settle: () => settleBy(() => d.painted()),
    async hover(text, scope = '', nth = 0) {
      const t = await pick(d, text, scope, nth);
      await act([{ type: 'pointerMove', x: Math.round(t.x) - 2, y: Math.round(t.y), duration: 0 }, { type: 'pointerMove', x: Math.round(t.x), y: Math.round(t.y), duration: 0 }]);
    },
    pointer: (x, y) => act([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }]),
    async click(selector) {
      const r = await ff.eval<{ x: number; y: number } | null>(
        `(() => { const e = document.querySelector(${JSON.stringify(selector)}); if (!e) return null; e.scrollIntoView({ block: 'nearest' }); const r = e.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
      );
      if (!r) throw new Error(`no element ${selector}`);
      await act([{ type: 'pointerMove', x: Math.round(r.x), y: Math.round(r.y), duration: 0 }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]);
    },
  };
  return d;
}

async function pick(d: Driver, text: string, scope: string, nth: number): Promise<PaintedTerm> {
  const all = await d.painted(scope);
  const t = all.filter((x) => x.text === text)[nth];
  if (!t) throw new Error(`no painted term ${text} in "${scope}" (painted: ${all.map((x) => x.text).join(', ')})`);
  if (!t.visible) throw new Error(`painted term ${text} in "${scope}" is not in view`);
  return t;
}

async function settleBy(read: () => Promise<PaintedTerm[]>): Promise<void> {
  let last = '';
  let stable = 0;
  const end = Date.now() + 15000;
  while (stable < 4 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 80));
    const now = JSON.stringify((await read()).map((t) => t.text));
    stable = now === last ? stable + 1 : 0;
    last = now;
  }
}

/** The painted texts under `scope`. */
export async function paintedTexts(d: Driver, scope = ''): Promise<string[]> {
  return (await d.painted(scope)).map((t) => t.text);
}

/** Waits until the painted texts under `scope` are exactly `want`. */
export async function waitPainted(d: Driver, scope: string, want: string[], timeout = 8000): Promise<void> {
  const got = await pollFor(() => paintedTexts(d, scope), want, timeout);
  if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`${d.name}: painted in ${scope}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
}

/** Waits until the card is open with this title (or closed, for null). */
export async function waitCard(d: Driver, title: string | null, timeout = 8000): Promise<void> {
  const got = await pollFor(() => d.eval<string | null>(CARD_TITLE), title, timeout);
  if (got !== title) throw new Error(`${d.name}: card ${JSON.stringify(got)}, want ${JSON.stringify(title)}`);
}
