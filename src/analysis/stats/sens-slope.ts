/**
 * Sen's slope (median of all pairwise slopes) with Gilbert's (1987) rank interval, exactly as R
 * `trend::sens.slope` 1.1.6 (statistics.md §2.3).
 *
 * Up to `maxStoredPairs` pairs the slopes are stored and sorted, which reproduces R bit for bit. Longer series
 * (thousands of gaps between events) use selection by bisection on the slope value, counting the pairs below a
 * candidate in O(n log n) without storing them (bounded memory); it agrees with the stored path to ~1e-15.
 */
import { countInversions, senHalfWidth, tieGroupSizes } from './mann-kendall.js';
import { type Num, roundHalfEven, type Series } from './numeric.js';

/** Result of {@link senSlope}. */
export interface SenSlope {
  readonly n: number;
  /** Median pairwise slope, per step of the series (per day for daily counts); null for n < 2. */
  readonly slope: Num;
  /** Gilbert's interval; a bound is null when its rank falls outside 1..N′ (series too short). */
  readonly ci: [Num, Num];
  readonly confLevel: number;
  /** N′ = n(n−1)/2. */
  readonly nPairs: number;
  /** The 1-based ranks M₁, M₂ of the interval bounds among the sorted slopes; null for n < 2. */
  readonly ciRanks: [number, number] | null;
  /** Share of pair slopes that are exactly 0: above ½, prefer weekly counts (§2.3). */
  readonly shareZeroPairSlopes: Num;
  readonly method: 'stored' | 'bisection';
}

/** Options of {@link senSlope}. */
export interface SenOptions {
  readonly confLevel?: number;
  /** Above this many pairs, select by bisection instead of storing them (default 4,000,000 ≈ 32 MB). */
  readonly maxStoredPairs?: number;
}

/**
 * Sen's slope and its interval. Caveat: with sparse counts most pair slopes are 0 and so is the slope (check
 * `shareZeroPairSlopes`, and use complete weeks); the interval assumes independent observations.
 */
export function senSlope(x: Series, options: SenOptions = {}): SenSlope {
  const confLevel = options.confLevel ?? 0.95;
  const n = x.length;
  const nPairs = n < 2 ? 0 : (n * (n - 1)) / 2;
  const stored = nPairs <= (options.maxStoredPairs ?? 4_000_000);
  const method = stored ? 'stored' : 'bisection';
  if (n < 2) {
    return {
      n,
      slope: null,
      ci: [null, null],
      confLevel,
      nPairs,
      ciRanks: null,
      shareZeroPairSlopes: null,
      method,
    };
  }
  const groups = tieGroupSizes(x);
  let tied = 0;
  for (const t of groups) tied += (t * (t - 1)) / 2;
  const c = senHalfWidth(n, groups, confLevel);
  const lo = roundHalfEven((nPairs - c) / 2);
  const hi = roundHalfEven((nPairs + c) / 2 + 1);
  const kth = stored ? storedSelector(x) : bisectionSelector(x, tied);
  const at = (rank: number): Num => (rank >= 1 && rank <= nPairs ? kth(rank) : null);
  const h = Math.floor(nPairs / 2);
  const slope = nPairs % 2 === 1 ? kth(h + 1) : (kth(h) + kth(h + 1)) / 2;
  return {
    n,
    slope,
    ci: [at(lo), at(hi)],
    confLevel,
    nPairs,
    ciRanks: [lo, hi],
    shareZeroPairSlopes: tied / nPairs,
    method,
  };
}

/** k-th smallest pair slope (1-based) from all slopes, stored and sorted. */
function storedSelector(x: Series): (k: number) => number {
  const n = x.length;
  const slopes = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = x[i]!;
    for (let j = i + 1; j < n; j++) slopes[p++] = (x[j]! - xi) / (j - i);
  }
  slopes.sort();
  return (k) => slopes[k - 1]!;
}

/**
 * k-th smallest pair slope by bisection on the value: #{i<j : slope ≤ s} = #{i<j : x_i − s·i ≥ x_j − s·j}, an
 * inversion count. Negative slopes number exactly the strict inversions of x and zero slopes the tied pairs, so
 * the common answer 0 is exact and the bisection runs only on one side of it, down to adjacent doubles.
 */
function bisectionSelector(x: Series, tied: number): (k: number) => number {
  const n = x.length;
  const negative = countInversions(x);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    min = Math.min(min, x[i]!);
    max = Math.max(max, x[i]!);
  }
  const range = max - min; // no pair slope exceeds it in absolute value
  const v = new Float64Array(n);
  const atMost = (s: number): number => {
    for (let i = 0; i < n; i++) v[i] = x[i]! - s * i;
    return countInversions(v, true);
  };
  return (k) => {
    if (k > negative && k <= negative + tied) return 0;
    let lo = k <= negative ? -range - 1 : 0; // count(lo) < k
    let hi = k <= negative ? 0 : range; //        count(hi) ≥ k
    for (let i = 0; i < 2200; i++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (atMost(mid) >= k) hi = mid;
      else lo = mid;
    }
    return hi;
  };
}
