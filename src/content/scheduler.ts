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
