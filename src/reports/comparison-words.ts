/**
 * The overdispersion check beside a before/after comparison, in the same words in the text, Markdown and HTML
 * reports: "95% CI 1.1–2.5, p = 0.0096 (quasi-Poisson step model, φ̂ = 3.8 from the daily counts of the days
 * compared)", given only where it widens the exact interval (`allowingForOverdispersion`).
 *
 * Why φ̂ is named "of the days compared": each comparison fits its own step model, so its φ̂ is its own estimate
 * (the demo case's latest-against-first comparison has φ̂ 3.4 over its 56 days), not the φ̂ of the trend model
 * that the dispersion figure and the trend give (3.8 there). Printed bare, "(φ̂ 3.4)" beside "φ̂ 3.8" everywhere
 * else read as two answers to one question.
 */
import type { Comparison } from '../model/escalation.js';
import {
  allowingForOverdispersion,
  notComputableWords,
  type OverdispersionFigures,
  overdispersionCiWords,
  phiAboveOne,
} from '../model/escalation-words.js';
import { formatP, sig2 } from '../model/format.js';

type Quasi = NonNullable<Comparison['overdispersed']>;

/**
 * "quasi-Poisson step model, φ̂ = 3.8 from the daily counts of the days compared"; a φ̂ above 1 with as many decimals
 * as show it above 1 (1.0084, not "1.0" beside "allowing for overdispersion").
 */
export function quasiMethod(q: Pick<Quasi, 'phi'>): string {
  const phi = q.phi !== null && q.phi > 1 ? phiAboveOne(q.phi) : sig2(q.phi);
  return `quasi-Poisson step model, φ̂ = ${phi} from the daily counts of the days compared`;
}

/** What the reports say when the quasi-Poisson interval lies inside the exact one (`allowingForOverdispersion`). */
export const NO_WIDER = 'no wider than the exact interval, as the quasi-Poisson interval lies inside it';

/** What the figures are when the quasi-Poisson interval is narrower than the exact one at one end only. */
export const WIDER_LIMITS =
  'the wider limit at each end of the exact and the quasi-Poisson intervals, and the larger p';

/**
 * The figures "allowing for overdispersion" and how they were made, by the rule every report follows
 * (`allowingForOverdispersion`): the quasi-Poisson interval with `quasiMethod`; the wider limit of the two
 * intervals at each end, said to be so (either with more digits where it would read as the exact interval does:
 * `overdispersionCiWords`); NO_WIDER; or `notComputableWords` with no method (the step model's whole
 * days on one side have no contacts, so it has no estimate and no φ̂ to name). Null when the counts were not
 * overdispersed.
 */
export function overdispersionWords(
  c: Pick<Comparison, 'before' | 'after' | 'ci95' | 'p' | 'overdispersed'>,
): { kind: OverdispersionFigures['kind']; figures: string; method: string | null } | null {
  const o = allowingForOverdispersion(c);
  if (!o) return null;
  if (o.kind === 'not-computable')
    return { kind: o.kind, figures: notComputableWords(o.cause), method: null };
  const method = quasiMethod({ phi: o.phi });
  if (o.kind === 'inside') return { kind: o.kind, figures: NO_WIDER, method };
  // With more digits, beside the exact interval to as many, where it would otherwise read as the exact one does.
  const figures = `${overdispersionCiWords(o.ci95, c.ci95)}, ${formatP(o.p)}`;
  return { kind: o.kind, figures, method: o.kind === 'quasi' ? method : `${WIDER_LIMITS}; ${method}` };
}

/**
 * "; allowing for overdispersion 95% CI 1.7–3.9, p < 0.001, the wider limit at each end …" after an exact test's
 * figures in one line (the text report and the HTML summary tile): `overdispersionWords` with the wider limits said
 * so, the quasi-Poisson figures under `quasiLabel`; '' when the counts were not overdispersed.
 */
export function overdispersionClause(
  c: Pick<Comparison, 'before' | 'after' | 'ci95' | 'p' | 'overdispersed'>,
  quasiLabel = 'allowing for overdispersion',
): string {
  const o = overdispersionWords(c);
  if (!o) return '';
  const label = o.kind === 'quasi' ? quasiLabel : 'allowing for overdispersion';
  return `; ${label} ${o.figures}${o.kind === 'hull' ? `, ${WIDER_LIMITS}` : ''}`;
}
