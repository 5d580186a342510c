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
