/**
 * Night-time contact per month (statistics.md §2.10): the share of timed incidents between 00:00 and 05:59 local
 * time (the report's fixed night window), with its Clopper–Pearson interval. Descriptive: no test against a
 * uniform day, which is a weak baseline. Date-only records have no hour and are left out of the denominator.
 */
import type { Escalation } from '../../model/escalation.js';
import { timedAndBefore } from '../day-table.js';
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
  // Per month, adding up the days of the windowed incidents' table (a month is counted by its days in any order).
  const perMonth: { count: number; eligible: number; first: number }[] = [];
  const seen: number[] = [];
  let count = 0;
  let eligible = 0;
  const t = ctx.table;
  for (let row = 0; row < t.rows; row++) {
    const day = timedAndBefore(t, row, NIGHT_END_HOUR);
    if (day.timed === 0) continue; // date-only records have no hour
    const mi = ctx.months.of(t.start + row);
    let m = perMonth[mi];
    if (m === undefined) {
      m = { count: 0, eligible: 0, first: t.firstTimed[row]! };
      perMonth[mi] = m;
      seen.push(mi);
    } else m.first = Math.min(m.first, t.firstTimed[row]!);
    m.eligible += day.timed;
    eligible += day.timed;
    m.count += day.before;
    count += day.before;
  }
  // In order of first appearance among the timed incidents, which is not always the order of their days.
  seen.sort((x, y) => perMonth[x]!.first - perMonth[y]!.first);
  const months = seen.map((mi) => [ctx.months.names[mi]!, perMonth[mi]!] as const);
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
