// `npm start`: serves the demo policy page on 127.0.0.1 and opens a browser with the extension
// (web-ext run). Without a display it renders the demo headless and saves a screenshot instead.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { serve } from './server.mjs';
import { CHROMIUM_FLAGS, findChromium, findFirefox } from './browsers.mjs';

export async function start(root, browserName) {
  const server = await serve(join(root, 'test', 'fixtures'));
  const url = `${server.origin}/demo/kamerbrief.html`;
  console.log(`Demo page: ${url}`);
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const { chromium } = await import('playwright-core');
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const dist = join(root, 'dist', 'chrome');
    const ctx = await chromium.launchPersistentContext(await mkdtemp(join(tmpdir(), 'iza-demo-')), {
      executablePath: findChromium(), headless: true, viewport: { width: 1100, height: 760 },
      args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${dist}`, `--load-extension=${dist}`],
    });
    const page = await ctx.newPage();
    await page.goto(url);
    // Terms are painted (CSS Custom Highlight API), not wrapped: wait for the highlight.
    await page.waitForFunction(() => [...CSS.highlights].some(([name, h]) => name.startsWith('iza-') && h.size > 0), null, { timeout: 20000 });
    const out = join(root, '.tmp', 'demo.png');
    await page.screenshot({ path: out });
    console.log(`No display found: rendered the demo headless with the extension, screenshot at ${out}.`);
    await ctx.close();
    await server.close();
    return;
  }
  const args = browserName === 'firefox'
    ? ['run', '--source-dir', join(root, 'dist', 'firefox'), '--target', 'firefox-desktop', '--firefox', findFirefox(), '--start-url', url]
    : ['run', '--source-dir', join(root, 'dist', 'chrome'), '--target', 'chromium', '--chromium-binary', findChromium(), '--start-url', url, ...CHROMIUM_FLAGS.map((f) => `--arg=${f}`)];
  const child = spawn(join(root, 'node_modules', '.bin', 'web-ext'), args, { stdio: 'inherit' });
  await new Promise((r) => child.on('exit', r));
  await server.close();
}
