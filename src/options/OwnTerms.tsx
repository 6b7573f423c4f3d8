/**
 * "Eigen begrippen" (own terms, issue 20): collections beside the bundled glossary. Each import
 * makes one; "Mijn begrippen" holds the terms added by hand; subscriptions and organisation lists
 * (issue 21) are collections the background keeps up to date.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadCollections, watchCollections } from '../common/own-store';
import { MINE_ID, type Collection, type OwnTerm } from '../common/own-terms';
import { describeProblem } from '../common/own-terms-text';
import { ImportPanel } from './ImportPanel';
import { Subscribe } from './Subscribe';
import { TermForm } from './TermForm';
import { allAsOne, collectionsToJson, deleteTerm, download, exportText, removeCollection, saveMyTerm, termIdFor, updateCollection, type ExportFormat } from './own-actions';
import { lang, shortDate, tr } from './own-text';

const blankTerm = (id: string): OwnTerm => ({ id, term: '', abbreviations: [], variants: [], definition: '', caseSensitive: false });

function ExportMenu({ id, onExport }: { id: string; onExport(f: ExportFormat): void }) {
  return (
    <select id={id} aria-label={tr('Exporteren als', 'Export as')} value="" onChange={(e) => {
      const v = (e.target as HTMLSelectElement).value as ExportFormat;
      (e.target as HTMLSelectElement).value = '';
      if (v) onExport(v);
    }}>
      <option value="">{tr('Exporteren…', 'Export…')}</option>
      <option value="ttl">NL-SBB (Turtle)</option>
      <option value="csv">CSV</option>
      <option value="json">JSON</option>
    </select>
  );
}

function originLabel(c: Collection): string {
  if (c.origin === 'policy') return tr('Ingesteld door uw organisatie', 'Set by your organisation');
  if (c.origin === 'subscription') return tr('Abonnement', 'Subscription');
  if (c.origin === 'manual') return tr('Met de hand toegevoegd', 'Added by hand');
  return tr('Geïmporteerd', 'Imported');
}

function CollectionRow({ c, report }: { c: Collection; report(msg: string): void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(c.name);
  const run = (p: Promise<unknown>) => void p.then((problem) => problem && report(describeProblem(problem as never, lang())));
  const fetchInfo = c.fetch ? (
    <span class="muted">
      {c.fetch.lastSuccess ? tr(` · bijgewerkt ${shortDate(c.fetch.lastSuccess)}`, ` · updated ${shortDate(c.fetch.lastSuccess)}`) : ''}
      {c.fetch.error ? <span class="error"> · {describeProblem(c.fetch.error, lang())}</span> : null}
    </span>
  ) : null;
  return (
    <li class="collection" data-id={c.id}>
      <div class="row">
        <label class="inline"><input type="checkbox" class="coll-enabled" checked={c.enabled} disabled={c.locked === true} onChange={(e) => run(updateCollection(c.id, { enabled: (e.target as HTMLInputElement).checked }))} />{' '}
          <strong class="coll-name">{c.name}</strong></label>
        <span class="muted coll-meta">{c.count === 1 ? tr('1 begrip', '1 term') : tr(`${c.count} begrippen`, `${c.count} terms`)} · {shortDate(c.updated)} · {originLabel(c)}{fetchInfo}</span>
      </div>
      {c.url ? <p class="muted url">{c.url}</p> : null}
      <div class="row">
        <label class="inline"><input type="checkbox" class="coll-care" checked={c.onlyCareSites} onChange={(e) => run(updateCollection(c.id, { onlyCareSites: (e.target as HTMLInputElement).checked }))} /> {tr('Alleen op pagina’s over zorg', 'Only on pages about care')}</label>
        {renaming ? (
          <span>
            <input type="text" class="coll-rename" value={name} aria-label={tr('Nieuwe naam', 'New name')} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
            <button type="button" class="btn" onClick={() => { setRenaming(false); run(updateCollection(c.id, { name: name.trim() || c.name })); }}>{tr('Opslaan', 'Save')}</button>
          </span>
        ) : (
          <button type="button" class="btn secondary" onClick={() => setRenaming(true)}>{tr('Naam wijzigen', 'Rename')}</button>
        )}
        <ExportMenu id={`export-${c.id}`} onExport={(f) => download(exportText(c, f), c.name, f)} />
        {c.origin !== 'policy' ? (
          <button type="button" class="btn secondary coll-remove" onClick={() => { if (confirm(tr(`"${c.name}" verwijderen?`, `Remove "${c.name}"?`))) run(removeCollection(c.id)); }}>{tr('Verwijderen', 'Remove')}</button>
        ) : null}
      </div>
    </li>
  );
}

export function OwnTerms() {
  const [cols, setCols] = useState<Collection[] | null>(null);
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<OwnTerm | null>(null);
  const reload = () => void loadCollections().then(setCols);
  useEffect(() => {
    reload();
    const ctl = new AbortController();
    watchCollections(reload, ctl.signal);
    return () => ctl.abort();
  }, []);
  if (!cols) return null;
  const mine = cols.find((c) => c.id === MINE_ID);
  const save = async (t: OwnTerm) => {
    const problem = await saveMyTerm(t, tr('Mijn begrippen', 'My terms'));
    if (problem) return describeProblem(problem, lang());
    setEditing(null);
    setMessage(tr(`"${t.term}" is opgeslagen.`, `"${t.term}" saved.`));
    return null;
  };
  const exportAll = (f: ExportFormat) => {
    const name = tr('Alle eigen begrippen', 'All own terms');
    download(f === 'json' ? collectionsToJson(cols) : exportText(allAsOne(cols, name), f), name, f);
  };
  return (
    <fieldset id="own-terms">
      <legend>{tr('Eigen begrippen', 'Own terms')}</legend>
      <p class="hint">{tr('Voeg begrippen van uw organisatie of regio toe. Ze worden gemarkeerd zoals de begrippen van IZA Begrippen. Ze blijven in deze browser en worden niet gesynchroniseerd: gebruik exporteren en importeren om ze mee te nemen.',
        'Add the terms of your organisation or region. They are highlighted like the bundled terms. They stay in this browser and do not sync: use export and import to carry them over.')}</p>
      {message ? <p class="ok" role="status">{message}</p> : null}
      <ImportPanel cols={cols} onDone={setMessage} />
      <Subscribe cols={cols} onDone={setMessage} />
      {cols.length > 0 ? (
        <>
          <h2 class="sub">{tr('Verzamelingen', 'Collections')}</h2>
          <ul class="collections">{cols.map((c) => <CollectionRow c={c} report={setMessage} />)}</ul>
          <div class="row"><span>{tr('Alle eigen begrippen:', 'All own terms:')}</span> <ExportMenu id="export-all" onExport={exportAll} /></div>
        </>
      ) : null}
      <h2 class="sub">{tr('Mijn begrippen', 'My terms')}</h2>
      {mine && mine.terms.length > 0 ? (
        <ul class="my-terms">
          {mine.terms.map((t) => (
            <li data-id={t.id}>
              <strong>{t.term}</strong>{t.abbreviations.length ? ` (${t.abbreviations.join(', ')})` : ''}: <span class="muted">{t.definition.slice(0, 120)}</span>{' '}
              <button type="button" class="link term-edit" onClick={() => setEditing(t)}>{tr('Wijzigen', 'Edit')}</button>{' '}
              <button type="button" class="link term-delete" onClick={() => void deleteTerm(MINE_ID, t.id).then((p) => p && setMessage(describeProblem(p, lang())))}>{tr('Verwijderen', 'Delete')}</button>
            </li>
          ))}
        </ul>
      ) : null}
      {editing ? (
        <TermForm key={editing.id} initial={editing} save={save} cancel={() => setEditing(null)} />
      ) : (
        <button type="button" class="btn" id="term-add" onClick={() => setEditing(blankTerm(termIdFor(`begrip-${Date.now().toString(36)}`, mine?.terms.map((t) => t.id) ?? [])))}>{tr('Begrip toevoegen', 'Add a term')}</button>
      )}
    </fieldset>
  );
}
