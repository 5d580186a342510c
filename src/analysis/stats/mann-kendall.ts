/**
 * Mann–Kendall trend test with the tie correction, exactly as R `trend::mk.test` 1.1.6 (statistics.md §2.3).
 * S is counted in O(n log n) by merge-sort inversion counting (Knight 1966), so long gap sequences stay cheap.
 */

import { normalQuantile, twoSidedNormalP } from './normal.js';
import { finite, type Num, type Series } from './numeric.js';

/** Result of {@link mannKendall}. */
export interface MannKendall {
  readonly n: number;
  /** S = Σ_{i<j} sign(x_j − x_i); positive for a rising series. */
  readonly S: number;
  /** Var(S) under H₀ with the tie correction. */
  readonly varS: number;
  /** Kendall's τ-b against time; null when every value is tied. */
  readonly tau: Num;
  /** Continuity-corrected Z and its two-sided p (the headline, as trend::mk.test). */
  readonly z: number;
  readonly p: number;
  /** Z = S/√Var(S) and p without the correction (as scipy's kendalltau); null when Var(S) = 0. */
  readonly zNoContinuity: Num;
  readonly pNoContinuity: Num;
  /** Number of groups of equal values with more than one member. */
  readonly tieGroups: number;
}

/** Sizes of the groups of equal values (all groups, singletons included). */
export function tieGroupSizes(x: Series): number[] {
  const s = Float64Array.from(x).sort();
  const sizes: number[] = [];
  let run = 1;
  for (let i = 1; i <= s.length; i++) {
    if (i < s.length && s[i] === s[i - 1]) run++;
    else if (s.length > 0) {
      sizes.push(run);
      run = 1;
    }
  }
  return sizes;
}

/** Var(S) = [n(n−1)(2n+5) − Σ t(t−1)(2t+5)]/18 over the tie-group sizes t. */
export function mannKendallVariance(n: number, groups: readonly number[]): number {
  let ties = 0;
  for (const t of groups) ties += t * (t - 1) * (2 * t + 5);
  return (n * (n - 1) * (2 * n + 5) - ties) / 18;
}

/**
 * Number of pairs i < j with x_i > x_j (strict inversions), by bottom-up merge sort in O(n log n); with `orEqual`,
 * pairs with x_i ≥ x_j. Exact integer arithmetic up to n ≈ 10⁸.
 */
export function countInversions(x: Series, orEqual = false): number {
  const n = x.length;
  let src = Float64Array.from(x);
  let dst = new Float64Array(n);
  let count = 0;
  for (let width = 1; width < n; width *= 2) {
    for (let start = 0; start < n; start += 2 * width) {
      const mid = Math.min(start + width, n);
      count += mergeCounting(src, dst, start, mid, Math.min(start + 2 * width, n), orEqual);
    }
    const t = src;
    src = dst;
    dst = t;
  }
  return count;
}

/** Merge src[start, mid) and src[mid, end) into dst, returning how many (left, right) pairs it finds inverted. */
function mergeCounting(
  src: Float64Array,
  dst: Float64Array,
  start: number,
  mid: number,
  end: number,
  orEqual: boolean,
) {
  let i = start;
  let j = mid;
  let k = start;
  let count = 0;
  while (i < mid && j < end) {
    const a = src[i]!;
    const b = src[j]!;
    if (a < b || (a === b && !orEqual)) {
      dst[k++] = a;
      i++;
    } else {
      count += mid - i; // every remaining left value is above (or equal to) b
      dst[k++] = b;
      j++;
    }
  }
  while (i < mid) dst[k++] = src[i++]!;
  while (j < end) dst[k++] = src[j++]!;
  return count;
}

/**
 * Two-sided Mann–Kendall test of a monotone trend, with the tie correction and continuity-corrected Z. Caveats:
 * bursty days are autocorrelated, which makes p too small (show the quasi-Poisson trend beside it); the normal
 * approximation is poor below n = 10; a monotone test misses up-then-down patterns. Never NaN: for n < 2 or an
 * all-tied series S = 0, Z = 0, p = 1.
 */
export function mannKendall(x: Series): MannKendall {
  const n = x.length;
  const groups = tieGroupSizes(x);
  const varS = mannKendallVariance(n, groups);
  const pairs = n < 2 ? 0 : (n * (n - 1)) / 2;
  let tied = 0;
  for (const t of groups) tied += (t * (t - 1)) / 2;
  const discordant = countInversions(x);
  const S = pairs - tied - 2 * discordant;
  const z = S > 0 ? (S - 1) / Math.sqrt(varS) : S < 0 ? (S + 1) / Math.sqrt(varS) : 0;
  const zPlain = varS > 0 ? S / Math.sqrt(varS) : null;
  return {
    n,
    S,
    varS,
    tau: finite(S / (Math.sqrt(pairs - tied) * Math.sqrt(pairs))),
    z,
    p: twoSidedNormalP(z),
    zNoContinuity: zPlain,
    pNoContinuity: zPlain === null ? null : twoSidedNormalP(zPlain),
    tieGroups: groups.filter((t) => t > 1).length,
  };
}

/** Half-width C = z_{1−α/2}·√Var(S) of Gilbert's rank interval for Sen's slope. */
export function senHalfWidth(n: number, groups: readonly number[], confLevel: number): number {
  return normalQuantile(1 - (1 - confLevel) / 2) * Math.sqrt(mannKendallVariance(n, groups));
}
