/**
 * The chat readers' cap on one message's text (WhatsApp, Signal chat.md and data.json, iMessage text): a
 * "message" whose text runs past MAX_TEXT_BYTES — another file joined onto the chat, a damaged copy — is still
 * one contact, kept with the first MAX_TEXT_BYTES of its text (cut before a whole character), flagged, and
 * named in a warning at its line with its full length. The rest is counted, never held, so such a message costs
 * the cap in memory, not its size (an 80 MB WhatsApp message took 400 MB, a 90 MB chat.md one 570 MB).
 */
import { thousands } from '../model/format.js';
import type { EventTime, Party } from '../model/index.js';
import type { SourceContext } from './source.js';

/**
 * The most bytes of UTF-8 one message's text keeps: 1 MiB. No chat app sends more than a fraction of it (WhatsApp
 * 65,536 characters, at most 256 KiB; Signal 64 KiB), so no real message is cut.
 */
export const MAX_TEXT_BYTES = 1 << 20;

/**
 * How much of a JSON export's message text (a Messenger `content`, a Telegram `text`) is held as written before it
 * is decoded as it comes instead: 8 MiB. Written JSON is never shorter than its text by more than six characters
 * to one (`\u00c3` for one byte), so a string of more holds more than MAX_TEXT_BYTES of text and is cut anyway;
 * a shorter one is parsed whole with its message, as every other value is.
 */
export const HOLD_TEXT_CHARS = 8 << 20;

/** Where the longest start of the UTF-8 text `b[s, e)` that is whole characters and at most `max` bytes ends. */
export function utf8CutEnd(b: Uint8Array, s: number, e: number, max: number): number {
  if (e - s <= max) return e;
  let cut = s + max;
  while (cut > s && (b[cut]! & 0xc0) === 0x80) cut--; // not inside a character
  return cut;
}

/** `text` cut to its first `max` bytes of UTF-8 (whole characters), and how many bytes that left out (0: none). */
export function cutString(text: string, max: number): { text: string; dropped: number } {
  // Three bytes at most per UTF-16 code unit: a text this short cannot be over, and is not measured.
  if (text.length * 3 <= max) return { text, dropped: 0 };
  const bytes = Buffer.byteLength(text);
  if (bytes <= max) return { text, dropped: 0 };
  const b = Buffer.from(text, 'utf8');
  const end = utf8CutEnd(b, 0, b.length, max);
  return { text: b.toString('utf8', 0, end), dropped: bytes - end };
}

/**
 * The first `max` characters of `s`, with "…" when there are more, for quoting a value in a message: a value of
 * megabytes (a damaged header, a joined file) is quoted by its start, so that one warning costs no more than a
 * line. Never ends between the two halves of a surrogate pair.
 */
export function excerptOf(s: string, max = 60): string {
  if (s.length <= max) return s;
  const c = s.charCodeAt(max - 1);
  return `${s.slice(0, c >= 0xd800 && c <= 0xdbff ? max - 1 : max)}…`;
}

/** `flags` with `flag` added. */
export function withFlag(flags: readonly string[] | undefined, flag: string): string[] {
  return flags === undefined ? [flag] : [...flags, flag];
}

/** What a `warnTextCut` warning says about one message. */
export interface CutText {
  /** The warning's code (`WHATSAPP_TEXT_TOO_LONG`) and the flag the message carries (`WHATSAPP_TEXT_CUT`). */
  readonly code: string;
  readonly flag: string;
  /** The line the message starts on. */
  readonly line: number;
  /** Bytes of its text kept, and in all (as written, line breaks between its lines included). */
  readonly kept: number;
  readonly total: number;
  /** The lines of its text (said when more than one). */
  readonly lines: number;
  /** What the length is more than: "a WhatsApp message can hold (65,536 characters)". */
  readonly over: string;
  /** The same message in an overlapping export gives the same key: warned once (SourceContext.warn's `copy`). */
  readonly copy?: string;
}

/**
 * The `copy` of a text-cut warning (`CutText.copy`): sender, minute and the text's length in bytes. The same
 * message in an overlapping export (Android and iPhone WhatsApp, Signal's chat.md and data.json, two iMessage
 * exports) gives the same key, so it is warned of once.
 */
export function textCutCopy(sender: string, local: string, total: number): string {
  return `${sender}\u0000${local.slice(0, 16)}\u0000${total}`;
}

/**
 * `textCutCopy` for an event read from a structured export (Discord JSON and CSV, X): its sender as
 * de-duplication compares it (the account id, else the name) and its minute (UTC for an instant, as dedupe
 * compares it, marked `Z`; as written for a wall-clock time). DCE's JSON and CSV of one channel give the same key
 * for one message, so its cut text is warned of once, as the message counts once.
 */
export function eventCutCopy(sender: Party | undefined, time: EventTime, total: number): string {
  const minute =
    time.type === 'instant' ? `${new Date(time.ms).toISOString().slice(0, 16)}Z` : time.local.slice(0, 16);
  return `${sender?.id ?? sender?.name ?? ''}\u0000${minute}\u0000${total}`;
}

/** Warns that the message on `cut.line` was kept with only the first part of its text. */
export function warnTextCut(ctx: SourceContext, cut: CutText): void {
  const lines = cut.lines > 1 ? ` on ${thousands(cut.lines)} lines` : '';
  ctx.warn(
    cut.code,
    cut.line,
    `The message on line ${cut.line} has ${thousands(cut.total)} bytes of text${lines} (as UTF-8), more than ${cut.over}: it is counted as one message, with the first ${thousands(cut.kept)} bytes of its text.`,
    `Check line ${cut.line} of the export: another file joined onto the chat, or a damaged copy, can make one message this long. The message carries the ${cut.flag} flag.`,
    cut.copy,
  );
}

/**
 * What became of a message of a JSON export whose text was cut (`warnJsonTextCut`): in the timeline showing that
 * text (`flagged`), in it without the text, or not in it (skipped or rejected). The warning words it so.
 */
export type CutOutcome = 'flagged' | 'kept' | 'not-kept';

/** What a `warnJsonTextCut` warning says about one message's text. */
export interface JsonTextCut {
  /** The warning's code (`MESSENGER_TEXT_TOO_LONG`) and the flag an event showing the text carries. */
  readonly code: string;
  readonly flag: string;
  /** The message's locator (`messages[3]`) and the member its text was in (`content`). */
  readonly locator: string;
  readonly member: string;
  /** Bytes of the text kept, and in all; `as`: how they are measured ("as UTF-8"). */
  readonly kept: number;
  readonly total: number;
  readonly as: string;
  readonly outcome: CutOutcome;
  /** The same message in an overlapping export gives the same key: warned once (SourceContext.warn's `copy`). */
  readonly copy?: string;
}

/**
 * Warns that the text of the JSON message at `cut.locator` was read only to its first MAX_TEXT_BYTES, in words
 * true to what became of the message (`cut.outcome`).
 */
export function warnJsonTextCut(ctx: SourceContext, cut: JsonTextCut): void {
  const long = `The message at ${cut.locator} has ${thousands(cut.total)} bytes of text in "${cut.member}" (${cut.as})`;
  if (cut.outcome === 'flagged') {
    ctx.warn(
      cut.code,
      cut.locator,
      `${long}, more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${thousands(cut.kept)} bytes of that text.`,
      `Check that message in the export: a damaged or edited file can make one message this long. The message carries the ${cut.flag} flag.`,
      cut.copy,
    );
    return;
  }
  const shown =
    cut.outcome === 'kept' ? ' The timeline does not show that text, so the message is not flagged.' : '';
  ctx.warn(
    cut.code,
    cut.locator,
    `${long}. chronolog reads at most 1 MiB of a message's text, so only its first ${thousands(cut.kept)} bytes were read; the rest is only in the original file.${shown}`,
    'Check that message in the export: a damaged or edited file can make one text this long.',
    cut.copy,
  );
}

/**
 * The lines of one message's text as strings, kept while they fit in `cap` bytes of UTF-8 (a line break between
 * each two counted), the rest only counted. Empty lines after the last line with text are no part of it: they
 * are held as a count, and added only when more text follows.
 */
export class HeldLines {
  /** The lines kept, the last one cut short (before a whole character) if the text ran past the cap in it. */
  readonly lines: string[] = [];
  /** Bytes of the lines kept, a line break between each two counted. */
  kept = 0;
  /** Bytes of the text left out, line breaks included (0: it is whole). */
  dropped = 0;
  /** The lines the text was written on. */
  count = 0;
  private blanks = 0;

  constructor(private readonly cap = MAX_TEXT_BYTES) {}

  /** Adds a line; `dropped`: bytes at its end the line reader left out already. */
  add(line: string, dropped = 0): void {
    if (line === '' && dropped === 0 && this.lines.length > 0) {
      this.blanks++;
      return;
    }
    const blanks = this.blanks;
    const breaks = this.lines.length > 0 ? blanks + 1 : 0;
    this.count += blanks + 1;
    this.blanks = 0;
    const size = Buffer.byteLength(line);
    const room = this.cap - this.kept - breaks;
    if (this.dropped > 0 || room < 0) {
      this.dropped += breaks + size + dropped;
      return;
    }
    for (let i = 0; i < blanks; i++) this.lines.push('');
    if (size <= room) {
      this.lines.push(line);
      this.kept += breaks + size;
      this.dropped = dropped;
      return;
    }
    const b = Buffer.from(line, 'utf8');
    const end = utf8CutEnd(b, 0, size, room);
    this.lines.push(b.toString('utf8', 0, end));
    this.kept += breaks + end;
    this.dropped = size - end + dropped;
  }

  /** The text: the lines kept, joined with line breaks. */
  text(): string {
    return this.lines.join('\n');
  }
}

/** Whether the UTF-16 code unit `c` is white space as `String.prototype.trim` sees it (\s in a RegExp). */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Where the first character of `s` that is not white space is (`s.length`: none), as `trim` sees it. */
export function firstNonSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/** Where the white space at the end of `s[from…]` starts (`from`: it is all white space). */
function spaceAtEnd(s: string, from: number): number {
  let i = s.length;
  while (i > from && isSpace(s.charCodeAt(i - 1))) i--;
  return i;
}

/** The line feeds in `s`. */
function breaksIn(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * A text put together piece by piece, kept while it fits in `cap` bytes of UTF-8 (the piece it runs past the cap
 * in cut before a whole character, as `cutString` cuts the whole text), the rest only counted.
 */
export class CappedText {
  private readonly parts: string[] = [];
  /** Bytes kept, and bytes left out after them (0: the text is whole). */
  kept = 0;
  dropped = 0;

  constructor(private readonly cap = MAX_TEXT_BYTES) {}

  add(piece: string): void {
    if (piece === '') return;
    if (this.dropped > 0) {
      this.dropped += Buffer.byteLength(piece);
      return;
    }
    const room = this.cap - this.kept;
    const size = Buffer.byteLength(piece);
    if (size <= room) {
      this.parts.push(piece);
      this.kept += size;
      return;
    }
    const cut = cutString(piece, room);
    if (cut.text !== '') this.parts.push(cut.text);
    this.kept += size - cut.dropped;
    this.dropped = cut.dropped;
  }

  /** Counts `bytes` more of the text, never seen (left out by a line reader): the text is cut before them. */
  skip(bytes: number): void {
    this.dropped += bytes;
  }

  text(): string {
    return this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
  }
}

/**
 * A text put together piece by piece as `trim` would leave the whole of it, kept up to `cap` bytes (`CappedText`):
 * white space before its first character and after its last is neither kept nor counted, so the text of a
 * message written with 100,000 blank lines before it is cut where the same text without them is (the two copies
 * of a Signal message, signal-export.ts). White space inside it is held, up to the cap, until text follows it.
 */
export class TrimmedText {
  private readonly held: CappedText;
  private started = false;
  /** White space after the last character so far: its start as strings (up to the room left), bytes, breaks. */
  private readonly space: string[] = [];
  private spaceHeld = 0;
  private spaceBytes = 0;
  private spaceBreaks = 0;
  /** Line feeds in the text (counted all the way, not only up to the cap). */
  private breaks = 0;

  constructor(private readonly cap = MAX_TEXT_BYTES) {
    this.held = new CappedText(cap);
  }

  add(piece: string): void {
    let from = 0;
    if (!this.started) {
      from = firstNonSpace(piece);
      if (from === piece.length) return;
      this.started = true;
    }
    const end = spaceAtEnd(piece, from);
    if (end > from) {
      this.commitSpace();
      const text = from === 0 && end === piece.length ? piece : piece.slice(from, end);
      this.breaks += breaksIn(text);
      this.held.add(text);
    }
    if (end < piece.length) this.holdSpace(end === 0 ? piece : piece.slice(end));
  }

  /** Counts `bytes` more of the text, never seen (left out by a line reader): text, cut before. */
  skip(bytes: number): void {
    if (bytes <= 0) return;
    this.started = true;
    this.commitSpace();
    this.held.skip(bytes);
  }

  /** The text kept, its bytes, and the bytes left out after them. */
  text(): string {
    return this.held.text();
  }
  get kept(): number {
    return this.held.kept;
  }
  get dropped(): number {
    return this.held.dropped;
  }
  /** The lines of the whole text (0 for none). */
  get lines(): number {
    return this.started ? this.breaks + 1 : 0;
  }

  private holdSpace(space: string): void {
    const size = Buffer.byteLength(space);
    // Only what could still be kept is held, and only while all before it was: a megabyte of blank lines costs
    // no more than the cap.
    const whole = this.held.dropped === 0 && this.spaceHeld === this.spaceBytes;
    this.spaceBytes += size;
    this.spaceBreaks += breaksIn(space);
    const room = whole ? this.cap - this.held.kept - this.spaceHeld : 0;
    if (room <= 0) return;
    const part = size <= room ? space : cutString(space, room).text;
    this.space.push(part);
    this.spaceHeld += size <= room ? size : Buffer.byteLength(part);
  }

  private commitSpace(): void {
    if (this.spaceBytes === 0) return;
    for (const s of this.space) this.held.add(s);
    // What was not held did not fit: it is counted as left out.
    if (this.spaceBytes > this.spaceHeld) this.held.skip(this.spaceBytes - this.spaceHeld);
    this.breaks += this.spaceBreaks;
    this.space.length = 0;
    this.spaceHeld = 0;
    this.spaceBytes = 0;
    this.spaceBreaks = 0;
  }
}

/**
 * `piece` after `held` (a high surrogate kept back from the piece before, or ''), as text that ends on a whole
 * character, and the high surrogate to keep back for the next piece: a text read piece by piece can split a
 * character of two UTF-16 units between pieces, and counting or cutting the half alone would miscount it.
 */
export function wholeCharacters(held: string, piece: string): { text: string; held: string } {
  const s = held === '' ? piece : held + piece;
  const last = s.charCodeAt(s.length - 1);
  return last >= 0xd800 && last <= 0xdbff
    ? { text: s.slice(0, -1), held: s.slice(-1) }
    : { text: s, held: '' };
}
