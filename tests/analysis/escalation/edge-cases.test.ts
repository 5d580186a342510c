/**
 * Degenerate inputs never throw and never produce NaN or Infinity: no events, no incidents, one day, everything
 * on one day, a change on the last day, a window given in reverse, milestones outside the window.
 */
import { describe, expect, it } from 'vitest';
import { EscalationSchema, ReportSchema } from '../../../src/model/index.js';
import { analyse, daily, ev, kase, numbers, report } from './helpers.js';

function sane(e: unknown) {
  const parsed = EscalationSchema.parse(e);
  for (const n of numbers(parsed)) expect(Number.isFinite(n.value), n.path).toBe(true);
  expect(JSON.stringify(parsed)).not.toMatch(/NaN|Infinity/);
  // Keys in the schema's order (zod rebuilds objects in that order).
  expect(JSON.stringify(e)).toBe(JSON.stringify(parsed));
  return parsed;
}

describe('escalation edge cases', () => {
  it('no events at all: an empty window and one sentence saying so', () => {
    const e = sane(analyse([]));
    expect(e.window).toEqual({ from: null, to: null, days: 0, source: 'none', incidentsOutside: 0 });
    expect(e.rate.perDay).toBeNull();
    expect(e.findings).toEqual(['No events were read, so there is nothing to analyse.']);
    expect(e.milestones).toEqual([]);
  });

  it('events but no incidents: rate 0 with the exact upper bound 3.689/T', () => {
    const e = sane(
      analyse([
        ev({ at: '2024-01-01T10:00:00Z', incident: false, role: 'victim' }),
        ev({ at: '2024-01-10T10:00:00Z', incident: false, role: 'other' }),
      ]),
    );
    expect(e.window).toMatchObject({ from: '2024-01-01', to: '2024-01-10', days: 10, source: 'events' });
    expect(e.rate.count).toBe(0);
    expect(e.rate.perDay).toBe(0);
    expect(e.rate.ci95[0]).toBe(0);
    expect(e.rate.ci95[1]).toBeCloseTo(-Math.log(0.025) / 10, 10);
    expect(e.trend.poisson.status).toBe('below-minimum');
    expect(e.changePoints).toEqual([]);
    expect(e.findings[0]).toBe(
      'From 1 to 10 January 2024 (10 days; dates and times in UTC) there were no contacts attributed to Sam (rate 0 a day, 95% CI 0–0.37).',
    );
  });

  it('one day: counts and the rate only, every test withheld with its reason', () => {
    const e = sane(analyse(daily('2024-03-01', [4])));
    expect(e.window.days).toBe(1);
    expect(e.rate).toMatchObject({ count: 4, days: 1, perDay: 4, daysWithContact: 1 });
    expect(e.dispersion.status).toBe('below-minimum');
    expect(e.trend.mannKendall.reason).toBe(
      '1 day and 4 contacts (at least 28 days and 10 contacts are needed)',
    );
    expect(e.headline.rateNowVsStart).toMatchObject({ days: 0, status: 'below-minimum' });
    expect(e.gaps.trend.status).toBe('below-minimum');
    expect(e.bursts.maxInOneDay).toEqual({ date: '2024-03-01', count: 4, ties: 0 });
  });

  it('all incidents on one day of a long window', () => {
    const events = [
      ev({ at: '2024-01-01T08:00:00Z', incident: false, role: 'victim' }),
      ...daily('2024-02-15', [30]),
      ev({ at: '2024-04-30T08:00:00Z', incident: false, role: 'victim' }),
    ];
    const e = sane(analyse(events));
    expect(e.window).toMatchObject({ from: '2024-01-01', to: '2024-04-30', days: 121 });
    expect(e.rate.count).toBe(30);
    expect(e.persistence).toMatchObject({ spanDays: 1, daysWithContact: 1, beyondTwoWeeks: false });
    expect(e.bursts.maxInOneDay).toEqual({ date: '2024-02-15', count: 30, ties: 0 });
    expect(e.trend.poisson.status).toBe('ok');
    expect(e.segments.length).toBeGreaterThanOrEqual(1);
    expect(e.segments.reduce((s, x) => s + x.count, 0)).toBe(30);
  });

  it('a change on the last day of the window', () => {
    const e = sane(analyse(daily('2024-01-01', [...new Array(59).fill(1), 40])));
    expect(e.rate.count).toBe(99);
    expect(e.segments.at(-1)?.to).toBe('2024-02-29');
    for (const s of e.segments) expect(s.days).toBeGreaterThanOrEqual(2);
  });

  it('a window given in reverse, and milestones outside the window or unreadable, do not throw', () => {
    const c = kase({
      window: { from: '2024-02-10', to: '2024-02-01' },
      milestones: [{ date: '2023-01-01', label: 'Long before' }],
    });
    const e = sane(analyse(daily('2024-02-01', [1, 2, 3]), c));
    expect(e.window.source).toBe('none');
    const c2 = kase({
      window: { from: '2024-02-01', to: '2024-02-10' },
      milestones: [{ date: '2023-01-01', label: 'Long before', type: 'order' }],
    });
    const e2 = sane(analyse(daily('2024-02-01', [1, 2, 3]), c2));
    expect(e2.milestones[0]).toMatchObject({
      status: 'not-computable',
      reason: 'the date is outside the window',
    });
    expect(e2.milestones[0]!.incidentsAfter.count).toBe(6);
    // The whole-window counts cover the window's own 10 days, not the 406 from the milestone to the window's end.
    expect(e2.milestones[0]!.wholeWindow).toMatchObject({
      before: { count: 0, days: 0 },
      after: { count: 6, days: 10 },
    });
    // The finding names the milestone and says, as one sentence, where its date falls, and which export misses
    // days of a side (the SMS backup's last record is on 3 February; the window runs to 10 February).
    expect(e2.findings).toContain(
      'The milestone “Long before” on 1 January 2023 falls outside the window (after: sms export ends on 3 February 2024): over the whole window there were 6 contacts in 10 days after it, and no day of the window is before it (counts only).',
    );
    expect(e2.milestones[0]!.notCovered).toEqual([
      {
        side: 'after',
        channel: 'sms',
        files: ['case/sms.xml'],
        missing: [{ from: '2024-02-04', to: '2024-02-10' }],
        text: 'sms export ends on 3 February 2024',
      },
    ]);
    const c3 = kase({
      window: { from: '2024-02-01', to: '2024-02-10' },
      milestones: [{ date: '2024-03-01', label: 'Warning issued' }],
    });
    const e3 = sane(analyse(daily('2024-02-01', [1, 2, 3]), c3));
    expect(e3.milestones[0]!.wholeWindow).toMatchObject({
      before: { count: 6, days: 10 },
      after: { count: 0, days: 0 },
    });
  });

  it('the whole report with an empty escalation validates and renders', () => {
    const r = ReportSchema.parse(
      report([ev({ at: '2024-01-01T10:00:00Z', incident: false, role: 'victim' })]),
    );
    expect(r.escalation?.rate.count).toBe(0);
  });
});

describe('a side just short of the minimum', () => {
  it('says its exposure to two decimals where one would look whole: 13.97 days, never "14.0 days" beside "at least 14"', () => {
    // Two contacts a day; the warning at 23:15 on 14 January leaves 13 days and 23¼ hours before it.
    const e = analyse(
      daily('2024-01-01', Array(40).fill(2)),
      kase({ milestones: [{ date: '2024-01-14T23:15', label: 'Warning issued' }] }),
    );
    const m = e.milestones[0]!;
    expect(m.before.days).toBeCloseTo(13 + 23.25 / 24, 12);
    expect(m.status).toBe('below-minimum');
    expect(m.reason).toBe('only 13.97 days before (at least 14 days each side are needed)');
  });
});

describe('a milestone with one contact on one day after it', () => {
  it('says "there was 1 contact on <date>", not "there were 1 contact in the 1 day"', () => {
    // Thirty quiet days of two contacts each, then the milestone on the last day, with one contact that day.
    const e = analyse(
      daily('2024-01-01', [...Array(30).fill(2), 1]),
      kase({ milestones: [{ date: '2024-01-31', label: 'Warning issued' }] }),
    );
    const m = e.milestones[0]!;
    expect(m.status).toBe('below-minimum');
    expect([m.after.count, m.after.days]).toEqual([1, 1]);
    const sentence = e.findings.find((f) => f.startsWith('After the milestone “Warning issued”'))!;
    expect(sentence).toContain('there was 1 contact on 31 January 2024');
    expect(sentence).not.toMatch(/were 1 contact|the 1 day/);
  });
});

describe('an incident with a date only, on the day of an order served at a time', () => {
  it('is not counted after the order, and the JSON and the findings say it may have been', () => {
    // Two texts a day through January (UTC zone), the order served at 18:00 on 20 January, and a diary entry
    // for 20 January without a time (stored at the start of that day), beside the texts.
    const events = [
      ...daily('2024-01-01', Array(31).fill(2)),
      ev({ at: '2024-01-20T00:00:00Z', precision: 'day', channel: 'in-person', sender: null }),
    ].sort((a, b) => a.ms - b.ms);
    const e = analyse(
      events,
      kase({ milestones: [{ date: '2024-01-20T18:00', label: 'Order served', type: 'order' }] }),
    );
    const a = e.milestones[0]!.incidentsAfter;
    expect(a.sameDayDateOnly).toBe(1);
    expect(e.findings).toContain(
      'One incident recorded with a date but no time falls on 20 January 2024, the day of the milestone “Order served” on 20 January 2024 at 18:00: it may have been before or after it, and is not counted after it.',
    );
    // Without a time on the milestone, the day's records all count after it: nothing to say.
    const dated = analyse(
      events,
      kase({ milestones: [{ date: '2024-01-20', label: 'Order served', type: 'order' }] }),
    );
    expect(dated.milestones[0]!.incidentsAfter.sameDayDateOnly).toBeUndefined();
  });
});

describe('persistence criteria at their boundaries (time passed from the first contact to the last)', () => {
  /**
   * Ten incidents: one on 1 March 2024 at 09:00 (UTC, Europe/London is GMT then), eight more that day, and the last
   * at `last` (an ISO instant).
   */
  const over = (last: string) =>
    analyse([
      ...Array.from({ length: 9 }, (_, k) =>
        ev({ at: `2024-03-01T${String(9 + k).padStart(2, '0')}:00:00Z` }),
      ),
      ev({ at: last }),
    ]).persistence;

  it('two weeks: exactly 14 days is not beyond them, a minute more is', () => {
    expect(over('2024-03-15T09:00:00Z')).toMatchObject({ spanDays: 15, beyondTwoWeeks: false });
    expect(over('2024-03-15T09:01:00Z')).toMatchObject({ spanDays: 15, beyondTwoWeeks: true });
  });

  it('15 calendar days but 13 days and 2 hours are not beyond two weeks', () => {
    const p = analyse([ev({ at: '2024-03-01T23:00:00Z' }), ev({ at: '2024-03-15T01:00:00Z' })]).persistence;
    expect(p).toMatchObject({ spanDays: 15, beyondTwoWeeks: false, tenOverFourWeeks: false });
  });

  it('four weeks with ten contacts: a minute short of 28 days misses them, 28 days meets them', () => {
    expect(over('2024-03-29T08:59:00Z')).toMatchObject({ spanDays: 29, tenOverFourWeeks: false });
    expect(over('2024-03-29T09:00:00Z')).toMatchObject({ spanDays: 29, tenOverFourWeeks: true });
  });

  it('counts four weeks across a clock change as the time that passed, never the hour the clocks gained', () => {
    // Europe/London moves to BST on 31 March 2024: 09:00 GMT on 20 March to 09:00 BST (08:00 UTC) on 17 April is
    // 28 days by the local clock, but 27 days and 23 hours passed, so not four weeks.
    const spring = [
      ...Array.from({ length: 9 }, (_, k) =>
        ev({ at: `2024-03-20T${String(9 + k).padStart(2, '0')}:00:00Z` }),
      ),
      ev({ at: '2024-04-17T08:00:00Z' }),
    ];
    expect(analyse(spring, kase({ timezone: 'Europe/London' })).persistence.tenOverFourWeeks).toBe(false);
    // Back to GMT on 27 October 2024: 09:00 BST (08:00 UTC) on 20 October to 09:00 GMT on 17 November is 28 days by
    // the clock and 28 days and 1 hour of time: four weeks, by the lesser.
    const autumn = [
      ...Array.from({ length: 9 }, (_, k) =>
        ev({ at: `2024-10-20T${String(8 + k).padStart(2, '0')}:00:00Z` }),
      ),
      ev({ at: '2024-11-17T09:00:00Z' }),
    ];
    expect(analyse(autumn, kase({ timezone: 'Europe/London' })).persistence.tenOverFourWeeks).toBe(true);
  });

  it('takes a date-only first contact at the end of its day and a date-only last one at its start', () => {
    // Diary entries dated 1 and 15 March, no times: at least 13 days apart, not known to be beyond two weeks. Dated
    // 1 and 16 March: more than 14 days, as the end of 1 March is never reached, so beyond two weeks whatever the
    // times (this test said not beyond before); 17 March too.
    const dated = (d: string) => ev({ at: `${d}T00:00:00Z`, precision: 'day' });
    expect(analyse([dated('2024-03-01'), dated('2024-03-15')]).persistence.beyondTwoWeeks).toBe(false);
    expect(analyse([dated('2024-03-01'), dated('2024-03-16')]).persistence.beyondTwoWeeks).toBe(true);
    expect(analyse([dated('2024-03-01'), dated('2024-03-17')]).persistence.beyondTwoWeeks).toBe(true);
  });
});
