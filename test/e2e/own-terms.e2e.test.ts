/**
 * Own terms (issue 20) in real Chromium: import through the options page's file input, then
 * highlights and cards on a served page and in the PDF reader; a colliding term's card; adding,
 * editing and deleting by hand; the export round trip; switching a collection off.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverTerm, launch, openPage, openPopup, painted, untilTexts, type Harness } from './chromium';
import { readerRoutes } from './reader-fixtures';
import { cardCollections, cardText, clearOwn, importFile, openOptions, storedCollections, TTL } from './own-terms';

let h: Harness;
beforeAll(async () => {
  h = await launch({ routes: await readerRoutes() });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await clearOwn(h);
});

const texts = async (page: Page, scope: string) => (await painted(page, scope)).map((t) => t.text);

async function openCard(page: Page, text: string, scope: string): Promise<string> {
  await hoverTerm(page, text, scope);
  await page.waitForFunction(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'), null, { timeout: 8000 });
  return (await cardText(page)) ?? '';
}

describe('import through the options page', () => {
  it('previews, imports on "Importeren", and the terms are found with their own cards', async () => {
    const options = await openOptions(h);
    await options.setInputFiles('#own-import', TTL);
    await options.waitForSelector('#import-confirm');
    expect(await options.textContent('#preview-counts')).toMatch(/4 begrippen/);
    // Nothing is stored before the confirmation.
    expect(await storedCollections(h)).toEqual([]);
    await options.click('#import-confirm');
    await options.waitForSelector('.collections .collection');
    expect(await storedCollections(h)).toEqual([{ name: 'Begrippen sociaal domein Voorbeeldstad', count: 4, enabled: true }]);

    const page = await openPage(h, '/own-e2e/page.html');
    await untilTexts(page, (t) => t.includes('Buurtkracht') && t.includes('VSP'), 'own terms painted');
    expect(await texts(page, '#own')).toEqual(['Buurtkracht', 'VSP']);
    const card = await openCard(page, 'Buurtkracht', '#own');
    expect(card).toContain('bewoners elkaar helpen');
    expect(await cardCollections(page)).toEqual(['Begrippen sociaal domein Voorbeeldstad']);
    // The popup: terms on this page and the search include own terms, with their collection.
    await page.mouse.move(1, 1);
    const popup = await openPopup(h, page);
    await popup.waitForFunction(() => [...document.querySelectorAll('#page-terms .item')].some((i) => i.textContent?.includes('Buurtkracht')));
    await popup.fill('#search', 'buurtkr');
    await popup.waitForSelector('#results .item');
    await popup.click('#results .item >> nth=0');
    await popup.waitForSelector('#results .def .collection');
    expect(await popup.textContent('#results .def .collection')).toBe('Begrippen sociaal domein Voorbeeldstad');
    await popup.close();
    await page.close();
    await options.close();
  });

  it('a page already open picks up an import without a reload', async () => {
    const page = await openPage(h, '/own-e2e/page.html');
    expect(await texts(page, '#own')).toEqual([]);
    const options = await openOptions(h);
    await importFile(options, TTL);
    await untilTexts(page, (t) => t.includes('Buurtkracht'), 'own terms painted after import');
    await page.close();
    await options.close();
  });

  it('a form in the bundled glossary and an import shows both meanings, own first', async () => {
    const options = await openOptions(h);
    await importFile(options, TTL);
    const page = await openPage(h, '/own-e2e/page.html');
    await untilTexts(page, (t) => t.includes('Buurtkracht'), 'own terms');
    const card = await openCard(page, 'Wmo', '#clash');
    expect(await cardCollections(page)).toEqual(['Begrippen sociaal domein Voorbeeldstad', 'IZA Begrippen']);
    expect(card).toContain('in het stadhuis');
    expect(card).toContain('Wet maatschappelijke ondersteuning');
    // Bundled terms are still found as before.
    expect(await texts(page, '#bundled')).toEqual(['Wet maatschappelijke ondersteuning', 'Zvw', 'basisverzekering']);
    await page.close();
    await options.close();
  });

  it('own terms are highlighted in the PDF reader too', async () => {
    const options = await openOptions(h);
    await importFile(options, TTL);
    const reader = await h.ctx.newPage();
    await reader.goto(`chrome-extension://${h.extId}/reader.html?file=${encodeURIComponent(`${h.origin}/docs/brief.pdf`)}`);
    await reader.waitForFunction(() => [...CSS.highlights].some(([, hl]) => [...hl].some((r) => {
      const x = new Range();
      x.setStart(r.startContainer, r.startOffset);
      x.setEnd(r.endContainer, r.endOffset);
      return x.toString() === 'voortgangsrapportage';
    })), null, { timeout: 20000 });
    await reader.close();
    await options.close();
  });
});

describe('collections and terms by hand', () => {
  it('adds, edits and deletes a term; the page follows each change', async () => {
    const options = await openOptions(h);
    const page = await openPage(h, '/own-e2e/page.html');
    await options.click('#term-add');
    await options.fill('#term-name', 'Stadsteam');
    await options.fill('#term-variants', 'Stadsteam Zuid');
    await options.fill('#term-definition', 'Een team van de gemeente dat helpt met geld en werk.');
    await options.click('#term-save');
    await options.waitForSelector('.my-terms li');
    await untilTexts(page, (t) => t.includes('Stadsteam Zuid'), 'added term painted');
    expect(await openCard(page, 'Stadsteam Zuid', '#added')).toContain('helpt met geld en werk');
    await page.mouse.move(1, 1);

    await options.click('.my-terms .term-edit');
    await options.fill('#term-definition', 'Het team van de gemeente voor vragen over schulden.');
    await options.click('#term-save');
    await options.waitForFunction(() => document.querySelector('.my-terms')?.textContent?.includes('schulden'));
    await page.waitForTimeout(300);
    expect(await openCard(page, 'Stadsteam Zuid', '#added')).toContain('vragen over schulden');
    await page.mouse.move(1, 1);

    await options.click('.my-terms .term-delete');
    await untilTexts(page, (t) => !t.includes('Stadsteam Zuid'), 'deleted term gone');
    expect(await storedCollections(h)).toEqual([{ name: 'Mijn begrippen', count: 0, enabled: true }]);
    await page.close();
    await options.close();
  });

  it('switching a collection off removes its highlights; on brings them back', async () => {
    const options = await openOptions(h);
    await importFile(options, TTL);
    const page = await openPage(h, '/own-e2e/page.html');
    await untilTexts(page, (t) => t.includes('Buurtkracht'), 'own terms');
    await options.uncheck('.collection .coll-enabled');
    await untilTexts(page, (t) => !t.includes('Buurtkracht') && t.includes('Zvw'), 'own terms off, bundled on');
    await options.check('.collection .coll-enabled');
    await untilTexts(page, (t) => t.includes('Buurtkracht'), 'own terms back');
    await page.close();
    await options.close();
  });

  it('export and import again give the same terms (JSON, Turtle, CSV)', async () => {
    const options = await openOptions(h);
    await importFile(options, TTL);
    const read = () => h.worker.evaluate(async () => {
      const index = (await chrome.storage.local.get('own.index'))['own.index'] as { id: string }[];
      const all = await chrome.storage.local.get(index.map((c) => `own.c.${c.id}`));
      return index.map((c) => all[`own.c.${c.id}`]);
    });
    for (const format of ['json', 'ttl', 'csv']) {
      const id = await options.getAttribute('.collections .collection', 'data-id');
      const [download] = await Promise.all([options.waitForEvent('download'), options.selectOption(`#export-${id}`, format)]);
      const path = await download.path();
      const bytes = readFileSync(path);
      await clearOwn(h);
      await options.reload();
      await importFile(options, { name: `terug.${format}`, mimeType: 'application/octet-stream', buffer: bytes });
      const [terms] = (await read()) as { id: string; term: string; definition: string; abbreviations: string[] }[][];
      expect(terms?.map((t) => [t.id, t.term, t.abbreviations, t.definition])).toEqual([
        ['buurtkracht', 'Buurtkracht', [], 'Het programma van Voorbeeldstad waarin bewoners elkaar helpen met kleine klussen en boodschappen.'],
        ['vsp', 'Voorbeeldstads Sociaal Plan', ['VSP'], 'Het plan van de gemeente voor zorg en welzijn in de wijken, voor vier jaar.'],
        ['wmo-loket', 'Wmo-loket Voorbeeldstad', ['Wmo'], 'Het loket van Voorbeeldstad waar inwoners hulp uit de Wmo aanvragen, in het stadhuis.'],
        ['voortgangsrapportage', 'voortgangsrapportage', [], 'Een verslag dat twee keer per jaar laat zien hoe ver de afspraken in Voorbeeldstad zijn.'],
      ]);
    }
    await options.close();
  });
});
