/** The highlight and UI colours meet WCAG AA contrast in light and dark mode. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../src/engine/content.css', import.meta.url), 'utf8');

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

/** The colour a property gets inside the first rule whose selector contains `sel`, in light or dark. */
function colour(sel: string, prop: string, dark: boolean): string {
  const part = dark ? css.slice(css.indexOf('@media (prefers-color-scheme: dark)')) : css.slice(0, css.indexOf('@media'));
  const start = part.indexOf(sel);
  const block = part.slice(start, part.indexOf('}', start));
  const m = new RegExp(`${prop}:\\s*(#[0-9a-f]{6})`, 'i').exec(block);
  if (!m) throw new Error(`${sel} ${prop} not found`);
  return m[1] as string;
}

describe('WCAG AA contrast of the highlights', () => {
  for (const dark of [false, true]) {
    const mode = dark ? 'dark' : 'light';
    it(`background style: text on highlight at least 4.5:1 (${mode})`, () => {
      const bg = colour('mark.iza-term.iza-b', 'background', dark);
      const fg = colour('mark.iza-term.iza-b', 'color', dark);
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    });
    it(`underline style: underline against a ${mode} page at least 3:1 (non-text contrast)`, () => {
      const line = colour('mark.iza-term.iza-u', 'text-decoration-color', dark);
      expect(contrast(line, dark ? '#121212' : '#ffffff')).toBeGreaterThanOrEqual(3);
    });
  }
});
