/**
 * The text of the message being assembled, as UTF-8 bytes, and the byte-level helpers for it. A one-line message
 * (nearly all of them) stays where its line lies in the chunk; it is copied into a buffer of its own only when it
 * must be changed (a byte-order mark removed, a continuation line added) or outlive the chunk.
 */
import { MAX_TEXT_BYTES, utf8CutEnd } from '../long-text.js';
import { isMark } from './scan.js';

// UTF-8 of U+FEFF, the byte-order mark (removed from message text wherever it occurs), and of U+200E.
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

type Utf8Buffer = Buffer & { utf8Slice(start: number, end: number): string };

/** True when `b[s, e)` is nothing but byte-order marks (or empty): a line with no text. */
export function onlyBoms(b: Uint8Array, s: number, e: number): boolean {
  if ((e - s) % 3 !== 0) return false;
  for (let i = s; i < e; i += 3) if (b[i] !== 0xef || b[i + 1] !== 0xbb || b[i + 2] !== 0xbf) return false;
  return true;
}

/** True when a U+200E (E2 80 8E) starts at `b[i]`. */
export function lrmAt(b: Uint8Array, i: number): boolean {
  return b[i] === 0xe2 && b[i + 1] === 0x80 && b[i + 2] === 0x8e;
}

/** Where the text after `b[i]` starts past the U+200E and U+FEFF marks iOS puts in front of it. */
export function afterLeadingMarks(b: Uint8Array, i: number): number {
  for (;;) {
    if (lrmAt(b, i) || (b[i] === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf)) i += 3;
    else return i;
  }
}

/**
 * The first 60 visible characters of the UTF-8 text `b[s, e)` (marks left out), with "…" when there are more,
 * for quoting a line in a message. Decodes only as much as it needs, so a line of megabytes costs no more.
 */
export function excerpt(b: Buffer, s: number, e: number): string {
  let v = '';
  for (let i = s; i < e && v.length <= 60; ) {
    let j = Math.min(e, i + 256);
    while (j < e && (b[j]! & 0xc0) === 0x80) j--; // not inside a character
    const part = (b as Utf8Buffer).utf8Slice(i, j);
    for (let k = 0; k < part.length && v.length <= 60; k++) if (!isMark(part.charCodeAt(k))) v += part[k];
    i = j;
  }
  return v.length > 60 ? `${v.slice(0, 60)}…` : v;
}

/**
 * Finds byte-order marks in the lines of one chunk: one search runs on until the next mark (or the end of the
 * buffer), and serves every line before it. `reset` forgets it when the chunk's memory is read into again.
 */
export class BomSearch {
  private buffer: Uint8Array | undefined;
  private at = -1;

  /** Where the first BOM in `b` at or after `from` starts, or -1. */
  next(b: Buffer, from: number): number {
    if (b !== this.buffer || (this.at !== -1 && this.at < from)) {
      this.buffer = b;
      this.at = b.indexOf(BOM, from);
    }
    return this.at;
  }

  reset(): void {
    this.buffer = undefined;
  }
}

/** Below this size the buffer of its own is kept for the next message; a larger one is let go after it. */
const KEEP_OWN = 1 << 16;

/**
 * The most bytes of one message's text kept (long-text.ts): 1 MiB. WhatsApp lets a message hold 65,536 characters,
 * at most 256 KiB of UTF-8, so no real message is cut; a longer one is a file joined onto the chat or a damaged
 * copy, and keeping it whole would cost memory in proportion (an 80 MB "message" took 400 MB). The line reader is
 * given the cap and room for a header (messages.ts).
 */
export { MAX_TEXT_BYTES };

/** The message's text: `bytes[start, end)`, UTF-8 without byte-order marks. */
export class MessageText {
  bytes: Buffer;
  start = 0;
  end = 0;
  /** Bytes of the text past `MAX_TEXT_BYTES`, left out (counted as written, line breaks included). */
  dropped = 0;
  /** The lines the text was written on. */
  lines = 0;
  private own: Buffer;

  constructor(private readonly boms: BomSearch) {
    this.own = Buffer.allocUnsafe(4096);
    this.bytes = this.own;
  }

  /**
   * The text is `b[s, e)` less its byte-order marks, cut to `MAX_TEXT_BYTES` (before a whole character); `b` stays
   * valid until `keep` is called. `dropped`: bytes of the line the line reader left out (its `maxLine`).
   */
  set(b: Buffer, s: number, e: number, dropped: number): void {
    if (e - s > MAX_TEXT_BYTES) {
      const cut = utf8CutEnd(b, s, e, MAX_TEXT_BYTES);
      dropped += e - cut;
      e = cut;
    }
    this.dropped = dropped;
    this.lines = 1;
    const bom = s < e ? this.boms.next(b, s) : -1;
    if (bom === -1 || bom >= e) {
      this.bytes = b;
      this.start = s;
      this.end = e;
      return;
    }
    this.bytes = this.own;
    this.start = this.end = 0;
    this.add(b, s, e, bom);
  }

  /**
   * Adds a continuation line `b[s, e)` after `blanks` empty ones: one "\n" each, and one before the line; past
   * `MAX_TEXT_BYTES` it only counts them (`dropped`: what the line reader left out of the line already).
   */
  append(blanks: number, b: Buffer, s: number, e: number, dropped: number): void {
    this.lines += blanks + 1;
    const room = MAX_TEXT_BYTES - (this.end - this.start) - blanks - 1;
    if (this.dropped > 0 || room < 0) {
      this.dropped += blanks + 1 + (e - s) + dropped;
      return;
    }
    if (e - s > room) {
      const cut = utf8CutEnd(b, s, e, room);
      dropped += e - cut;
      e = cut;
    }
    this.dropped = dropped;
    this.keep();
    this.room(blanks + 1);
    this.own.fill(0x0a, this.end, this.end + blanks + 1);
    this.end += blanks + 1;
    this.add(b, s, e, this.boms.next(b, s));
  }

  /** Copies the text into a buffer of its own, if it still lies in a line whose memory may be reused. */
  keep(): void {
    const { bytes, start, end } = this;
    if (bytes === this.own) return;
    this.bytes = this.own;
    this.start = this.end = 0;
    // (A text left in its line has no BOM.)
    this.add(bytes, start, end, -1);
  }

  /** Empties the text (after the message went out). */
  clear(): void {
    if (this.own.length > KEEP_OWN) this.own = Buffer.allocUnsafe(4096);
    this.bytes = this.own;
    this.start = this.end = 0;
    this.dropped = 0;
  }

  /** The text decoded. */
  string(): string {
    return (this.bytes as Utf8Buffer).utf8Slice(this.start, this.end);
  }

  /** Copies `b[s, e)` to the end of the own buffer, leaving out the BOMs from `bom` (the first, or -1) on. */
  private add(b: Buffer, s: number, e: number, bom: number): void {
    this.room(e - s);
    let from = s;
    while (bom !== -1 && bom < e) {
      this.end += b.copy(this.own, this.end, from, bom);
      from = bom + 3;
      bom = from < e ? this.boms.next(b, from) : -1;
    }
    this.end += b.copy(this.own, this.end, from, e);
  }

  /** Makes room in the own buffer for `n` more bytes. */
  private room(n: number): void {
    if (this.end + n <= this.own.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.end + n, this.own.length * 2));
    this.own.copy(grown, 0, 0, this.end);
    if (this.bytes === this.own) this.bytes = grown;
    this.own = grown;
  }
}
