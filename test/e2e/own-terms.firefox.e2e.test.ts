/**
 * Own terms (issue 20) and organisation lists (issue 21) in real Firefox ESR: the options page's
 * real file input (WebDriver BiDi input.setFiles), then highlights and cards on a served page;
 * and a list set by policies.json (3rdparty.Extensions.<id>), served from 127.0.0.1.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXED_UUID, Firefox, GECKO_ID } from './firefox';
import { listServer, orgList, turtle, type ListServer } from './list-server';
import { TTL } from './own-terms';
import { PAINTED_SRC } from './painted';

const EXT = `moz-extension://${FIXED_UUID}`;
const TEXTS = (scope: string) => `(${PAINTED_SRC})(${JSON.stringify(scope)}).map((t) => t.text)`;
const CARD = `document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card')`;
const COLLECTIONS = `[...(document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelectorAll('.card .collection') ?? [])].map((e) => e.textContent)`;

/** Where this Firefox reads an enterprise policy: its installation's distribution/ folder. */
export const FIREFOX_POLICY = '/usr/lib/firefox-esr/distribution/policies.json';

let ff: Firefox | null = null;
let lists: ListServer | null = null;
let savedPolicy: string | null = null;
afterAll(async () => {
  await ff?.close();
  await lists?.close();
  if (savedPolicy !== null) await writeFile(FIREFOX_POLICY, savedPolicy);
  else await rm(FIREFOX_POLICY, { force: true });
});

/** Sets a file on an <input type=file> through BiDi (the real input, as a user's file dialog would). */
async function setFile(f: Firefox, selector: string, path: string): Promise<void> {
  const r = await f.send('script.evaluate', { expression: `document.querySelector(${JSON.stringify(selector)})`, target: { context: f.context }, awaitPromise: false, resultOwnership: 'root' });
  await f.send('input.setFiles', { context: f.context, element: { sharedId: r.result.sharedId }, files: [path] });
}

describe('Firefox: own terms through the options page', () => {
  it('imports a Turtle file with the real file input; the page shows the terms and their cards', async () => {
    ff = await Firefox.launch();
    const options = await ff.openTab(`${EXT}/options.html`);
    await ff.within(options, async () => {
      await ff!.waitFor(`document.querySelector('#own-import')`);
      await setFile(ff!, '#own-import', TTL);
      await ff!.waitFor(`document.querySelector('#import-confirm')`);
      expect(await ff!.eval<string>(`document.querySelector('#preview-counts').textContent`)).toMatch(/4 (begrippen|concepts)/);
      await ff!.eval(`(document.querySelector('#import-confirm').click(), 1)`);
      await ff!.waitFor(`document.querySelector('.collections .collection')`);
    });
    await ff.navigate(`${ff.origin}/own-e2e/page.html`);
    await ff.waitFor(`${TEXTS('#own')}.includes('Buurtkracht')`);
    expect(await ff.eval<string[]>(TEXTS('#own'))).toEqual(['Buurtkracht', 'VSP']);
    await ff.hoverTerm('Wmo', '#clash');
    await ff.waitFor(CARD);
    expect(await ff.eval<string[]>(COLLECTIONS)).toEqual(['Begrippen sociaal domein Voorbeeldstad', 'IZA Begrippen']);
    await ff.close();
    ff = null;
  });
});

describe('Firefox: a list set by the organisation (policies.json)', () => {
  it('reads 3rdparty.Extensions.<id> at start, fetches the list, and highlights its terms', async () => {
    lists = await listServer();
    lists.set('/org.ttl', turtle(orgList('Gemeente Voorbeeldstad', [['stadsteam', 'Stadsteam Zuid', 'Het team van de gemeente voor geld, werk en zorg.']])));
    await ff?.close();
    savedPolicy = await readFile(FIREFOX_POLICY, 'utf8').catch(() => null);
    await mkdir(dirname(FIREFOX_POLICY), { recursive: true });
    await writeFile(FIREFOX_POLICY, JSON.stringify({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: { glossaries: [{ name: 'Gemeente Voorbeeldstad', url: `${lists.origin}/org.ttl` }, { name: 'zonder adres' }] } } } } }));
    ff = await Firefox.launch();
    await ff.navigate(`${ff.origin}/own-e2e/page.html`);
    await ff.waitFor(`${TEXTS('#added')}.includes('Stadsteam Zuid')`, 20000);
    await ff.hoverTerm('Stadsteam Zuid', '#added');
    await ff.waitFor(CARD);
    expect(await ff.eval<string[]>(COLLECTIONS)).toEqual(['Gemeente Voorbeeldstad']);
    const options = await ff.openTab(`${EXT}/options.html`);
    await ff.within(options, async () => {
      await ff!.waitFor(`document.querySelector('.collections .collection')`);
      expect(await ff!.eval<string>(`document.querySelector('.collections').textContent`)).toMatch(/Ingesteld door uw organisatie|Set by your organisation/);
    });
  });
});
