/**
 * When the card opens and closes: after the pointer rests on a term, at once when a term gets
 * keyboard focus; it stays while the pointer is over the card, and Escape closes it. Terms are
 * painted, not elements, so the pointer is hit-tested against them (TriggerHost.hit); a term
 * gets an element of its own only while it is in use.
 *
 * Touch and pen (pointer events, pointerType 'touch' or 'pen'): a tap on a term opens its card at
 * once; a tap outside the card, or on the same term again, closes it. A tap on a term inside a
 * link follows the link as it always did; holding the finger still on such a term (LONG_PRESS)
 * opens its card instead. A pen that hovers moves the pointer as a mouse does. Every listener is
 * passive and nothing is prevented on touch: a gesture the browser takes for scrolling or zooming
 * ends in pointercancel, or moves more than TAP_SLOP, and opens nothing.
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
  /** Opens the card for a term (wrapping it where the page allows; a tap, like hover, writes nothing). */
  open(o: Occurrence, by: 'hover' | 'focus' | 'tap'): void;
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
/** How far (px) a finger may move and still tap, how long a tap may last, and a long press. */
const TAP_SLOP = 10;
const TAP_TIME = 600;
const LONG_PRESS = 500;

/** A finger or pen on the screen: where it went down, and the term it went down on. */
interface Press {
  id: number;
  x: number;
  y: number;
  time: number;
  o: Occurrence | null;
  inCard: boolean;
  link: boolean;
  /** A long press opened the card: the release does nothing, and the link's click is dropped. */
  long: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** The innermost target: inside an open shadow root, not the host the event was retargeted to. */
const targetOf = (e: Event): EventTarget | null => e.composedPath()[0] ?? e.target;
const elementOf = (t: EventTarget | null): Element | null => {
  const n = t as Node | null;
  if (!n) return null;
  if (n.nodeType === 1) return n as Element;
  return n.nodeType === 3 ? (n.parentNode as Element | null) : null;
};
/** A finger, or a pen touching the screen (a pen that hovers is handled as a mouse). */
const isContact = (e: PointerEvent): boolean => e.pointerType === 'touch' || (e.pointerType === 'pen' && e.buttons !== 0);
/** The event went to a link (in the page, or in an open shadow root). */
const inLink = (e: Event): boolean => e.composedPath().some((n) => n instanceof Element && n.closest('a[href], area[href]') !== null);

export function installTriggers(doc: Document, host: TriggerHost, signal: AbortSignal): void {
  const card = host.card;
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let hovered: Occurrence | null = null;
  let openedBy: 'hover' | 'focus' | 'tap' | null = null;
  let press: Press | null = null;
  /** Until when (event time) a click is dropped: the click that may end a long press on a link. */
  let dropClickUntil = 0;
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
    doc.addEventListener(type, fn, { capture: true, signal, passive: type !== 'keydown' && type !== 'click' });
  const tapOpen = (o: Occurrence): void => {
    cancelOpen();
    cancelClose();
    openedBy = 'tap';
    host.open(o, 'tap');
  };
  const endPress = (): void => {
    clearTimeout(press?.timer);
    press = null;
  };

  on('pointerdown', (e) => {
    endPress();
    // A second finger (pinch) or a mouse: no tap.
    if (!isContact(e) || !e.isPrimary) return;
    const target = elementOf(targetOf(e));
    if (target === null) return;
    const inCard = card.contains(target);
    const o = !inCard && host.hoverEnabled() ? host.hit(target, e.clientX, e.clientY) : null;
    const p: Press = { id: e.pointerId, x: e.clientX, y: e.clientY, time: e.timeStamp, o, inCard, link: o !== null && inLink(e), long: false };
    if (o && p.link) {
      p.timer = setTimeout(() => {
        if (press !== p) return;
        p.long = true;
        tapOpen(o);
      }, LONG_PRESS);
    }
    press = p;
  });
  on('pointercancel', endPress); // The browser took the gesture (scrolling, zooming).
  on('pointerup', (e) => {
    const p = press;
    if (!p || p.id !== e.pointerId) return;
    endPress();
    if (p.long) {
      dropClickUntil = e.timeStamp + 1000;
      return;
    }
    if (Math.hypot(e.clientX - p.x, e.clientY - p.y) > TAP_SLOP || e.timeStamp - p.time > TAP_TIME || p.inCard) return;
    if (p.o === null || p.link) {
      // A tap elsewhere (or on a linked term, which follows its link) closes the card.
      if (card.open) card.close();
    } else if (host.shown === p.o && openedBy === 'tap') card.close();
    else tapOpen(p.o);
  });
  on('click', (e) => {
    if (dropClickUntil === 0) return;
    if (e.timeStamp <= dropClickUntil && !card.contains(elementOf(targetOf(e)))) {
      e.preventDefault(); // The long press opened the card: this click does not follow the link.
      e.stopPropagation();
    }
    dropClickUntil = 0;
  });

  on('pointermove', (e) => {
    if (isContact(e)) {
      // A finger on the move is scrolling or zooming: no tap, and no hover either.
      if (press && press.id === e.pointerId && Math.hypot(e.clientX - press.x, e.clientY - press.y) > TAP_SLOP) endPress();
      return;
    }
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
    if (e.relatedTarget !== null || isContact(e) || e.pointerType === 'touch') return; // Still in the page: pointermove decides.
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
  // Pinch-zoom moves the visual viewport, which a small screen's sheet follows.
  doc.defaultView?.visualViewport?.addEventListener('resize', reposition, { passive: true, signal });
  doc.defaultView?.visualViewport?.addEventListener('scroll', reposition, { passive: true, signal });
  signal.addEventListener('abort', () => {
    cancelOpen();
    cancelClose();
    endPress();
  });
}
