/**
 * Page integrity as properties, the same code in happy-dom (test/unit/page-integrity.test.ts)
 * and in real Chromium (test/e2e/page-integrity.e2e.test.ts, bundled by esbuild). They drive the
 * real PageEngine with createMatcher over the mini glossary on random trees (test/tools/dom-trees.ts):
 *
 *  - highlighting leaves the page's text (textContent) exactly as it was;
 *  - every term in a text node the engine may touch is marked, and nothing else;
 *  - every mark holds exactly one whole term: its text resolves to exactly its data-iza ids;
 *  - nothing is marked inside input, textarea, pre, code, script, style, editable regions, …;
 *  - highlighting twice equals highlighting once, and again after switching off;
 *  - switching off restores the serialized DOM byte for byte, node for node;
 *  - when the page then changes its own nodes (sets text, removes, moves, adds), the result reads
 *    as it would without the extension, and switching off gives the page's own DOM.
 *
 * Where the CSS Custom Highlight API exists (Chromium) terms are painted, so the properties are
 * stronger: while terms are only painted the DOM is byte-identical, node for node, to the page
 * without the extension; a term put in use (wrapped, as for a card or focus) changes only itself,
 * and releasing it gives the identical DOM again. In happy-dom (no such API) the painter falls
 * back to wrapping, and the marks are checked as before.
 */
import fc from 'fast-check';
import { PageEngine, MUTATION_BATCH_MS } from '../../src/content/page-engine';
import { Painter } from '../../src/engine/paint';
import { TermIndex, type Occurrence } from '../../src/engine/terms';
import { EXCLUDED_SELECTOR } from '../../src/engine/dom-rules';
import type { Matcher } from '../../src/engine/matcher';
import type { FirstOnly } from '../../src/common/settings';
import { SKIPPED, build, textArb, treeArb, type Spec } from './dom-trees';

export interface StaticCase {
  tree: Spec[];
  firstOnly: FirstOnly;
}

export type Op =
  | { op: 'data'; i: number; text: string }
  | { op: 'textContent'; i: number; text: string }
  | { op: 'remove'; i: number }
  | { op: 'append'; i: number; tree: Spec[] }
  | { op: 'before'; i: number; tree: Spec[] }
  | { op: 'move'; i: number; to: number };

export interface MutationCase {
  tree: Spec[];
  ops: Op[];
}

export const staticCase: fc.Arbitrary<StaticCase> = fc.record({
  tree: treeArb,
  firstOnly: fc.constantFrom<FirstOnly>('off', 'off', 'off', 'page', 'section'),
});

const idx = fc.nat({ max: 200 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('data' as const), i: idx, text: textArb }),
  fc.record({ op: fc.constant('textContent' as const), i: idx, text: textArb }),
  fc.record({ op: fc.constant('remove' as const), i: idx }),
  fc.record({ op: fc.constant('append' as const), i: idx, tree: treeArb }),
  fc.record({ op: fc.constant('before' as const), i: idx, tree: treeArb }),
  fc.record({ op: fc.constant('move' as const), i: idx, to: idx }),
);
export const mutationCase: fc.Arbitrary<MutationCase> = fc.record({ tree: treeArb, ops: fc.array(opArb, { minLength: 1, maxLength: 4 }) });

const OURS = 'mark.iza-term[data-iza]';

/** What the cases covered, so a run that never marked anything cannot pass unnoticed. */
export const coverage = { cases: 0, marks: 0, skippedTexts: 0, uses: 0 };
const STYLE = 'iza-u';
const SKIP_SELECTOR = SKIPPED.join(',');

function fail(what: string, got: unknown, want: unknown): never {
  throw new Error(`${what}\n  got:  ${JSON.stringify(got)}\n  want: ${JSON.stringify(want)}`);
}
function eq<T>(got: T, want: T, what: string): void {
  if (got === want) return;
  if (typeof got !== 'string' || typeof want !== 'string') fail(what, got, want);
  let i = 0;
  while (got[i] === want[i]) i++;
  const at = Math.max(0, i - 60);
  fail(`${what} (first difference at ${i})`, got.slice(at, i + 100), want.slice(at, i + 100));
}

/** Editable per HTML: the nearest valid contenteditable decides (an oracle of our own). */
function editable(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    const v = e.getAttribute('contenteditable')?.toLowerCase();
    if (v === '' || v === 'true' || v === 'plaintext-only') return true;
    if (v === 'false') return false;
  }
  return false;
}

/** Every node under `root` with its text, for "same nodes, same order, same data". */
function snapshot(root: Node): [Node, string | null][] {
  const out: [Node, string | null][] = [];
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      out.push([c, c.nodeType === 3 || c.nodeType === 8 ? (c as CharacterData).data : null]);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function sameNodes(root: Node, before: [Node, string | null][], what: string): void {
  const now = snapshot(root);
  eq(now.length, before.length, `${what}: node count`);
  now.forEach(([n, d], i) => {
    const [n0, d0] = before[i] as [Node, string | null];
    if (n !== n0) fail(`${what}: node ${i} is not the page's own node`, n.nodeName, n0.nodeName);
    eq(d, d0, `${what}: text of node ${i}`);
  });
}

/** The marks the engine should make on an untouched tree: "text=ids" in document order. */
function expectedMarks(root: Element, matcher: Matcher, firstOnly: FirstOnly): string[] {
  const out: string[] = [];
  let seen = new Set<string>();
  const walk = (n: Node) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1) {
        const el = c as Element;
        if (el.matches(EXCLUDED_SELECTOR)) continue;
        if (firstOnly === 'section' && /^h[1-6]$/.test(el.localName)) seen = new Set();
        walk(el);
      } else if (c.nodeType === 3) {
        const data = (c as Text).data;
        if (data.length < 2) continue;
        for (const m of matcher.find(data)) {
          let ids = m.ids;
          if (firstOnly !== 'off') {
            ids = ids.filter((id) => !seen.has(id));
            if (ids.length === 0) continue;
            ids.forEach((id) => seen.add(id));
          }
          out.push(`${data.slice(m.start, m.end)}=${ids.join(' ')}`);
        }
      }
    }
  };
  walk(root);
  return out;
}

function markList(root: Element): string[] {
  return [...root.querySelectorAll(OURS)].map((m) => `${m.textContent}=${m.getAttribute('data-iza')}`);
}

/** Every mark: one whole term, the right ids, a single text node, never in a skipped place. */
function checkMarks(root: Element, matcher: Matcher, exactIds: boolean): void {
  for (const m of root.querySelectorAll(OURS)) {
    const text = m.textContent ?? '';
    const ids = (m.getAttribute('data-iza') ?? '').split(' ');
    const resolved = matcher.resolve(text);
    if (!resolved) fail('a mark holds no term', text, 'a glossary form');
    if (exactIds) eq(ids.join(' '), resolved.join(' '), `ids of mark "${text}"`);
    else if (ids.length === 0 || !ids.every((id) => resolved.includes(id))) fail(`ids of mark "${text}"`, ids, resolved);
    const found = matcher.find(text);
    if (found.length !== 1 || found[0]?.start !== 0 || found[0]?.end !== text.length) fail('a mark is not exactly one whole term', text, found);
    if (m.childNodes.length !== 1 || m.firstChild?.nodeType !== 3) fail('a mark holds more than its text', m.innerHTML, text);
    if (!m.classList.contains(STYLE)) fail('a mark lacks the style class', m.className, STYLE);
    const parent = m.parentElement;
    if (parent?.closest(SKIP_SELECTOR)) fail('a mark inside a skipped element', parent.closest(SKIP_SELECTOR)?.localName, 'none');
    if (editable(parent)) fail('a mark inside an editable region', text, 'none');
    if (parent?.closest(OURS)) fail('a mark inside a mark', text, 'none');
  }
}

interface Run {
  engine: PageEngine;
  painter: Painter;
  index: TermIndex;
  stop(): void;
}

function engineFor(doc: Document, matcher: Matcher, firstOnly: FirstOnly): Run {
  const index = new TermIndex(doc);
  let engine: PageEngine | null = null;
  const painter = new Painter(doc, { style: STYLE, canWrite: () => true, write: (fn) => (engine ? engine.write(fn) : fn()) });
  engine = new PageEngine(doc, { matcher, index, painter, allow: (ids) => ids, firstOnly });
  const e = engine;
  return { engine: e, painter, index, stop: () => e.stop() };
}

const occText = (o: Occurrence): string => o.entry.data.slice(o.start, o.end);

/** What is highlighted: marks (wrap mode), or the painted occurrences, checked against the page's highlight. */
function highlighted(root: Element, run: Run): string[] {
  if (run.painter.mode === 'wrap') return markList(root);
  const painted = run.index.occurrences().filter((o) => o.entry.painted);
  const registry = (root.ownerDocument.defaultView as Window & { CSS: { highlights: Map<string, Set<AbstractRange>> } }).CSS.highlights;
  const ranges = [...(registry.get(STYLE) ?? [])];
  eq(ranges.length, painted.length, 'ranges in the page highlight');
  const texts = new Set(ranges.map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)));
  for (const o of painted) if (!texts.has(occText(o))) fail('an occurrence is not painted', occText(o), [...texts]);
  return painted.map((o) => `${occText(o)}=${o.ids.join(' ')}`);
}

/** Painted occurrences: each one whole term with its ids, never in a skipped or editable place. */
function checkPainted(run: Run, matcher: Matcher, exactIds: boolean): void {
  for (const o of run.index.occurrences()) {
    const text = occText(o);
    const resolved = matcher.resolve(text);
    if (!resolved) fail('an occurrence holds no term', text, 'a glossary form');
    if (exactIds) eq(o.ids.join(' '), resolved.join(' '), `ids of "${text}"`);
    const parent = o.startNode.parentElement;
    if (parent?.closest(SKIP_SELECTOR)) fail('a term inside a skipped element', parent.closest(SKIP_SELECTOR)?.localName, 'none');
    if (editable(parent)) fail('a term inside an editable region', text, 'none');
  }
}

function checkAll(root: Element, run: Run, matcher: Matcher, exactIds: boolean): void {
  if (run.painter.mode === 'wrap') checkMarks(root, matcher, exactIds);
  else checkPainted(run, matcher, exactIds);
}

/**
 * Highlight mode: every painted term can be put in use (one element, its text only) and released
 * (the DOM byte-identical and node-identical again).
 */
function checkUses(root: Element, run: Run, html: string, nodes: [Node, string | null][], text: string | null): void {
  if (run.painter.mode === 'wrap') return;
  for (const o of run.index.occurrences().filter((x) => x.entry.painted).slice(0, 3)) {
    const el = run.painter.use(o);
    if (!el) fail('a painted term could not be put in use', occText(o), 'an element');
    eq(el.textContent, occText(o), 'the element written for a term in use');
    eq(root.textContent, text, 'a term in use changed the page text');
    eq(root.querySelectorAll(OURS).length, 1, 'elements written for one term in use');
    run.painter.release(o);
    eq(root.innerHTML, html, 'releasing a term did not restore the DOM');
    sameNodes(root, nodes, 'releasing a term');
    coverage.uses++;
  }
}

/** The static properties on one tree, in `doc.body`. Throws with a description on failure. */
export async function checkStatic(doc: Document, matcher: Matcher, c: StaticCase): Promise<void> {
  const body = doc.body;
  body.replaceChildren(...build(doc, c.tree));
  const html0 = body.innerHTML;
  const text0 = body.textContent;
  const nodes0 = snapshot(body);
  const want = expectedMarks(body, matcher, c.firstOnly);
  const runs: Run[] = [];
  const start = async () => {
    const r = engineFor(doc, matcher, c.firstOnly);
    runs.push(r);
    await r.engine.start();
    return r;
  };
  try {
    const e1 = await start();
    coverage.cases++;
    coverage.marks += e1.index.count();
    coverage.skippedTexts += body.querySelectorAll(SKIP_SELECTOR).length;
    eq(body.textContent, text0, 'highlighting changed the page text');
    checkAll(body, e1, matcher, c.firstOnly === 'off');
    eq(highlighted(body, e1).join(' | '), want.join(' | '), 'terms highlighted');
    const html1 = body.innerHTML;
    if (e1.painter.mode === 'highlight') {
      eq(html1, html0, 'painting changed the DOM');
      sameNodes(body, nodes0, 'painting');
      checkUses(body, e1, html0, nodes0, text0);
    }
    let e2: Run | null = null;
    if (c.firstOnly === 'off' && e1.painter.mode === 'wrap') {
      e2 = await start();
      eq(body.innerHTML, html1, 'highlighting twice differs from highlighting once');
    }
    e1.stop();
    e2?.stop();
    eq(body.innerHTML, html0, 'switching off did not restore the DOM');
    sameNodes(body, nodes0, 'switching off');
    const e3 = await start();
    eq(body.innerHTML, html1, 'highlighting again after switching off differs');
    e3.stop();
    eq(body.innerHTML, html0, 'switching off a second time did not restore the DOM');
    sameNodes(body, nodes0, 'switching off a second time');
  } finally {
    for (const r of runs) r.stop();
    body.replaceChildren();
  }
}

/** Applies page writes to a node list (the page's own nodes, in build order). */
function apply(doc: Document, nodes: Node[], ops: readonly Op[]): void {
  const pick = (i: number) => nodes[i % nodes.length] as Node;
  // Not into a <template>: happy-dom puts its children into its content (detached), browsers don't.
  const into = (n: Node) => n.nodeType === 1 && (n as Element).localName !== 'template';
  for (const o of ops) {
    if (nodes.length === 0) {
      if (o.op === 'append') doc.body.append(...build(doc, o.tree));
      continue;
    }
    const n = pick(o.i);
    if (o.op === 'data') {
      if (n.nodeType === 3 || n.nodeType === 8) (n as CharacterData).data = o.text;
    } else if (o.op === 'textContent') {
      n.textContent = o.text;
    } else if (o.op === 'remove') {
      (n as ChildNode).remove();
    } else if (o.op === 'append') {
      if (into(n)) (n as Element).append(...build(doc, o.tree));
    } else if (o.op === 'before') {
      if (n.parentNode) (n as ChildNode).before(...build(doc, o.tree));
    } else {
      const to = pick(o.to);
      if (into(to) && !n.contains(to)) (to as Element).append(n);
    }
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Highlights a tree, lets the page write to its own nodes, and compares with the same writes on
 * a copy in a document without the extension.
 */
export async function checkMutations(doc: Document, matcher: Matcher, c: MutationCase): Promise<void> {
  const body = doc.body;
  const made: Node[] = [];
  body.replaceChildren(...build(doc, c.tree, made));
  const plain = doc.implementation.createHTMLDocument('');
  const plainMade: Node[] = [];
  plain.body.replaceChildren(...build(plain, c.tree, plainMade));
  const e = engineFor(doc, matcher, 'off');
  try {
    await e.engine.start();
    apply(doc, made, c.ops);
    apply(plain, plainMade, c.ops);
    await sleep(MUTATION_BATCH_MS + 20);
    await e.engine.whenIdle();
    coverage.cases++;
    coverage.marks += e.index.count();
    eq(body.textContent, plain.body.textContent, 'after page writes, the text differs from the page without us');
    checkAll(body, e, matcher, true);
    eq(highlighted(body, e).join(' | '), expectedMarks(plain.body, matcher, 'off').join(' | '), 'terms after page writes');
    if (e.painter.mode === 'highlight') eq(body.innerHTML, plain.body.innerHTML, 'after page writes, painting changed the DOM');
    e.stop();
    eq(body.innerHTML, plain.body.innerHTML, 'after page writes, switching off did not give the page its own DOM');
  } finally {
    e.stop();
    body.replaceChildren();
  }
}

export const staticProperty = (doc: Document, matcher: Matcher) =>
  fc.asyncProperty(staticCase, (c) => checkStatic(doc, matcher, c));
export const mutationProperty = (doc: Document, matcher: Matcher) =>
  fc.asyncProperty(mutationCase, (c) => checkMutations(doc, matcher, c));
