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
 */
import type { Comparison } from '../../model/escalation.js';
import { dateOf, poissonStep, rateRatioTest } from '../stats/index.js';
import { type Ctx, lowerBound, MIN, plural } from './context.js';
import type { DayRange } from './window.js';

type Period = Comparison['before'];

/** A boundary that can end one side of a comparison. */
export interface Boundary {
  readonly day: number;
  readonly kind: 'milestone' | 'change-point';
}

/** Where a split falls: its instant, local day and the share of that day before it (0 for 00:00). */
export interface Split {
  readonly ms: number;
  readonly day: number;
  readonly fraction: number;
}

/** A split at an instant, in the case zone. */
export function splitAt(ctx: Pick<Ctx, 'zone'>, ms: number): Split {
  const day = ctx.zone.localDayNumber(ms);
  const start = ctx.zone.startOfLocalDay(day);
  const end = ctx.zone.startOfLocalDay(day + 1);
  return { ms, day, fraction: end > start ? (ms - start) / (end - start) : 0 };
}

function period(from: number, to: number, days: number, count: number, boundedBy: string | null): Period {
  const has = to >= from;
  return {
    from: has ? dateOf(from) : null,
    to: has ? dateOf(to) : null,
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
  let lo = range.from;
  let loBy = edges.before;
  let hi = range.to;
  let hiBy = edges.after;
  for (const b of boundaries) {
    const near = b.kind === 'change-point' && Math.abs(b.day - split.day) < MIN.sideDays;
    if (near || b.day === split.day) continue;
    if (b.day < split.day && b.day > lo) {
      lo = b.day;
      loBy = b.kind;
    }
    if (b.day > split.day && b.day - 1 < hi) {
      hi = b.day - 1;
      hiBy = b.kind;
    }
  }
  const startMs = ctx.zone.startOfLocalDay(lo);
  const endMs = ctx.zone.startOfLocalDay(hi + 1);
  const splitMs = Math.min(Math.max(split.ms, startMs), endMs);
  const i0 = lowerBound(ctx.windowed, startMs);
  const i1 = lowerBound(ctx.windowed, splitMs);
  const i2 = lowerBound(ctx.windowed, endMs);
  // A split before or after the range leaves one side the whole range and the other none (not the days between
  // the milestone and the range).
  const beforeDays = split.day < lo ? 0 : split.day > hi ? hi + 1 - lo : split.day - lo + split.fraction;
  const afterDays = split.day < lo ? hi + 1 - lo : split.day > hi ? 0 : hi - split.day + 1 - split.fraction;
  const before = period(
    lo,
    Math.min(hi, split.fraction > 0 ? split.day : split.day - 1),
    beforeDays,
    i1 - i0,
    loBy,
  );
  const after = period(Math.max(lo, split.day), hi, afterDays, i2 - i1, hiBy);
  // The step model works on whole days: a split during a day leaves that mixed day out.
  const daily: number[] = [];
  let splitIndex = 0;
  for (let d = lo; d <= hi; d++) {
    if (d === split.day && split.fraction > 0) continue;
    if (d < split.day) splitIndex++;
    daily.push(ctx.counts[d - ctx.window.from] ?? 0);
  }
  return compare(before, after, daily, splitIndex, ctx.phi !== null);
}

/** The comparison of two periods, withheld below the minimums (14 days each side, 5 contacts in all). */
export function compare(
  before: Period,
  after: Period,
  daily: readonly number[] | null,
  splitIndex: number,
  overdispersed: boolean,
  trendAdjusted = true,
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
  if (before.days < MIN.sideDays) short.push(`${fmtDays(before.days)} before`);
  if (after.days < MIN.sideDays) short.push(`${fmtDays(after.days)} after`);
  if (short.length > 0) {
    return {
      ...base,
      ...none,
      status: 'below-minimum',
      reason: `only ${short.join(' and ')} (at least ${MIN.sideDays} days each side are needed)`,
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
  return {
    ...base,
    rateRatio: t.rateRatio,
    ci95: t.ci,
    p: t.pExact,
    overdispersed:
      quasi ?? (overdispersed && step?.reason === 'separation' ? { phi, ci95: [null, null], p: null } : null),
    adjustedForTrend: adj ? { rateRatio: adj.rateRatio, ci95: adj.poisson.ci } : null,
    status: 'ok',
    reason:
      t.rateRatio === null && before.count === 0
        ? 'no contacts before: the rate ratio is infinite, the interval gives its lower bound'
        : null,
  };
}

function fmtDays(d: number): string {
  const r = Number.isInteger(d) ? String(d) : d.toFixed(1);
  return `${r} day${d === 1 ? '' : 's'}`;
}
