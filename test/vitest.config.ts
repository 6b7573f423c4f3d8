import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { patchMarkJs } from '../src/build/markjs-patch.ts';

// Unit tests run the same mark.js as the extension: build.mjs applies this patch too.
const markjsPatch = {
  name: 'markjs-patch',
  transform: (code: string, id: string) => (/[\\/]mark\.js[\\/]dist[\\/]mark(\.es6)?\.js$/.test(id) ? patchMarkJs(code, id) : undefined),
};

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      {
        plugins: [markjsPatch],
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', server: { deps: { inline: ['mark.js'] } } },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 60000,
          hookTimeout: 60000,
          fileParallelism: false,
        },
      },
    ],
  },
});
