/** The reader as shipped: pdf.js unmodified and trimmed, web-ext lint at 0 errors, the contract page present. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './chromium';

const dist = (target: string, ...p: string[]) => join(ROOT, 'dist', target, ...p);
const pdfjs = (...p: string[]) => join(ROOT, 'node_modules', 'pdfjs-dist', ...p);

describe('the reader in the built extension', () => {
  it('ships pdf.js byte for byte as released, without cmaps, standard fonts or wasm', () => {
    for (const target of ['chrome', 'firefox']) {
      for (const [shipped, original] of [['pdf.mjs', 'build/pdf.mjs'], ['pdf.worker.mjs', 'build/pdf.worker.mjs'], ['pdf_viewer.mjs', 'web/pdf_viewer.mjs'], ['pdf_viewer.css', 'web/pdf_viewer.css']]) {
        expect(readFileSync(dist(target, 'pdfjs', shipped as string)).equals(readFileSync(pdfjs(original as string))), `${target} ${shipped}`).toBe(true);
      }
      const files = readdirSync(dist(target, 'pdfjs'));
      for (const left of ['cmaps', 'standard_fonts', 'wasm', 'iccs', 'pdf.sandbox.mjs']) expect(files).not.toContain(left);
      expect(existsSync(dist(target, 'reader.html'))).toBe(true);
    }
  });

  it('has no eval in pdf.js or the reader (pdf.js 6 has no isEvalSupported path left; the option is passed anyway)', () => {
    for (const f of ['pdfjs/pdf.mjs', 'pdfjs/pdf.worker.mjs', 'pdfjs/pdf_viewer.mjs', 'reader.js']) {
      const code = readFileSync(dist('chrome', f), 'utf8');
      expect(code, f).not.toMatch(/\beval\s*\(|new Function\s*\(/);
    }
    expect(readFileSync(join(ROOT, 'src', 'reader', 'pdfjs.ts'), 'utf8')).toContain('isEvalSupported: false');
  });

  it('web-ext lint on dist/firefox: 0 errors', () => {
    const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dist('firefox'), '--output', 'json', '--self-hosted'], { encoding: 'utf8' });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as { summary: { errors: number } };
    expect(report.summary.errors).toBe(0);
  });
});
