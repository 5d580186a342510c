/**
 * The contact rate with its exact (Garwood 1936) interval, per day, per week and per 30 days (statistics.md §2.1).
 */
import { gammaQuantile } from './incomplete-gamma.js';
import type { Num } from './numeric.js';

/** A rate with its interval, in one unit of time. */
export interface RateWithCi {
  readonly rate: Num;
  readonly ci: [Num, Num];
}

/** Result of {@link poissonRate}. */
export interface PoissonRate {
  readonly total: number;
  /** Exposure in days (observed days only, statistics.md §1.3). */
  readonly days: number;
  readonly confLevel: number;
  readonly perDay: RateWithCi;
  readonly perWeek: RateWithCi;
  readonly per30Days: RateWithCi;
  /** Why the rate is null (no exposure), else null. */
  readonly reason: string | null;
}

/**
 * Exact Poisson interval for a count N: [G⁻¹(α/2; N), G⁻¹(1 − α/2; N + 1)], lower bound 0 when N = 0 (R
 * `poisson.test(N)$conf.int`). With N = 0 the upper bound is −ln(α/2) = 3.689 at 95%, still informative.
 */
export function garwoodInterval(total: number, confLevel = 0.95): [number, number] {
  const alpha = 1 - confLevel;
  const lo = total === 0 ? 0 : gammaQuantile(alpha / 2, total);
  return [lo, gammaQuantile(1 - alpha / 2, total + 1)];
}

/**
 * Rate of `total` events over `days` days of exposure, with the exact Garwood interval, per day, per 7 and per 30
 * days. Caveat: the interval assumes independent (Poisson) events, so it is too narrow for bursty contact; show
 * days with contact beside it. Null rates (with a reason) when days = 0.
 */
export function poissonRate(total: number, days: number, confLevel = 0.95): PoissonRate {
  if (!(days > 0)) {
    const none: RateWithCi = { rate: null, ci: [null, null] };
    return { total, days, confLevel, perDay: none, perWeek: none, per30Days: none, reason: 'no-exposure' };
  }
  const [lo, hi] = garwoodInterval(total, confLevel);
  const per = (unit: number): RateWithCi => ({
    rate: (unit * total) / days,
    ci: [(unit * lo) / days, (unit * hi) / days],
  });
  return { total, days, confLevel, perDay: per(1), perWeek: per(7), per30Days: per(30), reason: null };
}
