/**
 * Incoming calls whose number the phone did not get (withheld, unknown or payphone: the timeline's `withheld` flag),
 * counted apart from the incidents. Nobody can be named as the caller, so none of them is an incident, and the
 * reports say how many there were, how they ended, when, and on how many of those days the subject also made
 * contact, leaving the reader to weigh them.
 */
import type { InputSummary } from '../model/index.js';
import type { Report } from '../model/report.js';
import { CALL_STATUSES, KINDS, WITHHELD_FLAG } from '../model/vocabulary.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';
import { refOf } from './cite.js';

type WithheldCalls = NonNullable<Report['withheldCalls']>;

/**
 * The withheld calls among `events` (every event, in time order), or undefined when there are none;
 * `incidentDays` holds the incidents' local day numbers in ascending order (analysis/columns.ts).
 */
export function withheldCalls(
  events: EventList,
  incidentDays: Int32Array,
  zone: Zone,
  inputs: readonly InputSummary[],
): WithheldCalls | undefined {
  const calls = events
    .withFlag(WITHHELD_FLAG)
    .filter((i) => events.kindIndex(i) === CALL && !events.incident(i) && events.direction(i) === 'incoming');
  if (calls.length === 0) return undefined;
  const byCaller: Record<string, number> = {};
  const byCallStatus: WithheldCalls['byCallStatus'] = {};
  const days = new Set<number>();
  for (const i of calls) {
    const e = events.at(i);
    const caller = e.sender?.name ?? e.sender?.id ?? 'Withheld number';
    byCaller[caller] = (byCaller[caller] ?? 0) + 1;
    const status = e.call?.status ?? 'unknown';
    byCallStatus[status] = (byCallStatus[status] ?? 0) + 1;
    days.add(zone.localDayNumber(e.ms));
  }
  const cite = { inputs, zone };
  return {
    total: calls.length,
    byCaller: sortedByKey(byCaller),
    // In the vocabulary's order, as incidents.byCallStatus is, whatever the order the calls came in.
    byCallStatus: Object.fromEntries(
      CALL_STATUSES.filter((c) => byCallStatus[c] !== undefined).map((c) => [c, byCallStatus[c]!]),
    ),
    first: refOf(cite, events.at(calls[0]!)),
    last: refOf(cite, events.at(calls[calls.length - 1]!)),
    days: days.size,
    daysWithIncidents: [...days].filter((d) => hasDay(incidentDays, d)).length,
  };
}

/** The kind index of calls, as `EventList.kindIndex` gives it. */
const CALL = KINDS.indexOf('call');

function sortedByKey(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Whether ascending `days` holds `d` (binary search). */
function hasDay(days: Int32Array, d: number): boolean {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! < d) lo = mid + 1;
    else hi = mid;
  }
  return lo < days.length && days[lo] === d;
}
