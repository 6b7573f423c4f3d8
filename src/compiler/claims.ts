/**
 * Glossary entries' surface forms -> the matcher's data (trie, case tables, word characters).
 * Pure and small: the build runs it over the bundled glossary (src/build/glossary-compile.ts),
 * and the extension runs it at run time over the bundled forms plus the user's own terms.
 */
import type { MatcherData } from '../common/glossary-types';
import { bmpWordRanges, buildFlatTrie, normalizeForm } from './trie-pattern';

/** One surface form of one entry, as it will be matched. */
export interface FormSpec {
  text: string;
  caseSensitive: boolean;
  ambiguous: boolean;
  /** Highlighted only where the page is about care (src/engine/topic.ts). */
  generic: boolean;
}

/** A form claimed by an entry. `file` names where it came from, for error messages. */
export interface Claim extends FormSpec {
  id: string;
  file: string;
}

/** Lower-cased form -> every claim on it. */
export type ClaimMap = Map<string, Claim[]>;

/** One claim per distinct form of an entry: case-sensitive forms differ by case ("RVS" vs "RvS"). */
export function ownClaims(forms: readonly FormSpec[], id: string, file: string): Map<string, Claim> {
  const own = new Map<string, Claim>();
  for (const f of forms) {
    const text = normalizeForm(f.text);
    const key = f.caseSensitive ? `cs:${text}` : `ci:${text.toLowerCase()}`;
    const prev = own.get(key);
    // A form is generic only if every place the entry lists it says so.
    own.set(key, {
      text,
      caseSensitive: f.caseSensitive,
      ambiguous: f.ambiguous || (prev?.ambiguous ?? false),
      generic: f.generic && (prev?.generic ?? true),
      id,
      file,
    });
  }
  // A case-insensitive form covers every case of itself, so it absorbs its case-sensitive twins.
  for (const [key, f] of own) if (key.startsWith('cs:') && own.has(`ci:${f.text.toLowerCase()}`)) own.delete(key);
  return own;
}

export function pushClaim(claims: ClaimMap, c: Claim): void {
  const lower = c.text.toLowerCase();
  const list = claims.get(lower) ?? [];
  list.push(c);
  claims.set(lower, list);
}

/**
 * The claims of one form that clash: two entries on one form clash unless both are
 * case-sensitive with different cases, or both are declared ambiguous.
 */
export function clashingClaims(list: readonly Claim[]): Set<Claim> {
  const clashing = new Set<Claim>();
  for (const a of list) {
    for (const b of list) {
      if (a === b || a.id === b.id) continue;
      const distinct = a.caseSensitive && b.caseSensitive && a.text !== b.text;
      if (!distinct && !(a.ambiguous && b.ambiguous)) clashing.add(a);
    }
  }
  return clashing;
}

/** The matcher's tables for the claims; forms whose lower-cased key is in `skip` are left out. */
export function matcherDataOf(claims: ClaimMap, skip: ReadonlySet<string> = new Set()): MatcherData {
  const matcher: MatcherData = { trie: { chars: '', counts: '0', ends: '0' }, wordRanges: [], exact: {}, folded: {}, generic: { exact: {}, folded: {} } };
  const keys: string[] = [];
  for (const [key, list] of claims) {
    if (skip.has(key)) continue;
    keys.push(key);
    for (const c of list) {
      const k = c.caseSensitive ? c.text : key;
      const main = c.caseSensitive ? matcher.exact : matcher.folded;
      const tables = c.generic ? [main, c.caseSensitive ? matcher.generic.exact : matcher.generic.folded] : [main];
      for (const table of tables) {
        const ids = (table[k] ??= []);
        if (!ids.includes(c.id)) ids.push(c.id);
      }
    }
  }
  matcher.trie = buildFlatTrie(keys);
  matcher.wordRanges = bmpWordRanges();
  return matcher;
}
