/**
 * Turns each `ParsedEvent` into a `TimelineEvent` the moment a source emits it, so the parsed object can be
 * collected at once and memory stays near one compact object per event: the time is resolved to one UTC instant
 * (local wall-clock times in the case zone, DST gaps and overlaps flagged) and the sender is resolved against
 * the case file.
 */
import type { ParsedEvent, TimelineEvent } from '../model/index.js';
import type { IdentityResolver } from './identities.js';
import { type DstFlag, wallClockMs, type Zone } from './zone.js';

export type Built =
  | { readonly ok: true; readonly event: TimelineEvent; readonly dst: DstFlag }
  | { readonly ok: false; readonly message: string };

export class TimelineBuilder {
  constructor(
    private readonly zone: Zone,
    private readonly identities: IdentityResolver,
  ) {}

  build(e: ParsedEvent, input: number): Built {
    let ms: number;
    let dst: DstFlag;
    if (e.time.type === 'instant') {
      ms = e.time.ms;
      if (!Number.isFinite(ms))
        return { ok: false, message: `time ${String(ms)} is not a number of milliseconds` };
    } else {
      const wall = wallClockMs(e.time.local);
      if (wall === undefined)
        return { ok: false, message: `"${e.time.local}" is not a real local date and time` };
      const r = this.zone.resolve(wall);
      ms = r.ms;
      dst = r.dst;
    }
    const { key, role } = this.identities.resolve(e.sender);
    let direction = e.direction;
    if (direction === 'unknown' && role === 'victim') direction = 'outgoing';
    else if (direction === 'unknown' && role === 'subject') direction = 'incoming';
    const flags = dst ? [...(e.flags ?? []), dst === 'gap' ? 'dst-gap' : 'dst-ambiguous'] : e.flags;
    const event: TimelineEvent = {
      ms,
      precision: e.time.precision,
      channel: e.channel,
      kind: e.kind,
      direction,
      sender: e.sender,
      senderKey: key,
      role,
      incident: role === 'subject' && direction !== 'outgoing',
      text: e.text,
      call: e.call,
      conversation: e.conversation,
      nativeId: e.nativeId,
      flags,
      details: e.details,
      input,
      locator: e.locator,
    };
    return { ok: true, event, dst };
  }
}
