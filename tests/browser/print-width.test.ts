/**
 * Printed on A4, no part of the HTML report is wider than the page, and every channel in the daily chart's legend
 * is drawn inside the chart, as is every other label of every chart (the calendar's legend over a few weeks). A
 * comparison folded away on screen (a milestone's whole-window comparison) is printed open. fixtures/hostile-text holds a title, names and diary text with 120–300-character
 * unbroken words, markup and bidi overrides; fixtures/mixed-case has 13 channels, more than one legend line holds.
 *
 * Needs /usr/bin/chromium (CI installs it); without it the test is skipped and says why.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/reports/html/index.js';
import { reportOf } from '../helpers/report.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIPPED = `SKIPPED: ${CHROMIUM} not found (Debian: apt-get install chromium fonts-dejavu-core)`;
if (!HAS_CHROMIUM) console.warn(`tests/browser/print-width.test.ts ${SKIPPED}`);

/** A4's printable width at 96 px per inch: 210 mm less the 14 mm side margins of the print stylesheet. */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 14) / 25.4) * 96);

describe.skipIf(!HAS_CHROMIUM)(
  `the report at A4 width in Chromium${HAS_CHROMIUM ? '' : ` (${SKIPPED})`}`,
  () => {
    let dir: string;
    let browser: Browser;
    const files: Record<string, string> = {};

    beforeAll(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'chronolog-width-'));
      for (const name of ['hostile-text', 'mixed-case', 'demo-case', 'single-incident']) {
        files[name] = path.join(dir, `${name}.html`);
        writeFileSync(files[name], renderHtml(await reportOf([`fixtures/${name}`], {})));
      }
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function printed(name: string) {
      const page = await browser.newPage({ viewport: { width: A4_CONTENT_PX, height: 1000 } });
      await page.emulateMedia({ media: 'print' });
      await page.goto(pathToFileURL(files[name]!).href);
      return page;
    }

    it.each(['hostile-text', 'mixed-case', 'demo-case'])(
      '%s: nothing is wider than the page',
      async (name) => {
        const page = await printed(name);
        const wide: string[] = await page.evaluate(
          `[...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > ${A4_CONTENT_PX} + 1).map((el) => el.tagName + ' ' + (el.textContent || '').slice(0, 40))`,
        );
        expect(wide).toEqual([]);
        await page.close();
      },
    );

    it('prints the whole-window comparisons that the screen folds away, and only those of the folded tables', async () => {
      const visibleAsides = (page: Awaited<ReturnType<typeof printed>>): Promise<boolean[]> =>
        page.evaluate(
          `[...document.querySelectorAll('details.aside table')].map((t) => t.checkVisibility() && t.getBoundingClientRect().height > 0)`,
        );
      const screen = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
      await screen.goto(pathToFileURL(files['demo-case']!).href);
      const onScreen = await visibleAsides(screen);
      expect(onScreen.length).toBeGreaterThan(0);
      expect(onScreen.every((v) => !v)).toBe(true);
      await screen.close();
      const page = await printed('demo-case');
      expect(await visibleAsides(page)).toEqual(onScreen.map(() => true));
      // The charts' data tables stay out of print: each chart is printed as its drawing.
      const chartTables: boolean[] = await page.evaluate(
        `[...document.querySelectorAll('details.data-table:not(.aside)')].map((d) => d.checkVisibility())`,
      );
      expect(chartTables.length).toBeGreaterThan(0);
      expect(chartTables.every((v) => !v)).toBe(true);
      await page.close();
    });

    it('opens the folded comparisons before printing and folds them again after, for browsers without ::details-content', async () => {
      const page = await browser.newPage({ viewport: { width: 1000, height: 1000 } });
      await page.goto(pathToFileURL(files['demo-case']!).href);
      const openFolds = (): Promise<boolean[]> =>
        page.evaluate(`[...document.querySelectorAll('details.aside')].map((d) => d.open)`);
      const before = await openFolds();
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((o) => !o)).toBe(true);
      await page.evaluate(`window.dispatchEvent(new Event('beforeprint'))`);
      expect(await openFolds()).toEqual(before.map(() => true));
      await page.evaluate(`window.dispatchEvent(new Event('afterprint'))`);
      expect(await openFolds()).toEqual(before);
      await page.close();
    });

    it('draws every channel of the daily legend inside the chart', async () => {
      const page = await printed('mixed-case');
      const outside: string[] = await page.evaluate(
        `(() => { const svg = document.querySelector('#fig-daily svg, svg[aria-labelledby^="fig-daily"]'); const box = svg.getBoundingClientRect(); return [...svg.querySelectorAll('.legend text')].filter((t) => { const r = t.getBoundingClientRect(); return r.right > box.right + 0.5 || r.bottom > box.bottom; }).map((t) => t.textContent); })()`,
      );
      const labels: string[] = await page.evaluate(
        `[...document.querySelectorAll('svg[aria-labelledby^="fig-daily"] .legend text')].map((t) => t.textContent)`,
      );
      expect(labels.length).toBeGreaterThan(12);
      expect(outside).toEqual([]);
      await page.close();
    });

    it.each(['mixed-case', 'single-incident'])(
      '%s: every label of every chart is inside its chart',
      async (name) => {
        const page = await printed(name);
        const outside: string[] = await page.evaluate(
          `[...document.querySelectorAll('svg.chart-svg')].flatMap((svg) => { const box = svg.getBoundingClientRect(); return [...svg.querySelectorAll('text')].filter((t) => { const r = t.getBoundingClientRect(); return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5); }).map((t) => svg.getAttribute('aria-labelledby') + ': ' + t.textContent); })`,
        );
        expect(outside).toEqual([]);
        await page.close();
      },
    );
  },
);
