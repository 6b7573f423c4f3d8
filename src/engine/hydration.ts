/**
 * Where the extension must never write: subtrees that a framework rendered on the server and may
 * still hydrate. Hydration (React's hydrateRoot, Vue's createSSRApp().mount, Svelte's hydrate,
 * Astro islands) walks the server DOM and expects it node for node; one extra element or split
 * text node makes React throw the server DOM away (minified error #418) and render it again.
 *
 * A content script cannot see a framework's own state (it lives in the page's JavaScript world),
 * and a successful hydration changes nothing in the DOM, so "hydrated yet?" cannot be told from
 * here for React, Vue or Svelte. So such a subtree is treated as never writable: terms there are
 * painted (CSS Custom Highlight API, no DOM change), the card opens anchored to the term's range,
 * and keyboard focus goes to a proxy outside the app (focus-proxy.ts); only Astro says when an
 * island is done (it removes the `ssr` attribute).
 *
 * Signs of server rendering, all part of the HTML the frameworks emit:
 * - React: `<!-- -->` between adjacent text pieces, `<!--$-->` … `<!--/$-->` around Suspense
 *   boundaries, `data-reactroot`, Next.js's `#__next` and `__NEXT_DATA__`;
 * - Vue 3 / Nuxt: `<!--[-->` … `<!--]-->` fragment markers and `<!---->` placeholders, `#__nuxt`,
 *   `data-server-rendered` (Vue 2);
 * - Svelte 5 / SvelteKit: `<!--[-->`, `<!--]-->`, `<!---->` markers;
 * - Astro: `<astro-island ssr>`; Qwik: `[q\:container]`.
 */

/**
 * App roots: framework-specific ones, and the mount points React, Vue and Svelte apps use by
 * convention (#root, #app, #svelte), which server-rendered apps without comment markers share.
 */
const ROOT_SELECTOR = '#__next,#__nuxt,#___gatsby,#root,#app,#svelte,[data-reactroot],[data-server-rendered],astro-island[ssr],[q\\:container]';
/** Comment data that server renderers use as hydration markers (never written by hand). */
const MARKER = /^(?: |\$|\/\$|\$\?|\$!|\[|\]|\[!|)$/;

export class HydrationGuard {
  /** Elements that hold server-rendered framework content (looked for when first asked). */
  private readonly roots = new Set<Element>();

  /** Roots to look through before the next answer (the document, shadow roots found since). */
  private readonly toScan: ParentNode[];

  constructor(private readonly doc: Document) {
    this.toScan = [doc];
  }

  /**
   * Notes a root to look through for server-rendered content. The look itself waits for the
   * first question: only a term put in use asks, and reading every comment of a 5 MB page takes
   * ~50 ms, which would otherwise fall before the page's load.
   */
  include(root: ParentNode): void {
    this.toScan.push(root);
  }

  /** Looks for server-rendered roots under `root` (comments and a selector query). */
  private look(root: ParentNode): void {
    for (const el of root.querySelectorAll(ROOT_SELECTOR)) this.roots.add(el);
    const body = this.doc.body;
    if (!body) return;
    const start = root.nodeType === 9 ? body : (root as Node);
    const w = this.doc.createTreeWalker(start, NodeFilter.SHOW_COMMENT);
    for (let c = w.nextNode(); c !== null; c = w.nextNode()) {
      if (!MARKER.test((c as Comment).data)) continue;
      const top = topBelowBody(c, body);
      if (top) this.roots.add(top);
      // Everything under this top element is covered: skip past it.
      if (top && top !== c.parentNode) {
        w.currentNode = top;
        let next: Node | null = null;
        for (let n: Node | null = top; n !== null && next === null; n = n.parentNode) {
          if (n === start) break;
          next = n.nextSibling;
        }
        if (next === null) break;
        w.currentNode = next;
      }
    }
  }

  /** True if writing an element around text in `node` is safe (no pending hydration there). */
  canWrite(node: Node): boolean {
    // A page still being parsed may hydrate any part of it: nothing is written until it is whole.
    if (this.doc.readyState === 'loading') return false;
    while (this.toScan.length > 0) this.look(this.toScan.shift() as ParentNode);
    if (this.roots.size === 0) return true;
    for (const root of this.roots) {
      if (root.localName === 'astro-island' && !root.hasAttribute('ssr')) continue; // Hydrated.
      if (root.isConnected && root.contains(node)) return false;
    }
    return true;
  }
}

/** The ancestor of `node` that is a child of <body> (a page's app root), or null. */
function topBelowBody(node: Node, body: HTMLElement): Element | null {
  let n: Node | null = node;
  while (n !== null && n.parentNode !== body) n = n.parentNode;
  return n !== null && n.nodeType === 1 ? (n as Element) : null;
}
