/**
 * The foundation figures of a course of conduct: totals, the dense daily series of incidents from the first to
 * the last incident, days with contact, the busiest day, the night-time share (00:00–05:59 local), the longest
 * streak of contact days, the longest gap between contact days, and weekly counts.
 */
import type { Report, TimelineEvent } from '../model/index.js';
import type { Zone } from '../timeline/zone.js';
import { byCallStatus, byChannel, byIdentifier, byKind } from './counts.js';
import { dailySeries, dayText, longestRun, weekly } from './series.js';

/** Night is 00:00–05:59 local time (statistics reference §2.10). */
export const NIGHT_END_HOUR = 6;

export function incidentFigures(incidents: readonly TimelineEvent[], zone: Zone): Report['incidents'] {
  const series = dailySeries(incidents, zone);
  const daily = series.counts.map((count, i) => ({ date: dayText(series.start + i), count }));
  let maxPerDay: { date: string; count: number } | null = null;
  for (const d of daily) if (d.count > 0 && (maxPerDay === null || d.count > maxPerDay.count)) maxPerDay = d;
  // Records with only a date have no hour: they are left out of the night share rather than guessed.
  const timed = incidents.filter((e) => e.precision !== 'day');
  const night = timed.filter((e) => zone.parts(e.ms).hour < NIGHT_END_HOUR).length;
  const gap = longestRun(series, (c) => c === 0);
  return {
    total: incidents.length,
    byChannel: byChannel(incidents),
    byKind: byKind(incidents),
    byCallStatus: byCallStatus(incidents),
    byIdentifier: byIdentifier(incidents),
    first: incidents.length ? new Date(incidents[0]!.ms).toISOString() : null,
    last: incidents.length ? new Date(incidents[incidents.length - 1]!.ms).toISOString() : null,
    firstLocal: incidents.length ? zone.localText(incidents[0]!.ms, 'min') : null,
    lastLocal: incidents.length ? zone.localText(incidents[incidents.length - 1]!.ms, 'min') : null,
    daily,
    daysWithContact: daily.filter((d) => d.count > 0).length,
    maxPerDay,
    night: { count: night, eligible: timed.length, share: timed.length ? night / timed.length : null },
    longestStreak: longestRun(series, (c) => c > 0),
    longestGap: gap,
    weekly: weekly(series),
  };
}
