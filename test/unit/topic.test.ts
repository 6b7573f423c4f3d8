/**
 * The specific/generic rule on the fixture pages (test/fixtures/topic): generic terms give no
 * highlight on pages that are not about care, and every highlight of the policy pages stays
 * (compared with the gate switched off). Pages are fed text node by text node, as the engine does.
 */
import { describe, expect, it } from 'vitest';
import { createMatcher } from '../../src/engine/matcher';
import { TopicGate, hostMatches } from '../../src/engine/topic';
import type { TermMatch } from '../../src/engine/matcher';
import { glossaryWithGeneric, loadPages, type Page } from './topic-fixtures';

const glossary = glossaryWithGeneric();
const matcher = createMatcher(glossary.matcher);

interface Run {
  shown: { text: string; ids: readonly string[]; generic: boolean }[];
  generic: number;
  specific: number;
}

/** Feeds a page through the gate, node by node, then takes what release() hands back at the end. */
function run(page: Page, disabled = false): Run {
  const gate = new TopicGate<number>(glossary.topic, glossary.matcher.generic, page.host, { disabled });
  const shown: Run['shown'] = [];
  const take = (text: string, m: TermMatch | { start: number; end: number; ids: readonly string[] }) =>
    shown.push({ text: text.slice(m.start, m.end), ids: m.ids, generic: gate.isGeneric(text.slice(m.start, m.end), m.ids) });
  page.texts.forEach((text, i) => {
    for (const m of gate.feed(text, matcher.find(text), i)) take(text, m);
    for (const h of gate.release()) take(page.texts[h.tag] as string, h.match);
  });
  const generic = shown.filter((s) => s.generic).length;
  return { shown, generic, specific: shown.length - generic };
}

const off = loadPages('off');
const on = loadPages('on');

describe('topic gate on the fixture pages', () => {
  it('has the fixture pages and generic forms to test with', () => {
    expect(off.length).toBeGreaterThanOrEqual(8);
    expect(on.length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(glossary.matcher.generic.folded)).toEqual(expect.arrayContaining(['eigen risico', 'zorgplicht', 'basispakket', 'vrijwilligers']));
    // Without the gate, the off-topic pages are full of generic hits: the test has something to stop.
    expect(off.reduce((n, p) => n + run(p, true).generic, 0)).toBeGreaterThan(30);
  });

  for (const page of off) {
    it(`off-topic ${page.name} (${page.host}): no generic term highlighted`, () => {
      const r = run(page);
      expect(r.shown.filter((s) => s.generic).map((s) => s.text)).toEqual([]);
    });
  }

  for (const page of on) {
    it(`policy page ${page.name} (${page.host}): every highlight stays`, () => {
      const gated = run(page);
      const all = run(page, true);
      expect(all.generic).toBeGreaterThan(0);
      expect(gated.shown.map((s) => s.text).sort()).toEqual(all.shown.map((s) => s.text).sort());
    });
  }

  it('reports recall and false hits', () => {
    const sum = (pages: Page[], f: (p: Page) => number) => pages.reduce((n, p) => n + f(p), 0);
    const onGated = sum(on, (p) => run(p).shown.length);
    const onAll = sum(on, (p) => run(p, true).shown.length);
    const onGenericGated = sum(on, (p) => run(p).generic);
    const onGenericAll = sum(on, (p) => run(p, true).generic);
    const offGeneric = sum(off, (p) => run(p).generic);
    const offGenericAll = sum(off, (p) => run(p, true).generic);
    const offSpecific = sum(off, (p) => run(p).specific);
    const lines = [
      `policy pages: ${onGated}/${onAll} highlights kept (${((100 * onGated) / onAll).toFixed(1)}%), generic ${onGenericGated}/${onGenericAll}`,
      `off-topic pages: generic false hits ${offGeneric} (gate off: ${offGenericAll}); specific hits left ${offSpecific}: ${off
        .flatMap((p) => run(p).shown.filter((s) => !s.generic).map((s) => s.text))
        .join(', ')}`,
    ];
    console.log(lines.join('\n'));
    expect(onGated).toBe(onAll);
    expect(offGeneric).toBe(0);
  });
});

describe('topic gate: the rule', () => {
  const gateFor = (host: string) => new TopicGate<number>(glossary.topic, glossary.matcher.generic, host);
  const feed = (gate: TopicGate<number>, text: string, tag = 0) => gate.feed(text, matcher.find(text), tag).map((m) => text.slice(m.start, m.end));

  it('matches site patterns: a host and its subdomains, and "ggd*" labels', () => {
    expect(hostMatches('www.nza.nl', ['nza.nl'])).toBe(true);
    expect(hostMatches('nza.nl.evil.com', ['nza.nl'])).toBe(false);
    expect(hostMatches('www.ggdhaaglanden.nl', ['ggd*'])).toBe(true);
    expect(hostMatches('ggd.amsterdam.nl', ['ggd*'])).toBe(true);
    expect(hostMatches('www.eggdecor.nl', ['ggd*'])).toBe(false);
  });
  it('shows a generic form at once on a care site, and never one outweighed by negative cues', () => {
    expect(feed(gateFor('www.zilverenkruis.nl'), 'Het eigen risico bedraagt dit jaar een vast bedrag.')).toEqual(['eigen risico']);
    expect(feed(gateFor('www.zilverenkruis.nl'), 'Het eigen risico van je autoverzekering bij schade aan de auto.')).toEqual([]);
  });
  it('holds a generic form until the page has enough specific terms, then releases it', () => {
    const gate = gateFor('www.voorbeeld.nl');
    expect(feed(gate, 'Over het eigen risico.', 1)).toEqual([]);
    expect(gate.release()).toEqual([]);
    feed(gate, 'De Zvw, de Wlz en de Wmo.', 2);
    expect(gate.qualified).toBe(true);
    expect(gate.release().map((h) => h.tag)).toEqual([1]);
    expect(gate.release()).toEqual([]);
  });
  it('counts specific terms near a generic form as strong cues', () => {
    expect(feed(gateFor('www.voorbeeld.nl'), 'Het eigen risico in de Zvw gaat omlaag.')).toEqual(['eigen risico', 'Zvw']);
  });
  it('needs one specific term on a policy site', () => {
    const gate = gateFor('www.rijksoverheid.nl');
    feed(gate, 'Informatie over de Wmo.');
    expect(feed(gate, 'Wat is een eigen bijdrage?')).toEqual(['eigen bijdrage']);
  });
  it('a page whose negative cue words outweigh its specific terms does not qualify', () => {
    const gate = gateFor('www.voorbeeld.nl');
    expect(feed(gate, 'Onze zorgplicht.', 1)).toEqual([]);
    feed(gate, 'Een hypotheek, een lening of beleggen: de zorgplicht van de bank.');
    feed(gate, 'Ook voor huisartsen, fysiotherapeuten en andere zorgverleners.');
    expect(gate.specificCount).toBe(3);
    expect(gate.qualified).toBe(false);
    expect(gate.release()).toEqual([]);
  });
  it('a forgotten tag is not released', () => {
    const gate = gateFor('www.voorbeeld.nl');
    feed(gate, 'Het basispakket.', 7);
    gate.forget((t) => t === 7);
    feed(gate, 'De Zvw, de Wlz en de Wmo.', 8);
    expect(gate.release()).toEqual([]);
  });
});
