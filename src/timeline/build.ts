/**
 * Turns each `ParsedEvent` into a `TimelineEvent` the moment a source emits it, so the parsed object can be
 * collected at once and memory stays near one compact object per event: the time is resolved to one UTC instant
 * (local wall-clock times in the case zone, DST gaps and overlaps flagged) and the sender is resolved against
 * the case file.
 */
import type { ParsedEvent, Party, TimelineEvent } from '../model/index.js';
import type { IdentityResolver } from './identities.js';
import { type DstFlag, wallClockMs, type Zone } from './zone.js';

export type Built =
  | { readonly ok: true; readonly event: TimelineEvent; readonly dst: DstFlag }
  | { readonly ok: false; readonly message: string };

/**
 * A copy of a string that does not keep its parent alive. V8 represents `s.slice()` of 13+ characters as a view
 * into the original string, so a 30-character message text cut from a parser's 64 KiB chunk would pin the whole
 * chunk for as long as the event lives (measured: 65 KB per kept slice). Concatenating first forces a flat copy.
 */
function own(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

function ownDetails(d: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in d) out[k] = own(d[k]!);
  return out;
}

export class TimelineBuilder {
  private readonly conversations = new Map<string, string>();
  private readonly parties = new Map<string, Party>();

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
      sender: e.sender === undefined ? undefined : this.party(e.sender),
      senderKey: key,
      role,
      incident: role === 'subject' && direction !== 'outgoing',
      text: e.text === undefined ? undefined : own(e.text),
      call: e.call,
      conversation: e.conversation === undefined ? undefined : this.intern(e.conversation),
      nativeId: e.nativeId === undefined ? undefined : own(e.nativeId),
      flags,
      details: e.details === undefined ? undefined : ownDetails(e.details),
      input,
      locator: typeof e.locator === 'string' ? own(e.locator) : e.locator,
    };
    return { ok: true, event, dst };
  }

  /** One shared copy of each conversation name, instead of one per record. */
  private intern(s: string): string {
    let v = this.conversations.get(s);
    if (v === undefined) {
      v = own(s);
      if (this.conversations.size < 100_000) this.conversations.set(v, v);
    }
    return v;
  }

  /** One shared, owned copy of each distinct sender. */
  private party(p: Party): Party {
    const key = `${p.id ?? ''}\u0000${p.idType ?? ''}\u0000${p.name ?? ''}\u0000${p.role ?? ''}`;
    let v = this.parties.get(key);
    if (v === undefined) {
      v = {
        ...(p.id !== undefined ? { id: own(p.id) } : {}),
        ...(p.idType !== undefined ? { idType: p.idType } : {}),
        ...(p.name !== undefined ? { name: own(p.name) } : {}),
        ...(p.role !== undefined ? { role: p.role } : {}),
      };
      if (this.parties.size < 1_000_000) this.parties.set(own(key), v);
    }
    return v;
  }
}
