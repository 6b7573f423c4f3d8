/** The "page glossary" a reader copies into a memo: the terms on this page with definitions and sources. */
import type { Entry } from './glossary-types';

export interface PageTerm {
  entry: Entry;
  count: number;
}

function title(e: Entry): string {
  const abbr = e.abbreviations[0]?.form;
  return abbr && abbr !== e.term ? `${e.term} (${abbr})` : e.term;
}

/** An own term's collection (issue 20), after its name; bundled terms have none. */
const from = (e: Entry): string => (e.collection ? ` (${e.collection})` : '');

/** Escapes characters Markdown would read as markup. */
function md(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

export function toMarkdown(terms: readonly PageTerm[], pageTitle: string, url: string, english: boolean): string {
  const lines = [`## Begrippen: ${md(pageTitle)}`, '', `Bron van de pagina: <${url}>`, ''];
  for (const { entry } of terms) {
    lines.push(`**${md(title(entry))}**${md(from(entry))}  `);
    lines.push(`${md(entry.definition)}  `);
    if (english && entry.en.definition) lines.push(`*${md(entry.en.name)}:* ${md(entry.en.definition)}  `);
    lines.push(entry.sources.map((s) => `[${md(s.title)}](${s.url})`).join(' · '), '');
  }
  lines.push(terms.some((t) => t.entry.collection) ? '_Uitleg uit IZA Begrippen en eigen begrippen._' : '_Uitleg uit IZA Begrippen._');
  return lines.join('\n');
}

export function toPlainText(terms: readonly PageTerm[], pageTitle: string, url: string, english: boolean): string {
  const lines = [`Begrippen: ${pageTitle}`, url, ''];
  for (const { entry } of terms) {
    lines.push(title(entry) + from(entry), entry.definition);
    if (english && entry.en.definition) lines.push(`${entry.en.name}: ${entry.en.definition}`);
    lines.push(...entry.sources.map((s) => `Bron: ${s.title} - ${s.url}`), '');
  }
  lines.push(terms.some((t) => t.entry.collection) ? 'Uitleg uit IZA Begrippen en eigen begrippen.' : 'Uitleg uit IZA Begrippen.');
  return lines.join('\n');
}
