import { describe, expect, it } from 'vitest';
import { isSiteEnabled, siteOf, siteState, toggleSite } from '../../src/common/site-rule';
import { DEFAULTS, type Settings } from '../../src/common/settings';

const s = (patch: Partial<Settings>): Settings => ({ ...structuredClone(DEFAULTS), ...patch });

describe('site rule', () => {
  it('keys a site by hostname without www', () => {
    expect(siteOf('https://www.Rijksoverheid.nl/onderwerpen')).toBe('rijksoverheid.nl');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions')).toBeNull();
    expect(siteOf('file:///tmp/a.html')).toBeNull();
    expect(siteOf('not a url')).toBeNull();
  });
  it('is on everywhere by default, off for listed sites and their subdomains', () => {
    expect(isSiteEnabled('https://nos.nl/', s({}))).toBe(true);
    const off = s({ disabledSites: ['rijksoverheid.nl'] });
    expect(siteState('https://www.rijksoverheid.nl/a', off)).toBe('site-off');
    expect(siteState('https://zoek.rijksoverheid.nl/a', off)).toBe('site-off');
    expect(siteState('https://notrijksoverheid.nl/a', off)).toBe('on');
  });
  it('the global switch wins', () => {
    expect(siteState('https://nos.nl/', s({ enabled: false }))).toBe('global-off');
  });
  it('"only on these sites" mode', () => {
    const only = s({ siteMode: 'only', enabledSites: ['tweedekamer.nl'] });
    expect(siteState('https://www.tweedekamer.nl/kamerstukken', only)).toBe('on');
    expect(siteState('https://nos.nl/', only)).toBe('not-listed');
  });
  it('toggling a site adds or removes it in the list the mode uses', () => {
    expect(toggleSite('https://www.nza.nl/', s({}), false)).toEqual({ disabledSites: ['nza.nl'] });
    expect(toggleSite('https://zorg.nza.nl/', s({ disabledSites: ['nza.nl', 'vng.nl'] }), true)).toEqual({ disabledSites: ['vng.nl'] });
    expect(toggleSite('https://nos.nl/', s({ siteMode: 'only' }), true)).toEqual({ enabledSites: ['nos.nl'] });
    expect(toggleSite('about:blank', s({}), true)).toBeNull();
  });
});
