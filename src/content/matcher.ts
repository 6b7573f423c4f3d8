/**
 * The pure term matcher: a character trie of every surface form, one pass over a string, and
 * the lookup that applies each surface form's case rule. No DOM here, so it is unit-tested in
 * Node.
 *
 * Why a hand-written trie walk and not one big regular expression: the combined pattern of
 * ~1,500 forms is ~27 KB of regex source. V8 first interprets such a pattern and compiles it to
 * machine code later, which cost 80-150 ms on every page load (one long task), and matched at
 * ~50 ns per character. The walk below needs no compilation, skips mid-word positions with one
 * table lookup, and matches the same text as the pattern of trie-pattern.ts, which the unit
 * tests hold it to (figures in bench/RESULTS.md).
 */
import type { MatcherData } from '../common/glossary-types';
import type { FlatTrie } from '../build/trie-pattern';
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
  /** Builds the trie now (else the first find() does), so the caller can give it its own slice. */
  prepare(): void;
}

const SPACE = 32;
const APOSTROPHE = 39;
const HYPHEN = 45;

/** JavaScript's \s: these code units form the whitespace runs that a space in a form matches. */
const WHITESPACE = [9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
for (let c = 0x2000; c <= 0x200a; c++) WHITESPACE.push(c);

/** Per code unit: 1 = continues a word; 2 = whitespace. */
const WORD = 1;
const SPACE_CLASS = 2;

interface Trie {
  /** Child of the root per code unit (0 = none). */
  root: Int32Array;
  /** Per node: its first edge; its edges end where the next node's begin. Edge e leads to node e + 1. */
  first: Int32Array;
  /** Per edge: its code unit. */
  chars: Uint16Array;
  /** Per node: a form ends here. */
  ends: Uint8Array;
}

/** The code unit a form uses for a page's code unit (quotes, hyphens and spaces have variants). */
function canonical(c: number, classes: Uint8Array): number {
  if (classes[c] === SPACE_CLASS) return SPACE;
  if (c === 0x2018 || c === 0x2019) return APOSTROPHE;
  if (c === 0x2010 || c === 0x2011) return HYPHEN;
  return c;
}

function loadTrie(flat: FlatTrie): Trie {
  const nodes = flat.counts.length;
  const first = new Int32Array(nodes + 1);
  for (let n = 0; n < nodes; n++) first[n + 1] = (first[n] as number) + flat.counts.charCodeAt(n) - 48;
  const chars = new Uint16Array(flat.chars.length);
  for (let e = 0; e < chars.length; e++) chars[e] = flat.chars.charCodeAt(e);
  const ends = new Uint8Array(nodes);
  for (let n = 0; n < nodes; n++) ends[n] = flat.ends.charCodeAt(n) - 48;
  const root = new Int32Array(65536);
  for (let e = 0; e < (first[1] as number); e++) root[chars[e] as number] = e + 1;
  return { root, first, chars, ends };
}

/** The child of `node` along code unit `c`, or 0. */
function childOf(t: Trie, node: number, c: number): number {
  const end = t.first[node + 1] as number;
  for (let e = t.first[node] as number; e < end; e++) if (t.chars[e] === c) return e + 1;
  return 0;
}

/** Lower-cases `text` code unit by code unit, so offsets stay the same ("İ" stays as it is). */
function lowerInPlace(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const ch of text) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

export function createMatcher(data: MatcherData): Matcher {
  const classes = new Uint8Array(65536);
  for (let i = 0; i < data.wordRanges.length; i += 2) classes.fill(WORD, data.wordRanges[i], (data.wordRanges[i + 1] as number) + 1);
  for (const c of WHITESPACE) classes[c] = SPACE_CLASS;
  let trie: Trie | null = null; // Built on first use: a page without text never pays for it.
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

  /** End of the longest form that starts at `start` and ends at a word boundary, or -1. */
  const longestAt = (s: string, start: number, t: Trie): number => {
    const n = s.length;
    let node = t.root[canonical(s.charCodeAt(start), classes)] as number;
    let j = start; // The code unit that `node` consumed.
    let best = -1;
    while (node !== 0) {
      // A space in a form stands for a whole run of whitespace.
      if (classes[s.charCodeAt(j)] === SPACE_CLASS) while (j + 1 < n && classes[s.charCodeAt(j + 1)] === SPACE_CLASS) j++;
      j++;
      const after = j < n ? s.charCodeAt(j) : -1;
      if (t.ends[node] === 1 && (after < 0 || classes[after] !== WORD)) best = j;
      if (after < 0) break;
      node = childOf(t, node, canonical(after, classes));
    }
    return best;
  };

  const find = (text: string): TermMatch[] => {
    const out: TermMatch[] = [];
    const n = text.length;
    if (n === 0) return out;
    const t = (trie ??= loadTrie(data.trie));
    const s = lowerInPlace(text);
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const cls = classes[s.charCodeAt(i)];
      if (prevWord || t.root[canonical(s.charCodeAt(i), classes)] === 0) {
        prevWord = cls === WORD;
        continue;
      }
      const end = longestAt(s, i, t);
      if (end > 0) {
        const ids = resolve(text.slice(i, end));
        if (ids) {
          out.push({ start: i, end, ids });
          i = end - 1;
          prevWord = classes[s.charCodeAt(i)] === WORD;
          continue;
        }
        // Matched only by ignoring case (e.g. "gala" for GALA): not a term. Go on from the next
        // character, so a later term is still found.
      }
      prevWord = cls === WORD;
    }
    return out;
  };

  return { find, resolve, prepare: () => void (trie ??= loadTrie(data.trie)) };
}
