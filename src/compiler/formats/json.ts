/**
 * JSON -> own terms: our own export ({ format: "iza-begrippen", version: 1, name, terms }), the
 * export of all collections ({ …, collections: [{ id, name, terms }] }), or a bare array of
 * term-like objects. Each term is read leniently: a few other key names are accepted, wrong types
 * are ignored, and the common cleaning applies. JSON-LD is refused (not a format we read).
 */
import { LIMITS, type ParseResult, type Problem } from '../../common/own-terms';
import { finishTerms, isBoolTrue, safeOptions, type ParseOptions, type RawConcept } from './clean';

export const JSON_FORMAT = 'iza-begrippen';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const first = (o: Obj, ...keys: string[]): unknown => keys.map((k) => o[k]).find((v) => v !== undefined && v !== null);

/** A list of strings from an array (of strings, or of { form }) or from one string. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return v.split('|').map((s) => s.trim()).filter((s) => s !== '');
  if (!Array.isArray(v)) return [];
  return v.map((x) => (isObj(x) ? str(first(x, 'form', 'name', 'label')) : str(x))).filter((s): s is string => s !== undefined);
}

function sourceOf(v: unknown): RawConcept['source'] {
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s === 'string') return { url: s };
  if (!isObj(s)) return undefined;
  const url = str(first(s, 'url', 'href', 'page'));
  if (url === undefined) return undefined;
  const title = str(first(s, 'title', 'label', 'name'));
  return title === undefined ? { url } : { url, title };
}

/** One term-like object -> a raw concept (or an empty one, skipped later as without label). */
export function rawOf(v: unknown): RawConcept {
  if (!isObj(v)) return {};
  const en = isObj(v.en) ? v.en : {};
  const raw: RawConcept = {
    abbreviations: strings(first(v, 'abbreviations', 'afkortingen')),
    variants: strings(first(v, 'variants', 'varianten', 'synoniemen')),
    caseSensitive: isBoolTrue(first(v, 'caseSensitive', 'hoofdlettergevoelig') ?? false),
    related: strings(v.related),
  };
  const id = str(v.id);
  const term = str(first(v, 'term', 'begrip', 'prefLabel', 'label', 'name', 'naam'));
  const definition = str(first(v, 'definition', 'definitie', 'omschrijving'));
  if (id !== undefined) raw.id = id;
  if (term !== undefined) raw.term = term;
  if (definition !== undefined) raw.definition = definition;
  const enName = str(first(en, 'name')) ?? str(first(v, 'english_name', 'englishName'));
  const enDefinition = str(first(en, 'definition')) ?? str(first(v, 'english_definition', 'englishDefinition'));
  if (enName !== undefined || enDefinition !== undefined) {
    raw.en = { ...(enName !== undefined ? { name: enName } : {}), ...(enDefinition !== undefined ? { definition: enDefinition } : {}) };
  }
  const category = str(first(v, 'category', 'categorie'));
  if (category !== undefined) raw.category = category;
  const source = sourceOf(first(v, 'source', 'sources', 'bron'));
  if (source) raw.source = source;
  const broader = str(v.broader);
  if (broader !== undefined) raw.broader = broader;
  const status = str(v.status);
  if (status !== undefined) raw.status = status;
  return raw;
}

/** Line and column of a JSON.parse error, where the engine says where (V8 and Firefox do). */
export function jsonSyntaxProblem(err: unknown, text: string): Problem {
  const message = String((err as Error)?.message ?? err);
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { code: 'syntax', line: Number(lc[1]), column: Number(lc[2]), detail: 'JSON' };
  const pos = /position (\d+)/.exec(message);
  const at = pos ? Number(pos[1]) : /end of (JSON )?input|unterminated|unexpected end/i.test(message) ? text.length : -1;
  if (at < 0) return { code: 'syntax', detail: 'JSON' };
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { code: 'syntax', line, column: at - before.lastIndexOf('\n'), detail: 'JSON' };
}

/** Parses a JSON glossary. Throws only on bugs; parseGlossaryFile guards it. */
export function parseJson(text: string, options: ParseOptions = {}): ParseResult {
  const result: ParseResult = { format: 'json', concepts: 0, terms: [], skipped: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { ...result, fatal: jsonSyntaxProblem(err, text) };
  }
  let items: unknown[];
  if (Array.isArray(data)) items = data;
  else if (isObj(data) && ('@context' in data || '@graph' in data)) return { ...result, fatal: { code: 'notGlossary', detail: 'JSON-LD' } };
  else if (isObj(data) && Array.isArray(data.terms)) {
    items = data.terms;
    const name = str(data.name);
    if (name !== undefined && name.trim() !== '') result.name = name;
  } else if (isObj(data) && Array.isArray(data.collections)) {
    // "Export all": one import of every collection; ids are prefixed with the collection's id when
    // there are several (as "export all" as one Turtle or CSV file does), so they stay apart.
    const cols = data.collections.filter(isObj);
    const many = cols.length > 1;
    items = cols.flatMap((c, n) => {
      const prefix = str(c.id) ?? String(n + 1);
      const terms = Array.isArray(c.terms) ? c.terms : [];
      if (!many) return terms;
      return terms.map((t) => (isObj(t) ? { ...t, ...(str(t.id) !== undefined ? { id: `${prefix}-${str(t.id)}` } : {}), related: strings(t.related).map((r) => `${prefix}-${r}`), ...(str(t.broader) ? { broader: `${prefix}-${str(t.broader)}` } : {}) } : t));
    });
    const name = cols.length === 1 ? str(cols[0]?.name) : undefined;
    if (name !== undefined && name.trim() !== '') result.name = name;
  } else return { ...result, fatal: { code: 'notGlossary', detail: 'JSON' } };
  result.concepts = items.length;
  if (items.length > LIMITS.maxTerms) return { ...result, fatal: { code: 'tooMany', detail: String(items.length) } };
  const { terms, skipped } = finishTerms(items.map(rawOf), safeOptions(options));
  return { ...result, terms, skipped };
}
