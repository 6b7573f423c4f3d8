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
 * Returns a pattern (flags `giu`) that matches any of `forms` as a whole word. Forms must be
 * lower-cased with whitespace collapsed to single spaces.
 */
export function buildTriePattern(forms: Iterable<string>): string {
  const root = newNode();
  let count = 0;
  for (const form of forms) {
    if (form.length === 0) continue;
    let node = root;
    for (const ch of form) {
      let next = node.children.get(ch);
      if (!next) {
        next = newNode();
        node.children.set(ch, next);
      }
      node = next;
    }
    node.end = true;
    count++;
  }
  // A pattern that can never match, so an empty glossary still yields a valid RegExp.
  if (count === 0) return '(?!)';
  return `(?<!${WORD_CHAR})(?:${serialize(root)})(?!${WORD_CHAR})`;
}

/** Normalizes matched page text (or a form) to the key used by the lookup tables. */
export function normalizeForm(text: string): string {
  return text
    .replace(/\s+/gu, ' ')
    .replace(/[\u2018\u2019]/gu, "'")
    .replace(/[\u2010\u2011]/gu, '-')
    .trim();
}
