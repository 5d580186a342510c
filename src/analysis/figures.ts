/**
 * The foundation figures of a course of conduct: totals, the dense daily series of incidents from the first to
 * the last incident, days with contact, the busiest day, the night-time share (00:00–05:59 local), the longest
 * streak of contact days, the longest gap between contact days (on days the exports cover), and weekly counts.
 */
import type { InputSummary, Report } from '../model/index.js';
import { CHANNELS } from '../model/vocabulary.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';
import { refOf } from './cite.js';
import { breakdowns, CHANNELS_SORTED, countRecord, type IncidentColumns } from './columns.js';
import { shownPrecision, timeFlagsAt } from './counts.js';
import { type DayTable, HOUR_SLOTS, UNTIMED } from './day-table.js';
import { type DailySeries, dayText, longestRun, weekly } from './series.js';

/** Night is 00:00–05:59 local time (statistics reference §2.10). */
export const NIGHT_END_HOUR = 6;

/**
 * `covers(day)`: whether every export that limits the fully covered days (escalation/window.ts) covers a day number.
 * A day no such export covers is no day "without contact": the longest gap stops there, as a streak does (a gap
 * between two exports, a month no backup holds, is not a month of silence; statistics.md §1.3).
 */
export function incidentFigures(
  incidents: EventList,
  cols: IncidentColumns,
  table: DayTable,
  zone: Zone,
  covers: (day: number) => boolean,
  inputs: readonly InputSummary[],
): Report['incidents'] {
  // The dense daily series, and the hour figures, from the incidents counted by day (`table`, of `incidents`).
  const series: DailySeries = { start: table.start, counts: Array.from(table.count) };
  const width = CHANNELS.length;
  const perChannel = table.perChannel;
  const hourByWeekday = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let timed = 0;
  let night = 0;
  for (let row = 0; row < table.rows; row++) {
    // 1970-01-01 was a Thursday (ISO weekday 4).
    const weekday = hourByWeekday[(((table.start + row + 3) % 7) + 7) % 7]!;
    // Records with only a date have no hour: they are left out of the hour figures rather than guessed.
    for (let hour = 0; hour < UNTIMED; hour++) {
      const c = table.hourly[row * HOUR_SLOTS + hour]!;
      weekday[hour]! += c;
      timed += c;
      if (hour < NIGHT_END_HOUR) night += c;
    }
  }
  const daily = series.counts.map((count, i) => ({
    date: dayText(series.start + i),
    count,
    byChannel: countRecord(CHANNELS, perChannel.subarray(i * width, (i + 1) * width), CHANNELS_SORTED),
  }));
  // The earliest busiest day, with how many other days had as many: all of them are busiest days.
  let maxPerDay: { date: string; count: number; ties: number } | null = null;
  for (const d of daily) {
    if (d.count === 0) continue;
    if (maxPerDay === null || d.count > maxPerDay.count)
      maxPerDay = { date: d.date, count: d.count, ties: 0 };
    else if (d.count === maxPerDay.count) maxPerDay.ties++;
  }
  const gap = longestRun(series, (c, day) => c === 0 && covers(day));
  // The last incident's number; -1 when there is none.
  const last = incidents.length - 1;
  return {
    total: incidents.length,
    ...breakdowns(cols),
    first: last >= 0 ? new Date(incidents.at(0).ms).toISOString() : null,
    last: last >= 0 ? new Date(incidents.at(last).ms).toISOString() : null,
    firstLocal: last >= 0 ? zone.localText(incidents.at(0).ms, shownPrecision(incidents, 0)) : null,
    lastLocal: last >= 0 ? zone.localText(incidents.at(last).ms, shownPrecision(incidents, last)) : null,
    ...(last >= 0
      ? { ...timeFlagsAt(incidents, 0, 'firstTimeFlags'), ...timeFlagsAt(incidents, last, 'lastTimeFlags') }
      : {}),
    firstRef: last >= 0 ? refOf({ inputs, zone }, incidents.at(0)) : null,
    lastRef: last >= 0 ? refOf({ inputs, zone }, incidents.at(last)) : null,
    daily,
    daysWithContact: daily.filter((d) => d.count > 0).length,
    maxPerDay,
    night: { count: night, eligible: timed, share: timed ? night / timed : null },
    longestStreak: longestRun(series, (c) => c > 0),
    longestGap: gap,
    weekly: weekly(series),
    hourByWeekday,
  };
}
