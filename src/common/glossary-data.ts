/** The bundled glossary, parsed on first use (JSON.parse of a string is the fastest way in). */
import { ENTRIES_JSON, MATCHER_JSON, TOPIC_JSON } from 'virtual:glossary';
import type { Entry, MatcherData, TopicRule } from './glossary-types';

let entries: Map<string, Entry> | null = null;

export function entryMap(): Map<string, Entry> {
  entries ??= new Map((JSON.parse(ENTRIES_JSON) as Entry[]).map((e) => [e.id, e]));
  return entries;
}

export function getEntry(id: string): Entry | undefined {
  return entryMap().get(id);
}

export function matcherData(): MatcherData {
  return JSON.parse(MATCHER_JSON) as MatcherData;
}

/** When a page is about care (glossary/context/topic.yaml), for the topic gate (topic.ts). */
export function topicRule(): TopicRule {
  return JSON.parse(TOPIC_JSON) as TopicRule;
}
