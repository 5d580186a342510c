/**
 * Every daily-series statistic against the committed ref_stats.R goldens (fixtures/stats/NAME.ref.json), with the
 * tolerances of statistics.md §7.4, for every series in the manifest.
 */
import { describe, expect, it } from 'vitest';
import {
  beforeAfter,
  completeWeekCounts,
  countSummary,
  dayNumber,
  dispersionTest,
  mannKendall,
  periodRows,
  poissonRate,
  poissonTrend,
  senSlope,
} from '../../../src/analysis/stats/index.js';
import type { Golden } from './helpers.js';
import {
  checkMannKendall,
  checkSen,
  close,
  closeAll,
  closeP,
  manifest,
  readDaily,
  readJson,
} from './helpers.js';

const daily = manifest.filter((s) => !readJson(`${s.name}.ref.json`).error);
const PEARSON = readJson<{ series: Record<string, { p_overdispersed: number }> }>('pearson-dispersion.json');

describe.each(daily)('$name', (spec) => {
  const ref = readJson(`${spec.name}.ref.json`);
  const { first, counts, filled } = readDaily(spec.name);
  const s = ref.summary;

  it('counts, streak and the exact rate interval', () => {
    expect(filled).toBe(s.missing_dates_filled_with_zero);
    expect(first).toBe(s.first_date);
    const c = countSummary(counts, first);
    expect([c.days, c.total, c.daysWithContact, c.zeroDays, c.maxPerDay]).toEqual([
      s.n_days,
      s.total,
      s.days_with_contact,
      s.zero_days,
      s.max_per_day,
    ]);
    expect({ days: c.longestStreak.days, start: c.longestStreak.start, end: c.longestStreak.end }).toEqual(
      s.longest_streak,
    );
    const r = poissonRate(c.total, c.days);
    close(r.perDay.rate, s.rate_per_day, 1e-14, 'rate');
    closeAll(r.perDay.ci, s.rate_per_day_ci_exact, 1e-10, 'Garwood');
    close(r.perWeek.rate, s.rate_per_week, 1e-14, 'per week');
    close(r.per30Days.rate, s.rate_per_30d, 1e-14, 'per 30 days');
  });

  it('dispersion index and test', () => {
    const d = dispersionTest(counts);
    close(d.variance, s.variance, 1e-12, 'variance');
    close(d.index, s.dispersion_index, 1e-12, 'index');
    close(d.statistic, s.dispersion_test.statistic, 1e-12, 'D');
    expect(d.df).toBe(s.dispersion_test.df);
    closeP(d.pOverdispersed, s.dispersion_test.p_overdispersed, 1e-9, 'p');
  });

  it('weekly and monthly rows', () => {
    const rows = (unit: 'week' | 'month') =>
      periodRows(counts, first, unit).map((r) => ({
        period_start: r.periodStart,
        days_observed: r.daysObserved,
        count: r.count,
        partial: r.partial,
      }));
    const strip = (rs: Golden[]) => rs.map(({ rate_per_day: _, ...r }) => r);
    expect(rows('week')).toEqual(strip(ref.weekly));
    expect(rows('month')).toEqual(strip(ref.monthly));
    periodRows(counts, first, 'week').forEach((r, i) => {
      close(r.ratePerDay, ref.weekly[i].rate_per_day, 1e-14);
    });
  });

  it('Mann–Kendall and Sen on daily counts and on complete weeks', () => {
    checkMannKendall(mannKendall(counts), ref.mann_kendall_daily, 'daily');
    checkSen(senSlope(counts), ref.mann_kendall_daily.sen, 'daily sen');
    const weeks = completeWeekCounts(counts, first);
    const w = ref.mann_kendall_weekly_complete_weeks;
    if (w === null) expect(weeks.length).toBeLessThan(3);
    else {
      checkMannKendall(mannKendall(weeks), w, 'weekly');
      checkSen(senSlope(weeks), w.sen, 'weekly sen');
    }
  });

  it('Poisson and quasi-Poisson trend', () => {
    const t = poissonTrend(counts);
    const g = ref.poisson_glm;
    if (s.total === 0) {
      // R returns a meaningless fit (SE ≈ 3.3e6, CI [0, ∞)); the tool reports no trend at all.
      expect(t.reason).toBe('no-events');
      expect([t.beta, t.rateRatio, t.quasi.ci[1]]).toEqual([null, null, null]);
      return;
    }
    expect(t.converged).toBe(true);
    // A series without any trend (every day equal) has β = 0 exactly; R's IRLS leaves residue near 1e-17, and
    // its Pearson χ² and φ̂ near 1e-28: compared absolutely, far below anything a report prints.
    const betaNoise = 1e-12 * g.se;
    close(t.beta, g.beta_per_day, 1e-7, 'beta', betaNoise);
    close(t.rateRatio, g.rr_per_30d, 1e-7, 'RR30');
    close(t.intercept, g.intercept, 1e-7, 'intercept');
    close(t.poisson.se, g.se, 1e-6, 'SE');
    close(t.poisson.z, g.z, 1e-6, 'z', 1e-12);
    closeP(t.poisson.p, g.p, 1e-6 * Math.max(1, g.z * g.z), 'p');
    // exp(30(β ± zSE)) magnifies SE's relative error by 30·z·SE. R's SE comes from the weights of its previous
    // iterate, ~2.6e-6 off on the steep 9-day zero-before fit, where this fit agrees with 40-digit Newton to 1e-14.
    const ciTol = 1e-6 * Math.max(1, 30 * 1.96 * g.se);
    closeAll(t.poisson.ci, g.ci_wald, ciTol, 'Wald CI');
    close(t.deviance, g.deviance, 1e-6, 'deviance', 1e-12);
    close(t.nullDeviance, g.null_deviance, 1e-10, 'null deviance');
    expect(t.dfResidual).toBe(g.df_residual);
    close(t.pearsonChi2, g.pearson_chi2, 1e-6, 'Pearson', 1e-12);
    close(t.dispersion, g.dispersion, 1e-6, 'phi', 1e-12);
    // The Pearson χ² test of the trend model: scipy's chi2.sf on R's statistic (scripts/stats-goldens/
    // pearson-dispersion.py); R's χ² carries its 1e-6, and the tail magnifies it by at most X²·density, far below 1e-5.
    const pearson = PEARSON.series[spec.name];
    if (pearson === undefined) expect(t.pOverdispersed).toBeNull();
    else closeP(t.pOverdispersed, pearson.p_overdispersed, 1e-5, 'Pearson p');
    close(t.logLik, g.loglik, 1e-9, 'logLik');
    // The headline scales by √max(1, φ̂): equal to R's quasi block when φ̂ ≥ 1, to the Poisson interval otherwise.
    // With no residual degrees of freedom (two days) φ̂ is undefined, and so is the scaled interval (R's too).
    if (g.dispersion === null) {
      expect(g.df_residual).toBe(0);
      expect(t.quasi.ci).toEqual([null, null]);
      closeAll(ref.quasi_poisson_glm.ci_wald, [null, null], 0, 'R quasi CI');
    } else if (g.dispersion >= 1) {
      close(t.quasi.se, ref.quasi_poisson_glm.se, 1e-5, 'quasi SE');
      closeAll(t.quasi.ci, ref.quasi_poisson_glm.ci_wald, 10 * ciTol, 'quasi CI');
    } else closeAll(t.quasi.ci, g.ci_wald, ciTol, 'quasi CI (phi < 1)');
  });

  it('before/after: exact test and step models', () => {
    const b = ref.before_after;
    if (b === null) {
      expect(
        spec.split,
        'the reference has no before/after block only when no split was given',
      ).toBeUndefined();
      return;
    }
    const r = beforeAfter(counts, dayNumber(b.split_date) - dayNumber(first));
    const e = r.exact;
    expect([e.after.count, e.after.days, e.before.count, e.before.days]).toEqual([
      b.after.count,
      b.after.days,
      b.before.count,
      b.before.days,
    ]);
    close(e.rateRatio, b.rate_ratio, 1e-12, 'RR');
    closeAll(e.ci, b.ci, 1e-10, 'CI');
    closeP(e.pExact, b.p_exact, 1e-9, 'p exact');
    closeP(e.pMidp, b.p_midp, 1e-9, 'p mid');
    expect([e.conditional.n, e.conditional.x]).toEqual([b.conditional_binomial.n, b.conditional_binomial.x]);
    close(e.conditional.p0, b.conditional_binomial.p0, 1e-14, 'p0');
    closeAll(e.ci, b.poisson_test.ci, 1e-10, 'poisson.test CI');
    closeP(e.pExact, b.poisson_test.p, 1e-9, 'poisson.test p');

    const st = r.step;
    if (st.reason === 'separation') {
      // R's step estimate diverges (e.g. 3.6e13 with CI [0, ∞)); the tool refuses it and points to the exact test.
      expect(b.glm_step.rr > 1e10 || b.glm_step.rr < 1e-10).toBe(true);
      expect(b.glm_step.ci_wald).toContain(null);
      return;
    }
    close(st.rateRatio, b.glm_step.rr, 1e-6, 'step RR');
    closeAll(st.poisson.ci, b.glm_step.ci_wald, 1e-6, 'step CI');
    close(st.dispersion, b.glm_step_quasi_poisson.dispersion, 1e-6, 'step phi', 1e-12);
    if (st.dispersion === null) {
      // Two days, one each side: no residual degrees of freedom, so no φ̂ and no scaled interval (R's is NA too).
      expect(counts.length).toBe(2);
      expect(st.quasi.ci).toEqual([null, null]);
      expect(b.glm_step_quasi_poisson.ci_wald).toEqual([null, null]);
    } else if (st.dispersion >= 1)
      closeAll(st.quasi.ci, b.glm_step_quasi_poisson.ci_wald, 1e-5, 'quasi step CI');
    else closeAll(st.quasi.ci, b.glm_step.ci_wald, 1e-6, 'quasi step CI (phi < 1)');
    const adj = b.glm_step_adjusted_for_trend;
    if (adj.ci_wald.includes(null)) {
      // Three parameters on three days (or fewer): the trend-adjusted step is saturated and R's estimate
      // diverges (6.5e-29 with CI [0, ∞) on three-days); the tool gives none.
      expect(counts.length).toBeLessThanOrEqual(3);
      expect(st.adjustedForTrend).toBeNull();
      return;
    }
    close(st.adjustedForTrend?.rateRatio, adj.rr, 1e-6, 'adjusted RR');
    closeAll(st.adjustedForTrend!.poisson.ci, adj.ci_wald, 1e-6, 'adjusted CI');
  });
});
