/**
 * Organisation glossaries (issue 21) in real Chromium with a managed policy file: Chromium on
 * Linux reads /etc/chromium/policies/managed/*.json and delivers 3rdparty.extensions.<id> to an
 * unpacked extension (its id: sha256 of the folder's absolute path, 32 hex digits mapped to a-p).
 * The lists are served from 127.0.0.1. The policy file is removed after the test.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, hoverTerm, launch, openPage, painted, until, untilTexts, type Harness } from './chromium';
import { listServer, orgList, status, turtle, type ListServer } from './list-server';
import { cardCollections, cardText, openOptions } from './own-terms';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'iza-begrippen-e2e.json');

/** The id Chromium gives an unpacked extension loaded from `dir`. */
export function unpackedId(dir: string): string {
  return [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const LIST_A = orgList('Gemeente Voorbeeldstad', [
  ['stadsteam', 'Stadsteam Zuid', 'Het team van de gemeente voor vragen over geld, werk en zorg.'],
  ['buurtkracht', 'Buurtkracht', 'Bewoners helpen elkaar met kleine klussen, met steun van de gemeente.'],
]);
const LIST_B = orgList('Zorgkantoor Regio West', [['stadsteam', 'Stadsteam Zuid', 'Het overleg van het zorgkantoor met het stadsteam over langdurige zorg.']]);

let lists: ListServer;
let profile: string;
let h: Harness | null = null;

async function writePolicy(policy: unknown): Promise<void> {
  await mkdir(POLICY_DIR, { recursive: true });
  await writeFile(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [unpackedId(DIST)]: policy } } }));
}

const start = async () => (h = await launch({ userDataDir: profile }));
const stop = async () => {
  await h?.close();
  h = null;
};
const texts = async (page: Page, scope: string) => (await painted(page, scope)).map((t) => t.text);

beforeAll(async () => {
  lists = await listServer();
  lists.set('/a.ttl', turtle(LIST_A));
  lists.set('/b.ttl', turtle(LIST_B));
  profile = await mkdtemp(join(tmpdir(), 'iza-policy-'));
  await writePolicy({
    glossaries: [
      { name: 'Gemeente Voorbeeldstad', url: `${lists.origin}/a.ttl` },
      { name: 'FTP-lijst', url: 'ftp://example.org/lijst.ttl' },
      { name: 'Zorgkantoor Regio West', url: `${lists.origin}/b.ttl` },
    ],
    locked: true,
  });
});
afterAll(async () => {
  await stop();
  await rm(POLICY_FILE, { force: true });
  await lists?.close();
  await rm(profile, { recursive: true, force: true });
});

describe('Chromium: lists set by the organisation', () => {
  it('fetches the policy lists at start: terms highlighted with the organisation as the card label', async () => {
    await start();
    const page = await openPage(h!, '/own-e2e/page.html');
    await untilTexts(page, (t) => t.includes('Stadsteam Zuid') && t.includes('Buurtkracht'), 'organisation terms painted');
    expect(await texts(page, '#added')).toEqual(['Stadsteam Zuid']);
    // Both lists are in (one commit), so no new pass comes between the hover and the card.
    await until(async () => (await h!.worker.evaluate(() => chrome.storage.local.get('own.index').then((r) => ((r['own.index'] ?? []) as { count: number }[]).filter((c) => c.count > 0).length))) === 2, 15000, 'both lists stored');
    await page.waitForTimeout(300);
    // Two lists with the same term: the card shows both meanings, each with its list's name.
    await hoverTerm(page, 'Stadsteam Zuid', '#added');
    await page.waitForFunction(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.card'));
    expect(await cardCollections(page)).toEqual(['Gemeente Voorbeeldstad', 'Zorgkantoor Regio West']);
    expect(await cardText(page)).toContain('vragen over geld, werk en zorg');
    // The bad item (ftp:) voided nothing; only the two good lists were fetched.
    expect(new Set(lists.log.map((l) => l.path))).toEqual(new Set(['/a.ttl', '/b.ttl']));
    await page.close();
  });

  it('the options page labels them "Ingesteld door uw organisatie": no remove, no switch when locked', async () => {
    const options = await openOptions(h!);
    await options.waitForSelector('.collections .collection');
    const rows = await options.$$eval('.collections .collection', (ls) => ls.map((l) => ({
      text: l.textContent ?? '',
      remove: !!l.querySelector('.coll-remove'),
      locked: (l.querySelector('.coll-enabled') as HTMLInputElement | null)?.disabled ?? false,
    })));
    expect(rows).toHaveLength(2);
    // The bad item is named for the administrator; it voided nothing else.
    expect(await options.textContent('#policy-problems')).toContain('ftp://example.org/lijst.ttl');
    for (const r of rows) {
      expect(r.text).toContain('Ingesteld door uw organisatie');
      expect(r.remove).toBe(false);
      expect(r.locked).toBe(true);
    }
    await options.close();
  });

  it('a refresh sends If-None-Match and keeps the list on 304', async () => {
    const before = lists.log.length;
    await h!.worker.evaluate(() => (globalThis as unknown as { __izaTest: { refreshAll(f: boolean): Promise<void> } }).__izaTest.refreshAll(true));
    const again = lists.log.slice(before).filter((l) => l.path === '/a.ttl');
    expect(again.length).toBeGreaterThan(0);
    expect(again[0]?.ifNoneMatch).toBe(`"${LIST_A.length}"`);
    expect(again[0]?.ifModifiedSince).toBe('Tue, 01 Dec 2026 10:00:00 GMT');
  });

  it('a list that becomes invalid keeps its last good copy, and the options page says what went wrong', async () => {
    lists.set('/a.ttl', (_q, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Onderhoud</body></html>'));
    await h!.worker.evaluate(() => (globalThis as unknown as { __izaTest: { refreshAll(f: boolean): Promise<void> } }).__izaTest.refreshAll(true));
    const page = await openPage(h!, '/own-e2e/page.html');
    await untilTexts(page, (t) => t.includes('Buurtkracht'), 'last good copy still used');
    const options = await openOptions(h!);
    await options.waitForSelector('.collections .collection .error');
    await options.close();
    await page.close();
  });

  it('after a restart with the server answering 503, the last good copy is still in use', async () => {
    lists.set('/a.ttl', status(503, 'Service Unavailable'));
    lists.set('/b.ttl', status(503, 'Service Unavailable'));
    await stop();
    const before = lists.log.length;
    await start();
    const page = await openPage(h!, '/own-e2e/page.html');
    await untilTexts(page, (t) => t.includes('Stadsteam Zuid') && t.includes('Buurtkracht'), 'terms after restart');
    // It did try again at start.
    await until(async () => lists.log.slice(before).some((l) => l.path === '/a.ttl'), 15000, 'fetch at browser start');
    const options = await openOptions(h!);
    await options.waitForFunction(() => /503/.test(document.querySelector('.collections')?.textContent ?? ''), null, { timeout: 15000 });
    await options.close();
    await page.close();
  });
});
