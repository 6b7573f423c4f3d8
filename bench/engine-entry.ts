// The real content-script engine, exposed to benchmark pages (bundled by bench/run.mjs): the
// PageEngine with a TermSession (its index, painter, hover hit test and hydration guard), set up as
// src/content/activation.ts does on a web page.
import Mark from 'mark.js';
import { PageEngine, EAGER_PAINT } from '../src/content/page-engine';
import { TermSession } from '../src/engine/session';
import { Revealer } from '../src/content/reveal';
import { createMatcher } from '../src/engine/matcher';
import { matcherData, setOwnGlossary, topicRule } from '../src/common/glossary-data';
import { TopicGate } from '../src/engine/topic';
import { DEFAULTS } from '../src/common/settings';
import { buildTrie, formsOf, unicodePattern } from '../src/compiler/trie-pattern';

Object.assign(window, { __iza: { TopicGate, topicRule, PageEngine, Revealer, TermSession, DEFAULTS, EAGER_PAINT, createMatcher, matcherData, setOwnGlossary, Mark, buildTrie, unicodePattern, formsOf } });
