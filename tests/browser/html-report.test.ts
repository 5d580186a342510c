/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. The demo case's report is made
 * by the built CLI (as a user would), with its JSON beside it, and opened from disk. Checks: no network request at
 * all, no console error (a wrong CSP hash would show here), every chart drawn, the totals equal the JSON's,
 * hostile message text inert (no element, no dialog), the filter works on screen and printing shows every row,
 * and the page prints to a multi-page A4 PDF. A screenshot of the summary goes to test-output/ (not committed).
 *
 * Needs /usr/bin/chromium (CI installs it); without it the tests are skipped and say why.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderHtml } from '../../src/reports/html/index.js';
import { HOSTILE, hostileReport } from '../reports/html-fixture.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ROOT = path.resolve(import.meta.dirname, '../..');
const NOW = '2024-07-01T09:00:00Z';
const SKIPPED = `SKIPPED: ${CHROMIUM} not found (Debian: apt-get install chromium fonts-dejavu-core)`;
if (!HAS_CHROMIUM) console.warn(`tests/browser/html-report.test.ts ${SKIPPED}`);

const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

interface Watch {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function open(browser: Browser, file: string): Promise<{ page: Page; watch: Watch }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const watch: Watch = { requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => watch.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.errors.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  page.on('dialog', (d) => {
    watch.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, watch };
}

describe.skipIf(!HAS_CHROMIUM)(`HTML report in Chromium${HAS_CHROMIUM ? '' : ` (${SKIPPED})`}`, () => {
  let dir: string;
  let demoHtml: string;
  let hostileHtml: string;
  let json: Report;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(path.join(ROOT, 'dist/cli/main.js')) && !existsSync(path.join(ROOT, 'dist')))
      throw new Error('no build: run npm run build (npm test does it) before the browser test');
    dir = mkdtempSync(path.join(tmpdir(), 'chronolog-browser-'));
    demoHtml = path.join(dir, 'report.html');
    hostileHtml = path.join(dir, 'hostile.html');
    const cli = (format: string, out: string) =>
      execFileSync(
        process.execPath,
        [
          'bin/chronolog.cjs',
          'report',
          'fixtures/demo-case',
          '--format',
          format,
          '--out',
          out,
          '--now',
          NOW,
          '--quiet',
        ],
        { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
      );
    cli('html', demoHtml);
    cli('json', path.join(dir, 'report.json'));
    json = JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) as Report;
    writeFileSync(hostileHtml, renderHtml(hostileReport()));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens from disk without any network request, console error or dialog; the filter script runs', async () => {
    const { page, watch } = await open(browser, demoHtml);
    expect(watch.requests).toEqual([pathToFileURL(demoHtml).href]);
    expect(watch.errors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
    // The script is allowed only by its hash: it ran if it revealed the filter controls.
    expect(await page.locator('#annex-filter').isVisible()).toBe(true);
    await page.close();
  });

  it('draws every chart and shows the same totals as the JSON report', async () => {
    const { page } = await open(browser, demoHtml);
    const charts = ['fig-daily', 'fig-calendar', 'fig-hours', 'fig-identifiers', 'fig-cumulative'];
    if (json.escalation) charts.push('fig-segments');
    for (const id of charts) {
      const svg = page.locator(`#${id} svg[role="img"]`);
      expect(await svg.count(), id).toBe(1);
      const box = await svg.boundingBox();
      expect(box!.width, id).toBeGreaterThan(300);
      expect(await page.locator(`#${id} figcaption`).textContent()).not.toBe('');
    }
    const big = await page.locator('#summary .fig .big').allInnerTexts();
    expect(big[0]).toBe(grouped(json.incidents.total));
    expect(big[1]).toBe(grouped(json.incidents.daysWithContact));
    const a = json.accounting;
    expect(await page.locator('#summary .accounting').textContent()).toContain(
      `${grouped(a.records)} records read from ${a.files} files: ${grouped(a.events)} events (${grouped(a.kept)} kept, ${grouped(a.duplicates)} duplicates), ${grouped(a.skipped)} skipped, ${grouped(a.rejected)} rejected; ${grouped(a.incidents)} incidents among the events kept.`,
    );
    expect(await page.locator('#annex-table tbody tr').count()).toBe(json.incidents.total);
    const evidence = await page.locator('#evidence').textContent();
    for (const input of json.inputs) expect(evidence).toContain(input.sha256);
    mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
    const summary = await page.locator('#summary').boundingBox();
    await page.screenshot({
      path: path.join(ROOT, 'test-output/summary.png'),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1100, height: summary!.y + summary!.height + 24 },
    });
    await page.close();
  });

  it('shows hostile message text as inert text: no element made from it, no dialog', async () => {
    for (const file of [demoHtml, hostileHtml]) {
      const { page, watch } = await open(browser, file);
      const cell = page.locator('#annex-table td.msg', { hasText: HOSTILE.img });
      expect(await cell.count(), file).toBeGreaterThan(0);
      expect(await page.locator('img, iframe, object, embed').count()).toBe(0);
      // Page-side expressions as strings: the test's TypeScript has no DOM library.
      const handlers = await page.evaluate(
        "[...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length",
      );
      expect(handlers).toBe(0);
      expect(await page.evaluate('document.scripts.length')).toBe(1);
      await page.locator('#annex-table').scrollIntoViewIfNeeded();
      await cell.first().hover();
      expect(watch.dialogs).toEqual([]);
      expect(watch.errors).toEqual([]);
      expect(watch.requests).toEqual([pathToFileURL(file).href]);
      await page.close();
    }
    const { page } = await open(browser, hostileHtml);
    expect(await page.title()).toContain('</script><script>alert(2)</script>');
    expect(await page.locator('body').isVisible()).toBe(true);
    expect(await page.locator('#annex-table').textContent()).toContain('invoice<U+202E>txt.exe');
    await page.close();
  });

  it('filters the annex on screen, and printing still shows every row and no controls', async () => {
    const { page } = await open(browser, demoHtml);
    const rows = page.locator('#annex-table tbody tr');
    const visible = () => page.locator('#annex-table tbody tr:not([hidden])').count();
    const total = await rows.count();
    await page.fill('#annex-q', 'onerror=alert(1)');
    await expect.poll(visible).toBeLessThan(total);
    expect(await visible()).toBeGreaterThan(0);
    expect(await page.locator('#annex-count').textContent()).toMatch(/^Showing \d+ of [\d,]+ incidents/);
    await page.fill('#annex-q', '');
    await page.selectOption('#annex-ch', 'sms');
    await expect.poll(visible).toBe(json.incidents.byChannel.sms ?? 0);
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(
      "[...document.querySelectorAll('#annex-table tbody tr')].filter((r) => getComputedStyle(r).display !== 'none').length",
    );
    expect(shown).toBe(total);
    expect(await page.locator('#annex-filter').isVisible()).toBe(false);
    expect(await page.locator('nav.toc').isVisible()).toBe(false);
    await page.close();
  });

  it('prints to a multi-page A4 PDF', async () => {
    const { page } = await open(browser, demoHtml);
    const pdf = await page.pdf({ format: 'A4' });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThan(5);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    // A4 is 595.3 × 841.9 points; Chromium rounds the page size to whole pixels.
    expect(Math.abs(Number(box![1]) - 595.3)).toBeLessThan(2);
    expect(Math.abs(Number(box![2]) - 841.9)).toBeLessThan(2);
    await page.close();
  }, 180_000);
});
