/** Helpers for the hostile-page tests (test/e2e/hostile-*.e2e.test.ts). */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PAINTED_SRC, idsOf, pollFor } from './painted';

/** Collects the page's console errors and uncaught exceptions from now on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * Painted terms under `scope` (shadow roots too) as "text=ids", in document order; the ids are
 * the glossary's for that text (painted terms carry nothing in the page).
 */
export async function marksIn(page: Page | Frame, scope = 'body'): Promise<string[]> {
  const list = (await page.evaluate(`(${PAINTED_SRC})(${JSON.stringify(scope)})`)) as { text: string }[];
  return list.map((t) => `${t.text}=${idsOf(t.text)}`);
}

/** Waits until the marks under `scope` are exactly `want`; fails with what is there instead. */
export async function waitMarks(page: Page | Frame, scope: string, want: string[], timeout = 5000): Promise<void> {
  expect(await pollFor(() => marksIn(page, scope), want, timeout, 50), `marks in ${scope}`).toEqual(want);
}

/** Waits until `fn` (run in the page) returns true; fails with `what`. */
export async function until(page: Page, what: string, fn: () => boolean, timeout = 5000): Promise<void> {
  await page.waitForFunction(fn, null, { timeout }).catch(() => {
    throw new Error(`timed out waiting for: ${what}`);
  });
}
