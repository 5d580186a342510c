/**
 * Before/after step models of a daily series at a known split (statistics.md §2.5): the Poisson and quasi-Poisson
 * step in closed form, and the step adjusted for a linear trend (a sensitivity check) by IRLS.
 */
import { fitPoissonGlm } from './glm-fit.js';
import { finite, type Num, type Series } from './numeric.js';
import { type WaldInference, wald } from './poisson-trend.js';

/** Count, days and rate of one side of the split. */
export interface Period {
  readonly count: number;
  readonly days: number;
  readonly ratePerDay: Num;
}

/** Result of {@link poissonStep}. */
export interface PoissonStep {
  /** 0-based index of the first "after" day. */
  readonly splitIndex: number;
  readonly before: Period;
  readonly after: Period;
  /** (after rate)/(before rate); null when not finite. */
  readonly rateRatio: Num;
  /** Poisson Wald inference for the step (SE = √(1/N_after + 1/N_before)). */
  readonly poisson: WaldInference;
  /** Pearson φ̂ of the step model, χ²/(n − 2). */
  readonly dispersion: Num;
  /** Quasi-Poisson: SE × √max(1, φ̂); print it next to the exact test whenever φ̂ > 1. */
  readonly quasi: WaldInference;
  /** The step in log E[x_t] = β₀ + β₁t + β₂·after, a sensitivity check, never the answer (null if not estimable). */
  readonly adjustedForTrend: { readonly rateRatio: Num; readonly poisson: WaldInference } | null;
  /** `empty-period`, `separation` (no events on one side: use the exact test), or null. */
  readonly reason: string | null;
}

const NO_WALD: WaldInference = { scale: null, se: null, z: null, p: null, ci: [null, null] };

/**
 * Step model log E[x_t] = β₀ + β·[t ≥ split]: the Poisson MLE is the ratio of the two mean rates. Caveats: when one
 * side has no events the estimate diverges (R reports 3.6e13 with CI [0, ∞)); here it is null with reason
 * `separation` — the exact conditional test handles that case. A pre-existing trend also produces a jump.
 */
export function poissonStep(
  counts: Series,
  splitIndex: number,
  options: { confLevel?: number } = {},
): PoissonStep {
  const confLevel = options.confLevel ?? 0.95;
  const n = counts.length;
  let nb = 0;
  let na = 0;
  for (let i = 0; i < n; i++) {
    if (i < splitIndex) nb += counts[i]!;
    else na += counts[i]!;
  }
  const tb = Math.max(0, Math.min(splitIndex, n));
  const ta = n - tb;
  const before: Period = { count: nb, days: tb, ratePerDay: tb > 0 ? nb / tb : null };
  const after: Period = { count: na, days: ta, ratePerDay: ta > 0 ? na / ta : null };
  const base = { splitIndex, before, after };
  if (tb === 0 || ta === 0) {
    return {
      ...base,
      rateRatio: null,
      poisson: NO_WALD,
      dispersion: null,
      quasi: NO_WALD,
      adjustedForTrend: null,
      reason: 'empty-period',
    };
  }
  const mb = nb / tb;
  const ma = na / ta;
  let pearson = 0;
  for (let i = 0; i < n; i++) {
    const m = i < splitIndex ? mb : ma;
    if (m > 0) pearson += (counts[i]! - m) ** 2 / m;
  }
  const phi = n > 2 ? pearson / (n - 2) : Number.NaN;
  if (nb === 0 || na === 0) {
    return {
      ...base,
      rateRatio: finite(ma / mb),
      poisson: NO_WALD,
      dispersion: finite(phi),
      quasi: NO_WALD,
      adjustedForTrend: null,
      reason: 'separation',
    };
  }
  const beta = Math.log(ma / mb);
  const se = Math.sqrt(1 / na + 1 / nb);
  return {
    ...base,
    rateRatio: ma / mb,
    poisson: wald(beta, se, 1, 1, confLevel),
    dispersion: finite(phi),
    quasi: Number.isNaN(phi) ? NO_WALD : wald(beta, se, Math.sqrt(Math.max(1, phi)), 1, confLevel),
    adjustedForTrend: n > 3 ? adjusted(counts, splitIndex, confLevel) : null,
    reason: null,
  };
}

function adjusted(counts: Series, splitIndex: number, confLevel: number): PoissonStep['adjustedForTrend'] {
  const n = counts.length;
  const centre = (n - 1) / 2;
  const t = Float64Array.from({ length: n }, (_, i) => i - centre);
  const step = Float64Array.from({ length: n }, (_, i) => (i >= splitIndex ? 1 : 0));
  const fit = fitPoissonGlm(counts, [t, step]);
  const se = Math.sqrt(fit.cov[2]![2]!);
  if (!fit.converged || !Number.isFinite(se)) return null;
  const beta = fit.coef[2]!;
  return { rateRatio: finite(Math.exp(beta)), poisson: wald(beta, se, 1, 1, confLevel) };
}
