/**
 * Writing NL-SBB Turtle and CSV: the pieces that the build's export of the bundled glossary
 * (src/build/skos-export.ts) and the export of own collections (export.ts) share.
 */

/** The RDF vocabularies both exports use. */
export const RDF_PREFIXES: Readonly<Record<string, string>> = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** The @prefix lines of a Turtle file. */
export const prefixLines = (prefixes: Readonly<Record<string, string>>): string[] => Object.entries(prefixes).map(([p, ns]) => `@prefix ${p}: <${ns}> .`);

/** A Turtle string literal on one line: backslash, quote, line breaks and control characters escaped. */
export function turtleString(text: string, lang?: string): string {
  // eslint-disable-next-line no-control-regex
  const esc = text.replace(/[\\"\n\r\t\u0000-\u001f]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
  return `"${esc}"${lang ? `@${lang}` : ''}`;
}

/** A Turtle IRI: characters Turtle does not allow in an IRI are percent-encoded. */
export function turtleIri(url: string): string {
  // eslint-disable-next-line no-control-regex
  return `<${url.replace(/[\u0000-\u0020<>"{}|^`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

/** One CSV cell (RFC 4180): quoted when it holds a separator, a quote, a line break or edge spaces. */
export function csvCell(v: string): string {
  return /[",;\t\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
