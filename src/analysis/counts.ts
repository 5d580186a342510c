/**
 * Incident counts by channel, kind, call outcome and identifier, and the per-identifier table that shows when
 * each number or account was first and last used (how a new number appears after the old one was blocked).
 */
import type { CallStatus, Channel, Kind, Role, TimelineEvent } from '../model/index.js';
import { cleanName, keyValue } from '../timeline/identities.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';

/** A map as a plain object with keys in byte order. */
export function sortedRecord<K extends string>(m: Map<K, number>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

export function byChannel(incidents: EventList): Partial<Record<Channel, number>> {
  return sortedRecord(incidents.count((e) => e.channel));
}

export function byKind(incidents: EventList): Partial<Record<Kind, number>> {
  return sortedRecord(incidents.count((e) => e.kind));
}

export function byCallStatus(incidents: EventList): Partial<Record<CallStatus, number>> {
  return sortedRecord(incidents.count((e) => e.call?.status));
}

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
export function identifierTable(incidents: EventList, zone: Zone): IdentifierRow[] {
  interface Acc {
    identifier: string;
    role: Role;
    incidents: number;
    first: number;
    last: number;
    channels: Set<Channel>;
    rawNames: Set<string>;
  }
  const rows = new Map<string, Acc>();
  for (const e of incidents) {
    const id = senderLabel(e);
    let r = rows.get(id);
    if (r === undefined) {
      r = {
        identifier: id,
        role: e.role ?? 'subject',
        incidents: 0,
        first: e.ms,
        last: e.ms,
        channels: new Set(),
        rawNames: new Set(),
      };
      rows.set(id, r);
    }
    r.incidents++;
    if (e.ms < r.first) r.first = e.ms;
    if (e.ms > r.last) r.last = e.ms;
    r.channels.add(e.channel);
    if (e.sender?.name !== undefined) r.rawNames.add(e.sender.name);
  }
  // Local times and cleaned names are computed once per identifier, not once per incident.
  return [...rows.values()]
    .sort((a, b) => a.first - b.first || (a.identifier < b.identifier ? -1 : 1))
    .map((r) => ({
      identifier: r.identifier,
      role: r.role,
      incidents: r.incidents,
      first: new Date(r.first).toISOString(),
      last: new Date(r.last).toISOString(),
      firstLocal: zone.localText(r.first, 'min'),
      lastLocal: zone.localText(r.last, 'min'),
      channels: [...r.channels].sort(),
      names: [...new Set([...r.rawNames].map(cleanName))].sort(),
    }));
}

/** Incidents per identifier, keys sorted. */
export function byIdentifier(incidents: EventList): Record<string, number> {
  return sortedRecord(incidents.count(senderLabel)) as Record<string, number>;
}
