/**
 * The gaps between contact episodes, their trend and the burstiness, in the same words in the Markdown and HTML
 * reports (the text report leaves them to those two). Before, the Markdown gave the gap trend's S, p and Sen's
 * slope and the HTML only "shrinking"; the Markdown gave A_n, the HTML did not; and one counted 280 episodes
 * where the other counted 279 gaps, both right but not recognisably the same figure.
 *
 * Plain text: each report escapes it for its format.
 */
import type { Escalation } from '../model/escalation.js';
import { gapDirection, gapTrendMeaning } from '../model/escalation-words.js';
import { formatP, formatShare, sig2 } from '../model/format.js';
import { int, plural } from './format.js';
import { withheldWords } from './withheld.js';

/** "280 contact episodes (…); median gap 9.8 hours over 279 gaps". */
export function gapWords(g: Escalation['gaps']): string {
  return `${plural(g.episodes, 'contact episode')} (contacts less than ${int(g.episodeMinutes)} minutes apart form one episode); median gap ${sig2(g.medianHours)} hours over ${plural(g.gaps, 'gap')}`;
}

/**
 * "Mann–Kendall on the sequence of gaps, fully covered days: S = -4715, p < 0.001, Sen's slope -0.026 hours per
 * episode, shrinking (this is a rising rate seen another way, not separate evidence)", or why it is withheld. With
 * no clear trend nothing changed, and nothing is said to be a change seen another way.
 */
export function gapTrendWords(t: Escalation['gaps']['trend']): string {
  const head = 'Mann–Kendall on the sequence of gaps, fully covered days';
  if (t.status !== 'ok') return `${head}: ${withheldWords(t)}`;
  // In the findings' words (gapDirection).
  const way = `, ${gapDirection(t.shrinking)}`;
  const meaning = gapTrendMeaning(t.shrinking);
  return `${head}: S = ${t.S}, ${formatP(t.p)}, Sen's slope ${sig2(t.senSlope)} hours per episode${way}${meaning ? ` (${meaning})` : ''}`;
}

/** "B = 0.0038, A_n = 0.0059 over 279 gaps (…; descriptive: …)", or why it is withheld. */
export function burstinessWords(b: Escalation['bursts']['burstiness']): string {
  if (b.status !== 'ok') return withheldWords(b);
  return `B = ${sig2(b.B)}, A_n = ${sig2(b.An)} over ${plural(b.gaps, 'gap')} (−1 regular, 0 random, towards 1 in bursts; descriptive: a change of rate alone looks bursty)`;
}

/** A month's note: "partial month (24 days in the window)", "partial coverage (not every export covers it)". */
export function monthNote(m: Escalation['monthly'][number]): string {
  return [
    m.partial ? `partial month (${plural(m.days, 'day')} in the window)` : '',
    m.partialCoverage ? 'partial coverage (not every export covers it)' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** A month's night-time share: "3% (1 of 37; 95% CI 0%–14%)" (Clopper–Pearson). */
export function nightShareWords(n: Escalation['night']['byMonth'][number]): string {
  return `${formatShare(n.share)} (${int(n.count)} of ${int(n.eligible)}; 95% CI ${formatShare(n.ci95[0])}–${formatShare(n.ci95[1])})`;
}
