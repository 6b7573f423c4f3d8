import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { toMarkdown, toPlainText } from '../../src/common/page-glossary';
import { compileYaml } from './helpers';

const entries = compileYaml(readFileSync(new URL('../fixtures/glossary/mini.yaml', import.meta.url), 'utf8')).entries;
const byId = (id: string) => entries.find((e) => e.id === id)!;

describe('copy page glossary', () => {
  const terms = [{ entry: byId('zvw'), count: 3 }, { entry: byId('passende-zorg'), count: 1 }];
  it('writes Markdown with term, abbreviation, definition and source link', () => {
    const md = toMarkdown(terms, 'Kamerbrief [IZA]', 'https://example.org/brief', false);
    expect(md).toContain('**Zorgverzekeringswet (Zvw)**');
    expect(md).toContain('Wet voor de basisverzekering.');
    expect(md).toContain('[Zvw](https://wetten.overheid.nl/BWBR0018450)');
    expect(md).toContain('## Begrippen: Kamerbrief \\[IZA\\]');
    expect(md.indexOf('Zorgverzekeringswet')).toBeLessThan(md.indexOf('passende zorg'));
  });
  it('adds English when asked, and writes plain text', () => {
    expect(toMarkdown(terms, 't', 'u', true)).toContain('*Health Insurance Act:*');
    const txt = toPlainText(terms, 'Brief', 'https://example.org/', false);
    expect(txt).toContain('Zorgverzekeringswet (Zvw)\nWet voor de basisverzekering.\nBron: Zvw - https://wetten.overheid.nl/BWBR0018450');
    expect(txt).not.toContain('**');
  });
  it('names an own term\'s collection (issue 20)', () => {
    const own = { ...byId('zvw'), id: 'own:c1:stadsteam', term: 'Stadsteam Zuid', abbreviations: [], definition: 'Het team voor geld en werk.', sources: [], collection: 'Gemeente Voorbeeldstad' };
    const md = toMarkdown([{ entry: own, count: 1 }, ...terms], 'Brief', 'https://example.org/', false);
    expect(md).toContain('**Stadsteam Zuid** (Gemeente Voorbeeldstad)');
    expect(md).toContain('_Uitleg uit IZA Begrippen en eigen begrippen._');
    expect(toPlainText([{ entry: own, count: 1 }], 'Brief', 'https://example.org/', false)).toContain('Stadsteam Zuid (Gemeente Voorbeeldstad)\nHet team voor geld en werk.');
  });
});
