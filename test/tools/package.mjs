// `npm run package`: store-ready zips of both builds, in dist/packages.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export async function packageAll(root, version) {
  for (const target of ['chrome', 'firefox']) {
    const r = spawnSync(join(root, 'node_modules', '.bin', 'web-ext'), [
      'build', '--source-dir', join(root, 'dist', target), '--artifacts-dir', join(root, 'dist', 'packages'),
      '--filename', `iza-begrippen-${target}-${version}.zip`, '--overwrite-dest',
    ], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`packaging ${target} failed`);
  }
}
