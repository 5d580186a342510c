/**
 * Phone numbers in the HTML report stay on one line at A4 width, in Chromium: the chronology's sender cell and
 * the escalation section's identifier table, on screen and printed. A number split over two lines
 * ("+4477009001" / "23") is easily read or copied wrong. The report is built by hand, with long messages that
 * squeeze the sender column the way a real chronology does.
 *
 * Needs /usr/bin/chromium (CI installs it); without it the test is skipped and says why.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/index.js';
import { renderHtml } from '../../src/reports/html/index.js';
import { ev, input, kase, report } from '../analysis/escalation/helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const SKIPPED = `SKIPPED: ${CHROMIUM} not found (Debian: apt-get install chromium fonts-dejavu-core)`;
if (!HAS_CHROMIUM) console.warn(`tests/browser/identifier-nowrap.test.ts ${SKIPPED}`);

/** A4's printable width at 96 px per inch: 210 mm less the 14 mm side margins of the print stylesheet. */
const A4_CONTENT_PX = Math.floor(((210 - 2 * 14) / 25.4) * 96);
const LONG =
  'I know you are at home, I can see the light in the kitchen and the car is outside, answer the phone now or I will come round again tonight and wait by the door until you do';

/** For each element matching `selector`: its text and how many line boxes it takes. */
async function lines(page: Page, selector: string): Promise<{ text: string; lines: number }[]> {
  // A string expression: the test's TypeScript has no DOM library.
  return page.evaluate(
    `[...document.querySelectorAll(${JSON.stringify(selector)})].map((el) => ({ text: el.textContent, lines: el.getClientRects().length }))`,
  );
}

describe.skipIf(!HAS_CHROMIUM)(
  `identifiers at A4 width in Chromium${HAS_CHROMIUM ? '' : ` (${SKIPPED})`}`,
  () => {
    let dir: string;
    let file: string;
    let browser: Browser;

    beforeAll(async () => {
      // As an SMS backup gives them: times to the millisecond, locators naming the element and line, and the name
      // the phone shows under the number. Those widen the other columns as in a real chronology.
      const events = Array.from({ length: 21 }, (_, k) => {
        const e = ev({
          at: new Date(Date.parse('2024-03-01T19:50:00Z') + k * 86_400_000).toISOString(),
          sender: k < 10 ? '+447700900123' : k < 20 ? '+447700900456' : '+447700900789',
          text: LONG,
          precision: 'ms',
          locator: `sms[${k + 100}] (line ${k + 105})`,
        });
        return { ...e, sender: { id: e.sender!.id, name: 'Sam' } };
      });
      const r = ReportSchema.parse(report(events, kase(), [input('case/sms-20240401.xml')]));
      dir = mkdtempSync(path.join(tmpdir(), 'chronolog-nowrap-'));
      file = path.join(dir, 'report.html');
      writeFileSync(file, renderHtml(r));
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
      });
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    for (const media of ['print', 'screen'] as const) {
      it(`keeps each phone number on one line (${media}, ${A4_CONTENT_PX} px wide)`, async () => {
        const page = await browser.newPage({ viewport: { width: A4_CONTENT_PX, height: 1000 } });
        await page.emulateMedia({ media });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
        const senders = await lines(page, '#annex-table td.ident > bdi');
        expect(senders).toHaveLength(21);
        expect(new Set(senders.map((s) => s.text))).toEqual(
          new Set(['+447700900123', '+447700900456', '+447700900789']),
        );
        for (const s of senders) expect(s.lines, s.text).toBe(1);
        const idents = await lines(page, '#esc-identifiers bdi.ident');
        expect(idents.map((s) => s.text)).toEqual(['+447700900123', '+447700900456', '+447700900789']);
        for (const s of idents) expect(s.lines, s.text).toBe(1);
        // Control: with the sender cell styled as before the fix (break anywhere, at least 14ch wide), the same page
        // splits the numbers ("+44770090012" / "3"), so the check above sees the defect.
        await page.evaluate(
          "document.querySelectorAll('#annex-table td.ident').forEach((td) => { td.style.minWidth = '14ch'; td.style.overflowWrap = 'anywhere'; td.firstElementChild.style.whiteSpace = 'normal'; td.firstElementChild.style.overflowWrap = 'inherit'; })",
        );
        const broken = await lines(page, '#annex-table td.ident > bdi');
        expect(broken.some((s) => s.lines > 1)).toBe(true);
        await page.close();
      });
    }
  },
);
