import { describe, expect, it } from 'vitest';
import { MARGIN, SHEET_SHARE, placeCard, placeSheet } from '../../src/engine/card/position';

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

describe('sheet placement (small screens)', () => {
  const H = 844;
  it('sits along the bottom, at most 60% of the height', () => {
    const p = placeSheet({ top: 100, bottom: 120 }, 2000, H);
    expect(p.side).toBe('bottom');
    expect(p.maxHeight).toBe(Math.floor(H * SHEET_SHARE));
    expect(p.top).toBe(H - p.maxHeight);
  });
  it('a short card is as high as its content', () => {
    const p = placeSheet({ top: 100, bottom: 120 }, 200, H);
    expect(p).toEqual({ top: H - 200, maxHeight: Math.floor(H * SHEET_SHARE), side: 'bottom' });
  });
  it('moves to the top when it would cover a term in the bottom part', () => {
    const p = placeSheet({ top: 700, bottom: 720 }, 300, H);
    expect(p.side).toBe('top');
    expect(p.top).toBe(0);
    expect(Math.min(300, p.maxHeight)).toBeLessThanOrEqual(700);
  });
  it('where neither side is free, takes the side away from the term and leaves it visible if it can', () => {
    const mid = placeSheet({ top: 380, bottom: 400 }, 2000, H);
    expect(mid.side).toBe('bottom');
    expect(mid.top).toBeGreaterThanOrEqual(400);
    const low = placeSheet({ top: 500, bottom: 520 }, 2000, H);
    expect(low.side).toBe('top');
    expect(low.maxHeight).toBeLessThanOrEqual(500);
  });
});
