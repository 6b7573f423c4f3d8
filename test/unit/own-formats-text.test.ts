/**
 * Own terms (issue 20): every problem as one clear sentence, in Dutch and in English, with its
 * place in the file and its detail.
 */
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/common/own-terms-text';
import type { Problem, ProblemCode } from '../../src/common/own-terms';

const CODES: ProblemCode[] = [
  'syntax', 'notGlossary', 'empty', 'tooBig', 'tooMany', 'columns', 'encoding', 'noLabel', 'noDefinition', 'duplicateId',
  'shortForm', 'everydayWord', 'badSource', 'storageFull', 'network', 'httpStatus', 'timeout', 'redirect', 'badUrl',
];

describe('describeProblem', () => {
  it('gives every code a sentence in both languages, starting with a capital and ending with a full stop', () => {
    for (const code of CODES) {
      for (const lang of ['nl', 'en'] as const) {
        const text = describeProblem({ code, detail: 'x' }, lang);
        expect(text, `${code} ${lang}`).toMatch(/^[A-Z“].{10,}\.$/s);
        expect(text).not.toMatch(/undefined|\[object/);
      }
      expect(describeProblem({ code }, 'nl')).not.toBe(describeProblem({ code }, 'en'));
    }
  });

  it('puts the line and column first', () => {
    const p: Problem = { code: 'syntax', line: 3, column: 14, detail: '"met korting."' };
    expect(describeProblem(p, 'nl')).toBe('Regel 3, kolom 14: de Turtle-code klopt hier niet ("met korting.").');
    expect(describeProblem(p, 'en')).toBe('Line 3, column 14: the Turtle code is not valid here ("met korting.").');
    expect(describeProblem({ code: 'syntax', line: 2, column: 10, detail: '"' }, 'nl')).toBe('Regel 2, kolom 10: hier begint een aanhalingsteken (") dat nergens wordt gesloten.');
    expect(describeProblem({ code: 'syntax', line: 2, column: 16, detail: 'JSON' }, 'en')).toBe('Line 2, column 16: the JSON is not valid here.');
    expect(describeProblem({ code: 'noDefinition', line: 5, detail: 'Wijkteam' }, 'nl')).toBe('Regel 5: het begrip “Wijkteam” is overgeslagen: het heeft geen definitie.');
  });

  it('says what kind of file it is not', () => {
    expect(describeProblem({ code: 'notGlossary', detail: 'PDF' }, 'nl')).toBe('Het bestand is geen begrippenlijst (het lijkt een PDF).');
    expect(describeProblem({ code: 'notGlossary', detail: 'PNG' }, 'nl')).toBe('Het bestand is geen begrippenlijst (het lijkt een afbeelding).');
    expect(describeProblem({ code: 'notGlossary', detail: 'binary' }, 'en')).toBe('The file is not a glossary (it is not a text file).');
    expect(describeProblem({ code: 'notGlossary', detail: 'ZIP' }, 'nl')).toContain('sla het op als CSV');
    expect(describeProblem({ code: 'notGlossary', detail: 'text/html' }, 'en')).toContain('web page');
    expect(describeProblem({ code: 'notGlossary' }, 'nl')).toBe('Het bestand is geen begrippenlijst (het lijkt een PDF of een afbeelding).');
  });

  it('names missing columns, sizes and counts', () => {
    expect(describeProblem({ code: 'columns', detail: 'definition' }, 'nl')).toMatch(/^De kolom “definitie” ontbreekt:/);
    expect(describeProblem({ code: 'columns', detail: 'term, definition' }, 'en')).toMatch(/^The columns “term” and “definition” are missing:/);
    expect(describeProblem({ code: 'tooBig', detail: '20.0 MB' }, 'nl')).toBe('Het bestand is te groot (20.0 MB): het mag hoogstens 10 MB zijn.');
    expect(describeProblem({ code: 'tooMany', detail: '20000' }, 'nl')).toBe('Het bestand heeft te veel begrippen (20.000): een lijst mag er hoogstens 10.000 hebben.');
    expect(describeProblem({ code: 'tooMany', detail: '20000' }, 'en')).toBe('The file has too many terms (20,000): a list may have at most 10,000.');
  });

  it('tells a form of a term from the term itself', () => {
    expect(describeProblem({ code: 'shortForm', detail: 'W', term: 'Wijkteam' }, 'nl')).toBe('De vorm “W” van “Wijkteam” is overgeslagen: die is korter dan 2 letters.');
    expect(describeProblem({ code: 'shortForm', detail: 'X', term: 'X' }, 'en')).toBe('The term “X” was skipped: its name is shorter than 2 letters.');
    expect(describeProblem({ code: 'everydayWord', detail: 'wijk', term: 'wijk' }, 'nl')).toBe('Het begrip “wijk” is overgeslagen: het is een gewoon Nederlands woord.');
  });

  it('describes the problems of fetching a list', () => {
    expect(describeProblem({ code: 'httpStatus', detail: '404' }, 'nl')).toBe('De lijst kon niet worden opgehaald: de server antwoordde met een fout (404).');
    expect(describeProblem({ code: 'timeout' }, 'en')).toBe('The list could not be fetched: the server did not answer in time.');
    expect(describeProblem({ code: 'storageFull' }, 'nl')).toMatch(/^Er is geen ruimte meer/);
  });
});
