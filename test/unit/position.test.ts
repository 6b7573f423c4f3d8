import { describe, expect, it } from 'vitest';
import { MARGIN, placeCard } from '../../src/engine/card/position';

const vp = { width: 800, height: 600 };
const card = { width: 380, height: 200 };

describe('card placement', () => {
  it('goes below the term when there is room', () => {
    const p = placeCard({ left: 100, top: 100, width: 40, height: 20 }, card, vp);
    expect(p.side).toBe('below');
    expect(p.top).toBeGreaterThan(120);
  });
  it('flips above near the bottom edge', () => {
    const p = placeCard({ left: 100, top: 560, width: 40, height: 20 }, card, vp);
    expect(p.side).toBe('above');
    expect(p.top + card.height).toBeLessThanOrEqual(560);
  });
  it('shifts left at the right edge and never leaves the viewport', () => {
    const p = placeCard({ left: 780, top: 100, width: 15, height: 20 }, card, vp);
    expect(p.left + card.width).toBeLessThanOrEqual(vp.width - MARGIN);
    expect(p.left).toBeGreaterThanOrEqual(MARGIN);
  });
  it('limits its height to the room available on a tiny viewport', () => {
    const p = placeCard({ left: 10, top: 150, width: 40, height: 20 }, { width: 300, height: 900 }, { width: 320, height: 320 });
    expect(p.top).toBeGreaterThanOrEqual(MARGIN);
    expect(p.top + Math.min(900, p.maxHeight)).toBeLessThanOrEqual(320);
  });
});
