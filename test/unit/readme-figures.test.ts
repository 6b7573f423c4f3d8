/** The README's figures match the code (docs tell the truth): the term count of the bundled glossary. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFullGlossary } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README figures', () => {
  it('names the number of bundled terms the build compiles', () => {
    const g = loadFullGlossary();
    const m = /(\d[\d,]*) terms in all, with about ([\d,]+) forms/.exec(readme);
    expect(m, 'README says "N terms in all, with about M forms"').not.toBeNull();
    expect(Number(m![1]!.replace(/,/g, ''))).toBe(g.entries.length);
    const forms = Object.keys(g.matcher.exact).length + Object.keys(g.matcher.folded).length;
    expect(Math.abs(Number(m![2]!.replace(/,/g, '')) - forms)).toBeLessThan(150);
  });
});
