/** Glossary search: over names, abbreviations, variants and English names; diacritics and case ignored. */
import type { Entry } from './glossary-types';

/** Lower-case, without diacritics: "Patiëntenfederatie" -> "patientenfederatie". */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface Indexed {
  entry: Entry;
  abbrs: string[];
  names: string[];
}

export function indexEntries(entries: Iterable<Entry>, extraNames: (e: Entry) => string[] = () => []): Indexed[] {
  return [...entries].map((entry) => ({
    entry,
    abbrs: entry.abbreviations.map((a) => fold(a.form)),
    names: [entry.term, entry.en.name, ...entry.abbreviations.map((a) => a.expansion), ...extraNames(entry)].map(fold),
  }));
}

/**
 * Ranked results: exact abbreviation, exact name, name prefix, abbreviation prefix, word
 * prefix inside a name, then substring anywhere (also in the definition).
 */
export function search(index: readonly Indexed[], query: string, limit = 30): Entry[] {
  const q = fold(query);
  if (q === '') return [];
  const scored: [number, Indexed][] = [];
  for (const item of index) {
    let score = 0;
    if (item.abbrs.includes(q)) score = 100;
    else if (item.names.includes(q)) score = 90;
    else if (item.names.some((n) => n.startsWith(q))) score = 70;
    else if (item.abbrs.some((a) => a.startsWith(q))) score = 60;
    else if (item.names.some((n) => n.includes(` ${q}`))) score = 50;
    else if (item.names.some((n) => n.includes(q))) score = 40;
    else if (q.length >= 3 && fold(item.entry.definition).includes(q)) score = 10;
    if (score > 0) scored.push([score, item]);
  }
  scored.sort((a, b) => b[0] - a[0] || a[1].entry.term.localeCompare(b[1].entry.term, 'nl'));
  return scored.slice(0, limit).map(([, i]) => i.entry);
}
