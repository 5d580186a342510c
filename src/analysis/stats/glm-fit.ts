/**
 * Maximum-likelihood fit of a small log-linear Poisson regression (intercept plus up to a few covariates) by
 * Newton–Raphson, which for the canonical log link is IRLS (McCullagh & Nelder 1989), with step-halving.
 *
 * Converged to |Δβ| < 1e-13 (relative to max(1, |β|)): R's default glm tolerance leaves the SE 2.3e-6 off
 * (statistics.md §2.4). Callers centre time covariates, which keeps the information matrix well conditioned.
 */
import { logGamma } from './log-gamma.js';
import type { Series } from './numeric.js';

/** A fitted Poisson GLM. `cov` is the inverse Fisher information at the final β (Poisson scale 1). */
export interface GlmFit {
  readonly coef: number[];
  readonly cov: number[][];
  readonly mu: Float64Array;
  readonly deviance: number;
  readonly pearson: number;
  readonly logLik: number;
  readonly converged: boolean;
  readonly iterations: number;
}

const MAX_ITERATIONS = 100;

/** Fit log E[y] = β₀ + Σ β_j·x_j by Newton–Raphson; `columns` are the covariates (no intercept column). */
export function fitPoissonGlm(y: Series, columns: readonly Series[]): GlmFit {
  const n = y.length;
  const k = columns.length + 1;
  const x = (j: number, i: number): number => (j === 0 ? 1 : columns[j - 1]![i]!);
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i]!;
  let beta = [Math.log(total / n), ...columns.map(() => 0)];
  const mu = new Float64Array(n);
  const eval_ = (b: number[]): number => {
    for (let i = 0; i < n; i++) {
      let eta = b[0]!;
      for (let j = 1; j < k; j++) eta += b[j]! * x(j, i);
      mu[i] = Math.exp(eta);
    }
    return deviance(y, mu);
  };
  let dev = eval_(beta);
  let converged = false;
  let iterations = 0;
  while (iterations < MAX_ITERATIONS && !converged) {
    iterations++;
    const { score, info } = scoreAndInformation(y, mu, x, k);
    const inv = invert(info);
    if (inv === null) break;
    const delta = inv.map((row) => row.reduce((s, v, j) => s + v * score[j]!, 0));
    let step = 1;
    let next = beta.map((b, j) => b + delta[j]!);
    let nextDev = eval_(next);
    // Step-halving guards the rare Newton step that overshoots (never needed on the reference series).
    for (let h = 0; h < 30 && !(nextDev <= dev * (1 + 1e-12) + 1e-12); h++) {
      step /= 2;
      next = beta.map((b, j) => b + step * delta[j]!);
      nextDev = eval_(next);
    }
    converged = delta.every((d, j) => Math.abs(step * d) < 1e-13 * Math.max(1, Math.abs(next[j]!)));
    beta = next;
    dev = nextDev;
    if (!Number.isFinite(dev)) break;
  }
  dev = eval_(beta);
  const cov = invert(scoreAndInformation(y, mu, x, k).info) ?? beta.map(() => beta.map(() => Number.NaN));
  let pearson = 0;
  let logLik = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i]!;
    const m = mu[i]!;
    pearson += (yi - m) ** 2 / m;
    logLik += (yi === 0 ? 0 : yi * Math.log(m)) - m - (yi <= 1 ? 0 : logGamma(yi + 1));
  }
  return {
    coef: beta,
    cov,
    mu: Float64Array.from(mu),
    deviance: dev,
    pearson,
    logLik,
    converged,
    iterations,
  };
}

/** Poisson deviance 2Σ[y·ln(y/μ) − (y − μ)], with y·ln y = 0 at y = 0. */
export function deviance(y: Series, mu: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i]!;
    const m = mu[i]!;
    d += (yi === 0 ? 0 : yi * Math.log(yi / m)) - (yi - m);
  }
  return 2 * d;
}

function scoreAndInformation(y: Series, mu: Float64Array, x: (j: number, i: number) => number, k: number) {
  const score = new Array<number>(k).fill(0);
  const info = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < y.length; i++) {
    const m = mu[i]!;
    const r = y[i]! - m;
    for (let a = 0; a < k; a++) {
      const xa = x(a, i);
      score[a]! += xa * r;
      for (let b = 0; b <= a; b++) info[a]![b]! += xa * x(b, i) * m;
    }
  }
  for (let a = 0; a < k; a++) for (let b = a + 1; b < k; b++) info[a]![b] = info[b]![a]!;
  return { score, info };
}

/** Inverse of a small symmetric positive-definite matrix by Gauss–Jordan with partial pivoting; null if singular. */
export function invert(m: number[][]): number[][] | null {
  const k = m.length;
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    if (!(Math.abs(a[p]![c]!) > 0) || !Number.isFinite(a[p]![c]!)) return null;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    for (let j = 0; j < 2 * k; j++) a[c]![j]! /= pivot;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r]![c]!;
      if (f !== 0) for (let j = 0; j < 2 * k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row) => row.slice(k));
}
