/**
 * When did the rate change (statistics.md §2.6): PELT with the Poisson cost and the MBIC penalty, exactly as R
 * `changepoint` 2.3, on the daily counts of the fully covered stretch (days, not events: cheap for any volume).
 * When the counts within the segments found are overdispersed (φ̂_w > 1.5) the penalty is multiplied by φ̂_w and
 * PELT rerun until the change points stop moving, so bursts do not carve out spurious 2-day "segments".
 * The dates are estimates ("around"): no interval, and never a p-value on a date the algorithm chose.
 */
import type { Escalation } from '../../model/escalation.js';
import { PHI_WITHIN_TRIGGER } from '../../model/escalation-words.js';
import { addDays, garwoodInterval, peltPoissonDispersionScaled } from '../stats/index.js';
import { type Ctx, MIN, plural } from './context.js';
import { stretchSeries } from './trend.js';

export type ChangePointResult = Pick<Escalation, 'changePoints' | 'changePointMethod' | 'segments'>;

/** Change points and segments of the fully covered stretch. */
export function changePoints(ctx: Ctx): ChangePointResult {
  const { counts, start } = stretchSeries(ctx);
  const total = counts.reduce((s, x) => s + x, 0);
  if (start === null || counts.length < MIN.trendDays || total < MIN.trendEvents) {
    return {
      changePoints: [],
      segments: [],
      changePointMethod: {
        penalty: null,
        penaltyValue: null,
        scaled: false,
        phiWithin: null,
        unscaledDates: [],
        status: 'below-minimum',
        reason:
          start === null
            ? 'no fully covered days'
            : `${plural(counts.length, 'day')} and ${plural(total, 'contact')} (at least ${MIN.trendDays} days and ${MIN.trendEvents} contacts are needed)`,
      },
    };
  }
  const run = peltPoissonDispersionScaled(counts, { startDate: start, trigger: PHI_WITHIN_TRIGGER });
  const r = run.result;
  const segments = r.segments.map((s) => {
    const [lo, hi] = garwoodInterval(s.count);
    return {
      from: s.start!,
      to: s.end!,
      days: s.days,
      count: s.count,
      ratePerDay: s.ratePerDay,
      ci95: [lo / s.days, hi / s.days] as [number, number],
    };
  });
  const points = segments.slice(1).map((s, i) => {
    const before = segments[i]!.ratePerDay;
    return {
      date: s.from,
      rateBefore: before,
      rateAfter: s.ratePerDay,
      rateRatio: before > 0 ? s.ratePerDay / before : null,
    };
  });
  const last = run.passes[run.passes.length - 1]!;
  return {
    changePoints: points,
    segments,
    changePointMethod: {
      penalty: run.triggered ? 'MBIC scaled by the within-segment dispersion' : 'MBIC',
      penaltyValue: r.penaltyValue,
      scaled: run.triggered,
      phiWithin: last.phiWithin,
      unscaledDates: run.passes[0]!.cpts.map((c) => addDays(start, c)),
      status: 'ok',
      reason: null,
    },
  };
}
