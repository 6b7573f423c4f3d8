/**
 * Real Firefox ESR with the built extension (dist/firefox) installed as a temporary add-on,
 * driven through Firefox's own WebDriver BiDi (no geckodriver).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { ROOT } from './chromium';
// @ts-expect-error: plain .mjs helper without types
import { findFirefox } from '../tools/browsers.mjs';
// @ts-expect-error: plain .mjs helper without types
import { serve } from '../tools/server.mjs';

import { PAINTED_SRC, idsOf, type PaintedTerm } from './painted';
/** A page expression: the number of painted terms. */
export const PAINTED_COUNT = `(${PAINTED_SRC})('').length`;
export const GECKO_ID = 'iza-begrippen@begrippen.nl';
export const FIXED_UUID = 'f1c2a3b4-5d6e-4f70-8a9b-0c1d2e3f4a5b';

const PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIXED_UUID }),
  'browser.shell.checkDefaultBrowser': false,
  'app.update.enabled': false,
  'app.update.auto': false,
  'extensions.update.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.page': 0,
  'intl.locale.requested': 'nl',
  'remote.prefs.recommended': true,
};

export interface LaunchOptions {
  extensionDir?: string;
  prefs?: Record<string, unknown>;
  routes?: Record<string, unknown>;
}

export class Firefox {
  private ws!: WebSocket;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private proc!: ChildProcess;
  private profile = '';
  private server!: { origin: string; close(): Promise<void> };
  context = '';
  origin = '';

  /**
   * `extensionDir`: another build of the extension (default dist/firefox); `prefs` add to or
   * override PREFS; `routes` are extra server paths (see test/tools/server.mjs).
   */
  static async launch(opts: LaunchOptions = {}): Promise<Firefox> {
    const ff = new Firefox();
    await ff.start(opts);
    return ff;
  }

  private async start(opts: LaunchOptions): Promise<void> {
    this.server = await serve(join(ROOT, 'test', 'fixtures'), opts.routes);
    this.origin = this.server.origin;
    this.profile = await mkdtemp(join(tmpdir(), 'iza-firefox-'));
    await writeFile(join(this.profile, 'user.js'), Object.entries({ ...PREFS, ...opts.prefs }).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
    this.proc = spawn(findFirefox(), ['--headless', '--no-remote', '--profile', this.profile, '--remote-debugging-port', '0', '--remote-allow-system-access'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' },
    });
    const address = await new Promise<string>((resolve, reject) => {
      let buf = '';
      const timer = setTimeout(() => reject(new Error(`Firefox did not start: ${buf.slice(-500)}`)), 45000);
      const onData = (d: Buffer) => {
        buf += d.toString();
        const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(buf);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      };
      this.proc.stderr?.on('data', onData);
      this.proc.stdout?.on('data', onData);
      this.proc.on('exit', (code) => reject(new Error(`Firefox exited (${code}): ${buf.slice(-500)}`)));
    });
    this.ws = new WebSocket(`${address}/session`);
    await new Promise((r, j) => {
      this.ws.once('open', r);
      this.ws.once('error', j);
    });
    this.ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (typeof msg.id !== 'number') return;
      const w = this.waiting.get(msg.id);
      if (!w) return;
      this.waiting.delete(msg.id);
      if (msg.type === 'error') w.reject(new Error(`${msg.error}: ${msg.message}`));
      else w.resolve(msg.result);
    });
    await this.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
    await this.send('webExtension.install', { extensionData: { type: 'path', path: opts.extensionDir ?? join(ROOT, 'dist', 'firefox') } });
    const tree = await this.send('browsingContext.getTree', {});
    this.context = tree.contexts[0].context;
  }

  send(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      setTimeout(() => {
        if (this.waiting.delete(id)) reject(new Error(`BiDi ${method} timed out`));
      }, 30000);
    });
  }

  /** Runs `fn` with the driver pointed at another browsing context. */
  async within<T>(ctx: string, fn: () => Promise<T>): Promise<T> {
    const prev = this.context;
    this.context = ctx;
    try {
      return await fn();
    } finally {
      this.context = prev;
    }
  }

  /** Opens a new tab at `url`; returns its browsing context. */
  async openTab(url: string): Promise<string> {
    const { context } = await this.send('browsingContext.create', { type: 'tab' });
    await this.within(context, () => this.navigate(url));
    return context;
  }

  async navigate(url: string): Promise<void> {
    await this.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' });
  }

  /** Evaluates an expression in the page (awaiting promises) and returns its JSON value. */
  async eval<T = unknown>(expression: string): Promise<T> {
    const r = await this.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: this.context },
      awaitPromise: true,
    });
    if (r.type === 'exception') throw new Error(`page exception: ${r.exceptionDetails?.text}`);
    return JSON.parse(r.result.value ?? 'null') as T;
  }

  /** Polls an expression until it is truthy. */
  async waitFor(expression: string, timeoutMs = 15000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (Date.now() < end) {
      if (await this.eval<boolean>(`!!(${expression})`)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for: ${expression}`);
  }

  /** The painted terms in `scope` ('' = the whole page), read from the page's highlight registry. */
  painted(scope = ''): Promise<PaintedTerm[]> {
    return this.eval<PaintedTerm[]>(`(${PAINTED_SRC})(${JSON.stringify(scope)})`);
  }

  /** Painted terms as "text=ids" (ids from the build's glossary for that text). */
  async marks(scope = ''): Promise<string[]> {
    return (await this.painted(scope)).map((t) => `${t.text}=${idsOf(t.text)}`);
  }

  /** Moves the pointer onto the first painted term with this text in `scope`. */
  async hoverTerm(text: string, scope = ''): Promise<void> {
    const t = (await this.painted(scope)).find((x) => x.text === text);
    if (!t) throw new Error(`no painted term ${text} in "${scope}"`);
    await this.pointerTo(t.x, t.y);
  }

  /** Moves the real pointer to viewport coordinates. */
  async pointerTo(x: number, y: number): Promise<void> {
    await this.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }] }],
    });
  }

  async key(value: string): Promise<void> {
    await this.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'kbd', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
  }

  async close(): Promise<void> {
    try {
      await this.send('session.end', {});
    } catch {
      /* already gone */
    }
    this.ws?.close();
    this.proc?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    if (this.proc && this.proc.exitCode === null) this.proc.kill('SIGKILL');
    await this.server?.close();
    await rm(this.profile, { recursive: true, force: true });
  }
}
