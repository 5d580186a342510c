/**
 * The overdispersion check beside a before/after comparison, in the same words in the text, Markdown and HTML
 * reports: "95% CI 1.1–2.5, p = 0.0096 (quasi-Poisson step model, φ̂ = 3.8 from the daily counts of the days
 * compared)".
 *
 * Why φ̂ is named "of the days compared": each comparison fits its own step model, so its φ̂ is its own estimate
 * (the demo case's latest-against-first comparison has φ̂ 3.4 over its 56 days), not the φ̂ of the trend model
 * that the dispersion figure and the trend give (3.8 there). Printed bare, "(φ̂ 3.4)" beside "φ̂ 3.8" everywhere
 * else read as two answers to one question.
 */
import type { Comparison } from '../model/escalation.js';
import { formatP, formatRatioCi, sig2 } from '../model/format.js';

type Quasi = NonNullable<Comparison['overdispersed']>;

/** "95% CI 1.1–2.5, p = 0.0096": the quasi-Poisson interval and p. */
export function quasiFigures(q: Quasi): string {
  return `${formatRatioCi(q.ci95)}, ${formatP(q.p)}`;
}

/** "quasi-Poisson step model, φ̂ = 3.8 from the daily counts of the days compared". */
export function quasiMethod(q: Quasi): string {
  return `quasi-Poisson step model, φ̂ = ${sig2(q.phi)} from the daily counts of the days compared`;
}
