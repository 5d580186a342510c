/**
 * Standard normal distribution with accurate tails: Φ from the incomplete gamma (Φ(−z) = Q(½, z²/2)/2), never as
 * 1 − Φ, so p-values stay correct down to ~1e-300 (simple-statistics and jstat saturate or underflow near z = 8.5,
 * statistics.md §5.1); the quantile is Acklam's rational approximation polished by Halley steps on that Φ.
 */
import { gammaTails } from './incomplete-gamma.js';
import { LN_SQRT_2PI } from './log-gamma.js';

/** z = Φ⁻¹(0.975), the two-sided 95% normal quantile, to full double precision. */
export const Z_975 = 1.959963984540054;

/** Lower tail Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === 0) return 0.5;
  const t = gammaTails(0.5, (z * z) / 2);
  return z < 0 ? 0.5 * Math.exp(t.logQ) : 0.5 + 0.5 * Math.exp(t.logP);
}

/** Upper tail P(Z > z) = Φ(−z), accurate when tiny. */
export function normalUpper(z: number): number {
  return normalCdf(-z);
}

/** Two-sided p-value min(1, 2·Φ(−|z|)), the convention of every normal test here (R's `2 * pnorm(-abs(z))`). */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** Acklam's approximation for p ≤ 0.5 (relative error 1.2e-9), the starting point for refinement. */
function acklamLower(p: number): number {
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) /
      ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) /
    (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1)
  );
}

/**
 * Quantile Φ⁻¹(p) (R `qnorm(p)`), relative accuracy ~1e-15 from p = 1e-300 to 1 − 1e-16. Works on the smaller tail
 * (1 − p is exact for p ≥ ½), so upper quantiles are as accurate as lower ones. ±∞ at 0 and 1.
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  if (p > 0.5) return -normalQuantile(1 - p);
  let x = acklamLower(p);
  for (let i = 0; i < 6; i++) {
    // Halley's step on Φ(x) − p: u = (Φ(x) − p)/φ(x), formed as a relative residual times p/φ(x) so that nothing
    // passes through the subnormal range even for p near 1e-300.
    const u = (normalCdf(x) / p - 1) * Math.exp(Math.log(p) + LN_SQRT_2PI + (x * x) / 2);
    const next = x - u / (1 + (x * u) / 2);
    if (Math.abs(next - x) <= 1e-16 * Math.abs(x)) return next;
    x = next;
  }
  return x;
}
