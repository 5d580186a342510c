/**
 * A safeguarded Newton iteration for the monotone equations behind every quantile here (gamma, beta, normal).
 * Newton converges quadratically near the root; the bracket and bisection fallback make it converge from anywhere.
 */

/** Value and derivative of an increasing function at x. */
export type Evaluate = (x: number) => { value: number; slope: number };

/**
 * Root of an increasing function on (lo, hi), starting at x0. The bracket shrinks with every evaluation; a Newton
 * step that leaves it is replaced by bisection (geometric when the bracket spans orders of magnitude, so that roots
 * near 1e-300 are reached in a few dozen steps). Stops at a change of 1e-15 relative to the distance to the
 * nearer end of (lo, hi), or after 400 steps. Relative to that distance, not to x: a beta quantile at 1 − 2.6e-14
 * is a few hundred doubles from 1, and a step of 1e-15 (relative to x) stopped Newton at 1 − 7e-16, whose upper
 * tail is 14 times too small.
 */
export function solveIncreasing(f: Evaluate, x0: number, lo: number, hi: number): number {
  let x = x0;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 400; i++) {
    const { value, slope } = f(x);
    if (value === 0) return x;
    if (value < 0 || Number.isNaN(value)) a = x;
    else b = x;
    let next = x - value / slope;
    if (!(next > a && next < b) || !Number.isFinite(next)) next = bisect(a, b, x);
    if (Math.abs(next - x) <= 1e-15 * Math.min(next - lo, hi - next) || next === a || next === b) return next;
    x = next;
  }
  return x;
}

function bisect(a: number, b: number, x: number): number {
  if (!Number.isFinite(b)) return x > 0 ? x * 4 : 1;
  if (a <= 0) return b > 1e-300 ? b / 16 : b / 2;
  if (b / a > 16) return Math.sqrt(a) * Math.sqrt(b);
  return a + (b - a) / 2;
}
