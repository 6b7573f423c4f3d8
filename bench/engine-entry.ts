// The real content-script engine, exposed to benchmark pages (bundled by bench/run.mjs): the
// Engine with a TermSession (its index, painter, hover hit test and hydration guard), set up as
// src/content/activation.ts does on a web page.
import Mark from 'mark.js';
import { Engine, EAGER_PAINT } from '../src/content/engine';
import { TermSession } from '../src/content/session';
import { Revealer } from '../src/content/reveal';
import { createMatcher } from '../src/content/matcher';
import { matcherData, topicRule } from '../src/common/glossary-data';
import { TopicGate } from '../src/common/topic';
import { DEFAULTS } from '../src/common/settings';
import { buildTrie, formsOf, unicodePattern } from '../src/build/trie-pattern';

Object.assign(window, { __iza: { TopicGate, topicRule, Engine, Revealer, TermSession, DEFAULTS, EAGER_PAINT, createMatcher, matcherData, Mark, buildTrie, unicodePattern, formsOf } });
