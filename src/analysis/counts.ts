/**
 * Incident counts by channel, kind, call outcome and identifier, and the per-identifier table that shows when
 * each number or account was first and last used (how a new number appears after the old one was blocked).
 */
import type { CallStatus, Channel, Kind, Role, TimelineEvent } from '../model/index.js';
import { cleanName, keyValue } from '../timeline/identities.js';
import type { Zone } from '../timeline/zone.js';

/** Counts values, returning an object with keys in sorted order (deterministic output). */
export function tally<K extends string>(values: Iterable<K>): Partial<Record<K, number>> {
  const m = new Map<K, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return sortedRecord(m);
}

/** A map as a plain object with keys in byte order. */
export function sortedRecord<K extends string>(m: Map<K, number>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

export function byChannel(incidents: readonly TimelineEvent[]): Partial<Record<Channel, number>> {
  return tally(incidents.map((e) => e.channel));
}

export function byKind(incidents: readonly TimelineEvent[]): Partial<Record<Kind, number>> {
  return tally(incidents.map((e) => e.kind));
}

export function byCallStatus(incidents: readonly TimelineEvent[]): Partial<Record<CallStatus, number>> {
  return tally(incidents.filter((e) => e.call !== undefined).map((e) => e.call!.status));
}

/** The identifier shown for an event's sender: its normalised id, or "(unknown sender)". */
export function senderLabel(e: TimelineEvent): string {
  // A display name is shown as written (cleaned), not in its case-folded matching form.
  if (e.senderKey?.startsWith('name:') && e.sender?.name !== undefined) return cleanName(e.sender.name);
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
export function identifierTable(incidents: readonly TimelineEvent[], zone: Zone): IdentifierRow[] {
  const rows = new Map<string, { row: IdentifierRow; channels: Set<Channel>; names: Set<string> }>();
  for (const e of incidents) {
    const id = senderLabel(e);
    let r = rows.get(id);
    if (!r) {
      r = {
        row: {
          identifier: id,
          role: e.role ?? 'subject',
          incidents: 0,
          first: null,
          last: null,
          firstLocal: null,
          lastLocal: null,
          channels: [],
          names: [],
        },
        channels: new Set(),
        names: new Set(),
      };
      rows.set(id, r);
    }
    r.row.incidents++;
    const iso = new Date(e.ms).toISOString();
    if (r.row.first === null || iso < r.row.first) {
      r.row.first = iso;
      r.row.firstLocal = zone.localText(e.ms, 'min');
    }
    if (r.row.last === null || iso > r.row.last) {
      r.row.last = iso;
      r.row.lastLocal = zone.localText(e.ms, 'min');
    }
    r.channels.add(e.channel);
    if (e.sender?.name !== undefined) r.names.add(cleanName(e.sender.name));
  }
  return [...rows.values()]
    .map(({ row, channels, names }) => ({ ...row, channels: [...channels].sort(), names: [...names].sort() }))
    .sort((a, b) =>
      a.first! < b.first! ? -1 : a.first! > b.first! ? 1 : a.identifier < b.identifier ? -1 : 1,
    );
}

/** Incidents per identifier, keys sorted. */
export function byIdentifier(incidents: readonly TimelineEvent[]): Record<string, number> {
  return tally(incidents.map(senderLabel)) as Record<string, number>;
}
