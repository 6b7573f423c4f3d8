/** The JSON Schemas for editors (glossary/schema.json, schema-topic.json) name the fields the build reads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGLISH_KEYS, ENTRY_KEYS, FORM_KEYS } from '../../src/build/glossary-entry';
import { NUMBERS } from '../../src/build/topic-compile';

const dir = join(import.meta.dirname, '..', '..', 'glossary');
const schema = JSON.parse(readFileSync(join(dir, 'schema.json'), 'utf8'));
const topic = JSON.parse(readFileSync(join(dir, 'schema-topic.json'), 'utf8'));
const keys = (o: Record<string, unknown>) => Object.keys(o).sort();

describe('glossary schemas', () => {
  it('schema.json has exactly the entry, English and form fields of the build', () => {
    expect(keys(schema.items.properties)).toEqual([...ENTRY_KEYS].sort());
    expect(keys(schema.items.properties.english.properties)).toEqual([...ENGLISH_KEYS].sort());
    expect(keys(schema.items.properties.abbreviations.items.properties)).toEqual([...FORM_KEYS].sort());
    expect(keys(schema.$defs.forms.items.oneOf[1].properties)).toEqual([...FORM_KEYS].filter((k) => k !== 'expansion').sort());
  });
  it('schema-topic.json has exactly the thresholds of the build', () => {
    expect(keys(topic.properties.thresholds.properties)).toEqual([...NUMBERS].sort());
  });
});
