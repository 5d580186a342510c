/**
 * The foundation figures of a course of conduct: totals, the dense daily series of incidents from the first to
 * the last incident, days with contact, the busiest day, the night-time share (00:00–05:59 local), the longest
 * streak of contact days, the longest gap between contact days, and weekly counts.
 */
import type { Channel, Report } from '../model/index.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';
import { byCallStatus, byChannel, byIdentifier, byKind } from './counts.js';
import { dailySeries, dayText, longestRun, weekly } from './series.js';

function sortedKeys<T extends Record<string, number | undefined>>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))) as T;
}

/** Night is 00:00–05:59 local time (statistics reference §2.10). */
export const NIGHT_END_HOUR = 6;

export function incidentFigures(incidents: EventList, zone: Zone): Report['incidents'] {
  const series = dailySeries(incidents, zone);
  const perChannel = new Map<number, Partial<Record<Channel, number>>>();
  const hourByWeekday = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  let timed = 0;
  let night = 0;
  for (const e of incidents) {
    const { day, hour, weekday } = zone.dayHour(e.ms);
    let m = perChannel.get(day);
    if (m === undefined) {
      m = {};
      perChannel.set(day, m);
    }
    m[e.channel] = (m[e.channel] ?? 0) + 1;
    // Records with only a date have no hour: they are left out of the hour figures rather than guessed.
    if (e.precision !== 'day') {
      hourByWeekday[weekday - 1]![hour]!++;
      timed++;
      if (hour < NIGHT_END_HOUR) night++;
    }
  }
  const daily = series.counts.map((count, i) => ({
    date: dayText(series.start + i),
    count,
    byChannel: sortedKeys(perChannel.get(series.start + i) ?? {}),
  }));
  let maxPerDay: { date: string; count: number } | null = null;
  for (const d of daily) {
    if (d.count > 0 && (maxPerDay === null || d.count > maxPerDay.count))
      maxPerDay = { date: d.date, count: d.count };
  }
  const gap = longestRun(series, (c) => c === 0);
  return {
    total: incidents.length,
    byChannel: byChannel(incidents),
    byKind: byKind(incidents),
    byCallStatus: byCallStatus(incidents),
    byIdentifier: byIdentifier(incidents),
    first: incidents.length ? new Date(incidents.at(0).ms).toISOString() : null,
    last: incidents.length ? new Date(incidents.at(incidents.length - 1).ms).toISOString() : null,
    firstLocal: incidents.length ? zone.localText(incidents.at(0).ms, 'min') : null,
    lastLocal: incidents.length ? zone.localText(incidents.at(incidents.length - 1).ms, 'min') : null,
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
