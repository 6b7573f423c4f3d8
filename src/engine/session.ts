/**
 * One term session on a document: the terms found (TermIndex), their painting (Painter), the
 * card, the keyboard model, copying, jump and next/previous, all owned by one AbortController.
 * It is shared by both hosts: on web pages the PageEngine (content/page-engine.ts) walks the page and adds what it
 * finds; in the PDF reader each rendered page's text layer adds its occurrences (which may span
 * text-layer spans). A host adds entries with `add` and removes them with `remove`; everything
 * else (hover hit test, card, focus, Tab stop, arrows, copy, flash, counts) is done here.
 *
 * stop() undoes every change: the DOM is then exactly as the page made it.
 */
import { CardHost, adoptCss, rangeAnchor, type CardAnchor } from './card/host';
import { installTriggers, type TriggerHost } from './card/triggers';
import { installCopyGuard } from './copy';
import { FocusProxy } from './focus-proxy';
import { HydrationGuard } from './hydration';
import { tabLandsOn } from './keyboard';
import { Painter, type PaintStyle } from './paint';
import { TermIndex, isValid, type Entry, type Occurrence } from './terms';
import { viewportSpan } from './viewport-span';
import MARK_CSS from './content.css';
import { getEntry } from '../common/glossary-data';
import { setUiLanguage } from '../common/i18n';
import type { Settings } from '../common/settings';

export const STYLE_NAME: Record<Settings['highlightStyle'], PaintStyle> = { underline: 'iza-u', background: 'iza-b', none: 'iza-n' };

export class TermSession implements TriggerHost {
  readonly index: TermIndex;
  readonly painter: Painter;
  readonly card: CardHost;
  readonly hydration: HydrationGuard;
  /** Set by a host whose observer must not see our writes (the engine's MutationObserver). */
  writeHook: (fn: () => void) => void = (fn) => fn();
  shown: Occurrence | null = null;
  private readonly controller = new AbortController();
  private readonly undoStyles: (() => void)[] = [];
  /** The term with keyboard focus, and the term stop (the last one visited). */
  private focusedTerm: Occurrence | null = null;
  private stopTerm: Occurrence | null = null;
  private jumpIndex = new Map<string, number>();
  /** Focus for terms that must not get an element (see focus-proxy.ts). */
  private readonly proxy: FocusProxy;
  /** The one range the hover hit test reuses. */
  private probe: Range | null = null;

  constructor(private readonly doc: Document, private settings: Settings) {
    setUiLanguage(settings.uiLanguage);
    this.index = new TermIndex(doc);
    this.hydration = new HydrationGuard(doc);
    this.painter = new Painter(doc, {
      style: STYLE_NAME[settings.highlightStyle],
      canWrite: (n) => this.hydration.canWrite(n),
      write: (fn) => this.writeHook(fn),
    });
    this.card = new CardHost(doc, () => this.closed());
    this.proxy = new FocusProxy(doc, () => {
      if (this.focusedTerm) this.left(this.focusedTerm);
    });
    doc.defaultView?.addEventListener('scroll', () => this.proxy.place(), { passive: true, capture: true, signal: this.controller.signal });
    installTriggers(doc, this, this.controller.signal);
    installCopyGuard(doc, () => this.ownElements(), () => this.releaseUses(), this.controller.signal);
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Adds found entries (already numbered in document order); paints them if `paint`. */
  add(entries: readonly Entry[], paint = true): void {
    for (const e of entries) this.index.add(e);
    if (paint) this.painter.paint(entries);
  }

  /** Removes entries (their text is gone or changed). */
  remove(entries: readonly Entry[]): void {
    this.painter.unpaint(entries);
    for (const e of entries) this.index.drop(e);
  }

  /** Styles highlights and marks inside a shadow root (document styles do not reach it). */
  adoptStyles(root: ShadowRoot): void {
    this.undoStyles.push(adoptCss(root, MARK_CSS));
  }

  stop(): void {
    this.controller.abort();
    this.proxy.remove();
    this.card.destroy();
    this.painter.clear();
    this.index.clear();
    for (const undo of this.undoStyles.splice(0)) undo();
  }

  /** Applies settings that need no new pass; false if the host must start again. */
  update(next: Settings): boolean {
    const prev = this.settings;
    if (prev.firstOnly !== next.firstOnly || prev.categories.join() !== next.categories.join()) return false;
    this.settings = next;
    setUiLanguage(next.uiLanguage);
    if (prev.highlightStyle !== next.highlightStyle) this.painter.setStyle(STYLE_NAME[next.highlightStyle]);
    return true;
  }

  // TriggerHost

  hoverDelay(): number {
    return this.settings.hoverDelay;
  }

  hoverEnabled(): boolean {
    return this.settings.highlightStyle !== 'none';
  }

  hit(target: Element, x: number, y: number): Occurrence | null {
    const own = this.painter.occurrenceOf(target.closest('mark.iza-term'));
    if (own) return own;
    // Only the terms whose text lies directly in the target element can be under the pointer:
    // their boxes are read (layout is up to date during pointer events), nothing is written.
    for (const e of this.index.inParent(target)) {
      if (!e.painted) continue;
      for (const o of e.occ) {
        this.probe ??= this.doc.createRange();
        for (const r of this.painter.rangeOf(o, this.probe).getClientRects()) {
          if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return o;
        }
      }
    }
    return null;
  }

  focused(el: Element | null): Occurrence | undefined {
    if (el !== null && el === this.proxy.element) return this.focusedTerm ?? undefined;
    const o = this.painter.occurrenceOf(el?.closest?.('mark.iza-term') ?? null);
    return o && this.painter.inUse(o) ? o : undefined;
  }

  open(o: Occurrence, by: 'hover' | 'focus' | 'tap', ids?: readonly string[]): void {
    this.painter.releaseAll(this.focusedTerm === o ? o : this.focusedTerm);
    // A hover card needs no element: it points at the painted range, so hovering never writes to
    // the page. That matters where a framework may still hydrate without leaving a mark in its
    // HTML that hydration.ts could see (a plain React or Vue app): an element written there
    // while the card is open breaks hydration. Focus needs an element (or the proxy).
    const el = by === 'focus' || this.painter.inUse(o) ? this.painter.use(o) : null;
    const anchor: CardAnchor = el ?? rangeAnchor(this.painter.rangeOf(o));
    if (by === 'focus' && el) el.tabIndex = 0;
    // A tapped term is the one in use: Tab, the arrows and next/previous go on from it.
    if (by === 'tap') this.stopTerm = o;
    this.shown = o;
    const pageLang = (this.doc.documentElement.lang || '').toLowerCase();
    this.card.show(anchor, {
      ids: ids ?? o.ids,
      matched: ids ? '' : textOf(this.painter.rangeOf(o)),
      getEntry,
      lead: pageLang.startsWith('en') ? 'en' : this.settings.definitionLanguage,
      both: this.settings.showEnglish,
    });
  }

  tab(from: Element | null, backward: boolean): boolean {
    const stop = this.tabStop();
    if (!stop || !tabLandsOn(this.doc, from, stop.startNode, backward)) return false;
    return this.focusTerm(stop);
  }

  step(dir: 1 | -1, from: Occurrence | null): boolean {
    const list = this.index.occurrences();
    if (list.length === 0) return false;
    let i = from ? list.indexOf(from) : -1;
    if (i === -1) {
      // Start from what the reader sees: the first term at or below the top of the viewport.
      const span = this.doc.defaultView ? viewportSpan(this.index, this.doc.defaultView) : null;
      const k = span ? list.findIndex((o) => o.entry.seq >= span[0]) : 0;
      i = k === -1 ? list.length : k;
      i = dir === 1 ? i - 1 : i;
    }
    const next = list[(i + dir + list.length) % list.length] as Occurrence;
    this.reach(next, 'nearest');
    return true;
  }

  focusTerm(o: Occurrence): boolean {
    const el = this.painter.use(o);
    if (!el) {
      if (this.hydration.canWrite(o.startNode)) return false;
      // A term in a subtree that may still hydrate: focus goes to the proxy over it.
      const range = this.painter.rangeOf(o);
      this.focusedTerm = o;
      this.stopTerm = o;
      const r = range.getBoundingClientRect();
      const win = this.doc.defaultView;
      if (win && (r.top < 0 || r.bottom > win.innerHeight)) win.scrollBy(0, r.top - win.innerHeight / 2);
      this.proxy.focus(range, range.toString());
      return true;
    }
    el.tabIndex = 0;
    this.focusedTerm = o;
    this.stopTerm = o;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return true;
  }

  left(o: Occurrence): void {
    if (this.focusedTerm === o) {
      this.focusedTerm = null;
      this.proxy.remove();
    }
    if (this.shown === o) this.card.close();
    else this.painter.release(o);
  }

  // Commands of the popup, the context menu and the shortcuts

  /** Occurrences per entry, in order of first appearance. */
  stats(): { count: number; terms: { id: string; count: number }[] } {
    return this.index.termCounts();
  }

  /** Scrolls to the next occurrence of a term, flashes it and opens its card. */
  jump(id: string): boolean {
    const list = this.index.occurrences().filter((o) => o.ids.includes(id));
    if (list.length === 0) return false;
    const i = ((this.jumpIndex.get(id) ?? -1) + 1) % list.length;
    this.jumpIndex.set(id, i);
    const o = list[i] as Occurrence;
    this.reach(o, 'center');
    this.painter.flash(o);
    return true;
  }

  /** Next or previous term from the focused one, the one with the card, or the viewport. */
  stepFromCurrent(dir: 1 | -1): boolean {
    return this.step(dir, this.focusedTerm ?? this.shown);
  }

  /** Opens the card for an entry at the current selection (context menu). */
  show(id: string): boolean {
    if (!getEntry(id)) return false;
    const sel = this.doc.getSelection();
    const range = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    const node = range?.startContainer;
    const entry = node && node.nodeType === 3 ? this.index.entryOf(node as Text) : undefined;
    const o = entry?.occ.find((x) => x.ids.includes(id) && range && x.end > range.startOffset);
    if (o) {
      this.open(o, 'hover');
      return true;
    }
    // Not on a found term (a selection the matcher reads differently, or none): the card points
    // at the selection, or at the top of the page.
    this.painter.releaseAll(this.focusedTerm);
    this.shown = null;
    const anchor: CardAnchor = range && !range.collapsed ? rangeAnchor(range.cloneRange()) : (this.doc.body ?? this.doc.documentElement);
    const pageLang = (this.doc.documentElement.lang || '').toLowerCase();
    this.card.show(anchor, { ids: [id], matched: '', getEntry, lead: pageLang.startsWith('en') ? 'en' : this.settings.definitionLanguage, both: this.settings.showEnglish });
    return true;
  }

  /** Brings a term into view, paints it, gives it keyboard focus, and opens its card. */
  private reach(o: Occurrence, block: ScrollLogicalPosition): void {
    if (!o.entry.painted && isValid(o.entry)) this.painter.paint([o.entry]);
    const el = this.painter.use(o);
    if (el) {
      el.scrollIntoView({ block, inline: 'nearest' });
      this.focusTerm(o);
      this.open(o, 'focus');
      return;
    }
    const r = this.painter.rangeOf(o).getBoundingClientRect();
    const win = this.doc.defaultView;
    if (win && (block === 'center' || r.top < 0 || r.bottom > win.innerHeight)) win.scrollBy(0, r.top - win.innerHeight / 2);
    // Where no element may be written, focus goes to the proxy over the term (if it is one
    // because of hydration); the card points at the range either way.
    this.focusTerm(o);
    this.open(o, 'focus');
  }

  private tabStop(): Occurrence | null {
    if (this.stopTerm && isValid(this.stopTerm.entry)) return this.stopTerm;
    return this.index.occurrences()[0] ?? null;
  }

  private closed(): void {
    this.shown = null;
    this.painter.releaseAll(this.focusedTerm);
  }

  /** Every element of ours in the page now: marks of terms in use, the card's host, the proxy. */
  private ownElements(): Element[] {
    const out: Element[] = this.painter.marksInUse();
    if (this.card.element) out.push(this.card.element);
    const proxy = this.proxy.element?.getRootNode();
    if (proxy instanceof ShadowRoot) out.push(proxy.host);
    return out;
  }

  private releaseUses(): void {
    const hadFocus = this.focusedTerm !== null;
    this.focusedTerm = null;
    if (this.card.open) this.card.close();
    this.painter.releaseAll();
    if (hadFocus) (this.doc.activeElement as HTMLElement | null)?.blur?.();
  }
}

function textOf(r: Range): string {
  const s = r.toString();
  r.detach();
  return s;
}
