/**
 * One JSON value collected across chunks of text. Its end is found from bracket depth and string state alone —
 * cheap enough to run over every character — and `JSON.parse` then validates it, so a value is never half-read.
 * A value that nests deeper than `MAX_RECORD_DEPTH` is scanned to its end but not kept (`tooDeep`), and so is one
 * of more than `MAX_RECORD_VALUES` values (`tooMany`, ../json-values.ts), which `JSON.parse` would build whole, and
 * one longer than its `maxChars` (`tooLarge`). The string of a text member (`CaptureLimits.text`) is kept to its first
 * MAX_TEXT_BYTES of UTF-8 as it arrives and put back as a JSON string of what was kept (`cuts` says what was left out).
 */
import { MAX_RECORD_DEPTH } from '../json-depth.js';
import { MAX_RECORD_VALUES, ValueCounter } from '../json-values.js';
import { CappedText, cutString, MAX_TEXT_BYTES } from '../long-text.js';

const isDelimiter = (c: number) =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x2c || c === 0x7d || c === 0x5d;

/** A message's text member whose string was kept to its first MAX_TEXT_BYTES of UTF-8 (the rest counted). */
export interface TextCut {
  /** The member, as written (`content`). */
  readonly member: string;
  /** Bytes of UTF-8 kept, and in the whole text. */
  readonly kept: number;
  readonly total: number;
}

/** What a capture keeps of one value, and what it drops. */
export interface CaptureLimits {
  /** The most characters kept; a longer value is scanned to its end, not kept (`tooLarge`). */
  readonly maxChars: number;
  /**
   * Member names of the value (an object) whose string values are a message's text: each kept to its first
   * MAX_TEXT_BYTES of UTF-8, cut before a whole character, the rest counted, never held (`cuts`).
   */
  readonly text?: ReadonlySet<string>;
}

/**
 * The raw characters a text member's string is held as before it is decoded piece by piece instead: 8 MiB. A
 * JSON string of more holds more than 1 MiB of UTF-8 (six characters, `\u0041`, make one byte at the least), so
 * it is cut whatever it holds; one of fewer is decoded by `JSON.parse` as a whole, which also places any syntax
 * error in it exactly.
 */
const HOLD_RAW_CHARS = 8 << 20;

/** The body of a JSON string (between its quotes) as it arrives, decoded into a `CappedText`. */
class StringBody {
  readonly held: string[] = [];
  heldChars = 0;
  /** Set once the body outgrew HOLD_RAW_CHARS: from then on decoded piece by piece, the raw text dropped. */
  private decoded: CappedText | undefined;
  private escape = '';
  private high = '';
  /** What is wrong with the body, once something is. */
  bad: string | undefined;

  add(raw: string): void {
    if (raw === '' || this.bad !== undefined) return;
    if (this.decoded === undefined) {
      this.held.push(raw);
      this.heldChars += raw.length;
      if (this.heldChars <= HOLD_RAW_CHARS) return;
      this.decoded = new CappedText();
      const held = this.held.splice(0);
      this.heldChars = 0;
      for (const piece of held) this.decode(piece);
      return;
    }
    this.decode(raw);
  }

  /** The string's text, cut to MAX_TEXT_BYTES, as a JSON string body, and what the cut left out; `undefined`: bad. */
  end(): { body: string; kept: number; total: number } | undefined {
    if (this.decoded === undefined) {
      const raw = this.held.length === 1 ? this.held[0]! : this.held.join('');
      if (raw.length * 3 <= MAX_TEXT_BYTES) return { body: raw, kept: 0, total: 0 };
      let text: string;
      try {
        text = JSON.parse(`"${raw}"`) as string;
      } catch {
        // Left as written: JSON.parse of the whole value then says where and why.
        return { body: raw, kept: 0, total: 0 };
      }
      const cut = cutString(text, MAX_TEXT_BYTES);
      if (cut.dropped === 0) return { body: raw, kept: 0, total: 0 };
      return {
        body: JSON.stringify(cut.text).slice(1, -1),
        kept: Buffer.byteLength(cut.text),
        total: Buffer.byteLength(cut.text) + cut.dropped,
      };
    }
    if (this.escape !== '') this.bad ??= 'an escape sequence the string ends inside';
    if (this.bad !== undefined) return undefined;
    this.emit('', true);
    const d = this.decoded;
    return { body: JSON.stringify(d.text()).slice(1, -1), kept: d.kept, total: d.kept + d.dropped };
  }

  private decode(piece: string): void {
    // An escape the last piece ended inside is completed by this one; one this piece ends inside waits.
    const raw = this.escape === '' ? piece : this.escape + piece;
    const cut = wholeEscapesEnd(raw);
    this.escape = raw.slice(cut);
    if (cut === 0) return;
    let text: string;
    try {
      // Native decoding of the whole piece: a text of megabytes written with an escape every few characters (as
      // Meta writes all but ASCII) is read at the speed of JSON.parse.
      text = JSON.parse(`"${cut === raw.length ? raw : raw.slice(0, cut)}"`) as string;
    } catch {
      this.bad = CONTROL.test(raw)
        ? 'a control character not escaped'
        : 'an escape sequence that JSON does not have';
      return;
    }
    if (text !== '') this.emit(text);
  }

  /** Adds decoded text; a high surrogate at its end waits for what follows, so no pair is split. */
  private emit(text: string, last = false): void {
    let t = this.high === '' ? text : this.high + text;
    this.high = '';
    const c = t.charCodeAt(t.length - 1);
    if (!last && c >= 0xd800 && c <= 0xdbff) {
      this.high = t.slice(-1);
      t = t.slice(0, -1);
    }
    this.decoded!.add(t);
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

/** Characters of one string scanned one by one before the scan jumps to its end. */
const LONG_RUN = 64;

/** How many backslashes stand directly before `text[i]`. */
function backslashesBefore(text: string, i: number): number {
  let k = i;
  while (k > 0 && text.charCodeAt(k - 1) === 0x5c) k--;
  return i - k;
}

/** A member name directly before a value: `"content": ` (the last characters seen before the value's quote). */
const MEMBER_BEFORE = /"([A-Za-z_]{1,32})"\s*:\s*$/;
/** How many characters before a string are looked at for its member name. */
const CONTEXT_CHARS = 64;

/** The text of one value as it arrives; `scan` reports where it ends. */
export class ValueCapture {
  private readonly parts: string[] = [];
  /** Characters kept so far. */
  length = 0;
  /** True once the value nests deeper than `MAX_RECORD_DEPTH`: its text is dropped and `length` stops growing. */
  tooDeep = false;
  /** True once the value holds more than `MAX_RECORD_VALUES` values: its text is dropped likewise. */
  tooMany = false;
  /** True once the value is longer than `maxChars` (its text members cut first): dropped likewise. */
  tooLarge = false;
  /** The text members cut, in order. */
  readonly cuts: TextCut[] = [];
  /** What is wrong with a text member decoded piece by piece, and where its string starts. */
  bad: { why: string; line: number; column: number } | undefined;
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
  /** Text members are looked for only in an object. */
  private readonly members: ReadonlySet<string> | undefined;
  /** The last CONTEXT_CHARS characters scanned before the current piece, for a member name split from its value. */
  private tail = '';
  /** The text member being read, its string, and where that starts. */
  private body: { member: string; string: StringBody; line: number; column: number } | undefined;

  /** `first` is the value's first character; `line` and `column` are where it starts (1-based). */
  constructor(
    first: number,
    readonly line: number,
    readonly column: number,
    private readonly limits: CaptureLimits = { maxChars: Number.POSITIVE_INFINITY },
  ) {
    const compound = first === 0x7b || first === 0x5b;
    this.depth = compound ? 1 : 0;
    this.inString = first === 0x22;
    this.literal = !compound && first !== 0x22;
    this.members =
      first === 0x7b && limits.text !== undefined && limits.text.size > 0 ? limits.text : undefined;
  }

  private get dropped(): boolean {
    return this.tooDeep || this.tooMany || this.tooLarge;
  }

  /**
   * Scans `text` from `from` and keeps `text[start..end)`. Returns the index just after the value, or -1 when the
   * text ended first. `onNewline` gets the index of every line feed scanned (literals hold none); `at` the line
   * and column of an index of `text`.
   */
  scan(
    text: string,
    from: number,
    start: number,
    onNewline: (i: number) => void,
    at?: (i: number) => { line: number; column: number },
  ): number {
    const n = text.length;
    let i = from;
    let end = -1;
    let keepFrom = start;
    if (this.literal) {
      while (i < n && !isDelimiter(text.charCodeAt(i))) i++;
      if (i < n) end = i;
    } else {
      let { depth, inString, escaped } = this;
      const members = this.members;
      // Characters of the current string scanned one by one (a piece starts counting anew: the count only decides
      // when to jump ahead, never what is found).
      let run = 0;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x0a) onNewline(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c !== 0x22) {
            // Deep in a long string, jump to its closing quote, the first not escaped (`text[i]` is no backslash
            // and not escaped, so every run of backslashes after it is whole), telling the line feeds on the way.
            if (++run > LONG_RUN) {
              let q = text.indexOf('"', i + 1);
              while (q >= 0 && backslashesBefore(text, q) % 2 === 1) q = text.indexOf('"', q + 1);
              const to = q < 0 ? n : q;
              for (let nl = text.indexOf('\n', i + 1); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1))
                onNewline(nl);
              if (q < 0) escaped = backslashesBefore(text, n) % 2 === 1;
              i = to - 1;
            }
          } else {
            inString = false;
            if (this.body !== undefined) {
              this.closeBody(text.slice(keepFrom, i));
              keepFrom = i;
            }
            if (depth === 0) {
              end = ++i;
              break;
            }
          }
        } else if (c === 0x22) {
          inString = true;
          run = 0;
          if (members !== undefined && depth === 1 && !this.dropped) {
            const before =
              i >= CONTEXT_CHARS
                ? text.slice(i - CONTEXT_CHARS, i)
                : (this.tail + text.slice(0, i)).slice(-CONTEXT_CHARS);
            const member = MEMBER_BEFORE.exec(before)?.[1];
            if (member !== undefined && members.has(member)) {
              this.keep(text.slice(keepFrom, i + 1));
              keepFrom = i + 1;
              const where = at?.(i) ?? { line: this.line, column: this.column };
              this.body = { member, string: new StringBody(), ...where };
            }
          }
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
      if (members !== undefined)
        this.tail = (
          i >= CONTEXT_CHARS ? text.slice(i - CONTEXT_CHARS, i) : this.tail + text.slice(0, i)
        ).slice(-CONTEXT_CHARS);
    }
    if (this.body !== undefined) {
      if (!this.dropped) this.body.string.add(text.slice(keepFrom, i));
    } else this.keep(text.slice(keepFrom, i));
    if (this.dropped) {
      this.parts.length = 0;
      this.body = undefined;
    }
    return end;
  }

  /** Keeps `piece` of the value's text, unless it is dropped already. */
  private keep(piece: string): void {
    if (this.dropped || piece === '') return;
    this.parts.push(piece);
    this.length += piece.length;
    if (this.length > this.limits.maxChars) {
      this.tooLarge = true;
      this.parts.length = 0;
      return;
    }
    if (this.length > MAX_RECORD_VALUES) {
      if (this.values === undefined) {
        this.values = new ValueCounter();
        for (const part of this.parts) this.values.scan(part);
      } else this.values.scan(piece);
      this.tooMany = this.values.over;
      if (this.tooMany) this.parts.length = 0;
    }
  }

  /** Ends the text member being read with the last `raw` of its string, and keeps it, cut if too long. */
  private closeBody(raw: string): void {
    const body = this.body!;
    this.body = undefined;
    if (this.dropped) return;
    body.string.add(raw);
    const done = body.string.end();
    if (done === undefined) {
      this.bad ??= { why: body.string.bad!, line: body.line, column: body.column };
      return;
    }
    if (done.total > 0) this.cuts.push({ member: body.member, kept: done.kept, total: done.total });
    this.keep(done.body);
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
