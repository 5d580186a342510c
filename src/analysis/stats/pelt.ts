/**
 * Change-points in a Poisson rate: PELT (Killick, Fearnhead & Eckley 2012) with the Poisson cost and the MBIC, BIC
 * or a manual penalty, reproducing R `changepoint::cpt.meanvar(x, test.stat = "Poisson", method = "PELT")` 2.3
 * exactly (statistics.md §2.6).
 */
import { addDays } from './dates.js';
import type { Series } from './numeric.js';

/** Penalty types: MBIC (the default, 3·ln n plus a ln ℓ segment term), BIC (2·ln n), Manual (a given β). */
export type PeltPenalty = 'MBIC' | 'BIC' | 'Manual';

/** Options of {@link peltPoisson}. */
export interface PeltOptions {
  readonly penalty?: PeltPenalty;
  /** β per change for `Manual`. */
  readonly penaltyValue?: number;
  /** Multiplies the per-change penalty of any type (e.g. a dispersion factor); default 1. */
  readonly multiplier?: number;
  /** Minimum segment length m ≥ 1 (default 2, as the reference). */
  readonly minSegmentLength?: number;
  /** `YYYY-MM-DD` of day 0, to add dates to the output. */
  readonly startDate?: string;
}

/** One segment between change-points: 0-based inclusive indices. */
export interface PeltSegment {
  readonly startIndex: number;
  readonly endIndex: number;
  readonly days: number;
  readonly count: number;
  readonly ratePerDay: number;
  readonly start: string | null;
  readonly end: string | null;
}

/** Result of {@link peltPoisson}. */
export interface PeltResult {
  readonly penalty: PeltPenalty;
  readonly penaltyValue: number;
  readonly minSegmentLength: number;
  /** changepoint's `cpts`: the 1-based index of the last day of every segment but the final one. */
  readonly cpts: number[];
  /** The first day of each new segment: its 0-based index equals the cpt, and its date when known. */
  readonly changeDates: string[] | null;
  readonly segments: PeltSegment[];
  /** Optimal penalised cost F(n). */
  readonly objective: number;
}

/**
 * PELT on daily counts with the Poisson segment cost C(s, ℓ) = 2s(ln ℓ − ln s) (0 when s = 0), MBIC adding ln ℓ for
 * every segment with s > 0 (the package's quirk, replicated). Ties go to the earliest candidate. Caveats: the dates
 * are estimates without intervals, never tested with a p-value; overdispersion creates spurious changes (use
 * {@link peltPoissonDispersionScaled}); a smooth ramp becomes a staircase. Fewer than 2m days: no change possible.
 */
export function peltPoisson(x: Series, options: PeltOptions = {}): PeltResult {
  const penalty = options.penalty ?? 'MBIC';
  const m = options.minSegmentLength ?? 2;
  const n = x.length;
  if (!Number.isInteger(m) || m < 1)
    throw new RangeError(`minSegmentLength must be an integer >= 1, got ${m}`);
  if (penalty === 'Manual' && !(Number.isFinite(options.penaltyValue) && options.penaltyValue! >= 0)) {
    throw new RangeError('a Manual penalty needs a finite penaltyValue >= 0');
  }
  const logN = Math.log(Math.max(n, 1)); // an empty series gets penalty 0 rather than −∞
  const raw = penalty === 'MBIC' ? 3 * logN : penalty === 'BIC' ? 2 * logN : options.penaltyValue!;
  const beta = raw * (options.multiplier ?? 1);
  const lengthTerm = penalty === 'MBIC';
  // Keep this exact arithmetic: the minimum and the pruning compare sums for equality (§2.6).
  const cost = (s: number, len: number): number =>
    s === 0 ? 0 : 2 * s * (Math.log(len) - Math.log(s)) + (lengthTerm ? Math.log(len) : 0);
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i]! + x[i]!;
  const best = new Float64Array(n + 1);
  const prev = new Int32Array(n + 1);
  best[0] = -beta;
  if (n >= 2 * m) {
    for (let k = m; k <= 2 * m - 1; k++) best[k] = cost(cum[k]!, k);
    let cand = new Int32Array(n + 2);
    let next = new Int32Array(n + 2);
    const totals = new Float64Array(n + 2);
    cand[0] = 0;
    cand[1] = m;
    let size = 2;
    for (let k = 2 * m; k <= n; k++) {
      let w = 0;
      for (let i = 0; i < size; i++) {
        const c = cand[i]!;
        totals[i] = best[c]! + cost(cum[k]! - cum[c]!, k - c) + beta;
        if (totals[i]! < totals[w]!) w = i;
      }
      best[k] = totals[w]!;
      prev[k] = cand[w]!;
      let kept = 0;
      for (let i = 0; i < size; i++) if (totals[i]! <= best[k]! + beta) next[kept++] = cand[i]!;
      next[kept++] = k - m + 1;
      [cand, next] = [next, cand];
      size = kept;
    }
  } else if (n > 0) {
    best[n] = cost(cum[n]!, n);
  }
  const ends: number[] = [];
  for (let k = n; k > 0; k = prev[k]!) ends.unshift(k);
  const cpts = ends.slice(0, -1);
  return {
    penalty,
    penaltyValue: beta,
    minSegmentLength: m,
    cpts,
    changeDates: options.startDate === undefined ? null : cpts.map((c) => addDays(options.startDate!, c)),
    segments: segmentsOf(x, cpts, options.startDate),
    objective: n === 0 ? 0 : best[n]!,
  };
}

/** Segments delimited by changepoint-style `cpts`, with counts, rates and (optionally) dates. */
export function segmentsOf(x: Series, cpts: readonly number[], startDate?: string): PeltSegment[] {
  const bounds = [0, ...cpts, x.length];
  const out: PeltSegment[] = [];
  for (let s = 0; s + 1 < bounds.length; s++) {
    const a = bounds[s]!;
    const b = bounds[s + 1]! - 1;
    if (b < a) continue;
    let count = 0;
    for (let i = a; i <= b; i++) count += x[i]!;
    const dated = startDate !== undefined;
    out.push({
      startIndex: a,
      endIndex: b,
      days: b - a + 1,
      count,
      ratePerDay: count / (b - a + 1),
      start: dated ? addDays(startDate, a) : null,
      end: dated ? addDays(startDate, b) : null,
    });
  }
  return out;
}
