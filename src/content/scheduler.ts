/** Cooperative time slicing: work in short slices and give the page the main thread between them. */

/** Longest stretch of work before yielding, in ms. Far under the 50 ms long-task threshold. */
export const SLICE_MS = 8;

type SchedulerLike = { yield?: () => Promise<void> };

/** Resolves on a fresh task, letting input, rendering and page scripts run first. */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: SchedulerLike }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
}

export const now = (): number => performance.now();

/** Longest wait for a page's `load` event before work goes on without it (a stalled image). */
const LOAD_WAIT_MS = 10_000;

/** Resolves once the page's `load` event has fired (at once if it has), or after LOAD_WAIT_MS. */
export function whenLoaded(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (doc.readyState === 'complete' || !win) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = win.setTimeout(resolve, LOAD_WAIT_MS);
    win.addEventListener('load', () => {
      win.clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/** Resolves once the parser has finished the document (DOMContentLoaded), at once if it has. */
export function whenParsed(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Resolves in the next animation frame, before it is rendered (what is painted then shows in that
 * frame), or once the document is parsed, whichever comes first: a hidden tab has no frames.
 */
export function nextFrameOrParsed(doc: Document): Promise<void> {
  const win = doc.defaultView;
  if (!win) return Promise.resolve();
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      win.cancelAnimationFrame(frame);
      doc.removeEventListener('DOMContentLoaded', finish);
      resolve();
    };
    const frame = win.requestAnimationFrame(finish);
    doc.addEventListener('DOMContentLoaded', finish);
  });
}

/**
 * Longest slice in an idle period. An idle period lasts until the next frame's work (up to 50 ms
 * when no frame is due), so a slice that uses more of it than SLICE_MS is in nobody's way. Each
 * idle period runs one slice, so longer slices finish the pass sooner: on the 5 MB page ~1.4 s
 * wall in 8 ms slices, ~0.5 s in 24 ms ones, at about the same engine time (224-230 against
 * 190-230 ms). Input arriving during a slice waits for its end, well under a long task's 50 ms.
 */
const IDLE_SLICE_MS = 24;

/** Longest wait for an idle period before background work runs anyway (a page that is never idle). */
const IDLE_WAIT_MS = 1000;

type IdleWindow = Window & {
  requestIdleCallback?: (cb: (deadline: { timeRemaining(): number; didTimeout: boolean }) => void, opts?: { timeout: number }) => number;
};

/**
 * Waits for the browser's next idle period (requestIdleCallback) and resolves with the end of
 * the slice that may run in it: at most IDLE_SLICE_MS, and no longer than the idle period lasts
 * (SLICE_MS when the wait timed out: the page is busy).
 * Background work (finding the terms the reader has not reached) thus runs after the page's
 * frames, never in front of them: chained scheduler.yield() continuations run ahead of
 * rendering, and Chromium lets them delay a pending frame for up to 100 ms (a long animation
 * frame for every such chain; bench/RESULTS.md). Without the API, a plain task.
 */
export function idleSlice(doc: Document): Promise<number> {
  const win = doc.defaultView as IdleWindow | null;
  if (!win || typeof win.requestIdleCallback !== 'function') return yieldToPage().then(() => now() + SLICE_MS);
  return new Promise((resolve) => {
    win.requestIdleCallback?.((deadline) => {
      // After the timeout the page is busy: take one ordinary slice.
      const left = deadline.didTimeout ? SLICE_MS : Math.min(IDLE_SLICE_MS, deadline.timeRemaining());
      resolve(now() + Math.max(left, 1));
    }, { timeout: IDLE_WAIT_MS });
  });
}
