/**
 * Log-gamma and Loader's building blocks for densities that stay accurate for counts in the tens of thousands.
 *
 * Why not `a·ln x − x − lnΓ(a)` directly: for a ≈ x ≈ 2000 the two terms are ~13,000 each and their difference
 * loses ~4 digits, which is exactly the @stdlib incomplete-gamma defect statistics.md §5.3 measured. Loader's
 * split (Stirling error + deviance term `bd0`, as R's dpois/dbinom use) keeps full relative accuracy.
 */

/** ½·ln(2π). */
export const LN_SQRT_2PI = 0.9189385332046728;
const LN_2PI = 1.8378770664093453;

/** Where the Stirling series alone is accurate to ~1e-19 (its next term at 15 is 7e-20). */
const STIRLING_FROM = 15;

/** lnΓ(x) − [(x − ½)ln x − x + ½ln 2π] by the Stirling series (Bernoulli terms through 1/x¹³); x ≥ 15. */
function stirlingSeries(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 +
      r2 *
        (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 / 156))))))
  );
}

/** ln(x(x+1)…(x+k−1)) for the upward shift that brings x to the Stirling range. */
function shift(x: number): { y: number; logProduct: number } {
  let y = x;
  let product = 1;
  let logProduct = 0;
  while (y < STIRLING_FROM) {
    product *= y;
    // Renormalise long products of tiny factors so they neither underflow nor lose the log.
    if (product < 1e-250 || product > 1e250) {
      logProduct += Math.log(product);
      product = 1;
    }
    y += 1;
  }
  return { y, logProduct: logProduct + Math.log(product) };
}

/**
 * ln Γ(x) for x > 0: Stirling series, shifted upward by the recurrence below 15. Absolute error ~1e-14 (what
 * matters inside an exponent); NaN for x ≤ 0 or NaN, +∞ for +∞.
 */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  const { y, logProduct } = shift(x);
  return (y - 0.5) * Math.log(y) - y + LN_SQRT_2PI + stirlingSeries(y) - logProduct;
}

/**
 * Stirling error δ(x) = ln Γ(x + 1) − (x + ½)ln x + x − ½ln 2π (R's `stirlerr`), for x > 0. It is the small
 * correction that turns Stirling's formula into ln x!, computed without the cancellation of the direct form.
 */
export function stirlingError(x: number): number {
  if (x >= STIRLING_FROM) return stirlingSeries(x);
  const { y, logProduct } = shift(x);
  // lnΓ(x+1) − (x+½)ln x + x − ½ln2π = lnΓ(x) − (x−½)ln x + x − ½ln2π, with lnΓ(x) from the shifted series.
  return (y - 0.5) * Math.log(y) - y + stirlingSeries(y) - logProduct - (x - 0.5) * Math.log(x) + x;
}

/**
 * Loader's deviance term bd0(x, m) = x·ln(x/m) + m − x ≥ 0, by a series when x ≈ m (where the direct form
 * cancels). Used for Poisson, gamma, binomial and beta densities.
 */
export function bd0(x: number, m: number): number {
  if (x === 0) return m;
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let s = (x - m) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / m) + m - x;
}

/**
 * ln of the "Poisson density" with a continuous count: ln(x^a·e^(−x)/Γ(a+1)), for a ≥ 0 and x ≥ 0. It is the
 * front factor of the regularised incomplete gamma; −∞ where it underflows.
 */
export function logPoissonDensity(a: number, x: number): number {
  if (x === 0) return a === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (a === 0) return -x;
  if (!Number.isFinite(x)) return Number.NEGATIVE_INFINITY;
  if (a >= 10) return -stirlingError(a) - bd0(a, x) - 0.5 * (LN_2PI + Math.log(a));
  return a * Math.log(x) - x - logGamma(a + 1);
}

/**
 * ln of the binomial density with continuous arguments, C(n, k)·p^k·q^(n−k) with q = 1 − p passed separately (so
 * that 1 − p is never recomputed), by Loader's method as in R's `dbinom_raw`. Also the front factor of the
 * regularised incomplete beta.
 */
export function logBinomialDensity(k: number, n: number, p: number, q: number): number {
  if (p === 0) return k === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (q === 0) return k === n ? 0 : Number.NEGATIVE_INFINITY;
  if (k === 0) return n === 0 ? 0 : p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  if (k === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  const lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k) - bd0(k, n * p) - bd0(n - k, n * q);
  const lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return lc - 0.5 * lf;
}
