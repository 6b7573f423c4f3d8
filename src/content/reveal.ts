/**
 * Painting what the reader scrolls to. The initial pass paints the terms near where it starts;
 * the rest are found and counted but painted only when the reader comes near them, and those
 * far away are unpainted again. Changes are rare and large: in Chromium 156 any change to a
 * highlight styled with ::highlight repaints the whole page, a frame of 70-150 ms on the 5 MB
 * page whether it adds one range or 3,000 (bench/RESULTS.md, "one range taken out and put
 * back"). So one look paints a wide band of entries around the viewport, and scrolling within
 * it changes nothing.
 */
import { isInsideExcluded } from '../engine/dom-rules';
import { now, whenLoaded } from './scheduler';
import { isValid, type TermIndex } from '../engine/terms';
import type { Painter } from '../engine/paint';
import { around, farthest, viewportSpan } from '../engine/viewport-span';

/** When an unpainted entry is this close to the viewport (in text nodes with terms)… */
const REVEAL_NEAR = 40;
/** …those up to this far on either side are painted, so the reader can scroll on for a while. */
const REVEAL_MARGIN = 400;
/** At most this many entries are painted in one frame; the rest follow next frame. */
const REVEAL_PER_FRAME = 800;
/** Shortest time between two looks at the viewport while the page scrolls. */
const REVEAL_EVERY_MS = 100;
/** Most occurrences painted at once: beyond it, those farthest from the reader are unpainted. */
export const PAINT_BUDGET = 4000;

export class Revealer {
  private frame = 0;
  private last = -Infinity;
  private listeners: AbortController | null = null;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly index: TermIndex,
    private readonly painter: Painter,
    private readonly hooks: { onScroll(): void; onChange(): void },
  ) {}

  /** From now on, what scrolls into view (in the page or in any scrolling box) gets painted. */
  listen(): void {
    if (this.listeners !== null || this.stopped) return;
    this.listeners = new AbortController();
    const win = this.doc.defaultView;
    const opts = { capture: true, passive: true, signal: this.listeners.signal };
    const onScroll = (): void => {
      this.hooks.onScroll();
      this.request();
    };
    win?.addEventListener('scroll', onScroll, opts);
    win?.addEventListener('resize', onScroll, opts);
  }

  stop(): void {
    this.stopped = true;
    this.listeners?.abort();
    cancelAnimationFrame(this.frame);
    clearTimeout(this.frame);
  }

  /** Asks for a look at the viewport in a coming frame (at most one per REVEAL_EVERY_MS). */
  request(): void {
    if (this.frame !== 0 || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    if (this.doc.readyState !== 'complete') {
      // A look at the viewport reads the layout: none before the page's load.
      this.frame = -1;
      void whenLoaded(this.doc).then(() => {
        this.frame = 0;
        this.request();
      });
      return;
    }
    const wait = this.last + REVEAL_EVERY_MS - now();
    const look = (): void => {
      this.frame = win.requestAnimationFrame(() => {
        this.frame = 0;
        this.last = now();
        this.reveal(REVEAL_PER_FRAME);
      });
    };
    if (wait <= 0) look();
    else this.frame = win.setTimeout(look, wait);
  }

  /**
   * Paints the entries in and around the viewport (placed among them by the index), at most
   * `limit`, and unpaints those farthest away once more than PAINT_BUDGET occurrences are
   * painted. Paints only when the reader comes near unpainted terms (within REVEAL_NEAR
   * entries): most looks while scrolling change nothing.
   */
  reveal(limit: number): void {
    if (this.index.size === 0 || this.stopped) return;
    const win = this.doc.defaultView;
    if (!win) return;
    const span = viewportSpan(this.index, win);
    if (span === null) return; // No term near the viewport at all.
    const picked = around(this.index, span, REVEAL_NEAR, REVEAL_MARGIN, limit, (e) => !e.painted && isValid(e) && !isInsideExcluded(e.text));
    if (picked.length === 0) return;
    this.painter.paint(picked);
    if (this.painter.painted > PAINT_BUDGET) {
      this.painter.unpaint(farthest(this.index, span, REVEAL_MARGIN, this.painter.painted, PAINT_BUDGET));
    }
    this.hooks.onChange();
    if (picked.length >= limit) this.request();
  }
}
