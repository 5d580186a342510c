#!/usr/bin/env node
/**
 * Makes the README screenshot: writes the demo case's HTML report (fixed --now, so it is the same every time),
 * opens it from disk in Chromium and saves a PNG of the first screen of the report (header and summary) to the
 * path given. Needs a build (`npm run build`) and Chromium at /usr/bin/chromium (Debian: `apt-get install
 * chromium fonts-dejavu-core`) or the path in CHROMIUM.
 *
 * Usage: node scripts/screenshot.mjs OUT.png [--section ID] [--full]
 *   --section ID  capture the section with this id instead (summary, charts, chronology, evidence)
 *   --full        capture the whole page
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const out = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--section');
const section = args.includes('--section') ? args[args.indexOf('--section') + 1] : undefined;
const full = args.includes('--full');
if (!out) {
  process.stderr.write('usage: node scripts/screenshot.mjs OUT.png [--section ID] [--full]\n');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  process.stderr.write(`Chromium not found at ${executablePath}: install it or set CHROMIUM.\n`);
  process.exit(2);
}
if (!existsSync(path.join(ROOT, 'dist'))) {
  process.stderr.write('No build found: run npm run build first.\n');
  process.exit(2);
}

const dir = mkdtempSync(path.join(tmpdir(), 'chronolog-shot-'));
const report = path.join(dir, 'report.html');
try {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'bin/chronolog.cjs'),
      'report',
      'fixtures/demo-case',
      '--format',
      'html',
      '--out',
      report,
      '--now',
      '2024-07-01T09:00:00Z',
      '--quiet',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 2 });
    await page.goto(pathToFileURL(report).href);
    if (full) {
      await page.screenshot({ path: out, fullPage: true });
    } else {
      // The summary screen runs from the top of the page to the end of the summary section.
      const id = section ?? 'summary';
      const box = await page.locator(`#${id}`).boundingBox();
      if (!box) throw new Error(`no section #${id} in the report`);
      const top = id === 'summary' ? 0 : Math.max(0, box.y - 16);
      await page.screenshot({
        path: out,
        fullPage: true,
        clip: { x: 0, y: top, width: 1100, height: Math.min(box.y + box.height + 24 - top, 4000) },
      });
    }
  } finally {
    await browser.close();
  }
  process.stderr.write(`screenshot written to ${out}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
