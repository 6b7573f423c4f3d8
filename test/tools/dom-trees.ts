/**
 * Random page fragments for the page-integrity properties (test/tools/page-integrity.ts).
 * A tree is plain JSON (so it can be shrunk, printed and sent into a browser) and is turned into
 * DOM by build(), the same code in happy-dom and in Chromium. Text is made of glossary forms of
 * the mini glossary (test/fixtures/glossary/mini.yaml), near misses, filler words, entities and
 * odd characters, so terms land at random places, also split over elements and text nodes.
 */
import fc from 'fast-check';

export type Spec =
  | { t: 'text'; data: string }
  | { t: 'comment'; data: string }
  /** Markup parsed by the HTML parser (entities, character references), inserted as nodes. */
  | { t: 'html'; html: string }
  | { t: 'el'; tag: string; attrs: [string, string][]; kids: Spec[] };

/** Forms that are terms in the mini glossary (and stay terms in the full one). */
export const TERMS = [
  'Zvw', 'Wlz', 'IZA', 'NZa', 'GALA', 'MIND', 'ZN', 'InEen', 'ggz', 'PGO', 'MGC', 'passende zorg',
  'Passende Zorg', 'passende\u00a0zorg', 'passende\n  zorg', 'Kader Passende Zorg', 'Integraal Zorgakkoord',
  'integraal zorg akkoord', 'regioplannen', 'regiobeeld', 'mentale gezondheidscentra',
  'Zorgverzekeraars Nederland', 'De Nederlandse GGZ', 'zorgverzekeraars', 'Wet langdurige zorg',
];
/** Near misses: wrong case, parts of terms, terms inside longer words. */
const NEAR = ['gala', 'mind', 'Mind', 'zn', 'iza', 'Eenzaamheid', 'minder', 'Zvwë', 'éIZA', 'Zv', 'w', 'Wl', 'z', 'passende', 'zorg', 'Kader', 'IZA-', 'Zvw2', 'regio', 'plannen'];
const FILLER = ['de', 'het', 'een', 'brief', 'over', 'en', 'in', 'met', 'Kamer', 'minister', 'wet', 'akkoord'];
const GLUE = [' ', ' ', ' ', '\u00a0', '\n', '\t', '  ', ', ', '. ', '-', '(', ')', '"', "'", '‘', '’', '/', ':'];
const ODD = ['&', '<', '>', '&amp;', '<b>', 'é', 'ë', '€', '😀', '\u200b', '\u00ad', '\u202e', '\r\n', '\\', '$&', '%', '=', '{', '}'];

const token = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TERMS) },
  { weight: 2, arbitrary: fc.constantFrom(...NEAR) },
  { weight: 3, arbitrary: fc.constantFrom(...FILLER) },
  { weight: 5, arbitrary: fc.constantFrom(...GLUE) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
);
export const textArb = fc.array(token, { maxLength: 9 }).map((ts) => ts.join(''));

/** Markup with character references the parser turns into terms, spaces and symbols. */
const HTML_SNIPPETS = [
  '&#x5A;vw', 'N&#90;a', 'passende&nbsp;zorg', 'Wlz&shy;-indicatie', 'I&#8203;ZA', '&lt;mark&gt;Zvw&lt;/mark&gt;',
  'de &quot;IZA&quot; &amp; het GALA', '&eacute;&euml; Zvw&hellip;', '<b>Zv</b>w', 'pas<i>sende</i> zorg', 'Zvw<!-- Wlz -->IZA',
  '<span>De NZa</span> &amp; <em>ZN</em>', '<br>Zvw<wbr>Wlz', '&#128512;IZA&#128512;', 'Zvw&#10;Wlz',
];

const INLINE = ['span', 'b', 'i', 'em', 'strong', 'a', 'abbr', 'small', 'sub', 'sup', 'q', 'u', 's', 'label', 'time', 'bdi', 'font', 'x-widget', 'mark'];
const BLOCK = ['div', 'p', 'section', 'article', 'h1', 'h2', 'h3', 'ul', 'li', 'blockquote', 'table', 'td', 'details', 'summary', 'figure', 'aside', 'nav', 'header'];
/** Elements whose text must never be touched. */
export const SKIPPED = ['textarea', 'select', 'option', 'script', 'style', 'noscript', 'template', 'code', 'pre', 'kbd', 'samp', 'svg', 'math', 'button'];
const VOID = ['input', 'br', 'wbr', 'hr', 'img'];
const EDITABLE = ['true', '', 'plaintext-only', 'false', 'TRUE'];

const attrsFor = (tag: string): fc.Arbitrary<[string, string][]> => {
  const common = fc.subarray<[string, string]>([
    ['class', 'x'],
    ['title', 'Zvw en IZA'],
    ['lang', 'en'],
    ['hidden', ''],
    ['style', 'display:none'],
    ['translate', 'no'],
    ['aria-hidden', 'true'],
    ['dir', 'rtl'],
    ['data-iza-page', 'Wlz'],
  ], { maxLength: 2 });
  if (tag === 'div' || tag === 'span' || tag === 'p') {
    return fc.tuple(common, fc.option(fc.constantFrom(...EDITABLE), { freq: 4 })).map(([a, ce]) => (ce === null ? a : [...a, ['contenteditable', ce]]));
  }
  if (tag === 'a') return common.map((a) => [...a, ['href', '#Zvw']]);
  // The page's own <mark>, sometimes even with our attribute name on it.
  if (tag === 'mark') return fc.tuple(common, fc.boolean()).map(([a, own]) => (own ? [...a, ['data-iza', 'zvw']] : a));
  if (tag === 'input') return fc.constant([['value', 'Zvw in een veld']]);
  if (tag === 'img') return fc.constant([['alt', 'IZA']]);
  if (tag === 'script') return fc.constant([['type', 'text/x-template']]);
  return common;
};

/** A forest of random nodes: the children of <body>. */
export const treeArb: fc.Arbitrary<Spec[]> = fc.letrec<{ node: Spec; kids: Spec[] }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: textArb.map((data): Spec => ({ t: 'text', data })) },
    { weight: 1, arbitrary: fc.constant<Spec>({ t: 'text', data: '' }) },
    { weight: 1, arbitrary: textArb.map((data): Spec => ({ t: 'comment', data })) },
    { weight: 1, arbitrary: fc.constantFrom(...HTML_SNIPPETS).map((html): Spec => ({ t: 'html', html })) },
    { weight: 1, arbitrary: fc.constantFrom(...VOID).chain((tag) => attrsFor(tag).map((attrs): Spec => ({ t: 'el', tag, attrs, kids: [] }))) },
    { weight: 3, arbitrary: element(fc.constantFrom(...INLINE), tie('kids') as fc.Arbitrary<Spec[]>) },
    { weight: 3, arbitrary: element(fc.constantFrom(...BLOCK), tie('kids') as fc.Arbitrary<Spec[]>) },
    { weight: 2, arbitrary: element(fc.constantFrom(...SKIPPED), tie('kids') as fc.Arbitrary<Spec[]>) },
  ),
  kids: fc.array(tie('node') as fc.Arbitrary<Spec>, { maxLength: 5 }),
})).kids;

function element(tags: fc.Arbitrary<string>, kids: fc.Arbitrary<Spec[]>): fc.Arbitrary<Spec> {
  return tags.chain((tag) => fc.tuple(attrsFor(tag), kids).map(([attrs, k]): Spec => ({ t: 'el', tag, attrs, kids: k })));
}

const NS: Record<string, string> = { svg: 'http://www.w3.org/2000/svg', math: 'http://www.w3.org/1998/Math/MathML' };

/** Turns specs into DOM nodes; `made` collects every node made, in document order. */
export function build(doc: Document, specs: readonly Spec[], made: Node[] = []): Node[] {
  const out: Node[] = [];
  for (const spec of specs) {
    if (spec.t === 'text' || spec.t === 'comment') {
      const n = spec.t === 'text' ? doc.createTextNode(spec.data) : doc.createComment(spec.data);
      made.push(n);
      out.push(n);
    } else if (spec.t === 'html') {
      const tpl = doc.createElement('template');
      tpl.innerHTML = spec.html;
      const nodes = [...tpl.content.childNodes];
      for (const n of nodes) collect(n, made);
      out.push(...nodes);
    } else {
      const ns = NS[spec.tag];
      const el = ns ? doc.createElementNS(ns, spec.tag) : doc.createElement(spec.tag);
      for (const [k, v] of spec.attrs) el.setAttribute(k, v);
      made.push(el);
      el.append(...build(doc, spec.kids, made));
      out.push(el);
    }
  }
  return out;
}

function collect(n: Node, made: Node[]): void {
  made.push(n);
  for (let c = n.firstChild; c; c = c.nextSibling) collect(c, made);
}
