import { describe, expect, it } from 'vitest';
import { fileParam, isPdfResponse, opensInReader, readerPath, ruleScope } from '../../src/common/pdf-rule';
import { DEFAULTS, parseSettings, type Settings } from '../../src/common/settings';

const s = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULTS, ...patch });

describe('which PDFs open in the reader', () => {
  it('opens PDFs of the policy sites and their subdomains by default, not others', () => {
    expect(opensInReader('https://www.rijksoverheid.nl/documenten/brief.pdf', s())).toBe(true);
    expect(opensInReader('https://zoek.officielebekendmakingen.nl/kst-1.pdf', s())).toBe(true);
    expect(opensInReader('https://open.overheid.nl/documenten/abc/file', s())).toBe(true);
    expect(opensInReader('https://overheid.nl/x.pdf', s())).toBe(false);
    expect(opensInReader('https://example.org/x.pdf', s())).toBe(false);
    expect(opensInReader('https://notrivm.nl/x.pdf', s())).toBe(false);
  });
  it('follows the options: added sites, all PDFs, never', () => {
    expect(opensInReader('https://example.org/x.pdf', s({ pdfSites: ['example.org'] }))).toBe(true);
    expect(opensInReader('https://example.org/x.pdf', s({ pdfMode: 'all' }))).toBe(true);
    expect(opensInReader('https://www.nza.nl/x.pdf', s({ pdfMode: 'never' }))).toBe(false);
  });
  it('redirects nothing where the site or the extension is off', () => {
    expect(opensInReader('https://www.nza.nl/x.pdf', s({ disabledSites: ['nza.nl'] }))).toBe(false);
    expect(opensInReader('https://www.nza.nl/x.pdf', s({ enabled: false }))).toBe(false);
    expect(opensInReader('https://www.nza.nl/x.pdf', s({ siteMode: 'only', enabledSites: ['rivm.nl'] }))).toBe(false);
    expect(opensInReader('https://www.rivm.nl/x.pdf', s({ siteMode: 'only', enabledSites: ['rivm.nl'] }))).toBe(true);
  });
  it('gives the declarativeNetRequest rule the same hosts', () => {
    expect(ruleScope(s())?.include).toContain('rijksoverheid.nl');
    expect(ruleScope(s({ disabledSites: ['nza.nl'] }))?.exclude).toEqual(['nza.nl']);
    expect(ruleScope(s({ pdfMode: 'all' }))).toEqual({ include: 'all', exclude: [] });
    expect(ruleScope(s({ pdfMode: 'never' }))).toBeNull();
    expect(ruleScope(s({ enabled: false }))).toBeNull();
    expect(ruleScope(s({ siteMode: 'only', enabledSites: ['www2.rivm.nl', 'example.org'] }))).toEqual({ include: ['www2.rivm.nl'], exclude: [] });
  });
  it('stores the new settings and drops garbage', () => {
    expect(parseSettings({ version: 2, pdfMode: 'all', pdfSites: ['WWW.Example.org', 'bad host'] })).toMatchObject({ pdfMode: 'all', pdfSites: ['example.org'] });
    expect(parseSettings({ version: 2, pdfMode: 'sometimes' }).pdfMode).toBe('policy');
  });
});

describe('PDF responses and the reader address', () => {
  it('knows a PDF by its Content-Type, or by an attachment name on a generic type', () => {
    expect(isPdfResponse('application/pdf')).toBe(true);
    expect(isPdfResponse('Application/PDF; charset=binary')).toBe(true);
    expect(isPdfResponse('application/octet-stream', 'attachment; filename="brief.pdf"')).toBe(true);
    expect(isPdfResponse('application/octet-stream', 'attachment; filename="data.zip"')).toBe(false);
    expect(isPdfResponse('text/html', 'attachment; filename="brief.pdf"')).toBe(false);
    expect(isPdfResponse(undefined)).toBe(false);
  });
  it('round-trips reader.html?file=, encoded or (from the Chrome rule) not', () => {
    const url = 'https://www.tweedekamer.nl/download?id=1&x=2#page=3';
    expect(fileParam(readerPath(url).slice('reader.html'.length))).toBe(url);
    expect(fileParam('?file=https://a.nl/d?id=1&x=2', '#p')).toBe('https://a.nl/d?id=1&x=2#p');
    expect(fileParam('?x=1&file=https%3A%2F%2Fa.nl%2Fb.pdf&y=2')).toBe('https://a.nl/b.pdf');
    expect(fileParam('?nothing=1')).toBeNull();
    expect(fileParam('?file=%E0%A4%A')).toBeNull();
  });
});
