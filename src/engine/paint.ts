/**
 * Paint, then wrap on use. Found terms are painted with the CSS Custom Highlight API
 * (`CSS.highlights`): a StaticRange per term in one Highlight, styled by `::highlight()` rules,
 * so the page's DOM stays exactly as the page made it. An element is written (by mark.js, through
 * highlighter.ts) only for a term in use: the one with keyboard focus, or the current one of
 * next/previous (a hover card points at the painted range and writes nothing). Releasing it puts the page's text node
 * back as it was.
 *
 * Why StaticRange, not Range: a live Range is updated by the browser on every DOM change of the
 * page, so thousands of them slow down the page's own scripts. Static ranges cost nothing until
 * painted; page changes reach the engine through its MutationObserver, which repaints.
 *
 * Where the API is missing, the painter falls back to wrapping every painted term (the
 * extension's behaviour before painting); `mode` tells which path runs.
 */
import { type Group, groupOf, unwrapGroup, wrapMatches } from './highlighter';
import { isValid, type Entry, type Occurrence } from './terms';

/** Highlight names per highlight style (content.css styles `::highlight(NAME)`). */
export type PaintStyle = 'iza-u' | 'iza-b' | 'iza-n';
export const FLASH = 'iza-flash';
/** Class of a mark written for a term in use (painted by the highlight, so no style of its own). */
const USE_CLASS = 'iza-use';

export interface PainterOptions {
  style: PaintStyle;
  /** False where the page must not be written to (see hydration.ts). */
  canWrite(node: Node): boolean;
  /** Runs DOM writes so the engine's observer does not record them. */
  write(fn: () => void): void;
}

interface Use {
  groups: Group[];
  marks: HTMLElement[];
}

type Registry = HighlightRegistry & Map<string, Highlight>;

/** The document's highlight registry, or null where the API is missing. */
function registryOf(doc: Document): Registry | null {
  const css = (doc.defaultView as (Window & { CSS?: { highlights?: Registry } }) | null)?.CSS;
  const H = (doc.defaultView as (Window & { Highlight?: unknown }) | null)?.Highlight;
  return css?.highlights && typeof H === 'function' ? css.highlights : null;
}

/**
 * Firefox before 146 ignores `text-decoration` in `::highlight()`, so the dotted underline would
 * be invisible there: those versions get the underline style's fallback name, which content.css
 * paints with a light background instead (Firefox's capability, checked in this one place).
 */
function styleName(style: PaintStyle): string {
  // __TARGET__ is defined by build.mjs; test bundles of the engine may leave it out.
  if (typeof __TARGET__ === 'undefined' || __TARGET__ !== 'firefox' || style !== 'iza-u') return style;
  const v = /Firefox\/(\d+)/.exec(navigator.userAgent);
  return v && Number(v[1]) < 146 ? 'iza-u-old' : style;
}

export class Painter {
  readonly mode: 'highlight' | 'wrap';
  private readonly registry: Registry | null;
  private readonly highlight: Highlight | null;
  private flashHighlight: Highlight | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private style: PaintStyle;
  /** Painted ranges per occurrence (highlight mode). */
  private readonly ranges = new Map<Occurrence, AbstractRange>();
  /** Occurrences that end in another text node than they start in, per node they touch. */
  private readonly spanning = new WeakMap<Text, Set<Occurrence>>();
  /** Wrap mode: each painted entry's group, and its marks in occurrence order. */
  private readonly wrapped = new Map<Entry, { group: Group; marks: HTMLElement[] }>();
  private readonly uses = new Map<Occurrence, Use>();
  private readonly byMark = new WeakMap<Element, Occurrence>();
  private paintedCount = 0;

  constructor(private readonly doc: Document, private readonly opts: PainterOptions) {
    this.style = opts.style;
    this.registry = registryOf(doc);
    this.mode = this.registry ? 'highlight' : 'wrap';
    if (this.registry) {
      const H = (doc.defaultView as Window & { Highlight: typeof Highlight }).Highlight;
      this.highlight = new H();
      this.registry.set(styleName(this.style), this.highlight);
    } else {
      this.highlight = null;
    }
  }

  /** Number of occurrences painted now. */
  get painted(): number {
    return this.paintedCount;
  }

  paint(entries: readonly Entry[]): void {
    if (entries.length === 0) return;
    if (this.highlight === null) {
      this.opts.write(() => {
        for (const e of entries) this.wrapEntry(e);
      });
      return;
    }
    for (const e of entries) {
      if (e.painted) continue;
      e.painted = true;
      for (const o of e.occ) this.addRange(o);
      this.paintedCount += e.occ.length;
    }
  }

  unpaint(entries: readonly Entry[]): void {
    const release: Occurrence[] = [];
    for (const e of entries) {
      if (!e.painted) continue;
      e.painted = false;
      this.paintedCount -= e.occ.length;
      for (const o of e.occ) {
        if (this.uses.has(o)) release.push(o);
        this.removeRange(o);
      }
    }
    for (const o of release) this.release(o);
    if (this.highlight === null) {
      this.opts.write(() => {
        for (const e of entries) {
          const w = this.wrapped.get(e);
          if (!w) continue;
          this.wrapped.delete(e);
          if (w.group.pieces.some((p) => p.isConnected)) unwrapGroup(w.group, true);
        }
      });
    }
  }

  setStyle(style: PaintStyle): void {
    const old = this.style;
    this.style = style;
    if (this.registry && this.highlight) {
      this.registry.delete(styleName(old));
      this.registry.set(styleName(style), this.highlight);
      return;
    }
    for (const { marks } of this.wrapped.values()) for (const m of marks) m.classList.replace(old, style);
  }

  /**
   * An element for an occurrence, wrapping it now if it is only painted. Null where the page
   * must not be written to, or where another term of the same text node is in use (the caller
   * then anchors to the range).
   */
  use(o: Occurrence): HTMLElement | null {
    if (this.highlight === null) return this.wrapped.get(o.entry)?.marks[o.entry.occ.indexOf(o)] ?? null;
    const have = this.uses.get(o);
    if (have) {
      if (have.marks[0]?.isConnected) return have.marks[0];
      this.release(o);
    }
    const nodes = textNodesOf(o);
    if (!nodes.every((n) => n.isConnected && groupOf(n) === undefined && this.opts.canWrite(n))) return null;
    const use: Use = { groups: [], marks: [] };
    this.opts.write(() => {
      for (const n of nodes) {
        const start = n === o.startNode ? o.start : 0;
        const end = n === o.endNode ? o.end : n.length;
        if (end <= start) continue;
        const g = wrapMatches(n, [{ start, end, ids: o.ids }], { className: USE_CLASS });
        if (!g) continue;
        use.groups.push(g);
        for (const p of g.pieces) if (p.nodeType === 1) use.marks.push(p as HTMLElement);
      }
    });
    if (use.marks.length === 0) return null;
    this.uses.set(o, use);
    for (const m of use.marks) this.byMark.set(m, o);
    for (const n of nodes) this.remap(n);
    return use.marks[0] as HTMLElement;
  }

  /** Ends the use of an occurrence: the page's text nodes get their text back, as they were. */
  release(o: Occurrence): void {
    const use = this.uses.get(o);
    if (!use) return;
    this.uses.delete(o);
    this.opts.write(() => {
      for (const g of use.groups) if (g.pieces.some((p) => p.isConnected)) unwrapGroup(g, true);
    });
    for (const n of textNodesOf(o)) this.remap(n);
  }

  /** Ends every use (except `keep`). */
  releaseAll(keep?: Occurrence | null): void {
    for (const o of [...this.uses.keys()]) if (o !== keep) this.release(o);
  }

  /** False for a wrapped entry (fallback mode) whose marks the page's changes have undone. */
  intact(e: Entry): boolean {
    if (this.highlight !== null || !e.painted) return true;
    const w = this.wrapped.get(e);
    if (w && groupOf(e.text) === w.group) return true;
    this.wrapped.delete(e);
    e.painted = false;
    this.paintedCount -= e.occ.length;
    return false;
  }

  /** Painted entries the page has removed or changed since. */
  stale(): Entry[] {
    const out = new Set<Entry>();
    for (const o of this.ranges.keys()) if (!isValid(o.entry)) out.add(o.entry);
    for (const e of this.wrapped.keys()) if (!isValid(e)) out.add(e);
    return [...out];
  }

  /** The occurrence a mark of ours stands for. */
  occurrenceOf(el: Element | null): Occurrence | undefined {
    return el ? this.byMark.get(el) : undefined;
  }

  /** The marks written for terms in use now. */
  marksInUse(): HTMLElement[] {
    return [...this.uses.values()].flatMap((u) => u.marks);
  }

  inUse(o: Occurrence): boolean {
    return this.uses.has(o);
  }

  /**
   * A live range over the occurrence as the page is now (for its boxes). `reuse` sets an existing
   * range instead: the hover hit test reads many per pointer move, and every live range the page
   * holds is updated by the browser on each DOM change until it is collected.
   */
  rangeOf(o: Occurrence, reuse?: Range): Range {
    const r = reuse ?? this.doc.createRange();
    const [sn, so] = this.point(o.startNode, o.start);
    const [en, eo] = this.point(o.endNode, o.end);
    r.setStart(sn, so);
    r.setEnd(en, eo);
    return r;
  }

  /** Flashes an occurrence (after a jump). */
  flash(o: Occurrence): void {
    clearTimeout(this.flashTimer);
    if (this.registry) {
      const H = (this.doc.defaultView as Window & { Highlight: typeof Highlight }).Highlight;
      this.flashHighlight ??= new H();
      this.flashHighlight.priority = 1;
      this.flashHighlight.clear();
      this.flashHighlight.add(this.staticRange(o));
      this.registry.set(FLASH, this.flashHighlight);
      this.flashTimer = setTimeout(() => this.registry?.delete(FLASH), 1200);
      return;
    }
    const mark = this.use(o);
    mark?.classList.add(FLASH);
    this.flashTimer = setTimeout(() => mark?.classList.remove(FLASH), 1200);
  }

  /** Removes every highlight and every element written. */
  clear(): void {
    clearTimeout(this.flashTimer);
    this.releaseAll();
    if (this.registry) {
      this.registry.delete(styleName(this.style));
      this.registry.delete(FLASH);
      this.highlight?.clear();
    }
    this.ranges.clear();
    if (this.wrapped.size > 0) this.unpaint([...this.wrapped.keys()]);
    this.paintedCount = 0;
  }

  private wrapEntry(e: Entry): void {
    if (e.painted || !e.text.isConnected || groupOf(e.text) !== undefined) return;
    const group = wrapMatches(e.text, e.occ.map((o) => ({ start: o.start, end: o.end, ids: o.ids })), { className: this.style });
    if (!group) return;
    const marks = group.pieces.filter((p): p is HTMLElement => p.nodeType === 1);
    this.wrapped.set(e, { group, marks });
    marks.forEach((m, i) => {
      const o = e.occ[i];
      if (o) this.byMark.set(m, o);
    });
    e.painted = true;
    this.paintedCount += e.occ.length;
  }

  private addRange(o: Occurrence): void {
    const r = this.staticRange(o);
    this.ranges.set(o, r);
    this.highlight?.add(r);
    if (o.startNode !== o.endNode) {
      for (const n of textNodesOf(o)) {
        let set = this.spanning.get(n);
        if (!set) this.spanning.set(n, (set = new Set()));
        set.add(o);
      }
    }
  }

  private removeRange(o: Occurrence): void {
    const r = this.ranges.get(o);
    if (r === undefined) return;
    this.ranges.delete(o);
    this.highlight?.delete(r);
    if (o.startNode !== o.endNode) for (const n of textNodesOf(o)) this.spanning.get(n)?.delete(o);
  }

  /** Repaints the occurrences touching `node` after it was wrapped or unwrapped. */
  private remap(node: Text): void {
    const touching = new Set<Occurrence>(this.spanning.get(node) ?? []);
    for (const o of this.ranges.keys()) if (o.startNode === node || o.endNode === node) touching.add(o);
    for (const o of touching) {
      if (!this.ranges.has(o)) continue;
      this.removeRange(o);
      this.addRange(o);
    }
  }

  private staticRange(o: Occurrence): StaticRange {
    const [startContainer, startOffset] = this.point(o.startNode, o.start);
    const [endContainer, endOffset] = this.point(o.endNode, o.end);
    return new StaticRange({ startContainer, startOffset, endContainer, endOffset });
  }

  /**
   * Where an offset into a page text node's original text lies now: in the node itself, or, while
   * a term of it is wrapped, in one of the pieces mark.js made.
   */
  private point(node: Text, offset: number): [Node, number] {
    const g = groupOf(node);
    if (g === undefined || g.text !== node || offset <= g.left.length) return [node, offset];
    let at = g.left.length;
    for (const p of g.pieces) {
      const t = p.nodeType === 3 ? p : p.firstChild;
      const len = p.textContent?.length ?? 0;
      if (t && offset <= at + len) return [t, offset - at];
      at += len;
    }
    return [node, Math.min(offset, node.length)];
  }
}

/** The text nodes an occurrence covers, in document order. */
function textNodesOf(o: Occurrence): Text[] {
  if (o.startNode === o.endNode) return [o.startNode];
  const out: Text[] = [o.startNode];
  const doc = o.startNode.ownerDocument;
  const root = o.startNode.getRootNode();
  const w = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  w.currentNode = o.startNode;
  for (let n = w.nextNode(); n !== null; n = w.nextNode()) {
    out.push(n as Text);
    if (n === o.endNode || out.length > 64) break;
  }
  return out;
}
