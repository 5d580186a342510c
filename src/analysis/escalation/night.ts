/**
 * Night-time contact per month (statistics.md §2.10): the share of timed incidents between 00:00 and 05:59 local
 * time (the report's fixed night window), with its Clopper–Pearson interval. Descriptive: no test against a
 * uniform day, which is a weak baseline. Date-only records have no hour and are left out of the denominator.
 */
import type { Escalation } from '../../model/escalation.js';
import { clopperPearson } from '../stats/index.js';
import type { Ctx } from './context.js';

/** End of the night window (exclusive), as in the incidents figures. */
const NIGHT_END_HOUR = 6;

function share(
  count: number,
  eligible: number,
): { share: number | null; ci95: [number | null, number | null] } {
  return eligible > 0
    ? { share: count / eligible, ci95: clopperPearson(count, eligible) }
    : { share: null, ci95: [null, null] };
}

/** Night share overall and per month, over the window. */
export function nightAnalysis(ctx: Ctx, partialMonths: ReadonlySet<string>): Escalation['night'] {
  // Per month, in order of first appearance among the timed incidents.
  const perMonth: { count: number; eligible: number }[] = [];
  const order: number[] = [];
  let count = 0;
  let eligible = 0;
  const { days, hours } = ctx;
  // Incidents come day by day: the month is looked up when the day changes.
  let lastDay = Number.NaN;
  let m: { count: number; eligible: number } | undefined;
  for (let i = 0; i < days.length; i++) {
    const hour = hours[i]!;
    if (hour < 0) continue; // a date-only record has no hour
    if (days[i] !== lastDay) {
      lastDay = days[i]!;
      const mi = ctx.months.of(lastDay);
      m = perMonth[mi];
      if (m === undefined) {
        m = { count: 0, eligible: 0 };
        perMonth[mi] = m;
        order.push(mi);
      }
    }
    m!.eligible++;
    eligible++;
    if (hour < NIGHT_END_HOUR) {
      m!.count++;
      count++;
    }
  }
  const months = order.map((mi) => [ctx.months.names[mi]!, perMonth[mi]!] as const);
  return {
    hours: '00:00–05:59',
    count,
    eligible,
    ...share(count, eligible),
    byMonth: [...months].map(([month, m]) => ({
      month,
      count: m.count,
      eligible: m.eligible,
      ...share(m.count, m.eligible),
      partialCoverage: partialMonths.has(month),
    })),
  };
}
