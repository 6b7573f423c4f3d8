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
/** Half of a surrogate pair: whether it continues a word depends on the code point it forms. */
const SURROGATE = 3;

/** Letters, marks and numbers beyond the BMP (rare on a page: tested only when met). */
const ASTRAL_WORD = /^[\p{L}\p{M}\p{N}]/u;

/** Whether the code point at code unit `i` (either half of a pair) continues a word. */
function astralWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  const at = c >= 0xdc00 && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800 ? i - 1 : i;
  return ASTRAL_WORD.test(String.fromCodePoint(text.codePointAt(at) as number));
}

interface Trie {
  /** Child of the root per code unit (0 = none). */
  root: Int32Array;
  /** Per node: its first edge; its edges end where the next node's begin. Edge e leads to node e + 1. */
  first: Int32Array;
  /** Per edge: its code unit. */
  chars: Uint16Array;
  /** Per node: a form ends here. */
  ends: Uint8Array;
  /** Nodes 1..depth1 are the root's children… */
  depth1: number;
  /** …and their children along ASCII code units, in one table ((node - 1) * 128 + code unit). */
  second: Int32Array;
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
  const depth1 = first[1] as number;
  for (let e = 0; e < depth1; e++) root[chars[e] as number] = e + 1;
  const second = new Int32Array(depth1 * 128);
  for (let n = 1; n <= depth1; n++) {
    for (let e = first[n] as number; e < (first[n + 1] as number); e++) if ((chars[e] as number) < 128) second[(n - 1) * 128 + (chars[e] as number)] = e + 1;
  }
  return { root, first, chars, ends, depth1, second };
}

/** The child of `node` along code unit `c`, or 0. */
function childOf(t: Trie, node: number, c: number): number {
  const end = t.first[node + 1] as number;
  for (let e = t.first[node] as number; e < end; e++) if (t.chars[e] === c) return e + 1;
  return 0;
}

/**
 * Per code unit: the code unit a form has in its place, i.e. the lower case (when it is one code
 * unit: "İ" stays as it is) made canonical. Filled lazily beyond ASCII, 0 = not yet known (the
 * matcher then needs no lower-cased copy of the page's text).
 */
function createFold(classes: Uint8Array): { table: Uint16Array; compute(c: number): number } {
  const table = new Uint16Array(65536);
  const compute = (c: number): number => {
    const l = String.fromCharCode(c).toLowerCase();
    const f = canonical(l.length === 1 ? l.charCodeAt(0) : c, classes);
    table[c] = f;
    return f;
  };
  for (let c = 1; c < 128; c++) compute(c);
  return { table, compute };
}

/** The result for text without terms (shared, never changed). */
const NONE = Object.freeze([]) as unknown as TermMatch[];

const hash2 = (a: number, b: number): number => (a * 977 + b) & 0xffff;
const hash3 = (a: number, b: number, c: number): number => (hash2(a, b) * 977 + c) & 0xffff;

export function createMatcher(data: MatcherData): Matcher {
  const classes = new Uint8Array(65536);
  for (let i = 0; i < data.wordRanges.length; i += 2) classes.fill(WORD, data.wordRanges[i], (data.wordRanges[i + 1] as number) + 1);
  for (const c of WHITESPACE) classes[c] = SPACE_CLASS;
  classes.fill(SURROGATE, 0xd800, 0xe000);
  /** Whether code unit `i` of `text`, of class `cls`, continues a word. */
  const isWord = (cls: number, text: string, i: number): boolean => cls === WORD || (cls === SURROGATE && astralWord(text, i));
  const { table: FOLD, compute: foldOf } = createFold(classes);
  /** The folded code unit (inlined lookups: this runs for every character of the page). */
  const fold = (c: number): number => FOLD[c] || foldOf(c);
  let trie: Trie | null = null; // Built on first use: a page without text never pays for it.
  /** Per end node: the entry ids when no case-sensitive form ends there, so no lookup is needed. */
  const nodeIds: (readonly string[] | null | undefined)[] = [];
  /** Which starts of a word can begin a form (hashed, so a few false positives), by length. */
  const starts1 = new Uint8Array(65536);
  const starts2 = new Uint8Array(65536);
  const starts3 = new Uint8Array(65536);
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

  let parent = new Int32Array(0);
  let caseSensitive: Set<string> | null = null;

  const load = (): Trie => {
    const t = loadTrie(data.trie);
    const { first, chars, ends } = t;
    parent = new Int32Array(ends.length);
    for (let n = 0; n < ends.length; n++) for (let e = first[n] as number; e < (first[n + 1] as number); e++) parent[e + 1] = n;
    // The start filter, from the trie's first three levels: every form registers its first three
    // code units, or, when shorter or with a space second (a run of whitespace may stand for it),
    // fewer.
    for (let e1 = 0; e1 < (first[1] as number); e1++) {
      const n1 = e1 + 1;
      const a = chars[e1] as number;
      if (ends[n1] === 1) starts1[a] = 1;
      for (let e2 = first[n1] as number; e2 < (first[n1 + 1] as number); e2++) {
        const n2 = e2 + 1;
        const b = chars[e2] as number;
        if (b === SPACE) starts1[a] = 1;
        else if (ends[n2] === 1) starts2[hash2(a, b)] = 1;
        for (let e3 = first[n2] as number; e3 < (first[n2 + 1] as number); e3++) starts3[hash3(a, b, chars[e3] as number)] = 1;
      }
    }
    return t;
  };

  /**
   * The entry ids of the form that ends at `node` when no case-sensitive form ends there (then no
   * lookup of the page's text is needed), else null. Worked out on first use of each node.
   */
  const idsOfNode = (t: Trie, node: number): readonly string[] | null => {
    let ids = nodeIds[node];
    if (ids === undefined) {
      let form = '';
      for (let m = node; m !== 0; m = parent[m] as number) form = String.fromCharCode(t.chars[m - 1] as number) + form;
      caseSensitive ??= new Set([...exact.keys()].map((k) => k.toLowerCase()));
      ids = caseSensitive.has(form) ? null : (folded.get(form) ?? null);
      nodeIds[node] = ids;
    }
    return ids;
  };

  /** Last node of the longest form that starts at `start` and ends at a word boundary. */
  let bestNode = 0;
  /** End of the longest form that starts at `start` and ends at a word boundary, or -1. */
  const longestAt = (s: string, start: number, t: Trie): number => {
    const n = s.length;
    let node = t.root[fold(s.charCodeAt(start))] as number;
    let j = start; // The code unit that `node` consumed.
    let best = -1;
    while (node !== 0) {
      // A space in a form stands for a whole run of whitespace.
      if (classes[s.charCodeAt(j)] === SPACE_CLASS) while (j + 1 < n && classes[s.charCodeAt(j + 1)] === SPACE_CLASS) j++;
      j++;
      const after = j < n ? fold(s.charCodeAt(j)) : -1;
      if (t.ends[node] === 1 && (after < 0 || !isWord(classes[after] as number, s, j))) {
        best = j;
        bestNode = node;
      }
      if (after < 0) break;
      node = node <= t.depth1 && after < 128 ? (t.second[(node - 1) * 128 + after] as number) : childOf(t, node, after);
    }
    return best;
  };

  const find = (text: string): TermMatch[] => {
    let out: TermMatch[] | null = null; // Most text nodes have no term: no allocation for them.
    const n = text.length;
    if (n === 0) return NONE;
    const t = (trie ??= load());
    const root = t.root;
    let prevWord = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      // Inside a word: only whether it goes on (folding keeps a code unit's class).
      if (prevWord) {
        prevWord = isWord(classes[c] as number, text, i);
        continue;
      }
      const f = FOLD[c] || foldOf(c);
      if (root[f] === 0) {
        prevWord = isWord(classes[c] as number, text, i);
        continue;
      }
      // Most words start no form: three table lookups rule them out before the trie walk.
      if (starts1[f] === 0) {
        const c2 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        const f2 = FOLD[c2] || foldOf(c2);
        const c3 = i + 2 < n ? text.charCodeAt(i + 2) : 0;
        if (starts2[hash2(f, f2)] === 0 && starts3[hash3(f, f2, FOLD[c3] || foldOf(c3))] === 0) {
          prevWord = isWord(classes[f] as number, text, i);
          continue;
        }
      }
      const end = longestAt(text, i, t);
      if (end > 0) {
        const ids = idsOfNode(t, bestNode) ?? resolve(text.slice(i, end));
        if (ids) {
          (out ??= []).push({ start: i, end, ids });
          i = end - 1;
          prevWord = classes[fold(text.charCodeAt(i))] === WORD;
          continue;
        }
        // Matched only by ignoring case (e.g. "gala" for GALA): not a term. Go on from the next
        // character, so a later term is still found.
      }
      prevWord = isWord(classes[f] as number, text, i);
    }
    return out ?? NONE;
  };

  return { find, resolve, prepare: () => void (trie ??= load()) };
}
