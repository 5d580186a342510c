/**
 * The identifier shown for a sender, and the per-identifier table that shows when
 * each number or account was first and last used (how a new number appears after the old one was blocked).
 */
import type { EventRef } from '../model/escalation.js';
import type { Channel, InputSummary, Role, TimelineEvent } from '../model/index.js';
import { timeFlagsOf } from '../model/time-flags.js';
import { CHANNELS } from '../model/vocabulary.js';
import { cleanName, keyValue } from '../timeline/identities.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';
import { citedPrecision, refOf } from './cite.js';
import { CHANNELS_SORTED, type IncidentColumns } from './columns.js';

const cleaned = new Map<string, string>();
function cleanNameCached(name: string): string {
  let c = cleaned.get(name);
  if (c === undefined) {
    c = cleanName(name);
    if (cleaned.size < 10_000) cleaned.set(name, c);
  }
  return c;
}

/** The identifier shown for an event's sender: its normalised id, or "(unknown sender)". */
export function senderLabel(e: Pick<TimelineEvent, 'sender' | 'senderKey'>): string {
  // A display name is shown as written (cleaned), not in its case-folded matching form.
  if (e.senderKey?.startsWith('name:') && e.sender?.name !== undefined) return cleanNameCached(e.sender.name);
  if (e.senderKey !== undefined) return keyValue(e.senderKey);
  return e.sender?.role === 'subject' ? '(subject, as recorded)' : '(unknown sender)';
}

export interface IdentifierRow {
  identifier: string;
  role: Role;
  incidents: number;
  first: string | null;
  last: string | null;
  firstLocal: string | null;
  lastLocal: string | null;
  firstTimeFlags?: string[];
  lastTimeFlags?: string[];
  channels: Channel[];
  names: string[];
  firstRef: EventRef;
  lastRef: EventRef;
}

/**
 * How precisely to write event i's local time in summaries (the first and last incident, each identifier's first
 * and last use): as it is cited (`citedPrecision`): the date alone, to the minute, or to the second when the
 * record has seconds. Never finer than the record: a WhatsApp time of 21:14 is not written 21:14:00.
 */
export function shownPrecision(events: EventList, i: number): 'day' | 'min' | 's' {
  return citedPrecision(events.at(i).precision);
}

/**
 * `{ [key]: flags }` with the time flags of event i (how to read its time: approximate, a range, …), or `{}` when
 * its record has none, so a report quoting its time says what the chronology says beside it.
 */
export function timeFlagsAt<K extends string>(events: EventList, i: number, key: K): { [k in K]?: string[] } {
  const flags = timeFlagsOf(events.flags(i));
  return (flags.length > 0 ? { [key]: flags } : {}) as { [k in K]?: string[] };
}

/** One row per identifier the subject used, in order of first use. */
export function identifierTable(
  incidents: EventList,
  cols: IncidentColumns,
  zone: Zone,
  inputs: readonly InputSummary[],
): IdentifierRow[] {
  const stats = cols.perLabel;
  // Local times and cleaned names are computed once per identifier, not once per incident.
  return cols.labels
    .map((identifier, id) => ({ identifier, id }))
    .sort((a, b) => stats[a.id]!.first - stats[b.id]!.first || (a.identifier < b.identifier ? -1 : 1))
    .map(({ identifier, id }) => ({
      identifier,
      role: incidents.at(stats[id]!.firstAt).role ?? 'subject',
      incidents: stats[id]!.count,
      first: new Date(stats[id]!.first).toISOString(),
      last: new Date(stats[id]!.last).toISOString(),
      firstLocal: zone.localText(stats[id]!.first, shownPrecision(incidents, stats[id]!.firstAt)),
      lastLocal: zone.localText(stats[id]!.last, shownPrecision(incidents, stats[id]!.lastAt)),
      ...timeFlagsAt(incidents, stats[id]!.firstAt, 'firstTimeFlags'),
      ...timeFlagsAt(incidents, stats[id]!.lastAt, 'lastTimeFlags'),
      channels: CHANNELS_SORTED.filter((c) => stats[id]!.channels & (1 << c)).map((c) => CHANNELS[c]!),
      names: [...new Set([...cols.rawNames[id]!].map(cleanName))].sort(),
      firstRef: refOf({ inputs, zone }, incidents.at(stats[id]!.firstAt)),
      lastRef: refOf({ inputs, zone }, incidents.at(stats[id]!.lastAt)),
    }));
}
