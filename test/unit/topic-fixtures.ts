/** Helpers of the topic tests: the fixture pages as text nodes, and a glossary with generic entries. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { parse, stringify } from 'yaml';
import { compileGlossary, type GlossaryFile } from '../../src/build/glossary-compile';
import { wordList } from './helpers';

const ROOT = join(import.meta.dirname, '..', '..');
export const TOPIC_DIR = join(ROOT, 'test', 'fixtures', 'topic');

export interface Page {
  name: string;
  host: string;
  /** The page's text nodes in document order, as the engine meets them. */
  texts: string[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Reads the fixture pages of one folder of test/fixtures/topic (`on`, `off`, `company/on`…). */
export function loadPages(kind: string): Page[] {
  const dir = join(TOPIC_DIR, kind);
  const window = new Window();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const doc = new window.DOMParser().parseFromString(readFileSync(join(dir, f), 'utf8'), 'text/html');
      const host = doc.querySelector('meta[name="iza-test-host"]')?.getAttribute('content') ?? '';
      const texts: string[] = [];
      const walk = (n: { nodeType: number; nodeName: string; textContent: string | null; childNodes: ArrayLike<unknown> }) => {
        if (n.nodeType === 3) {
          if ((n.textContent ?? '').trim() !== '') texts.push(n.textContent ?? '');
          return;
        }
        if (SKIP.has(n.nodeName)) return;
        for (const c of Array.from(n.childNodes)) walk(c as typeof n);
      };
      walk(doc.body as unknown as Parameters<typeof walk>[0]);
      return { name: `${kind}/${f}`, host, texts };
    });
}

interface Overlay {
  sense: string;
  specific?: string[];
  englishSpecific?: boolean;
}

/** The real glossary's files, with the entries of generic.yaml marked generic where the data does not yet. */
export function genericGlossaryFiles(): { files: GlossaryFile[]; topic: GlossaryFile } {
  const overlay = parse(readFileSync(join(TOPIC_DIR, 'generic.yaml'), 'utf8')) as Record<string, Overlay>;
  const dir = join(ROOT, 'glossary');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const entries = parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>[];
      for (const e of entries) {
        const o = overlay[e.id as string];
        if (!o || e.generic !== undefined) continue;
        e.generic = true;
        e.sense = o.sense;
        if (Array.isArray(e.variants)) {
          e.variants = e.variants.map((v: unknown) => (typeof v === 'string' && o.specific?.includes(v) ? { form: v, generic: false } : v));
        }
        if (o.englishSpecific) (e.english as Record<string, unknown>).generic = false;
      }
      return { file: `glossary/${f}`, text: stringify(entries) };
    });
  const topic = { file: 'glossary/context/topic.yaml', text: readFileSync(join(dir, 'context', 'topic.yaml'), 'utf8') };
  return { files, topic };
}

/** That glossary compiled as the build does. */
export function glossaryWithGeneric() {
  const { files, topic } = genericGlossaryFiles();
  return compileGlossary(files, { words: wordList(), topic });
}
