/**
 * Burstiness of the gaps between contacts (statistics.md §2.8), descriptive only: Goh–Barabási B, the Kim–Jo
 * finite-size A_n, the coefficient of variation and the memory coefficient.
 */
import { finite, type Num, type Series } from './numeric.js';

/** Result of {@link burstiness}. */
export interface Burstiness {
  /** Number of gaps. */
  readonly n: number;
  /** r = σ/μ with the population SD. */
  readonly cv: Num;
  /** B = (r − 1)/(r + 1): 0 Poisson-like, toward 1 bursty, −1 perfectly regular. */
  readonly bGohBarabasi: Num;
  /** A_n = (√(n+1)·r − √(n−1)) / ((√(n+1) − 2)·r + √(n−1)), corrected for the number of gaps n. */
  readonly bKimJo: Num;
  /** Pearson correlation of consecutive gaps (g_i, g_{i+1}); null below 3 gaps or with constant gaps. */
  readonly memory: Num;
}

/**
 * Burstiness measures of a gap sequence (any unit). Caveats: a change in rate alone looks bursty (the synthetic
 * step series has B = 0.19 overall but ≈ 0 within its two regimes), so compute it within PELT segments or say so;
 * message splitting inflates it, so use episodes. Null where undefined (no gaps, zero mean gap).
 */
export function burstiness(gaps: Series): Burstiness {
  const n = gaps.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += gaps[i]!;
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (gaps[i]! - mean) ** 2;
  const r = n > 0 && mean > 0 ? Math.sqrt(squares / n) / mean : Number.NaN;
  const a = Math.sqrt(n + 1);
  const b = Math.sqrt(n - 1);
  return {
    n,
    cv: finite(r),
    bGohBarabasi: finite((r - 1) / (r + 1)),
    bKimJo: n >= 1 ? finite((a * r - b) / ((a - 2) * r + b)) : null,
    memory: n >= 3 ? correlation(gaps, 0, 1, n - 1) : null,
  };
}

/** Pearson correlation of x[i0 … i0+len−1] and x[j0 … j0+len−1] (two-pass); null when a side is constant. */
function correlation(x: Series, i0: number, j0: number, len: number): Num {
  let sa = 0;
  let sb = 0;
  for (let k = 0; k < len; k++) {
    sa += x[i0 + k]!;
    sb += x[j0 + k]!;
  }
  const ma = sa / len;
  const mb = sb / len;
  let cab = 0;
  let caa = 0;
  let cbb = 0;
  for (let k = 0; k < len; k++) {
    const da = x[i0 + k]! - ma;
    const db = x[j0 + k]! - mb;
    cab += da * db;
    caa += da * da;
    cbb += db * db;
  }
  return finite(cab / Math.sqrt(caa * cbb));
}
