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
 * Needs-company forms (issue 22: IZA, GALA, MIND: specific, but also a name or an everyday word
 * elsewhere) are specific matches that wait like generic ones: shown once the page qualifies
 * (whatever cues stand near), or before that with `minCompanyCues` points of cues near them; held
 * otherwise. They count as the page's specific terms only once shown, so a singer named IZA
 * makes no page about care.
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

/** Whether every id of `ids` is in `set` (most matches: no, at the first id). */
function allIn(set: ReadonlySet<string>, ids: readonly string[]): boolean {
  if (set.size === 0) return false;
  for (let k = 0; k < ids.length; k++) if (!set.has(ids[k] as string)) return false;
  return true;
}

/**
 * Whether the form `text` is in `tables` for every entry of `ids`. The page's text is looked up
 * as it is first (IZA, eigen risico): normalizing (a line break, a typographic apostrophe) costs
 * three regular expressions, so only a text that is no key as it stands pays for it.
 */
function formIn(tables: Tables, text: string, ids: readonly string[]): boolean {
  let g = tables.exact[text] ?? tables.folded[text.toLowerCase()];
  if (g === undefined) {
    const key = normalizeForm(text);
    if (key !== text) g = tables.exact[key] ?? tables.folded[key.toLowerCase()];
  }
  if (g === undefined) return false;
  for (let k = 0; k < ids.length; k++) if (!g.includes(ids[k] as string)) return false;
  return true;
}

export type Verdict = 'show' | 'hold' | 'never';

/** What a match is to the gate: specific, generic, or specific but in need of company. */
const SPECIFIC = 0;
const GENERIC = 1;
const COMPANY = 2;
type Tables = MatcherData['generic'];

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
  private held: { tag: T; match: GateMatch; company: boolean }[] = [];
  /** A glossary without generic or needs-company forms (the gate then only passes matches through). */
  private readonly none: boolean;
  /** Entry ids with a generic form: a match of any other entry is specific without a lookup. */
  private readonly genericIds: Set<string>;
  /** The needs-company forms (rule.needsCompany), and the ids of their entries. */
  private readonly company: Tables;
  private readonly companyIds: Set<string>;

  constructor(
    private readonly rule: TopicRule,
    private readonly generic: Tables,
    host: string,
    private readonly options: GateOptions = {},
  ) {
    this.positive = cuesOf(rule.positive);
    this.negative = cuesOf(rule.negative);
    this.careSite = hostMatches(host, rule.careSites);
    this.policySite = hostMatches(host, rule.policySites);
    this.genericIds = new Set([...Object.values(generic.exact), ...Object.values(generic.folded)].flat());
    this.company = rule.needsCompany ?? { exact: {}, folded: {} };
    this.companyIds = new Set([...Object.values(this.company.exact), ...Object.values(this.company.folded)].flat());
    this.none = this.genericIds.size === 0 && this.companyIds.size === 0;
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
    return allIn(this.genericIds, ids) && formIn(this.generic, text, ids);
  }

  /** Whether a match of `text` is a needs-company form (rule.needsCompany) for all its entries. */
  needsCompany(text: string, ids: readonly string[]): boolean {
    return !this.isGeneric(text, ids) && allIn(this.companyIds, ids) && formIn(this.company, text, ids);
  }

  /** SPECIFIC, GENERIC or COMPANY: most matches are specific from their ids alone, with no text read. */
  private kindOf(text: string, m: GateMatch): number {
    if (allIn(this.genericIds, m.ids) && formIn(this.generic, text.slice(m.start, m.end), m.ids)) return GENERIC;
    if (allIn(this.companyIds, m.ids) && formIn(this.company, text.slice(m.start, m.end), m.ids)) return COMPANY;
    return SPECIFIC;
  }

  private countSpecific(ids: readonly string[]): void {
    for (let j = 0; j < ids.length; j++) this.specific.add(ids[j] as string);
  }

  /** Counts the needs-company matches among `matches` (all shown) as specific terms. */
  private countCompany(matches: readonly GateMatch[], kinds: Uint8Array): void {
    for (let i = 0; i < matches.length; i++) if (kinds[i] === COMPANY) this.countSpecific((matches[i] as GateMatch).ids);
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
    // Needs-company matches are counted once shown.
    let kinds: Uint8Array | null = null;
    let generics = 0;
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k] as M;
      const kind = this.kindOf(text, m);
      if (kind === SPECIFIC) this.countSpecific(m.ids);
      else {
        (kinds ??= new Uint8Array(matches.length))[k] = kind;
        if (kind === GENERIC) generics++;
      }
    }
    if (this.options.disabled) {
      if (kinds !== null) this.countCompany(matches, kinds);
      return matches as M[];
    }
    // Page-level negative cues are read until the page is settled (or on a care site, never).
    const tracking = !this.careSite && this.specific.size < this.rule.settledSpecific;
    // Only needs-company matches on a page that qualifies: all shown, with no words read.
    if (kinds !== null && generics === 0 && !tracking && this.qualified) {
      this.countCompany(matches, kinds);
      return matches as M[];
    }
    if (kinds === null && !tracking) return matches as M[];
    const gated = kinds ?? new Uint8Array(matches.length);
    // The words of the text, without those inside gated matches (a second "zorgplicht" is no
    // cue for the first).
    const words: { w: string; at: number }[] = [];
    let k = 0;
    for (const m of text.matchAll(WORD)) {
      const at = m.index;
      while (k < matches.length && (matches[k] as M).end <= at) k++;
      const inside = k < matches.length && (matches[k] as M).start <= at && gated[k] !== SPECIFIC;
      if (!inside) words.push({ w: m[0].toLowerCase(), at });
    }
    if (tracking) this.noteNegatives(words.map((x) => x.w));
    if (kinds === null) return matches as M[];
    const out: M[] = [];
    matches.forEach((m, i) => {
      const kind = gated[i];
      if (kind === SPECIFIC) {
        out.push(m);
        return;
      }
      const verdict = this.judge(text, matches, gated, words, m, kind === COMPANY);
      if (verdict === 'show') {
        out.push(m);
        if (kind === COMPANY) this.countSpecific(m.ids);
      } else if (verdict === 'hold') this.held.push({ tag, match: m, company: kind === COMPANY });
    });
    return out;
  }

  /**
   * The verdict on one gated match from the cues around it and the page so far. A needs-company
   * match (`company`) is never 'never': on a page that qualifies it is a term whatever stands near.
   */
  private judge(text: string, matches: readonly GateMatch[], gated: Uint8Array, words: readonly { w: string; at: number }[], m: GateMatch, company: boolean): Verdict {
    if (company && this.qualified) return 'show';
    const n = this.rule.window;
    let before = 0;
    while (before < words.length && (words[before] as { at: number }).at < m.start) before++;
    const near = words.slice(Math.max(0, before - n), before + n).map((x) => x.w);
    const lo = words[Math.max(0, before - n)]?.at ?? 0;
    const hi = words[Math.min(words.length - 1, before + n - 1)]?.at ?? text.length;
    let specificNear = 0;
    matches.forEach((o, i) => {
      if (gated[i] === SPECIFIC && o !== m && o.start >= lo && o.start <= hi) specificNear++;
    });
    const pos = score(this.positive, near) + specificNear * this.rule.specificCueWeight;
    const neg = score(this.negative, near);
    if (company) return neg === 0 && pos >= this.rule.minCompanyCues && this.balanced ? 'show' : 'hold';
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
    for (const h of out) if (h.company) this.countSpecific(h.match.ids);
    return out;
  }

  /** Held matches of a tag that is gone (a removed text node): forgets them. */
  forget(isGone: (tag: T) => boolean): void {
    this.held = this.held.filter((h) => !isGone(h.tag));
  }
}
