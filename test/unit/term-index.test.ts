// @vitest-environment happy-dom
/**
 * The index's count: occurrences of open entries, with the ones whose text the page removed or
 * changed left out once the page's change is reported (touch(), which the engine calls for every
 * batch of mutations); between changes it adds up without reading the page.
 */
import { describe, expect, it } from 'vitest';
import { TermIndex, makeEntry } from '../../src/engine/terms';

const match = (start: number, end: number) => ({ start, end, ids: ['zvw'] });

describe('TermIndex.count', () => {
  it('counts added and dropped entries, and leaves out invalid ones after touch()', () => {
    document.body.innerHTML = '<p>Zvw en Zvw</p><p>de Zvw</p><p>Zvw</p>';
    const [a, b, c] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text) as [Text, Text, Text];
    const index = new TermIndex(document);
    const ea = makeEntry(a, [match(0, 3), match(7, 10)], 0);
    const eb = makeEntry(b, [match(3, 6)], 1);
    index.add(ea);
    index.add(eb);
    expect(index.count()).toBe(3);
    index.add(makeEntry(c, [match(0, 3)], 2));
    expect(index.count()).toBe(4);
    index.drop(eb);
    expect(index.count()).toBe(3);

    a.data = 'iets anders'; // The page changes a text with two occurrences…
    c.remove(); // …and removes one.
    index.touch();
    expect(index.count()).toBe(0);
    // Dropping an entry found invalid does not count it out twice.
    index.drop(ea);
    expect(index.count()).toBe(0);
    // A new entry for the changed text counts again.
    index.add(makeEntry(a, [match(0, 4)], 0));
    expect(index.count()).toBe(1);
    index.clear();
    expect(index.count()).toBe(0);
  });
});
