/**
 * Before/after a known date (warning, order, arrest), the pre-specified comparison of statistics.md §0: the exact
 * conditional rate-ratio test as the primary figure, with the step models beside it.
 */
import type { Series } from './numeric.js';
import { type RateRatioTest, rateRatioTest } from './rate-ratio.js';
import { type PoissonStep, poissonStep } from './step-model.js';

/** Result of {@link beforeAfter}. */
export interface BeforeAfter {
  /** 0-based index of the first "after" day (before = [0, split), after = [split, n)). */
  readonly splitIndex: number;
  /** The primary figure. */
  readonly exact: RateRatioTest;
  /** Poisson and quasi-Poisson step (print the quasi interval when its φ̂ > 1) and the trend-adjusted step. */
  readonly step: PoissonStep;
}

/**
 * Exact test and step models for a dense daily series split at `splitIndex`. The split must come from outside the
 * data (a real warning or order date), never from PELT. For no-data days, call {@link rateRatioTest} directly with
 * the observed days as exposure.
 */
export function beforeAfter(
  counts: Series,
  splitIndex: number,
  options: { confLevel?: number } = {},
): BeforeAfter {
  const n = counts.length;
  const split = Math.max(0, Math.min(n, splitIndex));
  let before = 0;
  let after = 0;
  for (let i = 0; i < n; i++) {
    if (i < split) before += counts[i]!;
    else after += counts[i]!;
  }
  const exact = rateRatioTest(
    { countAfter: after, daysAfter: n - split, countBefore: before, daysBefore: split },
    options.confLevel,
  );
  return { splitIndex: split, exact, step: poissonStep(counts, split, options) };
}
