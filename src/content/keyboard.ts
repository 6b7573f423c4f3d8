/**
 * Keyboard access without flooding the tab order: only one mark is a tab stop (the first on the
 * page, or the last one visited). From a focused mark the arrow keys move to the next or
 * previous term, like a toolbar's roving tabindex.
 */
import { MARK_SELECTOR } from './dom-rules';

export class RovingFocus {
  private stop: HTMLElement | null = null;

  constructor(private readonly marks: () => HTMLElement[], private readonly doc: Document) {}

  /** Makes sure exactly one mark is a tab stop (after marks were added or removed). */
  refresh(): void {
    if (this.stop?.isConnected) return;
    const first = this.doc.querySelector<HTMLElement>(MARK_SELECTOR);
    this.setStop(first);
  }

  setStop(mark: HTMLElement | null): void {
    if (this.stop === mark) return;
    this.stop?.removeAttribute('tabindex');
    this.stop = mark;
    mark?.setAttribute('tabindex', '0');
  }

  /** Focuses the mark after (dir 1) or before (dir -1) `from`, or after the viewport top. */
  step(dir: 1 | -1, from: HTMLElement | null): HTMLElement | null {
    const all = this.marks();
    if (all.length === 0) return null;
    let i = from ? all.indexOf(from) : -1;
    if (i === -1) {
      // Start from what the reader sees: the first mark at or below the top of the viewport.
      const below = all.findIndex((m) => m.getBoundingClientRect().bottom > 0);
      i = below === -1 ? all.length : below;
      i = dir === 1 ? i - 1 : i;
    }
    const next = all[(i + dir + all.length) % all.length] as HTMLElement;
    this.focus(next);
    return next;
  }

  focus(mark: HTMLElement): void {
    this.setStop(mark);
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  destroy(): void {
    this.setStop(null);
  }
}
