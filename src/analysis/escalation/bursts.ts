/**
 * Bursts (statistics.md §2.8, domain.md §4.4 "time of day… bursts"): the most contacts within any 60 minutes and
 * on one local day, and the burstiness of the gaps between episodes (Goh–Barabási B and the finite-size Kim–Jo
 * A_n; 0 is Poisson-like, towards 1 bursty). Caveat: a change of rate alone makes a series look bursty, so B is
 * descriptive only. Needs at least 10 episodes.
 */
import type { Escalation } from '../../model/escalation.js';
import type { EventList } from '../../timeline/list.js';
import { refOf } from '../cite.js';
import { burstiness, dateOf, gapHours } from '../stats/index.js';
import { type Ctx, MIN, plural } from './context.js';

const HOUR = 3_600_000;

/**
 * The most timed incidents within 60 minutes (from one incident's instant to just before an hour after it), and
 * the positions in `w` of the first and last of the earliest such run; count 0 when none is timed. `hours[i] < 0`
 * marks a date-only record, which has no instant to count in an hour.
 *
 * Each timed incident k is tried as the start of a run only for whether it holds one incident more than the
 * longest so far, so the test in the loop nearly always fails the same way: the processor predicts it, where two
 * pointers moving by a varying step each time were mispredicted about once an incident (~20 ms for a million). The
 * first start that reaches the longest run is the earliest run's first incident, as it was for the two pointers.
 */
export function busiestHour(w: EventList, hours: Int8Array): { count: number; i: number; j: number } {
  // The positions of the timed incidents, only when some are not: in the usual case position k is incident k.
  const at = timedPositions(hours);
  const n = at === undefined ? w.length : at.length;
  const msOf = (k: number) => w.ms(at === undefined ? k : at[k]!);
  let count = 0;
  let first = -1;
  for (let k = 0; k + count < n; k++) {
    const start = msOf(k);
    while (k + count < n && msOf(k + count) - start < HOUR) {
      count++;
      first = k;
    }
  }
  if (count === 0) return { count: 0, i: -1, j: -1 };
  const position = (k: number) => (at === undefined ? k : at[k]!);
  return { count, i: position(first), j: position(first + count - 1) };
}

/** The positions i with hours[i] ≥ 0 (timed incidents), or undefined when that is every position. */
function timedPositions(hours: Int8Array): Int32Array | undefined {
  let timed = 0;
  for (let i = 0; i < hours.length; i++) if (hours[i]! >= 0) timed++;
  if (timed === hours.length) return undefined;
  const out = new Int32Array(timed);
  for (let i = 0, k = 0; i < hours.length; i++) if (hours[i]! >= 0) out[k++] = i;
  return out;
}

/** Busiest hour and day, and burstiness. */
export function burstAnalysis(ctx: Ctx): Escalation['bursts'] {
  const w = ctx.windowed;
  const best = busiestHour(w, ctx.hours);
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
