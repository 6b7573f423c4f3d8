/**
 * Data and privacy in real Chromium: glossary text that tries to inject markup shows as literal
 * text; source links are https and open without an opener; and the extension makes no network
 * request at all while it works (every request the browser makes goes through a recording proxy).
 */
import { spawnSync } from 'node:child_process';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ROOT, hoverTerm, launch, openPage, openPopup, setStored, waitPainted, type Harness } from './chromium';
import { collectErrors, until, waitMarks } from './hostile';

/** Hosts the browser itself talks to (updates, network time, sign-in); never the extension. */
const BROWSER_SERVICES = /^(update\.googleapis\.com|clients\d?\.google\.com|accounts\.google\.com|[a-z0-9-]+\.gvt1\.com|safebrowsing\.googleapis\.com|optimizationguide-pa\.googleapis\.com)$/;

const inCard = (sel: string) => `document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector(${JSON.stringify(sel)})?.textContent ?? null`;

describe('glossary text is never markup', () => {
  let h: Harness;
  beforeAll(async () => {
    // The extension built from test/fixtures/hostile/glossary/xss.yaml, into its own folder.
    const r = spawnSync(process.execPath, ['build.mjs'], {
      cwd: ROOT,
      env: { ...process.env, IZA_GLOSSARY_DIR: 'test/fixtures/hostile/glossary', IZA_DIST_DIR: '.tmp/dist-xss' },
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    h = await launch({ extensionDir: join(ROOT, '.tmp', 'dist-xss', 'chrome') });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a definition with <img src=x onerror=…> shows as literal text in the card; nothing runs', async () => {
    const page = await openPage(h, '/hostile/copy.html');
    const errors = collectErrors(page);
    await hoverTerm(page, 'Zvw');
    await until(page, 'card open', () => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    expect(await page.evaluate(inCard('#iza-def'))).toBe('Wet over de basisverzekering <img src=x onerror="window.__xss=1"> en <script>window.__xss=2</script> meer.');
    expect(await page.evaluate(inCard('.full'))).toBe('Afkorting van: Zorgverzekeringswet <i>schuin</i>');
    expect(await page.evaluate(inCard('.foot a'))).toBe('Bron: Wettenbank <img src=x onerror="window.__xss=5">');
    await page.locator('iza-begrippen-card .actions .link').click(); // Show the English text.
    await until(page, 'English shown', () => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('#iza-def[lang="en"]'));
    expect(await page.evaluate(inCard('#iza-def'))).toBe('Health Insurance Act <img src=x onerror="window.__xss=3">. The <a href="javascript:window.__xss=4">basic</a> insurance act.');
    await page.locator('iza-begrippen-card .related .chip').first().click();
    await until(page, 'related entry shown', () => document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('#iza-title')?.textContent === 'Integraal Zorgakkoord');
    expect(await page.evaluate(inCard('#iza-def'))).toContain('</p><p onclick=x>.');

    const injected = await page.evaluate(() => document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelectorAll('img, script, svg, i, b, p[onclick], a[href^="javascript"]').length);
    expect(injected).toBe(0);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(errors).toEqual([]);

    // The popup's search shows the same entries: literal text there too.
    const popup = await openPopup(h, page);
    await popup.fill('#search', 'Zorgverzekeringswet');
    await popup.click('#results .item[data-id="zvw"]');
    await popup.waitForSelector('#results .def');
    expect(await popup.textContent('#results .def')).toContain('<img src=x onerror="window.__xss=1">');
    expect(await popup.$$eval('img, script:not([src]), svg', (els) => els.filter((e) => e.closest('#results')).length)).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await popup.close();
    await page.close();
  });
});

describe('no network', () => {
  let h: Harness;
  let proxy: Server;
  const seen: string[] = [];
  const initiators: string[] = [];
  const bodies: string[] = [];
  beforeAll(async () => {
    // Every request of the browser (pages, service worker, extension pages, the browser itself)
    // goes through this proxy: <-loopback> makes even 127.0.0.1 use it. It forwards requests for
    // the fixture server and refuses everything else.
    proxy = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const from = `${req.headers.origin ?? ''} ${req.headers.referer ?? ''}`;
      if (from.trim()) initiators.push(`${from.trim()} -> ${req.url}`);
      if (req.method === 'POST') req.on('data', (c: Buffer) => bodies.push(c.toString()));
      const url = new URL(req.url ?? '', 'http://invalid');
      if (url.hostname !== '127.0.0.1') return void res.writeHead(502).end();
      const up = httpRequest(url, { method: req.method, headers: req.headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    proxy.on('connect', (req, socket) => {
      seen.push(`CONNECT https://${req.url}`);
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const { port } = proxy.address() as { port: number };
    h = await launch({
      args: [
        `--proxy-server=http://127.0.0.1:${port}`,
        '--proxy-bypass-list=<-loopback>',
        // Quiet the browser's own services, so that what is left can only be ours.
        '--disable-features=AutofillServerCommunication,OptimizationHints,Translate,MediaRouter,DialMediaRouteProvider',
        '--no-pings',
        '--disable-domain-reliability',
        '--disable-client-side-phishing-detection',
        '--disable-extensions-http-throttling',
        '--extensions-update-frequency=604800',
        '--allow-pre-commit-input',
        '--disable-signin-frame-client-certs',
      ],
    });
  });
  afterAll(async () => {
    await h?.close();
    await new Promise((r) => proxy?.close(r));
  });

  it('the extension makes zero requests while it highlights, shows cards, searches and switches', async () => {
    const events: string[] = [];
    h.ctx.on('request', (r) => events.push(`${r.serviceWorker() ? 'worker' : (r.frame().url().split('/')[0] ?? '')} ${r.method()} ${r.url()}`));
    await setStored(h, {});
    const page = await openPage(h, '/hostile/copy.html');
    await waitMarks(page, '#c', ['Integraal Zorgakkoord=iza', 'IZA=iza', 'Zvw=zvw', 'passende\u00a0zorg=passende-zorg', 'NZa=nza']);
    await hoverTerm(page, 'Zvw');
    await until(page, 'card open', () => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    // Source links: https only, new tab, no opener, no referrer.
    const links = await page.evaluate(() =>
      [...document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelectorAll('a')].map((a) => ({ href: a.href, rel: a.rel, target: a.target })),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      expect(l.href).toMatch(/^https:\/\//);
      expect(l.rel.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      expect(l.target).toBe('_blank');
    }
    await page.locator('iza-begrippen-card .related .chip').first().click();
    await page.keyboard.press('Escape');

    const popup = await openPopup(h, page);
    await popup.fill('#search', 'zorg');
    await popup.waitForSelector('#results .item');
    await popup.click('#results .item >> nth=0');
    await popup.click('#site-switch');
    await waitPainted(page, 'n === 0');
    await popup.click('#site-switch');
    await waitPainted(page, 'n > 0');
    await popup.close();
    const options = await h.ctx.newPage();
    await options.goto(`chrome-extension://${h.extId}/options.html`);
    await options.waitForSelector('input[name=style]');
    await options.check('input[name=style][value=background]');
    await page.waitForFunction(() => CSS.highlights.has('iza-b'));
    await options.close();
    await h.worker.evaluate(() => (globalThis as unknown as { __izaTest: { onCommand(c: string): Promise<void> } }).__izaTest.onCommand('next-term'));
    await page.waitForTimeout(1000); // Room for anything late (badge updates, storage writes).

    const ownPage = (u: string) => u.startsWith(`${h.origin}/hostile/`);
    // The proxy saw the fixture page's own requests, and otherwise only the browser's own
    // services (component updates, network time, sign-in), which the flags cannot all silence.
    expect(seen).toContain(`GET ${h.origin}/hostile/copy.html`);
    const rest = seen.map((s) => s.replace(/^\S+ /, '')).filter((u) => !ownPage(u));
    expect(rest.filter((u) => !BROWSER_SERVICES.test(new URL(u).hostname))).toEqual([]);
    // None of those is about us: no update check for our id, no request from our pages or the page.
    expect(bodies.filter((b) => b.includes(h.extId))).toEqual([]);
    expect(initiators.filter((i) => !ownPage(i.split(' -> ')[1] ?? ''))).toEqual([]);
    // And the built extension holds no network API but one: the fetch of a glossary list
    // (src/common/list-fetch.ts) in the background and the options page (issue 21).
    for (const f of ['background.js', 'content.js', 'popup.js', 'options.js']) {
      const code = readFileSync(join(DIST, f), 'utf8');
      const found = code.match(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|RTCPeerConnection/g);
      expect(found, f).toEqual(f === 'background.js' || f === 'options.js' ? ['fetch('] : null);
    }
    // ...and the browser reported none from the service worker or extension pages but their own files.
    const fromExtension = events.filter((e) => e.startsWith('worker ') || e.startsWith('chrome-extension: '));
    expect(fromExtension.filter((e) => !e.includes(`chrome-extension://${h.extId}/`))).toEqual([]);
    expect(events.filter((e) => !e.includes(`chrome-extension://${h.extId}/`) && !ownPage(e.split(' ')[2] ?? ''))).toEqual([]);
    await setStored(h, {});
    await page.close();
  });

  it('with a subscribed list, the only request the extension makes is to that list', async () => {
    const events: string[] = [];
    h.ctx.on('request', (r) => events.push(`${r.serviceWorker() ? 'worker' : (r.frame().url().split('/')[0] ?? '')} ${r.method()} ${r.url()}`));
    const list = `${h.origin}/own-e2e/voorbeeldstad.ttl`;
    // A subscription as the options page stores it; the background keeps it up to date.
    await h.worker.evaluate(async (url) => {
      const now = new Date().toISOString();
      await chrome.storage.local.set({ 'own.index': [{ id: 'sub', name: 'Voorbeeldstad', origin: 'subscription', enabled: true, onlyCareSites: false, created: now, updated: now, count: 0, url }], 'own.c.sub': [] });
      await (globalThis as unknown as { __izaTest: { refreshAll(f: boolean): Promise<void> } }).__izaTest.refreshAll(true);
    }, list);
    const page = await openPage(h, '/own-e2e/page.html');
    await until(page, 'own term painted', () => [...CSS.highlights.values()].some((hl) => [...hl].some((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset) === 'Buurtkracht')));
    await page.waitForTimeout(500);
    const fromExtension = events.filter((e) => e.startsWith('worker ') || e.startsWith('chrome-extension: '));
    // The list may be asked for more than once (at start and by the forced refresh), never anything else.
    const others = fromExtension.filter((e) => !e.includes(`chrome-extension://${h.extId}/`));
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others)).toEqual(new Set([`worker GET ${list}`]));
    await h.worker.evaluate(() => chrome.storage.local.clear());
    await page.close();
  });
});
