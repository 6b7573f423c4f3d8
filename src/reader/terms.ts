/**
 * The reader's terms: marks in each rendered text layer, the card on hover and focus, the
 * keyboard model, and jump / next / previous over the whole document. The card, its triggers,
 * the roving tab stop, the matcher and the highlighter are the content script's own modules;
 * what is here is only what a paged document adds: occurrences that live on pages pdf.js has not
 * rendered (or has dropped again), and marks split over two text nodes that are one term.
 */
import { CardHost } from '../content/card/host';
import { installTriggers } from '../content/card/triggers';
import { RovingFocus } from '../content/keyboard';
import { MARK_ATTR, MARK_SELECTOR } from '../content/dom-rules';
import { getEntry } from '../common/glossary-data';
import type { Settings } from '../common/settings';
import { countTerms, pageMatches, type DocTerms, type TermFilter } from './extract';
import { FIRST_ATTR, OCC_ATTR, markLayer, readLayer, unmarkLayer, type Written } from './text-layer';

const STYLE_CLASS = { underline: 'iza-u', background: 'iza-b', none: 'iza-n' } as const;
const FIRST_SELECTOR = `${MARK_SELECTOR}[${FIRST_ATTR}]`;

export interface TermsHost {
  /** Scrolls page `n` into view; its text layer follows (textLayer is called for it). */
  showPage(n: number): void;
  /** The page the reader is on. */
  currentPage(): number;
}

export class ReaderTerms {
  private readonly controller = new AbortController();
  private readonly card: CardHost;
  private readonly roving: RovingFocus;
  private readonly layers = new Map<number, { div: HTMLElement; written: Written }>();
  private readonly waiters = new Map<number, (() => void)[]>();
  private jumpIndex = new Map<string, number>();
  doc: DocTerms | null = null;

  constructor(private readonly document: Document, private settings: Settings, private readonly filter: TermFilter, private readonly host: TermsHost) {
    this.card = new CardHost(document, () => undefined);
    this.roving = new RovingFocus(() => [...document.querySelectorAll<HTMLElement>(FIRST_SELECTOR)], document);
    installTriggers(document, this.card, this.roving, {
      hoverDelay: () => this.settings.hoverDelay,
      hoverEnabled: () => this.settings.highlightStyle !== 'none',
      openFor: (mark) => this.openCard(mark),
    }, this.controller.signal);
  }

  get styleClass(): string {
    return STYLE_CLASS[this.settings.highlightStyle];
  }

  /** Marks a page's text layer (again, if pdf.js or find highlighting rewrote it). */
  layerReady(pageNumber: number, div: HTMLElement): void {
    this.unmark(pageNumber);
    if (this.settings.firstOnly === 'page' && !this.doc?.done) return; // Needs the earlier pages.
    const text = readLayer(div);
    const matches = pageMatches(text.page.text, this.filter, this.seenBefore(pageNumber));
    this.layers.set(pageNumber, { div, written: markLayer(text, matches, pageNumber, this.styleClass) });
    this.roving.refresh();
    for (const w of this.waiters.get(pageNumber)?.splice(0) ?? []) w();
  }

  /** Marks every layer again (after settings changed, or the document count finished). */
  remarkAll(): void {
    for (const [n, l] of [...this.layers]) if (l.div.isConnected) this.layerReady(n, l.div);
  }

  unmark(pageNumber: number): void {
    const l = this.layers.get(pageNumber);
    if (!l) return;
    unmarkLayer(l.written);
    this.layers.delete(pageNumber);
  }

  update(next: Settings): void {
    const prev = this.settings;
    this.settings = next;
    if (prev.highlightStyle !== next.highlightStyle || prev.firstOnly !== next.firstOnly || prev.categories.join() !== next.categories.join()) this.remarkAll();
  }

  stats(): { count: number; terms: { id: string; count: number }[] } {
    return this.doc ? countTerms(this.doc) : { count: 0, terms: [] };
  }

  /** The next occurrence of `id` in the document (cycling), shown, focused and with its card. */
  async jump(id: string): Promise<boolean> {
    const all = this.occurrences().filter((o) => o.ids.includes(id));
    if (all.length === 0) return false;
    const i = ((this.jumpIndex.get(id) ?? -1) + 1) % all.length;
    this.jumpIndex.set(id, i);
    const o = all[i] as Occ;
    const mark = await this.reveal(o.page, o.index);
    if (!mark) return false;
    mark.classList.add('iza-flash');
    setTimeout(() => mark.classList.remove('iza-flash'), 1200);
    this.roving.focus(mark);
    this.openCard(mark);
    return true;
  }

  /** Next (1) or previous (-1) term from the focused one, or from the page in view; across pages. */
  async step(dir: 1 | -1): Promise<boolean> {
    const all = this.occurrences();
    if (all.length === 0) return false;
    const active = this.document.activeElement;
    const from = active instanceof HTMLElement && active.hasAttribute(OCC_ATTR) ? active : this.card.current;
    const at = from?.getAttribute(OCC_ATTR)?.split(':').map(Number);
    let i: number;
    if (at && at.length === 2) {
      i = all.findIndex((o) => o.page === at[0] && o.index === at[1]) + dir;
    } else {
      const page = this.host.currentPage();
      i = dir === 1 ? all.findIndex((o) => o.page >= page) : all.findLastIndex((o) => o.page <= page);
    }
    const o = all[(i + all.length) % all.length] as Occ;
    const mark = await this.reveal(o.page, o.index);
    if (!mark) return false;
    this.roving.focus(mark);
    this.openCard(mark);
    return true;
  }

  /** Arrow keys on a term at the edge of the rendered pages go on to the next page's terms. */
  handleKey(e: KeyboardEvent): void {
    const mark = e.target instanceof HTMLElement && e.target.hasAttribute(OCC_ATTR) ? e.target : null;
    if (!mark || e.altKey || e.ctrlKey || e.metaKey) return;
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (dir === 0) return;
    e.preventDefault();
    e.stopPropagation(); // The page-wide roving step would wrap within the rendered pages only.
    void this.step(dir);
  }

  stop(): void {
    this.controller.abort();
    this.card.destroy();
    this.roving.destroy();
    for (const n of [...this.layers.keys()]) this.unmark(n);
  }

  private openCard(anchor: HTMLElement): void {
    const ids = (anchor.getAttribute(MARK_ATTR) ?? '').split(' ').filter(Boolean);
    if (ids.length === 0) return;
    const occ = anchor.getAttribute(OCC_ATTR);
    // A term over two lines is one term: the card shows all of its parts.
    const parts = occ ? [...this.document.querySelectorAll(`[${OCC_ATTR}="${occ}"]`)] : [anchor];
    const first = parts.find((p) => p.hasAttribute(FIRST_ATTR)) as HTMLElement | undefined;
    this.card.show(first ?? anchor, {
      ids,
      matched: parts.map((p) => p.textContent ?? '').join(' ').replace(/-\s/g, '').replace(/\s+/g, ' ').trim(),
      getEntry,
      lead: this.settings.definitionLanguage,
      both: this.settings.showEnglish,
    });
  }

  /** The ids seen on the pages before `n` (for "first occurrence only" over the document). */
  private seenBefore(n: number): Set<string> | null {
    if (this.settings.firstOnly !== 'page') return null;
    const seen = new Set<string>();
    for (const page of this.doc?.pages.slice(0, n - 1) ?? []) for (const ids of page ?? []) for (const id of ids) seen.add(id);
    return seen;
  }

  private occurrences(): Occ[] {
    const out: Occ[] = [];
    this.doc?.pages.forEach((page, p) => page?.forEach((ids, index) => out.push({ page: p + 1, index, ids })));
    return out;
  }

  /** The first mark of occurrence `index` on `page`, once that page's text layer is marked. */
  private async reveal(page: number, index: number): Promise<HTMLElement | null> {
    const find = () => this.layers.get(page)?.div.querySelector<HTMLElement>(`[${OCC_ATTR}="${page}:${index}"][${FIRST_ATTR}]`) ?? null;
    let mark = find();
    if (!mark) {
      const ready = new Promise<void>((resolve) => {
        const list = this.waiters.get(page) ?? [];
        list.push(resolve);
        this.waiters.set(page, list);
        setTimeout(resolve, 5000);
      });
      this.host.showPage(page);
      await ready;
      mark = find();
    }
    mark?.scrollIntoView({ block: 'center' });
    return mark;
  }
}

interface Occ {
  page: number;
  index: number;
  ids: readonly string[];
}
