/**
 * Never trust input: messages are answered only when they come from this extension and carry a
 * valid payload; everything else is ignored (the listener returns undefined, no handler runs).
 * Plus the per-site rule at its edges.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  BACKGROUND_VALIDATORS,
  CONTENT_VALIDATORS,
  createListener,
  type BackgroundApi,
  type ContentApi,
  type Handlers,
  type PageStats,
} from '../../src/common/messages';
import { DEFAULTS, parseSettings, type Settings } from '../../src/common/settings';
import { listed, siteOf, siteState, toggleSite } from '../../src/common/site-rule';

const OWN = 'abcdefghijklmnopabcdefghijklmnop';
const me = { id: OWN, tab: { id: 3 } };

function contentListener() {
  const stats: PageStats = { site: 'nza.nl', state: 'on', url: 'https://nza.nl/', title: '', lang: 'nl', count: 0, terms: [] };
  const handlers = {
    stats: vi.fn(() => stats),
    jump: vi.fn(() => true),
    step: vi.fn(() => true),
    show: vi.fn(() => true),
    selection: vi.fn(() => 'passende zorg'),
  } satisfies Handlers<ContentApi>;
  return { handlers, listen: createListener<ContentApi>(OWN, CONTENT_VALIDATORS, handlers) };
}

const called = (h: ReturnType<typeof contentListener>['handlers']) => Object.values(h).some((f) => f.mock.calls.length > 0);

describe('messages', () => {
  it('answers valid messages from the extension itself', async () => {
    const { handlers, listen } = contentListener();
    await expect(listen({ type: 'jump', params: { id: 'passende-zorg' } }, me)).resolves.toBe(true);
    expect(handlers.jump).toHaveBeenCalledWith({ id: 'passende-zorg' }, me);
    await expect(listen({ type: 'step', params: { dir: -1 } }, me)).resolves.toBe(true);
    await expect(listen({ type: 'stats', params: {} }, { id: OWN })).resolves.toMatchObject({ site: 'nza.nl' });
  });

  it('ignores messages from other extensions, web pages and unknown senders', () => {
    const { handlers, listen } = contentListener();
    const msg = { type: 'jump', params: { id: 'zvw' } };
    for (const sender of [{}, { id: 'otherextensionidotherextensionid' }, { id: '' }, { id: OWN.toUpperCase() }, { tab: { id: 1 } }]) {
      expect(listen(msg, sender)).toBeUndefined();
    }
    expect(called(handlers)).toBe(false);
  });

  it('ignores malformed envelopes and invalid payloads', () => {
    const { handlers, listen } = contentListener();
    const bad: unknown[] = [
      null, undefined, 'jump', 42, [], ['jump', { id: 'zvw' }], {}, { type: 7 }, { params: { id: 'zvw' } },
      { type: 'toString', params: {} }, { type: '__proto__', params: {} }, { type: 'constructor', params: {} }, { type: 'hasOwnProperty', params: {} },
      { type: 'count', params: { count: 1 } }, // A background message sent to a content script.
      { type: 'jump' }, { type: 'jump', params: null }, { type: 'jump', params: 'zvw' }, { type: 'jump', params: ['zvw'] },
      { type: 'jump', params: { id: 'Zvw' } }, { type: 'jump', params: { id: '../x' } }, { type: 'jump', params: { id: '' } },
      { type: 'jump', params: { id: 'a'.repeat(81) } }, { type: 'jump', params: { id: 42 } }, { type: 'show', params: { id: '<img src=x>' } },
      { type: 'step', params: { dir: 0 } }, { type: 'step', params: { dir: '1' } }, { type: 'step', params: { dir: 2 } },
      { type: 'stats', params: { x: 1 } }, { type: 'stats', params: [] }, { type: 'stats' },
    ];
    for (const m of bad) expect(listen(m, me), JSON.stringify(m)).toBeUndefined();
    expect(called(handlers)).toBe(false);
  });

  it('validates the badge count from content scripts', async () => {
    const count = vi.fn(() => null);
    const listen = createListener<BackgroundApi>(OWN, BACKGROUND_VALIDATORS, { count, bypass: vi.fn(() => null), pdfTab: vi.fn(() => null) } satisfies Handlers<BackgroundApi>);
    for (const c of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 1e7, '3', null]) expect(listen({ type: 'count', params: { count: c } }, me)).toBeUndefined();
    expect(count).not.toHaveBeenCalled();
    await expect(listen({ type: 'count', params: { count: 12 } }, me)).resolves.toBeNull();
    expect(count).toHaveBeenCalledOnce();
  });

  it('takes only web addresses for the reader bypass and the PDF-tab report', () => {
    const bypass = vi.fn(() => null);
    const pdfTab = vi.fn(() => null);
    const listen = createListener<BackgroundApi>(OWN, BACKGROUND_VALIDATORS, { count: vi.fn(() => null), bypass, pdfTab });
    for (const url of ['javascript:alert(1)', 'chrome://settings', 'file:///etc/passwd', 42, null, `https://a.nl/${'x'.repeat(9000)}`]) {
      expect(listen({ type: 'bypass', params: { url } }, me)).toBeUndefined();
      expect(listen({ type: 'pdfTab', params: { url } }, me)).toBeUndefined();
    }
    expect(listen({ type: 'bypass', params: { url: 'https://www.nza.nl/a.pdf' } }, me)).toBeDefined();
    expect(bypass).toHaveBeenCalledOnce();
    expect(pdfTab).not.toHaveBeenCalled();
  });

  it('fuzz: a handler only ever sees a payload its validator accepts; strangers never reach one', () => {
    const { handlers, listen } = contentListener();
    const payload = fc.oneof(
      fc.anything(),
      fc.record({ id: fc.oneof(fc.string(), fc.constantFrom('zvw', 'passende-zorg')) }),
      fc.record({ dir: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.anything()) }),
      fc.constant({}),
    );
    const msg = fc.oneof(fc.anything(), fc.record({ type: fc.oneof(fc.constantFrom('stats', 'jump', 'step', 'show', 'selection', 'count', '__proto__'), fc.string()), params: payload }));
    const sender = fc.oneof(fc.constant(me), fc.record({ id: fc.oneof(fc.string(), fc.constant(undefined)) }));
    fc.assert(
      fc.property(msg, sender, (m, from) => {
        for (const f of Object.values(handlers)) f.mockClear();
        const out = listen(m, from);
        if (out === undefined) {
          expect(called(handlers)).toBe(false);
          return;
        }
        expect(from.id).toBe(OWN);
        const { type, params } = m as { type: keyof ContentApi; params: unknown };
        expect(CONTENT_VALIDATORS[type](params)).toBe(true);
        expect(handlers[type]).toHaveBeenCalledOnce();
      }),
      { seed: 20260125, numRuns: 5000 },
    );
  });
});

describe('site rule', () => {
  const s = (patch: Partial<Settings>): Settings => ({ ...structuredClone(DEFAULTS), ...patch });

  it('www. and case do not make a different site, in URLs or in stored lists', () => {
    expect(siteOf('https://WWW.NZA.NL/zorg')).toBe('nza.nl');
    expect(siteOf('https://www.nza.nl./')).toBe('nza.nl');
    expect(siteOf('https://www2.nza.nl/')).toBe('www2.nza.nl');
    const off = parseSettings({ version: 2, disabledSites: ['WWW.NZA.NL'] });
    expect(off.disabledSites).toEqual(['nza.nl']);
    expect(siteState('https://nza.nl/', off)).toBe('site-off');
    expect(siteState('http://www.nza.nl:8080/x', off)).toBe('site-off');
  });

  it('a listed site covers its subdomains, never look-alike domains', () => {
    const off = s({ disabledSites: ['nza.nl'] });
    expect(siteState('https://zorg.nza.nl/', off)).toBe('site-off');
    expect(siteState('https://a.b.nza.nl/', off)).toBe('site-off');
    expect(siteState('https://evilnza.nl/', off)).toBe('on');
    expect(siteState('https://nza.nl.evil.example/', off)).toBe('on');
    expect(listed('nl', ['nza.nl'])).toBe(false);
  });

  it('"only on these sites" mode: listed sites and their subdomains only', () => {
    const only = s({ siteMode: 'only', enabledSites: ['rijksoverheid.nl'], disabledSites: ['nos.nl'] });
    expect(siteState('https://www.rijksoverheid.nl/', only)).toBe('on');
    expect(siteState('https://zoek.rijksoverheid.nl/', only)).toBe('on');
    expect(siteState('https://nos.nl/', only)).toBe('not-listed');
    expect(siteState('https://notrijksoverheid.nl/', only)).toBe('not-listed');
    expect(siteState('https://nos.nl/', s({ siteMode: 'only' }))).toBe('not-listed');
    expect(toggleSite('https://zoek.rijksoverheid.nl/', only, false)).toEqual({ enabledSites: [] });
  });

  it('non-http(s) pages are unsupported, whatever the settings', () => {
    const urls = ['file:///home/a.html', 'chrome://settings', 'chrome-extension://abc/popup.html', 'moz-extension://abc/x', 'about:blank',
      'data:text/html,Zvw', 'javascript:alert(1)', 'blob:https://nza.nl/1234', 'ftp://nza.nl/', 'view-source:https://nza.nl/', '', 'nza.nl', 'http://'];
    for (const url of urls) {
      expect(siteOf(url), url).toBeNull();
      expect(siteState(url, s({})), url).toBe('unsupported');
      expect(toggleSite(url, s({}), false), url).toBeNull();
    }
  });

  it('ip addresses and ports: one site per host, whatever the port', () => {
    expect(siteOf('http://127.0.0.1:8080/')).toBe('127.0.0.1');
    expect(siteState('http://127.0.0.1:9999/', s({ disabledSites: ['127.0.0.1'] }))).toBe('site-off');
    expect(siteOf('http://[::1]:3000/')).toBe('[::1]');
  });
});
