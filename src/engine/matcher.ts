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
import type { FlatTrie } from '../compiler/trie-pattern';
import { normalizeForm } from '../compiler/trie-pattern';

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

/** Matched texts whose entry ids the matcher remembers (see resolveMatched). */
const RESOLVED_MAX = 4096;

/** The result for text without terms (shared, never changed). */
const NONE = Object.freeze([]) as unknown as TermMatch[];

/** Size of the first-word filter: a hashed set of the forms' first words (about 1,000 of them). */
const FIRST_WORD_BITS = 18;
const FIRST_WORD_MASK = (1 << FIRST_WORD_BITS) - 1;
/** A word's key in that set: its first code units (folded) and its length. */
const FIRST_WORD_HASHED = 4;
/** The running hash of a word's key (the same in the filter and on the page). */
const step = (h: number, c: number): number => (Math.imul(h, 31) + c) | 0;

/**
 * What may follow a form's first word, as bits of the filter's entry for that word: the form
 * ends there (then the walk always runs); a space and a word starting with one of a-z, or with
 * another code unit; a hyphen; any other code unit. On policy text this sends "de", "het" and
 * "van" to the walk only when the next word can go on a form ("de Nederlandse GGZ").
 */
const ENDS_HERE = 1;
const AFTER_SPACE_OTHER = 1 << 27;
const AFTER_HYPHEN = 1 << 28;
const AFTER_OTHER = 1 << 29;
/** The bit for a space and then the folded code unit `c`. */
const afterSpace = (c: number): number => (c >= 97 && c <= 122 ? 1 << (c - 96) : AFTER_SPACE_OTHER);

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
  /**
   * The first words of the forms, hashed (so a few false positives), each with what may follow
   * it (ENDS_HERE…): a form can only start at a page word that is, folded, the form's whole first
   * word, followed by what the form has there (it ends, or goes on with a space and a next word,
   * a hyphen, a dot…, which the page must have too). On policy text this leaves about one word in
   * twenty for the trie walk (one in three with the first word alone, mostly "de" and "het").
   */
  const firstWords = new Int32Array(1 << FIRST_WORD_BITS);
  const exact = new Map(Object.entries(data.exact));
  const folded = new Map(Object.entries(data.folded));

  /** Whether normalizeForm would leave `text` as it is (most matched text: then no copies). */
  const isNormal = (text: string): boolean => {
    const n = text.length;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (classes[c] === SPACE_CLASS) {
        if (c !== SPACE || k === 0 || k === n - 1 || classes[text.charCodeAt(k + 1)] === SPACE_CLASS) return false;
      } else if (c === 0x2018 || c === 0x2019 || c === 0x2010 || c === 0x2011) return false;
    }
    return true;
  };

  const resolve = (text: string): readonly string[] | null => {
    const key = isNormal(text) ? text : normalizeForm(text);
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
    // The first-word filter, from the trie's paths of word code units. A surrogate may be half of
    // a letter: the word may end there or go on (both are registered).
    const register = (node: number, h: number, len: number): void => {
      const key = step(h, len) & FIRST_WORD_MASK;
      let follows = ends[node] === 1 ? ENDS_HERE : 0;
      for (let e = first[node] as number; e < (first[node + 1] as number); e++) {
        const c = chars[e] as number;
        const cls = classes[c];
        if (cls !== WORD) {
          if (cls === SURROGATE) follows |= AFTER_OTHER;
          else if (c === HYPHEN) follows |= AFTER_HYPHEN;
          else if (c !== SPACE) follows |= AFTER_OTHER;
          else for (let f = first[e + 1] as number; f < (first[e + 2] as number); f++) follows |= afterSpace(chars[f] as number);
        }
        if (cls === WORD || cls === SURROGATE) register(e + 1, len < FIRST_WORD_HASHED ? step(h, c) : h, len + 1);
      }
      firstWords[key] = (firstWords[key] as number) | follows;
    };
    for (let e = 0; e < (first[1] as number); e++) {
      const c = chars[e] as number;
      if (classes[c] === WORD || classes[c] === SURROGATE) register(e + 1, step(0, c), 1);
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
  /**
   * End of the longest form that starts at `start` and ends at a word boundary, or -1. This runs
   * for about one word in four of the page (those some form begins with), code unit by code unit:
   * the trie's arrays are read into locals and the child lookup is inlined.
   */
  const longestAt = (s: string, start: number, t: Trie): number => {
    const n = s.length;
    const { first, chars, ends, second, depth1 } = t;
    const classTable = classes; // Locals: a closure's variables are read through its context.
    const foldTable = FOLD;
    let c = foldTable[s.charCodeAt(start)] || foldOf(s.charCodeAt(start)); // The folded code unit `node` consumed…
    let node = t.root[c] as number;
    let j = start; // …and where it is.
    let best = -1;
    while (node !== 0) {
      // A space in a form stands for a whole run of whitespace (whitespace, and only that, folds
      // to a space).
      if (c === SPACE) while (j + 1 < n && classTable[s.charCodeAt(j + 1)] === SPACE_CLASS) j++;
      j++;
      if (j >= n) {
        if (ends[node] === 1) {
          best = j;
          bestNode = node;
        }
        break;
      }
      const d = s.charCodeAt(j);
      c = foldTable[d] || foldOf(d);
      if (ends[node] === 1 && !isWord(classTable[c] as number, s, j)) {
        best = j;
        bestNode = node;
      }
      if (node <= depth1 && c < 128) {
        node = second[(node - 1) * 128 + c] as number;
      } else {
        const end = first[node + 1] as number;
        let e = first[node] as number;
        while (e < end && chars[e] !== c) e++;
        node = e < end ? e + 1 : 0;
      }
    }
    return best;
  };

  /**
   * resolve()'s answers for text matched where a case-sensitive form ends (the same few, such as
   * "Zvw" and "NZa", come back all through a page), up to RESOLVED_MAX of them.
   */
  const resolved = new Map<string, readonly string[] | null>();
  const resolveMatched = (s: string): readonly string[] | null => {
    let ids = resolved.get(s);
    if (ids === undefined) {
      ids = resolve(s);
      if (resolved.size < RESOLVED_MAX) resolved.set(s, ids);
    }
    return ids;
  };

  /** The match that starts at `i`, or null (a form found only by ignoring case is none). */
  const matchAt = (text: string, i: number, t: Trie): TermMatch | null => {
    const end = longestAt(text, i, t);
    if (end < 0) return null;
    const ids = idsOfNode(t, bestNode) ?? resolveMatched(text.slice(i, end));
    return ids ? { start: i, end, ids } : null;
  };

  /** Whether a match that ends before `end` ends with a word character (else, e.g., a dot). */
  const endsInWord = (text: string, end: number): boolean => classes[fold(text.charCodeAt(end - 1))] === WORD;

  /** The filter's bit for what the page has after a word that ends at `at` (see ENDS_HERE). */
  const followingBit = (text: string, at: number): number => {
    const n = text.length;
    if (at >= n) return 0;
    const c = fold(text.charCodeAt(at));
    if (c === HYPHEN) return AFTER_HYPHEN;
    if (c !== SPACE) return AFTER_OTHER;
    let j = at + 1;
    while (j < n && classes[text.charCodeAt(j)] === SPACE_CLASS) j++;
    return j < n ? afterSpace(fold(text.charCodeAt(j))) : 0;
  };

  const find = (text: string): TermMatch[] => {
    let out: TermMatch[] | null = null; // Most text nodes have no term: no allocation for them.
    const n = text.length;
    if (n === 0) return NONE;
    const t = (trie ??= load());
    // The tables in locals: each lookup below runs for every code unit of the page.
    const classTable = classes;
    const foldTable = FOLD;
    const words = firstWords;
    const root = t.root;
    let i = 0;
    let prevWord = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      const cls = classTable[c] as number;
      const word = isWord(cls, text, i);
      let next = i + 1; // Where to go on when no form starts here.
      let candidate: boolean;
      if (word) {
        // A word (the character before is none): read it whole, hashing its first folded code
        // units and its length (this runs for every letter of the page: the lookups are inlined).
        // Only a word that is some form's first word gets the trie walk.
        let h = step(0, foldTable[c] || foldOf(c));
        const hashEnd = Math.min(n, i + FIRST_WORD_HASHED);
        for (; next < hashEnd; next++) {
          const d = text.charCodeAt(next);
          const dc = classTable[d] as number;
          if (dc !== WORD && !(dc === SURROGATE && astralWord(text, next))) break;
          h = step(h, foldTable[d] || foldOf(d));
        }
        // The rest of a long word only counts towards its length.
        if (next === hashEnd) {
          for (; next < n; next++) {
            const dc = classTable[text.charCodeAt(next)] as number;
            if (dc !== WORD && !(dc === SURROGATE && astralWord(text, next))) break;
          }
        }
        const follows = words[step(h, next - i) & FIRST_WORD_MASK] as number;
        candidate = follows !== 0 && ((follows & ENDS_HERE) !== 0 || (follows & followingBit(text, next)) !== 0);
      } else {
        // Not a word character: a few forms start with one (e.g. a quote); never right after a word.
        candidate = !prevWord && root[foldTable[c] || foldOf(c)] !== 0;
      }
      const m = candidate ? matchAt(text, i, t) : null;
      if (m) {
        (out ??= []).push(m);
        i = m.end;
        prevWord = endsInWord(text, i);
      } else {
        i = next;
        prevWord = word;
      }
    }
    return out ?? NONE;
  };

  return { find, resolve, prepare: () => void (trie ??= load()) };
}

/**
 * The matches to highlight: `allow` keeps the ids that may be (the category filter), and with a
 * `seen` set only each entry's first occurrence is kept (and noted there). Allocates nothing when
 * every match passes whole.
 */
export function keepMatches(found: TermMatch[], allow: (ids: readonly string[]) => readonly string[], seen: Set<string> | null): TermMatch[] {
  let keep: TermMatch[] | null = null;
  for (let k = 0; k < found.length; k++) {
    const m = found[k] as TermMatch;
    let ids = allow(m.ids);
    if (ids.length > 0 && seen !== null) {
      ids = ids.filter((id) => !seen.has(id));
      for (const id of ids) seen.add(id);
    }
    if (ids === m.ids && keep === null) continue;
    keep ??= found.slice(0, k);
    if (ids.length > 0) keep.push(ids === m.ids ? m : { ...m, ids });
  }
  return keep ?? found;
}
