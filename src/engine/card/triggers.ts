/**
 * When the card opens and closes: after the pointer rests on a term, at once when a term gets
 * keyboard focus; it stays while the pointer is over the card, and Escape closes it. Terms are
 * painted, not elements, so the pointer is hit-tested against them (TriggerHost.hit); a term
 * gets an element of its own only while it is in use.
 */
import type { CardHost } from './host';
import type { Occurrence } from '../terms';

export interface TriggerHost {
  readonly card: CardHost;
  hoverDelay(): number;
  /** False when the highlight style is "none": the card then opens only from the keyboard. */
  hoverEnabled(): boolean;
  /** The painted term under the pointer (the event's target element and the point), or null. */
  hit(target: Element, x: number, y: number): Occurrence | null;
  /** The term a focused element of ours stands for. */
  focused(el: Element | null): Occurrence | undefined;
  /** Opens the card for a term (wrapping it where the page allows). */
  open(o: Occurrence, by: 'hover' | 'focus'): void;
  /** Tab or Shift+Tab outside our terms: true if it moved focus onto the term stop. */
  tab(from: Element | null, backward: boolean): boolean;
  step(dir: 1 | -1, from: Occurrence): void;
  /** Moves keyboard focus onto a term, without opening its card. */
  focusTerm(o: Occurrence): void;
  /** Focus left a term for somewhere outside the card and the terms. */
  left(o: Occurrence): void;
  /** The term the card is open for, if any. */
  readonly shown: Occurrence | null;
}

const CLOSE_DELAY = 300;

/** The innermost target: inside an open shadow root, not the host the event was retargeted to. */
const targetOf = (e: Event): EventTarget | null => e.composedPath()[0] ?? e.target;
const elementOf = (t: EventTarget | null): Element | null => {
  const n = t as Node | null;
  if (!n) return null;
  if (n.nodeType === 1) return n as Element;
  return n.nodeType === 3 ? (n.parentNode as Element | null) : null;
};

export function installTriggers(doc: Document, host: TriggerHost, signal: AbortSignal): void {
  const card = host.card;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let hovered: Occurrence | null = null;
  let openedBy: 'hover' | 'focus' | null = null;
  /** Set while focus returns to a term after Escape, so its card does not reopen. */
  let returning = false;
  const cancelOpen = (): void => clearTimeout(openTimer);
  const cancelClose = (): void => clearTimeout(closeTimer);
  const scheduleClose = (): void => {
    cancelClose();
    closeTimer = setTimeout(() => {
      if (!card.element?.matches(':hover') && !card.contains(doc.activeElement) && host.focused(doc.activeElement) !== host.shown) card.close();
    }, CLOSE_DELAY);
  };
  const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void) =>
    doc.addEventListener(type, fn, { capture: true, signal, passive: type !== 'keydown' });

  on('pointermove', (e) => {
    const target = elementOf(targetOf(e));
    if (target === null || card.contains(target)) {
      cancelClose();
      return;
    }
    const o = host.hoverEnabled() ? host.hit(target, e.clientX, e.clientY) : null;
    if (o === hovered) return;
    hovered = o;
    cancelOpen();
    if (o === null) {
      if (card.open && openedBy === 'hover') scheduleClose();
      return;
    }
    cancelClose();
    if (host.shown === o) return;
    openTimer = setTimeout(() => {
      openedBy = 'hover';
      host.open(o, 'hover');
    }, host.hoverDelay());
  });
  on('pointerout', (e) => {
    if (e.relatedTarget !== null) return; // Still in the page: pointermove decides.
    // The pointer left the window.
    hovered = null;
    cancelOpen();
    if (card.open && openedBy === 'hover') scheduleClose();
  });
  on('focusin', (e) => {
    const o = host.focused(elementOf(targetOf(e)));
    if (!o) return;
    cancelClose();
    if (host.shown !== o && !returning) {
      openedBy = 'focus';
      host.open(o, 'focus');
    }
  });
  on('focusout', (e) => {
    const from = host.focused(elementOf(targetOf(e)));
    const to = e.relatedTarget as Node | null;
    if (card.contains(to)) return;
    if (host.focused(elementOf(to)) !== undefined) return; // Moving to another term: focusin opens it.
    if (from) host.left(from);
    else if (card.contains(targetOf(e) as Node) && card.open) scheduleClose();
  });
  on('keydown', (e) => {
    if (e.key === 'Escape' && card.open) {
      const back = host.shown;
      const inCard = card.contains(doc.activeElement);
      card.close();
      if (inCard && back) {
        returning = true;
        host.focusTerm(back);
        returning = false;
      }
      e.stopPropagation();
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const active = doc.activeElement;
    const o = host.focused(elementOf(targetOf(e)));
    if (e.key === 'Tab' && !o && !card.contains(active)) {
      if (host.tab(active, e.shiftKey)) e.preventDefault();
      return;
    }
    if (!o) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      e.preventDefault();
      host.step(1, o);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault();
      host.step(-1, o);
    } else if (e.key === 'Enter' && card.open) {
      e.preventDefault();
      card.focusCard();
    }
  });
  const reposition = (): void => {
    if (card.open) card.position();
  };
  doc.defaultView?.addEventListener('scroll', reposition, { passive: true, signal, capture: true });
  doc.defaultView?.addEventListener('resize', reposition, { passive: true, signal });
  signal.addEventListener('abort', () => {
    cancelOpen();
    cancelClose();
  });
}
