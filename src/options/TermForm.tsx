/** Adding or editing one own term by hand (it goes into "Mijn begrippen"). */
import { useState } from 'preact/hooks';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '../common/glossary-types';
import { LIMITS, type OwnTerm } from '../common/own-terms';
import { lang, tr } from './own-text';

const list = (text: string): string[] => [...new Set(text.split(/[,;\n]/).map((s) => s.trim()).filter((s) => s.length >= LIMITS.minFormLength))];

/** Why the form cannot be saved, or null. */
export function termError(t: OwnTerm): string | null {
  if (t.term.trim().length < LIMITS.minFormLength) return tr('Geef het begrip een naam van minstens twee tekens.', 'Give the term a name of at least two characters.');
  if (t.definition.trim() === '') return tr('Geef een uitleg.', 'Give a definition.');
  if (t.source) {
    try {
      if (!/^https?:$/.test(new URL(t.source.url).protocol)) throw new Error('scheme');
    } catch {
      return tr('De bron moet een webadres zijn (https://…).', 'The source must be a web address (https://…).');
    }
  }
  return null;
}

export function TermForm({ initial, save, cancel }: { initial: OwnTerm; save(t: OwnTerm): Promise<string | null>; cancel(): void }) {
  const [f, setF] = useState({
    term: initial.term,
    abbreviations: initial.abbreviations.join(', '),
    variants: initial.variants.join(', '),
    definition: initial.definition,
    enName: initial.en?.name ?? '',
    enDefinition: initial.en?.definition ?? '',
    category: initial.category ?? 'begrip',
    source: initial.source?.url ?? '',
    caseSensitive: initial.caseSensitive,
  });
  const [error, setError] = useState('');
  const field = (key: keyof typeof f) => (e: Event) => setF({ ...f, [key]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    const cut = (s: string) => s.trim().slice(0, LIMITS.maxTextLength);
    const term: OwnTerm = {
      id: initial.id,
      term: cut(f.term),
      abbreviations: list(f.abbreviations),
      variants: list(f.variants),
      definition: cut(f.definition),
      category: f.category as Category,
      caseSensitive: f.caseSensitive,
    };
    if (f.enName.trim() || f.enDefinition.trim()) term.en = { name: cut(f.enName), definition: cut(f.enDefinition) };
    if (f.source.trim()) term.source = { url: f.source.trim() };
    const why = termError(term);
    if (why) return setError(why);
    const failed = await save(term);
    if (failed) setError(failed);
  };
  return (
    <form class="term-form" onSubmit={(e) => void submit(e)}>
      <label>{tr('Begrip', 'Term')} <input type="text" id="term-name" required value={f.term} onInput={field('term')} /></label>
      <label>{tr('Afkortingen (met komma’s ertussen)', 'Abbreviations (separated by commas)')} <input type="text" id="term-abbreviations" value={f.abbreviations} onInput={field('abbreviations')} /></label>
      <label>{tr('Andere schrijfwijzen (met komma’s ertussen)', 'Other forms (separated by commas)')} <input type="text" id="term-variants" value={f.variants} onInput={field('variants')} /></label>
      <label>{tr('Uitleg', 'Definition')} <textarea id="term-definition" required value={f.definition} onInput={field('definition')} /></label>
      <label>{tr('Engelse naam (niet verplicht)', 'English name (optional)')} <input type="text" id="term-en-name" value={f.enName} onInput={field('enName')} /></label>
      <label>{tr('Engelse uitleg (niet verplicht)', 'English definition (optional)')} <textarea id="term-en-definition" value={f.enDefinition} onInput={field('enDefinition')} /></label>
      <label>{tr('Soort', 'Category')}{' '}
        <select id="term-category" value={f.category} onChange={field('category')}>
          {CATEGORIES.map((c) => <option value={c}>{CATEGORY_LABELS[c][lang()]}</option>)}
        </select>
      </label>
      <label>{tr('Bron (webadres)', 'Source (web address)')} <input type="url" id="term-source" value={f.source} onInput={field('source')} /></label>
      <label><input type="checkbox" id="term-case" checked={f.caseSensitive} onChange={(e) => setF({ ...f, caseSensitive: (e.target as HTMLInputElement).checked })} /> {tr('Alleen met precies deze hoofdletters', 'Only in exactly this case')}</label>
      {error ? <p class="error" role="alert">{error}</p> : null}
      <div class="row">
        <button type="submit" class="btn" id="term-save">{tr('Opslaan', 'Save')}</button>
        <button type="button" class="btn secondary" onClick={cancel}>{tr('Annuleren', 'Cancel')}</button>
      </div>
    </form>
  );
}
