#!/usr/bin/env node
/**
 * `npm test`: everything, in order, on a fresh machine.
 *   1. type check (tsc --noEmit)
 *   2. build dist/chrome and dist/firefox (validates the glossary)
 *   3. web-ext lint on dist/firefox: 0 errors
 *   4. vitest: unit tests, then end-to-end tests in real Chromium and Firefox ESR
 * Ends with one plain line: "N passed, N failed".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;

function step(name, cmd, args, check = (r) => r.status === 0) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: process.env, maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const ok = check(r);
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${name}`);
  return ok;
}

step('type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
const built = step('build', process.execPath, ['build.mjs']);
if (built) {
  step('web-ext lint (dist/firefox): 0 errors', bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--output', 'json', '--self-hosted'], (r) => {
    try {
      const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
      console.log(`lint: ${report.count} messages, ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices`);
      for (const m of [...report.errors, ...report.warnings]) console.log(`  ${m._type}: ${m.code}: ${m.message} (${m.file ?? ''})`);
      return report.summary.errors === 0;
    } catch {
      return false;
    }
  });
}

mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const out = join(ROOT, '.tmp', 'vitest.json');
const projects = built ? [] : ['--project', 'unit'];
spawnSync(bin('vitest'), ['run', '--config', 'test/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${out}`, ...projects], {
  cwd: ROOT,
  stdio: 'inherit',
  env: process.env,
});
if (existsSync(out)) {
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numTotalTestSuites > 0 && report.success === false && report.numFailedTests === 0 ? 1 : 0);
  const tiers = {};
  for (const file of report.testResults) {
    const tier = file.name.includes('/e2e/') ? (file.name.includes('firefox') ? 'e2e-firefox' : 'e2e-chromium') : 'unit';
    tiers[tier] ??= { passed: 0, failed: 0 };
    for (const a of file.assertionResults) tiers[tier][a.status === 'passed' ? 'passed' : 'failed'] += a.status === 'passed' || a.status === 'failed' ? 1 : 0;
  }
  console.log('\nper tier:', Object.entries(tiers).map(([k, v]) => `${k} ${v.passed} passed, ${v.failed} failed`).join('; '));
} else {
  failed++;
  console.log('vitest wrote no report');
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
