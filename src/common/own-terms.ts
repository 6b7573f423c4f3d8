/**
 * Own terms (issue 20) and organisation lists (issue 21): the data model shared by the options
 * page, the background and the hosts. Terms live in named collections in storage.local (see
 * own-store.ts); each file import makes one collection, "Mijn begrippen" holds the terms added
 * by hand, and a subscription or a policy list is a collection that the background keeps fresh.
 */
import type { Category } from './glossary-types';

/** One own term, as a parser or the term form produces it. Every text is plain text. */
export interface OwnTerm {
  /** Stable within its collection: a-z, 0-9 and hyphens (from the file's id or IRI, or made from the term). */
  id: string;
  term: string;
  abbreviations: string[];
  /** Other Dutch forms, also skos:hiddenLabel (matched, never shown as a name). */
  variants: string[];
  definition: string;
  /** Optional English name and definition. The name is matched on pages too. */
  en?: { name?: string; definition?: string };
  /** One of the bundled categories; absent means "begrip". */
  category?: Category;
  /** Where the definition comes from: an https address, with a title if the file gives one. */
  source?: { url: string; title?: string };
  /** Match every form in exactly this case (an abbreviation that is also an everyday word). */
  caseSensitive: boolean;
  /** Ids (in the same collection) of related and broader terms, when the file names them. */
  related?: string[];
  broader?: string;
  /** The file's adms:status (its label, or the last part of its IRI), kept as it was read. */
  status?: string;
}

export type CollectionOrigin = 'manual' | 'import' | 'subscription' | 'policy';

/** A collection without its terms: what the options page lists and the background checks. */
export interface CollectionMeta {
  /** Stable id: "mine" for Mijn begrippen, otherwise made when the collection is created. */
  id: string;
  name: string;
  origin: CollectionOrigin;
  enabled: boolean;
  /** Highlight only where the page is about care (the topic gate), as generic bundled terms. */
  onlyCareSites: boolean;
  /** ISO date-time of creation and of the last change of its terms. */
  created: string;
  updated: string;
  count: number;
  /** A subscription's or a policy list's address. */
  url?: string;
  /** A policy list that the user may not switch off. */
  locked?: boolean;
  /** The state of the last fetch of `url` (subscriptions and policy lists). */
  fetch?: FetchState;
}

export interface FetchState {
  /** ISO date-time of the last successful fetch that gave (or confirmed) the terms in use. */
  lastSuccess?: string;
  /** ISO date-time of the last attempt. */
  lastAttempt?: string;
  /** What went wrong at the last attempt, as a problem to show; absent after a success. */
  error?: Problem;
  etag?: string;
  lastModified?: string;
}

export interface Collection extends CollectionMeta {
  terms: OwnTerm[];
}

export const MINE_ID = 'mine';

/** storage.local keys of own terms (src/common/own-store.ts writes them, own-load.ts reads them). */
export const OWN_KEYS = { index: 'own.index', matcher: 'own.matcher', entries: 'own.entries' } as const;

/** Own terms' entry ids: "own:<collection>:<term>", apart from the bundled ids (a-z, 0-9, -). */
export const OWN_PREFIX = 'own:';
export const ownEntryId = (collectionId: string, termId: string): string => `${OWN_PREFIX}${collectionId}:${termId}`;
export const isOwnId = (id: string): boolean => id.startsWith(OWN_PREFIX);

/** Limits of one collection (a file above them is refused with a message, not cut). */
export const LIMITS = {
  maxTerms: 10_000,
  maxFileBytes: 10 * 1024 * 1024,
  /** Text fields longer than this are cut (a definition of a whole page is not a definition). */
  maxTextLength: 4_000,
  minFormLength: 2,
};

/**
 * Why something was skipped or refused, as a code the UI turns into a sentence in its own
 * language (describeProblem in own-terms-text.ts), with where it was and a detail.
 */
export type ProblemCode =
  | 'syntax'
  | 'notGlossary'
  | 'empty'
  | 'tooBig'
  | 'tooMany'
  | 'columns'
  | 'encoding'
  | 'noLabel'
  | 'noDefinition'
  | 'duplicateId'
  | 'shortForm'
  | 'everydayWord'
  | 'badSource'
  | 'storageFull'
  | 'network'
  | 'httpStatus'
  | 'timeout'
  | 'redirect'
  | 'badUrl';

export interface Problem {
  code: ProblemCode;
  line?: number;
  column?: number;
  /** The concept's id or label, the form, the column name…: whatever the message needs. */
  detail?: string;
  /** For a problem with one form of a concept: that concept's term. */
  term?: string;
}

/** What a parser made of a file: the terms it could read, what it skipped, or why it refused all. */
export interface ParseResult {
  format: 'turtle' | 'csv' | 'json';
  /** How many concepts the file holds (read or not). */
  concepts: number;
  terms: OwnTerm[];
  /** Concepts or forms left out, each with its reason. */
  skipped: Problem[];
  /** Set when nothing can be imported: a syntax error, not a glossary, empty, too big. */
  fatal?: Problem;
  /** A name for the collection, when the file gives one (a ConceptScheme's title). */
  name?: string;
}
