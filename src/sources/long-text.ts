/**
 * The chat readers' cap on one message's text (WhatsApp, Signal chat.md and data.json, iMessage text): a
 * "message" whose text runs past MAX_TEXT_BYTES — another file joined onto the chat, a damaged copy — is still
 * one contact, kept with the first MAX_TEXT_BYTES of its text (cut before a whole character), flagged, and
 * named in a warning at its line with its full length. The rest is counted, never held, so such a message costs
 * the cap in memory, not its size (an 80 MB WhatsApp message took 400 MB, a 90 MB chat.md one 570 MB).
 */
import { thousands } from '../model/format.js';
import type { SourceContext } from './source.js';

/**
 * The most bytes of UTF-8 one message's text keeps: 1 MiB. No chat app sends more than a fraction of it (WhatsApp
 * 65,536 characters, at most 256 KiB; Signal 64 KiB), so no real message is cut.
 */
export const MAX_TEXT_BYTES = 1 << 20;

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
  /** The lines its text was written on. */
  readonly lines: number;
  /** What the length is more than: "a WhatsApp message can hold (65,536 characters)". */
  readonly over: string;
  /** The same message in an overlapping export gives the same key: warned once (SourceContext.warn's `copy`). */
  readonly copy?: string;
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
