/**
 * CSV -> own terms. RFC 4180 (quoted fields, "" inside quotes, line breaks in quotes, CRLF), with
 * the separator taken from the header line: comma, semicolon (Dutch Excel) or tab. The header
 * names the columns, in Dutch or English, in any case: our own begrippen.csv, or a minimal file
 * with only a term and a definition. List cells are split on "|" (our export writes " | "), or
 * else on ";" or ",".
 */
import { LIMITS, type ParseResult } from '../../common/own-terms';
import { finishTerms, isBoolTrue, lastSegment, safeOptions, type ParseOptions, type RawConcept } from './clean';

export type Field =
  | 'id' | 'uri' | 'term' | 'definition' | 'abbreviations' | 'variants' | 'source' | 'sourceTitle' | 'category'
  | 'caseSensitive' | 'enName' | 'enDefinition' | 'broader' | 'related' | 'status';

const ALIASES: Record<Field, string[]> = {
  id: ['id', 'identifier', 'notation', 'code'],
  uri: ['uri', 'iri'],
  term: ['term', 'begrip', 'naam', 'label', 'preflabel', 'voorkeursterm', 'name', 'titel'],
  definition: ['definition', 'definitie', 'omschrijving', 'uitleg', 'betekenis', 'beschrijving', 'description'],
  abbreviations: ['afkorting', 'afkortingen', 'abbreviation', 'abbreviations'],
  variants: ['synoniem', 'synoniemen', 'variant', 'varianten', 'variants', 'altlabel', 'altlabels', 'synonym', 'synonyms', 'hiddenlabel'],
  source: ['bron', 'bronnen', 'source', 'sources', 'url', 'link', 'bronurl', 'sourceurl'],
  sourceTitle: ['brontitel', 'sourcetitle', 'bronnaam'],
  category: ['categorie', 'category', 'soort'],
  caseSensitive: ['hoofdlettergevoelig', 'casesensitive'],
  enName: ['englishname', 'engels', 'en', 'engelsenaam', 'englishterm'],
  enDefinition: ['englishdefinition', 'engelsedefinitie', 'definitionen'],
  broader: ['broader', 'breder', 'bredere', 'bredereterm'],
  related: ['related', 'gerelateerd', 'zieook'],
  status: ['status'],
};

const FIELD_OF = new Map<string, Field>(Object.entries(ALIASES).flatMap(([f, names]) => names.map((n) => [n, f as Field] as [string, Field])));

/** A header cell as a lookup key: lower case, letters and digits only ("English name" -> "englishname"). */
const headerKey = (cell: string): string => cell.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

/** The separator of the first line: the most frequent of , ; and tab outside quotes. */
export function detectSeparator(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length && i < 65536; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c in counts) counts[c] = (counts[c] ?? 0) + 1;
  }
  const best = (['\t', ';', ','] as const).reduce((a, b) => ((counts[b] ?? 0) > (counts[a] ?? 0) ? b : a), ',' as string);
  return (counts[best] ?? 0) > 0 ? best : ',';
}

export interface CsvRow {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/** RFC 4180 rows. An unclosed quote is an error at its line and column. */
export function csvRows(text: string, sep: string): { rows: CsvRow[] } | { error: { line: number; column: number } } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let lineStart = 0;
  let rowLine = 1;
  let quoteAt: { line: number; column: number } | null = null;
  let i = 0;
  const n = text.length;
  const endRow = () => {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  while (i < n) {
    const c = text[i] as string;
    if (quoteAt) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoteAt = null;
      } else {
        if (c === '\n') {
          line++;
          lineStart = i + 1;
        }
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      cell = '';
      quoteAt = { line, column: i - lineStart + 1 };
    } else if (c === sep) {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      endRow();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      lineStart = i + 1;
      rowLine = line;
    } else cell += c;
    i++;
  }
  if (quoteAt) return { error: quoteAt };
  if (cell !== '' || cells.length > 0) endRow();
  return { rows };
}

/** A list cell: split on "|", or else on ";" or "," (a minimal file's "Wmo, WMO"). */
export function splitList(cell: string | undefined, pipesOnly = false): string[] {
  if (!cell || cell.trim() === '') return [];
  const by = pipesOnly || cell.includes('|') ? '|' : cell.includes(';') ? ';' : ',';
  return cell.split(by).map((s) => s.trim()).filter((s) => s !== '');
}

const REQUIRED: Field[] = ['term', 'definition'];

/** Parses a CSV glossary. Throws only on bugs; parseGlossaryFile guards it. */
export function parseCsv(text: string, options: ParseOptions = {}): ParseResult {
  const result: ParseResult = { format: 'csv', concepts: 0, terms: [], skipped: [] };
  // Excel may write its separator on a first line of its own: "sep=;".
  const hint = /^sep=([,;\t|])[ \t]*\r?\n/i.exec(text);
  const body = hint ? `\n${text.slice(hint[0].length)}` : text; // keeps the line numbers
  const sep = hint ? (hint[1] as string) : detectSeparator(body);
  const parsed = csvRows(body, sep);
  if ('error' in parsed) return { ...result, fatal: { code: 'syntax', line: parsed.error.line, column: parsed.error.column, detail: '"' } };
  const rows = parsed.rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  // The header is the first row that names a term and a definition column (a title line may come first).
  let headerAt = -1;
  let columns = new Map<Field, number>();
  let best: Map<Field, number> | null = null;
  for (let r = 0; r < Math.min(rows.length, 5) && headerAt < 0; r++) {
    const map = new Map<Field, number>();
    (rows[r] as CsvRow).cells.forEach((cell, i) => {
      const field = FIELD_OF.get(headerKey(cell));
      if (field && !map.has(field)) map.set(field, i);
    });
    if (REQUIRED.every((f) => map.has(f))) {
      headerAt = r;
      columns = map;
    } else if (!best || map.size > best.size) best = map;
  }
  if (headerAt < 0) {
    const missing = REQUIRED.filter((f) => !best?.has(f));
    return { ...result, fatal: { code: 'columns', detail: missing.join(', ') } };
  }
  const data = rows.slice(headerAt + 1);
  result.concepts = data.length;
  if (data.length > LIMITS.maxTerms) return { ...result, fatal: { code: 'tooMany', detail: String(data.length) } };
  const get = (row: CsvRow, f: Field): string | undefined => {
    const i = columns.get(f);
    return i === undefined ? undefined : row.cells[i]?.trim();
  };
  // Our own export (it has a uri column) joins lists with " | " only: a variant may hold a comma.
  const ours = columns.has('uri');
  const list = (row: CsvRow, f: Field) => splitList(get(row, f), ours);
  const raws = data.map((row): RawConcept => {
    const id = get(row, 'id') || (get(row, 'uri') ? lastSegment(get(row, 'uri') as string) : undefined);
    const sources = list(row, 'source');
    const source = sources.find((s) => /^https?:\/\//i.test(s)) ?? sources[0];
    const raw: RawConcept = {
      term: get(row, 'term') ?? '',
      definition: get(row, 'definition') ?? '',
      abbreviations: list(row, 'abbreviations'),
      variants: list(row, 'variants'),
      caseSensitive: isBoolTrue(get(row, 'caseSensitive') ?? ''),
      related: list(row, 'related'),
      line: row.line,
    };
    if (id) raw.id = id;
    const enName = get(row, 'enName');
    const enDefinition = get(row, 'enDefinition');
    if (enName || enDefinition) raw.en = { ...(enName ? { name: enName } : {}), ...(enDefinition ? { definition: enDefinition } : {}) };
    const category = get(row, 'category');
    if (category) raw.category = category;
    if (source) raw.source = { url: source, ...(get(row, 'sourceTitle') ? { title: get(row, 'sourceTitle') } : {}) };
    const broader = get(row, 'broader');
    if (broader) raw.broader = broader;
    const status = get(row, 'status');
    if (status) raw.status = status;
    return raw;
  });
  const { terms, skipped } = finishTerms(raws, safeOptions(options));
  return { ...result, terms, skipped };
}
