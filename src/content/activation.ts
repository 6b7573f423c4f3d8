/**
 * One activation of the extension on a web page: a term session (../engine/session.ts: painting,
 * card, keyboard, copying) fed by the page engine that walks the page (page-engine.ts). stop() undoes every
 * change it made to the page.
 */
import { ext } from '../common/ext';
import { PageEngine } from './page-engine';
import { categoryFilter, pageMatcher, pageTopicGate } from '../engine/glossary-matcher';
import { TermSession } from '../engine/session';
import type { Settings } from '../common/settings';
import type { TermCount } from '../common/messages';

export class Activation {
  readonly engine: PageEngine;
  readonly session: TermSession;
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document, settings: Settings) {
    this.session = new TermSession(doc, settings);
    this.engine = new PageEngine(doc, {
      matcher: pageMatcher(),
      topic: pageTopicGate<Text>(doc.location?.hostname ?? ''),
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
