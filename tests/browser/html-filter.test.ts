/**
 * The HTML chronology's filter in a real browser (Debian's Chromium driven by playwright-core), on
 * fixtures/html-filter-exact: two case-file categories, "car" and "car damage", whose labels are their names, and an
 * analysis window that leaves 3 of the 6 "car" incidents outside it. The report is made by the built CLI, with its
 * JSON (and JSON chronology) beside it. Checks: choosing a category shows exactly the rows whose `lexicon` names its
 * id (not those whose label merely contains its label), the count in the analysis window equals the JSON's
 * `escalation.content.categories[].incidents`, the free-text search does not find category labels, the controls
 * work from the keyboard, and with scripts off every row shows, marked when outside the window.
 *
 * Needs /usr/bin/chromium (CI installs it); without it the tests are skipped and say why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { rowId } from '../../src/reports/html/sections/section.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = 'fixtures/html-filter-exact';
const SKIPPED = `SKIPPED: ${CHROMIUM} not found (Debian: apt-get install chromium fonts-dejavu-core)`;
if (!HAS_CHROMIUM) console.warn(`tests/browser/html-filter.test.ts ${SKIPPED}`);

/** The ids (`e-…`) of the annex rows shown, in order. A string expression: the test has no DOM library. */
const shownRows = (page: Page): Promise<string[]> =>
  page.evaluate(
    "[...document.querySelectorAll('#annex-table tbody tr')].filter((r) => !r.hidden).map((r) => r.id)",
  );

/** The number the filter gives for the rows shown inside the analysis window. */
async function inWindow(page: Page): Promise<number> {
  const status = (await page.locator('#annex-count').textContent()) ?? '';
  const m = /: ([\d,]+) in the analysis window/.exec(status);
  if (!m) throw new Error(`no count in the analysis window in "${status}"`);
  return Number(m[1]!.replace(/,/g, ''));
}

describe.skipIf(!HAS_CHROMIUM)(
  `HTML chronology filter in Chromium${HAS_CHROMIUM ? '' : ` (${SKIPPED})`}`,
  () => {
    let dir: string;
    let file: string;
    let json: Report;
    let browser: Browser;

    /** The annex row ids of the incidents whose `lexicon` names `id`, in chronology order. */
    const rowsOf = (id: string) =>
      json.chronology!.filter((e) => e.lexicon.includes(id)).map((e) => rowId(e.id));
    const counted = (id: string) => json.escalation!.content.categories.find((c) => c.id === id)!.incidents;

    beforeAll(async () => {
      if (!existsSync(path.join(ROOT, 'bin/chronolog.cjs')) || !existsSync(path.join(ROOT, 'dist')))
        throw new Error('no build: run npm run build (npm test does it) before the browser test');
      dir = mkdtempSync(path.join(tmpdir(), 'chronolog-filter-'));
      file = path.join(dir, 'report.html');
      const cli = (...args: string[]) =>
        execFileSync(
          process.execPath,
          ['bin/chronolog.cjs', 'report', FIXTURE, ...args, '--now', '2024-07-01T09:00:00Z', '--quiet'],
          { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
        );
      cli('--format', 'html', '--out', file);
      cli('--format', 'json', '--chronology', '--out', path.join(dir, 'report.json'));
      json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('is the case the fixture describes: "car" has incidents outside the window, "car damage" holds its label', () => {
      expect(json.escalation!.window.incidentsOutside).toBe(3);
      expect(rowsOf('car')).toHaveLength(6);
      expect(counted('car')).toBe(3);
      expect(counted('car damage')).toBe(3);
      // The rows a filter by label text would wrongly add: labelled "car damage" but not in "car".
      expect(rowsOf('car damage').filter((r) => !rowsOf('car').includes(r)).length).toBeGreaterThan(0);
    });

    it('shows exactly the rows of the category chosen, and counts those in the window as the report does', async () => {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const total = json.chronology!.length;
      expect(await page.locator('#annex-count').textContent()).toBe(
        `Showing all ${total} incidents: ${total - 3} in the analysis window and 3 outside it`,
      );
      for (const id of ['car', 'car damage']) {
        const label = json.escalation!.content.categories.find((c) => c.id === id)!.label;
        await page.selectOption('#annex-lex', { label });
        expect(await shownRows(page), id).toEqual(rowsOf(id));
        expect(await inWindow(page), id).toBe(counted(id));
        expect(await page.locator('#annex-count').textContent(), id).toContain(
          'in the analysis window (as counted in “Words in the messages”)',
        );
      }
      expect(await page.locator('#annex-count').textContent()).toBe(
        `Showing 3 of ${total} incidents: 3 in the analysis window (as counted in “Words in the messages”) and 0 outside it (printing shows all)`,
      );
      await page.selectOption('#annex-lex', { label: 'car' });
      expect(await page.locator('#annex-count').textContent()).toBe(
        `Showing 6 of ${total} incidents: 3 in the analysis window (as counted in “Words in the messages”) and 3 outside it (printing shows all)`,
      );
      // The category and the channel together: the rows of both, and no claim that the number is the report's.
      await page.selectOption('#annex-ch', 'post');
      expect(await shownRows(page)).toEqual(
        json
          .chronology!.filter((e) => e.channel === 'post' && e.lexicon.includes('car'))
          .map((e) => rowId(e.id)),
      );
      expect(await page.locator('#annex-count').textContent()).toBe(
        `Showing 1 of ${total} incidents: 0 in the analysis window and 1 outside it (printing shows all)`,
      );
      await page.selectOption('#annex-ch', '');
      await page.selectOption('#annex-lex', '');
      expect(await shownRows(page)).toHaveLength(total);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('searches the text without the category labels, so typed words do not stand for a category', async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      // "damage" is in the labels "car damage" and "Damage to property" only, in no message.
      await page.fill('#annex-q', 'damage');
      await expect.poll(() => shownRows(page)).toEqual([]);
      // "car" finds the messages that say it, the car park among them, whatever their categories.
      await page.fill('#annex-q', 'car');
      const withCar = json
        .chronology!.filter((e) => (e.text ?? '').toLowerCase().includes('car'))
        .map((e) => rowId(e.id));
      await expect.poll(() => shownRows(page)).toEqual(withCar);
      expect(withCar).not.toEqual(rowsOf('car'));
      await page.close();
    });

    it('works from the keyboard: each control is reached by Tab, and a category chosen by typing its name', async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.focus('#annex-q');
      const focused = () => page.evaluate('document.activeElement.id');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('annex-ch');
      await page.keyboard.press('Tab');
      expect(await focused()).toBe('annex-lex');
      // The focus is shown: the stylesheet does not take the browser's outline away.
      expect(await page.evaluate('getComputedStyle(document.activeElement).outlineStyle')).not.toBe('none');
      // A closed select takes typed letters: "car d" picks "car damage", not "car".
      await page.keyboard.type('car d');
      await expect.poll(() => page.inputValue('#annex-lex')).toBe('car_20damage');
      await expect.poll(() => shownRows(page)).toEqual(rowsOf('car damage'));
      await page.close();
    });

    it('shows every row with scripts off, each outside the window marked, and no controls', async () => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      expect(await page.locator('#annex-filter').isVisible()).toBe(false);
      const rows = page.locator('#annex-table tbody tr');
      expect(await rows.count()).toBe(json.chronology!.length);
      expect(await page.locator('#annex-table tbody tr:visible').count()).toBe(json.chronology!.length);
      const { from, to } = json.escalation!.window;
      const outside = json
        .chronology!.filter((e) => e.local.slice(0, 10) < from! || e.local.slice(0, 10) > to!)
        .map((e) => rowId(e.id));
      expect(outside).toHaveLength(json.escalation!.window.incidentsOutside);
      const marked = await page.evaluate(
        "[...document.querySelectorAll('#annex-table tbody tr[data-window=\"outside\"]')].filter((r) => r.querySelector('td.when .sub').textContent === 'outside the analysis window').map((r) => r.id)",
      );
      expect(marked).toEqual(outside);
      for (const id of outside) expect(await page.locator(`#${id} td.when .sub`).isVisible()).toBe(true);
      await context.close();
    });
  },
);
