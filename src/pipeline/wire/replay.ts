/**
 * The pipeline's side of the wire (records.ts): reads a slot's records and makes the same calls, in the same
 * order, on the pipeline's own `SourceContext`. An event is handed over as the source handed it (its text as
 * UTF-8 with `emitUtf8` wherever UTF-8 can carry it) and, like every event `emitUtf8` gives, is good only during
 * the call: the replay fills the same event object again for the next record, and its `local` time is read
 * from the slot when asked for.
 */
import type { EventTime, ParsedEvent, Party } from '../../model/index.js';
import type { SourceContext } from '../../sources/index.js';
import * as R from './records.js';

type Readable = Buffer & {
  utf8Slice(start: number, end: number): string;
  ucs2Slice(start: number, end: number): string;
};
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An event's time, its local string read from the record only when asked for (during the call). */
class WireTime {
  type: 'instant' | 'local' = 'instant';
  precision = '';
  ms = 0;
  wallMs: number | undefined = 0;
  /** Where the local string is in the slot (`head`: its length field), or −1 when it is `isoLocal(wallMs)`. */
  bytes: Buffer = Buffer.alloc(0);
  at = -1;
  head = 0;
  get local(): string {
    return this.at < 0
      ? R.isoLocal(this.wallMs!, this.precision)
      : readString(this.bytes, this.at, this.head);
  }
}

/** Replays the records of one parse, slot after slot. */
export class WireReplay {
  private readonly strings: string[] = [];
  private readonly parties: Party[] = [];
  private readonly parts: Buffer[] = [];
  private readonly time = new WireTime();
  private readonly event: Mutable<ParsedEvent> = {
    locator: 0,
    time: this.time as unknown as EventTime,
    channel: 'other',
    kind: 'other',
    direction: 'unknown',
    sender: undefined,
    text: undefined,
    call: undefined,
    conversation: undefined,
    nativeId: undefined,
    flags: undefined,
    details: undefined,
  };
  /** Where the string read last ends. */
  private next = 0;

  constructor(private readonly ctx: SourceContext) {}

  /** Replays the `used` bytes of records in `slot`; returns the outcome once it meets the last record. */
  replay(slot: R.Slot, used: number): R.WireOutcome | undefined {
    const { i32 } = slot;
    for (let at = 0; at < used; at += i32[(at + 4) >> 2]!) {
      const tag = i32[at >> 2]!;
      if (tag === R.EVENT) this.replayEvent(slot, at);
      else if (tag === R.END) return JSON.parse(this.str(slot, at + 8)) as R.WireOutcome;
      else this.other(tag, slot, at);
    }
    return undefined;
  }

  private other(tag: number, slot: R.Slot, at: number): void {
    const { i32, f64 } = slot;
    const ctx = this.ctx;
    switch (tag) {
      case R.STRING:
        this.strings[i32[(at + 8) >> 2]!] = this.str(slot, at + 12);
        return;
      case R.PARTY:
        this.parties[i32[(at + 8) >> 2]!] = this.partyAt(slot, at + 12);
        return;
      case R.SKIP: {
        const reason = this.named(slot, i32[(at + 20) >> 2]!, at + 24);
        ctx.skip(reason, this.locatorAt(slot, at, this.next)!);
        return;
      }
      case R.REJECT:
      case R.WARN: {
        const code = this.str(slot, at + 24);
        const locator = this.locatorAt(slot, at, this.next);
        const message = this.str(slot, this.next);
        const has = i32[(at + 20) >> 2]!;
        const hint = has & R.HAS_HINT ? this.str(slot, this.next) : undefined;
        const copy = has & R.HAS_COPY ? this.str(slot, this.next) : undefined;
        if (tag !== R.WARN) ctx.reject(code, locator!, message, hint);
        else if (copy !== undefined) ctx.warn(code, locator, message, hint, copy);
        else ctx.warn(code, locator, message, hint);
        return;
      }
      case R.PROGRESS:
        ctx.progress(f64[(at + 8) >> 3]!);
        return;
      case R.RESTART:
        ctx.restart?.();
        return;
      case R.PEOPLE: {
        const names: string[] = [];
        let p = at + 12;
        for (let n = i32[(at + 8) >> 2]!; n > 0; n--) {
          names.push(this.str(slot, p));
          p = this.next;
        }
        ctx.people?.(names);
        return;
      }
      case R.PART: {
        const n = i32[(at + 8) >> 2]!;
        this.parts.push(Buffer.from(slot.u8.subarray(at + 12, at + 12 + n)));
        return;
      }
      case R.BIG: {
        // Put together in memory of its own, from offset 0 (a multiple of 8, as the record's fields need).
        const bytes = this.parts.reduce((n, part) => n + part.length, 0);
        const big = R.slotOf(new ArrayBuffer(bytes), 0, bytes);
        let to = 0;
        for (const part of this.parts) to += part.copy(big.u8, to);
        this.parts.length = 0;
        this.replay(big, bytes);
        return;
      }
      default:
        throw new Error(`wire: unknown record ${tag} at byte ${at}`);
    }
  }

  private replayEvent(slot: R.Slot, at: number): void {
    const { i32, f64 } = slot;
    const e = this.event;
    const time = this.time;
    const strings = this.strings;
    const present = i32[(at + R.EV_PRESENT) >> 2]!;
    let p = at + R.EV_STRINGS;
    const type = i32[(at + R.EV_TYPE) >> 2]!;
    const precision = i32[(at + R.EV_PRECISION) >> 2]!;
    const channel = i32[(at + R.EV_CHANNEL) >> 2]!;
    const kind = i32[(at + R.EV_KIND) >> 2]!;
    const direction = i32[(at + R.EV_DIRECTION) >> 2]!;
    if ((type | precision | channel | kind | direction) < 0) p = this.inlineVocabulary(slot, at, p);
    else {
      time.type = strings[type] as WireTime['type'];
      time.precision = strings[precision]!;
      e.channel = strings[channel] as ParsedEvent['channel'];
      e.kind = strings[kind] as ParsedEvent['kind'];
      e.direction = strings[direction] as ParsedEvent['direction'];
    }
    if (present & R.HAS_LOCAL) {
      time.wallMs = present & R.HAS_WALL_MS ? f64[(at + R.EV_TIME) >> 3]! : undefined;
      if (present & R.HAS_LOCAL_TEXT) {
        const head = i32[p >> 2]!;
        time.bytes = slot.u8;
        time.at = p;
        time.head = head;
        p = R.afterString(p, head);
      } else time.at = -1;
    } else time.ms = f64[(at + R.EV_TIME) >> 3]!;
    if (present & R.HAS_LOCATOR_TEXT) {
      e.locator = this.str(slot, p);
      p = this.next;
    } else e.locator = f64[(at + R.EV_LOCATOR) >> 3]!;
    if (present & R.HAS_CALL) {
      const s = this.named(slot, i32[p >> 2]!, p + 4);
      p = this.next;
      const call: Mutable<NonNullable<ParsedEvent['call']>> = {
        status: s as NonNullable<ParsedEvent['call']>['status'],
      };
      if (present & R.HAS_DURATION) call.durationSec = f64[(at + R.EV_DURATION) >> 3]!;
      e.call = call;
    } else e.call = undefined;
    if (present & R.HAS_NATIVE_ID) {
      e.nativeId = this.str(slot, p);
      p = this.next;
    } else e.nativeId = undefined;
    if (present & R.HAS_FLAGS) {
      const n = i32[p >> 2]!;
      p += 4;
      const flags: string[] = [];
      for (let i = 0; i < n; i++) {
        flags.push(this.named(slot, i32[p >> 2]!, p + 4));
        p = this.next;
      }
      e.flags = flags;
    } else e.flags = undefined;
    if (present & R.HAS_DETAILS) {
      e.details = JSON.parse(this.str(slot, p)) as ParsedEvent['details'];
      p = this.next;
    } else e.details = undefined;
    const sender = i32[(at + R.EV_SENDER) >> 2]!;
    if (sender === R.INLINE) {
      e.sender = this.partyAt(slot, p);
      p = this.next;
    } else e.sender = sender === R.NONE ? undefined : this.parties[sender];
    const conversation = i32[(at + R.EV_CONVERSATION) >> 2]!;
    if (conversation === R.NONE) e.conversation = undefined;
    else {
      e.conversation = this.named(slot, conversation, p);
      p = this.next;
    }
    if (present & R.HAS_UTF8_TEXT) {
      const n = i32[p >> 2]!;
      e.text = undefined;
      const ctx = this.ctx;
      if (ctx.emitUtf8) ctx.emitUtf8(e, slot.u8, p + 4, p + 4 + n);
      else {
        e.text = (slot.u8 as Readable).utf8Slice(p + 4, p + 4 + n);
        ctx.emit(e);
      }
      return;
    }
    e.text = present & R.HAS_STRING_TEXT ? this.str(slot, p) : undefined;
    this.ctx.emit(e);
  }

  /** Reads the vocabulary fields of the event at `at`, those the table had no room for from `p`. */
  private inlineVocabulary(slot: R.Slot, at: number, p: number): number {
    const offsets = [R.EV_TYPE, R.EV_PRECISION, R.EV_CHANNEL, R.EV_KIND, R.EV_DIRECTION];
    const values = offsets.map((o) => {
      const s = this.named(slot, slot.i32[(at + o) >> 2]!, p);
      p = this.next;
      return s;
    });
    const e = this.event;
    this.time.type = values[0] as WireTime['type'];
    this.time.precision = values[1]!;
    e.channel = values[2] as ParsedEvent['channel'];
    e.kind = values[3] as ParsedEvent['kind'];
    e.direction = values[4] as ParsedEvent['direction'];
    return p;
  }

  /** String number `id`, or, when it is INLINE, the string written at `p`; `next` is set past what was read. */
  private named(slot: R.Slot, id: number, p: number): string {
    if (id === R.INLINE) return this.str(slot, p);
    this.next = p;
    return this.strings[id]!;
  }

  /** The locator of the skip or problem at `at`; a string one is written at `p` (`next` is set past it). */
  private locatorAt(slot: R.Slot, at: number, p: number): number | string | undefined {
    const what = slot.i32[(at + 16) >> 2]!;
    if (what === R.LOCATOR_TEXT) return this.str(slot, p);
    this.next = p;
    return what === R.LOCATOR_NUMBER ? slot.f64[(at + 8) >> 3]! : undefined;
  }

  /** A sender's fields written at `p`; `next` is set past them. */
  private partyAt(slot: R.Slot, p: number): Party {
    const mask = slot.i32[p >> 2]!;
    p += 4;
    const party: Record<string, string> = {};
    R.PARTY_FIELDS.forEach((f, i) => {
      if (mask & (1 << i)) {
        party[f] = this.str(slot, p);
        p = this.next;
      }
    });
    this.next = p;
    return party as Party;
  }

  /** The string written at `p`; `next` is set past it. */
  private str(slot: R.Slot, p: number): string {
    const head = slot.i32[p >> 2]!;
    this.next = R.afterString(p, head);
    return readString(slot.u8, p, head);
  }
}

/** The string written at `p` in `bytes`, whose length field (read as i32) is `head`. */
function readString(bytes: Buffer, p: number, head: number): string {
  const n = head >>> 1;
  const b = bytes as Readable;
  return head & 1 ? b.ucs2Slice(p + 4, p + 4 + n) : b.utf8Slice(p + 4, p + 4 + n);
}
