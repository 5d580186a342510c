/**
 * One JSON value collected across chunks of text. Its end is found from bracket depth and string state alone —
 * cheap enough to run over every character — and `JSON.parse` then validates it, so a value is never half-read.
 * A value that nests deeper than `MAX_RECORD_DEPTH` is scanned to its end but not kept (`tooDeep`), and so is one
 * of more than `MAX_RECORD_VALUES` values (`tooMany`, ../json-values.ts), which `JSON.parse` would build whole.
 * A message's text member (`textMember`) whose string runs past HOLD_TEXT_CHARS as written is decoded as it comes
 * (`LongText`), never held: the value keeps only its first characters in its place, and `cuts` tells the rest.
 */
import { MAX_RECORD_DEPTH } from '../json-depth.js';
import { MAX_RECORD_VALUES, ValueCounter } from '../json-values.js';
import { HOLD_TEXT_CHARS, MAX_TEXT_BYTES, wholeCharacters } from '../long-text.js';
import type { MojibakeEvidence } from './mojibake.js';

const isDelimiter = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x7d || c === 0x5d;

/**
 * A message's text string that ran past HOLD_TEXT_CHARS as written: decoded as it came, only its start kept in the
 * value (`LONG_TEXT_KEEP` UTF-16 code units, more than MAX_TEXT_BYTES of UTF-8 either way the file is read), and
 * the rest measured. The cut to MAX_TEXT_BYTES is made later, once the file's double encoding is known
 * (thread-file.ts), on the text as it will read.
 */
export interface LongTextCut {
  /** The member, as written (`content`, `text`). */
  readonly member: string;
  /** UTF-16 code units of the whole text: its UTF-8 bytes once Meta's double encoding is undone. */
  readonly units: number;
  /** Bytes of UTF-8 of the whole text as it is written (no repair). */
  readonly utf8: number;
  /** What the whole text says of the file's double encoding (mojibake.ts). */
  readonly evidence: MojibakeEvidence;
}

/** Characters of a text member's string held as written before it is decoded as it comes (long-text.ts). */
export { HOLD_TEXT_CHARS };

/**
 * Code units of a long text kept in the value: MAX_TEXT_BYTES and two more, so that the cut (thread-file.ts) sees
 * the character after the last byte it may keep, a surrogate pair whole, repaired or not.
 */
export const LONG_TEXT_KEEP = MAX_TEXT_BYTES + 2;

const HIGH_LATIN1 = /[\u0080-\u00ff]/;
const ABOVE_LATIN1 = /[\u0100-\uffff]/;

/** The body of a JSON string decoded piece by piece: its first LONG_TEXT_KEEP code units kept, the rest measured. */
class LongText {
  private head = '';
  private units = 0;
  private utf8 = 0;
  /** A high surrogate that ended the last piece, measured with what follows it. */
  private high = '';
  /** An escape sequence the last raw piece ended inside, completed by the next. */
  private escape = '';
  private above = false;
  private highLatin1 = false;
  private notUtf8 = false;
  private readonly bytes = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private buffer = Buffer.alloc(0);
  /** What is wrong with the body, once something is. */
  bad: string | undefined;

  /** Adds the next piece of the body as written. */
  add(raw: string): void {
    if (raw === '' || this.bad !== undefined) return;
    const whole = this.escape === '' ? raw : this.escape + raw;
    const cut = wholeEscapesEnd(whole);
    this.escape = whole.slice(cut);
    if (cut === 0) return;
    let text: string;
    try {
      // Native decoding of the whole piece: Meta writes every non-ASCII byte as an escape.
      text = JSON.parse(`"${cut === whole.length ? whole : whole.slice(0, cut)}"`) as string;
    } catch {
      this.bad = CONTROL.test(whole)
        ? 'a control character not escaped'
        : 'an escape sequence that JSON does not have';
      return;
    }
    this.take(text);
  }

  private take(t: string): void {
    if (t === '') return;
    this.units += t.length;
    if (this.head.length < LONG_TEXT_KEEP) this.head += t.slice(0, LONG_TEXT_KEEP - this.head.length);
    const { text: m, held } = wholeCharacters(this.high, t);
    this.high = held;
    this.utf8 += Buffer.byteLength(m);
    if (!this.above) this.above = ABOVE_LATIN1.test(t);
    if (this.above) return;
    if (!this.highLatin1) this.highLatin1 = HIGH_LATIN1.test(t);
    if (this.notUtf8) return;
    // One buffer reused for the bytes (the decoder keeps what it needs of them), so that a text of hundreds of
    // megabytes leaves no buffer of each piece behind for the garbage collector.
    if (this.buffer.length < t.length) this.buffer = Buffer.allocUnsafe(Math.max(t.length, 65_536));
    const size = this.buffer.write(t, 0, 'latin1');
    try {
      this.bytes.decode(this.buffer.subarray(0, size), { stream: true });
    } catch {
      this.notUtf8 = true;
    }
  }

  /** The kept start of the text and what the whole says; `undefined` when the body is no JSON string body. */
  end(member: string): { head: string; cut: LongTextCut } | undefined {
    if (this.escape !== '') this.bad ??= 'an escape sequence it ends inside';
    if (this.bad !== undefined) return undefined;
    this.utf8 += Buffer.byteLength(this.high);
    if (!this.above && !this.notUtf8) {
      try {
        this.bytes.decode();
      } catch {
        this.notUtf8 = true;
      }
    }
    // As mojibakeEvidence would say of the whole string.
    const evidence: MojibakeEvidence = this.above
      ? 'not-mojibake'
      : !this.highLatin1
        ? 'ascii'
        : this.notUtf8
          ? 'not-mojibake'
          : 'mojibake';
    return { head: this.head, cut: { member, units: this.units, utf8: this.utf8, evidence } };
  }
}

/** A control character, which a JSON string never holds as it is. */
const CONTROL = /[\u0000-\u001f]/;

/**
 * Where the escape sequence that the body `raw` ends inside starts (`raw.length`: it ends inside none). An escape is
 * `\x` or `\uXXXX`; a backslash starts one when an even number of backslashes stands before it.
 */
function wholeEscapesEnd(raw: string): number {
  const n = raw.length;
  for (let b = Math.max(0, n - 6); b < n; b++) {
    if (raw.charCodeAt(b) !== 0x5c) continue;
    let before = 0;
    while (b - before - 1 >= 0 && raw.charCodeAt(b - before - 1) === 0x5c) before++;
    if (before % 2 === 1) continue;
    const size = b + 1 < n && raw.charCodeAt(b + 1) === 0x75 ? 6 : 2;
    if (b + size > n) return b;
    b += size - 1;
  }
  return n;
}

/** How many backslashes stand directly before `text[i]`, counted back to `text[from]` at most. */
function backslashesBefore(text: string, i: number, from: number): number {
  let k = i;
  while (k > from && text.charCodeAt(k - 1) === 0x5c) k--;
  return i - k;
}

/** The member name written just before a value: `"content": ` (the characters before the value's quote). */
const MEMBER_BEFORE = /"([A-Za-z_]{1,32})"\s*:\s*$/;

/** A text member's string held whole is left out of a message's size from this length on (see `textChars`). */
const TEXT_LOOKED_AT = 1 << 16;

/** The text of one value as it arrives; `scan` reports where it ends. */
export class ValueCapture {
  private readonly parts: string[] = [];
  /** Characters collected so far. */
  length = 0;
  /** True once the value nests deeper than `MAX_RECORD_DEPTH`: its text is dropped and `length` stops growing. */
  tooDeep = false;
  /** True once the value holds more than `MAX_RECORD_VALUES` values: its text is dropped likewise. */
  tooMany = false;
  /**
   * True once the value is longer than its `maxChars`, its text member's string left out (`textChars`), and a string
   * still open and under HOLD_TEXT_CHARS not yet counted (the count only grows, wherever the pieces end): dropped
   * likewise.
   */
  tooLarge = false;
  /**
   * Characters of the kept text that are the text member's string: held whole (up to HOLD_TEXT_CHARS as written,
   * counted here once over TEXT_LOOKED_AT) or its kept start (a longer one); of a member written more than once, the
   * longest only (JSON.parse keeps the last; the others are held and counted, or a message of many 8 MiB copies would
   * be held whole). The text is bounded on its own, and left out of `maxChars`, so whether a message is too large
   * never depends on how long its text is: with the text counted, a message with 8 MiB of text less a byte was
   * rejected where the same with a longer text was kept cut.
   */
  private textChars = 0;
  /** The text member strings that ran past HOLD_TEXT_CHARS, in order (each kept in part: `LongTextCut`). */
  readonly cuts: LongTextCut[] = [];
  /** What is wrong with such a string, decoded as it came (so never parsed whole), once something is. */
  bad: string | undefined;
  /**
   * Counts the values once the text is longer than `MAX_RECORD_VALUES` characters (a shorter one cannot hold
   * more, each value taking one at least), so an ordinary message is scanned once only.
   */
  private values: ValueCounter | undefined;
  private depth: number;
  private inString: boolean;
  private escaped = false;
  /** A bare literal (number, true, false, null) ends at the first delimiter instead of a bracket or quote. */
  private readonly literal: boolean;
  /** The member whose long string is decoded as it comes; only in an object. */
  private readonly textMember: string | undefined;
  /** Where the body of the string being scanned starts in the kept text, when it is a member's value; else -1. */
  private stringStart = -1;
  /** The text member's string being decoded as it comes. */
  private long: { member: string; text: LongText } | undefined;

  /**
   * `first` is the value's first character; `line` and `column` are where it starts (1-based). `textMember`: the
   * member of an object whose string is decoded as it comes once longer than HOLD_TEXT_CHARS; `maxChars`: the
   * most characters kept (`tooLarge`).
   */
  constructor(
    first: number,
    readonly line: number,
    readonly column: number,
    textMember?: string,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {
    const compound = first === 0x7b || first === 0x5b;
    this.depth = compound ? 1 : 0;
    this.inString = first === 0x22;
    this.literal = !compound && first !== 0x22;
    this.textMember = first === 0x7b ? textMember : undefined;
  }

  private get dropped(): boolean {
    return this.tooDeep || this.tooMany || this.tooLarge;
  }

  /**
   * Scans `text` from `from` and keeps `text[start..end)`. Returns the index just after the value, or -1 when the
   * text ended first. `onNewline` gets the index of every line feed scanned (literals hold none).
   */
  scan(text: string, from: number, start: number, onNewline: (i: number) => void): number {
    const n = text.length;
    let i = from;
    let end = -1;
    let keepFrom = start;
    if (this.literal) {
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      if (i < n) end = i;
    } else {
      let { depth, inString, escaped } = this;
      const tracks = this.textMember !== undefined;
      if (inString && i < n) {
        // A string that spans pieces can be megabytes long: jump to its closing quote, the first not escaped,
        // instead of looking at each character (a backslash run is whole once a pending escape is consumed).
        if (escaped) {
          escaped = false;
          if (text.charCodeAt(i) === 0x0a) onNewline(i);
          i++;
        }
        const from = i;
        let q = text.indexOf('"', i);
        while (q >= 0 && backslashesBefore(text, q, from) % 2 === 1) q = text.indexOf('"', q + 1);
        const to = q < 0 ? n : q;
        for (let nl = text.indexOf('\n', i); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1))
          onNewline(nl);
        if (q < 0) escaped = backslashesBefore(text, n, from) % 2 === 1;
        i = to;
      }
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) onNewline(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) {
            inString = false;
            if (
              tracks &&
              depth === 1 &&
              (this.stringStart >= 0 || this.long !== undefined) &&
              !this.dropped
            ) {
              keepFrom = this.closeString(text, keepFrom, i);
            }
            if (depth === 0) {
              end = ++i;
              break;
            }
          }
        } else if (c === 0x22) {
          inString = true;
          // Offsets in the kept text; a string in the long mode is not kept, so none starts while one is.
          if (tracks && depth === 1) this.stringStart = this.length + (i + 1 - keepFrom);
        } else if (c === 0x7b || c === 0x5b) {
          if (++depth > MAX_RECORD_DEPTH) this.tooDeep = true;
        } else if (c === 0x7d || c === 0x5d) {
          depth--;
          if (depth === 0) {
            end = ++i;
            break;
          }
        }
      }
      this.depth = depth;
      this.inString = inString;
      this.escaped = escaped;
    }
    if (this.long !== undefined) {
      // Still inside the long string: its body is decoded, not kept.
      this.long.text.add(text.slice(keepFrom, i));
      keepFrom = i;
    } else this.keep(text.slice(keepFrom, i));
    if (
      !this.dropped &&
      this.inString &&
      this.long === undefined &&
      this.stringStart >= 0 &&
      this.length - this.stringStart > HOLD_TEXT_CHARS
    )
      this.goLong();
    // A member's string still open is counted once it closes or turns out no long text (goLong).
    const open = this.inString && this.stringStart >= 0 ? this.length - this.stringStart : 0;
    if (this.length - open - this.textChars > this.maxChars) this.tooLarge = true;
    if (this.dropped) {
      this.parts.length = 0;
      this.long = undefined;
    }
    return end;
  }

  /** Keeps `piece` of the value's text, unless it is dropped already. */
  private keep(piece: string): void {
    if (this.dropped || piece === '') return;
    this.parts.push(piece);
    this.length += piece.length;
    if (this.length > MAX_RECORD_VALUES) {
      if (this.values === undefined) {
        this.values = new ValueCounter();
        for (const part of this.parts) this.values.scan(part);
      } else this.values.scan(piece);
      this.tooMany = this.values.over;
    }
  }

  /**
   * The string being scanned ran past HOLD_TEXT_CHARS: when it is the text member's value, its body held so far
   * leaves the kept text for a LongText; otherwise it is held on as any other value (and counts to its size).
   */
  private goLong(): void {
    const start = this.stringStart;
    this.stringStart = -1;
    const held = this.parts.join('');
    const member = MEMBER_BEFORE.exec(held.slice(Math.max(0, start - 1 - 64), start - 1))?.[1];
    if (member !== this.textMember || member === undefined) return;
    this.parts.length = 0;
    this.parts.push(held.slice(0, start));
    this.length = start;
    // Counted anew from what is kept: the body held so far is gone from it.
    this.values = undefined;
    this.long = { member, text: new LongText() };
    this.long.text.add(held.slice(start));
  }

  /**
   * A member's string closes at `text[i]`, the text from `text[from]` not yet kept; returns where keeping goes on.
   */
  private closeString(text: string, from: number, i: number): number {
    if (this.long === undefined) {
      // A string that ran past HOLD_TEXT_CHARS within this piece turns long here, as it would have at a piece's end.
      const chars = this.length + (i - from) - this.stringStart;
      if (chars <= HOLD_TEXT_CHARS) {
        const start = this.stringStart;
        this.stringStart = -1;
        if (chars <= TEXT_LOOKED_AT) return from;
        // Only a string long enough to matter to `maxChars` is asked whose it is (an ordinary one costs nothing);
        // kept first, so that its member's name is in the kept text even when the string began in this piece.
        this.keep(text.slice(from, i));
        if (this.memberBefore(start) === this.textMember) this.textChars = Math.max(this.textChars, chars);
        return i;
      }
      this.keep(text.slice(from, i));
      this.goLong();
      if (this.long === undefined) return i;
    } else this.long.text.add(text.slice(from, i));
    const { member, text: long } = this.long;
    this.long = undefined;
    const done = long.end(member);
    if (done === undefined) this.bad ??= long.bad;
    else {
      this.cuts.push(done.cut);
      const head = JSON.stringify(done.head).slice(1, -1);
      this.keep(head);
      this.textChars = Math.max(this.textChars, head.length);
    }
    return i;
  }

  /** The member whose string starts at `start` in the kept text (its name just before), from the last parts only. */
  private memberBefore(start: number): string | undefined {
    let tail = '';
    let at = this.length;
    for (let k = this.parts.length - 1; k >= 0 && at > start - 1 - 64; k--) {
      tail = this.parts[k]! + tail;
      at -= this.parts[k]!.length;
    }
    const before = tail.slice(Math.max(0, start - 1 - 64 - at), start - 1 - at);
    return MEMBER_BEFORE.exec(before)?.[1];
  }

  /** The whole value's text. */
  text(): string {
    return this.parts.join('');
  }
}

/**
 * Where `JSON.parse` failed inside a value that starts at `line`/`column`, and why — without V8's copy of the
 * value, which some of its messages quote whole (the text is hostile and can be megabytes).
 */
export function parseFailure(
  err: Error,
  raw: string,
  line: number,
  column: number,
): { line: number; column: number; why: string } {
  const pos = /at position (\d+)/.exec(err.message);
  if (pos) {
    const upTo = raw.slice(0, Number(pos[1]));
    const nl = upTo.lastIndexOf('\n');
    line += upTo.split('\n').length - 1;
    column = nl < 0 ? column + upTo.length : upTo.length - nl;
  }
  const why = err.message.replace(/,? ".*" is not valid JSON$/s, '').replace(/ in JSON at position \d+$/, '');
  return { line, column, why };
}
