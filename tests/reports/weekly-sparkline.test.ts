/**
 * The text report's weekly sparkline on a case longer than the line has room for (fixtures/diary-two-years: 105
 * ISO weeks, one incident a week in 2023 and two a week from January 2024 to the last week). Each mark then
 * stands for several weeks, and the line says how many. A mark is the weekly average of its weeks, and the marks
 * end with the latest weeks, so the last mark, which a reader looks at to see whether contact is rising or falling,
 * is never one week summed against two (it fell to half height, as if the contact had dropped at the end).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/index.js';
import { renderAs, reportOf } from '../helpers/report.js';

let r: Report;
let weekly: string;
beforeAll(async () => {
  r = await reportOf(['fixtures/diary-two-years']);
  weekly = renderAs('text', r)
    .split('\n')
    .find((l) => l.startsWith('Weekly'))!;
});

describe('the weekly sparkline of a two-year diary on 100 columns', () => {
  it('has 105 weeks: one incident a week in 2023, two a week from 2024 to the last', () => {
    const counts = r.incidents.weekly.map((w) => w.count);
    expect(counts).toHaveLength(105);
    expect(counts.slice(0, 52).every((n) => n === 1)).toBe(true);
    expect(counts.slice(52).every((n) => n === 2)).toBe(true);
  });

  it('says how many weeks each mark stands for', () => {
    expect(weekly).toMatch(/ {2}\(105 weeks from 2023-01-02, 2 weeks a mark\)$/);
  });

  it('draws every mark of 2024 at full height, the last one too', () => {
    const marks = [...weekly.slice(12, weekly.indexOf('  ('))];
    expect(marks).toHaveLength(53);
    // The 26 marks from the end are the last 52 weeks, two incidents in each.
    expect(marks.slice(-26).join('')).toBe('█'.repeat(26));
    // The weeks of 2023, one incident in each, at half that height.
    expect(new Set(marks.slice(0, 26))).toEqual(new Set(['▅']));
  });

  it('is left as it is when every week has a mark of its own (demo-case, 25 weeks)', async () => {
    const demo = renderAs('text', await reportOf(['fixtures/demo-case']));
    expect(demo).toContain('\nWeekly      ▃▂▂▁▂▂▂▂▂▆▄▃█▄▅█▆▆█▃▂▂▂▂▂  (25 weeks from 2024-01-08)\n');
  });
});
