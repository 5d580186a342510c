/**
 * Exact k-th smallest pairwise slope (x_j − x_i)/(j − i) without storing all n(n−1)/2 slopes: the bounded-memory
 * path of Sen's slope for long sequences such as thousands of gaps between events (statistics.md §2.3).
 *
 * Method: the number of pairs with slope ≤ s is an inversion count of v_i = x_i − s·i (Knight 1966), O(n log n).
 * A bracket (lo, hi] from a fixed-seed sample of pairs, then bisection, narrows the candidates to at most `limit`
 * pairs; those are enumerated exactly — ordered by v at lo, they are precisely the inversions of v at hi (Cole et
 * al. 1989) — and sorted. The slopes are computed as R computes them, so the result is the same double as sorting
 * all slopes.
 */
import { countInversions, tieGroupSizes } from './mann-kendall.js';
import type { Series } from './numeric.js';

/** Returns kth(k), the k-th smallest (1-based) pairwise slope of x; `limit` bounds the pairs held at once. */
export function pairSlopeSelector(x: Series, limit = Math.max(4096, 2 * x.length)): (k: number) => number {
  const n = x.length;
  const pairs = (n * (n - 1)) / 2;
  const values = Float64Array.from(x).sort();
  const range = n > 0 ? values[n - 1]! - values[0]! : 0; // |slope| ≤ range for every pair
  // Negative slopes are the strict inversions of x and zero slopes the tied pairs, so the common answer 0 (sparse
  // counts) is exact and immediate. No nonzero slope is smaller in size than the smallest gap between distinct
  // values over n − 1, so ±half that separates the two sides from 0.
  const negative = countInversions(x);
  let tied = 0;
  for (const t of tieGroupSizes(x)) tied += (t * (t - 1)) / 2;
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < n; i++)
    if (values[i]! > values[i - 1]!) gap = Math.min(gap, values[i]! - values[i - 1]!);
  const nearZero = gap / Math.max(1, n - 1) / 2;
  const key = new Float64Array(n);
  const setKey = (s: number) => {
    for (let i = 0; i < n; i++) key[i] = x[i]! - s * i;
  };
  /** Pairs with slope ≤ s: pairs i < j with key[i] ≥ key[j]. */
  const atMost = (s: number): number => {
    setKey(s);
    return countInversions(key, true);
  };
  // The sample's size trades its own cost (m log m) against bisection steps (n log n each; doubling the sample
  // saves half a step), so it grows with n: 2n pairs, from 2,048 to 50,000. A daily series of 1,390 days took
  // ~10 ms less than with 50,000 always, and a series of 100,000 gaps samples 50,000 as before. The answer does not
  // depend on it, except in the fallback below for more than `limit` slopes within a few ulps of each other.
  const sample = sampleSlopes(x, Math.min(pairs, Math.max(2048, Math.min(50_000, 2 * n))));
  let cache: { cLo: number; cHi: number; slopes: Float64Array } | null = null; // the two middle ranks share it
  return (k) => {
    if (k > negative && k <= negative + tied) return 0;
    if (cache && k > cache.cLo && k <= cache.cHi) return cache.slopes[k - cache.cLo - 1]!;
    const below = k <= negative;
    let lo = below ? -range - 1 : nearZero;
    let hi = below ? -nearZero : range + 1;
    let cLo = below ? 0 : atMost(lo);
    let cHi = below ? atMost(hi) : pairs;
    // Jump close to the answer with the sample's quantiles (6 binomial SDs either side), when they bracket it.
    const f = (k - 0.5) / pairs;
    const margin = 6 * Math.sqrt((f * (1 - f)) / sample.length) + 2 / sample.length;
    const qLo = sample[Math.max(0, Math.floor((f - margin) * sample.length))];
    const qHi = sample[Math.min(sample.length - 1, Math.ceil((f + margin) * sample.length))];
    if (qLo !== undefined && qLo > lo && qLo < hi) {
      const c = atMost(qLo);
      if (c < k) [lo, cLo] = [qLo, c];
    }
    if (qHi !== undefined && qHi > lo && qHi < hi) {
      const c = atMost(qHi);
      if (c >= k) [hi, cHi] = [qHi, c];
    }
    for (let it = 0; it < 2200 && cHi - cLo > limit; it++) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      const c = atMost(mid);
      if (c >= k) [hi, cHi] = [mid, c];
      else [lo, cLo] = [mid, c];
    }
    const slopes = between(x, key, lo, hi, limit);
    if (cHi - cLo <= limit && slopes.length === cHi - cLo) {
      cache = { cLo, cHi, slopes };
      return slopes[k - cLo - 1]!;
    }
    // More than `limit` pairs within a few ulps (a value shared to the last bit, or rounding in the keys): any of
    // them is the answer to that precision; take the one at the proportional position.
    const at = Math.floor(((k - cLo - 1) / Math.max(1, cHi - cLo)) * slopes.length);
    return slopes.length > 0 ? slopes[Math.min(at, slopes.length - 1)]! : hi;
  };
}

/** Sorted slopes of m pairs drawn with a fixed-seed generator (only speed depends on them, never the result). */
function sampleSlopes(x: Series, m: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(m);
  let seed = 20240501;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let s = 0; s < m; s++) {
    let i = Math.floor(next() * n);
    let j = Math.floor(next() * n);
    while (i === j) j = Math.floor(next() * n);
    if (i > j) [i, j] = [j, i];
    out[s] = (x[j]! - x[i]!) / (j - i);
  }
  return out.sort();
}

/** Up to `cap` slopes in (lo, hi], sorted: indices ordered by key at lo (ties latest first), inversions at hi. */
function between(x: Series, key: Float64Array, lo: number, hi: number, cap: number): Float64Array {
  const n = x.length;
  for (let i = 0; i < n; i++) key[i] = x[i]! - lo * i;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => key[p]! - key[q]! || q - p);
  for (let i = 0; i < n; i++) key[i] = x[i]! - hi * i;
  const out = new Float64Array(cap);
  let len = 0;
  let src = order;
  let dst = new Int32Array(n);
  for (let width = 1; width < n; width *= 2) {
    for (let start = 0; start < n; start += 2 * width) {
      const mid = Math.min(start + width, n);
      const end = Math.min(start + 2 * width, n);
      let i = start;
      let j = mid;
      let k = start;
      while (i < mid && j < end) {
        if (key[src[i]!]! < key[src[j]!]!) dst[k++] = src[i++]!;
        else {
          const q = src[j]!;
          for (let t = i; t < mid && len < cap; t++) {
            const p = src[t]!;
            out[len++] = p < q ? (x[q]! - x[p]!) / (q - p) : (x[p]! - x[q]!) / (p - q);
          }
          dst[k++] = src[j++]!;
        }
      }
      while (i < mid) dst[k++] = src[i++]!;
      while (j < end) dst[k++] = src[j++]!;
    }
    [src, dst] = [dst, src];
  }
  return out.subarray(0, len).sort();
}
