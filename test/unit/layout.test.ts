/**
 * The layout's rules (issue 19), read from the imports of src/: one engine (src/engine) and one
 * glossary compiler (src/compiler) shared by two hosts (src/content for web pages, src/reader for
 * the PDF reader). Neither host imports the other, the background and the UI pages import no
 * host, the engine imports no host, no file imports in a circle, and no file grows past 400 lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [p] : [];
  });
}

const FILES = sourceFiles(SRC);
const rel = (p: string) => relative(SRC, p).split('\\').join('/');

/** A file's relative imports (static, dynamic and re-exports), resolved to files of src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1] as string);
  const out: string[] = [];
  for (const spec of specs) {
    const base = resolve(dirname(file), spec);
    const hit = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')].find((c) => FILES.includes(c));
    if (hit) out.push(rel(hit));
  }
  return out;
}

const GRAPH = new Map(FILES.map((f) => [rel(f), importsOf(f)]));
const area = (path: string): string => path.split('/')[0] as string;

/** Which areas each area may import from (itself always). */
const ALLOWED: Record<string, string[]> = {
  common: ['compiler'],
  compiler: ['common'],
  engine: ['common', 'compiler'],
  content: ['engine', 'common', 'compiler'],
  reader: ['engine', 'common', 'compiler'],
  background: ['engine', 'common', 'compiler'],
  popup: ['common', 'compiler'],
  options: ['common', 'compiler', 'engine'],
  build: ['common', 'compiler'],
};

export function layoutViolations(graph: Map<string, string[]>): string[] {
  const bad: string[] = [];
  for (const [file, imports] of graph) {
    const from = area(file);
    for (const to of imports) {
      const target = area(to);
      if (target === from) continue;
      if (!(ALLOWED[from] ?? []).includes(target)) bad.push(`${file} imports ${to} (${from} may not import ${target})`);
    }
  }
  return bad;
}

export function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1) found.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const n of graph.keys()) if (!state.has(n)) visit(n);
  return found;
}

describe('layout', () => {
  it('knows every folder of src/', () => {
    const areas = new Set([...GRAPH.keys()].filter((f) => f.includes('/')).map(area));
    for (const a of areas) expect(Object.keys(ALLOWED), `src/${a}/ has no rule in layout.test.ts`).toContain(a);
  });

  it('has no import from one host to the other, or from the background, UI pages or engine to a host', () => {
    expect(layoutViolations(GRAPH)).toEqual([]);
  });

  it('has no import cycles between files', () => {
    expect(cycles(GRAPH)).toEqual([]);
  });

  it('keeps every source file under 400 lines', () => {
    const long = FILES.map((f) => [rel(f), readFileSync(f, 'utf8').split('\n').length] as const).filter(([, n]) => n > 400);
    expect(long).toEqual([]);
  });

  it('catches a host importing the other host, and a cycle (the rule itself can fail)', () => {
    const g = new Map([
      ['reader/terms.ts', ['content/activation.ts']],
      ['background/index.ts', ['reader/index.ts']],
      ['engine/a.ts', ['engine/b.ts']],
      ['engine/b.ts', ['engine/a.ts']],
    ]);
    expect(layoutViolations(g)).toHaveLength(2);
    expect(cycles(g)).toEqual([['engine/a.ts', 'engine/b.ts', 'engine/a.ts']]);
  });
});
