/**
 * Binomial probabilities and the exact binomial test exactly as R's `binom.test` computes it.
 *
 * Tails come from the regularised incomplete beta, never from 1 − cdf (which turns 2.5e-58 into 4.8e-59 in
 * @stdlib's binomial test, statistics.md §5.1); the point probabilities use Loader's method, as R's `dbinom`.
 */
import { betaQuantile, betaTails } from './incomplete-beta.js';
import { logBinomialDensity } from './log-gamma.js';

/** P(X = k) for X ~ Binomial(n, p), k an integer (R `dbinom(k, n, p)`). */
export function binomialPmf(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || k < 0 || k > n) return 0;
  return Math.exp(logBinomialDensity(k, n, p, 1 - p));
}

/** P(X ≤ k) (R `pbinom(k, n, p)`), accurate when tiny: P(X ≤ k) = 1 − I_p(k + 1, n − k). */
export function binomialLower(k: number, n: number, p: number): number {
  const j = Math.floor(k + 1e-7);
  if (j < 0) return 0;
  if (j >= n) return 1;
  return betaTails(p, j + 1, n - j).upper;
}

/** P(X ≥ k) (R `pbinom(k − 1, n, p, lower.tail = FALSE)`), accurate when tiny: P(X ≥ k) = I_p(k, n − k + 1). */
export function binomialUpper(k: number, n: number, p: number): number {
  const j = Math.ceil(k - 1e-7);
  if (j <= 0) return 1;
  if (j > n) return 0;
  return betaTails(p, j, n - j + 1).lower;
}

/**
 * Clopper–Pearson interval for a binomial proportion x/n (R `binom.test(x, n)$conf.int`): beta quantiles, with
 * 0 and 1 at the boundaries. Conservative by construction (coverage ≥ the nominal level).
 */
export function clopperPearson(x: number, n: number, confLevel = 0.95): [number, number] {
  if (n <= 0) return [0, 1];
  const alpha = 1 - confLevel;
  const lo = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
  const hi = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
  return [lo, hi];
}

/** Result of {@link binomialTest}. */
export interface BinomialTest {
  /** x/n; null when n = 0. */
  readonly estimate: number | null;
  /** Two-sided exact p-value by R's rule (sum of the probabilities no larger than that of x). */
  readonly pValue: number;
  /** Clopper–Pearson interval for the proportion. */
  readonly ci: [number, number];
}

/**
 * Exact two-sided binomial test of H₀: π = p, as R `binom.test(x, n, p)`: p-value = P(x) plus the opposite tail of
 * values whose probability is at most d·(1 + 1e-7), d = P(X = x); Clopper–Pearson interval. With n = 0 there is
 * no information: p = 1 and the interval is [0, 1] (R stops instead).
 */
export function binomialTest(x: number, n: number, p: number, confLevel = 0.95): BinomialTest {
  if (n <= 0) return { estimate: null, pValue: 1, ci: [0, 1] };
  return { estimate: x / n, pValue: binomialTwoSidedP(x, n, p), ci: clopperPearson(x, n, confLevel) };
}

/** R's two-sided "minimum likelihood" p-value of `binom.test`. */
export function binomialTwoSidedP(x: number, n: number, p: number): number {
  const relErr = 1 + 1e-7;
  const d = binomialPmf(x, n, p);
  const m = n * p;
  const bound = d * relErr;
  if (x === m) return 1;
  let pValue: number;
  if (x < m) {
    // The pmf does not increase on [⌈m⌉, n] (the mode is ⌊(n+1)p⌋ ≤ ⌈m⌉), so the qualifying i form a suffix.
    const first = firstFrom(Math.ceil(m), n, (i) => binomialPmf(i, n, p) <= bound);
    const y = n - first + 1;
    pValue = binomialLower(x, n, p) + binomialUpper(n - y + 1, n, p);
  } else {
    // …and does not decrease on [0, ⌊m⌋], so there they form a prefix.
    const last = lastUpTo(0, Math.floor(m), (i) => binomialPmf(i, n, p) <= bound);
    const y = last + 1;
    pValue = binomialLower(y - 1, n, p) + binomialUpper(x, n, p);
  }
  return Math.min(1, pValue);
}

/** Smallest i in [lo, hi] with ok(i), for ok monotone false→true; hi + 1 if none. */
function firstFrom(lo: number, hi: number, ok: (i: number) => boolean): number {
  let a = lo;
  let b = hi + 1;
  while (a < b) {
    const mid = Math.floor((a + b) / 2);
    if (ok(mid)) b = mid;
    else a = mid + 1;
  }
  return a;
}

/** Largest i in [lo, hi] with ok(i), for ok monotone true→false; lo − 1 if none. */
function lastUpTo(lo: number, hi: number, ok: (i: number) => boolean): number {
  let a = lo - 1;
  let b = hi;
  while (a < b) {
    const mid = Math.ceil((a + b) / 2);
    if (ok(mid)) a = mid;
    else b = mid - 1;
  }
  return a;
}
