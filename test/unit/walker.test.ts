// @vitest-environment happy-dom
/**
 * The text walk as the engine uses it on a page that is still being parsed: a forward walk that
 * has reached the end of what exists resumes after it when more is added (also when it ended at
 * an excluded element the parser was still filling), and a walk bounded by `until` stops there.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTextWalk, type TextWalk } from '../../src/content/walker';

const hooks = { onShadowRoot: () => undefined };

function drain(w: TextWalk): string[] {
  const out: string[] = [];
  for (let t = w.next(); t !== null; t = w.next()) out.push(t.data);
  return out;
}

describe('createTextWalk', () => {
  beforeEach(() => {
    document.body.innerHTML = '<p>een</p><p>twee <b>drie</b></p>';
  });

  it('resumes after the last node when the page adds more, without walking the start again', () => {
    const w = createTextWalk(document.body, hooks);
    expect(drain(w)).toEqual(['een', 'twee ', 'drie']);
    document.body.insertAdjacentHTML('beforeend', '<p>vier</p>');
    document.querySelector('b')!.append(' vijf');
    expect(drain(w)).toEqual([' vijf', 'vier']);
    expect(w.next()).toBeNull();
  });

  it('ended at an excluded element, it steps over that element again and resumes after it', () => {
    document.body.insertAdjacentHTML('beforeend', '<script>var a = 1;</script>');
    const w = createTextWalk(document.body, hooks);
    expect(drain(w)).toEqual(['een', 'twee ', 'drie']);
    const script = document.querySelector('script')!;
    script.append(' var b = 2;'); // Still being filled: never walked.
    expect(w.next()).toBeNull();
    document.body.insertAdjacentHTML('beforeend', '<p>na het script</p>');
    expect(drain(w)).toEqual(['na het script']);
  });

  it('a walk bounded by `until` ends with that node', () => {
    document.body.insertAdjacentHTML('beforeend', '<p id="x">vier</p><p>vijf</p>');
    const until = document.getElementById('x')!.firstChild!;
    expect(drain(createTextWalk(document.body, hooks, { until }))).toEqual(['een', 'twee ', 'drie', 'vier']);
    // Bounded by an element: the text before it only.
    expect(drain(createTextWalk(document.body, hooks, { until: document.getElementById('x')! }))).toEqual(['een', 'twee ', 'drie']);
  });

  it('position() tells where a walk stands', () => {
    const w = createTextWalk(document.body, hooks);
    w.next();
    expect((w.position() as Text).data).toBe('een');
  });
});

/**
 * The forward walk (a text walker, and an element scan running ahead of it) against a plain
 * recursive walk of the same tree: the same text nodes in the same order, headings met in the same
 * place, every open shadow root noted, from any start and up to any `until`, with scans that look
 * far ahead or only one element at a time.
 */
describe('forward walk against a recursive reference', () => {
  const TAGS = ['p', 'div', 'span', 'b', 'h2', 'pre', 'code', 'script', 'li', 'section'];
  type Tree = { tag: string; editable?: boolean; shadow?: boolean; children: (Tree | string)[] };
  const text = fc.constantFrom('zorg', 'x', ' ', '', 'Wmo en Zvw', '\n');
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.record({
      tag: fc.constantFrom(...TAGS),
      editable: fc.constantFrom(false, false, false, true),
      shadow: fc.constantFrom(false, false, false, false, true),
      children: fc.array(fc.oneof({ depthSize: 'small' }, text, tie('node')), { maxLength: 4 }),
    }),
  })).node;

  const build = (t: Tree, into: Node): void => {
    const el = document.createElement(t.tag);
    if (t.editable) el.setAttribute('contenteditable', '');
    if (t.shadow && (t.tag === 'div' || t.tag === 'section')) el.attachShadow({ mode: 'open' });
    into.appendChild(el);
    for (const c of t.children) {
      if (typeof c === 'string') el.appendChild(document.createTextNode(c));
      else build(c, el);
    }
  };
  const EXCLUDED = new Set(['pre', 'code', 'script']);
  /** Events of a walk in order: 'H' for a heading, 'S' for a shadow root, else a text node's index. */
  function reference(root: Node, all: Text[]): string[] {
    const out: string[] = [];
    const visit = (n: Node): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          if ((c as Text).length > 1) out.push(String(all.indexOf(c as Text)));
          continue;
        }
        const el = c as Element;
        if (EXCLUDED.has(el.localName) || el.hasAttribute('contenteditable')) continue;
        if (el.shadowRoot) out.push('S');
        if (el.localName === 'h2') out.push('H');
        visit(el);
      }
    };
    visit(root);
    return out;
  }
  function walked(root: Node, all: Text[], opts: Parameters<typeof createTextWalk>[2]): string[] {
    const out: string[] = [];
    const w = createTextWalk(root, { onShadowRoot: () => out.push('S'), onHeading: () => out.push('H') }, opts);
    for (let t = w.next(); t !== null; t = w.next()) out.push(String(all.indexOf(t)));
    return out;
  }
  const texts = (root: Node): Text[] => {
    const out: Text[] = [];
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = w.nextNode(); t; t = w.nextNode()) out.push(t as Text);
    return out;
  };
  /** Shadow roots and headings are noted ahead of the text in the walk: compare texts, and counts. */
  const textsOnly = (a: string[]): string[] => a.filter((x) => x !== 'S');
  const count = (a: string[], x: string): number => a.filter((y) => y === x).length;

  it('walks what the reference walks, headings in place, every shadow root once', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 6 }), (trees, ahead) => {
        document.body.innerHTML = '';
        for (const t of trees) build(t, document.body);
        const all = texts(document.body);
        const want = reference(document.body, all);
        for (const scanAhead of [ahead, 512]) {
          const got = walked(document.body, all, { scanAhead });
          expect(textsOnly(got)).toEqual(textsOnly(want));
          expect(count(got, 'S')).toBe(count(want, 'S'));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('from a start node and up to an until node, walks the reference slice', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat(), fc.integer({ min: 1, max: 6 }), (trees, a, b, scanAhead) => {
        document.body.innerHTML = '';
        for (const t of trees) build(t, document.body);
        const all = texts(document.body);
        const want = reference(document.body, all).filter((x) => x !== 'H' && x !== 'S').map(Number);
        if (want.length === 0) return;
        const from = want[a % want.length] as number;
        const to = want[Math.max(a % want.length, b % want.length)] as number;
        if (to === from) return; // The walk starts after `start`: an `until` there is never met.
        const got = walked(document.body, all, { start: all[from], until: all[to], scanAhead }).filter((x) => x !== 'H' && x !== 'S').map(Number);
        expect(got).toEqual(want.filter((i) => i > from && i <= to));
      }),
      { numRuns: 400 },
    );
  });

  it('a walk that resumes as the tree grows (a page being parsed) skips excluded elements added later', () => {
    document.body.innerHTML = '<p>een</p>';
    const w = createTextWalk(document.body, hooks, { scanAhead: 1 });
    expect(drain(w)).toEqual(['een']);
    document.body.insertAdjacentHTML('beforeend', '<pre>niet dit</pre><p>twee <code>ook niet</code> drie</p>');
    expect(drain(w)).toEqual(['twee ', ' drie']);
    document.body.insertAdjacentHTML('beforeend', '<h2>vier</h2>');
    expect(drain(w)).toEqual(['vier']);
  });

  it('resync: after an insert behind the scan, scans again from where the text walk stands', () => {
    document.body.innerHTML = '<p>een</p><p id="a">twee</p><p>drie</p>';
    const w = createTextWalk(document.body, hooks);
    expect(w.next()?.data).toBe('een');
    // The scan has looked at every element already; a script puts a <pre> before "twee".
    document.getElementById('a')!.insertAdjacentHTML('beforebegin', '<pre>code</pre>');
    w.resync?.();
    expect(drain(w)).toEqual(['twee', 'drie']);
  });
});
