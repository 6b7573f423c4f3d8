/**
 * Import of a glossary file (NL-SBB Turtle, CSV, JSON) into a new collection: a file input or a
 * dropped file, then a preview (concepts, forms, collisions, what is skipped and why), and only
 * "Importeren" changes anything. A refused file changes nothing.
 */
import { useState } from 'preact/hooks';
import { parseGlossaryFile } from '../compiler/formats';
import { collisions, formsOfTerm } from '../compiler/own-compile';
import { bundledMatcherData, getEntry } from '../common/glossary-data';
import { isEverydayWord } from '../common/everyday';
import { LIMITS, type Collection, type ParseResult, type Problem } from '../common/own-terms';
import { describeProblem } from '../common/own-terms-text';
import { importCollection } from './own-actions';
import { lang, tr } from './own-text';

export interface Preview {
  fileName: string;
  result: ParseResult;
  forms: string[];
  clashes: { form: string; with: string[] }[];
}

/** The names of the meanings a form already has: bundled term names, or own collection names. */
function holders(ids: string[], cols: Collection[]): string[] {
  return [
    ...new Set(
      ids.map((id) => {
        if (!id.startsWith('own:')) return `${getEntry(id)?.term ?? id} (IZA Begrippen)`;
        const [, cid] = id.split(':');
        return cols.find((c) => c.id === cid)?.name ?? id;
      }),
    ),
  ];
}

export async function readGlossaryFile(file: File, cols: Collection[]): Promise<Preview | Problem> {
  // Refused before reading: a 20 MB file must not hang the page.
  if (file.size > LIMITS.maxFileBytes) return { code: 'tooBig', detail: `${(file.size / 1048576).toFixed(1)} MB` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return previewOf(parseGlossaryFile(bytes, { fileName: file.name, contentType: file.type, everyday: isEverydayWord }), file.name, cols);
}

/** What an import of `result` would add and collide with, or why it cannot be imported. */
export function previewOf(result: ParseResult, fileName: string, cols: Collection[]): Preview | Problem {
  if (result.fatal) return result.fatal;
  if (result.terms.length === 0) return result.skipped[0] ?? { code: 'empty' };
  const forms = result.terms.flatMap((t) => formsOfTerm(t).map((f) => f.text));
  const clashes = collisions(bundledMatcherData(), cols, result.terms).map((c) => ({ form: c.form, with: holders(c.ids, cols) }));
  return { fileName, result, forms, clashes };
}

export const isProblem = (v: Preview | Problem): v is Problem => 'code' in v;

export function ImportPanel({ cols, onDone }: { cols: Collection[]; onDone: (message: string) => void }) {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState('');
  const [careOnly, setCareOnly] = useState(false);
  const [dragging, setDragging] = useState(false);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setError('');
    setPreview(null);
    setBusy(true);
    const got = await readGlossaryFile(file, cols).catch((err: unknown): Problem => ({ code: 'notGlossary', detail: String(err) }));
    setBusy(false);
    if (isProblem(got)) {
      setError(describeProblem(got, lang()));
      return;
    }
    setPreview(got);
    setName(got.result.name ?? file.name.replace(/\.[^.]+$/, ''));
  };
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    const problem = await importCollection(name.trim() || preview.fileName, preview.result.terms, careOnly);
    setBusy(false);
    if (problem) {
      setError(describeProblem(problem, lang()));
      return;
    }
    setPreview(null);
    onDone(tr(`${preview.result.terms.length} begrippen geïmporteerd in "${name}".`, `${preview.result.terms.length} terms imported into "${name}".`));
  };

  return (
    <div
      class={dragging ? 'drop dragging' : 'drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void take(e.dataTransfer?.files[0]);
      }}
    >
      <label for="own-import">{tr('Importeer een bestand (NL-SBB Turtle, CSV of JSON), of sleep het hierheen', 'Import a file (NL-SBB Turtle, CSV or JSON), or drop it here')}</label>
      <input type="file" id="own-import" accept=".ttl,.csv,.json,text/turtle,text/csv,application/json" disabled={busy}
        onChange={(e) => {
          const input = e.target as HTMLInputElement;
          void take(input.files?.[0]).then(() => (input.value = ''));
        }} />
      {busy ? <progress class="busy" aria-label={tr('Bezig…', 'Working…')} /> : null}
      {error ? <p class="error" role="alert">{error}</p> : null}
      {preview ? <PreviewView p={preview} name={name} setName={setName} careOnly={careOnly} setCareOnly={setCareOnly} busy={busy} confirm={() => void confirm()} cancel={() => setPreview(null)} /> : null}
    </div>
  );
}

export function PreviewView(props: { p: Preview; name: string; setName(v: string): void; careOnly: boolean; setCareOnly(v: boolean): void; busy: boolean; confirm(): void; cancel(): void; confirmLabel?: string }) {
  const { p } = props;
  const shown = p.forms.slice(0, 60);
  return (
    <section class="preview" aria-label={tr('Voorbeeld van de import', 'Import preview')}>
      <h2 class="sub">{tr('Voorbeeld', 'Preview')}: {p.fileName}</h2>
      <p id="preview-counts">
        {tr(`Het bestand bevat ${p.result.concepts} begrippen. ${p.result.terms.length} worden geïmporteerd, ${p.result.concepts - p.result.terms.length} overgeslagen.`,
          `The file holds ${p.result.concepts} concepts. ${p.result.terms.length} will be imported, ${p.result.concepts - p.result.terms.length} skipped.`)}
      </p>
      <details open={p.forms.length <= 60}>
        <summary>{tr(`Wordt gemarkeerd (${p.forms.length} vormen)`, `Will be highlighted (${p.forms.length} forms)`)}</summary>
        <p class="forms">{shown.join(', ')}{p.forms.length > shown.length ? ' …' : ''}</p>
      </details>
      {p.clashes.length > 0 ? (
        <details open>
          <summary>{tr(`Botst met bestaande begrippen (${p.clashes.length}): de kaart toont dan beide betekenissen`, `Collides with existing terms (${p.clashes.length}): the card then shows both meanings`)}</summary>
          <ul class="clashes">{p.clashes.slice(0, 50).map((c) => <li>{c.form}: {c.with.join(', ')}</li>)}</ul>
        </details>
      ) : null}
      {p.result.skipped.length > 0 ? (
        <details open>
          <summary>{tr(`Overgeslagen (${p.result.skipped.length})`, `Skipped (${p.result.skipped.length})`)}</summary>
          <ul class="skipped">{p.result.skipped.slice(0, 100).map((s) => <li>{describeProblem(s, lang())}</li>)}</ul>
        </details>
      ) : null}
      <label>{tr('Naam van de verzameling', 'Collection name')} <input type="text" id="import-name" value={props.name} onInput={(e) => props.setName((e.target as HTMLInputElement).value)} /></label>
      <label><input type="checkbox" id="import-care-only" checked={props.careOnly} onChange={(e) => props.setCareOnly((e.target as HTMLInputElement).checked)} /> {tr('Alleen markeren op pagina’s over zorg', 'Highlight only on pages about care')}</label>
      <div class="row">
        <button type="button" class="btn" id="import-confirm" disabled={props.busy} onClick={props.confirm}>{props.confirmLabel ?? tr('Importeren', 'Import')}</button>
        <button type="button" class="btn secondary" id="import-cancel" disabled={props.busy} onClick={props.cancel}>{tr('Annuleren', 'Cancel')}</button>
      </div>
    </section>
  );
}
