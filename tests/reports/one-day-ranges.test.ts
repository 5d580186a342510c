/**
 * A period of one day is written as its date, not as "2024-03-25 – 2024-03-25", in the Markdown coverage table
 * and the HTML escalation tables (fixtures/mixed-case: the twitter archive covers 25 March 2024 alone, and the
 * email exports 15 January to 4 April and 17 April 2024), as the Markdown escalation tables already did.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderHtml } from '../../src/reports/html/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

let r: Report;
beforeAll(async () => {
  r = await reportOf(['fixtures/mixed-case']);
});

describe('a period of one day', () => {
  it('is one date in the Markdown coverage table', () => {
    const md = renderAs('markdown', r);
    expect(md).toMatch(/^\| twitter \| 2024-03-25 \| fixtures\/mixed-case\/twitter-[^|]+ \| 3 \| no \|$/m);
    expect(md).toMatch(/^\| email \| 2024-01-15 – 2024-04-04, 2024-04-17 \| /m);
    expect(md).not.toMatch(/(\d{4}-\d{2}-\d{2}) – \1\b/);
  });

  it('is one date in the HTML coverage table', () => {
    const page = renderHtml(r);
    const coverage = /<section class="subsection" id="esc-coverage"[\s\S]*?<\/section>/.exec(page)![0];
    expect(coverage).toContain('<td>25 March 2024</td>');
    expect(coverage).toContain('<td>15 January 2024 – 4 April 2024; 17 April 2024</td>');
    expect(page).not.toMatch(/(\d{1,2} \w+ \d{4}) – \1\b/);
  });
});

/**
 * The same in the summary figures and the text report: one visit (fixtures/single-incident) is a run of contact
 * days of one day and an escalation window of one day; a chat of three days (fixtures/markdown-hostile) compares
 * its last day with its first.
 */
describe('a period of one day in the summary figures and the text report', () => {
  let one: Record<string, string>;
  beforeAll(async () => {
    const single = await reportOf(['fixtures/single-incident']);
    one = {
      text: renderAs('text', single),
      markdown: renderAs('markdown', single),
      html: renderHtml(single),
    };
  });

  it('is one date for the longest run of contact days, in every format', () => {
    expect(one['text']).toContain('\nStreak      longest run of contact days: 1 day (2024-02-14)\n');
    expect(one['markdown']).toContain('| Longest run of contact days | 1 day (2024-02-14) |');
    expect(one['html']).toContain(
      '<dt>Longest run of contact days</dt><dd><span class="big">1</span><span class="note">day, 14 February 2024</span>',
    );
  });

  it('is one date for an escalation window of one day in the text report', () => {
    expect(one['text']).toContain('\nWindow      2024-02-14 (1 day)\n');
  });

  it('is one date for each side of the latest rate against the first in the text report', async () => {
    const text = renderAs('text', await reportOf(['fixtures/markdown-hostile']));
    expect(text).toContain('\n            first day covered 2024-03-13, last 2024-03-15\n');
  });

  it('is never written as a range from a date to the same date', () => {
    for (const f of ['text', 'markdown'])
      expect(one[f]).not.toMatch(/(\d{4}-\d{2}-\d{2}) (?:–|→) \1\b(?! {2})/);
    expect(one['html']).not.toMatch(/(\d{1,2} \w+ \d{4}) – \1\b/);
  });
});
