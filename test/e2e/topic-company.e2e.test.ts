/**
 * Precision for short specific forms in real browsers (issue 22): with the real glossary and its
 * topic rule (glossary/context/topic.yaml, `needsCompany`), a page where IZA is a singer or a
 * photographer, MIND a clothing brand, ZIN and GIDS magazines, CZ a motorcycle, EPA and DOT
 * American agencies, paints none of these forms; a news page whose headline starts with "IZA"
 * paints it once the page shows it is about care, and a local news page paints GALA and MIND with
 * the care words around them. Chromium and Firefox ESR, after `node build.mjs`.
 *
 * A names page has no other term, so that the test knows the engine has read it, a paragraph with
 * one specific term (Zvw) is added once the page has loaded: it is painted, and it is no company
 * for the forms above (not near them, and one specific term does not make a page about care).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openPage, painted, settle, untilTexts, type Harness } from './chromium';
import { Firefox } from './firefox';
import { ffPainted, ffSettle } from './issue12';
import { PAINTED_SRC, type PaintedTerm } from './painted';

const NAMES = ['zangeres-iza', 'fotograaf-iza', 'merk-mind', 'tijdschriften', 'klassieke-motoren', 'epa-engels', 'tijgermug'];
const PROBE = `document.querySelector('main').insertAdjacentHTML('beforeend', '<p id="probe">De Zvw geldt voor iedereen.</p>')`;
const texts = (terms: PaintedTerm[]) => terms.map((t) => t.text);

describe('needs-company forms in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Opens a names page, adds the probe paragraph and waits until it is painted. */
  async function namesPage(name: string): Promise<Page> {
    const page = await openPage(h, `/topic/company/off/${name}.html`, { marks: false });
    await page.evaluate(PROBE);
    await untilTexts(page, (t) => t.includes('Zvw'), `Zvw painted on ${name}`);
    await settle(page);
    return page;
  }

  for (const name of NAMES) {
    it(`${name}: only the probe's Zvw is painted`, async () => {
      const page = await namesPage(name);
      expect(texts(await painted(page))).toEqual(['Zvw']);
      await page.close();
    });
  }

  it('a headline "IZA" before the evidence is painted once the page qualifies', async () => {
    const page = await openPage(h, '/topic/company/on/nieuws-iza-kop.html');
    await untilTexts(page, (t) => t.filter((x) => x === 'IZA').length === 2, 'both IZA painted');
    expect(texts(await painted(page, 'h1'))).toEqual(['IZA']);
    expect(texts(await painted(page))).toEqual(expect.arrayContaining(['Integraal Zorgakkoord', 'NZa', 'Zvw', 'Wlz']));
    await page.close();
  });

  it('GALA and MIND with care words around them are painted', async () => {
    const page = await openPage(h, '/topic/company/on/gemeente-gala-mind.html');
    await untilTexts(page, (t) => t.includes('GALA') && t.includes('MIND'), 'GALA and MIND painted');
    await page.close();
  });
});

describe('needs-company forms in Firefox ESR', () => {
  let ff: Firefox;
  beforeAll(async () => {
    ff = await Firefox.launch();
  });
  afterAll(async () => {
    await ff?.close();
  });
  const paintedNow = () => ffPainted(ff);
  const settled = () => ffSettle(ff);

  it('a singer named IZA and a clothing brand MIND: nothing but the probe; a policy headline "IZA": painted', async () => {
    for (const name of ['zangeres-iza', 'merk-mind']) {
      await ff.navigate(`${ff.origin}/topic/company/off/${name}.html`);
      await ff.eval(PROBE);
      await ff.waitFor(`(${PAINTED_SRC})('').some((t) => t.text === 'Zvw')`);
      await settled();
      expect(texts(await paintedNow())).toEqual(['Zvw']);
    }
    await ff.navigate(`${ff.origin}/topic/company/on/nieuws-iza-kop.html`);
    await ff.waitFor(`(${PAINTED_SRC})('').filter((t) => t.text === 'IZA').length === 2`);
    expect(texts(await ff.painted('h1'))).toEqual(['IZA']);
  });
});
