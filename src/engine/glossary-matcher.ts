/**
 * The matcher and the topic gate over the glossary, as every host uses them: built once per
 * document and shared by every activation in it (a web page's, the PDF reader's).
 */
import { createMatcher, type Matcher } from './matcher';
import { TopicGate } from './topic';
import { getEntry, matcherData, topicRule } from '../common/glossary-data';
import { CATEGORIES, type Category, type MatcherData } from '../common/glossary-types';
import type { Settings } from '../common/settings';

let sharedMatcher: Matcher | null = null;
let sharedGeneric: MatcherData['generic'] = { exact: {}, folded: {} };

/** The matcher, built once per frame and shared by every activation in it. */
export function pageMatcher(): Matcher {
  if (sharedMatcher === null) {
    const data = matcherData();
    sharedGeneric = data.generic;
    sharedMatcher = createMatcher(data);
  }
  return sharedMatcher;
}

/** Forgets the shared matcher (the own terms changed): the next pageMatcher() builds it anew. */
export function resetMatcher(): void {
  sharedMatcher = null;
}

/** A topic gate for one activation: generic terms wait until the page shows it is about care. */
export function pageTopicGate<N>(host: string): TopicGate<N> {
  pageMatcher();
  return new TopicGate<N>(topicRule(), sharedGeneric, host);
}

/** The category filter of the settings, as the engine's `allow`. */
export function categoryFilter(settings: Settings): (ids: readonly string[]) => readonly string[] {
  const allowed = new Set(settings.categories);
  // With every category on (the default) the entries are not even parsed until a card opens.
  if (CATEGORIES.every((c) => allowed.has(c))) return (ids) => ids;
  return (ids) => ids.filter((id) => allowed.has(getEntry(id)?.category as Category));
}
