/**
 * Bad input to the own-terms import (issue 20), in real Chromium through the options page's file
 * input: each file gets a clear message in the UI language and changes nothing; files that are
 * messy but readable are imported with what was skipped listed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hoverTerm, launch, openPage, untilTexts, type Harness } from './chromium';
import { cardText, clearOwn, importFile, openOptions, storedCollections, TTL, TTL_TEXT } from './own-terms';

let h: Harness;
let options: Page;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await clearOwn(h);
  await options?.close();
  options = await openOptions(h);
  // Something to lose: an earlier import that a bad file must leave alone.
  await importFile(options, TTL);
});

const file = (name: string, body: string | Buffer, mimeType = 'application/octet-stream') => ({ name, mimeType, buffer: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') });
const before = [{ name: 'Begrippen sociaal domein Voorbeeldstad', count: 4, enabled: true }];

async function refused(f: ReturnType<typeof file>, message: RegExp): Promise<void> {
  await options.setInputFiles('#own-import', f);
  const alert = await options.waitForSelector('#own-terms .drop .error[role=alert]', { timeout: 15000 });
  expect(await alert.textContent()).toMatch(message);
  expect(await options.$('#import-confirm')).toBeNull();
  expect(await storedCollections(h)).toEqual(before);
}

async function previewed(f: ReturnType<typeof file>): Promise<string> {
  await options.setInputFiles('#own-import', f);
  await options.waitForSelector('#import-confirm', { timeout: 15000 });
  return (await options.textContent('.preview')) ?? '';
}

describe('refused with a clear message, nothing changed', () => {
  it('a Turtle file with a syntax error: line and column', async () => {
    await refused(file('kapot.ttl', `${TTL_TEXT}\nex:kapot a skos:Concept ;\n  skos:prefLabel "Kapot"@nl "Stuk"@nl ;\n  skos:definition "x" .\n`), /[Rr]egel \d+, kolom \d+/);
  });
  it('a PDF, an image and random bytes', async () => {
    await refused(file('brief.pdf', '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n'), /geen begrippenlijst/i);
    await refused(file('plaatje.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])), /geen begrippenlijst/i);
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    await refused(file('ruis.ttl', random), /geen begrippenlijst/i);
  });
  it('an empty file', async () => {
    await refused(file('leeg.csv', ''), /leeg/i);
  });
  it('a CSV without a term or definition column', async () => {
    await refused(file('fout.csv', 'naam;telefoon\nJan;0612345678\n'), /kolom/i);
  });
  it('a 20 MB file, at once', async () => {
    const start = Date.now();
    await refused(file('groot.csv', Buffer.alloc(20 * 1024 * 1024, 0x61)), /te groot|MB/i);
    expect(Date.now() - start).toBeLessThan(10000);
  });
  it('20,000 concepts: refused at the cap', async () => {
    const rows = ['begrip,definitie'];
    for (let i = 0; i < 20000; i++) rows.push(`Voorbeeldterm ${i},Uitleg van voorbeeldterm ${i}.`);
    await refused(file('veel.csv', rows.join('\n')), /20\.?000/);
  });
});

describe('messy but readable: previewed, with what is skipped and why', () => {
  it('a CSV with ; (Dutch Excel), one with a BOM, one in Windows-1252', async () => {
    expect(await previewed(file('excel.csv', 'begrip;definitie;afkortingen\nStadsteam Zuid;Het team voor geld en werk.;STZ\n'))).toMatch(/1 worden geïmporteerd/);
    await options.click('#import-cancel');
    expect(await previewed(file('bom.csv', '\ufeffterm,definition\nStadsteam Zuid,Het team voor geld en werk.\n'))).toMatch(/Stadsteam Zuid/);
    await options.click('#import-cancel');
    const latin1 = Buffer.from('begrip;definitie\nCoöperatie Zorgdorp;Een coöperatie van inwoners met één doel.\n', 'latin1');
    expect(await previewed(file('win.csv', latin1))).toMatch(/Coöperatie Zorgdorp/);
    await options.click('#import-cancel');
    expect(await storedCollections(h)).toEqual(before);
  });
  it('duplicate ids, a concept without label or definition, one-letter forms: skipped with reasons', async () => {
    const ttl = `@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/b/> .
ex:a a skos:Concept ; skos:prefLabel "Wijkpunt Noord"@nl ; skos:altLabel "W"@nl ; skos:definition "Een plek in de wijk voor vragen."@nl .
ex:b a skos:Concept ; skos:definition "Zonder naam."@nl .
ex:c a skos:Concept ; skos:prefLabel "Zonder uitleg"@nl .
`;
    const text = await previewed(file('rommelig.ttl', ttl));
    expect(text).toMatch(/1 worden geïmporteerd/);
    expect(text).toMatch(/Overgeslagen/);
    const skipped = (await options.$$eval('.preview .skipped li', (l) => l.map((x) => x.textContent))).join('\n');
    expect(skipped).toMatch(/"W"|W\b/);
    expect(skipped).toMatch(/naam|label/i);
    expect(skipped).toMatch(/uitleg|definitie/i);
    await options.click('#import-cancel');
    const dup = 'id,term,definition\nx,Wijkpunt Noord,Een plek.\nx,Wijkpunt Zuid,Een andere plek.\n';
    expect(await previewed(file('dubbel.csv', dup))).toMatch(/dubbel|al gebruikt|duplicate/i);
    await options.click('#import-cancel');
  });
  it('markup and script in every field stay text: nothing runs, the card shows no tags', async () => {
    const evil = "<script>window.__pwned=1</script><img src=x onerror='window.__pwned=2'>";
    const csv = `term,definition,english_name,english_definition,abbreviations,variants,sources\n"${evil}<b>Stadsteam Zuid</b>","Het team ${evil}<b>Vet</b> voor geld.","Team ${evil}","The team ${evil}.","${evil}STZ","<i>stadsteam zuid</i>${evil}","https://example.org/<script>"\n`;
    await options.setInputFiles('#own-import', file('kwaad.csv', csv));
    await options.waitForSelector('#import-confirm');
    await options.click('#import-confirm');
    await options.waitForFunction(() => document.querySelectorAll('.collections .collection').length === 2);
    expect(await options.evaluate(() => (window as { __pwned?: number }).__pwned ?? 0)).toBe(0);
    const page = await openPage(h, '/own-e2e/page.html');
    await untilTexts(page, (t) => t.includes('Stadsteam Zuid'), 'term painted');
    await hoverTerm(page, 'Stadsteam Zuid', '#added');
    await page.waitForFunction(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    const card = (await cardText(page)) ?? '';
    expect(card).toContain('Het team');
    expect(card).not.toMatch(/<script|<img|<b>/);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned ?? 0)).toBe(0);
    expect(await page.evaluate(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card img, .card script, .card b'))).toBe(false);
    await page.close();
  });
});
