/**
 * The topic gate: decides which GENERIC matches (eigen risico, zorgplicht, basispakket: everyday
 * words outside care) may be highlighted, from the page's evidence. Specific matches (IZA, Zvw,
 * NZa) always pass. The rule is data (glossary/context/topic.yaml, compiled to a TopicRule); this
 * module only applies it, with no DOM, so the content script and the PDF reader share it and the
 * unit tests run it on plain text.
 *
 * Evidence, per issue 13:
 * - the host is a care site: the page qualifies;
 * - distinct specific entries found so far: enough of them make the page qualify (fewer on a
 *   government site that writes about everything);
 * - cue words within a window of words around each generic match: positive ones (patiënt,
 *   huisarts, zorg*) and negative ones (auto, hypotheek, tv, energie).
 * - negative cue words anywhere in the page's text that holds terms: each needs one more
 *   distinct specific term before the page qualifies (until it has `settledSpecific` of them).
 * A generic match is shown when its page qualifies and its negative cues do not outweigh its
 * positive ones, or, before the page qualifies, when its positive cues alone are strong enough
 * (and the page's negative cues do not outweigh its specific terms).
 *
 * It is fed incrementally: the engine hands over each text node's matches as it finds them, in
 * slices. A generic match that cannot be shown yet is held; when later text makes the page
 * qualify, release() hands back the held matches that may now be shown.
 */
import type { MatcherData, TopicRule } from '../common/glossary-types';
import { normalizeForm } from '../compiler/trie-pattern';

export interface GateMatch {
  start: number;
  end: number;
  ids: readonly string[];
}

/** Whether `host` is one of the site patterns (see TopicRule). */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/u, '');
  return patterns.some((p) => {
    if (p.endsWith('*')) return h.split('.').some((label, i, all) => i < all.length - 1 && label.startsWith(p.slice(0, -1)));
    return h === p || h.endsWith(`.${p}`);
  });
}

/** A cue list made fast to test: exact words, prefixes ("zorg*") and combinations ("a+b"). */
interface Cues {
  exact: Set<string>;
  /** The prefixes per first code unit ("" for a bare "*", which every word has). */
  prefixes: Map<string, string[]>;
  anyWord: boolean;
  /** Combinations: each part an exact word or a prefix; `name` is the cue as written. */
  combos: { name: string; parts: { text: string; prefix: boolean }[] }[];
}

function cuesOf(list: readonly string[]): Cues {
  const cues: Cues = { exact: new Set(), prefixes: new Map(), anyWord: false, combos: [] };
  for (const c of list) {
    if (c.includes('+')) {
      const parts = c.split('+').map((part) => (part.endsWith('*') ? { text: part.slice(0, -1), prefix: true } : { text: part, prefix: false }));
      cues.combos.push({ name: c, parts });
    }
    else if (c.endsWith('*')) {
      const p = c.slice(0, -1);
      if (p === '') cues.anyWord = true;
      else {
        const list = cues.prefixes.get(p.charAt(0));
        if (list) list.push(p);
        else cues.prefixes.set(p.charAt(0), [p]);
      }
    } else cues.exact.add(c);
  }
  return cues;
}

/** Whether every part of a combination is among `words`. */
function comboIn(parts: Cues['combos'][number]['parts'], words: readonly string[]): boolean {
  for (const part of parts) {
    let found = false;
    for (const w of words) {
      if (part.prefix ? w.startsWith(part.text) : w === part.text) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}
/** Whether word `w` (lower case) is a cue: only the prefixes with its first code unit are tried. */
function isCue(c: Cues, w: string): boolean {
  if (c.anyWord || c.exact.has(w)) return true;
  const list = c.prefixes.get(w.charAt(0));
  if (list === undefined) return false;
  for (const p of list) if (w.startsWith(p)) return true;
  return false;
}

/** Cue points among `words`: each distinct cue word once, each combination whose parts all occur once. */
function score(c: Cues, words: readonly string[]): number {
  const hit = new Set<string>();
  for (const w of words) if (isCue(c, w)) hit.add(w);
  let n = hit.size;
  for (const combo of c.combos) if (comboIn(combo.parts, words)) n++;
  return n;
}

const WORD = /[\p{L}\p{N}]+/gu;

export type Verdict = 'show' | 'hold' | 'never';

export interface GateOptions {
  /** Off: every generic match is shown, as before issue 13 (for comparison in tests). */
  disabled?: boolean;
}

export class TopicGate<T> {
  private readonly positive: Cues;
  private readonly negative: Cues;
  private readonly careSite: boolean;
  private readonly policySite: boolean;
  private readonly specific = new Set<string>();
  /** Distinct negative cue words in the page's text that holds terms (page-level evidence). */
  private readonly negativesSeen = new Set<string>();
  /** Generic matches waiting for the page to qualify, with what they were fed with. */
  private held: { tag: T; match: GateMatch }[] = [];
  /** A glossary without generic forms (the gate then only passes matches through). */
  private readonly none: boolean;
  /** Entry ids with a generic form: a match of any other entry is specific without a lookup. */
  private readonly genericIds: Set<string>;

  constructor(
    private readonly rule: TopicRule,
    private readonly generic: MatcherData['generic'],
    host: string,
    private readonly options: GateOptions = {},
  ) {
    this.positive = cuesOf(rule.positive);
    this.negative = cuesOf(rule.negative);
    this.careSite = hostMatches(host, rule.careSites);
    this.policySite = hostMatches(host, rule.policySites);
    this.genericIds = new Set([...Object.values(generic.exact), ...Object.values(generic.folded)].flat());
    this.none = this.genericIds.size === 0;
  }

  /** Whether the page counts as being about care, on the evidence so far. */
  get qualified(): boolean {
    if (this.careSite) return true;
    const need = this.policySite ? this.rule.minSpecificOnPolicySite : this.rule.minSpecific;
    return this.specific.size >= need && this.balanced;
  }

  /**
   * Whether the page's specific terms outweigh its negative cue words: a financial adviser's page
   * that names "huisartsen en fysiotherapeuten" once among mortgages and loans is not about care.
   * Past `settledSpecific` distinct specific terms, the page is about care whatever else it says.
   */
  private get balanced(): boolean {
    const n = this.specific.size;
    return n >= this.rule.settledSpecific || n >= this.rule.pageNegativeWeight * this.negativesSeen.size;
  }

  /** Distinct specific entries seen so far. */
  get specificCount(): number {
    return this.specific.size;
  }

  /** Whether a match of `text` (the page's text of the match) is generic for all its entries. */
  isGeneric(text: string, ids: readonly string[]): boolean {
    return this.allGeneric(ids) && this.genericForm(text, ids);
  }

  /** Whether every entry of `ids` has a generic form (most matches: no, and no text is read). */
  private allGeneric(ids: readonly string[]): boolean {
    for (let k = 0; k < ids.length; k++) if (!this.genericIds.has(ids[k] as string)) return false;
    return true;
  }

  private genericForm(text: string, ids: readonly string[]): boolean {
    const key = normalizeForm(text);
    const g = this.generic.exact[key] ?? this.generic.folded[key.toLowerCase()];
    return g !== undefined && ids.every((id) => g.includes(id));
  }

  /**
   * Feeds one piece of text (a text node's data, a PDF page's text) and the matches found in it.
   * Returns the matches to show now, in order (`matches` itself when that is all of them; the
   * caller must not change it); generic ones without enough evidence are held under `tag` for
   * release(). Specific matches count as evidence before any generic one is judged.
   */
  feed<M extends GateMatch>(text: string, matches: readonly M[], tag: T): M[] {
    if (matches.length === 0) return [];
    if (this.none) return matches as M[];
    // Most matches are specific, known from their ids alone: the text is sliced only for the rest.
    let generic: boolean[] | null = null;
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k] as M;
      if (this.allGeneric(m.ids) && this.genericForm(text.slice(m.start, m.end), m.ids)) (generic ??= new Array<boolean>(matches.length).fill(false))[k] = true;
      else for (let j = 0; j < m.ids.length; j++) this.specific.add(m.ids[j] as string);
    }
    if (this.options.disabled) return matches as M[];
    const hasGeneric = generic !== null;
    // Page-level negative cues are read until the page is settled (or on a care site, never).
    const tracking = !this.careSite && this.specific.size < this.rule.settledSpecific;
    if (!hasGeneric && !tracking) return matches as M[];
    generic ??= new Array<boolean>(matches.length).fill(false);
    // The words of the text, without those inside generic matches (a second "zorgplicht" is no
    // cue for the first).
    const words: { w: string; at: number }[] = [];
    let k = 0;
    for (const m of text.matchAll(WORD)) {
      const at = m.index;
      while (k < matches.length && (matches[k] as M).end <= at) k++;
      const inside = k < matches.length && (matches[k] as M).start <= at && generic[k];
      if (!inside) words.push({ w: m[0].toLowerCase(), at });
    }
    if (tracking) this.noteNegatives(words.map((x) => x.w));
    if (!hasGeneric) return matches as M[];
    const out: M[] = [];
    matches.forEach((m, i) => {
      if (!generic[i]) {
        out.push(m);
        return;
      }
      const verdict = this.judge(text, matches, generic, words, m);
      if (verdict === 'show') out.push(m);
      else if (verdict === 'hold') this.held.push({ tag, match: m });
    });
    return out;
  }

  /** The verdict on one generic match from the cues around it and the page so far. */
  private judge(text: string, matches: readonly GateMatch[], generic: readonly boolean[], words: readonly { w: string; at: number }[], m: GateMatch): Verdict {
    const n = this.rule.window;
    let before = 0;
    while (before < words.length && (words[before] as { at: number }).at < m.start) before++;
    const near = words.slice(Math.max(0, before - n), before + n).map((x) => x.w);
    const lo = words[Math.max(0, before - n)]?.at ?? 0;
    const hi = words[Math.min(words.length - 1, before + n - 1)]?.at ?? text.length;
    let specificNear = 0;
    matches.forEach((o, i) => {
      if (!generic[i] && o !== m && o.start >= lo && o.start <= hi) specificNear++;
    });
    const pos = score(this.positive, near) + specificNear * this.rule.specificCueWeight;
    const neg = score(this.negative, near);
    if (neg > pos) return 'never';
    if (this.qualified) return 'show';
    return neg === 0 && pos >= this.rule.minCues && this.balanced ? 'show' : 'hold';
  }

  private noteNegatives(words: readonly string[]): void {
    for (const w of words) if (isCue(this.negative, w)) this.negativesSeen.add(w);
    for (const combo of this.negative.combos) {
      if (comboIn(combo.parts, words)) this.negativesSeen.add(combo.name);
    }
  }

  /** The held matches that the page's evidence now allows, each handed back once. */
  release(): { tag: T; match: GateMatch }[] {
    if (this.held.length === 0 || !this.qualified) return [];
    const out = this.held;
    this.held = [];
    return out;
  }

  /** Held matches of a tag that is gone (a removed text node): forgets them. */
  forget(isGone: (tag: T) => boolean): void {
    this.held = this.held.filter((h) => !isGone(h.tag));
  }
}
