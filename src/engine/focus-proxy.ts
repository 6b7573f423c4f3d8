/**
 * Keyboard focus for a term that must not get an element of its own: one inside a subtree that a
 * framework may still hydrate (hydration.ts). A focusable element in a shadow root of our own,
 * attached to <html> (outside any app root, so no framework sees it), is laid over the term's
 * box and takes focus in its place, labelled with the term's text for screen readers. Tab and
 * Shift+Tab from it go on in the page's own order from the term's position; it leaves the page
 * as soon as focus moves on.
 */
import { adoptCss } from './card/host';
import { nextTabbable } from './keyboard';

const TAG = 'iza-begrippen-focus';
const CSS = `:host { all: initial !important; position: fixed !important; z-index: 2147483646 !important; }
span { position: absolute; inset: 0; border-radius: 2px; outline: none; }
span:focus-visible { outline: 2px solid #1d5fa8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) { span:focus-visible { outline-color: #8cc4ff; } }`;

export class FocusProxy {
  private host: HTMLElement | null = null;
  private target: HTMLElement | null = null;
  private range: Range | null = null;

  /** `onLeave` runs when Tab takes focus away from the proxy (which removes itself). */
  constructor(private readonly doc: Document, private readonly onLeave: () => void) {}

  /** The element that has focus for the term, if the proxy is up. */
  get element(): HTMLElement | null {
    return this.target;
  }

  /** Lays the proxy over `range` and focuses it. */
  focus(range: Range, label: string): HTMLElement {
    this.remove();
    const host = this.doc.createElement(TAG);
    const root = host.attachShadow({ mode: 'open' });
    adoptCss(root, CSS);
    const span = this.doc.createElement('span');
    span.tabIndex = 0;
    span.setAttribute('role', 'button');
    span.setAttribute('aria-label', label);
    span.setAttribute('aria-haspopup', 'dialog');
    root.append(span);
    this.doc.documentElement.append(host);
    this.host = host;
    this.target = span;
    this.range = range;
    this.place();
    span.addEventListener('keydown', (e) => this.onKey(e));
    span.focus({ preventScroll: true });
    return span;
  }

  /** Follows the term after scrolling or resizing. */
  place(): void {
    if (!this.host || !this.range) return;
    const r = this.range.getClientRects()[0] ?? this.range.getBoundingClientRect();
    const s = this.host.style;
    s.setProperty('left', `${r.left}px`, 'important');
    s.setProperty('top', `${r.top}px`, 'important');
    s.setProperty('width', `${r.width}px`, 'important');
    s.setProperty('height', `${r.height}px`, 'important');
  }

  remove(): void {
    // Cleared first: removing the focused host fires focusout, whose handler may call back here.
    const host = this.host;
    this.host = null;
    this.target = null;
    this.range = null;
    host?.remove();
  }

  /** Tab from the proxy goes on from where the term stands in the page, not from <html>'s end. */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey || !this.range) return;
    const next = nextTabbable(this.doc, this.range.startContainer, e.shiftKey);
    e.preventDefault();
    e.stopPropagation();
    this.remove();
    if (next) next.focus();
    this.onLeave();
  }
}
