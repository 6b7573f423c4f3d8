// The real content-script engine, exposed to benchmark pages (bundled by bench/run.mjs).
import Mark from 'mark.js';
import { Engine } from '../src/content/engine';
import { createMatcher } from '../src/content/matcher';
import { matcherData } from '../src/common/glossary-data';
import { buildTrie, formsOf, unicodePattern } from '../src/build/trie-pattern';

Object.assign(window, { __iza: { Engine, createMatcher, matcherData, Mark, buildTrie, unicodePattern, formsOf } });
