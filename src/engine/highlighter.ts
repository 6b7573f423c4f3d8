/**
 * The mark.js adapter: wraps matches of one text node in <mark> elements, and undoes that
 * exactly. The page's own text node stays in place as the first piece (mark.js splits after it),
 * so frameworks that hold a reference to it (React, Vue) can still update or remove it; every
 * node we add is remembered, so switching off restores the original DOM node for node.
 */
import Mark from 'mark.js';
import type { TermMatch } from './matcher';
import { MARK_ATTR, isOwnMark } from './dom-rules';

export interface Group {
  /** The page's text node, still in its place, holding the text before the first match. */
  text: Text;
  /** Its full original text. */
  original: string;
  /** What `text` held right after wrapping; if it holds something else, the page wrote to it. */
  left: string;
  /** The marks and text pieces inserted after `text`. */
  pieces: ChildNode[];
}

/** Our nodes (the original text node, marks, pieces and the marks' inner text) -> their group. */
const groups = new WeakMap<Node, Group>();

export function groupOf(node: Node): Group | undefined {
  return groups.get(node);
}

export interface WrapOptions {
  /** Extra class for each mark (the highlight style). */
  className: string;
}

/**
 * The entry ids ride on each range under a symbol: mark.js logs every call's ranges with
 * JSON.stringify (even with logging off), which skips symbol keys.
 */
const IDS = Symbol('ids');
type IdRange = { start: number; length: number; [IDS]: readonly string[] };

/** mark.js options per highlight style, made once: mark.js copies them on every call anyway. */
const markOptions = new Map<string, object>();
function optionsFor(className: string): object {
  let o = markOptions.get(className);
  if (o === undefined) {
    o = {
      element: 'mark',
      className: `iza-term ${className}`,
      each: (el: Element, range: unknown) => {
        el.setAttribute(MARK_ATTR, (range as IdRange)[IDS].join(' '));
        el.removeAttribute('data-markjs');
      },
    };
    markOptions.set(className, o);
  }
  return o;
}

/**
 * Wraps `matches` (offsets into `text.data`) with mark.js. Returns the group, or null when
 * nothing was wrapped.
 */
export function wrapMatches(text: Text, matches: readonly TermMatch[], opts: WrapOptions): Group | null {
  const parent = text.parentNode;
  if (parent === null || matches.length === 0) return null;
  const original = text.data;
  const after = text.nextSibling;
  const ranges: IdRange[] = matches.map((m) => ({ start: m.start, length: m.end - m.start, [IDS]: m.ids }));
  new Mark(text as unknown as HTMLElement).markRanges(ranges, optionsFor(opts.className));
  const pieces: ChildNode[] = [];
  for (let n = text.nextSibling; n !== null && n !== after; n = n.nextSibling) pieces.push(n);
  if (pieces.length === 0) return null;
  const group: Group = { text, original, left: text.data, pieces };
  groups.set(text, group);
  for (const p of pieces) {
    groups.set(p, group);
    if (p.firstChild) groups.set(p.firstChild, group);
  }
  return group;
}

/** Removes a group's pieces. With `restoreText`, the page's text node gets its original text back. */
export function unwrapGroup(group: Group, restoreText: boolean): void {
  for (const p of group.pieces) {
    groups.delete(p);
    if (p.firstChild) groups.delete(p.firstChild);
    p.remove();
  }
  groups.delete(group.text);
  if (restoreText && group.text.data !== group.original) group.text.data = group.original;
}

/** Undoes every group that has a mark under `root`. Returns the number of marks removed. */
export function unwrapAll(root: ParentNode, selector: string): number {
  const marks = root.querySelectorAll(selector);
  const seen = new Set<Group>();
  for (const m of marks) {
    const g = groups.get(m);
    if (g && !seen.has(g)) {
      seen.add(g);
      unwrapGroup(g, true);
    } else if (!g) {
      // A mark whose bookkeeping is gone (should not happen): put its text back in place.
      m.replaceWith(...m.childNodes);
    }
  }
  return marks.length;
}

/**
 * Takes in the page's changes: where one reached our pieces, they are undone (the page keeps what
 * it wrote); every node to scan again goes into `pending`. Returns true if it wrote to the page.
 */
export function absorbChanges(records: readonly MutationRecord[], pending: Set<Node>): boolean {
  let wrote = false;
  for (const r of records) {
    if (r.type === 'characterData') {
      const g = groupOf(r.target);
      if (g) {
        // The page rewrote its own text node (keep its new text), or one of our pieces
        // (restore the original): either way our pieces go and the node is scanned again.
        unwrapGroup(g, g.text !== r.target);
        wrote = true;
        pending.add(g.text);
      } else if (r.target.nodeType === 3) pending.add(r.target); // Not comments.
      continue;
    }
    if (r.type === 'attributes') {
      pending.add(r.target);
      continue;
    }
    for (const node of r.removedNodes) {
      const g = groupOf(node);
      if (g && g.text === node) {
        // The page removed or moved its text node (e.g. a framework unmounting it): our pieces
        // go, and the node gets its whole text back unless the page has written to it since.
        unwrapGroup(g, g.text.data === g.left);
        wrote = true;
      }
    }
    for (const node of r.addedNodes) {
      if (isOwnMark(node) || groupOf(node)) continue;
      if (node.nodeType === 1 || node.nodeType === 3) pending.add(node);
    }
  }
  return wrote;
}
