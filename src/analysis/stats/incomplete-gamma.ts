/**
 * Regularised incomplete gamma P(a, x) and Q(a, x) = 1 − P, in log space, and the gamma and chi-square quantiles.
 *
 * Method (statistics.md §5.2): the power series for P when x < a + 1, the continued fraction for Q (modified
 * Lentz) otherwise, each multiplied by the Loader front factor x^a·e^(−x)/Γ(a) computed in logs. The smaller tail
 * is always the one computed directly, so tails keep full relative accuracy down to the underflow limit (~1e-308);
 * @stdlib's version is wrong above ~1000 events (§5.3).
 */
import { logGamma, logPoissonDensity } from './log-gamma.js';
import { solveIncreasing } from './solve.js';

const EPS = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 1_000_000;

/** ln of both tails at once: `logP` = ln P(a, x) and `logQ` = ln Q(a, x). */
export interface GammaTails {
  readonly logP: number;
  readonly logQ: number;
}

/** ln Σ_{k≥0} x^k / ((a+1)…(a+k)); P = density(a, x)·that sum. */
function logSeries(a: number, x: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < MAX_TERMS; k++) {
    term *= x / (a + k);
    sum += term;
    if (term < sum * EPS) break;
  }
  return Math.log(sum);
}

/** ln of Lentz's continued fraction 1/(x+1−a− 1·(1−a)/(x+3−a− 2·(2−a)/…)); Q = a·density(a, x)·that. */
function logContinuedFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_TERMS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return Math.log(h);
}

/** Both log tails of the regularised incomplete gamma, for a > 0 and x ≥ 0 (NaN otherwise). */
export function gammaTails(a: number, x: number): GammaTails {
  if (!(a > 0) || !(x >= 0)) return { logP: Number.NaN, logQ: Number.NaN };
  if (x === 0) return { logP: Number.NEGATIVE_INFINITY, logQ: 0 };
  if (x === Number.POSITIVE_INFINITY) return { logP: 0, logQ: Number.NEGATIVE_INFINITY };
  const logDensity = logPoissonDensity(a, x);
  if (x < a + 1) {
    const logP = logDensity + logSeries(a, x);
    return { logP, logQ: Math.log1p(-Math.exp(logP)) };
  }
  const logQ = Math.log(a) + logDensity + logContinuedFraction(a, x);
  return { logP: Math.log1p(-Math.exp(logQ)), logQ };
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a) (R `pgamma(x, a)`). */
export function gammaP(a: number, x: number): number {
  return Math.exp(gammaTails(a, x).logP);
}

/** Regularised upper incomplete gamma Q(a, x) = 1 − P(a, x), accurate when tiny (R `pgamma(x, a, lower = F)`). */
export function gammaQ(a: number, x: number): number {
  return Math.exp(gammaTails(a, x).logQ);
}

/** ln of the density of Gamma(a, 1) at x > 0, ln(x^(a−1)·e^(−x)/Γ(a)). */
function logGammaDensity(a: number, x: number): number {
  return Math.log(a) + logPoissonDensity(a, x) - Math.log(x);
}

/**
 * Quantile of Gamma(shape a, scale 1): the x with P(a, x) = p (R `qgamma(p, a)`). Safeguarded Newton on the log of
 * the smaller tail, from the Wilson–Hilferty start; relative accuracy ~1e-15. 0 for p = 0, +∞ for p = 1.
 */
export function gammaQuantile(p: number, a: number): number {
  if (!(a > 0) || !(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const lower = p <= 0.5;
  const target = Math.log(lower ? p : 1 - p);
  const f = (x: number) => {
    const t = gammaTails(a, x);
    const logTail = lower ? t.logP : t.logQ;
    // d/dx ln(tail) = density/tail, formed in logs so that neither underflows on its own.
    const slope = Math.exp(logGammaDensity(a, x) - logTail);
    return lower ? { value: logTail - target, slope } : { value: target - logTail, slope };
  };
  return solveIncreasing(f, gammaStart(p, a), 0, Number.POSITIVE_INFINITY);
}

/** A starting value: Wilson–Hilferty's cube-root normal approximation, or the small-x power law for small a. */
function gammaStart(p: number, a: number): number {
  // A rough normal quantile is enough here (Newton refines it); avoid a cycle with normal.ts.
  const t = Math.sqrt(-2 * Math.log(Math.min(p, 1 - p)));
  const zAbs =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t ** 3);
  const z = p < 0.5 ? -zAbs : zAbs;
  const c = 1 / (9 * a);
  const wh = a * (1 - c + z * Math.sqrt(c)) ** 3;
  if (a >= 1 && wh > 0) return wh;
  const small = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
  return Number.isFinite(small) && small > 0 ? Math.min(small, a + 1) : 1;
}

/** Quantile of the chi-square distribution with `df` degrees of freedom (R `qchisq(p, df)`). */
export function chiSquareQuantile(p: number, df: number): number {
  return 2 * gammaQuantile(p, df / 2);
}

/** Upper tail P(χ²_df > x) = Q(df/2, x/2), never computed as 1 − cdf (R `pchisq(x, df, lower = FALSE)`). */
export function chiSquareUpper(x: number, df: number): number {
  return gammaQ(df / 2, x / 2);
}
