/**
 * The reader as the term session's second host (src/content/session.ts): each rendered text
 * layer adds its occurrences, and the session paints them and provides the card, the hover hit
 * test, focus, the Tab stop and copying, as on web pages. What is here is only what a paged
 * document adds: occurrences on pages pdf.js has not rendered (or has dropped again), which the
 * background count knows and jump / next / previous reach by rendering their page first.
 */
import { TermSession } from '../engine/session';
import type { Entry, Occurrence } from '../engine/terms';
import type { Settings } from '../common/settings';
import { countTerms, pageMatches, type DocTerms, type TermFilter } from './extract';
import { entriesOf, readLayer } from './text-layer';

export interface TermsHost {
  /** Scrolls page `n` into view; its text layer follows (layerReady is called for it). */
  showPage(n: number): void;
  /** The page the reader is on. */
  currentPage(): number;
}

interface Layer {
  div: HTMLElement;
  entries: Entry[];
  /** The page's occurrences in reading order: index k is the k-th term the count found there. */
  occs: Occurrence[];
}

export class ReaderTerms {
  readonly session: TermSession;
  private readonly layers = new Map<number, Layer>();
  private readonly where = new WeakMap<Occurrence, { page: number; index: number }>();
  private readonly waiters = new Map<number, (() => void)[]>();
  private jumpIndex = new Map<string, number>();
  doc: DocTerms | null = null;

  constructor(private readonly document: Document, private settings: Settings, private readonly filter: TermFilter, private readonly host: TermsHost) {
    this.session = new TermSession(document, settings);
  }

  /** Adds a page's text layer (again, if pdf.js or find highlighting rewrote it). */
  layerReady(pageNumber: number, div: HTMLElement): void {
    const t0 = performance.now();
    this.add(pageNumber, div);
    // The bench sums these: our own work per text layer.
    performance.measure('iza-layer', { start: t0, end: performance.now() });
  }

  private add(pageNumber: number, div: HTMLElement): void {
    this.drop(pageNumber);
    this.prune();
    if (this.settings.firstOnly === 'page' && !this.doc?.done) return; // Needs the earlier pages.
    // pdf.js makes every text layer a tab stop (for selecting with the keyboard); the terms are
    // the tab stop here, and the container scrolls, so Tab does not walk through 300 layers.
    div.tabIndex = -1;
    const text = readLayer(div);
    const matches = pageMatches(text.page.text, this.filter, this.seenBefore(pageNumber));
    const { entries, occs } = entriesOf(text, matches, pageNumber);
    occs.forEach((o, index) => this.where.set(o, { page: pageNumber, index }));
    this.layers.set(pageNumber, { div, entries, occs });
    this.session.add(entries);
    for (const w of this.waiters.get(pageNumber)?.splice(0) ?? []) w();
  }

  /** Adds every layer again (after the document count finished, for "first occurrence only"). */
  readdAll(): void {
    for (const [n, l] of [...this.layers]) if (l.div.isConnected) this.layerReady(n, l.div);
  }

  /**
   * Drops the pages pdf.js has let go of (it keeps about ten rendered): their text layers left
   * the DOM. The browser walks every range of a highlight when it paints, so ranges of pages
   * long gone would make each frame dearer as the reader scrolls through a long PDF.
   */
  private prune(): void {
    for (const [n, l] of [...this.layers]) if (!l.div.isConnected) this.drop(n);
  }

  drop(pageNumber: number): void {
    const l = this.layers.get(pageNumber);
    if (!l) return;
    this.session.remove(l.entries);
    this.layers.delete(pageNumber);
  }

  /** False if the settings need a new session (categories, first occurrence only). */
  update(next: Settings): boolean {
    this.settings = next;
    return this.session.update(next);
  }

  /** Counts over the whole document (from the background extraction), as the content script counts. */
  stats(): { count: number; terms: { id: string; count: number }[] } {
    return this.doc ? countTerms(this.doc) : { count: 0, terms: [] };
  }

  /** The next occurrence of `id` in the document (cycling): shown, focused, flashed, with its card. */
  async jump(id: string): Promise<boolean> {
    const all = this.occurrences().filter((o) => o.ids.includes(id));
    if (all.length === 0) return false;
    const i = ((this.jumpIndex.get(id) ?? -1) + 1) % all.length;
    this.jumpIndex.set(id, i);
    const at = all[i] as DocOcc;
    const o = await this.reveal(at.page, at.index);
    if (!o) return false;
    this.reach(o, 'center');
    this.session.painter.flash(o);
    return true;
  }

  /** Next (1) or previous (-1) term from the focused one or the card's, or from the page in view; across pages. */
  async step(dir: 1 | -1): Promise<boolean> {
    const all = this.occurrences();
    if (all.length === 0) return false;
    const current = this.session.focused(this.document.activeElement) ?? this.session.shown;
    const at = current ? this.where.get(current) : undefined;
    let i: number;
    if (at) i = all.findIndex((o) => o.page === at.page && o.index === at.index) + dir;
    else {
      const page = this.host.currentPage();
      i = dir === 1 ? all.findIndex((o) => o.page >= page) : all.findLastIndex((o) => o.page <= page);
    }
    const next = all[(i + all.length) % all.length] as DocOcc;
    const o = await this.reveal(next.page, next.index);
    if (!o) return false;
    this.reach(o, 'nearest');
    return true;
  }

  /**
   * Arrow keys on a focused term go to the next or previous term of the whole document (the
   * session's own step knows only the rendered pages). Runs before the session's key handler.
   */
  handleKey(e: KeyboardEvent): void {
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && this.tabIntoTerms(e)) return;
    if (e.altKey || e.ctrlKey || e.metaKey || !(e.target instanceof Element) || !this.session.focused(e.target)) return;
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (dir === 0) return;
    e.preventDefault();
    e.stopPropagation();
    void this.step(dir);
  }

  /**
   * Tab from the document container goes to the term stop on the page in view. The session's own
   * Tab model places the stop between focusable elements, but here every term lies inside the
   * container, which is itself a tab stop (for scrolling with the keyboard).
   */
  private tabIntoTerms(e: KeyboardEvent): boolean {
    const active = this.document.activeElement;
    if (!(active instanceof HTMLElement) || active.id !== 'viewer-container') return false;
    const page = this.host.currentPage();
    const layer = this.layers.get(page) ?? [...this.layers.values()][0];
    const o = layer?.occs[0];
    if (!o) return false;
    e.preventDefault();
    e.stopPropagation();
    this.reach(o, 'nearest');
    return true;
  }

  stop(): void {
    this.session.stop();
    this.layers.clear();
  }

  /** Focuses a rendered occurrence and opens its card. */
  private reach(o: Occurrence, block: ScrollLogicalPosition): void {
    // The term in use may hold the text node this one starts in (a term over two lines ends
    // where the next begins): release it first, or this one could not get its element.
    this.session.painter.releaseAll(o);
    const el = this.session.painter.use(o);
    el?.scrollIntoView({ block, inline: 'nearest' });
    this.session.focusTerm(o);
    this.session.open(o, 'focus');
  }

  /** The ids seen on the pages before `n` (for "first occurrence only" over the document). */
  private seenBefore(n: number): Set<string> | null {
    if (this.settings.firstOnly !== 'page') return null;
    const seen = new Set<string>();
    for (const page of this.doc?.pages.slice(0, n - 1) ?? []) for (const ids of page ?? []) for (const id of ids) seen.add(id);
    return seen;
  }

  private occurrences(): DocOcc[] {
    const out: DocOcc[] = [];
    this.doc?.pages.forEach((page, p) => page?.forEach((ids, index) => out.push({ page: p + 1, index, ids })));
    return out;
  }

  /** Occurrence `index` of `page`, once that page's text layer is in (rendering it first). */
  private async reveal(page: number, index: number): Promise<Occurrence | null> {
    const find = () => this.layers.get(page)?.occs[index] ?? null;
    if (!find()) {
      const ready = new Promise<void>((resolve) => {
        const list = this.waiters.get(page) ?? [];
        list.push(resolve);
        this.waiters.set(page, list);
        setTimeout(resolve, 5000);
      });
      this.host.showPage(page);
      await ready;
    }
    return find();
  }
}

interface DocOcc {
  page: number;
  index: number;
  ids: readonly string[];
}
