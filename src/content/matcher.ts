/**
 * The pure term matcher: one precompiled pattern, one pass over a string, and the lookup that
 * applies each surface form's case rule. No DOM here, so it is unit-tested in Node.
 */
import type { MatcherData } from '../common/glossary-types';
import { normalizeForm } from '../build/trie-pattern';

export interface TermMatch {
  start: number;
  end: number;
  /** Entry ids; more than one when the form is declared ambiguous. */
  ids: readonly string[];
}

export interface Matcher {
  /** Every term occurrence in `text`, in order, non-overlapping, longest first. */
  find(text: string): TermMatch[];
  /** Entry ids for a piece of text that is exactly one surface form, or null. */
  resolve(text: string): readonly string[] | null;
}

export function createMatcher(data: MatcherData): Matcher {
  // Compiled once per content-script instance; reused (via lastIndex) for every text node.
  const re = new RegExp(data.pattern, 'giu');
  const exact = new Map(Object.entries(data.exact));
  const folded = new Map(Object.entries(data.folded));

  const resolve = (text: string): readonly string[] | null => {
    const key = normalizeForm(text);
    const a = exact.get(key);
    const b = folded.get(key.toLowerCase());
    // An ambiguous form may be case-sensitive in one entry and not in another: all meanings count.
    if (a && b) return [...a, ...b.filter((id) => !a.includes(id))];
    return a ?? b ?? null;
  };

  const find = (text: string): TermMatch[] => {
    const out: TermMatch[] = [];
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const ids = resolve(m[0]);
      if (ids) {
        out.push({ start: m.index, end: m.index + m[0].length, ids });
      } else {
        // Matched only by ignoring case (e.g. "gala" for GALA): not a term. Try from the next
        // character so a shorter form starting here can't hide a later term.
        re.lastIndex = m.index + 1;
      }
    }
    return out;
  };

  return { find, resolve };
}
