/** The window, per-channel coverage, rates with exact intervals, week and month rows, and the headline ratio. */
import { describe, expect, it } from 'vitest';
import { garwoodInterval, rateRatioTest } from '../../../src/analysis/stats/index.js';
import { analyse, daily, ev, input, kase } from './helpers.js';

describe('the exposure window', () => {
  it('defaults to the first to the last day of ANY event, not of the incidents', () => {
    const e = analyse([
      ev({ at: '2024-01-01T09:00:00Z', incident: false, role: 'victim' }),
      ...daily('2024-01-05', [1, 1, 1]),
      ev({ at: '2024-01-20T09:00:00Z', incident: false, role: 'other' }),
    ]);
    expect(e.window).toEqual({
      from: '2024-01-01',
      to: '2024-01-20',
      days: 20,
      source: 'events',
      incidentsOutside: 0,
    });
    expect(e.rate.perDay).toBeCloseTo(3 / 20, 15);
  });

  it('is overridden by the case window (or --from/--to), counting incidents left outside', () => {
    const c = kase({ window: { from: '2024-01-06', to: '2024-01-15' } });
    const e = analyse(daily('2024-01-05', [1, 2, 3]), c);
    expect(e.window).toEqual({
      from: '2024-01-06',
      to: '2024-01-15',
      days: 10,
      source: 'given',
      incidentsOutside: 1,
    });
    expect(e.rate.count).toBe(5);
  });

  it('buckets days in the case zone: 23:30 UTC on 9 April is 10 April in London', () => {
    const c = kase({ timezone: 'Europe/London' });
    const e = analyse([ev({ at: '2024-04-08T12:00:00Z' }), ev({ at: '2024-04-09T23:30:00Z' })], c);
    expect(e.window).toMatchObject({ from: '2024-04-08', to: '2024-04-10', days: 3 });
    // 8 and 10 April have one contact each: the earlier is named, and the other counted.
    expect(e.bursts.maxInOneDay).toEqual({ date: '2024-04-08', count: 1, ties: 1 });
    expect(e.persistence.first?.local).toBe('2024-04-08 13:00:00');
    expect(e.persistence.last?.local).toBe('2024-04-10 00:30:00');
  });
});

describe('coverage per channel', () => {
  // sms covers January–March, calls only January–February, a diary and a one-off e-mail.
  const inputs = [
    input('case/sms.xml'),
    input('case/calls.xml'),
    input('case/diary.csv', 'csv-diary'),
    input('case/mail.mbox', 'mbox'),
  ];
  const ninetyOne = new Array(91).fill(1);
  const events = [
    ...daily('2024-01-01', ninetyOne, { channel: 'sms', input: 0 }),
    ...daily('2024-01-01', new Array(60).fill(1), { channel: 'call', input: 1 }),
    ev({ at: '2024-01-15T18:00:00Z', channel: 'in-person', input: 2 }),
    ev({ at: '2024-03-30T18:00:00Z', channel: 'in-person', input: 2 }),
    ev({ at: '2024-02-10T18:00:00Z', channel: 'email', input: 3 }),
  ];
  const e = analyse(events, kase(), inputs);

  it('lists each channel with its files, hand-kept channels and small channels not limiting', () => {
    expect(e.coverage.channels).toEqual([
      {
        channel: 'call',
        spans: [{ from: '2024-01-01', to: '2024-02-29' }],
        files: ['case/calls.xml'],
        handKept: false,
        incidents: 60,
        limits: true,
      },
      {
        channel: 'email',
        spans: [{ from: '2024-02-10', to: '2024-02-10' }],
        files: ['case/mail.mbox'],
        handKept: false,
        incidents: 1,
        limits: false,
      },
      { channel: 'in-person', spans: [], files: [], handKept: true, incidents: 2, limits: false },
      {
        channel: 'sms',
        spans: [{ from: '2024-01-01', to: '2024-03-31' }],
        files: ['case/sms.xml'],
        handKept: false,
        incidents: 91,
        limits: true,
      },
    ]);
  });

  it('takes the fully covered stretch as the days every limiting channel covers', () => {
    expect(e.coverage.fullyCovered).toEqual({ from: '2024-01-01', to: '2024-02-29', days: 60 });
    expect(e.coverage.partialDays).toBe(31);
    expect(e.rateFullyCovered).toMatchObject({ count: 60 + 60 + 1 + 1, days: 60 });
    expect(e.trend.from).toBe('2024-01-01');
    expect(e.trend.to).toBe('2024-02-29');
    expect(e.monthly.map((m) => [m.month, m.partialCoverage])).toEqual([
      ['2024-01', false],
      ['2024-02', false],
      ['2024-03', true],
    ]);
    expect(e.findings[2]).toMatch(
      /^Not every export covers the whole window \(call records end on 29 February 2024\), so/,
    );
    expect(e.methods.find((m) => m.name === 'Coverage per channel')?.caveats).toContain(
      'in-person: recorded by hand (a diary); a diary has no export period, so it does not limit the fully covered days.',
    );
  });
});

describe('rates, weeks and months', () => {
  it('gives the rate per day, week and 30 days with the exact Garwood interval', () => {
    const e = analyse(daily('2024-01-01', Array<number>(30).fill(2)));
    const [lo, hi] = garwoodInterval(60);
    expect(e.rate).toEqual({
      from: '2024-01-01',
      to: '2024-01-30',
      count: 60,
      days: 30,
      daysWithContact: 30,
      perDay: 2,
      ci95: [lo / 30, hi / 30],
      perWeek: { rate: 14, ci95: [(7 * lo) / 30, (7 * hi) / 30], status: 'ok', reason: null },
      per30Days: { rate: 60, ci95: [lo, hi], status: 'ok', reason: null },
    });
    // R poisson.test(60, 30)$conf.int, the Gamma quantiles qgamma(0.025, 60) / 30 and qgamma(0.975, 61) / 30
    // (here from scipy's gamma.ppf).
    expect(e.rate.ci95[0]).toBeCloseTo(1.5262107, 6);
    expect(e.rate.ci95[1]).toBeCloseTo(2.5743964, 6);
  });

  it('gives a rate per week or per 30 days only from at least 7 or 30 days, else withholds it with why', () => {
    // 10 days: the rate a day and per week, not per 30 days ("60 per 30 days" would be an extrapolation).
    const ten = analyse(daily('2024-01-01', Array<number>(10).fill(2)));
    const [lo, hi] = garwoodInterval(20);
    expect(ten.rate.perDay).toBe(2);
    expect(ten.rate.perWeek).toEqual({
      rate: 14,
      ci95: [(7 * lo) / 10, (7 * hi) / 10],
      status: 'ok',
      reason: null,
    });
    expect(ten.rate.per30Days).toEqual({
      rate: null,
      ci95: [null, null],
      status: 'below-minimum',
      reason: 'only 10 days; a rate per 30 days needs at least 30',
    });
    // 29 and 30 days: the edge of the rule.
    expect(analyse(daily('2024-01-01', Array<number>(29).fill(1))).rate.per30Days.status).toBe(
      'below-minimum',
    );
    expect(analyse(daily('2024-01-01', Array<number>(30).fill(1))).rate.per30Days.rate).toBe(30);
    // 6 and 7 days.
    const six = analyse(daily('2024-01-01', Array<number>(6).fill(1))).rate;
    expect(six.perWeek).toEqual({
      rate: null,
      ci95: [null, null],
      status: 'below-minimum',
      reason: 'only 6 days; a rate per week needs at least 7',
    });
    expect(six.perDay).toBe(1);
    expect(analyse(daily('2024-01-01', Array<number>(7).fill(1))).rate.perWeek.rate).toBe(7);
    // One visit on one day: the rate a day (statistics.md §1.9: from 1 observed day) with its wide interval only.
    const one = analyse(daily('2024-02-14', [1])).rate;
    expect([one.perDay, one.perWeek.rate, one.per30Days.rate]).toEqual([1, null, null]);
    expect(one.perWeek.reason).toBe('only 1 day; a rate per week needs at least 7');
  });

  it('withholds the rate per period of the fully covered days by their own number of days', () => {
    // The call export covers 5 of the 40 days: the fully covered days are 5, too few for a rate per week.
    const e = analyse(
      [
        ...daily('2024-01-01', Array<number>(40).fill(1), { channel: 'sms', input: 0 }),
        ...daily('2024-01-10', Array<number>(5).fill(1), { channel: 'call', input: 1 }),
      ],
      kase(),
      [input('case/sms.xml'), input('case/calls.xml')],
    );
    expect(e.rate.per30Days.status).toBe('ok');
    expect(e.rateFullyCovered).not.toBeNull();
    expect(e.rateFullyCovered!.days).toBe(5);
    expect(e.rateFullyCovered!.perWeek.status).toBe('below-minimum');
    expect(e.rateFullyCovered!.perWeek.reason).toBe('only 5 days; a rate per week needs at least 7');
  });

  it('flags partial ISO weeks and months and compares them as rates', () => {
    // Wednesday 3 January to Tuesday 16 January 2024.
    const e = analyse(daily('2024-01-03', [1, 0, 2, 0, 0, 1, 1, 3, 0, 0, 0, 0, 4, 2]));
    expect(e.weekly).toEqual([
      { weekStart: '2024-01-01', days: 5, count: 3, ratePerDay: 0.6, partial: true, partialCoverage: false },
      {
        weekStart: '2024-01-08',
        days: 7,
        count: 5,
        ratePerDay: 5 / 7,
        partial: false,
        partialCoverage: false,
      },
      { weekStart: '2024-01-15', days: 2, count: 6, ratePerDay: 3, partial: true, partialCoverage: false },
    ]);
    expect(e.monthly).toEqual([
      { month: '2024-01', days: 14, count: 14, ratePerDay: 1, partial: true, partialCoverage: false },
    ]);
  });

  it('compares the last 28 days with the first 28 by the exact test', () => {
    const e = analyse(daily('2024-01-01', [...new Array(28).fill(1), 0, 0, 0, 0, ...new Array(28).fill(3)]));
    const h = e.headline.rateNowVsStart;
    const t = rateRatioTest({ countAfter: 84, daysAfter: 28, countBefore: 28, daysBefore: 28 });
    expect(h).toMatchObject({
      days: 28,
      before: { from: '2024-01-01', to: '2024-01-28', days: 28, count: 28, ratePerDay: 1 },
      after: { from: '2024-02-02', to: '2024-02-29', days: 28, count: 84, ratePerDay: 3 },
      rateRatio: 3,
      ci95: t.ci,
      p: t.pExact,
      status: 'ok',
      adjustedForTrend: null,
    });
    expect(e.findings).toContain(
      `Latest rate against the first: 3.0 contacts a day in the last 28 days (2–29 February 2024), against 1.0 a day in the first 28 (1–28 January 2024) (rate ratio 3.0, 95% CI ${t.ci[0]!.toPrecision(2)}–${t.ci[1]!.toPrecision(2)}; exact conditional Poisson test p < 0.001).`,
    );
  });

  it('halves a short window for the headline, and gives counts only below 14 days a side', () => {
    const e = analyse(daily('2024-01-01', new Array(20).fill(1)));
    expect(e.headline.rateNowVsStart).toMatchObject({
      days: 10,
      status: 'below-minimum',
      rateRatio: null,
      p: null,
    });
    expect(e.headline.rateNowVsStart.reason).toBe(
      'only 10 days at each end (at least 14 days at each end are needed)',
    );
  });
});
