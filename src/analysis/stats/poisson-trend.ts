/**
 * Escalation trend: log-linear Poisson regression of daily counts on the day index, reported as a rate ratio per
 * 30 days, with the quasi-Poisson standard error as the headline (statistics.md §2.4).
 */
import { fitPoissonGlm } from './glm-fit.js';
import { chiSquareUpper } from './incomplete-gamma.js';
import { normalQuantile, twoSidedNormalP } from './normal.js';
import { finite, type Num, type Series, sum } from './numeric.js';

/** Wald inference for one coefficient under one scale. */
export interface WaldInference {
  /** Multiplier of the Poisson SE: 1 for Poisson, √max(1, φ̂) for quasi-Poisson. */
  readonly scale: Num;
  readonly se: Num;
  readonly z: Num;
  readonly p: Num;
  /** Interval for the rate ratio, exp(per·(β ± z·SE)). */
  readonly ci: [Num, Num];
}

/** Result of {@link poissonTrend}. */
export interface PoissonTrend {
  readonly n: number;
  readonly total: number;
  /** Days per rate-ratio unit (30). */
  readonly per: number;
  readonly confLevel: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** β₀ (log rate on day 0) and β₁ (per day). */
  readonly intercept: Num;
  readonly beta: Num;
  /** exp(per·β₁): the multiplicative change in the rate over `per` days. */
  readonly rateRatio: Num;
  /** Plain Poisson Wald inference (too optimistic when φ̂ > 1). */
  readonly poisson: WaldInference;
  /** The headline: SE × √max(1, φ̂), so never narrower than Poisson (R's quasipoisson also narrows when φ̂ < 1). */
  readonly quasi: WaldInference;
  readonly deviance: Num;
  readonly nullDeviance: Num;
  readonly dfResidual: number;
  readonly pearsonChi2: Num;
  /** φ̂ = Pearson χ²/(n − 2); ≈ 1 for Poisson counts, > 1 when overdispersed. */
  readonly dispersion: Num;
  /**
   * Upper-tail p of the Pearson χ² on n − 2 degrees of freedom (R: pchisq(X², n − 2, lower.tail = FALSE)): small
   * when the counts vary more than the fitted Poisson model allows. φ̂ lies above 1 by chance about half the time
   * for Poisson counts (by 5% or more about a third of the time over 60–180 days), so φ̂ > 1 alone is no evidence.
   */
  readonly pOverdispersed: Num;
  readonly logLik: Num;
  /** Why the figures are null (`too-few-days`, `no-events`, `not-converged`), else null. */
  readonly reason: string | null;
}

/** Wald inference for coefficient β with standard error se·scale, as a rate ratio per `per` steps. */
export function wald(beta: number, se: number, scale: number, per: number, confLevel: number): WaldInference {
  const q = normalQuantile(1 - (1 - confLevel) / 2);
  const s = se * scale;
  const z = beta / s;
  return {
    scale: finite(scale),
    se: finite(s),
    z: finite(z),
    p: Number.isNaN(z) ? null : twoSidedNormalP(z),
    ci: [finite(Math.exp(per * (beta - q * s))), finite(Math.exp(per * (beta + q * s)))],
  };
}

const NO_WALD: WaldInference = { scale: null, se: null, z: null, p: null, ci: [null, null] };

/**
 * Poisson regression log E[x_t] = β₀ + β₁·t (t = 0-based day), rate ratio exp(30·β₁) with Wald intervals. Caveats:
 * a log-linear trend is a model — a single step also shows up as a "trend"; below a 60-day span the ratio per 30
 * days is an extrapolation (541 on the 14-day series); with overdispersion only the quasi interval is honest.
 * Null figures with a reason for an all-zero series, fewer than 2 days, or a fit that does not converge.
 */
export function poissonTrend(
  counts: Series,
  options: { per?: number; confLevel?: number } = {},
): PoissonTrend {
  const per = options.per ?? 30;
  const confLevel = options.confLevel ?? 0.95;
  const n = counts.length;
  const total = sum(counts);
  const base = { n, total, per, confLevel, dfResidual: Math.max(0, n - 2) };
  const empty = (reason: string, converged = false, iterations = 0): PoissonTrend => ({
    ...base,
    converged,
    iterations,
    intercept: null,
    beta: null,
    rateRatio: null,
    poisson: NO_WALD,
    quasi: NO_WALD,
    deviance: null,
    nullDeviance: null,
    pearsonChi2: null,
    pOverdispersed: null,
    dispersion: null,
    logLik: null,
    reason,
  });
  if (n < 2) return empty('too-few-days');
  if (total === 0) return empty('no-events');
  // Centre time for conditioning; the slope and its SE do not change, the intercept is shifted back.
  const centre = (n - 1) / 2;
  const t = Float64Array.from({ length: n }, (_, i) => i - centre);
  const fit = fitPoissonGlm(counts, [t]);
  const [b0, b1] = fit.coef as [number, number];
  const se = Math.sqrt(fit.cov[1]![1]!);
  if (!fit.converged || !Number.isFinite(se)) return empty('not-converged', fit.converged, fit.iterations);
  const phi = n > 2 ? fit.pearson / (n - 2) : Number.NaN;
  const mean = total / n;
  let nullDeviance = 0;
  for (let i = 0; i < n; i++) {
    const y = counts[i]!;
    nullDeviance += y === 0 ? 0 : y * Math.log(y / mean);
  }
  return {
    ...base,
    converged: true,
    iterations: fit.iterations,
    intercept: b0 - b1 * centre,
    beta: b1,
    rateRatio: finite(Math.exp(per * b1)),
    poisson: wald(b1, se, 1, per, confLevel),
    quasi: Number.isNaN(phi) ? NO_WALD : wald(b1, se, Math.sqrt(Math.max(1, phi)), per, confLevel),
    deviance: fit.deviance,
    nullDeviance: 2 * nullDeviance,
    pearsonChi2: fit.pearson,
    dispersion: finite(phi),
    pOverdispersed: n > 2 ? finite(chiSquareUpper(fit.pearson, n - 2)) : null,
    logLik: fit.logLik,
    reason: null,
  };
}
