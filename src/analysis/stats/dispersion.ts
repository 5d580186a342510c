/**
 * Index of dispersion and the χ² dispersion test of a daily series against a constant Poisson rate
 * (statistics.md §2.2).
 */
import { chiSquareUpper } from './incomplete-gamma.js';
import { finite, meanAndSquares, type Num, type Series } from './numeric.js';

/** Result of {@link dispersionTest}. */
export interface DispersionTest {
  readonly n: number;
  readonly mean: Num;
  /** Sample variance s² (divisor n − 1). */
  readonly variance: Num;
  /** I = s²/x̄; 1 for Poisson counts. */
  readonly index: Num;
  /** D = Σ(x − x̄)²/x̄ = (n − 1)·I, compared with χ²(n − 1). */
  readonly statistic: Num;
  readonly df: number;
  /** Upper-tail p-value Q((n − 1)/2, D/2), small when the counts are overdispersed. */
  readonly pOverdispersed: Num;
  /** Why the test is undefined (`too-few-days`, `no-events`), else null. */
  readonly reason: string | null;
}

/**
 * Dispersion index s²/x̄ and test D = (n − 1)s²/x̄ ~ χ²(n − 1), p from the upper incomplete gamma (1 − cdf underflows
 * to 0 where the truth is 2.5e-31). Caveat: a model check, not a headline — a trend or a step inflates I too, so
 * choose the model with the Pearson φ̂ of the fitted model instead. Undefined (null) for an all-zero series or n < 2.
 */
export function dispersionTest(counts: Series): DispersionTest {
  const n = counts.length;
  const df = Math.max(0, n - 1);
  if (n < 2) {
    const mean = n === 1 ? counts[0]! : null;
    return {
      n,
      mean,
      variance: null,
      index: null,
      statistic: null,
      df,
      pOverdispersed: null,
      reason: 'too-few-days',
    };
  }
  const { mean, squares } = meanAndSquares(counts);
  const variance = squares / (n - 1);
  if (mean === 0) {
    return { n, mean, variance, index: null, statistic: null, df, pOverdispersed: null, reason: 'no-events' };
  }
  const statistic = ((n - 1) * variance) / mean;
  return {
    n,
    mean,
    variance,
    index: finite(variance / mean),
    statistic: finite(statistic),
    df,
    pOverdispersed: finite(chiSquareUpper(statistic, df)),
    reason: null,
  };
}
