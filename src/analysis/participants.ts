/**
 * Everyone who appears as a sender, with message counts: shown by `inspect`, and by `report` when it has not
 * been told who the subject is, so the user can pick the right identifier.
 */
import type { Channel, Role } from '../model/index.js';
import { cleanName, keyValue } from '../timeline/identities.js';
import type { EventList } from '../timeline/list.js';

export interface Participant {
  /** The identifier to pass to --subject or --victim. */
  readonly identifier: string;
  readonly names: string[];
  readonly count: number;
  readonly channels: Channel[];
  readonly role: Role;
}

export function participants(events: EventList): Participant[] {
  const m = new Map<string, { names: Set<string>; count: number; channels: Set<Channel>; role: Role }>();
  for (const e of events) {
    if (e.senderKey === undefined) continue;
    const p = m.get(e.senderKey) ?? {
      names: new Set(),
      count: 0,
      channels: new Set(),
      role: e.role ?? 'other',
    };
    m.set(e.senderKey, p);
    p.count++;
    p.channels.add(e.channel);
    if (e.sender?.name !== undefined) p.names.add(cleanName(e.sender.name));
  }
  return [...m.entries()]
    .map(([key, p]) => ({
      identifier: keyValue(key),
      names: [...p.names].sort(),
      count: p.count,
      channels: [...p.channels].sort(),
      role: p.role,
    }))
    .sort((a, b) => b.count - a.count || (a.identifier < b.identifier ? -1 : 1));
}
