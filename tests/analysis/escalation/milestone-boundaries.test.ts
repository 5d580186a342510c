/**
 * Neighbouring milestones share one boundary (fixtures/milestones-timed, read as `chronolog report` reads it): the
 * "after" side of one milestone is the "before" side of the next, to the day for dates and to the instant for a
 * time, so the sides partition the incidents and their exposures add up to the window.
 *
 * The fixture (Europe/London, window 1 February – 30 April 2024, one SMS export covering all of it): one text
 * from the subject every day at 12:00, and nine more at the edges of the milestones — 19 Feb 23:59:59 and
 * 20 Feb 00:00 (the warning, a date), 10 Mar 00:00, 09:00, 14:29:59, 14:30:00 and 18:00 (a report to police that
 * day, a date, and the arrest at 14:30), 9 Apr 23:59 and 10 Apr 00:00 BST (the order, a date). 99 incidents.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../../src/model/index.js';
import { reportOf } from '../../helpers/report.js';

const ARREST_DAY_SHARE = 14.5 / 24; // 00:00 to 14:30 of 10 March (GMT)
let r: Report;

beforeAll(async () => {
  r = await reportOf(['fixtures/milestones-timed']);
});

const ms = () => r.escalation!.milestones;

describe('milestone periods share their boundaries', () => {
  it('reads the fixture as designed', () => {
    expect(r.escalation!.window).toMatchObject({ from: '2024-02-01', to: '2024-04-30', days: 90 });
    expect(r.escalation!.coverage.fullyCovered).toEqual({ from: '2024-02-01', to: '2024-04-30', days: 90 });
    expect(r.escalation!.rate.count).toBe(99);
    expect(r.escalation!.changePoints).toEqual([]);
    expect(ms().map((m) => [m.date, m.startsAt])).toEqual([
      ['2024-02-20', '2024-02-20T00:00:00.000Z'],
      ['2024-03-10', '2024-03-10T00:00:00.000Z'],
      ['2024-03-10T14:30', '2024-03-10T14:30:00.000Z'],
      ['2024-04-10', '2024-04-09T23:00:00.000Z'], // 00:00 BST
    ]);
  });

  it('pins the count and exposure of every side', () => {
    const [warning, report, arrest, order] = ms();
    // Two dates: whole days; 19 Feb 23:59:59 before the warning, 20 Feb 00:00 after it.
    expect(warning!.before).toMatchObject({ from: '2024-02-01', to: '2024-02-19', days: 19, count: 20 });
    expect(warning!.after).toMatchObject({ from: '2024-02-20', to: '2024-03-09', days: 19, count: 20 });
    expect(warning).toMatchObject({ status: 'ok', rateRatio: 1 });
    // A date and a time on the same day: the report's after side is 10 March 00:00 to 14:30, with the contacts
    // at 00:00, 09:00, 12:00 and 14:29:59; the arrest's before side is the same stretch.
    expect(report!.before).toMatchObject({ from: '2024-02-20', to: '2024-03-09', days: 19, count: 20 });
    expect(report!.after).toMatchObject({
      from: '2024-03-10',
      to: '2024-03-10',
      days: ARREST_DAY_SHARE,
      count: 4,
      boundedBy: 'milestone',
    });
    expect(report!.status).toBe('below-minimum');
    // In hours, as every report prints this reason: "only 0.6 days" hid how short the side is.
    expect(report!.reason).toBe('only 14 hours 30 minutes after (at least 14 days each side are needed)');
    expect(arrest!.before).toMatchObject({
      from: '2024-03-10',
      to: '2024-03-10',
      days: ARREST_DAY_SHARE,
      count: 4,
      boundedBy: 'milestone',
    });
    // A time and the next date: 14:30 on 10 March (14:30:00 and 18:00 count after) to 10 April 00:00 BST. The
    // 23-hour clock-change day, 31 March, counts as one day.
    expect(arrest!.after).toMatchObject({
      from: '2024-03-10',
      to: '2024-04-09',
      days: 31 - ARREST_DAY_SHARE,
      count: 33,
      boundedBy: 'milestone',
    });
    expect(order!.before).toMatchObject({
      from: '2024-03-10',
      to: '2024-04-09',
      days: 31 - ARREST_DAY_SHARE,
      count: 33,
      boundedBy: 'milestone',
    });
    expect(order!.after).toMatchObject({ from: '2024-04-10', to: '2024-04-30', days: 21, count: 22 });
    expect(order!.status).toBe('ok');
    expect(order!.rateRatio).toBeCloseTo(22 / 21 / (33 / (31 - ARREST_DAY_SHARE)), 14);
  });

  it('gives each pair of neighbours the same period, and the periods partition the incidents and days', () => {
    const list = ms();
    for (let i = 0; i + 1 < list.length; i++) expect(list[i + 1]!.before).toEqual(list[i]!.after);
    const periods = [list[0]!.before, ...list.map((m) => m.after)];
    expect(periods.reduce((s, p) => s + p.count, 0)).toBe(r.escalation!.rate.count);
    expect(periods.reduce((s, p) => s + p.days, 0)).toBeCloseTo(90, 12);
  });

  it('counts the same incidents after a milestone in its breach window as in the periods after it', () => {
    const list = ms();
    list.forEach((m, i) => {
      const after = list.slice(i).reduce((s, x) => s + x.after.count, 0);
      expect(m.incidentsAfter.count, m.label).toBe(after);
    });
    const order = list[3]!.incidentsAfter;
    expect(order).toMatchObject({ breachWindow: true, count: 22, first: { local: '2024-04-10 00:00:00' } });
    expect(list[2]!.incidentsAfter.first).toMatchObject({ local: '2024-03-10 14:30:00' });
  });

  it('splits the whole window at each milestone without gaps or overlaps', () => {
    for (const m of ms()) {
      const w = m.wholeWindow!;
      expect(w.before.count + w.after.count, m.label).toBe(99);
      expect(w.before.days + w.after.days).toBeCloseTo(90, 12);
    }
    expect(ms()[2]!.wholeWindow!.before).toMatchObject({ days: 38 + ARREST_DAY_SHARE, count: 44 });
  });
});
