/**
 * One activation of the extension on a page: engine, card, keyboard and listeners, all owned by
 * one AbortController. stop() undoes every change it made to the page.
 */
import { ext } from '../common/ext';
import { Engine } from './engine';
import { createMatcher, type Matcher } from './matcher';
import { CardHost, adoptCss } from './card/host';
import { installTriggers } from './card/triggers';
import { installCopyCleaner } from './copy';
import { RovingFocus } from './keyboard';
import { MARK_ATTR } from './dom-rules';
import MARK_CSS from './content.css';
import { getEntry, matcherData } from '../common/glossary-data';
import { CATEGORIES, type Category } from '../common/glossary-types';
import type { Settings } from '../common/settings';
import type { TermCount } from '../common/messages';

const STYLE_CLASS = { underline: 'iza-u', background: 'iza-b', none: 'iza-n' } as const;

let sharedMatcher: Matcher | null = null;

export class Activation {
  readonly engine: Engine;
  private readonly controller = new AbortController();
  private readonly card: CardHost;
  private readonly roving: RovingFocus;
  private readonly undoStyles: (() => void)[] = [];
  private jumpIndex = new Map<string, number>();
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document, private settings: Settings) {
    sharedMatcher ??= createMatcher(matcherData());
    const allowed = new Set(settings.categories);
    // With every category on (the default) the entries are not even parsed until a card opens.
    const allowAll = CATEGORIES.every((c) => allowed.has(c));
    this.engine = new Engine(doc, {
      matcher: sharedMatcher,
      allow: (ids) => (allowAll ? ids : ids.filter((id) => allowed.has(getEntry(id)?.category as Category))),
      firstOnly: settings.firstOnly,
      styleClass: STYLE_CLASS[settings.highlightStyle],
      onShadowRoot: (root) => this.undoStyles.push(adoptCss(root, MARK_CSS)),
      onChange: () => this.changed(),
    });
    this.card = new CardHost(doc, () => undefined);
    this.roving = new RovingFocus(() => this.engine.marks(), doc);
    installTriggers(doc, this.card, this.roving, {
      hoverDelay: () => this.settings.hoverDelay,
      hoverEnabled: () => this.settings.highlightStyle !== 'none',
      openFor: (mark) => this.openCard(mark),
    }, this.controller.signal);
    installCopyCleaner(doc, this.controller.signal);
  }

  start(): Promise<void> {
    return this.engine.start();
  }

  stop(): void {
    this.controller.abort();
    clearTimeout(this.countTimer);
    this.card.destroy();
    this.roving.destroy();
    this.engine.stop();
    for (const undo of this.undoStyles.splice(0)) undo();
    this.reportCount(0);
  }

  /** Applies settings that need no new pass over the page. Returns false if a restart is needed. */
  update(next: Settings): boolean {
    const prev = this.settings;
    if (prev.firstOnly !== next.firstOnly || prev.categories.join() !== next.categories.join()) return false;
    this.settings = next;
    if (prev.highlightStyle !== next.highlightStyle) this.engine.setStyleClass(STYLE_CLASS[next.highlightStyle]);
    return true;
  }

  openCard(anchor: HTMLElement, ids?: readonly string[]): void {
    const list = ids ?? (anchor.getAttribute(MARK_ATTR) ?? '').split(' ').filter(Boolean);
    if (list.length === 0) return;
    const pageLang = (this.doc.documentElement.lang || '').toLowerCase();
    this.card.show(anchor, {
      ids: list,
      matched: ids ? '' : anchor.textContent ?? '',
      getEntry,
      lead: pageLang.startsWith('en') ? 'en' : this.settings.definitionLanguage,
      both: this.settings.showEnglish,
    });
  }

  stats(): { count: number; terms: TermCount[] } {
    return this.engine.termCounts();
  }

  /** Scrolls to the next occurrence of a term, flashes it and opens its card. */
  jump(id: string): boolean {
    const has = (ids: readonly string[]): boolean => ids.includes(id);
    this.engine.reveal(has); // Occurrences far from the viewport may not be wrapped yet.
    const marks = this.engine.marks().filter((m) => has((m.getAttribute(MARK_ATTR) ?? '').split(' ')));
    if (marks.length === 0) return false;
    const i = (this.jumpIndex.get(id) ?? -1) + 1;
    this.jumpIndex.set(id, i % marks.length);
    const mark = marks[i % marks.length] as HTMLElement;
    mark.scrollIntoView({ block: 'center' });
    mark.classList.add('iza-flash');
    setTimeout(() => mark.classList.remove('iza-flash'), 1200);
    this.roving.focus(mark);
    this.openCard(mark);
    return true;
  }

  step(dir: 1 | -1): boolean {
    const active = this.doc.activeElement;
    const from = active instanceof HTMLElement && active.hasAttribute(MARK_ATTR) ? active : this.card.current;
    this.engine.revealAround(from); // The neighbours in document order, even if not wrapped yet.
    const mark = this.roving.step(dir, from);
    if (mark) this.openCard(mark);
    return mark !== null;
  }

  /** Opens the card for an entry at the current selection (context menu). */
  show(id: string): boolean {
    if (!getEntry(id)) return false;
    const sel = this.doc.getSelection();
    const node = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).startContainer : null;
    const el = node ? (node.nodeType === 1 ? (node as HTMLElement) : node.parentElement) : null;
    const mark = el?.closest<HTMLElement>(`mark[${MARK_ATTR}~="${id}"]`);
    this.openCard(mark ?? el ?? this.doc.body, mark ? undefined : [id]);
    return true;
  }

  private changed(): void {
    this.roving.refresh();
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => this.reportCount(this.engine.count()), 250);
  }

  private reportCount(count: number): void {
    if (this.doc.defaultView !== this.doc.defaultView?.top) return;
    ext().sendMessage({ type: 'count', params: { count } }).catch(() => undefined);
  }
}
