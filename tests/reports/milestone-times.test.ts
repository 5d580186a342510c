/**
 * A milestone's time is shown like every other time of the same report: the case zone's wall clock, in the
 * report's own way of writing times, and the date alone for a milestone without a time of day (as the text report
 * and the findings give it, `milestoneStart`). The Markdown and HTML milestone tables had shown the case file's
 * string as written ("2024-03-10T14:30", "2024-04-20T00:30+02:00", which is 19 April 23:30 in London), the
 * Markdown escalation table "2024-02-20 00:00" for a date alone, and the HTML placed a milestone given with an
 * offset on the day of its string, not the case zone's.
 *
 * fixtures/milestones-timed (Europe/London) has date-only milestones and "Arrest" at 2024-03-10T14:30; the test
 * adds one with an offset that is the day before in London, and one in the hour the clocks skipped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAll, reportOf } from '../helpers/report.js';

let r: Report;
let out: Record<string, string>;
beforeAll(async () => {
  r = await reportOf(['fixtures/milestones-timed'], {
    milestone: ['2024-04-20T00:30+02:00=Court order', '2024-03-31T01:30=Phone seized'],
  });
  out = renderAll(r);
});

const SKIPPED = 'the written time did not exist, as the clocks went forward; shown after the change';

describe('milestone times', () => {
  it('the JSON keeps the case file’s strings as written', () => {
    expect(r.case.milestones.map((m) => m.date)).toEqual([
      '2024-02-20',
      '2024-03-10',
      '2024-03-10T14:30',
      '2024-03-31T01:30',
      '2024-04-10',
      '2024-04-20T00:30+02:00',
    ]);
  });

  it('the text report (the reference): the case zone’s clock, the date alone when none was given', () => {
    const lines = out['text']!.split('\n').map((l) => l.replace(/^(Milestones)? +/, ''));
    const starts = lines.filter((l) =>
      / (Police warning|Report to police|Arrest|Phone seized|Restraining order|Court order):/.test(l),
    );
    expect(starts.map((l) => l.slice(0, l.indexOf(':', 17)))).toEqual([
      '2024-02-20 Police warning',
      '2024-03-10 Report to police',
      '2024-03-10 14:30 Arrest',
      `2024-03-31 02:30 (${SKIPPED}) Phone seized`,
      '2024-04-10 Restraining order',
      '2024-04-19 23:30 Court order',
    ]);
  });

  it('the Markdown milestone tables give the same times', () => {
    const md = out['markdown']!;
    expect(md).toContain(
      [
        '| Date | Milestone |',
        '| --- | --- |',
        '| 2024-02-20 | Police warning |',
        '| 2024-03-10 | Report to police |',
        '| 2024-03-10 14:30 | Arrest |',
        `| 2024-03-31 02:30 (${SKIPPED}) | Phone seized |`,
        '| 2024-04-10 | Restraining order |',
        '| 2024-04-19 23:30 | Court order |',
      ].join('\n'),
    );
    // The escalation table and the lines after it: no 00:00 made up for a date alone.
    const rows = md.split('\n').filter((l) => /^\| 2024-\d\d-\d\d[ |]/.test(l) && l.includes(' in '));
    expect(rows.map((l) => l.split(' | ')[0])).toEqual([
      '| 2024-02-20',
      '| 2024-03-10',
      '| 2024-03-10 14:30',
      `| 2024-03-31 02:30 (${SKIPPED})`,
      '| 2024-04-10',
      '| 2024-04-19 23:30',
    ]);
    expect(md).toContain('After Police warning (from 2024-02-20): 79 contacts');
    expect(md).toContain(
      '**Contacts after the order “Restraining order” (possible breaches, for an officer to assess)** (from 2024-04-10): 22 contacts',
    );
    expect(md).toContain('After Court order (from 2024-04-19 23:30): 11 contacts');
    expect(md).not.toMatch(
      /2024-03-10T14:30|2024-04-20T00:30\+02:00|\| 2024-02-20 00:00 \||from 2024-02-20 00:00\)/,
    );
  });

  it('the HTML gives them as its other times, in the summary table, the escalation headings and the charts', () => {
    const html = out['html']!;
    expect(html).toContain(
      '<td><span class="key">C</span></td><td>10 March 2024, 14:30</td><td><bdi>Arrest</bdi></td><td>arrest</td><td class="num">55</td>',
    );
    expect(html).toContain(
      `<td><span class="key">D</span></td><td>31 March 2024, 02:30 <span title="dst-gap">(${SKIPPED})</span></td><td><bdi>Phone seized</bdi></td>`,
    );
    expect(html).toContain(
      '<td><span class="key">A</span></td><td>20 February 2024</td><td><bdi>Police warning</bdi></td>',
    );
    expect(html).toContain(
      '<td><span class="key">F</span></td><td>19 April 2024, 23:30</td><td><bdi>Court order</bdi></td><td>–</td><td class="num">11</td>',
    );
    expect(html).toContain(
      '<h4><span class="key">F</span> <bdi>Court order</bdi>, 19 April 2024, 23:30</h4>',
    );
    expect(html).toContain(
      '<h4><span class="key">C</span> <bdi>Arrest</bdi>, 10 March 2024, 14:30 <span class="muted">(arrest)</span></h4>',
    );
    expect(html).toContain('The milestone “Arrest” on 10 March 2024, 14:30: before compared with after');
    expect(html).toContain('<g class="milestone"><title>F: 19 April 2024, 23:30 Court order</title>');
    expect(html).toContain(
      'Dashed lines mark the milestones: A 20 February 2024 Police warning; B 10 March 2024 Report to police; C 10 March 2024, 14:30 Arrest;',
    );
    // The calendar outlines the day the milestone falls on in London.
    expect(html).toContain('<title>2024-04-19 (Friday): 1 incident; milestone F</title>');
    expect(html).not.toContain('<title>2024-04-20 (Saturday): 1 incident; milestone F</title>');
    expect(html.replace(/<dt>Options<\/dt><dd>.*?<\/dd>/, '')).not.toMatch(
      /2024-03-10T14:30|2024-04-20T00:30\+02:00|20 April 2024, 00:30/,
    );
  });
});
