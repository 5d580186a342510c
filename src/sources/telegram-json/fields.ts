/**
 * Reads the members of one message object that chronolog uses, straight from the bytes the scanner delimited.
 * Decoding only these (and `text_entities` only when `text` is missing) instead of `JSON.parse`-ing the whole
 * object halves the cost of a large export: tdesktop writes every text twice (`text` and `text_entities`).
 * Values are still decoded with `JSON.parse` unless they are plain strings without escapes, so their meaning is
 * exactly JSON's; members chronolog does not read are not validated.
 */
import { daysInMonth } from '../../model/dates.js';
import { HOLD_TEXT_CHARS } from '../long-text.js';
import { canStreamText, LongText, TextStream } from './long-text.js';

/** The members read. Order matters only in that the `*_unixtime` twins come before `date` and `edited`. */
const NAMES = [
  'id',
  'type',
  'date_unixtime',
  'date',
  'edited_unixtime',
  'edited',
  'from',
  'from_id',
  'actor',
  'actor_id',
  'action',
  'text',
  'text_entities',
  'photo',
  'file',
  'media_type',
  'sticker_emoji',
  'duration_seconds',
  'discard_reason',
  // Group and conference calls: `duration` (group_call, seconds), `is_missed` / `is_active` (conference_call).
  'duration',
  'is_missed',
  'is_active',
  // invite_to_group_call: who was invited. proximity_reached: who came near whom (`to`, `to_id`), in metres.
  'members',
  'to',
  'to_id',
  'distance',
  'forwarded_from',
  'reply_to_message_id',
  'via_bot',
  'poll',
  'location_information',
  'contact_information',
  // What a message without text sent besides: a venue, a game, a checklist, paid media.
  'place_name',
  'address',
  'game_title',
  'todo_list',
  'paid_stars_amount',
] as const;

/** Index of each member in `Fields`: `fields[F.text]`. */
export const F = Object.fromEntries(NAMES.map((name, id) => [name, id])) as {
  readonly [K in (typeof NAMES)[number]]: number;
};
/** The members of one message by `F` index; `undefined` = absent (JSON has no undefined, so null is kept). */
export type Fields = unknown[];
/** A fresh `Fields` to pass to `decodeFields` (it is reused from message to message). */
export const newFields = (): Fields => new Array(NAMES.length).fill(undefined);

const DATE = NAMES.indexOf('date');
const DATE_UNIX = NAMES.indexOf('date_unixtime');
const EDITED = NAMES.indexOf('edited');
const EDITED_UNIX = NAMES.indexOf('edited_unixtime');
const TEXT = NAMES.indexOf('text');
const ENTITIES = NAMES.indexOf('text_entities');

/**
 * A text member (`text`, `text_entities`) the scanner read as it came (long-text.ts), its bytes in the message
 * replaced by `null`: what it holds, or why it is no JSON (`quoted`: its start as written).
 */
export interface StreamedText {
  readonly member: 'text' | 'text_entities';
  readonly value: LongText | undefined | { readonly bad: string };
  readonly quoted: string;
  readonly repaired: boolean;
}

/** Whether the key `buf[s, e)` (quotes included) is `"text"` or `"text_entities"`, as written. */
export function isTextKey(
  at: (i: number) => number,
  s: number,
  e: number,
): 'text' | 'text_entities' | undefined {
  const len = e - s;
  if (len !== 6 && len !== 15) return undefined;
  const name = len === 6 ? '"text"' : '"text_entities"';
  for (let i = 0; i < len; i++) if (at(s + i) !== name.charCodeAt(i)) return undefined;
  return len === 6 ? 'text' : 'text_entities';
}

/** Key bytes by (length, first byte), so keys are matched without making strings of them. */
const MAX_KEY = 32;
const TABLE: ({ bytes: Buffer; id: number }[] | undefined)[] = new Array(MAX_KEY * 256).fill(undefined);
NAMES.forEach((name, id) => {
  const bytes = Buffer.from(name, 'latin1');
  const slot = bytes.length * 256 + bytes[0]!;
  TABLE[slot] = [...(TABLE[slot] ?? []), { bytes, id }];
});
const BY_NAME = new Map<string, number>(NAMES.map((name, id) => [name, id]));

/**
 * The last few distinct values of a member whose values repeat from message to message (the entry type, senders,
 * actions, attachment placeholders), by their raw bytes: a repeat is recognised by comparing bytes and gets the
 * same string, with no decoding and no new string. Shared strings also make the kept events smaller.
 */
class Memo {
  private static readonly SLOTS = 8;
  /** Longer values are not kept (texts, mostly, which rarely repeat). */
  private static readonly BYTES = 96;
  private readonly raw = new Uint8Array(Memo.SLOTS * Memo.BYTES);
  private readonly lengths = new Int32Array(Memo.SLOTS).fill(-1);
  private readonly values: string[] = new Array<string>(Memo.SLOTS).fill('');
  private next = 0;
  /** The slot that answered last: consecutive messages mostly repeat the last value, so it is tried first. */
  private last = 0;

  /** The string decoded from the same bytes as `buf[s, e)` before, or undefined. */
  get(buf: Buffer, s: number, e: number): string | undefined {
    const len = e - s;
    for (let n = 0, k = this.last; n < Memo.SLOTS; n++, k = k + 1 === Memo.SLOTS ? 0 : k + 1) {
      if (this.lengths[k] !== len) continue;
      // Compared from the end: ids of one length ("user1000001", "user1000002") differ in their last digits.
      const at = k * Memo.BYTES - s;
      let i = e - 1;
      while (i >= s && buf[i] === this.raw[at + i]) i--;
      if (i < s) {
        this.last = k;
        return this.values[k];
      }
    }
    return undefined;
  }

  set(buf: Buffer, s: number, e: number, value: string): void {
    const len = e - s;
    if (len > Memo.BYTES) return;
    const k = this.next;
    this.next = (k + 1) % Memo.SLOTS;
    const at = k * Memo.BYTES;
    for (let i = 0; i < len; i++) this.raw[at + i] = buf[s + i]!;
    this.lengths[k] = len;
    this.values[k] = value;
  }
}

const MEMOS: (Memo | undefined)[] = NAMES.map((name) =>
  [
    'type',
    'from',
    'from_id',
    'actor',
    'actor_id',
    'action',
    'photo',
    'file',
    'media_type',
    'sticker_emoji',
    'discard_reason',
    'forwarded_from',
    'via_bot',
  ].includes(name)
    ? new Memo()
    : undefined,
);

const QUOTE = 0x22;
const BSL = 0x5c;
/** `\\` pairs are matched first so that `\\x41` (an escaped backslash, then "x41") is left alone. */
const CONTROL_ESCAPE_RE = /\\(\\|x([0-9A-Fa-f]{2}))/g;

/** Set by `decodeFields` when a value needed its `\xHH` escapes repaired. */
export interface RepairNote {
  repaired: boolean;
}

// Where each wanted member's value is in the current message; `seen[id] === round` marks the present ones.
const starts = new Float64Array(NAMES.length);
const ends = new Float64Array(NAMES.length);
const seen = new Float64Array(NAMES.length);
let round = 0;

/**
 * Decodes the wanted members into `out` (see the scanner's `ScanSink.message` for `f` and `count`). Returns
 * `undefined`, or a sentence saying which member is not valid JSON. A repeated key counts once, with its last
 * value, as in JSON.parse.
 */
export function decodeFields(
  buf: Buffer,
  f: readonly number[],
  count: number,
  delta: number,
  note: RepairNote,
  out: Fields,
  streamed: readonly StreamedText[] = [],
): string | undefined {
  round++;
  let id = -1;
  // The span being decoded, to quote it if it is not JSON.
  let s = 0;
  let e = 0;
  try {
    for (let k = 0; k + 3 < count; k += 4) {
      s = f[k]! - delta;
      e = f[k + 1]! - delta;
      id = -1;
      id = keyId(buf, s, e);
      if (id < 0) continue;
      seen[id] = round;
      starts[id] = f[k + 2]! - delta;
      ends[id] = f[k + 3]! - delta;
    }
    for (id = 0; id < NAMES.length; id++) {
      out[id] = undefined;
      if (seen[id] !== round) continue;
      // The local-time twins and the duplicated text are read only when their better source is missing; `date`
      // beside `date_unixtime` only as the wall-clock milliseconds it writes, to compare the two (see wallClock).
      if (id === DATE && seen[DATE_UNIX] === round) {
        out[id] = wallClock(buf, starts[id]!, ends[id]!);
        continue;
      }
      if (id === EDITED && seen[EDITED_UNIX] === round) continue;
      if (
        id === ENTITIES &&
        (typeof out[F.text] === 'string' || Array.isArray(out[F.text]) || out[F.text] instanceof LongText)
      )
        continue;
      if ((id === TEXT || id === ENTITIES) && streamed.length > 0) {
        const member = id === TEXT ? 'text' : 'text_entities';
        // The last of a repeated member, as JSON.parse reads it: streamed when its value was replaced by null.
        const read = streamed.findLast((t) => t.member === member);
        if (read !== undefined && isNullAt(buf, starts[id]!, ends[id]!)) {
          if (read.value !== undefined && 'bad' in read.value)
            return `the value of "${member}" is not valid JSON: ${read.quoted}`;
          note.repaired ||= read.repaired;
          out[id] = read.value;
          continue;
        }
      }
      s = starts[id]!;
      e = ends[id]!;
      while (s < e && isSpace(buf[s]!)) s++;
      while (e > s && isSpace(buf[e - 1]!)) e--;
      if ((id === TEXT || id === ENTITIES) && e - s > HOLD_TEXT_CHARS && canStreamText()) {
        out[id] = streamText(buf, s, e, note);
        continue;
      }
      const memo = MEMOS[id];
      if (memo !== undefined) out[id] = memo.get(buf, s, e) ?? remember(memo, buf, s, e, note);
      else
        out[id] = id === DATE_UNIX || id === EDITED_UNIX ? digits(buf, s, e, note) : value(buf, s, e, note);
    }
    return undefined;
  } catch {
    const raw = buf.toString('utf8', s, Math.min(e, s + 60)) + (e - s > 60 ? '…' : '');
    return id === -1
      ? `the key ${raw} is not valid JSON`
      : `the value of "${NAMES[id]}" is not valid JSON: ${raw}`;
  }
}

/** The wanted-member index of the key between `s` (its opening quote) and `e`, or -1. */
function keyId(buf: Buffer, s: number, e: number): number {
  const len = e - s - 2;
  const candidates = len < MAX_KEY ? TABLE[len * 256 + buf[s + 1]!] : undefined;
  if (candidates !== undefined) {
    outer: for (let c = 0; c < candidates.length; c++) {
      const { bytes, id } = candidates[c]!;
      for (let j = 1; j < len; j++) if (buf[s + 1 + j] !== bytes[j]) continue outer;
      return id;
    }
  }
  // An escaped key ("t\u0065xt") means the same as its plain spelling.
  for (let i = s + 1; i < e - 1; i++) {
    if (buf[i] === BSL) return BY_NAME.get(JSON.parse(buf.toString('utf8', s, e)) as string) ?? -1;
  }
  return -1;
}

// The value readers below get `s`/`e` with the surrounding whitespace already trimmed.

/** Whether `buf[s, e)` is `null` (white space around it allowed). */
function isNullAt(buf: Buffer, s: number, e: number): boolean {
  while (s < e && isSpace(buf[s]!)) s++;
  while (e > s && isSpace(buf[e - 1]!)) e--;
  return e - s === 4 && buf.toString('latin1', s, e) === 'null';
}

/**
 * A text value over HOLD_TEXT_CHARS read from bytes held already (its message within one chunk): decoded in pieces
 * as the scanner decodes one it never holds (long-text.ts), so that it reads the same wherever the chunks end.
 * Throws when it is no JSON.
 */
function streamText(buf: Buffer, s: number, e: number, note: RepairNote): LongText | undefined {
  const stream = new TextStream();
  for (let p = s; p < e; p += 1 << 20) stream.add(buf.subarray(p, Math.min(e, p + (1 << 20))));
  const read = stream.end();
  if (read !== undefined && 'bad' in read) throw new Error(read.bad);
  note.repaired ||= stream.repaired;
  return read;
}

/** Decodes a value and remembers it when it is a string read as written (not one with repaired escapes). */
function remember(memo: Memo, buf: Buffer, s: number, e: number, note: RepairNote): unknown {
  const before = note.repaired;
  note.repaired = false;
  const v = value(buf, s, e, note);
  if (typeof v === 'string' && !note.repaired) memo.set(buf, s, e, v);
  note.repaired ||= before;
  return v;
}

/** `"1709316262"` → 1709316262 without making a string; anything else is decoded as usual. */
function digits(buf: Buffer, s: number, e: number, note: RepairNote): unknown {
  if (e - s >= 3 && e - s <= 14 && buf[s] === QUOTE && buf[e - 1] === QUOTE) {
    let n = 0;
    let i = s + 1;
    for (; i < e - 1; i++) {
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === e - 1) return n;
  }
  return value(buf, s, e, note);
}

/**
 * `"2024-03-01T18:04:22"` (surrounding white space allowed) → its wall-clock milliseconds, read as if UTC, without
 * making a string; undefined for anything else (another layout, escapes, an impossible date). This is what
 * `Fields[F.date]` holds when the message also has `date_unixtime`: the exact time is that one, and `date` is only
 * compared with it.
 */
function wallClock(buf: Buffer, s: number, e: number): number | undefined {
  while (s < e && isSpace(buf[s]!)) s++;
  while (e > s && isSpace(buf[e - 1]!)) e--;
  if (e - s !== 21 || buf[s] !== QUOTE || buf[e - 1] !== QUOTE) return undefined;
  if (buf[s + 5] !== 0x2d || buf[s + 8] !== 0x2d || buf[s + 11] !== 0x54) return undefined;
  if (buf[s + 14] !== 0x3a || buf[s + 17] !== 0x3a) return undefined;
  const y = digitsIn(buf, s + 1, 4);
  const mo = digitsIn(buf, s + 6, 2);
  const d = digitsIn(buf, s + 9, 2);
  const h = digitsIn(buf, s + 12, 2);
  const mi = digitsIn(buf, s + 15, 2);
  const sec = digitsIn(buf, s + 18, 2);
  // Date.UTC reads years 0–99 as 1900–1999; tdesktop never writes one.
  if (
    y < 100 ||
    d < 1 ||
    d > daysInMonth(y, mo) ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    sec < 0 ||
    sec > 59
  ) {
    return undefined;
  }
  return Date.UTC(y, mo - 1, d, h, mi, sec);
}

/** The number written by `n` ASCII digits at `at`, or −1 when any of them is not a digit. */
function digitsIn(buf: Buffer, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = buf[i]! - 0x30;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

function value(buf: Buffer, s: number, e: number, note: RepairNote): unknown {
  const first = buf[s]!;
  if (first >= 0x30 && first <= 0x39 && e - s <= 15 && (first !== 0x30 || e - s === 1)) {
    // Message ids, durations: a plain non-negative integer is read without making a string.
    let n = 0;
    let i = s;
    for (; i < e; i++) {
      const d = buf[i]! - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === e) return n;
  }
  if (first === QUOTE && e - s >= 2 && buf[e - 1] === QUOTE) {
    // The common case: a string with no escapes is its own bytes.
    let i = s + 1;
    let ascii = true;
    while (i < e - 1) {
      const c = buf[i]!;
      if (c === QUOTE || c === BSL || c < 0x20) break;
      if (c >= 0x80) ascii = false;
      i++;
    }
    if (i === e - 1) return buf.toString(ascii ? 'latin1' : 'utf8', s + 1, e - 1);
  }
  const text = buf.toString('utf8', s, e);
  try {
    return JSON.parse(text);
  } catch (err) {
    // Telegram Desktop writes control characters other than \n \r \t as `\xHH`, which is not JSON.
    if (!text.includes('\\x')) throw err;
    const v: unknown = JSON.parse(text.replace(CONTROL_ESCAPE_RE, (m, _a, hex) => (hex ? `\\u00${hex}` : m)));
    note.repaired = true;
    return v;
  }
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
