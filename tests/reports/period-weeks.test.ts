/**
 * One week, one length, in every report: the weeks the text and Markdown sparklines draw, the Markdown weeks table
 * (`escalation.weekly`), and the HTML daily, calendar and cumulative figures all count a week's days in the report's
 * period, the first to the last incident widened to the analysis window (src/reports/period-weeks.ts).
 *
 * fixtures/demo-case: the case file's window runs to Sunday 30 June 2024 and the last incident is on Saturday 29
 * June. The week of 24 June was "7" days in the Markdown weeks table, "6 (partial)" in the HTML cumulative table,
 * "last 6 days" in the text (a part week, not drawn), and the HTML calendar ended on 29 June while Figure 1 ended on
 * 30 June. fixtures/report-burst-midnight: one week of 6 days was "1 week from 2024-02-12", with no word of it
 * being a part week.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

describe('the week of 24 June 2024 in the demo case (window to Sunday 30 June, last incident on the 29th)', () => {
  let r: Report;
  beforeAll(async () => {
    r = await reportOf(['fixtures/demo-case']);
  });

  it('is a full week of the window in the analysis, as the JSON gives it', () => {
    expect(r.escalation?.window).toMatchObject({ from: '2024-01-08', to: '2024-06-30', source: 'given' });
    expect(r.escalation?.weekly.at(-1)).toMatchObject({
      weekStart: '2024-06-24',
      days: 7,
      count: 7,
      partial: false,
    });
    expect(renderAs('markdown', r)).toContain('\n| 2024-06-24 | 7 | 7 | 1.0 | partial coverage |\n');
  });

  it('is drawn as a full week by the text and Markdown sparklines, with no part week named', () => {
    const text = renderAs('text', r);
    expect(text).toContain('\nWeekly      ▃▂▂▁▂▂▂▂▂▆▄▃█▄▅█▆▆█▃▂▂▂▂▂  (25 weeks from 2024-01-08)\n');
    expect(renderAs('markdown', r)).toContain(
      '\nWeekly incidents: `▃▂▂▁▂▂▂▂▂▆▄▃█▄▅█▆▆█▃▂▂▂▂▂` (25 weeks from 2024-01-08)\n',
    );
    expect(text).not.toContain('part week');
  });

  it('has 7 days in the HTML cumulative table, and the calendar and the running total end on 30 June as Figure 1 does', () => {
    const html = renderAs('html', r);
    expect(html).toContain(
      '<th scope="row">2024-06-24</th><td class="num">7</td><td class="num">7</td><td class="num">690</td>',
    );
    expect(html).not.toContain('(partial)');
    expect(html).toContain('Data: incidents per week and running total (25 weeks)');
    expect(html).toContain('Incidents per day from 8 January 2024 to 30 June 2024 (175 days)');
    expect(html).toContain('Each square is a day from 8 January 2024 to 30 June 2024,');
    expect(html).toContain('Contact on 149 days of 175;');
    expect(html).toContain('Running total of incidents from 8 January 2024 (3) to 30 June 2024 (690);');
    // The calendar's square for the Sunday, with no incident, is drawn.
    expect(html).toContain('<title>2024-06-30 (Sunday): 0 incidents</title>');
  });
});

describe('a single week of fewer than 7 days (fixtures/report-burst-midnight: 12 to 17 February 2024)', () => {
  it('is named a part week, with its days, in the text and Markdown sparklines', async () => {
    const r = await reportOf(['fixtures/report-burst-midnight']);
    expect(r.escalation?.weekly).toEqual([
      expect.objectContaining({ weekStart: '2024-02-12', days: 6, count: 6, partial: true }),
    ]);
    expect(renderAs('text', r)).toContain(
      '\nWeekly      █  (1 week from 2024-02-12, a part week of 6 days)\n',
    );
    expect(renderAs('markdown', r)).toContain(
      '\nWeekly incidents: `█` (1 week from 2024-02-12, a part week of 6 days)\n',
    );
  });
});
