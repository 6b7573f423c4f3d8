/** Browser bundle of the page-integrity properties (test/e2e/page-integrity.e2e.test.ts). */
import fc from 'fast-check';
import { createMatcher } from '../../src/engine/matcher';
import type { MatcherData } from '../../src/common/glossary-types';
import { coverage, mutationProperty, staticProperty } from './page-integrity';

export interface IntegrityRun {
  numRuns: number;
  /** fast-check's report (seed, path, counterexample, error) when a case failed. */
  failure: string | null;
  coverage: typeof coverage;
}

declare global {
  interface Window {
    izaIntegrity(kind: 'static' | 'mutation', data: MatcherData, params: { seed: number; path?: string; numRuns: number }): Promise<IntegrityRun>;
  }
}

window.izaIntegrity = async (kind, data, params) => {
  const matcher = createMatcher(data);
  Object.assign(coverage, { cases: 0, marks: 0, skippedTexts: 0, uses: 0 });
  const p = { ...params, endOnFailure: true };
  const out = kind === 'static' ? await fc.check(staticProperty(document, matcher), p) : await fc.check(mutationProperty(document, matcher), p);
  return { numRuns: out.numRuns, failure: out.failed ? `${fc.defaultReportMessage(out as fc.RunDetails<unknown>) ?? 'failed'}\n${String((out.errorInstance as Error | undefined)?.message ?? '')}` : null, coverage: { ...coverage } };
};
