/**
 * Gaps between contact episodes and whether they shrink (statistics.md §2.7): the median gap per month (easiest
 * to read), and Mann–Kendall with Sen's slope on the gap sequence of the fully covered stretch. Caveats: gaps
 * are autocorrelated, so p is optimistic, and this is essentially the rate trend seen another way — not
 * independent corroboration. Needs at least 10 episodes.
 */
import type { Escalation } from '../../model/escalation.js';
import { P_CUT } from '../../model/format.js';
import { gapTrend, median } from '../stats/index.js';
import { type Ctx, MIN, monthOf, plural } from './context.js';
import { EPISODE_MINUTES } from './episodes.js';

const HOUR = 3_600_000;

/** Gaps per month and their trend. */
export function gapAnalysis(ctx: Ctx, partialMonths: ReadonlySet<string>): Escalation['gaps'] {
  const starts = ctx.episodes;
  const byMonth = new Map<string, number[]>();
  for (let i = 1; i < starts.length; i++) {
    const month = monthOf(ctx.zone.localDayNumber(starts[i]!));
    const list = byMonth.get(month) ?? [];
    list.push((starts[i]! - starts[i - 1]!) / HOUR);
    byMonth.set(month, list);
  }
  const all = new Float64Array(Math.max(0, starts.length - 1));
  for (let i = 1; i < starts.length; i++) all[i - 1] = (starts[i]! - starts[i - 1]!) / HOUR;
  const mean = all.length ? all.reduce((s, x) => s + x, 0) / all.length : null;
  const s = ctx.stretch;
  const inStretch = s
    ? starts.filter((t) => {
        const d = ctx.zone.localDayNumber(t);
        return d >= s.from && d <= s.to;
      })
    : [];
  const nullCi: [null, null] = [null, null];
  let trend: Escalation['gaps']['trend'];
  if (inStretch.length < MIN.eventStats) {
    trend = {
      S: null,
      z: null,
      p: null,
      senSlope: null,
      senCi95: nullCi,
      shrinking: null,
      status: 'below-minimum',
      reason: `${plural(inStretch.length, 'contact episode')} on fully covered days (at least ${MIN.eventStats} are needed)`,
    };
  } else {
    const t = gapTrend(inStretch);
    trend = {
      S: t.mannKendall.S,
      z: t.mannKendall.z,
      p: t.mannKendall.p,
      senSlope: t.sen.slope,
      senCi95: t.sen.ci,
      shrinking: t.mannKendall.p < P_CUT ? t.mannKendall.S < 0 : null,
      status: 'ok',
      reason: null,
    };
  }
  return {
    episodeMinutes: EPISODE_MINUTES,
    episodes: starts.length,
    gaps: all.length,
    medianHours: all.length ? median(all) : null,
    meanHours: mean,
    byMonth: [...byMonth].map(([month, g]) => ({
      month,
      gaps: g.length,
      medianHours: median(g),
      partialCoverage: partialMonths.has(month),
    })),
    trend,
  };
}
