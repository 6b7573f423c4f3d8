/**
 * A build-time patch to mark.js, applied by build.mjs (and by the unit tests' loader).
 *
 * mark.js collects the text nodes of its context with `document.createNodeIterator`. A browser
 * keeps every NodeIterator registered with its document until garbage collection, and visits
 * all of them on each later node removal (to keep their reference nodes valid). The engine calls
 * mark.js once per text node, so on a long page each wrap paid for every earlier call: measured
 * on the 1 MB benchmark page in Chromium, 6,174 marks took 720 ms with the iterators and 120 ms
 * without. The patch gives mark.js, for a single text-node context (the only kind the engine
 * passes), an iterator over that one node that registers nothing. Any other context keeps the
 * browser's NodeIterator, so mark.js behaves exactly as before.
 */

const CALL = 'document.createNodeIterator(ctx, whatToShow, filter, false)';

const HELPER = `
function __izaNodeIterator(ctx, whatToShow, filter) {
  if (ctx.nodeType !== 3) return document.createNodeIterator(ctx, whatToShow, filter, false);
  var done = false;
  return {
    nextNode: function () {
      if (done) return null;
      done = true;
      if ((whatToShow & 4) === 0) return null;
      var verdict = typeof filter === 'function' ? filter(ctx) : filter ? filter.acceptNode(ctx) : 1;
      return verdict === 1 ? ctx : null;
    },
    previousNode: function () {
      return null;
    },
  };
}
`;

/** Returns mark.js's source with the patch applied; throws if mark.js no longer has the call. */
export function patchMarkJs(source: string, file: string): string {
  const count = source.split(CALL).length - 1;
  if (count !== 1) {
    throw new Error(`${file}: expected one "${CALL}" to patch, found ${count}. Was mark.js updated? See src/build/markjs-patch.ts.`);
  }
  return source.replace(CALL, '__izaNodeIterator(ctx, whatToShow, filter)') + HELPER;
}
