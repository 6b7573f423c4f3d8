import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileGlossary, type GlossaryFile } from '../../src/build/glossary-compile';
import { createMatcher } from '../../src/content/matcher';

/** Compiles a YAML snippet (a list of entries) as glossary file `glossary/test.yaml`. */
export function compileYaml(text: string, file = 'glossary/test.yaml') {
  return compileGlossary([{ file, text }]);
}

export function compileFiles(files: GlossaryFile[]) {
  return compileGlossary(files);
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

/** The real glossary (glossary/*.yaml), compiled as the build does. */
export function loadFullGlossary() {
  const dir = join(import.meta.dirname, '..', '..', 'glossary');
  const names = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return compileGlossary(names.map((f) => ({ file: `glossary/${f}`, text: readFileSync(join(dir, f), 'utf8') })));
}
