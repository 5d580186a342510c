/**
 * No table of the HTML report breaks an ordinary word across lines ("othe" / "r" in the chronology's Kind column,
 * "Februar" / "y" in Month by month), on a wide screen (1200 px), a phone (400 px) or printed on A4, and the page
 * is never wider than the window or the sheet. Only a run of more than 20 characters without a space (a hash, a
 * URL, the 120–300-character words of fixtures/hostile-text) may break anywhere: it is in a `span.brk`
 * (escape.ts). A table too wide for a phone scrolls inside its own box instead of widening the page.
 *
 * Needs /usr/bin/chromium (CI installs it); without it the test is skipped and says why.
 */
import { describe, expect, it } from 'vitest';
import { fixturePages, HAS_CHROMIUM, SKIPPED, VIEWS } from '../helpers/browser-pages.js';

if (!HAS_CHROMIUM) console.warn(`tests/browser/table-words.test.ts ${SKIPPED}`);

const CASES = ['hostile-text', 'mixed-case', 'demo-case', 'diary-two-years'];

/**
 * Each Latin word of 2–20 letters in a visible table cell, outside a `span.brk`, that the browser laid out on more
 * than one line, as "caption: word". (A string expression: the test's TypeScript has no DOM library.)
 */
const BROKEN_WORDS = `(() => {
  const out = [];
  for (const cell of document.querySelectorAll('td, th')) {
    if (!cell.checkVisibility()) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.brk')) continue;
      for (const m of node.data.matchAll(/\\p{Script=Latin}{2,20}/gu)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push((cell.closest('table').querySelector('caption')?.textContent ?? '').slice(0, 40) + ': ' + m[0]);
      }
    }
  }
  return out;
})()`;

describe.skipIf(!HAS_CHROMIUM)(
  `words in the report's tables in Chromium${HAS_CHROMIUM ? '' : ` (${SKIPPED})`}`,
  () => {
    const { open } = fixturePages(CASES);

    for (const view of VIEWS) {
      it.each(CASES)(
        `%s (${view.name}): no word broken in a table, and the page no wider than the view`,
        async (name) => {
          const page = await open(name, view);
          expect(await page.evaluate(BROKEN_WORDS)).toEqual([]);
          const pageWidth: number = await page.evaluate('document.documentElement.scrollWidth');
          expect(pageWidth).toBeLessThanOrEqual(view.width);
          await page.close();
        },
      );
    }

    it('breaks the long unbroken words of hostile text, and the check sees words broken as before the fix', async () => {
      const page = await open('hostile-text', VIEWS[0]);
      // The 120–300-character words are in break-anywhere spans, and take more than one line.
      const long: number[] = await page.evaluate(
        `[...document.querySelectorAll('#annex-table td.msg .brk')].filter((s) => s.textContent.length > 100).map((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size)`,
      );
      expect(long.length).toBeGreaterThan(0);
      expect(long.every((lines) => lines > 1)).toBe(true);
      // Control: with the cells styled as before the fix, the chronology's Kind column breaks "other".
      await page.evaluate(
        "document.querySelectorAll('td, tbody th').forEach((c) => { c.style.overflowWrap = 'anywhere'; })",
      );
      const broken: string[] = await page.evaluate(BROKEN_WORDS);
      expect(broken).toContain('Chronology of incidents, one row each: other');
      await page.close();
    });
  },
);
