/**
 * The days and the ISO weeks the text, Markdown and HTML reports count and draw by, so that one week has the same
 * number of days in each: the incidents' days (`incidents.daily`, the first to the last incident) widened to the
 * escalation analysis's window (`escalation.window`) where it reaches further, as Figure 1 of the HTML report draws
 * them. The window is the period the report states ("From 8 January to 30 June 2024 (175 days)"): the case file's
 * or --from/--to's, else the first to the last record of any kind (statistics.md §1.2: never the first and last
 * incident), and every day in it counts, zero days included. So when the window ends on a Sunday after the last
 * incident (fixtures/demo-case: last incident Saturday 29 June, window to 30 June), the last week has 7 days, as
 * the escalation analysis's weeks (`escalation.weekly`) have; `incidents.weekly` in the JSON, counted over the first
 * to the last incident only, gave it 6, and the reports disagreed (the text "last 6 days", the Markdown "7", the
 * HTML table "6 (partial)"). A week is partial when fewer than 7 of its days are in that period.
 */
import type { Report } from '../model/index.js';
import { dayNumber, isoDate, weekday } from './html/dates.js';

export type PeriodDay = Report['incidents']['daily'][number];
export type PeriodWeek = Report['incidents']['weekly'][number];

/**
 * Every day of the period in order, zero days included: the incidents' own rows, and rows of no incident (an
 * empty `byChannel`) for the window's days before the first incident or after the last. Empty with no incident.
 */
export function periodDays(r: Report): PeriodDay[] {
  const daily = r.incidents.daily;
  if (daily.length === 0) return [];
  const w = r.escalation?.window;
  const widen = Boolean(w?.from && w.to);
  const from = Math.min(dayNumber(daily[0]!.date), widen ? dayNumber(w!.from!) : Number.POSITIVE_INFINITY);
  const to = Math.max(dayNumber(daily.at(-1)!.date), widen ? dayNumber(w!.to!) : Number.NEGATIVE_INFINITY);
  const rows = new Map(daily.map((d) => [d.date, d]));
  return Array.from({ length: to - from + 1 }, (_, k) => {
    const date = isoDate(from + k);
    return rows.get(date) ?? { date, count: 0, byChannel: {} };
  });
}

/** The ISO weeks (Monday start) of the period, each with its days in the period; partial below 7. */
export function periodWeeks(r: Report): PeriodWeek[] {
  const weeks: PeriodWeek[] = [];
  for (const d of periodDays(r)) {
    const day = dayNumber(d.date);
    const weekStart = isoDate(day - weekday(day));
    const last = weeks.at(-1);
    if (last && last.weekStart === weekStart) {
      last.days++;
      last.count += d.count;
    } else weeks.push({ weekStart, days: 1, count: d.count, partial: false });
  }
  for (const w of weeks) w.partial = w.days < 7;
  return weeks;
}
