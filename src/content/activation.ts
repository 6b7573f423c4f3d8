/**
 * One activation of the extension on a web page: a term session (session.ts: painting, card,
 * keyboard, copying) fed by the engine that walks the page (engine.ts). stop() undoes every
 * change it made to the page.
 */
import { ext } from '../common/ext';
import { Engine } from './engine';
import { createMatcher, type Matcher } from './matcher';
import { TermSession } from './session';
import { getEntry, matcherData, topicRule } from '../common/glossary-data';
import { CATEGORIES, type Category, type MatcherData } from '../common/glossary-types';
import { TopicGate } from '../common/topic';
import type { Settings } from '../common/settings';
import type { TermCount } from '../common/messages';

let sharedMatcher: Matcher | null = null;
let sharedGeneric: MatcherData['generic'] = { exact: {}, folded: {} };

/** The matcher, built once per frame and shared by every activation in it. */
export function pageMatcher(): Matcher {
  if (sharedMatcher === null) {
    const data = matcherData();
    sharedGeneric = data.generic;
    sharedMatcher = createMatcher(data);
  }
  return sharedMatcher;
}

/** A topic gate for one activation: generic terms wait until the page shows it is about care. */
function pageTopicGate(doc: Document): TopicGate<Text> {
  pageMatcher();
  return new TopicGate<Text>(topicRule(), sharedGeneric, doc.location?.hostname ?? '');
}

/** The category filter of the settings, as the engine's `allow`. */
export function categoryFilter(settings: Settings): (ids: readonly string[]) => readonly string[] {
  const allowed = new Set(settings.categories);
  // With every category on (the default) the entries are not even parsed until a card opens.
  if (CATEGORIES.every((c) => allowed.has(c))) return (ids) => ids;
  return (ids) => ids.filter((id) => allowed.has(getEntry(id)?.category as Category));
}

export class Activation {
  readonly engine: Engine;
  readonly session: TermSession;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document, settings: Settings) {
    this.session = new TermSession(doc, settings);
    this.engine = new Engine(doc, {
      matcher: pageMatcher(),
      topic: pageTopicGate(doc),
      index: this.session.index,
      painter: this.session.painter,
      allow: categoryFilter(settings),
      firstOnly: settings.firstOnly,
      onShadowRoot: (root) => {
        this.session.adoptStyles(root);
        this.session.hydration.include(root);
      },
      onChange: () => this.changed(),
    });
    this.session.writeHook = (fn) => this.engine.write(fn);
  }

  start(): Promise<void> {
    return this.engine.start();
  }

  stop(): void {
    clearTimeout(this.countTimer);
    this.engine.stop();
    this.session.stop();
    this.reportCount(0);
  }

  /** Applies settings that need no new pass over the page. Returns false if a restart is needed. */
  update(next: Settings): boolean {
    return this.session.update(next);
  }

  stats(): { count: number; terms: TermCount[] } {
    return this.session.stats();
  }

  jump(id: string): boolean {
    return this.session.jump(id);
  }

  step(dir: 1 | -1): boolean {
    return this.session.stepFromCurrent(dir);
  }

  show(id: string): boolean {
    return this.session.show(id);
  }

  private changed(): void {
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => this.reportCount(this.engine.count()), 250);
  }

  private reportCount(count: number): void {
    if (this.doc.defaultView !== this.doc.defaultView?.top) return;
    ext().sendMessage({ type: 'count', params: { count } }).catch(() => undefined);
  }
}
