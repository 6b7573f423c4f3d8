import type { FlatTrie } from '../compiler/trie-pattern';
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
  /** The id of a broader (more general) entry, for the NL-SBB export (skos:broader). */
  broader?: string;
  sources: Source[];
  bwbr?: string;
  reviewed: string;
  /** A claim in the entry is known to change (a bill, a programme's end, a yearly figure): check again by this date. */
  checkAgain?: string;
  /** The entry's words are everyday words outside care: highlighted only on care pages. */
  generic?: boolean;
  /** For a generic entry: which sense the card explains (short Dutch phrase). */
  sense?: string;
  /** An own term's collection name (issue 20); bundled entries have none ("IZA Begrippen"). */
  collection?: string;
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
  /**
   * The generic forms, keyed as in `exact` and `folded`: -> the entry ids for which that form is
   * generic (a term only where the page is about care; see src/engine/topic.ts).
   */
  generic: { exact: Record<string, string[]>; folded: Record<string, string[]> };
}

/**
 * When a page counts as being about care: compiled from glossary/context/topic.yaml. Site
 * patterns are host names that match the host or any subdomain of it ("nza.nl"), or a first label
 * with a trailing * ("ggd*" matches ggdhaaglanden.nl and ggd.amsterdam.nl). Cue words are lower
 * case; "zorg*" matches every word that starts with "zorg"; "gemeente+wmo" counts when both words
 * are in the window.
 */
export interface TopicRule {
  /** On these sites every page is about care. */
  careSites: string[];
  /** Government sites about every subject: fewer specific terms make the page qualify. */
  policySites: string[];
  positive: string[];
  negative: string[];
  /** Distinct specific entries that make any page qualify… */
  minSpecific: number;
  /** …and a page on a policy site. */
  minSpecificOnPolicySite: number;
  /** Words on either side of a generic match in which cue words count. */
  window: number;
  /** Cue points (cue words, specific terms) in the window that show a generic match on a page that does not qualify. */
  minCues: number;
  /** What one specific term in the window counts for, against one cue word. */
  specificCueWeight: number;
  /** Distinct specific terms a page needs per distinct negative cue word in its text (before it is settled). */
  pageNegativeWeight: number;
  /** From this many distinct specific terms on, the page is about care whatever its negative cues. */
  settledSpecific: number;
  /** Cue points near a needs-company form that show it on a page that does not qualify. */
  minCompanyCues: number;
  /**
   * Short specific forms that are also a name or an everyday word elsewhere (IZA, GALA, MIND),
   * keyed as in MatcherData's `exact` and `folded` -> entry ids. Like a generic form, such a form
   * waits for the page to qualify or for care cues or a specific term near it; it counts as
   * evidence for the page only once it is shown (src/engine/topic.ts).
   */
  needsCompany?: { exact: Record<string, string[]>; folded: Record<string, string[]> };
}

export interface CompiledGlossary {
  entries: Entry[];
  matcher: MatcherData;
  topic: TopicRule;
  /** What the build did besides: generated forms, what it left out and why, warnings. */
  report: GlossaryReport;
  /** Per entry id, its labels as the editors wrote them (build time only: the NL-SBB export). */
  labels: Record<string, EntryLabels>;
}

export interface EntryLabels {
  /** Dutch abbreviations and variants. */
  nl: string[];
  /** English variants (the English name is in the entry). */
  en: string[];
  /** Forms the build generated (inflect.ts). */
  generated: string[];
}

export interface GlossaryReport {
  /** Forms generated by inflect.ts and added to the matcher, as "id: form". */
  generated: string[];
  /** Generated forms left out: the dictionary's reason, or a clash with another entry. */
  dropped: string[];
  /** Problems that do not stop the build yet (sentence length). */
  warnings: { file: string; id: string; reason: string }[];
}
