// @vitest-environment happy-dom
/**
 * The topic gate inside the real PageEngine (happy-dom): on the fixture pages, what the engine
 * indexes has no generic term on an off-topic page, and on a policy page everything the engine
 * finds without the gate, also generic terms held back before the page qualified (released and
 * rescanned). The browsers' e2e test (test/e2e/topic.e2e.test.ts) checks the painting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PageEngine } from '../../src/content/page-engine';
import { Painter } from '../../src/engine/paint';
import { TermIndex } from '../../src/engine/terms';
import { createMatcher } from '../../src/engine/matcher';
import { TopicGate } from '../../src/engine/topic';
import { TOPIC_DIR, glossaryWithGeneric } from './topic-fixtures';

const glossary = glossaryWithGeneric();
const matcher = createMatcher(glossary.matcher);
const probe = new TopicGate<Text>(glossary.topic, glossary.matcher.generic, '');

/** Runs the engine over a fixture page's body; the indexed terms as "text" in document order. */
async function indexed(name: string, gate: boolean): Promise<{ all: string[]; generic: string[] }> {
  const html = readFileSync(join(TOPIC_DIR, name), 'utf8');
  const host = /name="iza-test-host" content="([^"]+)"/.exec(html)?.[1] ?? '';
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  const index = new TermIndex(document);
  let engine: PageEngine | null = null;
  const painter = new Painter(document, { style: 'iza-u', canWrite: () => true, write: (fn) => (engine ? engine.write(fn) : fn()) });
  engine = new PageEngine(document, {
    matcher,
    ...(gate ? { topic: new TopicGate<Text>(glossary.topic, glossary.matcher.generic, host) } : {}),
    index,
    painter,
    allow: (ids) => ids,
    firstOnly: 'off',
  });
  try {
    await engine.start();
    await engine.whenIdle();
    const all = index.occurrences().map((o) => o.entry.data.slice(o.start, o.end));
    const generic = index.occurrences().filter((o) => probe.isGeneric(o.entry.data.slice(o.start, o.end), o.ids)).map((o) => o.entry.data.slice(o.start, o.end));
    return { all, generic };
  } finally {
    engine.stop();
    document.body.replaceChildren();
  }
}

describe('topic gate in the engine', () => {
  for (const page of ['off/autoverzekering.html', 'off/financieel-adviseur.html', 'off/sportclub.html', 'off/tv-internet.html']) {
    it(`${page}: no generic term indexed (there are some without the gate)`, async () => {
      expect((await indexed(page, false)).generic.length).toBeGreaterThan(0);
      expect((await indexed(page, true)).generic).toEqual([]);
    });
  }
  for (const page of ['on/kamerbrief-iza.html', 'on/nieuws-eigen-risico.html', 'on/gemeente-wmo.html']) {
    it(`${page}: every term the engine finds without the gate`, async () => {
      const without = await indexed(page, false);
      const gated = await indexed(page, true);
      expect(gated.generic.length).toBeGreaterThan(0);
      expect(gated.all.sort()).toEqual(without.all.sort());
    });
  }
});
