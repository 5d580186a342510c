/**
 * The HTML reports of fixture folders, written once for a browser test, and opened in Debian's Chromium at the
 * widths and media a reader has: a wide screen, a phone, an A4 page.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { renderHtml } from '../../src/reports/html/index.js';
import { reportOf } from './report.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SKIPPED = `SKIPPED: ${CHROMIUM} not found (Debian: apt-get install chromium fonts-dejavu-core)`;

/** A4's printable width at 96 px per inch: 210 mm less the 14 mm side margins of the print stylesheet. */
export const A4_CONTENT_PX = Math.floor(((210 - 2 * 14) / 25.4) * 96);

export const VIEWS = [
  { name: 'screen, 1200 px', width: 1200, media: 'screen' },
  { name: 'screen, 400 px', width: 400, media: 'screen' },
  { name: `print, ${A4_CONTENT_PX} px`, width: A4_CONTENT_PX, media: 'print' },
] as const;

export type View = (typeof VIEWS)[number];

/**
 * Registers, in the describe block that calls it, the hooks that write the report of each fixture folder in
 * `cases` and start Chromium before its tests and clean up after; returns `open`, which shows one at a view.
 */
export function fixturePages(cases: readonly string[]): {
  open(name: string, view: View): Promise<Page>;
} {
  let dir: string | undefined;
  let browser: Browser | undefined;
  const files: Record<string, string> = {};
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'chronolog-pages-'));
    for (const name of cases) {
      files[name] = path.join(dir, `${name}.html`);
      writeFileSync(files[name], renderHtml(await reportOf([`fixtures/${name}`], {})));
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    async open(name, view) {
      const page = await browser!.newPage({ viewport: { width: view.width, height: 1000 } });
      await page.emulateMedia({ media: view.media });
      await page.goto(pathToFileURL(files[name]!).href);
      return page;
    },
  };
}
