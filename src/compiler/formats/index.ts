/**
 * One entry for every glossary file (issue 20): bytes -> text (decode.ts) -> the format's parser.
 * The format comes from the content type, else the file name's extension, else the text itself.
 * Never throws: whatever goes wrong becomes a fatal problem.
 */
import type { ParseResult, Problem } from '../../common/own-terms';
import { safeOptions } from './clean';
import { parseCsv } from './csv';
import { decodeBytes } from './decode';
import { parseJson } from './json';
import { parseTurtle } from './turtle';

export { decodeBytes } from './decode';
export { parseCsv } from './csv';
export { parseJson } from './json';
export { parseTurtle } from './turtle';
export type { ParseOptions } from './clean';

export type GlossaryFormat = ParseResult['format'];

export interface GlossaryFileOptions {
  fileName?: string;
  contentType?: string;
  everyday?: (form: string) => boolean;
}

const TYPES: Record<string, GlossaryFormat | Problem> = {
  'text/turtle': 'turtle',
  'application/x-turtle': 'turtle',
  'application/n-triples': 'turtle',
  'text/csv': 'csv',
  'text/comma-separated-values': 'csv',
  'text/tab-separated-values': 'csv',
  'application/csv': 'csv',
  'application/vnd.ms-excel': 'csv', // how Windows labels a .csv file
  'application/json': 'json',
  'text/json': 'json',
  'application/ld+json': { code: 'notGlossary', detail: 'JSON-LD' },
  'application/rdf+xml': { code: 'notGlossary', detail: 'RDF/XML' },
  'text/html': { code: 'notGlossary', detail: 'HTML' },
  'application/xhtml+xml': { code: 'notGlossary', detail: 'HTML' },
  'application/pdf': { code: 'notGlossary', detail: 'PDF' },
};

const EXTENSIONS: Record<string, GlossaryFormat | Problem> = {
  ttl: 'turtle',
  turtle: 'turtle',
  nt: 'turtle',
  csv: 'csv',
  tsv: 'csv',
  json: 'json',
  jsonld: { code: 'notGlossary', detail: 'JSON-LD' },
  rdf: { code: 'notGlossary', detail: 'RDF/XML' },
  owl: { code: 'notGlossary', detail: 'RDF/XML' },
  xml: { code: 'notGlossary', detail: 'XML' },
  html: { code: 'notGlossary', detail: 'HTML' },
  htm: { code: 'notGlossary', detail: 'HTML' },
  pdf: { code: 'notGlossary', detail: 'PDF' },
  xlsx: { code: 'notGlossary', detail: 'ZIP' },
  xls: { code: 'notGlossary', detail: 'OLE' },
  docx: { code: 'notGlossary', detail: 'ZIP' },
};

/** The format the content type or the file name declares, a refusal, or null when neither says. */
export function declaredFormat(opts: Pick<GlossaryFileOptions, 'fileName' | 'contentType'>): GlossaryFormat | Problem | null {
  const type = (opts.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== '') {
    const byType = TYPES[type] ?? (type.startsWith('image/') || type.startsWith('audio/') || type.startsWith('video/') ? { code: 'notGlossary', detail: type } : undefined);
    if (byType) return byType;
  }
  const ext = /\.([a-z0-9]{1,8})$/i.exec((opts.fileName ?? '').trim())?.[1]?.toLowerCase();
  return (ext && EXTENSIONS[ext]) || null;
}

/** The format by the text's start: Turtle directives or an IRI, a JSON object or array, else CSV. */
export function sniffFormat(text: string): GlossaryFormat | Problem {
  const head = text.slice(0, 4096).replace(/^\s+/, '');
  if (/^<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head)) return { code: 'notGlossary', detail: 'HTML' };
  if (/^<\?xml|^<rdf:RDF/i.test(head)) return { code: 'notGlossary', detail: 'XML' };
  if (/^(@prefix|@base|prefix\s|base\s)/i.test(head) || head.startsWith('<')) return 'turtle';
  if (head.startsWith('#') && /^\s*(@prefix|prefix\s)/im.test(head)) return 'turtle';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  return 'csv';
}

/** Reads a glossary file of any supported format. Never throws. */
export function parseGlossaryFile(bytes: Uint8Array, opts: GlossaryFileOptions = {}): ParseResult {
  let format: GlossaryFormat = 'csv';
  try {
    const declared = declaredFormat(opts);
    if (declared !== null && typeof declared !== 'string') return { format, concepts: 0, terms: [], skipped: [], fatal: declared };
    const decoded = decodeBytes(bytes);
    if ('fatal' in decoded) return { format: declared ?? format, concepts: 0, terms: [], skipped: [], fatal: decoded.fatal };
    const chosen = declared ?? sniffFormat(decoded.text);
    if (typeof chosen !== 'string') return { format, concepts: 0, terms: [], skipped: [], fatal: chosen };
    format = chosen;
    const options = safeOptions(opts);
    if (format === 'turtle') return parseTurtle(decoded.text, options);
    if (format === 'json') return parseJson(decoded.text, options);
    return parseCsv(decoded.text, options);
  } catch (err) {
    return { format, concepts: 0, terms: [], skipped: [], fatal: { code: 'notGlossary', detail: String((err as Error)?.message ?? err).slice(0, 120) } };
  }
}
