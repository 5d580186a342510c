/**
 * The figures statistics.md quotes for its test series (§2, §7.2), to the digits printed there. The fixture
 * generator draws those very series (same seeds, same order), so this ties the implementation to the specification
 * independently of the goldens.
 */
import { describe, expect, it } from 'vitest';
import {
  beforeAfter,
  completeWeekCounts,
  countSummary,
  dispersionTest,
  mannKendall,
  peltPoisson,
  peltPoissonDispersionScaled,
  poissonRate,
  poissonTrend,
  senSlope,
} from '../../../src/analysis/stats/index.js';
import { readDaily } from './helpers.js';

/** Equal to `printed` at the precision it is printed with (half a unit in its last digit). */
function printed(got: number | null, text: string): void {
  const digits = text.replace(/^-?\d*\.?/, '').replace(/e.*$/, '');
  const exp = /e(-?\d+)$/.exec(text);
  const decimals = text.includes('.') ? digits.length : 0;
  const unit = 10 ** (-decimals + (exp ? Number(exp[1]) : 0));
  expect(got, text).not.toBeNull();
  expect(Math.abs((got as number) - Number(text)), `${got} vs ${text}`).toBeLessThanOrEqual(unit / 2 + 1e-15);
}

function all(series: string, split: string | null) {
  const { first, counts } = readDaily(series);
  const splitIndex = split === null ? 0 : (Date.parse(split) - Date.parse(first)) / 86_400_000;
  return {
    counts,
    first,
    summary: countSummary(counts, first),
    rate: poissonRate(
      counts.reduce((a, b) => a + b, 0),
      counts.length,
    ),
    trend: poissonTrend(counts),
    mk: mannKendall(counts),
    sen: senSlope(counts),
    ba: beforeAfter(counts, splitIndex),
  };
}

describe('synthetic step series (§2.1–2.9)', () => {
  const s = all('step-180d', '2024-04-30');
  it('counts, rate and dispersion', () => {
    expect([s.summary.total, s.summary.daysWithContact, s.summary.zeroDays, s.summary.maxPerDay]).toEqual([
      426, 138, 42, 13,
    ]);
    printed(s.rate.perDay.ci[0], '2.1472');
    printed(s.rate.perDay.ci[1], '2.6024');
    const d = dispersionTest(s.counts);
    printed(d.index, '2.761');
    printed(d.statistic, '494.28');
    printed(d.pOverdispersed, '2.47e-31');
    expect(s.summary.longestStreak).toMatchObject({ days: 62, start: '2024-04-28', end: '2024-06-28' });
  });
  it('Mann–Kendall and Sen, daily and on complete weeks', () => {
    expect(s.mk.S).toBe(7188);
    printed(s.mk.varS, '627262.667');
    printed(s.mk.z, '9.074505');
    printed(s.mk.p, '1.141958e-19');
    printed(s.sen.slope, '0.0243902');
    expect(s.sen.ciRanks).toEqual([7279, 8832]);
    const w = completeWeekCounts(s.counts, s.first);
    expect(mannKendall(w).S).toBe(189);
    printed(senSlope(w).slope, '1.467');
  });
  it('Poisson and quasi-Poisson trend; exact test; PELT', () => {
    printed(s.trend.rateRatio, '1.571558');
    printed(s.trend.poisson.ci[0], '1.473043');
    printed(s.trend.dispersion, '1.29642');
    printed(s.trend.quasi.ci[1], '1.691774');
    printed(s.ba.exact.rateRatio, '5.041322');
    printed(s.ba.exact.ci[1], '6.275746');
    printed(s.ba.exact.pExact, '2.469765e-58');
    printed(s.ba.step.adjustedForTrend!.rateRatio, '3.666');
    const p = peltPoisson(s.counts, { startDate: s.first });
    expect([p.cpts, p.changeDates]).toEqual([[121], ['2024-05-01']]);
    printed(p.penaltyValue, '15.5789');
    printed(p.objective, '-971.115');
    printed(peltPoisson(s.counts, { penalty: 'BIC' }).objective, '-985.181');
  });
});

describe('the other test series (§7.2)', () => {
  it('sparse 90-day', () => {
    const s = all('sparse-90d', '2023-04-15');
    printed(s.rate.perDay.ci[1], '0.261');
    printed(s.mk.p, '0.371');
    expect([s.sen.slope, s.sen.ci]).toEqual([0, [0, 0]]);
    printed(s.sen.shareZeroPairSlopes, '0.747');
    printed(s.ba.exact.rateRatio, '0.556');
    expect(peltPoisson(s.counts).cpts).toEqual([]);
  });
  it('overdispersed 365-day: spurious changes, removed by the dispersion-scaled penalty', () => {
    const s = all('overdispersed-365d', '2023-09-01');
    printed(s.trend.dispersion, '4.418');
    printed(s.ba.step.quasi.ci[0], '0.614');
    printed(s.ba.exact.pExact, '0.087');
    expect(peltPoisson(s.counts).cpts).toEqual([96, 99, 105, 107, 138, 140, 356]);
    expect(peltPoisson(s.counts, { penalty: 'BIC' }).cpts).toHaveLength(20);
    const scaled = peltPoissonDispersionScaled(s.counts);
    expect(scaled.passes.map((p) => p.cpts)).toEqual([[96, 99, 105, 107, 138, 140, 356], [96, 99], [], []]);
    printed(scaled.passes[0]!.phiWithin, '2.983');
    printed(scaled.passes[1]!.phiWithin, '3.702');
  });
  it('three regimes: monotone tests miss up-then-down, PELT finds it', () => {
    const s = all('three-regime-300d', '2023-06-09');
    printed(s.mk.p, '0.0157');
    printed(s.trend.rateRatio, '1.040');
    printed(s.ba.step.adjustedForTrend!.rateRatio, '17.8');
    const p = peltPoisson(s.counts, { startDate: s.first });
    expect(p.cpts).toEqual([100, 200]);
    expect(p.segments.map((g) => g.ratePerDay.toFixed(2))).toEqual(['0.27', '2.17', '0.55']);
  });
  it('3-year ramp: more than 2000 events, a staircase of change-points', () => {
    const s = all('ramp-3y', '2024-06-01');
    printed(s.rate.perDay.ci[0], '1.932');
    printed(s.rate.perDay.ci[1], '2.101');
    printed(s.sen.slope, '0.00322');
    printed(s.trend.poisson.ci[1], '1.0632');
    printed(s.ba.exact.rateRatio, '3.30');
    printed(s.ba.step.adjustedForTrend!.rateRatio, '1.40');
    const p = peltPoisson(s.counts, { startDate: s.first });
    expect(p.changeDates).toEqual(['2023-07-09', '2024-03-10', '2024-12-27']);
    expect(s.summary.longestStreak).toMatchObject({ days: 84, start: '2025-10-05', end: '2025-12-27' });
  });
  it('14-day and zero-before: extrapolation and an infinite ratio', () => {
    const s = all('short-14d', '2023-03-08');
    printed(s.trend.rateRatio, '541.6');
    printed(s.ba.exact.ci[1], '23.8');
    printed(s.ba.exact.pExact, '1.8e-4');
    const z = all('zero-before', '2024-01-06');
    expect(z.ba.exact.rateRatio).toBeNull();
    printed(z.ba.exact.ci[0], '2.80');
    printed(z.ba.exact.pExact, '3.0e-4');
    printed(z.sen.ci[1], '0.75');
    expect(all('all-zero', null).rate.perDay.ci).toEqual([0, expect.closeTo(0.738, 3)]);
  });
});
