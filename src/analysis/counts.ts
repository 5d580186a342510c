/**
 * The identifier shown for a sender, and the per-identifier table that shows when
 * each number or account was first and last used (how a new number appears after the old one was blocked).
 */
import type { Channel, Role, TimelineEvent } from '../model/index.js';
import { CHANNELS } from '../model/vocabulary.js';
import { cleanName, keyValue } from '../timeline/identities.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';
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
export function senderLabel(e: TimelineEvent): string {
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
  channels: Channel[];
  names: string[];
}

/** One row per identifier the subject used, in order of first use. */
export function identifierTable(incidents: EventList, cols: IncidentColumns, zone: Zone): IdentifierRow[] {
  const k = cols.labels.length;
  const count = new Array<number>(k).fill(0);
  const firstAt = new Array<number>(k).fill(-1);
  const first = new Array<number>(k).fill(Number.POSITIVE_INFINITY);
  const last = new Array<number>(k).fill(Number.NEGATIVE_INFINITY);
  // Channels per identifier as bits of a CHANNELS index (fewer than 32 channels).
  const channels = new Array<number>(k).fill(0);
  for (let i = 0; i < cols.sender.length; i++) {
    const id = cols.sender[i]!;
    const ms = incidents.ms(i);
    if (count[id]!++ === 0) firstAt[id] = i;
    if (ms < first[id]!) first[id] = ms;
    if (ms > last[id]!) last[id] = ms;
    channels[id]! |= 1 << cols.channel[i]!;
  }
  // Local times and cleaned names are computed once per identifier, not once per incident.
  return cols.labels
    .map((identifier, id) => ({ identifier, id }))
    .sort((a, b) => first[a.id]! - first[b.id]! || (a.identifier < b.identifier ? -1 : 1))
    .map(({ identifier, id }) => ({
      identifier,
      role: incidents.at(firstAt[id]!).role ?? 'subject',
      incidents: count[id]!,
      first: new Date(first[id]!).toISOString(),
      last: new Date(last[id]!).toISOString(),
      firstLocal: zone.localText(first[id]!, 'min'),
      lastLocal: zone.localText(last[id]!, 'min'),
      channels: CHANNELS_SORTED.filter((c) => channels[id]! & (1 << c)).map((c) => CHANNELS[c]!),
      names: [...new Set([...cols.rawNames[id]!].map(cleanName))].sort(),
    }));
}
