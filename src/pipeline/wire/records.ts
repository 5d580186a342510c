/**
 * The wire a source's calls travel over when it runs on another thread (cli/parse-worker.ts): every call the source
 * makes on its `SourceContext` (emit, skip, reject, warn, progress, restart, people) becomes one record in a slot
 * of shared memory, and the main thread replays the records, in order, into the pipeline's own context. The
 * result is the same as if the source had run on the main thread, call for call (tests/pipeline/wire.test.ts).
 *
 * Why a binary record and not `postMessage`: a chat of a million messages makes a million calls, and a
 * structured clone of each event costs the main thread more than parsing it did. A record is a few numbers
 * and the text's bytes, read back without an object per field.
 *
 * Layout. Records start at multiples of 8 bytes: `[i32 tag][i32 bytes]` and then the tag's fields. Numbers that
 * may not be whole (times, locators, durations) are f64 at 8-byte offsets; the rest are i32. Strings are
 * `[i32 (byteLength × 2) + utf16][bytes]`, padded to 4: UTF-8 when the string is well-formed, UTF-16LE when it
 * holds a lone surrogate (which UTF-8 cannot carry). Strings met again and again (vocabulary, senders, skip
 * reasons, conversations) are sent once as a `STRING` or `PARTY` record and then named by number. A record
 * too large for one slot is sent as `PART` records and a `BIG` record that says to replay what they hold.
 */

// Record tags.
export const EVENT = 1;
export const SKIP = 2;
export const REJECT = 3;
export const WARN = 4;
export const PROGRESS = 5;
export const RESTART = 6;
/** A string gets a number: `[i32 id][string]`. */
export const STRING = 7;
/** A sender gets a number: `[i32 id][i32 fields present][string]…`, fields in the order of `PARTY_FIELDS`. */
export const PARTY = 8;
/** A piece of a record too large for a slot: `[i32 length][bytes]`. */
export const PART = 9;
/** Replay the record the `PART`s before this one make up. */
export const BIG = 10;
/** The parse is over: `[string]`, the outcome as JSON (`WireOutcome`). */
export const END = 11;
/** The people a file names outside its records (`SourceContext.people`): `[i32 count][string]…`. */
export const PEOPLE = 12;

/** Bytes in a slot of the ring. A multiple of 8. */
export const SLOT_BYTES = 1 << 20;

/** Bytes of a record's head: tag and size. */
export const HEAD = 8;

/** A slot's memory, seen three ways (the same bytes). */
export interface Slot {
  readonly u8: Buffer;
  readonly i32: Int32Array;
  readonly f64: Float64Array;
}

/** Views of `bytes` bytes of `buffer` from `offset` (a multiple of 8). */
export function slotOf(buffer: ArrayBufferLike, offset: number, bytes: number): Slot {
  return {
    u8: Buffer.from(buffer as ArrayBuffer, offset, bytes),
    i32: new Int32Array(buffer, offset, bytes >> 2),
    f64: new Float64Array(buffer, offset, bytes >> 3),
  };
}

// What a skip's or problem's locator is (the i32 at byte 16; a number is the f64 at byte 8).
export const LOCATOR_NUMBER = 0;
export const LOCATOR_TEXT = 1;
export const LOCATOR_NONE = 2;

/** A string named by number, or, past the table's size, written in place. */
export const INLINE = -1;
/** No value. */
export const NONE = -2;

// Bits of a problem record's field at byte 20: which of the optional strings after its message it holds.
export const HAS_HINT = 1;
/** A warning's `copy` (SourceContext.warn), after the hint. */
export const HAS_COPY = 2;

/** The fields of a `Party`, in the order a `PARTY` record holds them. */
export const PARTY_FIELDS = ['id', 'idType', 'name', 'role'] as const;

// Bits of an event record's `present` field.
/** A local time; its string follows unless it is `wallMs` written out (`isoLocal`). */
export const HAS_LOCAL = 1;
export const HAS_WALL_MS = 2;
export const HAS_LOCATOR_TEXT = 4;
export const HAS_CALL = 8;
export const HAS_DURATION = 16;
export const HAS_NATIVE_ID = 32;
export const HAS_FLAGS = 64;
export const HAS_DETAILS = 128;
/** The text follows as UTF-8 and is handed over with `emitUtf8`. */
export const HAS_UTF8_TEXT = 256;
/** The text follows as a string (it holds a lone surrogate) and is handed over with `emit`. */
export const HAS_STRING_TEXT = 512;
/** The local time's string follows (it is not `isoLocal` of its `wallMs`). */
export const HAS_LOCAL_TEXT = 1024;

// Offsets in an event record, in bytes from its start. The f64 fields come first, at multiples of 8.
export const EV_TIME = 8;
export const EV_LOCATOR = 16;
export const EV_DURATION = 24;
export const EV_PRESENT = 32;
export const EV_TYPE = 36;
export const EV_PRECISION = 40;
export const EV_CHANNEL = 44;
export const EV_KIND = 48;
export const EV_DIRECTION = 52;
export const EV_SENDER = 56;
export const EV_CONVERSATION = 60;
/** Where an event record's strings start. */
export const EV_STRINGS = 64;

/** How a parse ended, as the worker reports it. */
export interface WireOutcome {
  /** SHA-256 of the bytes read (pipeline/hashing.ts). */
  readonly digest: string;
  /** What the source threw, if anything. */
  readonly thrown?: WireError;
  /** The first error of the input's own stream, if any. */
  readonly stream?: WireError;
  /** With `stream`: the bytes read without fault before it (`ParseOutcome.readBytes`). */
  readonly readBytes?: number;
}

/** An error as it crosses the wire: a `SourceFailure`'s fields, or an `Error`'s (with a system error's code). */
export interface WireError {
  readonly failure: boolean;
  readonly message: string;
  readonly code?: string;
  readonly locator?: number | string;
  readonly hint?: string;
  /** `SourceFailure.readToEnd`. */
  readonly readToEnd?: boolean;
  /** The failure is a `FailureAtEnd` (found only once every byte was delivered). */
  readonly atEnd?: boolean;
  readonly errno?: number;
  readonly syscall?: string;
}

/** Where the string written at `p` ends, its length field (read as i32) being `head`: the next field's place. */
export const afterString = (p: number, head: number): number => p + 4 + (((head >>> 1) + 3) & ~3);

/** Rounds up to a multiple of 8. */
export const align8 = (n: number): number => (n + 7) & ~7;

/** Wall-clock milliseconds of 1000-01-01T00:00 and 10000-01-01T00:00: years written with four digits. */
const FOUR_DIGIT_YEARS_FROM = -30610224000000;
const FOUR_DIGIT_YEARS_UNTIL = 253402300800000;

/**
 * Whether a local time's string is `isoLocal(wallMs, precision)`, as the model requires of a time with `wallMs`
 * (model/event.ts) whenever that can be written so: then the string need not cross the wire.
 */
export function isIsoLocal(wallMs: number, precision: string): boolean {
  const unit = precision === 'min' ? 60_000 : precision === 's' ? 1000 : 0;
  // A whole number of units, tested without `%` (a call into the C library for doubles, per event).
  const units = wallMs / unit;
  return (
    unit !== 0 &&
    units === Math.floor(units) &&
    wallMs >= FOUR_DIGIT_YEARS_FROM &&
    wallMs < FOUR_DIGIT_YEARS_UNTIL
  );
}

/** `YYYY-MM-DDTHH:mm` (precision `min`) or `YYYY-MM-DDTHH:mm:ss` (`s`) of wall-clock milliseconds. */
export function isoLocal(wallMs: number, precision: string): string {
  return new Date(wallMs).toISOString().slice(0, precision === 's' ? 19 : 16);
}
