/**
 * Builds one regular-expression source from many surface forms, as a character trie, so the
 * engine matches every term in a single pass. Shared prefixes are written once, which keeps the
 * pattern small and fast for V8's irregexp. At every branch the longer continuation is tried
 * first (greedy optional groups), so the longest form wins at a given start position.
 */

/** Characters in a form that stand for a small class of equivalent characters in page text. */
const EQUIVALENTS: Record<string, string> = {
  ' ': '\\s+',
  "'": "['\\u2018\\u2019]",
  '-': '[\\-\\u2010\\u2011]',
};

const SYNTAX = /[\\^$.*+?()[\]{}|/]/;

function tokenRegex(ch: string): string {
  const eq = EQUIVALENTS[ch];
  if (eq !== undefined) return eq;
  return SYNTAX.test(ch) ? `\\${ch}` : ch;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

function newNode(): TrieNode {
  return { children: new Map(), end: false };
}

function serialize(node: TrieNode): string {
  const keys = [...node.children.keys()].sort();
  const alts = keys.map((k) => tokenRegex(k) + serialize(node.children.get(k) as TrieNode));
  if (alts.length === 0) return '';
  const group = alts.length === 1 && !node.end ? (alts[0] as string) : `(?:${alts.join('|')})`;
  return node.end ? `${group}?` : group;
}

/** Letters, combining marks and digits continue a word; everything else is a boundary. */
export const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

/**
 * The code units of the Basic Multilingual Plane that WORD_CHAR matches, as flat [first, last]
 * pairs, computed at build time from the Unicode properties. The content script turns them into
 * a lookup table. Surrogates are left out: a character outside the BMP next to a term (an emoji,
 * say) counts as a boundary.
 */
export function bmpWordRanges(): number[] {
  const word = new RegExp(`^${WORD_CHAR}$`, 'u');
  const out: number[] = [];
  let start = -1;
  for (let c = 0; c <= 0x10000; c++) {
    const isWord = c < 0x10000 && (c < 0xd800 || c > 0xdfff) && word.test(String.fromCharCode(c));
    if (isWord && start < 0) start = c;
    if (!isWord && start >= 0) {
      out.push(start, c - 1);
      start = -1;
    }
  }
  return out;
}

/**
 * Returns the trie of `forms` as one regular-expression group, to be wrapped by unicodePattern.
 * The content script matches with its own trie walker (matcher.ts); this pattern is the
 * reference it is tested against, and the benchmark's markRegExp anchor. Forms must be lower-cased with whitespace collapsed to single spaces.
 */
export function buildTrie(forms: Iterable<string>): string {
  const root = trieOf(forms);
  // A group that can never match, so an empty glossary still yields a valid RegExp.
  if (root.children.size === 0) return '(?!)';
  return `(?:${serialize(root)})`;
}

/** The trie of `forms` by UTF-16 code unit, as the content script walks text (empty forms skipped). */
function trieOf(forms: Iterable<string>): TrieNode {
  const root = newNode();
  for (const form of forms) {
    if (form.length === 0) continue;
    let node = root;
    for (let i = 0; i < form.length; i++) {
      const ch = form[i] as string;
      let next = node.children.get(ch);
      if (!next) {
        next = newNode();
        node.children.set(ch, next);
      }
      node = next;
    }
    node.end = true;
  }
  return root;
}

/** Any form as a whole word, in any case: flags `giu`. Works on any text. */
export function unicodePattern(trie: string): string {
  return `(?<!${WORD_CHAR})${trie}(?!${WORD_CHAR})`;
}

/** Returns a pattern (flags `giu`) that matches any of `forms` as a whole word. */
export function buildTriePattern(forms: Iterable<string>): string {
  return unicodePattern(buildTrie(forms));
}

/** Normalizes matched page text (or a form) to the key used by the lookup tables. */
export function normalizeForm(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/[\u2018\u2019]/gu, "'")
    .replace(/[\u2010\u2011]/gu, '-')
    .trim();
}

/**
 * The trie of `forms` as the content script loads it: three strings, one character per node or
 * edge, so the bundle parses fast and nothing is built on the page but two small typed arrays.
 * Nodes are numbered breadth-first, so the children of a node are contiguous edges, and edge e
 * leads to node e + 1.
 */
export interface FlatTrie {
  /** Per edge: the form's code unit. */
  chars: string;
  /** Per node: String.fromCharCode(48 + number of children). */
  counts: string;
  /** Per node: "1" if a form ends there, else "0". */
  ends: string;
}

export function buildFlatTrie(forms: Iterable<string>): FlatTrie {
  const root = trieOf(forms);
  const chars: string[] = [];
  const counts: string[] = [];
  const ends: string[] = [];
  const queue: TrieNode[] = [root];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q] as TrieNode;
    const keys = [...node.children.keys()].sort();
    counts.push(String.fromCharCode(48 + keys.length));
    ends.push(node.end ? '1' : '0');
    for (const k of keys) {
      chars.push(k);
      queue.push(node.children.get(k) as TrieNode);
    }
  }
  return { chars: chars.join(''), counts: counts.join(''), ends: ends.join('') };
}

/** Every form in a flat trie (for tests and the benchmark's reference pattern). */
export function formsOf(trie: FlatTrie): string[] {
  const first: number[] = [0];
  for (let n = 0; n < trie.counts.length; n++) first.push((first[n] as number) + trie.counts.charCodeAt(n) - 48);
  const out: string[] = [];
  const visit = (node: number, prefix: string): void => {
    if (trie.ends[node] === '1') out.push(prefix);
    for (let e = first[node] as number; e < (first[node + 1] as number); e++) visit(e + 1, prefix + trie.chars[e]);
  };
  visit(0, '');
  return out;
}
