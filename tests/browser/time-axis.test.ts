/**
 * The month labels under the time charts (Figure 1 and the identifier, cumulative and change-point charts, which
 * share one axis, and the calendar) in Chromium: every label is drawn whole inside its chart, none overlaps
 * another, and the year is named at the first label and wherever it changes. fixtures/diary-two-years runs from
 * 4 January 2023 to 1 January 2025: its last tick is on the last day, where "Jan 2025" used to be cut off by the
 * SVG ("Ja"), and its first label used to be "Mar", 2023 named nowhere. Checked on screen (1200 and 400 px wide)
 * and printed on A4, against the shorter cases too, whose labels follow the same convention.
 *
 * Needs /usr/bin/chromium (CI installs it); without it the test is skipped and says why.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixturePages, HAS_CHROMIUM, SKIPPED, VIEWS } from '../helpers/browser-pages.js';
import { DIARY_TWO_YEARS_MONTHS } from '../helpers/time-axis-labels.js';

if (!HAS_CHROMIUM) console.warn(`tests/browser/time-axis.test.ts ${SKIPPED}`);

const CASES = ['diary-two-years', 'demo-case', 'mixed-case', 'single-incident', 'hostile-text'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Label {
  text: string;
  left: number;
  right: number;
  top: number;
}
interface Chart {
  id: string;
  left: number;
  right: number;
  labels: Label[];
}

/** Each chart's box and its month labels ("Mar", "Jan 2024") in document order, with their drawn boxes. */
async function charts(page: Page): Promise<Chart[]> {
  // A string expression: the test's TypeScript has no DOM library.
  return page.evaluate(`[...document.querySelectorAll('svg.chart-svg')].map((svg) => {
    const box = svg.getBoundingClientRect();
    const labels = [...svg.querySelectorAll('text.ax')]
      .filter((t) => /^(${MONTHS.join('|')})( \\d{4})?$/.test(t.textContent))
      .map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, left: r.left, right: r.right, top: Math.round(r.top) }; });
    return { id: svg.getAttribute('aria-labelledby').split(' ')[0], left: box.left, right: box.right, labels };
  })`);
}

describe.skipIf(!HAS_CHROMIUM)(
  `month labels of the time charts in Chromium${HAS_CHROMIUM ? '' : ` (${SKIPPED})`}`,
  () => {
    const { open } = fixturePages(CASES);

    for (const view of VIEWS) {
      it(`diary-two-years (${view.name}): Figure 1 names 2023, 2024 and 2025, and "Jan 2025" is whole inside it`, async () => {
        const page = await open('diary-two-years', view);
        const daily = (await charts(page)).find((c) => c.id === 'fig-daily-t')!;
        expect(daily.labels.map((l) => l.text)).toEqual([...DIARY_TWO_YEARS_MONTHS]);
        const last = daily.labels[daily.labels.length - 1]!;
        expect(last.right).toBeLessThanOrEqual(daily.right);
        await page.close();
      });

      it.each(CASES)(
        `%s (${view.name}): every month label is inside its chart, apart, with its year where it changes`,
        async (name) => {
          const page = await open(name, view);
          const problems: string[] = [];
          const all = await charts(page);
          expect(all.some((c) => c.labels.length > 0)).toBe(true);
          for (const c of all) {
            let before: Label | undefined;
            for (const l of c.labels) {
              if (l.left < c.left - 0.5 || l.right > c.right + 0.5)
                problems.push(`${c.id}: ${l.text} outside`);
              // Months run on within a year, so a month no later than the one before starts a new year.
              const newYear =
                !before || MONTHS.indexOf(l.text.slice(0, 3)) <= MONTHS.indexOf(before.text.slice(0, 3));
              if (newYear && l.text.length === 3) problems.push(`${c.id}: ${l.text} without its year`);
              if (before && before.top === l.top && l.left < before.right)
                problems.push(`${c.id}: ${before.text} and ${l.text} overlap`);
              before = l;
            }
          }
          expect(problems).toEqual([]);
          await page.close();
        },
      );
    }
  },
);
