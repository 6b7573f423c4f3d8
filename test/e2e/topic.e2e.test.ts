/**
 * Generic terms in real browsers (issue 13): built from the real glossary with the entries of
 * test/fixtures/topic/generic.yaml marked generic, the extension paints no generic term on an
 * off-topic page (car insurance, a financial adviser) and paints them on policy pages, also when
 * the generic term comes before the specific terms that make the page qualify (held, then
 * released). The card says which sense a generic term has. Chromium and Firefox ESR.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, hoverTerm, launch, openPage, painted, settle, type Harness } from './chromium';
import { Firefox } from './firefox';
import { PAINTED_SRC, type PaintedTerm } from './painted';
import { genericGlossaryFiles } from '../unit/topic-fixtures';
import { normalizeForm } from '../../src/compiler/trie-pattern';

const GLOSSARY = join(ROOT, '.tmp', 'glossary-topic');
const DIST = join(ROOT, '.tmp', 'dist-topic');
const { files, topic } = genericGlossaryFiles();

/** The generic forms of that glossary (lower case), from its compiled matcher data. */
let genericForms = new Set<string>();
const isGeneric = (text: string) => genericForms.has(normalizeForm(text).toLowerCase());
const genericOf = (terms: PaintedTerm[]) => terms.map((t) => t.text).filter(isGeneric);

beforeAll(async () => {
  rmSync(GLOSSARY, { recursive: true, force: true });
  mkdirSync(join(GLOSSARY, 'context'), { recursive: true });
  for (const f of files) writeFileSync(join(GLOSSARY, basename(f.file)), f.text);
  writeFileSync(join(GLOSSARY, 'context', 'topic.yaml'), topic.text);
  const r = spawnSync(process.execPath, ['build.mjs'], {
    cwd: ROOT,
    env: { ...process.env, IZA_GLOSSARY_DIR: '.tmp/glossary-topic', IZA_DIST_DIR: '.tmp/dist-topic' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const { glossaryWithGeneric } = await import('../unit/topic-fixtures');
  genericForms = new Set(Object.keys(glossaryWithGeneric().matcher.generic.folded));
}, 120000);

describe('generic terms in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch({ extensionDir: join(DIST, 'chrome') });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an off-topic page (car insurance, "eigen risico" eleven times) shows no generic term', async () => {
    const page = await openPage(h, '/topic/off/autoverzekering.html');
    const terms = await painted(page);
    expect(genericOf(terms)).toEqual([]);
    // The engine did run: the cross-sold health insurance in the navigation is a specific term.
    expect(terms.map((t) => t.text.toLowerCase())).toContain('zorgverzekering');
    await page.close();
  });

  it('a financial adviser\'s "zorgplicht" is not highlighted', async () => {
    const page = await openPage(h, '/topic/off/financieel-adviseur.html', { marks: false });
    expect(genericOf(await painted(page))).toEqual([]);
    await page.close();
  });

  it('a policy page shows its generic terms, and the card names the sense', async () => {
    const page = await openPage(h, '/topic/on/kamerbrief-iza.html');
    const g = genericOf(await painted(page)).map((t) => t.toLowerCase());
    expect(g).toEqual(expect.arrayContaining(['zorgplicht', 'basispakket', 'vrijwilligers', 'eigen risico']));
    await hoverTerm(page, 'eigen risico');
    await page.waitForFunction(() => !!document.querySelector('iza-begrippen-card')?.shadowRoot?.querySelector('.sense'));
    const sense = await page.evaluate(() => document.querySelector('iza-begrippen-card')!.shadowRoot!.querySelector('.sense')!.textContent);
    // The sense comes from the glossary entry (glossary/financiering.yaml, eigen-risico).
    expect(sense).toMatch(/^In de betekenis: (bij|in) de zorgverzekering$/);
    await page.close();
  });

  it('a generic term before the evidence is held, then painted once the page qualifies', async () => {
    // The headline "Eigen risico gaat omlaag" comes before every specific term of the article.
    const page = await openPage(h, '/topic/on/nieuws-eigen-risico.html');
    await settle(page);
    expect(genericOf(await painted(page, 'h1'))).toEqual(['Eigen risico']);
    const texts = genericOf(await painted(page)).map((t) => t.toLowerCase());
    expect(texts.filter((t) => t === 'eigen risico')).toHaveLength(5);
    await page.close();
  });
});

describe('generic terms in Firefox ESR', () => {
  let ff: Firefox;
  beforeAll(async () => {
    ff = await Firefox.launch({ extensionDir: join(DIST, 'firefox') });
  });
  afterAll(async () => {
    await ff?.close();
  });
  const paintedNow = () => ff.eval<PaintedTerm[]>(`(${PAINTED_SRC})('')`);
  /** Waits until the painted terms stop changing. */
  const settled = async () => {
    let last = -1;
    for (let stable = 0; stable < 5; ) {
      await new Promise((r) => setTimeout(r, 80));
      const n = (await paintedNow()).length;
      stable = n === last ? stable + 1 : 0;
      last = n;
    }
  };

  it('an off-topic page shows no generic term; a policy page shows them', async () => {
    await ff.navigate(`${ff.origin}/topic/off/autoverzekering.html`);
    await ff.waitFor(`(${PAINTED_SRC})('').length > 0`);
    await settled();
    expect(genericOf(await paintedNow())).toEqual([]);

    await ff.navigate(`${ff.origin}/topic/on/kamerbrief-iza.html`);
    await ff.waitFor(`(${PAINTED_SRC})('').length > 0`);
    await settled();
    const g = genericOf(await paintedNow()).map((t) => t.toLowerCase());
    expect(g).toEqual(expect.arrayContaining(['zorgplicht', 'basispakket', 'vrijwilligers', 'eigen risico']));
  });
});
