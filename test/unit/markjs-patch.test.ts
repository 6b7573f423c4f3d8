// @vitest-environment happy-dom
/**
 * The mark.js patch (src/build/markjs-patch.ts): for a text-node context mark.js no longer
 * creates a NodeIterator, and it marks exactly as the unpatched library does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import Mark from 'mark.js';
import { patchMarkJs } from '../../src/build/markjs-patch';

const ROOT = join(import.meta.dirname, '..', '..');
const ranges = [
  { start: 4, length: 3 },
  { start: 11, length: 13 },
];

function markText(M: typeof Mark, html: string, ctx: (p: HTMLElement) => Node): string {
  document.body.innerHTML = html;
  const p = document.body.firstElementChild as HTMLElement;
  new M(ctx(p) as HTMLElement).markRanges(ranges, { element: 'mark', className: 'x' });
  return document.body.innerHTML;
}

describe('mark.js patch', () => {
  it('is applied: a text-node context creates no NodeIterator', () => {
    const spy = vi.spyOn(document, 'createNodeIterator');
    document.body.innerHTML = '<p>Een Zvw en passende zorg hier</p>';
    const text = document.body.firstElementChild?.firstChild as Text;
    new Mark(text as unknown as HTMLElement).markRanges(ranges, { element: 'mark' });
    expect(spy).not.toHaveBeenCalled();
    expect([...document.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Zvw', 'passende zorg']);
    spy.mockRestore();
  });

  it('leaves element contexts to the browser NodeIterator', () => {
    const spy = vi.spyOn(document, 'createNodeIterator');
    markText(Mark, '<p>Een Zvw en <b>passende</b> zorg hier</p>', (p) => p);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('marks exactly as the unpatched mark.js', () => {
    const file = join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.js');
    const load = (src: string): typeof Mark => {
      const module = { exports: {} as unknown };
      new Function('module', 'exports', src)(module, module.exports);
      return module.exports as typeof Mark;
    };
    const original = load(readFileSync(file, 'utf8'));
    const patched = load(patchMarkJs(readFileSync(file, 'utf8'), file));
    for (const html of ['<p>Een Zvw en passende zorg hier</p>', '<p>Een Zvw en <b>passende</b> zorg hier</p>']) {
      for (const ctx of [(p: HTMLElement) => p, (p: HTMLElement) => p.firstChild as Node]) {
        expect(markText(patched, html, ctx)).toBe(markText(original, html, ctx));
      }
    }
  });

  it('stops the build when mark.js no longer has the patched call', () => {
    expect(() => patchMarkJs('function createIterator() {}', 'mark.js')).toThrow(/mark\.js: expected one/);
  });
});
