/**
 * Small numeric conventions shared by the statistics: the input type, null for undefined values, and R's rounding.
 */

/** A series of daily counts (or any numeric sequence): a plain array or a typed array. */
export type Series = ArrayLike<number>;

/** A number, or null where the quantity is undefined or infinite (JSON carries null, statistics.md §3). */
export type Num = number | null;

/** The value when it is a finite number, otherwise null, so that no NaN or ±∞ ever reaches a report. */
export function finite(x: number): Num {
  return Number.isFinite(x) ? x : null;
}

/**
 * Round half to even, as R's `round()` does (IEC 60559): 2.5 → 2, 3.5 → 4. JavaScript's Math.round sends halves
 * up, which moves Sen's interval ranks when (N′ ± C)/2 lands exactly on .5 (statistics.md §2.3).
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** Σx, in index order. */
export function sum(x: Series): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s;
}

/** Sample mean and the sum of squared deviations Σ(x − x̄)², by two passes (as R's `var`). */
export function meanAndSquares(x: Series): { mean: number; squares: number } {
  const n = x.length;
  if (n === 0) return { mean: Number.NaN, squares: Number.NaN };
  const mean = sum(x) / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (x[i]! - mean) ** 2;
  return { mean, squares };
}

/** Median (mean of the two middle values for an even count, as R's `median`); NaN when empty. */
export function median(x: Series): number {
  const s = Float64Array.from(x).sort();
  const n = s.length;
  if (n === 0) return Number.NaN;
  const h = n >> 1;
  return n % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
}
