/**
 * Gaps between contacts (inter-arrival times) and whether they shrink (statistics.md §2.7). Compute them on
 * contact episodes rather than raw records: split messages create many near-zero gaps.
 */
import { type MannKendall, mannKendall } from './mann-kendall.js';
import { median, type Num, type Series } from './numeric.js';
import { type SenSlope, senSlope } from './sens-slope.js';

const HOUR_MS = 3_600_000;

/** Summary of the gaps, in hours. */
export interface GapSummary {
  readonly n: number;
  readonly mean: Num;
  readonly median: Num;
  /** Population SD (divisor n), the convention of the burstiness measures. */
  readonly sdPopulation: Num;
  readonly min: Num;
  readonly max: Num;
}

/** Result of {@link gapTrend}. */
export interface GapTrend {
  readonly summary: GapSummary;
  /** Mann–Kendall on g₁…g_{n−1} in event order: S < 0 means the gaps are shrinking. */
  readonly mannKendall: MannKendall;
  /** Sen's slope of the gap sequence, in hours per event, with its interval. */
  readonly sen: SenSlope;
}

/** Gaps in hours between consecutive event instants (ms), after sorting a copy of them. */
export function gapHours(timesMs: Series): Float64Array {
  const t = Float64Array.from(timesMs).sort();
  const gaps = new Float64Array(Math.max(0, t.length - 1));
  for (let i = 1; i < t.length; i++) gaps[i - 1] = (t[i]! - t[i - 1]!) / HOUR_MS;
  return gaps;
}

/** Mean, median, population SD, min and max of a gap sequence; nulls when it is empty. */
export function gapSummary(gaps: Series): GapSummary {
  const n = gaps.length;
  if (n === 0) return { n, mean: null, median: null, sdPopulation: null, min: null, max: null };
  let total = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    total += gaps[i]!;
    min = Math.min(min, gaps[i]!);
    max = Math.max(max, gaps[i]!);
  }
  const mean = total / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (gaps[i]! - mean) ** 2;
  return { n, mean, median: median(gaps), sdPopulation: Math.sqrt(squares / n), min, max };
}

/**
 * Trend in the gaps between events: summary, Mann–Kendall and Sen's slope (hours per event) on the sequence in
 * event order. Caveats: gaps are autocorrelated, so p is optimistic; this carries essentially the same
 * information as the rate trend and is not independent corroboration. Medians per period read more easily.
 */
export function gapTrend(timesMs: Series, options: { maxStoredPairs?: number } = {}): GapTrend {
  const gaps = gapHours(timesMs);
  return { summary: gapSummary(gaps), mannKendall: mannKendall(gaps), sen: senSlope(gaps, options) };
}
