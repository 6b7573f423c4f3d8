/**
 * Problems with own terms as sentences for people, in Dutch (plain language, B1) or English:
 * one sentence per code, with where it was (line, column) and the detail when the problem has it.
 */
import { LIMITS, type Problem, type ProblemCode } from './own-terms';

type Lang = 'nl' | 'en';

const q = (s: string) => `“${s}”`;
const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;
const num = (n: number, lang: Lang) => n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');

/** What a non-text file looks like, from decode.ts's detail (PDF, PNG, ZIP…) or a content type. */
function kindOf(detail: string | undefined, lang: Lang): string {
  const d = (detail ?? '').toUpperCase();
  const nl = lang === 'nl';
  if (d === 'PDF' || d === 'APPLICATION/PDF') return nl ? 'het lijkt een PDF' : 'it looks like a PDF';
  if (['PNG', 'JPEG', 'GIF', 'BMP', 'RIFF'].includes(d) || d.startsWith('IMAGE/')) return nl ? 'het lijkt een afbeelding' : 'it looks like an image';
  if (d === 'ZIP' || d === 'OLE') return nl ? 'het lijkt een Excel- of Word-bestand; sla het op als CSV' : 'it looks like an Excel or Word file; save it as CSV';
  if (d === 'HTML' || d === 'TEXT/HTML' || d === 'APPLICATION/XHTML+XML') return nl ? 'het is een webpagina' : 'it is a web page';
  if (d === 'JSON-LD' || d === 'RDF/XML' || d === 'XML') return nl ? `${d} lezen we niet; gebruik Turtle, CSV of JSON` : `${d} is not supported; use Turtle, CSV or JSON`;
  if (d === 'SKOS') return nl ? 'er staan geen SKOS-begrippen in' : 'it holds no SKOS concepts';
  if (d === 'JSON') return nl ? 'de JSON heeft niet de vorm van een begrippenlijst' : 'the JSON is not in the form of a glossary';
  if (d === 'BINARY') return nl ? 'het is geen tekstbestand' : 'it is not a text file';
  return nl ? 'het lijkt een PDF of een afbeelding' : 'it looks like a PDF or an image';
}

/** "term, definition" -> "begrip, definitie" in Dutch. */
function columnNames(detail: string | undefined, lang: Lang): string {
  const names = (detail ?? 'term, definition').split(/,\s*/).filter((s) => s !== '');
  const nl: Record<string, string> = { term: 'begrip', definition: 'definitie' };
  return names.map((n) => q(lang === 'nl' ? (nl[n] ?? n) : n)).join(lang === 'nl' ? ' en ' : ' and ');
}

type Text = (p: Problem, d: string) => string;

const NL: Record<ProblemCode, Text> = {
  syntax: (_, d) => (d === '"' ? 'hier begint een aanhalingsteken (") dat nergens wordt gesloten' : d === 'JSON' ? 'de JSON klopt hier niet' : `de Turtle-code klopt hier niet${d ? ` (${d})` : ''}`),
  notGlossary: (p) => `Het bestand is geen begrippenlijst (${kindOf(p.detail, 'nl')})`,
  empty: () => 'Het bestand is leeg',
  tooBig: (p) => `Het bestand is te groot${p.detail ? ` (${p.detail})` : ''}: het mag hoogstens ${mb(LIMITS.maxFileBytes)} zijn`,
  tooMany: (p) => `Het bestand heeft te veel begrippen${p.detail ? ` (${num(Number(p.detail), 'nl')})` : ''}: een lijst mag er hoogstens ${num(LIMITS.maxTerms, 'nl')} hebben`,
  columns: (p) => `De kolom${(p.detail ?? ',').includes(',') ? 'men' : ''} ${columnNames(p.detail, 'nl')} ontbr${(p.detail ?? ',').includes(',') ? 'eken' : 'eekt'}: de eerste regel moet de namen van de kolommen geven, met ten minste een begrip en een definitie`,
  encoding: () => 'De tekens in het bestand zijn niet te lezen. Sla het op als UTF-8',
  noLabel: (_, d) => `Een begrip zonder naam is overgeslagen${d ? ` (${d})` : ''}`,
  noDefinition: (_, d) => `Het begrip ${q(d)} is overgeslagen: het heeft geen definitie`,
  duplicateId: (p, d) => `Een tweede begrip met de code ${q(d)} is overgeslagen${p.term ? ` (${p.term})` : ''}`,
  shortForm: (p, d) => (p.term && p.term !== d ? `De vorm ${q(d)} van ${q(p.term)} is overgeslagen: die is korter dan ${LIMITS.minFormLength} letters` : `Het begrip ${q(d)} is overgeslagen: de naam is korter dan ${LIMITS.minFormLength} letters`),
  everydayWord: (p, d) => (p.term && p.term !== d ? `De vorm ${q(d)} van ${q(p.term)} is overgeslagen: het is een gewoon Nederlands woord` : `Het begrip ${q(d)} is overgeslagen: het is een gewoon Nederlands woord`),
  badSource: (p, d) => `De bron ${q(d)}${p.term ? ` van ${q(p.term)}` : ''} is weggelaten: alleen adressen met http of https kunnen`,
  storageFull: () => 'Er is geen ruimte meer in de opslag van de browser. Verwijder of verklein eerst een andere lijst',
  network: (_, d) => `De lijst kon niet worden opgehaald: er is geen verbinding${d ? ` (${d})` : ''}`,
  httpStatus: (_, d) => `De lijst kon niet worden opgehaald: de server antwoordde met een fout${d ? ` (${d})` : ''}`,
  timeout: () => 'De lijst kon niet worden opgehaald: de server antwoordde niet op tijd',
  redirect: (_, d) => `De lijst is niet opgehaald: het adres stuurt door naar een andere website${d ? ` (${d})` : ''}`,
  badUrl: (_, d) => `Dit adres kan niet${d ? ` (${d})` : ''}: gebruik een volledig adres dat begint met https://`,
};

const EN: Record<ProblemCode, Text> = {
  syntax: (_, d) => (d === '"' ? 'a quotation mark (") starts here and is never closed' : d === 'JSON' ? 'the JSON is not valid here' : `the Turtle code is not valid here${d ? ` (${d})` : ''}`),
  notGlossary: (p) => `The file is not a glossary (${kindOf(p.detail, 'en')})`,
  empty: () => 'The file is empty',
  tooBig: (p) => `The file is too big${p.detail ? ` (${p.detail})` : ''}: the limit is ${mb(LIMITS.maxFileBytes)}`,
  tooMany: (p) => `The file has too many terms${p.detail ? ` (${num(Number(p.detail), 'en')})` : ''}: a list may have at most ${num(LIMITS.maxTerms, 'en')}`,
  columns: (p) => `The column${(p.detail ?? ',').includes(',') ? 's' : ''} ${columnNames(p.detail, 'en')} ${(p.detail ?? ',').includes(',') ? 'are' : 'is'} missing: the first line must name the columns, with at least a term and a definition`,
  encoding: () => 'The characters in the file cannot be read. Save it as UTF-8',
  noLabel: (_, d) => `A term without a name was skipped${d ? ` (${d})` : ''}`,
  noDefinition: (_, d) => `The term ${q(d)} was skipped: it has no definition`,
  duplicateId: (p, d) => `A second term with the id ${q(d)} was skipped${p.term ? ` (${p.term})` : ''}`,
  shortForm: (p, d) => (p.term && p.term !== d ? `The form ${q(d)} of ${q(p.term)} was skipped: it is shorter than ${LIMITS.minFormLength} letters` : `The term ${q(d)} was skipped: its name is shorter than ${LIMITS.minFormLength} letters`),
  everydayWord: (p, d) => (p.term && p.term !== d ? `The form ${q(d)} of ${q(p.term)} was skipped: it is an everyday Dutch word` : `The term ${q(d)} was skipped: it is an everyday Dutch word`),
  badSource: (p, d) => `The source ${q(d)}${p.term ? ` of ${q(p.term)}` : ''} was left out: only http and https addresses can be used`,
  storageFull: () => "The browser's storage is full. Remove or shrink another list first",
  network: (_, d) => `The list could not be fetched: there is no connection${d ? ` (${d})` : ''}`,
  httpStatus: (_, d) => `The list could not be fetched: the server answered with an error${d ? ` (${d})` : ''}`,
  timeout: () => 'The list could not be fetched: the server did not answer in time',
  redirect: (_, d) => `The list was not fetched: the address redirects to another website${d ? ` (${d})` : ''}`,
  badUrl: (_, d) => `This address cannot be used${d ? ` (${d})` : ''}: give a full address that starts with https://`,
};

/** One sentence for a problem, with its place in the file first ("Regel 3, kolom 14: …"). */
export function describeProblem(p: Problem, lang: Lang): string {
  const texts = lang === 'nl' ? NL : EN;
  const text = texts[p.code] ?? texts.notGlossary;
  const detail = p.detail ?? '';
  let sentence = text(p, detail);
  const where: string[] = [];
  if (p.line !== undefined) where.push(`${lang === 'nl' ? 'Regel' : 'Line'} ${p.line}`);
  if (p.column !== undefined) where.push(`${lang === 'nl' ? 'kolom' : 'column'} ${p.column}`);
  // After the place the sentence goes on in lower case (none of them starts with a name).
  if (where.length > 0) sentence = `${where.join(', ')}: ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  else if (p.code === 'syntax') sentence = lang === 'nl' ? `In het bestand: ${sentence}` : `In the file: ${sentence}`;
  sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
