/**
 * The source's side of the wire (records.ts): a `SourceContext` that writes each call as a record into the
 * slots it is given, and hands each slot over when the next record does not fit. It runs on the worker thread;
 * it keeps nothing of an event after the call, so sources may fill the same event again (`emitUtf8`).
 */
import type { ParsedEvent, Party } from '../../model/index.js';
import type { SourceContext, SourceOptions } from '../../sources/index.js';
import { partyKey } from '../../timeline/build.js';
import { copyBytes } from '../../timeline/pages.js';
import * as R from './records.js';

/**
 * Gives slot `index`, holding `used` bytes of records, to the reader; unless `last`, returns once the next slot
 * (index + 1, round the ring) is free to write again.
 */
export type HandOver = (index: number, used: number, last: boolean) => void;

/** The context's methods, bound to it in the constructor. */
const BOUND = ['emit', 'emitUtf8', 'skip', 'reject', 'warn', 'progress', 'restart', 'people'] as const;

/** Bytes of records in the first slot handed over (`WireContext.fill`). */
const FIRST_FILL = 32 << 10;

/** Distinct strings and senders numbered; past this many, new ones are written in place each time. */
const TABLE = 4096;

/** Upper bound of a string's bytes as written (its length field, UTF-8 or UTF-16, padding). */
const strBytes = (s: string): number => 8 + s.length * 3;

type WellFormed = string & { isWellFormed(): boolean };
type Writable = Buffer & {
  utf8Write(s: string, at: number): number;
  ucs2Write(s: string, at: number): number;
};

export class WireContext implements SourceContext {
  private index = 0;
  private pos = 0;
  /** Where records are written: the current slot, or scratch memory for a record larger than a slot. */
  private t: R.Slot;
  private readonly strings = new Map<string, number>();
  private readonly parties = new Map<Party, number>();
  private readonly partyKeys = new Map<string, number>();
  private partyCount = 0;
  private readonly flagIds: number[] = [];
  /**
   * How full a slot is let get before it is handed over: little at first, so that the reader starts while this
   * thread is still warming up (a whole first slot kept it waiting ~0.1 s), doubling to whole slots.
   */
  private fill = FIRST_FILL;
  /** The vocabulary, conversation and sender of the event before, with their numbers. */
  private readonly memo = {
    type: new Last(),
    precision: new Last(),
    channel: new Last(),
    kind: new Last(),
    direction: new Last(),
    conversation: new Last(),
  };
  private lastSender: Party | undefined;
  private lastSenderId = 0;

  constructor(
    readonly options: SourceOptions,
    private readonly slots: readonly R.Slot[],
    private readonly handOver: HandOver,
  ) {
    this.t = slots[0]!;
    // Bound: sources may pass a context's methods around on their own (`const { warn } = ctx`).
    for (const m of BOUND) {
      this[m] = this[m].bind(this) as never;
    }
  }

  emit(e: ParsedEvent): void {
    this.event(e, undefined, 0, 0);
  }

  emitUtf8(e: ParsedEvent, bytes: Uint8Array, start: number, end: number): void {
    this.event(e, bytes, start, end);
  }

  skip(reason: string, locator: number | string): void {
    const r = this.ref(reason);
    const at = this.begin(24 + (r === R.INLINE ? strBytes(reason) : 0) + locatorBytes(locator));
    this.locator(at, locator);
    this.t.i32[(at + 20) >> 2] = r;
    let p = at + 24;
    if (r === R.INLINE) p = this.str(p, reason);
    if (typeof locator === 'string') p = this.str(p, locator);
    this.finish(R.SKIP, at, p);
  }

  reject(code: string, locator: number | string, message: string, hint?: string): void {
    this.problem(R.REJECT, code, locator, message, hint);
  }

  warn(
    code: string,
    locator: number | string | undefined,
    message: string,
    hint?: string,
    copy?: string,
  ): void {
    this.problem(R.WARN, code, locator, message, hint, copy);
  }

  progress(bytesRead: number): void {
    const at = this.begin(16);
    this.t.f64[(at + 8) >> 3] = bytesRead;
    this.finish(R.PROGRESS, at, at + 16);
  }

  restart(): void {
    const at = this.begin(R.HEAD);
    this.finish(R.RESTART, at, at + R.HEAD);
  }

  people(names: readonly string[]): void {
    let need = 12;
    for (const n of names) need += strBytes(n);
    const at = this.begin(need);
    this.t.i32[(at + 8) >> 2] = names.length;
    let p = at + 12;
    for (const n of names) p = this.str(p, n);
    this.finish(R.PEOPLE, at, p);
  }

  /** Writes the outcome as the last record and hands the last slot over. */
  end(outcome: R.WireOutcome): void {
    const json = JSON.stringify(outcome);
    const at = this.begin(R.HEAD + strBytes(json));
    this.finish(R.END, at, this.str(at + R.HEAD, json));
    this.handOver(this.index, this.pos, true);
  }

  private event(e: ParsedEvent, bytes: Uint8Array | undefined, start: number, end: number): void {
    // Numbers first: a string or sender met for the first time is sent before the record that names it. The
    // value of each field met last is remembered with its number: most events repeat the one before.
    const time = e.time;
    const m = this.memo;
    const type = this.numbered(m.type, time.type);
    const precision = this.numbered(m.precision, time.precision);
    const channel = this.numbered(m.channel, e.channel);
    const kind = this.numbered(m.kind, e.kind);
    const direction = this.numbered(m.direction, e.direction);
    const sender = e.sender === undefined ? R.NONE : this.party(e.sender);
    const conversation =
      e.conversation === undefined ? R.NONE : this.numbered(m.conversation, e.conversation);
    const { locator, nativeId, text, call, flags } = e;
    let present = 0;
    let local: string | undefined;
    if (time.type === 'local') {
      present |= R.HAS_LOCAL;
      if (time.wallMs !== undefined) present |= R.HAS_WALL_MS;
      if (time.wallMs === undefined || !R.isIsoLocal(time.wallMs, time.precision)) {
        present |= R.HAS_LOCAL_TEXT;
        local = time.local;
      }
    }
    let need = R.EV_STRINGS + 8 + (bytes !== undefined ? end - start : 0);
    // Vocabulary is numbered unless the string table is full (INLINE, the only negative number it gives).
    const inlined = (type | precision | channel | kind | direction) < 0;
    if (inlined)
      need += strBytes(time.type) + strBytes(time.precision) + strBytes(e.channel) + strBytes(e.kind);
    if (inlined) need += strBytes(e.direction);
    if (local !== undefined) need += strBytes(local);
    if (typeof locator === 'string') need += strBytes(locator);
    let status = R.NONE;
    if (call !== undefined) {
      status = this.ref(call.status);
      need += 4 + strBytes(call.status);
    }
    if (nativeId !== undefined) need += strBytes(nativeId);
    const flagIds = this.flagIds;
    if (flags !== undefined) {
      flagIds.length = 0;
      need += 4;
      for (const f of flags) {
        flagIds.push(this.ref(f));
        need += 4 + strBytes(f);
      }
    }
    const details = e.details === undefined ? undefined : JSON.stringify(e.details);
    if (details !== undefined) need += strBytes(details);
    if (sender === R.INLINE) need += partyBytes(e.sender!);
    if (conversation === R.INLINE) need += strBytes(e.conversation!);
    if (bytes === undefined && text !== undefined) need += strBytes(text);

    const at = this.begin(need);
    const { i32, f64 } = this.t;
    if (time.type === 'instant') f64[(at + R.EV_TIME) >> 3] = time.ms;
    else if (time.wallMs !== undefined) f64[(at + R.EV_TIME) >> 3] = time.wallMs;
    if (typeof locator === 'number') f64[(at + R.EV_LOCATOR) >> 3] = locator;
    else present |= R.HAS_LOCATOR_TEXT;
    if (call !== undefined) {
      present |= R.HAS_CALL;
      if (call.durationSec !== undefined) {
        present |= R.HAS_DURATION;
        f64[(at + R.EV_DURATION) >> 3] = call.durationSec;
      }
    }
    if (nativeId !== undefined) present |= R.HAS_NATIVE_ID;
    if (flags !== undefined) present |= R.HAS_FLAGS;
    if (details !== undefined) present |= R.HAS_DETAILS;
    if (bytes !== undefined) present |= R.HAS_UTF8_TEXT;
    else if (text !== undefined) present |= R.HAS_STRING_TEXT;
    i32[(at + R.EV_PRESENT) >> 2] = present;
    i32[(at + R.EV_TYPE) >> 2] = type;
    i32[(at + R.EV_PRECISION) >> 2] = precision;
    i32[(at + R.EV_CHANNEL) >> 2] = channel;
    i32[(at + R.EV_KIND) >> 2] = kind;
    i32[(at + R.EV_DIRECTION) >> 2] = direction;
    i32[(at + R.EV_SENDER) >> 2] = sender;
    i32[(at + R.EV_CONVERSATION) >> 2] = conversation;
    let p = at + R.EV_STRINGS;
    if (inlined) {
      const ids = [type, precision, channel, kind, direction];
      const values = [time.type, time.precision, e.channel, e.kind, e.direction];
      for (let i = 0; i < ids.length; i++) if (ids[i] === R.INLINE) p = this.str(p, values[i]!);
    }
    if (local !== undefined) p = this.str(p, local);
    if (typeof locator === 'string') p = this.str(p, locator);
    if (call !== undefined) {
      i32[p >> 2] = status;
      p += 4;
      if (status === R.INLINE) p = this.str(p, call.status);
    }
    if (nativeId !== undefined) p = this.str(p, nativeId);
    if (flags !== undefined) {
      i32[p >> 2] = flags.length;
      p += 4;
      for (let i = 0; i < flags.length; i++) {
        i32[p >> 2] = flagIds[i]!;
        p += 4;
        if (flagIds[i] === R.INLINE) p = this.str(p, flags[i]!);
      }
    }
    if (details !== undefined) p = this.str(p, details);
    if (sender === R.INLINE) p = this.partyFields(p, e.sender!);
    if (conversation === R.INLINE) p = this.str(p, e.conversation!);
    if (bytes !== undefined) {
      i32[p >> 2] = end - start;
      copyBytes(bytes, start, end, this.t.u8, p + 4);
      p += 4 + end - start;
    } else if (text !== undefined) p = this.str(p, text);
    this.finish(R.EVENT, at, p);
  }

  private problem(
    tag: number,
    code: string,
    locator: number | string | undefined,
    message: string,
    hint: string | undefined,
    copy?: string,
  ): void {
    const need =
      24 +
      strBytes(code) +
      strBytes(message) +
      (hint === undefined ? 0 : strBytes(hint)) +
      (copy === undefined ? 0 : strBytes(copy)) +
      locatorBytes(locator);
    const at = this.begin(need);
    this.locator(at, locator);
    this.t.i32[(at + 20) >> 2] =
      (hint === undefined ? 0 : R.HAS_HINT) | (copy === undefined ? 0 : R.HAS_COPY);
    let p = this.str(at + 24, code);
    if (typeof locator === 'string') p = this.str(p, locator);
    p = this.str(p, message);
    if (hint !== undefined) p = this.str(p, hint);
    if (copy !== undefined) p = this.str(p, copy);
    this.finish(tag, at, p);
  }

  /**
   * A skip's or problem's locator: a number in the f64 after the head, and at byte 16 what it is (R.LOCATOR_*);
   * a string locator is written among the record's strings.
   */
  private locator(at: number, locator: number | string | undefined): void {
    this.t.f64[(at + 8) >> 3] = typeof locator === 'number' ? locator : 0;
    this.t.i32[(at + 16) >> 2] =
      locator === undefined
        ? R.LOCATOR_NONE
        : typeof locator === 'number'
          ? R.LOCATOR_NUMBER
          : R.LOCATOR_TEXT;
  }

  /** The number of string `s`, remembered in `last` with it. */
  private numbered(last: Last, s: string): number {
    if (s !== last.value) {
      last.id = this.ref(s);
      last.value = s;
    }
    return last.id;
  }

  /** The number of string `s`, sending it first when new; INLINE when the table is full. */
  private ref(s: string): number {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    if (this.strings.size >= TABLE) return R.INLINE;
    const id = this.strings.size;
    this.strings.set(s, id);
    const at = this.begin(16 + strBytes(s));
    this.t.i32[(at + 8) >> 2] = id;
    this.finish(R.STRING, at, this.str(at + 12, s));
    return id;
  }

  /** The number of sender `p`, sending it first when new: by object, then by its fields; INLINE past both. */
  private party(p: Party): number {
    if (p !== this.lastSender) {
      this.lastSenderId = this.partyId(p);
      this.lastSender = p;
    }
    return this.lastSenderId;
  }

  private partyId(p: Party): number {
    const known = this.parties.get(p);
    if (known !== undefined) return known;
    const key = partyKey(p);
    let id = this.partyKeys.get(key);
    if (id === undefined) {
      if (this.partyKeys.size >= TABLE) return R.INLINE;
      id = this.partyCount++;
      this.partyKeys.set(key, id);
      const at = this.begin(16 + partyBytes(p));
      this.t.i32[(at + 8) >> 2] = id;
      this.finish(R.PARTY, at, this.partyFields(at + 12, p));
    }
    if (this.parties.size < TABLE) this.parties.set(p, id);
    return id;
  }

  /** `[i32 fields present][string]…` for a sender's fields. */
  private partyFields(p: number, party: Party): number {
    let mask = 0;
    R.PARTY_FIELDS.forEach((f, i) => {
      if (party[f] !== undefined) mask |= 1 << i;
    });
    this.t.i32[p >> 2] = mask;
    p += 4;
    for (const f of R.PARTY_FIELDS) {
      const v = party[f];
      if (v !== undefined) p = this.str(p, v);
    }
    return p;
  }

  /** Writes string `s` at `p` (a multiple of 4); returns where the next field goes. */
  private str(p: number, s: string): number {
    const u8 = this.t.u8 as Writable;
    let n = u8.utf8Write(s, p + 4);
    let utf16 = 0;
    if (n !== s.length && !(s as WellFormed).isWellFormed()) {
      n = u8.ucs2Write(s, p + 4);
      utf16 = 1;
    }
    const head = n * 2 + utf16;
    this.t.i32[p >> 2] = head;
    return R.afterString(p, head);
  }

  /** Where a record of at most `need` bytes starts: here, in the next slot, or in scratch memory. */
  private begin(need: number): number {
    if (this.pos + need <= this.fill) return this.pos;
    if (this.pos > 0) {
      this.handOver(this.index, this.pos, false);
      this.fill = Math.min(this.fill * 2, R.SLOT_BYTES);
      this.index = (this.index + 1) % this.slots.length;
      this.t = this.slots[this.index]!;
      this.pos = 0;
    }
    if (need <= R.SLOT_BYTES) return 0;
    // Too large for a slot (a huge message or value): written whole in scratch memory, sent in parts by finish.
    this.t = R.slotOf(new ArrayBuffer(R.align8(need)), 0, R.align8(need));
    return 0;
  }

  /** Closes the record that started at `at` and ends at `end`. */
  private finish(tag: number, at: number, end: number): void {
    const size = R.align8(end - at);
    const big = this.t;
    head(big, at, tag, size);
    if (big === this.slots[this.index]) {
      this.pos = at + size;
      return;
    }
    this.t = this.slots[this.index]!;
    const piece = R.SLOT_BYTES - 16;
    for (let from = 0; from < size; from += piece) {
      const n = Math.min(piece, size - from);
      const bytes = R.align8(12 + n);
      const p = this.begin(bytes);
      this.t.i32[(p + 8) >> 2] = n;
      big.u8.copy(this.t.u8, p + 12, from, from + n);
      head(this.t, p, R.PART, bytes);
      this.pos = p + bytes;
    }
    const p = this.begin(R.HEAD);
    head(this.t, p, R.BIG, R.HEAD);
    this.pos = p + R.HEAD;
  }
}

/** Writes a record's head: `[i32 tag][i32 bytes]` at `at`. */
function head(slot: R.Slot, at: number, tag: number, bytes: number): void {
  slot.i32[at >> 2] = tag;
  slot.i32[(at + 4) >> 2] = bytes;
}

/** A field's value in the event before, and its number. */
class Last {
  value: string | undefined;
  id = 0;
}

const locatorBytes = (locator: number | string | undefined): number =>
  typeof locator === 'string' ? strBytes(locator) : 0;

function partyBytes(p: Party): number {
  let n = 4;
  for (const f of R.PARTY_FIELDS) {
    const v = p[f];
    if (v !== undefined) n += strBytes(v);
  }
  return n;
}
