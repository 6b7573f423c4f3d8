/**
 * Glossary coverage: fixture pages written in our own words with the vocabulary of each seed
 * document (test/fixtures/seeds), and with the terms added since (test/fixtures/coverage: the
 * vocabulary of current practice of issue 22). Every term listed in a folder's terms.json must be
 * highlighted as a whole.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, launch, openPage, painted, type Harness } from './chromium';

const FOLDERS = ['seeds', 'coverage'];
const terms = FOLDERS.flatMap((folder) =>
  Object.entries(JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', folder, 'terms.json'), 'utf8')) as Record<string, string[]>).map(([file, list]) => [`${folder}/${file}`, list] as const),
);

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

describe('seed vocabulary is highlighted', () => {
  for (const [file, list] of terms) {
    it(`${file}: all ${list.length} listed terms`, async () => {
      const page = await openPage(h, `/${file}`);
      const marked = new Set(
        (await painted(page)).map((t) => t.text.replace(/\s+/g, ' ').trim()),
      );
      // A listed form counts when a mark holds exactly it, or holds a longer term that contains
      // it as a whole word (e.g. "VWS" inside "ministerie van VWS": longest match wins).
      const inside = (t: string) => [...marked].some((m) => m !== t && new RegExp(`(^|[^\\p{L}\\p{N}])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u').test(m));
      const missing = list.filter((t) => !marked.has(t) && !inside(t));
      console.log(`coverage ${file}: ${list.length - missing.length}/${list.length} listed terms highlighted, ${marked.size} distinct marked forms`);
      expect(missing).toEqual([]);
      await page.close();
    });
  }
});
