// @vitest-environment happy-dom
/**
 * Precision for short specific forms (issue 22): a needs-company form (IZA, GALA, MIND…, listed
 * in glossary/context/topic.yaml) is not highlighted on a page where it is a name, a brand or an
 * everyday word, with no other term and no care cue (test/fixtures/topic/company/off), and every
 * highlight stays on policy pages (company/on, the seed pages, the demo letter, the coverage page),
 * compared with the same rule without the list. Pages are fed text node by text node, as the
 * engine does, and two run through the real PageEngine (happy-dom). The browsers:
 * test/e2e/topic-company.e2e.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageEngine } from '../../src/content/page-engine';
import { Painter } from '../../src/engine/paint';
import { TermIndex } from '../../src/engine/terms';
import { createMatcher } from '../../src/engine/matcher';
import { TopicGate } from '../../src/engine/topic';
import type { TopicRule } from '../../src/common/glossary-types';
import { GlossaryError } from '../../src/build/glossary-compile';
import { compileYaml, entryYaml, loadFullGlossary } from './helpers';
import { TOPIC_DIR, loadPages, type Page } from './topic-fixtures';

const glossary = loadFullGlossary();
const matcher = createMatcher(glossary.matcher);
const withoutList: TopicRule = { ...glossary.topic, needsCompany: { exact: {}, folded: {} } };
const FIXTURES = join(TOPIC_DIR, '..');

interface Shown {
  text: string;
  company: boolean;
}

/** Feeds a page through a gate with `rule`, node by node, taking what release() hands back. */
function run(page: Page, rule: TopicRule = glossary.topic): Shown[] {
  const gate = new TopicGate<number>(rule, glossary.matcher.generic, page.host);
  const probe = new TopicGate<number>(glossary.topic, glossary.matcher.generic, '');
  const shown: Shown[] = [];
  const take = (text: string, m: { start: number; end: number; ids: readonly string[] }) => {
    const t = text.slice(m.start, m.end);
    shown.push({ text: t, company: probe.needsCompany(t, m.ids) });
  };
  page.texts.forEach((text, i) => {
    for (const m of gate.feed(text, matcher.find(text), i)) take(text, m);
    for (const h of gate.release()) take(page.texts[h.tag] as string, h.match);
  });
  return shown;
}
const texts = (shown: Shown[]) => shown.map((s) => s.text).sort();

/** A page of test/fixtures (seeds, demo) as text nodes, served from 127.0.0.1 as in the e2e tests. */
function fixturePage(path: string): Page {
  const html = readFileSync(join(FIXTURES, path), 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/u.exec(html)?.[1] ?? '';
  const texts = body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gu, '')
    .split(/<[^>]+>/u)
    .map((t) => t.replace(/&nbsp;/gu, '\u00a0').replace(/&amp;/gu, '&'))
    .filter((t) => t.trim() !== '');
  return { name: path, host: '127.0.0.1', texts };
}

const off = loadPages('company/off');
const on = loadPages('company/on');

describe('needs-company forms on the fixture pages', () => {
  it('has the list, the pages, and something for the rule to stop', () => {
    expect(Object.keys(glossary.topic.needsCompany?.exact ?? {})).toEqual(expect.arrayContaining(['IZA', "IZA's", 'GALA', 'MIND', 'ZIN', 'SET', 'FACT', 'GIDS', 'CZ', 'EPA', 'DOT', 'DIAZ', 'Aedes']));
    expect(off.length).toBeGreaterThanOrEqual(7);
    expect(on.length).toBeGreaterThanOrEqual(3);
    // Without the list, the name and brand pages light up with these forms.
    expect(off.reduce((n, p) => n + run(p, withoutList).filter((s) => s.company).length, 0)).toBeGreaterThan(25);
  });

  for (const page of off) {
    it(`${page.name} (${page.host}): a name, brand or word, not highlighted`, () => {
      expect(run(page).filter((s) => s.company).map((s) => s.text)).toEqual([]);
    });
  }

  for (const page of on) {
    it(`${page.name} (${page.host}): every highlight stays, the needs-company forms too`, () => {
      const gated = run(page);
      expect(gated.some((s) => s.company)).toBe(true);
      expect(texts(gated)).toEqual(texts(run(page, withoutList)));
    });
  }

  const policy = [...readdirSync(join(FIXTURES, 'seeds')).filter((f) => f.endsWith('.html')).map((f) => `seeds/${f}`), 'demo/kamerbrief.html', 'coverage/nieuwe-termen-2026.html'];
  for (const path of policy) {
    it(`recall on ${path}: the same highlights as without the list`, () => {
      const page = fixturePage(path);
      const gated = run(page);
      expect(texts(gated)).toEqual(texts(run(page, withoutList)));
      expect(gated.length).toBeGreaterThan(20);
    });
  }
});

describe('needs-company forms: the rule', () => {
  const gateFor = (host: string) => new TopicGate<number>(glossary.topic, glossary.matcher.generic, host);
  const feed = (gate: TopicGate<number>, text: string, tag = 0) => gate.feed(text, matcher.find(text), tag).map((m) => text.slice(m.start, m.end));

  it('holds a lone form, and releases it once the page qualifies', () => {
    const gate = gateFor('www.voorbeeld.nl');
    expect(feed(gate, 'Nieuws over het IZA.', 1)).toEqual([]);
    expect(gate.release()).toEqual([]);
    feed(gate, 'De Zvw, de Wlz en de Wmo.', 2);
    expect(gate.release().map((h) => h.tag)).toEqual([1]);
  });
  it('shows it at once with a specific term or two care cues near it, not with one cue', () => {
    expect(feed(gateFor('www.voorbeeld.nl'), 'Het IZA en de Zvw.')).toEqual(['IZA', 'Zvw']);
    expect(feed(gateFor('www.voorbeeld.nl'), 'Het IZA gaat over behandelingen en medicijnen.')).toEqual(['IZA']);
    expect(feed(gateFor('www.voorbeeld.nl'), 'Het IZA en de medicijnen.')).toEqual([]);
  });
  it('does not count as a specific term until shown: three of them make no page about care', () => {
    const gate = gateFor('www.voorbeeld.nl');
    expect(feed(gate, 'IZA, GALA en MIND op de affiche.')).toEqual([]);
    expect(gate.specificCount).toBe(0);
    expect(gate.qualified).toBe(false);
  });
  it('counts once shown, and the long form of the same entry is specific at once', () => {
    const gate = gateFor('www.voorbeeld.nl');
    expect(feed(gate, 'Het Integraal Zorgakkoord.')).toEqual(['Integraal Zorgakkoord']);
    expect(gate.specificCount).toBe(1);
    expect(feed(gate, 'Het IZA gaat over behandelingen en medicijnen.')).toEqual(['IZA']);
    expect(gate.specificCount).toBe(1);
    expect(feed(gate, 'Het GALA en de Wmo.')).toEqual(['GALA', 'Wmo']);
    expect(gate.specificCount).toBe(3);
    expect(gate.qualified).toBe(true);
  });
  it('on a care site, or a page that qualifies, it shows whatever words stand near', () => {
    expect(feed(gateFor('www.zorginstituutnederland.nl'), 'Het ZIN.')).toEqual(['ZIN']);
    const gate = gateFor('www.voorbeeld.nl');
    feed(gate, 'De Zvw, de Wlz en de Wmo.');
    expect(feed(gate, 'Het IZA en de school, de auto en de bank.')).toEqual(['IZA']);
  });
  it('an apostrophe plural waits too; other forms are untouched', () => {
    expect(feed(gateFor('www.voorbeeld.nl'), "De IZA's van de regio.")).toEqual([]);
    expect(feed(gateFor('www.voorbeeld.nl'), 'De NZa.')).toEqual(['NZa']);
  });
});

/** Runs the engine over a fixture page's body with the gate; the indexed terms in document order. */
async function indexed(name: string): Promise<string[]> {
  const html = readFileSync(join(TOPIC_DIR, name), 'utf8');
  const host = /name="iza-test-host" content="([^"]+)"/u.exec(html)?.[1] ?? '';
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/u.exec(html)?.[1] ?? '';
  const index = new TermIndex(document);
  let engine: PageEngine | null = null;
  const painter = new Painter(document, { style: 'iza-u', canWrite: () => true, write: (fn) => (engine ? engine.write(fn) : fn()) });
  engine = new PageEngine(document, { matcher, topic: new TopicGate<Text>(glossary.topic, glossary.matcher.generic, host), index, painter, allow: (ids) => ids, firstOnly: 'off' });
  try {
    await engine.start();
    await engine.whenIdle();
    return index.occurrences().map((o) => o.entry.data.slice(o.start, o.end));
  } finally {
    engine.stop();
    document.body.replaceChildren();
  }
}

describe('needs-company forms in the engine', () => {
  it('a singer named IZA: nothing indexed', async () => {
    expect(await indexed('company/off/zangeres-iza.html')).toEqual([]);
  });
  it('a headline "IZA" before the evidence: held, then indexed in its place', async () => {
    const terms = await indexed('company/on/nieuws-iza-kop.html');
    expect(terms[0]).toBe('IZA');
    expect(terms.filter((t) => t === 'IZA')).toHaveLength(2);
  });
});

describe('needsCompany in glossary/context/topic.yaml', () => {
  const GLOSSARY =
    entryYaml('iza', 'Integraal Zorgakkoord', '  abbreviations:\n    - form: IZA\n      caseSensitive: true\n') +
    entryYaml('nza', 'Nederlandse Zorgautoriteit', '  abbreviations: [NZa]\n') +
    entryYaml('polis', 'polis', '  generic: true\n  sense: bij de zorgverzekering\n');
  const compile = (list: string) => compileYaml(GLOSSARY, 'glossary/test.yaml', { today: '2026-12-01', topic: { file: 'glossary/context/topic.yaml', text: `needsCompany: ${list}\nthresholds:\n  minCompanyCues: 1\n` } });
  const reasons = (list: string) => {
    try {
      compile(list);
      return [];
    } catch (err) {
      return (err as GlossaryError).problems.map((p) => p.reason);
    }
  };

  it('resolves each form, case-sensitive in its own case, with its apostrophe plural', () => {
    const rule = compile('[IZA, nza]').topic;
    expect(rule.needsCompany).toEqual({ exact: { IZA: ['iza'], "IZA's": ['iza'] }, folded: { nza: ['nza'], "nza's": ['nza'] } });
    expect(rule.minCompanyCues).toBe(1);
  });
  it('rejects a form no entry has (also in another case), a generic form, and a form listed twice', () => {
    expect(reasons('[Iza]')).toEqual(['needsCompany: "Iza" is not a form of any entry (a case-sensitive form counts in its own case only)']);
    expect(reasons('[polis]')).toEqual(['needsCompany: "polis" is a generic form already (generic forms always wait for evidence)']);
    expect(reasons('[IZA, IZA]')).toEqual(['needsCompany: "IZA" is listed twice']);
  });
});
