import type { FlatTrie } from '../build/trie-pattern';
/** The categories an entry can have. The build rejects any other value. */
export const CATEGORIES = [
  'wet',
  'akkoord',
  'programma',
  'organisatie',
  'rol',
  'begrip',
  'financiering',
  'digitaal',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Dutch and English labels for each category, as the card and popup show them. */
export const CATEGORY_LABELS: Record<Category, { nl: string; en: string }> = {
  wet: { nl: 'Wet', en: 'Law' },
  akkoord: { nl: 'Akkoord', en: 'Agreement' },
  programma: { nl: 'Programma', en: 'Programme' },
  organisatie: { nl: 'Organisatie', en: 'Organisation' },
  rol: { nl: 'Rol', en: 'Role' },
  begrip: { nl: 'Begrip', en: 'Concept' },
  financiering: { nl: 'Financiering', en: 'Funding' },
  digitaal: { nl: 'Digitaal', en: 'Digital' },
};

export interface Source {
  url: string;
  title: string;
}

/** One entry as the extension uses it at run time (compiled from glossary/*.yaml). */
export interface Entry {
  id: string;
  term: string;
  category: Category;
  abbreviations: { form: string; expansion: string }[];
  definition: string;
  en: { name: string; definition: string };
  related: string[];
  sources: Source[];
  bwbr?: string;
  reviewed: string;
}

/**
 * The matcher's data, precompiled at build time: every surface form for the trie, the word
 * characters, plus the lookup tables that turn a matched text into entry ids.
 */
export interface MatcherData {
  /** Every surface form, lower-cased, whitespace collapsed to one space, as a flat trie. */
  trie: FlatTrie;
  /** Letters, marks and digits of the BMP as flat [first, last] pairs: they continue a word. */
  wordRanges: number[];
  /** Case-sensitive forms: exact text (whitespace collapsed) -> entry ids. */
  exact: Record<string, string[]>;
  /** Case-insensitive forms: lower-cased text (whitespace collapsed) -> entry ids. */
  folded: Record<string, string[]>;
}

export interface CompiledGlossary {
  entries: Entry[];
  matcher: MatcherData;
}
