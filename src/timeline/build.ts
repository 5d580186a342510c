/**
 * Turns each `ParsedEvent` into a stored timeline event the moment a source emits it, so the parsed object can
 * be collected at once and memory stays near one compact object per event (event.ts): the time is resolved to
 * one UTC instant (local wall-clock times in the case zone, DST gaps and overlaps flagged) and the sender is
 * resolved against the case file, once per distinct sender.
 */
import type { ParsedEvent, Party } from '../model/index.js';
import { pack, type Rare, StoredEvent, type Who } from './event.js';
import type { IdentityResolver } from './identities.js';
import { type DstFlag, wallClockMs, type Zone } from './zone.js';

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

const NOBODY: Who = { sender: undefined, key: undefined, role: undefined };

/** Distinct senders remembered; past this, senders are resolved afresh (same answer, more memory per event). */
const MAX_SENDERS = 1_000_000;

export class TimelineBuilder {
  private readonly conversations = new Map<string, string>();
  /** Resolutions by the sender's fields, and by the Party object itself for sources that reuse them. */
  private readonly byFields = new Map<string, Who>();
  private readonly byObject = new Map<Party, Who>();
  /** Set by `build` when the event's local time fell in a DST gap or overlap. */
  dst: DstFlag;

  constructor(
    private readonly zone: Zone,
    private readonly identities: IdentityResolver,
  ) {}

  /** The stored event, or why the record's time cannot be used (the caller rejects the record). */
  build(e: ParsedEvent, input: number): StoredEvent | string {
    let ms: number;
    this.dst = undefined;
    if (e.time.type === 'instant') {
      ms = e.time.ms;
      if (!Number.isFinite(ms)) return `time ${String(ms)} is not a number of milliseconds`;
    } else {
      const wall = wallClockMs(e.time.local);
      if (wall === undefined) return `"${e.time.local}" is not a real local date and time`;
      const quick = this.zone.quickInstant(wall);
      if (quick !== undefined) ms = quick;
      else {
        const r = this.zone.resolve(wall);
        ms = r.ms;
        this.dst = r.dst;
      }
    }
    const who = e.sender === undefined ? NOBODY : this.who(e.sender);
    let direction = e.direction;
    if (direction === 'unknown' && who.role === 'victim') direction = 'outgoing';
    else if (direction === 'unknown' && who.role === 'subject') direction = 'incoming';
    const flags = this.dst ? [...(e.flags ?? []), this.dst === 'gap' ? 'dst-gap' : 'dst-ambiguous'] : e.flags;
    const rare: Rare | undefined =
      e.call === undefined &&
      e.conversation === undefined &&
      e.nativeId === undefined &&
      flags === undefined &&
      e.details === undefined
        ? undefined
        : {
            call: e.call,
            conversation: e.conversation === undefined ? undefined : this.intern(e.conversation),
            nativeId: e.nativeId === undefined ? undefined : own(e.nativeId),
            flags,
            details: e.details === undefined ? undefined : ownDetails(e.details),
          };
    return new StoredEvent(
      ms,
      pack(
        e.channel,
        e.kind,
        direction,
        e.time.precision,
        who.role === 'subject' && direction !== 'outgoing',
      ),
      who,
      e.text === undefined ? undefined : own(e.text),
      input,
      typeof e.locator === 'string' ? own(e.locator) : e.locator,
      rare,
    );
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

  /**
   * The shared resolution of a sender. Sources that emit the same Party object for the same sender are answered
   * by object identity; others by their fields (one string key per event).
   */
  private who(p: Party): Who {
    const seen = this.byObject.get(p);
    if (seen !== undefined) return seen;
    const key = `${p.id ?? ''}\u0000${p.idType ?? ''}\u0000${p.name ?? ''}\u0000${p.role ?? ''}`;
    let who = this.byFields.get(key);
    if (who === undefined) {
      const sender: Party = {
        ...(p.id !== undefined ? { id: own(p.id) } : {}),
        ...(p.idType !== undefined ? { idType: p.idType } : {}),
        ...(p.name !== undefined ? { name: own(p.name) } : {}),
        ...(p.role !== undefined ? { role: p.role } : {}),
      };
      const r = this.identities.resolve(sender);
      who = { sender, key: r.key, role: r.role };
      if (this.byFields.size < MAX_SENDERS) {
        this.byFields.set(own(key), who);
        // Only the first object seen for a sender is remembered: a source that makes a new Party per record
        // would otherwise fill this map with one entry per event.
        this.byObject.set(p, who);
      }
    }
    return who;
  }
}
