/**
 * Before/after a known date (statistics.md §2.5): the exact conditional Poisson rate-ratio test as the primary
 * figure (R `poisson.test`), the quasi-Poisson step model beside it when the counts are overdispersed, and the
 * step adjusted for a linear trend as a sensitivity check.
 *
 * Each side runs from the date to the nearest boundary: the window or the fully covered stretch, another
 * milestone, or an estimated change point at least 14 days away (a change point closer than that is taken to be
 * the estimate of this same change). So a warning is compared with the rate just before it, not with a mix of
 * every earlier regime. A change-point boundary came from the data: the p-value is then approximate (said in the
 * method's caveats). The split itself is always external; a date chosen by PELT is never tested.
 *
 * Boundaries are instants, not days: a side is the half-open interval [start, end) and a boundary is the instant
 * the next side starts (00:00 local for a date or change point, the time itself for a milestone with one). So the
 * "after" side of one milestone ends exactly where the "before" side of the next starts, to the millisecond,
 * and every incident between two milestones is counted on one side of each, once. Exposure is measured on the
 * same scale for every side: each local day is 1 day (a clock-change day too, statistics.md §1.4) and an
 * instant inside a day counts as the share of that day already gone; a side's days are its end's position
 * minus its start's, so neighbouring sides' exposures add up to the days they span.
 */
import type { Comparison } from '../../model/escalation.js';
import { allowingForOverdispersion, periodLength } from '../../model/escalation-words.js';
import { dateOf, poissonStep, rateRatioTest } from '../stats/index.js';
import { type Ctx, lowerBound, MIN, plural } from './context.js';
import type { DayRange } from './window.js';

type Period = Comparison['before'];

/** Where an instant falls: itself, its local day and the share of that day before it (0 for 00:00). */
export interface Split {
  readonly ms: number;
  readonly day: number;
  readonly fraction: number;
}

/** A boundary that can end one side of a comparison: the instant the next side starts. */
export interface Boundary extends Split {
  readonly kind: 'milestone' | 'change-point';
}

/** A split at an instant, in the case zone. */
export function splitAt(ctx: Pick<Ctx, 'zone'>, ms: number): Split {
  const day = ctx.zone.localDayNumber(ms);
  const start = ctx.zone.startOfLocalDay(day);
  const end = ctx.zone.startOfLocalDay(day + 1);
  return { ms, day, fraction: end > start ? (ms - start) / (end - start) : 0 };
}

/** The start (00:00 local, or the day's first instant) of a day number, as a split. */
export function dayStart(ctx: Pick<Ctx, 'zone'>, day: number): Split {
  return { ms: ctx.zone.startOfLocalDay(day), day, fraction: 0 };
}

/** Days from one split to another: whole days apart plus the difference of the shares of their days gone (the
 *  integer part first, so that 8 days and 14.5 hours reads 8.604166666666666, not a sum rounded near 20,000). */
const between = (a: Split, b: Split) => b.day - a.day + (b.fraction - a.fraction);

/** One side [start, end): its days touched, exposure and count. */
function period(start: Split, end: Split, count: number, boundedBy: string | null): Period {
  const has = end.ms > start.ms;
  const days = has ? between(start, end) : 0;
  return {
    from: has ? dateOf(start.day) : null,
    // The last day the side touches: the day before its end, or the end's own day when it ends inside it.
    to: has ? dateOf(end.fraction > 0 ? end.day : end.day - 1) : null,
    days,
    count,
    ratePerDay: days > 0 ? count / days : null,
    boundedBy,
  };
}

/**
 * Compares the rate after `split` with the rate before it inside `range`, each side ending at the nearest
 * boundary. `edge` names what ends the range itself (`window` or `coverage`).
 */
export function splitComparison(
  ctx: Ctx,
  split: Split,
  range: DayRange,
  edges: { before: string; after: string },
  boundaries: readonly Boundary[],
): Comparison {
  let lo = dayStart(ctx, range.from);
  let loBy = edges.before;
  let hi = dayStart(ctx, range.to + 1);
  let hiBy = edges.after;
  for (const b of boundaries) {
    if (b.ms <= lo.ms || b.ms >= hi.ms) continue; // outside the range (the loop only narrows it)
    if (b.kind === 'change-point' && Math.abs(b.day - split.day) < MIN.sideDays) continue;
    // A boundary at the split's own instant (two milestones at one time) bounds neither side.
    if (b.ms < split.ms) {
      lo = b;
      loBy = b.kind;
    }
    if (b.ms > split.ms) {
      hi = b;
      hiBy = b.kind;
    }
  }
  // A split before or after the range leaves one side the whole range (up to its boundary) and the other none
  // (not the days between the split and the range).
  const mid = split.ms < lo.ms ? lo : split.ms > hi.ms ? hi : split;
  const i0 = lowerBound(ctx.windowed, lo.ms);
  const i1 = lowerBound(ctx.windowed, mid.ms);
  const i2 = lowerBound(ctx.windowed, hi.ms);
  const before = period(lo, mid, i1 - i0, loBy);
  const after = period(mid, hi, i2 - i1, hiBy);
  // The step model works on whole days: a day a boundary or the split cuts is mixed and left out.
  const cut = (d: number) => [lo, mid, hi].some((s) => s.day === d && s.fraction > 0);
  const daily: number[] = [];
  let splitIndex = 0;
  for (let d = lo.day; d < hi.day; d++) {
    if (cut(d)) continue;
    if (d < mid.day) splitIndex++;
    daily.push(ctx.counts[d - ctx.window.from] ?? 0);
  }
  return compare(before, after, daily, splitIndex);
}

/**
 * Two sides given as counts and days only, with why no rate ratio is given (status `not-computable`): days not
 * covered by every export, whose rates would compare what was exported rather than what happened.
 */
export function countsOnly(sides: Pick<Comparison, 'before' | 'after'>, reason: string): Comparison {
  return {
    before: sides.before,
    after: sides.after,
    rateRatio: null,
    ci95: [null, null],
    p: null,
    overdispersed: null,
    adjustedForTrend: null,
    status: 'not-computable',
    reason,
  };
}

/**
 * The comparison of two periods, withheld below the minimums (14 days each side, 5 contacts in all). `ends`: the
 * two periods are the first and the last days of a range, of equal length, not the two sides of a date, so a short
 * reason says "only 1 day at each end", not "1 day before and 1 day after" (before and after what?). The figures
 * allowing for overdispersion are given when the step model fitted to `daily` has φ̂ > 1.
 */
export function compare(
  before: Period,
  after: Period,
  daily: readonly number[] | null,
  splitIndex: number,
  trendAdjusted = true,
  ends = false,
): Comparison {
  const base = { before, after };
  const none = {
    rateRatio: null,
    ci95: [null, null] as [null, null],
    p: null,
    overdispersed: null,
    adjustedForTrend: null,
  };
  const short: string[] = [];
  // A side shorter than a day is said in hours ("only 2 hours after"): every report prints this reason. A side
  // with no day at all is said to have none ("only 0 days before" read as if days were missing).
  const sides = [['before', before] as const, ['after', after] as const];
  const empty = sides.find(([, p]) => p.days === 0);
  for (const [name, p] of sides) if (p.days < MIN.sideDays) short.push(`${periodLength(p.days)} ${name}`);
  if (short.length > 0) {
    return {
      ...base,
      ...none,
      status: 'below-minimum',
      reason:
        empty && !ends
          ? `no ${empty[1].boundedBy === 'coverage' ? 'day that every export covers' : 'day of the window'} is ${empty[0]} it, so there is nothing to compare with`
          : ends
            ? `only ${periodLength(before.days)} at each end (at least ${MIN.sideDays} days at each end are needed)`
            : `only ${short.join(' and ')} (at least ${MIN.sideDays} days each side are needed)`,
    };
  }
  if (before.count + after.count < MIN.comparisonEvents) {
    return {
      ...base,
      ...none,
      status: 'below-minimum',
      reason: `only ${plural(before.count + after.count, 'contact')} in all (at least ${MIN.comparisonEvents} are needed)`,
    };
  }
  const t = rateRatioTest({
    countAfter: after.count,
    daysAfter: after.days,
    countBefore: before.count,
    daysBefore: before.days,
  });
  const step = daily && daily.length > 2 ? poissonStep(daily, splitIndex) : null;
  const phi = step?.dispersion ?? null;
  const quasi =
    step && step.reason === null && phi !== null && phi > 1
      ? { phi, ci95: step.quasi.ci, p: step.quasi.p }
      : null;
  const adj = trendAdjusted ? (step?.adjustedForTrend ?? null) : null;
  // Separation (the step model's whole days on one side have no contacts) is said to be not computable on the same
  // condition as every other figure allowing for overdispersion: the step model's own φ̂ > 1. The trend model's φ̂
  // had decided it, so steady counts after none (φ̂ 0 in the step model) read as overdispersed.
  const od: Comparison['overdispersed'] =
    quasi ??
    (step?.reason === 'separation' && phi !== null && phi > 1 ? { phi, ci95: [null, null], p: null } : null);
  // Which figures the reports give allowing for overdispersion, for scripts that read the JSON.
  const shownAs = allowingForOverdispersion({
    before,
    after,
    ci95: t.ci,
    p: t.pExact,
    overdispersed: od,
  })?.kind;
  return {
    ...base,
    rateRatio: t.rateRatio,
    ci95: t.ci,
    p: t.pExact,
    overdispersed: od && shownAs ? { ...od, shownAs } : od,
    adjustedForTrend: adj ? { rateRatio: adj.rateRatio, ci95: adj.poisson.ci } : null,
    status: 'ok',
    reason:
      t.rateRatio === null && before.count === 0
        ? 'no contacts before: the rate ratio is infinite, the interval gives its lower bound'
        : null,
  };
}
