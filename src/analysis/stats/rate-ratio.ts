/**
 * Exact conditional test of two Poisson rates, before and after a known date, exactly as R
 * `poisson.test(c(x_after, x_before), c(T_after, T_before))` (Przyborowski & Wilenski 1940; statistics.md §2.5).
 */
import { binomialLower, binomialPmf, binomialTwoSidedP, binomialUpper, clopperPearson } from './binomial.js';
import type { Num } from './numeric.js';

/** Inputs: counts and observed days (no-data days excluded) on each side. */
export interface RateRatioInput {
  readonly countAfter: number;
  readonly daysAfter: number;
  readonly countBefore: number;
  readonly daysBefore: number;
}

/** Result of {@link rateRatioTest}. */
export interface RateRatioTest {
  readonly after: { readonly count: number; readonly days: number; readonly ratePerDay: Num };
  readonly before: { readonly count: number; readonly days: number; readonly ratePerDay: Num };
  /** (x_a/T_a)/(x_b/T_b); null when infinite (no events before: report "at least ci[0] times") or 0/0. */
  readonly rateRatio: Num;
  /** Clopper–Pearson-based interval; the upper bound is null when infinite. */
  readonly ci: [Num, Num];
  readonly confLevel: number;
  /** Two-sided exact p by R's rule: the primary before/after figure. */
  readonly pExact: number;
  /** Central mid-p (twice the smaller tail, half the point mass in each): secondary only. */
  readonly pMidp: number;
  /** Under H₀, x_after ~ Binomial(n, p0) with p0 = T_a/(T_a + T_b). */
  readonly conditional: { readonly n: number; readonly x: number; readonly p0: Num };
  /** `no-events` or `empty-period` when the test carries no information, else null. */
  readonly reason: string | null;
}

/**
 * Exact conditional rate-ratio test: given N = x_a + x_b, x_a ~ Binomial(N, T_a/(T_a + T_b)) under equal rates;
 * two-sided p by R's binom.test rule; interval π/(1 − π)·T_b/T_a from the Clopper–Pearson bounds on π. Caveats:
 * overdispersion makes it anti-conservative (print the quasi-Poisson step beside it when φ̂ > 1); the split date
 * must be external, never one chosen by PELT. With N = 0: ratio null, interval [0, ∞), p = 1.
 */
export function rateRatioTest(input: RateRatioInput, confLevel = 0.95): RateRatioTest {
  const { countAfter: xa, daysAfter: ta, countBefore: xb, daysBefore: tb } = input;
  const n = xa + xb;
  const after = { count: xa, days: ta, ratePerDay: ta > 0 ? xa / ta : null };
  const before = { count: xb, days: tb, ratePerDay: tb > 0 ? xb / tb : null };
  const p0 = ta > 0 && tb > 0 ? ta / (ta + tb) : null;
  const base = { after, before, confLevel, conditional: { n, x: xa, p0 } };
  if (p0 === null)
    return { ...base, rateRatio: null, ci: [null, null], pExact: 1, pMidp: 1, reason: 'empty-period' };
  if (n === 0) return { ...base, rateRatio: null, ci: [0, null], pExact: 1, pMidp: 1, reason: 'no-events' };
  const toRatio = (pi: number): Num => (pi >= 1 ? null : (pi / (1 - pi)) * (tb / ta));
  const [lo, hi] = clopperPearson(xa, n, confLevel);
  const half = 0.5 * binomialPmf(xa, n, p0);
  const tailLo = binomialLower(xa - 1, n, p0) + half;
  const tailHi = binomialUpper(xa + 1, n, p0) + half;
  return {
    ...base,
    rateRatio: xb === 0 ? null : xa / ta / (xb / tb),
    ci: [toRatio(lo), toRatio(hi)],
    pExact: binomialTwoSidedP(xa, n, p0),
    pMidp: Math.min(1, 2 * Math.min(tailLo, tailHi)),
    reason: null,
  };
}
