/**
 * Dispersion and the escalation trend over the fully covered stretch (statistics.md §2.2–§2.4):
 * - the index of dispersion s²/x̄ (inflated by any trend, so a model check only) and Pearson φ̂ of the trend model,
 *   which decides whether the counts are overdispersed (φ̂ > 1) and widens every model interval by √φ̂;
 * - Poisson regression of daily counts on time, as a rate ratio per 30 days with its SE scaled by √max(1, φ̂);
 * - Mann–Kendall with the tie correction and Sen's slope on the daily counts, or on complete ISO weeks when the
 *   daily counts tie too often (Sen's slope 0, or more than half the pair slopes 0: many days without contact, or
 *   many with the same count) and there are ≥ 10 such weeks.
 * Below 28 days or 10 contacts nothing is tested; the rate ratio per 30 days also needs a 60-day span.
 */
import type { Escalation } from '../../model/escalation.js';
import {
  completeWeekCounts,
  dateOf,
  dispersionTest,
  mannKendall,
  poissonTrend,
  senSlope,
} from '../stats/index.js';
import { type Ctx, MIN, plural } from './context.js';

/** The analysed daily counts: the fully covered stretch. */
export function stretchSeries(ctx: Ctx): { counts: number[]; start: string | null } {
  if (!ctx.stretch) return { counts: [], start: null };
  const a = ctx.stretch.from - ctx.window.from;
  return {
    counts: ctx.counts.slice(a, a + ctx.stretch.to - ctx.stretch.from + 1),
    start: dateOf(ctx.stretch.from),
  };
}

/** Dispersion and trend; also returns φ̂ when the counts are overdispersed (for every later interval). */
export function trendAnalysis(ctx: Ctx): Pick<Escalation, 'dispersion' | 'trend'> & { phi: number | null } {
  const { counts, start } = stretchSeries(ctx);
  const n = counts.length;
  const total = counts.reduce((s, x) => s + x, 0);
  const from = ctx.stretch ? dateOf(ctx.stretch.from) : null;
  const to = ctx.stretch ? dateOf(ctx.stretch.to) : null;
  // No fully covered day at all is said as such (as the change points say it), not as "0 days and 0 contacts",
  // which an officer would read against the incidents the report counts elsewhere.
  const short =
    start === null
      ? 'no fully covered days'
      : n < MIN.trendDays || total < MIN.trendEvents
        ? `${plural(n, 'day')} and ${plural(total, 'contact')} (at least ${MIN.trendDays} days and ${MIN.trendEvents} contacts are needed)`
        : null;
  const nullCi: [null, null] = [null, null];
  if (short !== null || start === null) {
    const reason = short ?? 'no fully covered days';
    return {
      phi: null,
      dispersion: { index: null, phi: null, overdispersed: false, status: 'below-minimum', reason },
      trend: {
        from,
        to,
        mannKendall: {
          series: 'daily',
          n,
          S: null,
          z: null,
          p: null,
          tau: null,
          senSlope: null,
          senCi95: nullCi,
          shareZeroPairSlopes: null,
          status: 'below-minimum',
          reason,
        },
        poisson: {
          rateRatioPer30Days: null,
          ci95: nullCi,
          p: null,
          dispersion: null,
          ci95Poisson: nullCi,
          status: 'below-minimum',
          reason,
        },
      },
    };
  }
  const disp = dispersionTest(counts);
  const fit = poissonTrend(counts);
  const phi = fit.dispersion;
  const overdispersed = phi !== null && phi > 1;
  const poisson: Escalation['trend']['poisson'] =
    fit.reason !== null
      ? {
          rateRatioPer30Days: null,
          ci95: nullCi,
          p: null,
          dispersion: phi,
          ci95Poisson: nullCi,
          status: 'not-computable',
          // Said in the findings as the reason no trend is estimated: in words, not the fit's code alone. The fit
          // fails to converge when the contacts sit at one end of the days (all on the last day: the log-linear
          // slope grows without bound), so no finite rate ratio exists.
          reason:
            fit.reason === 'not-converged'
              ? 'the Poisson regression on time did not converge (as when the contacts sit at one end of the days, where the fitted trend grows without bound), so it gives no rate ratio'
              : `the Poisson fit failed (${fit.reason})`,
        }
      : n < MIN.rateRatioSpanDays
        ? {
            rateRatioPer30Days: null,
            ci95: nullCi,
            p: null,
            dispersion: phi,
            ci95Poisson: nullCi,
            status: 'below-minimum',
            reason: `a ${n}-day span is too short to express the trend per 30 days (at least ${MIN.rateRatioSpanDays} days)`,
          }
        : {
            rateRatioPer30Days: fit.rateRatio,
            ci95: fit.quasi.ci,
            p: fit.quasi.p,
            dispersion: phi,
            ci95Poisson: fit.poisson.ci,
            status: 'ok',
            reason: null,
          };
  let series: 'daily' | 'weekly' = 'daily';
  let x: number[] = counts;
  let sen = senSlope(x);
  let note: string | null = null;
  const tied = sen.slope === 0 || (sen.shareZeroPairSlopes ?? 0) > 0.5;
  if (tied) {
    const weeks = completeWeekCounts(counts, start);
    if (weeks.length >= MIN.weeklyWeeks) {
      series = 'weekly';
      x = weeks;
      sen = senSlope(x);
    } else {
      // Not "sparse": the counts may tie because most days have the same count, contact or not.
      note = `the weekly series, used when the daily counts give a Sen's slope of 0 or more than half their pairs are equal, needs at least ${MIN.weeklyWeeks} complete weeks, and there ${weeks.length === 1 ? 'is' : 'are'} only ${weeks.length}`;
    }
  }
  const mk = mannKendall(x);
  return {
    phi: overdispersed ? phi : null,
    dispersion: {
      index: disp.index,
      phi,
      ...(phi !== null ? { pPearson: fit.pOverdispersed } : {}),
      overdispersed,
      status: disp.index === null ? 'not-computable' : 'ok',
      reason: disp.reason,
    },
    trend: {
      from,
      to,
      mannKendall: {
        series,
        n: x.length,
        S: mk.S,
        z: mk.z,
        p: mk.p,
        tau: mk.tau,
        senSlope: sen.slope,
        senCi95: sen.ci,
        shareZeroPairSlopes: sen.shareZeroPairSlopes,
        zeroCounts: x.filter((c) => c === 0).length,
        status: 'ok',
        reason: note,
      },
      poisson,
    },
  };
}
