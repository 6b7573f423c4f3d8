#!/usr/bin/env node
// Renders icons/icon.svg to the PNG sizes the manifest lists, with the system Chromium.
// Run once after changing the drawing: node test/tools/render-icons.mjs
import { chromium } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './browsers.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const svg = await readFile(join(ROOT, 'icons', 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox', '--disable-gpu'] });
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('width="128" height="128"', `width="${size}" height="${size}"`)}`);
  await page.screenshot({ path: join(ROOT, 'icons', `icon-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons rendered');
