/** Where the card goes: below the term, or above when there is more room there; always inside the viewport. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Height available; the card scrolls inside it when its content is taller. */
  maxHeight: number;
  side: 'below' | 'above';
}

export const MARGIN = 8;
const GAP = 6;

export function placeCard(anchor: Box, card: { width: number; height: number }, viewport: { width: number; height: number }): Placement {
  const below = viewport.height - (anchor.top + anchor.height) - GAP - MARGIN;
  const above = anchor.top - GAP - MARGIN;
  const side = card.height <= below || below >= above ? 'below' : 'above';
  const room = Math.max(side === 'below' ? below : above, 80);
  const height = Math.min(card.height, room);
  const top = side === 'below' ? anchor.top + anchor.height + GAP : anchor.top - GAP - height;
  const maxLeft = viewport.width - MARGIN - card.width;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { left: Math.round(left), top: Math.round(Math.max(MARGIN, top)), maxHeight: Math.floor(room), side };
}

/** Below this width of the screen (CSS px at zoom 1), the card is a sheet across the screen. */
export const SHEET_BELOW = 600;
/** The sheet takes at most this share of the screen's height. */
export const SHEET_SHARE = 0.6;

export interface SheetPlacement {
  /** From the top of the visible area. */
  top: number;
  maxHeight: number;
  side: 'bottom' | 'top';
}

/**
 * A small screen's sheet: along the bottom edge, or along the top when the term lies where the
 * sheet would cover it and the top has room; where neither side is free, the side away from the
 * term, made shorter (down to 40% of the height) to leave the term visible where it can.
 * `anchor` is the term's box relative to the visible area; `height` the sheet's content height.
 */
export function placeSheet(anchor: { top: number; bottom: number }, height: number, viewportHeight: number): SheetPlacement {
  const max = Math.floor(viewportHeight * SHEET_SHARE);
  const h = Math.min(height, max);
  const freeBelow = viewportHeight - anchor.bottom - GAP;
  const freeAbove = anchor.top - GAP;
  if (h <= freeBelow) return { top: viewportHeight - h, maxHeight: max, side: 'bottom' };
  if (h <= freeAbove) return { top: 0, maxHeight: max, side: 'top' };
  const least = Math.floor(viewportHeight * 0.4);
  if (freeAbove > freeBelow) {
    const room = Math.max(least, Math.min(max, Math.floor(freeAbove)));
    return { top: 0, maxHeight: room, side: 'top' };
  }
  const room = Math.max(least, Math.min(max, Math.floor(freeBelow)));
  return { top: viewportHeight - Math.min(h, room), maxHeight: room, side: 'bottom' };
}
