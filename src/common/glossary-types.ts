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
 * The matcher's data, precompiled at build time: one regular expression source for every
 * surface form, plus the lookup tables that turn a matched text into entry ids.
 */
export interface MatcherData {
  /** Regular-expression source; compile with flags `giu`. */
  pattern: string;
  /** Case-sensitive forms: exact text (whitespace collapsed) -> entry ids. */
  exact: Record<string, string[]>;
  /** Case-insensitive forms: lower-cased text (whitespace collapsed) -> entry ids. */
  folded: Record<string, string[]>;
}

export interface CompiledGlossary {
  entries: Entry[];
  matcher: MatcherData;
}
