/**
 * A chat exported twice, once on a phone set to another time zone: the warning `TIMELINE_SHIFTED_COPY`.
 *
 * A WhatsApp `.txt` export (and any export whose times carry no zone: a record's `EventTime` is `local`) writes
 * each message's time on the clock of the phone as it was set when exporting. Exported again after the phone's
 * zone changed (taken abroad, or a copy made on a phone set to New York), every time is off by that zone's
 * difference: the same messages, each one hour (or −5:00, or +5:30) later. chronolog reads every wall-clock file
 * in the one case zone (README, "Time zones": there is no zone per file), so the two copies fall in different
 * minutes and de-duplication (dedupe.ts), which compares the UTC minute, counts each such message twice. Merging
 * them by the offset found would be a guess (which copy's zone is the case's?), so they are not merged: this
 * says so, naming the two files, the offset, how many messages match and where, so the reader can drop one.
 *
 * What is compared: in each input of wall-clock records, other than a diary (its times are the writer's, never a
 * phone setting), every message with a text of its sender's own words: kind `message`, at least
 * `MIN_LETTERS` letters or digits. Per message, a 30-bit hash of (channel, kind, sender as de-duplication compares
 * it (`senderCompared`: the case party, so a contact renamed between exports is one sender), text with whitespace
 * folded) and its wall-clock minute as written. Calls, media, deletion placeholders and system notices are left
 * out: they carry the app's wording or none, repeat naturally, and only the minute would tell them apart. Very
 * short texts ("ok", "yes", "??", "👍") are left out as every conversation holds them.
 *
 * Then, per pair of such inputs that share at least `MIN_MATCHES` messages' hashes: every offset between equal
 * hashes that is a whole number of quarter hours (every zone's offset is: UTC+5:30, +5:45, +12:45), non-zero and
 * at most 26 hours (UTC−12 to UTC+14), is counted; the most frequent is then checked exactly, on multisets (one
 * message of one input matches one of the other, so five "Answer me" are matched five to five):
 * - at least `MIN_MATCHES` messages match at that offset,
 * - they are at least `MIN_SHARE` of the smaller input's messages whose time, moved by the offset, falls within
 *   the other input's first and last message (the two exports' overlap: an earlier export holds months the later
 *   one may not),
 * - and at offset 0 at most a fifth as many match (a copy at offset 0 is what de-duplication already merges).
 * Why a genuine conversation cannot trip this: a shifted copy matches (nearly) all of its overlap, as every
 * message of one chat is in both exports with the same words and one constant difference (only a message
 * deleted or edited between the exports, or the weeks when two zones' summer times differ, fall out). Two
 * different chats share only formulaic texts, from the same sender, and those fall at unrelated times: for five
 * of them, and four in five of a chat's messages, to recur at one exact minute offset (not "about an hour later")
 * the chat would have to be a copy. A one-off coincidence (a subject who pastes the same long text into two chats
 * an hour apart) is one match, far from five and four in five.
 *
 * Memory and work are bounded for cases of millions of events: 12 bytes per message compared, and at most
 * `MAX_RECORDS` of them across all inputs: past that, only messages whose hash has its lowest bits zero are kept
 * (one in 2, then one in 4…), the same messages in every input since equal texts hash equally, so the counts
 * stay comparable (a sample's counts are said to be a sample). A hash held by more than `MAX_HOLDERS` inputs is
 * formulaic and not used to pair inputs; the offsets counted per message are capped (`MAX_PER_MESSAGE`), and at
 * most `MAX_PAIRS` pairs are compared, those sharing the most messages first.
 */
import type { Problem } from '../model/index.js';
import type { Utf8Span } from './pages.js';

/** The fewest matching messages that can make a copy: fewer could be coincidence (see above). */
export const MIN_MATCHES = 5;
/** The least share of the smaller input's overlapping messages that must match at the one offset. */
export const MIN_SHARE = 0.8;
/** The fewest letters or digits a text must have to be compared: "ok", "yes", "lol", "hello" are not. */
export const MIN_LETTERS = 6;
/** Messages kept across all inputs before sampling: 12 bytes each. */
const MAX_RECORDS = 1 << 19;
/** A hash in more inputs than this is formulaic, and pairs no inputs. */
const MAX_HOLDERS = 8;
/** Offsets counted per message of the smaller input (its copies in the other input with the same hash). */
const MAX_PER_MESSAGE = 64;
/** Pairs of inputs compared in full, the most promising first (most distinct hashes shared). */
const MAX_PAIRS = 256;
/** The largest difference between two zones: UTC−12 to UTC+14. */
const MAX_OFFSET_MIN = 26 * 60;
const QUARTER_HOUR = 15;

/** One input's messages: hash, wall-clock minute as written, event number, in parallel arrays. */
class Held {
  length = 0;
  hashes = new Int32Array(16);
  minutes = new Int32Array(16);
  events = new Uint32Array(16);

  push(hash: number, minute: number, event: number): void {
    if (this.length === this.hashes.length) {
      const n = this.length * 2;
      const h = new Int32Array(n);
      h.set(this.hashes);
      const m = new Int32Array(n);
      m.set(this.minutes);
      const e = new Uint32Array(n);
      e.set(this.events);
      this.hashes = h;
      this.minutes = m;
      this.events = e;
    }
    this.hashes[this.length] = hash;
    this.minutes[this.length] = minute;
    this.events[this.length] = event;
    this.length++;
  }

  /** Keeps only the messages whose hash passes `keep`. */
  keepWhere(keep: (hash: number) => boolean): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(this.hashes[i]!)) continue;
      this.hashes[n] = this.hashes[i]!;
      this.minutes[n] = this.minutes[i]!;
      this.events[n] = this.events[i]!;
      n++;
    }
    this.length = n;
  }
}

/** A pair of inputs holding the same messages at one constant offset. */
export interface ShiftedCopy {
  /** The two inputs, `a` before `b` in input order. */
  readonly a: number;
  readonly b: number;
  /** How much later `b`'s wall-clock times are than `a`'s, in minutes (negative: earlier). */
  readonly offsetMinutes: number;
  /** Messages matching at that offset. */
  readonly matched: number;
  /** The smaller input's messages in the overlap, of which `matched` match. */
  readonly compared: number;
  /** The smaller input (`a` or `b`): the one whose messages `compared` counts. */
  readonly smaller: number;
  /** The first match (in `a`'s order): its event in `a` and in `b`. */
  readonly example: readonly [number, number];
  /** 1 when every message was compared; else messages were sampled, one in this many. */
  readonly sampledOneIn: number;
}

/** Collects wall-clock messages per input while they are read; `find` then names the shifted copies. */
export class WallClockTexts {
  private readonly inputs = new Map<number, Held>();
  private total = 0;
  /** Sampling: a message is kept when `hash & mask` is 0. */
  private mask = 0;

  /**
   * Notes one event of `input` (its number in the store `event`), when it is a message of words: `sender` as
   * de-duplication compares it, `wallMs` its wall-clock time as written, read as if UTC.
   */
  add(
    input: number,
    event: number,
    channel: string,
    kind: string,
    sender: string,
    wallMs: number,
    text: string | Utf8Span | undefined,
  ): void {
    if (kind !== 'message' || text === undefined) return;
    let h = fnvString(FNV_OFFSET, channel);
    h = fnvString(h, sender);
    const folded = typeof text === 'string' ? foldString(h, text) : foldBytes(h, text);
    if (folded < 0) return;
    // 30 bits: a small integer to V8, which Maps hash fast (a 32-bit one is a heap number).
    const hash = folded & 0x3fffffff;
    if ((hash & this.mask) !== 0) return;
    let held = this.inputs.get(input);
    if (held === undefined) {
      held = new Held();
      this.inputs.set(input, held);
    }
    held.push(hash, Math.floor(wallMs / 60_000), event);
    if (++this.total > MAX_RECORDS) this.sampleMore();
  }

  /** Forgets `input`'s messages (its source reads it again from the start). */
  drop(input: number): void {
    const held = this.inputs.get(input);
    if (held === undefined) return;
    this.total -= held.length;
    this.inputs.delete(input);
  }

  /** The pairs of inputs that hold the same messages at one constant non-zero offset, in input order. */
  find(): ShiftedCopy[] {
    const found: ShiftedCopy[] = [];
    for (const [a, b] of this.candidates()) {
      const copy = this.compare(a, b);
      if (copy !== undefined) found.push(copy);
    }
    return found.sort((x, y) => x.a - y.a || x.b - y.b);
  }

  /** Halves the messages kept: one more low bit of the hash must be zero. */
  private sampleMore(): void {
    while (this.total > MAX_RECORDS) {
      this.mask = this.mask * 2 + 1;
      const mask = this.mask;
      this.total = 0;
      for (const held of this.inputs.values()) {
        held.keepWhere((h) => (h & mask) === 0);
        this.total += held.length;
      }
    }
  }

  /**
   * Pairs of inputs that could share `MIN_MATCHES` messages, by hashes held by few inputs (each hash counted as
   * often as the input holding it fewer times holds it), most shared first. Every message's (hash, input) is
   * sorted as one number, so equal hashes meet without a map entry per hash.
   */
  private candidates(): [number, number][] {
    const order = [...this.inputs.keys()]
      .sort((x, y) => x - y)
      .filter((k) => this.inputs.get(k)!.length >= MIN_MATCHES);
    let n = 0;
    for (const k of order) n += this.inputs.get(k)!.length;
    const keys = new Float64Array(n);
    n = 0;
    // The position in `order` (below 2^20: there are at most MAX_RECORDS messages) under the 30-bit hash.
    order.forEach((k, j) => {
      const held = this.inputs.get(k)!;
      for (let i = 0; i < held.length; i++) keys[n++] = held.hashes[i]! * 2 ** 20 + j;
    });
    keys.sort();
    const shared = new Map<number, { a: number; b: number; n: number }>();
    const inRun: [number, number][] = [];
    for (let i = 0; i < n; ) {
      const hash = Math.floor(keys[i]! / 2 ** 20);
      inRun.length = 0;
      let j = i;
      for (; j < n && Math.floor(keys[j]! / 2 ** 20) === hash; j++) {
        const input = keys[j]! - hash * 2 ** 20;
        const last = inRun[inRun.length - 1];
        if (last !== undefined && last[0] === input) last[1]++;
        else inRun.push([input, 1]);
      }
      i = j;
      if (inRun.length < 2 || inRun.length > MAX_HOLDERS) continue;
      for (let x = 0; x < inRun.length; x++) {
        for (let y = x + 1; y < inRun.length; y++) {
          const [a, na] = inRun[x]!;
          const [b, nb] = inRun[y]!;
          const key = a * 2 ** 20 + b;
          const s = shared.get(key);
          if (s === undefined) shared.set(key, { a: order[a]!, b: order[b]!, n: Math.min(na, nb) });
          else s.n += Math.min(na, nb);
        }
      }
    }
    return [...shared.values()]
      .filter((s) => s.n >= MIN_MATCHES)
      .sort((x, y) => y.n - x.n || x.a - y.a || x.b - y.b)
      .slice(0, MAX_PAIRS)
      .map((s) => [s.a, s.b]);
  }

  /** Whether `b` holds `a`'s messages at one constant non-zero offset, by the rule above. */
  private compare(a: number, b: number): ShiftedCopy | undefined {
    const A = this.inputs.get(a)!;
    const B = this.inputs.get(b)!;
    // The offsets are counted from the smaller input's messages to the larger's copies of them.
    const [small, large, sign] = A.length <= B.length ? [A, B, 1] : [B, A, -1];
    const s = byHash(small);
    const l = byHash(large);
    const counts = new Map<number, number>();
    eachRun(small, s, large, l, (si, sn, li, ln) => {
      for (let x = 0; x < sn; x++) {
        const at = small.minutes[s[si + x]!]!;
        for (let y = 0; y < ln && y < MAX_PER_MESSAGE; y++) {
          const d = large.minutes[l[li + y]!]! - at;
          if (d === 0 || d % QUARTER_HOUR !== 0 || Math.abs(d) > MAX_OFFSET_MIN) continue;
          counts.set(d, (counts.get(d) ?? 0) + 1);
        }
      }
    });
    let best = 0;
    let most = 0;
    for (const [d, n] of counts) {
      // Ties: the smaller difference, then the later.
      if (
        n > most ||
        (n === most && (Math.abs(d) < Math.abs(best) || (Math.abs(d) === Math.abs(best) && d > best)))
      ) {
        best = d;
        most = n;
      }
    }
    if (most < MIN_MATCHES) return undefined;
    const shifted = matchAt(small, large, s, l, best);
    if (shifted.matched < MIN_MATCHES || shifted.matched < MIN_SHARE * shifted.compared) return undefined;
    const same = matchAt(small, large, s, l, 0);
    if (same.matched * 5 > shifted.matched) return undefined;
    const [inSmall, inLarge] = shifted.example;
    return {
      a,
      b,
      offsetMinutes: sign * best,
      matched: shifted.matched,
      compared: shifted.compared,
      smaller: sign === 1 ? a : b,
      example:
        sign === 1
          ? [small.events[inSmall]!, large.events[inLarge]!]
          : [large.events[inLarge]!, small.events[inSmall]!],
      sampledOneIn: this.mask + 1,
    };
  }
}

/** An input's message positions ordered by hash, then by position (so each hash's run is in reading order). */
function byHash(held: Held): Uint32Array {
  const keys = new Float64Array(held.length);
  for (let i = 0; i < held.length; i++) keys[i] = held.hashes[i]! * 2 ** 20 + i;
  keys.sort();
  const out = new Uint32Array(held.length);
  for (let i = 0; i < held.length; i++) out[i] = keys[i]! % 2 ** 20;
  return out;
}

/**
 * Calls `each` for every hash both inputs hold, with its run in each: where it starts in `s` (`small`'s positions
 * as `byHash` orders them) and in `l` (`large`'s), and how long it is.
 */
function eachRun(
  small: Held,
  s: Uint32Array,
  large: Held,
  l: Uint32Array,
  each: (si: number, sn: number, li: number, ln: number) => void,
): void {
  let i = 0;
  let j = 0;
  while (i < s.length && j < l.length) {
    const hs = small.hashes[s[i]!]!;
    const hl = large.hashes[l[j]!]!;
    if (hs < hl) i++;
    else if (hl < hs) j++;
    else {
      let ie = i + 1;
      while (ie < s.length && small.hashes[s[ie]!] === hs) ie++;
      let je = j + 1;
      while (je < l.length && large.hashes[l[je]!] === hs) je++;
      each(i, ie - i, j, je - j);
      i = ie;
      j = je;
    }
  }
}

/**
 * On multisets: how many of `small`'s messages have a copy in `large` (same hash) `d` minutes later, each copy
 * used once; of how many whose moved time falls within `large`'s first and last message; and the first match (in
 * `small`'s reading order), as positions in each.
 */
function matchAt(
  small: Held,
  large: Held,
  s: Uint32Array,
  l: Uint32Array,
  d: number,
): { matched: number; compared: number; example: [number, number] } {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < large.length; i++) {
    const m = large.minutes[i]!;
    if (m < first) first = m;
    if (m > last) last = m;
  }
  let compared = 0;
  for (let i = 0; i < small.length; i++) {
    const want = small.minutes[i]! + d;
    if (want >= first && want <= last) compared++;
  }
  let matched = 0;
  let example: [number, number] = [-1, -1];
  eachRun(small, s, large, l, (si, sn, li, ln) => {
    if (ln === 1) {
      // Most texts are sent once: no map for them.
      const k = l[li]!;
      for (let x = 0; x < sn; x++) {
        const i = s[si + x]!;
        if (small.minutes[i]! + d !== large.minutes[k]) continue;
        matched++;
        if (example[0] < 0 || i < example[0]) example = [i, k];
        break;
      }
      return;
    }
    // The run's copies in `large` by minute, each used once.
    const left = new Map<number, number[]>();
    for (let y = ln - 1; y >= 0; y--) {
      const k = l[li + y]!;
      const m = large.minutes[k]!;
      const list = left.get(m);
      if (list === undefined) left.set(m, [k]);
      else list.push(k);
    }
    for (let x = 0; x < sn; x++) {
      const i = s[si + x]!;
      const k = left.get(small.minutes[i]! + d)?.pop();
      if (k === undefined) continue;
      matched++;
      if (example[0] < 0 || i < example[0]) example = [i, k];
    }
  });
  return { matched, compared, example };
}

/** An offset in minutes as the clock difference is written: +1:00, −5:00, +5:30. */
export function offsetText(minutes: number): string {
  const m = Math.abs(minutes);
  return `${minutes < 0 ? '−' : '+'}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

/** The warning for one shifted copy, on `b`'s example record: `file` and `locator` name each input's. */
export function shiftedCopyProblem(
  copy: ShiftedCopy,
  fileA: string,
  locatorA: string,
  fileB: string,
  locatorB: string,
): Problem {
  const offset = offsetText(copy.offsetMinutes);
  const sample = copy.sampledOneIn > 1 ? `, in a sample of one in ${copy.sampledOneIn} messages` : '';
  const whose = copy.smaller === copy.b ? 'this file' : 'that file';
  return {
    code: 'TIMELINE_SHIFTED_COPY',
    severity: 'warning',
    file: fileB,
    locator: locatorB,
    message:
      `This file and ${fileA} hold the same ${copy.matched} messages (of the ${copy.compared} in ${whose} ` +
      `within the other's dates${sample}), each written ${offset} on the clock here ` +
      `(${copy.offsetMinutes < 0 ? 'earlier' : 'later'}), such as ${locatorA} there and ${locatorB} here: the ` +
      'same chat exported twice, once on a phone set to another time zone. Their times differ, so those messages ' +
      'are counted twice, and so, most likely, are the calls and media between them.',
    hint:
      'The exports give no time zone, so chronolog cannot tell which copy is right. Keep the copy exported on the ' +
      "phone set to the case's zone and remove the other from the inputs (there is no time zone per file: read it " +
      'in a run of its own with --tz set to the zone its phone was in, if it holds messages the other lacks), or ' +
      'export the chat again with both on one setting; then run again.',
  };
}

const FNV_OFFSET = 0x811c9dc5;

function fnv(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** Hashes a string's UTF-16 units and a separator. */
function fnvString(h: number, s: string): number {
  let x = h;
  for (let i = 0; i < s.length; i++) x = fnv(x, s.charCodeAt(i));
  return fnv(x, 0);
}

function isSpace(cp: number): boolean {
  return (
    cp <= 32 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

/** Letters and digits, roughly: ASCII ones, and every code point beyond Latin-1's punctuation. */
function isLetter(cp: number): boolean {
  return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) || cp >= 0xc0;
}

/**
 * The text's code points hashed onto `h`, whitespace runs folded to one space and trimmed (as dedupe.ts folds
 * them); −1 when it has fewer than `MIN_LETTERS` letters or digits. The string and the UTF-8 reading hash alike.
 */
class Folder {
  h = 0;
  letters = 0;
  pendingSpace = false;
  started = false;

  reset(h: number): void {
    this.h = h;
    this.letters = 0;
    this.pendingSpace = false;
    this.started = false;
  }

  put(cp: number): void {
    if (isSpace(cp)) {
      if (this.started) this.pendingSpace = true;
      return;
    }
    if (this.pendingSpace) this.h = fnv(this.h, 32);
    this.pendingSpace = false;
    this.started = true;
    if (isLetter(cp)) this.letters++;
    this.h = fnv(this.h, cp);
  }

  get result(): number {
    return this.letters < MIN_LETTERS ? -1 : this.h >>> 0;
  }
}

const folder = new Folder();

function foldString(h: number, s: string): number {
  folder.reset(h);
  for (let i = 0; i < s.length; i++) {
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    folder.put(cp);
  }
  return folder.result;
}

function foldBytes(h: number, span: Utf8Span): number {
  folder.reset(h);
  const b = span.bytes;
  for (let i = span.start; i < span.end; ) {
    const c = b[i]!;
    let cp: number;
    let n: number;
    if (c < 0x80) {
      cp = c;
      n = 1;
    } else if (c >= 0xf0) {
      cp = c & 0x07;
      n = 4;
    } else if (c >= 0xe0) {
      cp = c & 0x0f;
      n = 3;
    } else if (c >= 0xc0) {
      cp = c & 0x1f;
      n = 2;
    } else {
      cp = 0xfffd;
      n = 1;
    }
    for (let k = 1; k < n; k++) cp = (cp << 6) | ((b[i + k] ?? 0) & 0x3f);
    i += n;
    folder.put(cp);
  }
  return folder.result;
}
