/** Before/after milestones, their bounds, breach windows, and change points feeding the bounds. */
import { describe, expect, it } from 'vitest';
import { poissonStep, rateRatioTest } from '../../../src/analysis/stats/index.js';
import { analyse, daily, ev, kase } from './helpers.js';

const rep = (n: number, v: number) => new Array<number>(n).fill(v);

describe('milestones', () => {
  // 1 a day in March, 2 a day from the warning on 31 March, 1 a day from the order on 30 April (London, BST).
  const c = kase({
    timezone: 'Europe/London',
    window: { from: '2024-03-01', to: '2024-05-29' },
    milestones: [
      { date: '2024-03-31', label: 'Police warning', type: 'warning' },
      { date: '2024-04-30', label: 'Restraining order', type: 'order' },
    ],
  });
  const events = [
    ...daily('2024-03-01', [...rep(30, 1), ...rep(30, 2), ...rep(30, 1)]),
    ev({ at: '2024-05-03T12:00:00Z', channel: 'whatsapp', sender: 'Sam' }),
  ];
  const e = analyse(events, c);

  it('compares each side up to the neighbouring milestone, by the exact conditional test', () => {
    const [w, o] = e.milestones;
    const t = rateRatioTest({ countAfter: 60, daysAfter: 30, countBefore: 30, daysBefore: 30 });
    expect(w).toMatchObject({
      date: '2024-03-31',
      label: 'Police warning',
      type: 'warning',
      startsAt: '2024-03-31T00:00:00.000Z',
      startsAtLocal: '2024-03-31 00:00',
      before: {
        from: '2024-03-01',
        to: '2024-03-30',
        days: 30,
        count: 30,
        ratePerDay: 1,
        boundedBy: 'window',
      },
      after: {
        from: '2024-03-31',
        to: '2024-04-29',
        days: 30,
        count: 60,
        ratePerDay: 2,
        boundedBy: 'milestone',
      },
      rateRatio: 2,
      ci95: t.ci,
      p: t.pExact,
      status: 'ok',
      reason: null,
    });
    expect(o).toMatchObject({
      startsAt: '2024-04-29T23:00:00.000Z', // 00:00 BST
      before: { from: '2024-03-31', to: '2024-04-29', count: 60, boundedBy: 'milestone' },
      after: { from: '2024-04-30', to: '2024-05-29', count: 31, days: 30, boundedBy: 'window' },
      status: 'ok',
    });
    expect(o!.rateRatio).toBeCloseTo(31 / 60, 15);
  });

  it('lists every contact from an order onwards as its breach window, by channel, first and last', () => {
    const b = e.milestones[1]!.incidentsAfter;
    expect(b).toMatchObject({
      breachWindow: true,
      count: 31,
      byChannel: [
        { channel: 'sms', count: 30 },
        { channel: 'whatsapp', count: 1 },
      ],
      first: { local: '2024-04-30 11:00:00', channel: 'sms', file: 'case/sms.xml' },
      last: { local: '2024-05-29 11:00:00' },
    });
    expect(b.first!.id).toMatch(/^[0-9a-f]{16}$/);
    expect(e.milestones[0]!.incidentsAfter.breachWindow).toBe(false);
    expect(
      e.findings.some((f) =>
        f.startsWith(
          'From the milestone “Restraining order” on 30 April 2024 onwards there are 31 contacts (sms 30, whatsapp 1), the first on 30 April 2024 at 11:00',
        ),
      ),
    ).toBe(true);
  });

  it('starts a date-only milestone at 00:00 local: 23:30 UTC the evening before counts after', () => {
    const c2 = kase({
      timezone: 'Europe/London',
      milestones: [{ date: '2024-04-10', label: 'Arrest', type: 'arrest' }],
    });
    const m = analyse([...daily('2024-03-21', rep(40, 1)), ev({ at: '2024-04-09T23:30:00Z' })], c2)
      .milestones[0]!;
    expect(m.startsAt).toBe('2024-04-09T23:00:00.000Z');
    expect(m.before).toMatchObject({ from: '2024-03-21', to: '2024-04-09', days: 20, count: 20 });
    expect(m.after).toMatchObject({ from: '2024-04-10', to: '2024-04-29', days: 20, count: 21 });
  });

  it('splits a date-time milestone inside its day, with fractional exposure', () => {
    const c3 = kase({ milestones: [{ date: '2024-01-20T12:00', label: 'Warning' }] });
    // 10:00, 10:13 … on each day: the 20 January incidents before noon count before.
    const m = analyse(daily('2024-01-01', rep(40, 2)), c3).milestones[0]!;
    expect(m.startsAt).toBe('2024-01-20T12:00:00.000Z');
    expect(m.before).toMatchObject({ from: '2024-01-01', to: '2024-01-20', days: 19.5, count: 40 });
    expect(m.after).toMatchObject({ from: '2024-01-20', to: '2024-02-09', days: 20.5, count: 40 });
    expect(m.ci95).toEqual(
      rateRatioTest({ countAfter: 40, daysAfter: 20.5, countBefore: 40, daysBefore: 19.5 }).ci,
    );
  });

  it('ends the side before a date-time milestone at its time, for the milestone before it too', () => {
    // Noon on 1 February; the warning's after side is 20 January 00:00 to 1 February 12:00, which is exactly the
    // order's before side. The incidents of 1 February at 10:00 and 10:13 are before the order, once.
    const c6 = kase({
      milestones: [
        { date: '2024-01-20', label: 'Warning', type: 'warning' },
        { date: '2024-02-01T12:00', label: 'Order', type: 'order' },
      ],
    });
    const [w, o] = analyse(daily('2024-01-01', rep(60, 2)), c6).milestones;
    expect(w!.after).toMatchObject({ from: '2024-01-20', to: '2024-02-01', days: 12.5, count: 26 });
    expect(o!.before).toEqual(w!.after);
    expect(o!.after).toMatchObject({ from: '2024-02-01', to: '2024-02-29', days: 28.5, count: 56 });
    expect(o!.incidentsAfter.count).toBe(56);
  });

  it('lets two milestones at one instant bound neither: both compare the same sides', () => {
    const c7 = kase({
      milestones: [
        { date: '2024-01-10T18:00', label: 'Report' },
        { date: '2024-01-20', label: 'Warning' },
        { date: '2024-01-20T00:00', label: 'Arrest' },
        { date: '2024-02-05T06:00', label: 'Order' },
      ],
    });
    const m = analyse(daily('2024-01-01', rep(60, 1)), c7).milestones;
    const [warning, arrest] = [m[1]!, m[2]!];
    expect(warning.before).toMatchObject({ from: '2024-01-10', to: '2024-01-19', days: 9.25, count: 9 });
    expect(warning.after).toMatchObject({ from: '2024-01-20', to: '2024-02-05', days: 16.25, count: 16 });
    expect(arrest.before).toEqual(warning.before);
    expect(arrest.after).toEqual(warning.after);
    expect(m[0]!.after).toEqual(warning.before);
    expect(m[3]!.before).toEqual(warning.after);
  });

  it('gives counts only below 14 days a side, and says why', () => {
    const c4 = kase({ milestones: [{ date: '2024-01-25', label: 'Order', type: 'order' }] });
    const m = analyse(daily('2024-01-01', rep(30, 1)), c4).milestones[0]!;
    expect(m).toMatchObject({ status: 'below-minimum', rateRatio: null, p: null, ci95: [null, null] });
    expect(m.reason).toBe('only 6 days after (at least 14 days each side are needed)');
    expect(m.before.count).toBe(24);
  });

  it('reports an infinite ratio as null with its lower bound', () => {
    const c5 = kase({ milestones: [{ date: '2024-01-21', label: 'Warning' }] });
    // The victim's own message on 1 January opens the window; the subject's contact starts on 21 January.
    const m2 = analyse(
      [
        ev({ at: '2024-01-01T08:00:00Z', incident: false, role: 'victim' }),
        ...daily('2024-01-01', [...rep(20, 0), ...rep(20, 1)]),
      ],
      c5,
    ).milestones[0]!;
    expect(m2.before).toMatchObject({ count: 0, days: 20 });
    expect(m2.rateRatio).toBeNull();
    expect(m2.ci95[0]).toBeGreaterThan(1);
    expect(m2.ci95[1]).toBeNull();
    expect(m2.reason).toMatch(/^no contacts before/);
  });
});

describe('change points as comparison bounds', () => {
  // 1 a day for 30 days, then 5 a day for 50; a warning on day 55 changes nothing.
  const counts = [...rep(30, 1), ...rep(50, 5)];
  const c = kase({ milestones: [{ date: '2024-02-25', label: 'Warning', type: 'warning' }] });
  const e = analyse(daily('2024-01-01', counts), c);

  it('finds the step with PELT and states it as an estimate without a p-value', () => {
    expect(e.changePoints).toEqual([{ date: '2024-01-31', rateBefore: 1, rateAfter: 5, rateRatio: 5 }]);
    expect(e.segments.map((s) => [s.from, s.to, s.count])).toEqual([
      ['2024-01-01', '2024-01-30', 30],
      ['2024-01-31', '2024-03-20', 250],
    ]);
    expect(e.changePointMethod).toMatchObject({ penalty: 'MBIC', scaled: false, status: 'ok' });
    expect(e.findings).toContain(
      'From around 31 January 2024 the rate rose from 1.0 to 5.0 contacts a day (PELT change points: the dates are estimates).',
    );
  });

  it('starts the earlier side at an estimated change point at least 14 days away, and says so', () => {
    const m = e.milestones[0]!;
    expect(m.before).toMatchObject({
      from: '2024-01-31',
      to: '2024-02-24',
      days: 25,
      count: 125,
      boundedBy: 'change-point',
    });
    expect(m.after).toMatchObject({
      from: '2024-02-25',
      to: '2024-03-20',
      days: 25,
      count: 125,
      boundedBy: 'window',
    });
    expect(m.rateRatio).toBe(1);
    expect(m.p).toBe(1);
    expect(m.wholeWindow).toMatchObject({
      before: { count: 155, days: 55 },
      after: { count: 125, days: 25 },
    });
    expect(e.findings.find((f) => f.startsWith('After the milestone “Warning”'))).toMatch(
      /The earlier period starts at the estimated change around 31 January 2024\.$/,
    );
  });

  it('ignores a change point within 14 days of the milestone: it estimates the same change', () => {
    const c2 = kase({ milestones: [{ date: '2024-02-03', label: 'Warning' }] });
    const m = analyse(daily('2024-01-01', counts), c2).milestones[0]!;
    expect(m.before).toMatchObject({ from: '2024-01-01', boundedBy: 'window' });
  });

  it('puts the quasi-Poisson step beside the exact test when the counts are overdispersed', () => {
    const bursty = [
      ...rep(15, 0),
      9,
      ...rep(14, 0),
      6,
      0,
      0,
      12,
      ...rep(10, 0),
      3,
      0,
      8,
      ...rep(15, 0),
      20,
      0,
    ];
    const end = new Date(Date.UTC(2024, 0, bursty.length)).toISOString().slice(0, 10);
    const c3 = kase({
      window: { from: '2024-01-01', to: end },
      milestones: [{ date: '2024-01-31', label: 'Warning' }],
    });
    const e3 = analyse(daily('2024-01-01', bursty), c3);
    const m = e3.milestones[0]!;
    // The step model runs on the days the comparison uses (its sides may stop at an estimated change).
    const day = (d: string) =>
      (Date.parse(`${d}T00:00:00Z`) - Date.parse('2024-01-01T00:00:00Z')) / 86_400_000;
    const [a, b] = [day(m.before.from!), day(m.after.to!)];
    const step = poissonStep(bursty.slice(a, b + 1), 30 - a);
    expect(e3.dispersion.overdispersed).toBe(true);
    // With φ̂ about 9 its interval is wider than the exact one at both ends: the reports give it as it is (`quasi`).
    expect(m.overdispersed).toEqual({
      phi: step.dispersion,
      ci95: step.quasi.ci,
      p: step.quasi.p,
      shownAs: 'quasi',
    });
    expect(m.overdispersed!.ci95[0]!).toBeLessThan(m.ci95[0]!);
    expect(m.overdispersed!.ci95[1]!).toBeGreaterThan(m.ci95[1]!);
    expect(m.overdispersed!.phi).toBeGreaterThan(1);
  });

  it('runs the step model on whole days only: a day cut by the time of a neighbouring milestone is left out', () => {
    const bursty = [
      ...rep(15, 0),
      9,
      ...rep(4, 0),
      5,
      ...rep(9, 0),
      6,
      0,
      0,
      12,
      ...rep(10, 0),
      3,
      0,
      8,
      ...rep(15, 0),
      20,
      0,
    ];
    const end = new Date(Date.UTC(2024, 0, bursty.length)).toISOString().slice(0, 10);
    const c4 = kase({
      window: { from: '2024-01-01', to: end },
      milestones: [
        { date: '2024-01-16T12:00', label: 'Report' },
        { date: '2024-01-31', label: 'Warning' },
      ],
    });
    const m = analyse(daily('2024-01-01', bursty), c4).milestones[1]!;
    // 16 January's 9 contacts run from 10:00 every 37 minutes: 4 before the report at noon, 5 after it.
    expect(m.before).toMatchObject({ from: '2024-01-16', days: 14.5, count: 10, boundedBy: 'milestone' });
    // That day (index 15) is split by the report: the model starts on 17 January.
    const last = (Date.parse(`${m.after.to}T00:00:00Z`) - Date.parse('2024-01-01T00:00:00Z')) / 86_400_000;
    const step = poissonStep(bursty.slice(16, last + 1), 30 - 16);
    expect(m.overdispersed).toEqual({
      phi: step.dispersion,
      ci95: step.quasi.ci,
      p: step.quasi.p,
      shownAs: 'quasi',
    });
    expect(m.overdispersed!.phi).toBeGreaterThan(1);
  });
});
