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
