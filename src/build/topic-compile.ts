/**
 * Reads glossary/context/topic.yaml: the data that decides when a page is about care, so that
 * generic terms (eigen risico, zorgplicht, basispakket) are highlighted only there. The rule is
 * data, not code per term (issue 13); src/engine/topic.ts applies it on the page.
 */
import { parse } from 'yaml';
import type { TopicRule } from '../common/glossary-types';
import type { ClaimMap } from '../compiler/claims';
import { normalizeForm } from '../compiler/trie-pattern';
import { isObj, type GlossaryProblem } from './glossary-entry';

/** The rule when a glossary has no topic file (test glossaries): only specific evidence counts. */
export const DEFAULT_TOPIC: TopicRule = {
  careSites: [],
  policySites: [],
  positive: [],
  negative: [],
  minSpecific: 3,
  minSpecificOnPolicySite: 1,
  window: 12,
  minCues: 2,
  specificCueWeight: 2,
  pageNegativeWeight: 1,
  settledSpecific: 10,
  minCompanyCues: 2,
  needsCompany: { exact: {}, folded: {} },
};

const SITE_RE = /^([a-z0-9-]+\*|[a-z0-9-]+(\.[a-z0-9-]+)+)$/u;
const CUE_RE = /^[\p{Ll}\p{N}-]+\*?(\+[\p{Ll}\p{N}-]+\*?)*$/u;
/** A glossary form as written: letters, digits, and the marks forms have (V&VN, NU'91, HoNOS+). */
const FORM_RE = /^[\p{L}\p{N}][\p{L}\p{N} &'’+.-]*$/u;
export const NUMBERS = ['minSpecific', 'minSpecificOnPolicySite', 'window', 'minCues', 'specificCueWeight', 'pageNegativeWeight', 'settledSpecific', 'minCompanyCues'] as const;

/**
 * The `needsCompany` forms as the gate looks them up: each listed form (as written: a
 * case-sensitive form only in its own case) and its generated apostrophe plural (IZA's), keyed as
 * in the matcher's `exact` and `folded` tables. A form no entry has, or a generic one, is a problem.
 */
export function companyTables(forms: readonly string[], claims: ClaimMap, fail: (reason: string) => void): NonNullable<TopicRule['needsCompany']> {
  const tables: NonNullable<TopicRule['needsCompany']> = { exact: {}, folded: {} };
  const add = (text: string, ids?: ReadonlySet<string>) => {
    const t = normalizeForm(text);
    const found = (claims.get(t.toLowerCase()) ?? []).filter((c) => (!c.caseSensitive || c.text === t) && (ids === undefined || ids.has(c.id)));
    for (const c of found) {
      const table = c.caseSensitive ? tables.exact : tables.folded;
      const list = (table[c.caseSensitive ? c.text : c.text.toLowerCase()] ??= []);
      if (!list.includes(c.id)) list.push(c.id);
    }
    return found;
  };
  for (const form of forms) {
    const found = add(form);
    if (found.length === 0) fail(`needsCompany: "${form}" is not a form of any entry (a case-sensitive form counts in its own case only)`);
    else if (found.some((c) => c.generic)) fail(`needsCompany: "${form}" is a generic form already (generic forms always wait for evidence)`);
    else add(`${form}'s`, new Set(found.map((c) => c.id)));
  }
  return tables;
}

/**
 * Compiles the rule. With `claims` (the glossary's forms, once they are all known) the
 * `needsCompany` forms are checked and resolved; without, they are left out.
 */
export function compileTopic(file: string, text: string, problems: GlossaryProblem[], claims?: ClaimMap): TopicRule {
  const fail = (reason: string) => problems.push({ file, id: 'topic', reason });
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (err) {
    fail(`is not valid YAML: ${(err as Error).message}`);
    return DEFAULT_TOPIC;
  }
  if (!isObj(doc)) {
    fail('must be a mapping with "sites", "cues" and "thresholds"');
    return DEFAULT_TOPIC;
  }
  for (const k of Object.keys(doc)) if (!['sites', 'cues', 'thresholds', 'needsCompany'].includes(k)) fail(`unknown field "${k}"`);
  const list = (where: string, v: unknown, re: RegExp): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail(`${where} must be a list`);
      return [];
    }
    const out: string[] = [];
    for (const item of v) {
      const s = typeof item === 'string' ? item.trim() : '';
      if (!re.test(s)) fail(`${where}: "${String(item)}" is not ${re === SITE_RE ? 'a host name (or "label*")' : re === FORM_RE ? 'a glossary form' : 'a lower-case cue word (or "word*", "a+b")'}`);
      else if (out.includes(s)) fail(`${where}: "${s}" is listed twice`);
      else out.push(s);
    }
    return out;
  };
  const sites = isObj(doc.sites) ? doc.sites : {};
  const cues = isObj(doc.cues) ? doc.cues : {};
  const thresholds = isObj(doc.thresholds) ? doc.thresholds : {};
  const rule: TopicRule = {
    ...DEFAULT_TOPIC,
    careSites: list('sites.care', sites.care, SITE_RE),
    policySites: list('sites.policy', sites.policy, SITE_RE),
    positive: list('cues.positive', cues.positive, CUE_RE),
    negative: list('cues.negative', cues.negative, CUE_RE),
  };
  for (const k of Object.keys(thresholds)) {
    if (!(NUMBERS as readonly string[]).includes(k)) fail(`thresholds has unknown field "${k}"`);
  }
  for (const k of NUMBERS) {
    const v = thresholds[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(`thresholds.${k} must be a whole number >= 0`);
    else rule[k] = v;
  }
  for (const c of rule.positive) if (rule.negative.includes(c)) fail(`cue "${c}" is both positive and negative`);
  const company = list('needsCompany', doc.needsCompany, FORM_RE);
  if (claims) rule.needsCompany = companyTables(company, claims, fail);
  return rule;
}
