/**
 * When the card opens and closes: after the pointer rests on a term, at once when a term gets
 * keyboard focus; it stays while the pointer is over the card, and Escape closes it.
 */
import { isOwnMark, MARK_SELECTOR } from '../dom-rules';
import type { CardHost } from './host';
import type { RovingFocus } from '../keyboard';

export interface TriggerOptions {
  hoverDelay(): number;
  /** False when the highlight style is "none": the card then opens only from the keyboard. */
  hoverEnabled(): boolean;
  openFor(mark: HTMLElement): void;
}

const CLOSE_DELAY = 300;

function markFrom(target: EventTarget | null): HTMLElement | null {
  let n = target as Node | null;
  if (n && n.nodeType === 3) n = n.parentNode;
  if (!n || n.nodeType !== 1) return null;
  const m = (n as Element).closest(MARK_SELECTOR);
  return isOwnMark(m) ? m : null;
}

/** The innermost target: inside an open shadow root, not the host the event was retargeted to. */
const targetOf = (e: Event): EventTarget | null => e.composedPath()[0] ?? e.target;

export function installTriggers(doc: Document, card: CardHost, roving: RovingFocus, opts: TriggerOptions, signal: AbortSignal): void {
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Set while focus returns to a term after Escape, so its card does not reopen. */
  let returning = false;
  const cancelOpen = () => clearTimeout(openTimer);
  const cancelClose = () => clearTimeout(closeTimer);
  const scheduleClose = () => {
    cancelClose();
    closeTimer = setTimeout(() => {
      if (!card.element?.matches(':hover') && !card.contains(doc.activeElement)) card.close();
    }, CLOSE_DELAY);
  };
  const on = <K extends keyof DocumentEventMap>(type: K, fn: (e: DocumentEventMap[K]) => void, capture = true) =>
    doc.addEventListener(type, fn, { capture, signal, passive: type !== 'keydown' });

  on('pointerover', (e) => {
    if (card.contains(e.target as Node)) return cancelClose();
    const mark = markFrom(targetOf(e));
    if (!mark || !opts.hoverEnabled()) return;
    cancelClose();
    if (card.current === mark) return;
    cancelOpen();
    openTimer = setTimeout(() => opts.openFor(mark), opts.hoverDelay());
  });
  on('pointerout', (e) => {
    const from = markFrom(targetOf(e));
    const to = e.relatedTarget as Node | null;
    if (from && to && from.contains(to)) return;
    if (from) cancelOpen();
    if (card.open && (from === card.current || card.contains(e.target as Node)) && !card.contains(to)) scheduleClose();
  });
  on('focusin', (e) => {
    const mark = markFrom(targetOf(e));
    if (mark) {
      cancelClose();
      roving.setStop(mark);
      if (card.current !== mark && !returning) opts.openFor(mark);
    }
  });
  on('focusout', (e) => {
    const to = e.relatedTarget as Node | null;
    if (!card.open || card.contains(to) || (to !== null && to === card.current)) return;
    if (markFrom(to)) return; // Moving to another term: focusin opens its card.
    if (card.contains(e.target as Node) || targetOf(e) === card.current) scheduleClose();
  });
  on('keydown', (e) => {
    const mark = markFrom(targetOf(e));
    if (e.key === 'Escape' && card.open) {
      const back = card.current;
      const inCard = card.contains(doc.activeElement);
      card.close();
      if (inCard && back) {
        returning = true;
        back.focus({ preventScroll: true });
        returning = false;
      }
      e.stopPropagation();
      return;
    }
    if (!mark || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
      e.preventDefault();
      roving.step(1, mark);
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
      e.preventDefault();
      roving.step(-1, mark);
    } else if (e.key === 'Enter' && card.open) {
      e.preventDefault();
      card.focusCard();
    }
  });
  const reposition = () => {
    if (card.open) card.position();
  };
  doc.defaultView?.addEventListener('scroll', reposition, { passive: true, signal, capture: true });
  doc.defaultView?.addEventListener('resize', reposition, { passive: true, signal });
  signal.addEventListener('abort', () => {
    cancelOpen();
    cancelClose();
  });
}
