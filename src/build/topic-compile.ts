/**
 * Reads glossary/context/topic.yaml: the data that decides when a page is about care, so that
 * generic terms (eigen risico, zorgplicht, basispakket) are highlighted only there. The rule is
 * data, not code per term (issue 13); src/engine/topic.ts applies it on the page.
 */
import { parse } from 'yaml';
import type { TopicRule } from '../common/glossary-types';
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
};

const SITE_RE = /^([a-z0-9-]+\*|[a-z0-9-]+(\.[a-z0-9-]+)+)$/u;
const CUE_RE = /^[\p{Ll}\p{N}-]+\*?(\+[\p{Ll}\p{N}-]+\*?)*$/u;
export const NUMBERS = ['minSpecific', 'minSpecificOnPolicySite', 'window', 'minCues', 'specificCueWeight', 'pageNegativeWeight', 'settledSpecific'] as const;

export function compileTopic(file: string, text: string, problems: GlossaryProblem[]): TopicRule {
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
  for (const k of Object.keys(doc)) if (!['sites', 'cues', 'thresholds'].includes(k)) fail(`unknown field "${k}"`);
  const list = (where: string, v: unknown, re: RegExp): string[] => {
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      fail(`${where} must be a list`);
      return [];
    }
    const out: string[] = [];
    for (const item of v) {
      const s = typeof item === 'string' ? item.trim() : '';
      if (!re.test(s)) fail(`${where}: "${String(item)}" is not ${re === SITE_RE ? 'a host name (or "label*")' : 'a lower-case cue word (or "word*", "a+b")'}`);
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
  return rule;
}
