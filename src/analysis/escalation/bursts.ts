/**
 * Bursts (statistics.md §2.8, domain.md §4.4 "time of day… bursts"): the most contacts within any 60 minutes and
 * on one local day, and the burstiness of the gaps between episodes (Goh–Barabási B and the finite-size Kim–Jo
 * A_n; 0 is Poisson-like, towards 1 bursty). Caveat: a change of rate alone makes a series look bursty, so B is
 * descriptive only. Needs at least 10 episodes.
 */
import type { Escalation } from '../../model/escalation.js';
import { refOf } from '../cite.js';
import { burstiness, dateOf, gapHours } from '../stats/index.js';
import { type Ctx, MIN, plural } from './context.js';

const HOUR = 3_600_000;

/** Busiest hour and day, and burstiness. */
export function burstAnalysis(ctx: Ctx): Escalation['bursts'] {
  // Two pointers over the timed incidents (date-only records have no instant to count in an hour).
  const w = ctx.windowed;
  const timed = ctx.hours;
  let best = { count: 0, i: -1, j: -1 };
  let i = 0;
  let inside = 0;
  let msI = w.length > 0 ? w.ms(0) : 0;
  for (let j = 0; j < w.length; j++) {
    if (timed[j]! < 0) continue;
    inside++;
    const msJ = w.ms(j);
    while (msJ - msI >= HOUR || timed[i]! < 0) {
      if (timed[i]! >= 0) inside--;
      i++;
      msI = w.ms(i);
    }
    if (inside > best.count) best = { count: inside, i, j };
  }
  // The earliest busiest day, with how many other days had as many.
  let maxDay: { date: string; count: number; ties: number } | null = null;
  for (let k = 0; k < ctx.counts.length; k++) {
    const c = ctx.counts[k]!;
    if (c === 0) continue;
    if (maxDay === null || c > maxDay.count)
      maxDay = { date: dateOf(ctx.window.from + k), count: c, ties: 0 };
    else if (c === maxDay.count) maxDay.ties++;
  }
  const starts = ctx.episodes;
  const b =
    starts.length >= MIN.eventStats
      ? (() => {
          const r = burstiness(gapHours(starts));
          return { B: r.bGohBarabasi, An: r.bKimJo, gaps: r.n, status: 'ok' as const, reason: null };
        })()
      : {
          B: null,
          An: null,
          gaps: Math.max(0, starts.length - 1),
          status: 'below-minimum' as const,
          reason: `${plural(starts.length, 'contact episode')} (at least ${MIN.eventStats} are needed)`,
        };
  return {
    maxInOneHour:
      best.count > 0
        ? {
            count: best.count,
            from: ctx.zone.localText(w.at(best.i).ms, 'min'),
            to: ctx.zone.localText(w.at(best.j).ms, 'min'),
            first: refOf(ctx, w.at(best.i)),
          }
        : null,
    maxInOneDay: maxDay,
    burstiness: b,
  };
}
