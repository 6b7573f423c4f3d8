/**
 * The glossary as the extension uses it: the bundled one (parsed on first use: JSON.parse of a
 * string is the fastest way in), plus the user's own terms (issue 20) when a host has loaded them
 * from storage (setOwnGlossary). Own entries are parsed only when one is first asked for.
 */
import { ENTRIES_JSON, MATCHER_JSON, TOPIC_JSON } from 'virtual:glossary';
import type { Entry, MatcherData, TopicRule } from './glossary-types';

let entries: Map<string, Entry> | null = null;
let ownMatcher: string | null = null;
let ownEntriesJson: string | null = null;
let ownEntries: Map<string, Entry> | null = null;

/** The bundled entries. */
export function entryMap(): Map<string, Entry> {
  entries ??= new Map((JSON.parse(ENTRIES_JSON) as Entry[]).map((e) => [e.id, e]));
  return entries;
}

/** The own entries that are in use (none until setOwnGlossary). */
export function ownEntryMap(): Map<string, Entry> {
  if (ownEntries === null) {
    let list: Entry[] = [];
    try {
      list = ownEntriesJson === null ? [] : (JSON.parse(ownEntriesJson) as Entry[]);
    } catch {
      list = [];
    }
    ownEntries = new Map(list.map((e) => [e.id, e]));
  }
  return ownEntries;
}

/** Every entry in use: own ones first, then the bundled ones. */
export function allEntries(): Entry[] {
  return [...ownEntryMap().values(), ...entryMap().values()];
}

export function getEntry(id: string): Entry | undefined {
  return entryMap().get(id) ?? (ownEntriesJson === null ? undefined : ownEntryMap().get(id));
}

/** The matcher data: the bundled glossary's, or the compiled bundled-plus-own data in use. */
export function matcherData(): MatcherData {
  if (ownMatcher !== null) {
    try {
      return JSON.parse(ownMatcher) as MatcherData;
    } catch {
      // Corrupt stored data: the bundled glossary still works.
    }
  }
  return bundledMatcherData();
}

/** The bundled glossary's matcher data, whatever own terms are in use. */
export function bundledMatcherData(): MatcherData {
  return JSON.parse(MATCHER_JSON) as MatcherData;
}

/**
 * Uses the own terms as compiled by src/common/own-store.ts (the JSON texts stored under
 * own.matcher and own.entries), or none (null). Returns whether anything changed.
 */
export function setOwnGlossary(matcher: string | null, entriesJson: string | null): boolean {
  if (matcher === ownMatcher && entriesJson === ownEntriesJson) return false;
  ownMatcher = matcher;
  ownEntriesJson = matcher === null ? null : entriesJson;
  ownEntries = null;
  return true;
}

/** When a page is about care (glossary/context/topic.yaml), for the topic gate (topic.ts). */
export function topicRule(): TopicRule {
  return JSON.parse(TOPIC_JSON) as TopicRule;
}
