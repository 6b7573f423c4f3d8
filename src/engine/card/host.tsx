/**
 * The card's host: one element at the end of the page with an open shadow root. The card is
 * rendered there with Preact, styled from a constructed stylesheet (not subject to the page's
 * CSP style-src) with a <style> fallback, and reset with `all: initial` so page CSS cannot
 * touch it.
 */
import { render } from 'preact';
import { Card, type CardProps } from './Card';
import { CARD_CSS } from './card-css';
import { SHEET_CSS } from './sheet-css';
import { SHEET_BELOW, placeCard, placeSheet } from './position';
import { HOST_TAG } from '../dom-rules';

type Shown = Omit<CardProps, 'onClose' | 'focusToken'>;

/**
 * What the card points at: a term's element (a mark written for it), or, where the page must not
 * be written to, a term's range (see CardHost.anchorFor).
 */
export interface CardAnchor {
  getClientRects(): DOMRectList | DOMRect[];
  getBoundingClientRect(): DOMRect;
  readonly isConnected: boolean;
}

/** An anchor over a range: it follows the range's text as long as its nodes are in the page. */
export function rangeAnchor(range: Range): CardAnchor {
  return {
    getClientRects: () => range.getClientRects(),
    getBoundingClientRect: () => range.getBoundingClientRect(),
    get isConnected() {
      return range.startContainer.isConnected && !range.collapsed;
    },
  };
}

export class CardHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private anchor: CardAnchor | null = null;
  private shown: Shown | null = null;
  private focusToken = 0;

  constructor(private readonly doc: Document, private readonly onClosed: (anchor: CardAnchor | null) => void) {}

  get open(): boolean {
    return this.anchor !== null;
  }

  get current(): CardAnchor | null {
    return this.anchor;
  }

  /** The host element, if it exists (for "is the pointer/focus inside the card"). */
  get element(): HTMLElement | null {
    return this.host;
  }

  contains(node: Node | null): boolean {
    return node !== null && this.host !== null && (node === this.host || this.host.contains(node) || this.host.shadowRoot?.contains(node) === true);
  }

  show(anchor: CardAnchor, props: Shown): void {
    this.ensureHost();
    this.anchor = anchor;
    this.shown = props;
    this.draw();
    this.position();
  }

  /** Moves keyboard focus into the card. */
  focusCard(): void {
    if (!this.open) return;
    this.focusToken++;
    this.draw();
  }

  /** Re-places the card after scrolling or resizing; closes it when its term has gone. */
  position(): void {
    const card = this.host?.shadowRoot?.querySelector<HTMLElement>('.card');
    if (!this.anchor || !card) return;
    if (!this.anchor.isConnected) return this.close();
    const rects = this.anchor.getClientRects();
    const r = rects[0] ?? this.anchor.getBoundingClientRect();
    const win = this.doc.defaultView as Window;
    const vv = win.visualViewport;
    // The screen's width as the reader sees it: the visual viewport at its zoom (a page without a
    // mobile viewport is laid out 980 px wide and shown zoomed out on a phone).
    if ((vv ? vv.width * vv.scale : win.innerWidth) < SHEET_BELOW) return this.placeAsSheet(card, this.anchor.getBoundingClientRect(), win);
    delete card.dataset.sheet;
    card.style.zoom = '';
    card.style.width = '';
    card.style.maxHeight = '';
    const size = card.getBoundingClientRect();
    const p = placeCard({ left: r.left, top: r.top, width: r.width, height: r.height }, size, {
      width: win.innerWidth,
      height: win.innerHeight,
    });
    card.style.left = `${p.left}px`;
    card.style.top = `${p.top}px`;
    card.style.maxHeight = `${p.maxHeight}px`;
    card.dataset.side = p.side;
  }

  /**
   * A small screen: the card is a sheet across the visible area, at the bottom, or at the top
   * when it would cover the term (placeSheet; `r` is the term's whole box, all its lines). Where the page is zoomed (pinch, or a page laid
   * out for a desktop width), CSS zoom keeps the sheet's text at its size on the screen.
   */
  private placeAsSheet(card: HTMLElement, r: DOMRect, win: Window): void {
    const vv = win.visualViewport;
    const area = { left: vv?.offsetLeft ?? 0, top: vv?.offsetTop ?? 0, width: vv?.width ?? win.innerWidth, height: vv?.height ?? win.innerHeight };
    const scale = vv?.scale ?? 1;
    const zoom = Math.abs(scale - 1) > 0.01 ? 1 / scale : 1;
    card.dataset.sheet = '';
    card.style.zoom = zoom === 1 ? '' : String(zoom);
    // Lengths on a zoomed element are in its own units (zoomed px = page px / zoom).
    card.style.width = `${area.width / zoom}px`;
    card.style.left = `${area.left / zoom}px`;
    card.style.maxHeight = '';
    card.style.top = '0px';
    const height = card.getBoundingClientRect().height;
    const p = placeSheet({ top: r.top - area.top, bottom: r.bottom - area.top }, height, area.height);
    card.style.top = `${(area.top + p.top) / zoom}px`;
    card.style.maxHeight = `${p.maxHeight / zoom}px`;
    card.dataset.side = p.side;
  }

  close(): void {
    if (!this.anchor) return;
    const anchor = this.anchor;
    this.anchor = null;
    this.shown = null;
    if (this.mount) render(null, this.mount);
    // The host leaves the page with the card: a closed card leaves the DOM as the page made it.
    this.host?.remove();
    this.host = null;
    this.mount = null;
    this.onClosed(anchor);
  }

  /** Removes the host from the page entirely. */
  destroy(): void {
    this.close();
    this.host?.remove();
    this.host = null;
    this.mount = null;
  }

  private draw(): void {
    if (!this.mount || !this.shown) return;
    render(<Card {...this.shown} focusToken={this.focusToken} onClose={() => this.close()} />, this.mount);
  }

  private ensureHost(): void {
    if (this.host?.isConnected) return;
    const host = this.doc.createElement(HOST_TAG);
    // CSSOM writes, not a style attribute: allowed under any CSP.
    host.style.setProperty('all', 'initial', 'important');
    host.style.setProperty('position', 'fixed', 'important');
    host.style.setProperty('top', '0', 'important');
    host.style.setProperty('left', '0', 'important');
    host.style.setProperty('width', '0', 'important');
    host.style.setProperty('height', '0', 'important');
    host.style.setProperty('z-index', '2147483647', 'important');
    host.style.setProperty('display', 'block', 'important');
    const root = host.attachShadow({ mode: 'open' });
    adoptCss(root, CARD_CSS + SHEET_CSS);
    const mount = this.doc.createElement('div');
    root.append(mount);
    this.doc.documentElement.append(host);
    this.host = host;
    this.mount = mount;
  }
}

/** Styles a shadow root with a constructed stylesheet, or a <style> element where that fails. */
export function adoptCss(root: ShadowRoot, css: string): () => void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    if (root.adoptedStyleSheets.includes(sheet)) {
      return () => {
        root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
      };
    }
  } catch {
    // Constructed stylesheets unavailable in this world: fall through to <style>.
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
  return () => style.remove();
}
