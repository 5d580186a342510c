/**
 * Laplace (Cox–Lewis 1966) test for a trend in the rate of a point process (statistics.md §2.7).
 */
import { twoSidedNormalP } from './normal.js';
import type { Num, Series } from './numeric.js';

/** Result of {@link laplaceTest}. */
export interface LaplaceTest {
  /** U ~ N(0, 1) under a homogeneous Poisson process; U > 0 means events concentrate late (escalation). */
  readonly U: Num;
  readonly pTwoSided: Num;
  readonly nInWindow: number;
  readonly nOutsideWindow: number;
  readonly windowSeconds: number;
}

/**
 * U = (Σtᵢ/n − T/2) / (T·√(1/(12n))) over the events in [startMs, endMs), tᵢ from the window start. Pass the
 * series' window from local midnight of its first day to local midnight after its last day in the victim's zone,
 * which makes it DST-aware (180 days − 1 h across a UK spring-forward). Caveat: bursts make p optimistic.
 */
export function laplaceTest(timesMs: Series, startMs: number, endMs: number): LaplaceTest {
  const windowSeconds = (endMs - startMs) / 1000;
  let n = 0;
  let total = 0;
  for (let i = 0; i < timesMs.length; i++) {
    const t = timesMs[i]!;
    if (t >= startMs && t < endMs) {
      n++;
      total += (t - startMs) / 1000;
    }
  }
  const base = { nInWindow: n, nOutsideWindow: timesMs.length - n, windowSeconds };
  if (n === 0 || !(windowSeconds > 0)) return { ...base, U: null, pTwoSided: null };
  const U = (total / n - windowSeconds / 2) / (windowSeconds * Math.sqrt(1 / (12 * n)));
  return { ...base, U, pTwoSided: twoSidedNormalP(U) };
}
