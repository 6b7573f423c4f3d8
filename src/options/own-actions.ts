/**
 * What the "Eigen begrippen" section does with collections: import a parsed file, add, edit and
 * delete a term, switch, rename, remove and export. Every change goes through own-store's
 * commit(): one write, with the matcher data compiled, or nothing at all.
 */
import { collectionsToJson, collectionToCsv, collectionToJson, collectionToTurtle } from '../compiler/formats/export';
import { commit, emptyCollection, newCollectionId } from '../common/own-store';
import { MINE_ID, type Collection, type FetchState, type OwnTerm, type Problem } from '../common/own-terms';

export type ExportFormat = 'ttl' | 'csv' | 'json';

/** Adds a collection made by an import, as one change. */
export function importCollection(name: string, terms: OwnTerm[], onlyCareSites: boolean, list?: { url: string; fetch: FetchState }): Promise<Problem | null> {
  return commit((cols) => {
    const c = emptyCollection(newCollectionId(cols.map((x) => x.id)), name, list ? 'subscription' : 'import');
    c.terms = terms;
    c.onlyCareSites = onlyCareSites;
    if (list) {
      c.url = list.url;
      c.fetch = list.fetch;
    }
    return [...cols, c];
  });
}

/** Adds or replaces (same id) a term in "Mijn begrippen", which is made on first use. */
export function saveMyTerm(term: OwnTerm, name: string): Promise<Problem | null> {
  return commit((cols) => {
    let mine = cols.find((c) => c.id === MINE_ID);
    if (!mine) {
      mine = emptyCollection(MINE_ID, name, 'manual');
      cols.push(mine);
    }
    const at = mine.terms.findIndex((t) => t.id === term.id);
    if (at >= 0) mine.terms[at] = term;
    else mine.terms.push(term);
    mine.updated = new Date().toISOString();
    return cols;
  });
}

export function deleteTerm(collectionId: string, termId: string): Promise<Problem | null> {
  return commit((cols) =>
    cols.map((c) => (c.id === collectionId ? { ...c, terms: c.terms.filter((t) => t.id !== termId), updated: new Date().toISOString() } : c)),
  );
}

export function updateCollection(id: string, patch: Partial<Pick<Collection, 'name' | 'enabled' | 'onlyCareSites'>>): Promise<Problem | null> {
  return commit((cols) => cols.map((c) => (c.id === id && !(c.locked && patch.enabled === false) ? { ...c, ...patch } : c)));
}

export function removeCollection(id: string): Promise<Problem | null> {
  return commit((cols) => cols.filter((c) => c.id !== id || c.origin === 'policy'));
}

/** A term id made from its name, unique among `taken`. */
export function termIdFor(term: string, taken: readonly string[]): string {
  const base =
    term
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'begrip';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

/** All own terms as one collection (ids prefixed by their collection's), for "export all". */
export function allAsOne(cols: Collection[], name: string): Collection {
  const all = emptyCollection('all', name, 'manual');
  all.terms = cols.flatMap((c) =>
    c.terms.map((t) => ({
      ...t,
      id: `${c.id}-${t.id}`,
      ...(t.related ? { related: t.related.map((r) => `${c.id}-${r}`) } : {}),
      ...(t.broader ? { broader: `${c.id}-${t.broader}` } : {}),
    })),
  );
  return all;
}

export function exportText(c: Collection, format: ExportFormat): string {
  return format === 'ttl' ? collectionToTurtle(c) : format === 'csv' ? collectionToCsv(c) : collectionToJson(c);
}

export { collectionsToJson };

const MIME: Record<ExportFormat, string> = { ttl: 'text/turtle', csv: 'text/csv', json: 'application/json' };

/** Offers `text` as a download named after the collection. */
export function download(text: string, name: string, format: ExportFormat): void {
  const file = `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'begrippen'}.${format}`;
  downloadFile(format === 'csv' ? `\ufeff${text}` : text, file, `${MIME[format]};charset=utf-8`);
}

/** Offers `text` as a file download from the options page. */
export function downloadFile(text: string, file: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: file });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
