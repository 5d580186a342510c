/**
 * Degenerate series: no days, one day, no contact at all, every contact on one day, a change on the last day, and
 * event sets too small for gaps. Every function must return well-defined values (null where undefined), never
 * NaN and never throw.
 */
import { describe, expect, it } from 'vitest';
import {
  beforeAfter,
  burstiness,
  countSummary,
  dispersionTest,
  gapHours,
  gapTrend,
  laplaceTest,
  mannKendall,
  nightShare,
  peltPoisson,
  peltPoissonDispersionScaled,
  periodRows,
  poissonRate,
  poissonTrend,
  senSlope,
} from '../../../src/analysis/stats/index.js';
import { close, expectWellDefined, readDaily, readEvents, readJson } from './helpers.js';

/** Every daily-series function at once, as the report would call them. */
function everything(counts: number[], split: number) {
  const total = counts.reduce((a, b) => a + b, 0);
  return {
    summary: countSummary(counts, '2024-01-01'),
    rate: poissonRate(total, counts.length),
    dispersion: dispersionTest(counts),
    weeks: periodRows(counts, '2024-01-01', 'week'),
    mk: mannKendall(counts),
    sen: senSlope(counts),
    senBisection: senSlope(counts, { maxStoredPairs: 0 }),
    trend: poissonTrend(counts),
    beforeAfter: beforeAfter(counts, split),
    pelt: peltPoisson(counts, { startDate: '2024-01-01' }),
    peltScaled: peltPoissonDispersionScaled(counts),
  };
}

describe('degenerate daily series never give NaN or throw', () => {
  const cases: [string, number[], number][] = [
    ['no days', [], 0],
    ['one day', [3], 0],
    ['one zero day', [0], 1],
    ['two days', [0, 4], 1],
    ['all zero', [0, 0, 0, 0, 0], 2],
    ['all on one day', [0, 0, 0, 0, 12, 0, 0, 0], 4],
    ['all on the last day', [0, 0, 0, 0, 0, 0, 9], 6],
    ['all on the first day', [7, 0, 0, 0, 0, 0], 1],
    ['constant', [2, 2, 2, 2, 2, 2, 2, 2], 4],
  ];
  it.each(cases)('%s', (_name, counts, split) => expectWellDefined(everything(counts, split)));
});

describe('one day (ref_stats.R itself stops on it)', () => {
  const ref = readJson('one-day.ref.json');
  const { counts } = readDaily('one-day');
  const r = everything(counts, 0);

  it('records why the reference has no golden', () => {
    expect(ref.error).toMatch(/rep\.int/);
    expect(counts).toEqual([3]);
  });
  it('counts and the rate are defined; everything inferential is null with a reason', () => {
    expect(r.summary.longestStreak).toEqual({
      days: 1,
      startIndex: 0,
      endIndex: 0,
      start: '2024-01-01',
      end: '2024-01-01',
    });
    expect(r.rate.perDay.rate).toBe(3);
    expect([r.dispersion.index, r.dispersion.pOverdispersed, r.dispersion.reason]).toEqual([
      null,
      null,
      'too-few-days',
    ]);
    expect([r.mk.S, r.mk.varS, r.mk.z, r.mk.p, r.mk.tau, r.mk.zNoContinuity]).toEqual([
      0,
      0,
      0,
      1,
      null,
      null,
    ]);
    expect([r.sen.slope, r.sen.ci, r.sen.nPairs, r.sen.ciRanks]).toEqual([null, [null, null], 0, null]);
    expect([r.trend.beta, r.trend.reason]).toEqual([null, 'too-few-days']);
    expect([r.beforeAfter.exact.reason, r.beforeAfter.step.reason]).toEqual(['empty-period', 'empty-period']);
    // One segment; with MBIC its cost is 2·3·(ln 1 − ln 3) + ln 1.
    expect(r.pelt.cpts).toEqual([]);
    close(r.pelt.objective, -6 * Math.log(3), 1e-15, 'objective');
  });
  it('three events on that day: two gaps, no trend to speak of', () => {
    const times = readEvents('one-day');
    const gaps = gapHours(times);
    expect(Array.from(gaps)).toEqual([
      (times[1]! - times[0]!) / 3_600_000,
      (times[2]! - times[1]!) / 3_600_000,
    ]);
    const g = gapTrend(times);
    expect([g.mannKendall.n, Math.abs(g.mannKendall.S), g.mannKendall.p]).toEqual([2, 1, 1]);
    expect(g.sen.slope).toBe(gaps[1]! - gaps[0]!);
    expect(g.sen.ci).toEqual([null, null]); // Gilbert's ranks fall outside 1..1
    expect(burstiness(gaps).memory).toBeNull();
    expectWellDefined(g);
  });
});

describe('no contact at all', () => {
  const r = everything([0, 0, 0, 0, 0], 2);
  it('the exact upper bound is still informative: 3.689/T', () => {
    expect(r.rate.perDay.ci[0]).toBe(0);
    close(r.rate.perDay.ci[1], -Math.log(0.025) / 5, 1e-13, 'upper');
  });
  it('tests without events carry no information', () => {
    expect([r.trend.reason, r.dispersion.reason]).toEqual(['no-events', 'no-events']);
    expect(r.beforeAfter.exact).toMatchObject({
      rateRatio: null,
      ci: [0, null],
      pExact: 1,
      reason: 'no-events',
    });
    expect(r.beforeAfter.step.reason).toBe('separation');
    expect([r.mk.p, r.sen.slope, r.sen.ci]).toEqual([1, 0, [0, 0]]);
    expect([r.pelt.cpts, r.pelt.objective, r.peltScaled.triggered]).toEqual([[], 0, false]);
  });
});

describe('every contact on one day', () => {
  const { counts } = readDaily('all-on-one-day');
  it('an infinite ratio is reported as a lower bound only', () => {
    const r = beforeAfter(counts, 14);
    expect(r.exact.rateRatio).toBeNull();
    expect(r.exact.ci[1]).toBeNull();
    expect(r.exact.ci[0]).toBeGreaterThan(1);
    expect(r.step.reason).toBe('separation');
  });
  it('PELT isolates the day within its minimum segment length', () => {
    expect(peltPoisson(counts, { minSegmentLength: 1 }).cpts).toEqual([14, 15]);
    expect(peltPoisson(counts).cpts).toEqual([13, 15]);
  });
});

describe('a change on the last day', () => {
  const { counts } = readDaily('change-last-day');
  it('needs minseglen 1 to be found on the day itself', () => {
    expect(peltPoisson(counts, { minSegmentLength: 1, startDate: '2024-05-01' }).changeDates).toEqual([
      '2024-06-29',
    ]);
    expect(peltPoisson(counts).cpts).not.toContain(59);
  });
  it('the exact test works with a one-day after period', () => {
    const r = beforeAfter(counts, 59);
    expect([r.exact.after.days, r.exact.after.count]).toEqual([1, 15]);
    expectWellDefined(r);
  });
});

describe('one contact in 60 days (ref_stats.R stops on its event block: no gaps)', () => {
  const extra = readJson('single-event-60d.extra.json');
  const { counts } = readDaily('single-event-60d');
  const times = readEvents('single-event-60d');
  it('records why the event block has no golden; the daily goldens are still checked', () => {
    expect(extra.events_error).toMatch(/seq_len/);
    expect(readJson('single-event-60d.ref.json').events).toBeNull();
    expect([times.length, counts.indexOf(1), counts.reduce((a, b) => a + b, 0)]).toEqual([1, 40, 1]);
  });
  it('one event: no gaps, no burstiness, a Laplace U from its position alone', () => {
    const g = gapTrend(times);
    expect([g.summary.n, g.summary.median, g.mannKendall.S, g.mannKendall.p, g.sen.slope]).toEqual([
      0,
      null,
      0,
      1,
      null,
    ]);
    const b = burstiness(gapHours(times));
    expect([b.bGohBarabasi, b.bKimJo, b.memory]).toEqual([null, null, null]);
    const start = Date.parse('2024-01-01T00:00:00Z'); // Europe/London is on GMT in January and February
    const end = Date.parse('2024-03-01T00:00:00Z');
    const l = laplaceTest(times, start, end);
    const T = (end - start) / 1000;
    close(l.U, ((times[0]! - start) / 1000 - T / 2) / (T * Math.sqrt(1 / 12)), 1e-12, 'U');
    expectWellDefined({ g, b, l });
  });
});

describe('events', () => {
  it('none, one, or all at the same instant', () => {
    for (const times of [[], [1e12], [1e12, 1e12, 1e12]]) {
      const gaps = gapHours(times);
      expectWellDefined({ g: gapTrend(times), b: burstiness(gaps), l: laplaceTest(times, 0, 2e12) });
    }
    expect(burstiness(gapHours([1e12, 1e12, 1e12])).bGohBarabasi).toBeNull();
    expect(laplaceTest([], 0, 1000)).toMatchObject({ U: null, pTwoSided: null, nInWindow: 0 });
  });
  it('night share without eligible hours', () => {
    expect(nightShare([])).toMatchObject({ share: null, ci: [null, null], pVsUniform: null, eligible: 0 });
    expect(nightShare([0, 3, 12.5, 25])).toMatchObject({ count: 2, eligible: 2, share: 1 });
  });
});
