/**
 * A streaming line reader that hands over each line as UTF-8 bytes instead of a string: `forEachLine`
 * (text.ts) line for line, for a source that reads its lines byte by byte and turns into strings only the
 * little it must (the WhatsApp source). Decoding every chunk to a string that holds one emoji makes the whole
 * chunk a two-byte string, and a source that stores texts as UTF-8 then encodes every text again.
 *
 * What it hands over is what `forEachLine` would have decoded, as UTF-8: the same lines, numbered the same way,
 * the leading BOM removed (BOMs elsewhere left for the source), UTF-16 (with a BOM) converted, bytes that are not
 * UTF-8 replaced with U+FFFD exactly where Node's StringDecoder replaces them, and the same TEXT_INVALID_UTF8
 * warning before the same line. Only a chunk that fails the native UTF-8 check (`isUtf8`) is decoded and
 * encoded again, so a valid file is never decoded.
 */
import { isUtf8 } from 'node:buffer';
import { iconv } from './iconv.js';
import { utf8CutEnd } from './long-text.js';
import type { SourceContext, SourceInput } from './source.js';
import {
  headFirst,
  sniffEncoding,
  type TextEncoding,
  transientChunks,
  warnInvalidUtf8,
  warnUtf16WithoutBom,
} from './text.js';
import { Utf8Watch } from './utf8-watch.js';

type Utf8Buffer = Buffer & { utf8Slice(start: number, end: number): string };

/**
 * One line: `bytes[start, end)`, well-formed UTF-8 without its line break. `bytes[end]` can always be read (it is
 * the line break, or a LF placed after the line), so a scanner may stop at any byte below 0x20 without a bound
 * check. The bytes stay as they are until `onChunkEnd` is called next; a reader copies what it keeps longer.
 * `dropped`: bytes of the line past the reader's `maxLine`, not handed over (the line is cut at a character);
 * `tail`, when the reader keeps one (`tailBytes`) and bytes were dropped: the last of them, at most `tailBytes`
 * and starting at a whole character (good, like `bytes`, only during the call).
 */
export type ByteLine = (
  bytes: Buffer,
  start: number,
  end: number,
  lineNo: number,
  unended: boolean,
  dropped: number,
  tail?: Buffer,
) => void;

/**
 * The chunk size asked of an input that can give chunks (`SourceInput.chunks`): lines are read as bytes, so a
 * chunk need not stay small enough to decode into a short string, and a 64 MB chat is then 250 reads instead of
 * 2,000, each a system call and a turn of the chunk generators.
 */
const BYTE_CHUNK = 256 * 1024;

/**
 * Streams an input line by line as UTF-8 bytes, exactly as `forEachLine` splits and numbers it (CRLF, LF and lone
 * CR, also split across chunks). `onChunkEnd`, if given, is called after the lines of each chunk, before any
 * bytes handed over may be overwritten (the input's chunks are read into the same memory again). A line longer
 * than `maxLine` bytes is handed over cut to its first `maxLine` (or fewer, ending at a whole character), with the
 * count of the bytes left out: a file of one enormous line is read in the memory of `maxLine`, not of the line.
 * With `tailBytes`, the last `tailBytes` of the bytes left out are kept as well and handed over with them (what a
 * writer puts at the end of a line, such as signal-export's attachment links, is then still read).
 */
export async function forEachLineBytes(
  input: SourceInput,
  onLine: ByteLine,
  ctx?: SourceContext,
  onChunkEnd?: () => void,
  maxLine = Number.POSITIVE_INFINITY,
  tailBytes = 0,
): Promise<{ lines: number; encoding: TextEncoding }> {
  const reader = new ByteLineReader(onLine, ctx, onChunkEnd, maxLine, tailBytes);
  // The encoding is chosen from the first bytes, gathered until a byte-order mark could be told apart.
  for await (const { buf, head, read } of headFirst(transientChunks(input, BYTE_CHUNK))) {
    reader.chunk(head ? reader.begin(buf) : buf);
    ctx?.progress(read);
  }
  return reader.finish();
}

/**
 * A line as a string, cut to its reader's `maxLine` bytes of UTF-8: `dropped` counts the bytes left out after it
 * (0: the line is whole), and `tail` is the end of them, its last `tailBytes` at most ('' when none are kept).
 */
export type CutLine = (line: string, lineNo: number, unended: boolean, dropped: number, tail: string) => void;

/**
 * `forEachLine` (text.ts) for a source that keeps at most `maxLine` bytes of a line: the same lines, numbered and
 * warned of the same way, each decoded to a string of at most `maxLine` bytes of UTF-8 (a longer one cut before
 * a whole character, with the count of the bytes left out), so that a line of any length costs no more memory
 * than `maxLine` (and `tailBytes`, the end of a cut line kept as its `tail`).
 */
export function forEachCutLine(
  input: SourceInput,
  onLine: CutLine,
  ctx: SourceContext | undefined,
  maxLine: number,
  tailBytes = 0,
): Promise<{ lines: number; encoding: TextEncoding }> {
  return forEachLineBytes(
    input,
    (b, start, end, lineNo, unended, dropped, tail) =>
      onLine(
        (b as Utf8Buffer).utf8Slice(start, end),
        lineNo,
        unended,
        dropped,
        tail === undefined ? '' : (tail as Utf8Buffer).utf8Slice(0, tail.length),
      ),
    ctx,
    undefined,
    maxLine,
    tailBytes,
  );
}

class ByteLineReader {
  encoding: TextEncoding = 'utf-8';
  private utf16: { write(b: Buffer): string; end(): string | undefined } | undefined;
  private highSurrogate = '';
  private lineNo = 0;
  // The start of a line that a chunk did not finish, with room for the LF placed after it when handed over.
  private carry: Buffer = Buffer.allocUnsafe(1 << 16);
  private carried = 0;
  /** Bytes of the carried line past `maxLine`, counted but not kept (then nothing more of the line is kept). */
  private dropped = 0;
  /**
   * The last bytes dropped of the carried line, kept when `tailBytes` > 0: `tailLen` of them at the start of
   * `tail`, which holds twice `tailBytes` so that they are moved down only once every `tailBytes` or more.
   */
  private tail: Buffer | undefined;
  private tailLen = 0;
  /** The last byte handed over was a CR: an LF next is the rest of that CRLF. */
  private afterCr = false;
  // A UTF-8 character the chunk before did not finish, kept exactly as StringDecoder keeps it (`held`, and
  // `missing` bytes it waits for), so that bytes that are not UTF-8 are replaced as it replaces them.
  private readonly held = Buffer.alloc(4);
  private heldLen = 0;
  private missing = 0;
  // The TEXT_INVALID_UTF8 search, as `forEachLine` does it (so the line it names is the same): its watch over the
  // chunks, whether the text decoded before ended in a CR, and the line of the first invalid byte found, reported
  // when that line is handed over.
  private checking: boolean;
  private readonly watch = new Utf8Watch('any');
  private crBefore = false;
  private lastOut = -1;
  private warnAt = 0;

  constructor(
    private readonly onLine: ByteLine,
    private readonly ctx: SourceContext | undefined,
    private readonly onChunkEnd: (() => void) | undefined,
    private readonly maxLine: number,
    private readonly tailBytes = 0,
  ) {
    this.checking = ctx !== undefined;
  }

  /** Chooses the encoding from the first bytes; returns them without the byte-order mark. */
  begin(head: Buffer): Buffer {
    const bom = sniffEncoding(head);
    this.encoding = bom?.encoding ?? 'utf-8';
    if (bom?.bomless && this.ctx) warnUtf16WithoutBom(this.ctx, this.encoding);
    if (this.encoding !== 'utf-8') {
      this.utf16 = iconv().getDecoder(this.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le');
    }
    return bom ? head.subarray(bom.length) : head;
  }

  chunk(b: Buffer): void {
    if (this.utf16 !== undefined) {
      // UTF-16 exports are rare: decoded, and encoded again as UTF-8. The decoder may end a chunk's text with
      // the first half of a surrogate pair: it waits for the second, as the two make one character.
      let text = this.highSurrogate + this.utf16.write(b);
      const last = text.charCodeAt(text.length - 1);
      this.highSurrogate = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
      if (this.highSurrogate !== '') text = text.slice(0, -1);
      const bytes = Buffer.from(text, 'utf8');
      this.last(bytes, 0, bytes.length);
      return;
    }
    const n = b.length;
    let s = 0;
    // A character the chunk before began, finished (or cut short by a byte that cannot continue it) here.
    let pre: Buffer | undefined;
    if (this.missing > 0) {
      const want = this.missing;
      let i = 0;
      let cut = false;
      for (; i < n && i < want; i++) {
        if ((b[i]! & 0xc0) !== 0x80) {
          cut = true;
          break;
        }
        this.held[this.heldLen++] = b[i]!;
      }
      this.missing = cut ? 0 : want - i;
      s = i;
      if (this.missing === 0) {
        pre = Buffer.from(this.held.subarray(0, this.heldLen));
        this.heldLen = 0;
      }
    }
    // The character this chunk begins and does not finish, by StringDecoder's rule: a lead byte among the last
    // three, with fewer bytes after it than it announces.
    let tail = 0;
    let need = 0;
    if (s < n && (b[n - 1]! & 0x80) !== 0) {
      for (let i = n - 1; ; i--) {
        tail++;
        const c = b[i]!;
        if ((c & 0xc0) === 0x80) {
          if (tail >= 4 || i === s) {
            tail = 0;
            break;
          }
        } else {
          need = (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 0;
          if (need === 0 || tail >= need) tail = 0;
          break;
        }
      }
    }
    const end = n - tail;
    const preValid = pre === undefined || isUtf8(pre);
    const bodyValid = s >= end || isUtf8(b.subarray(s, end));
    if (this.checking) {
      const bad = this.watch.next(b, !preValid || !bodyValid, this.lineNo + 1, this.crBefore);
      if (bad !== undefined) this.invalidAt(bad);
    }
    this.lastOut = -1;
    if (pre !== undefined) {
      const p = preValid ? pre : Buffer.from(pre.toString('utf8'), 'utf8');
      // A character holds no line break: it joins the line being carried.
      this.keep(p, this.lines(p, 0, p.length), p.length);
    }
    if (bodyValid) this.last(b, s, end);
    else {
      const replaced = Buffer.from((b as Utf8Buffer).utf8Slice(s, end), 'utf8');
      this.last(replaced, 0, replaced.length);
    }
    this.crBefore = this.lastOut === 0x0d;
    // (When the character from before took every byte, it may still wait for more: nothing else to keep.)
    if (s < n) {
      for (let k = 0; k < tail; k++) this.held[k] = b[end + k]!;
      this.heldLen = tail;
      this.missing = tail === 0 ? 0 : need - tail;
    }
  }

  finish(): { lines: number; encoding: TextEncoding } {
    let rest: Buffer | undefined;
    if (this.utf16 !== undefined) {
      const text = this.highSurrogate + (this.utf16.end() ?? '');
      if (text.length > 0) rest = Buffer.from(text, 'utf8');
    } else if (this.heldLen > 0) {
      // A character the file never finished: always replaced.
      rest = Buffer.from(this.held.subarray(0, this.heldLen).toString('utf8'), 'utf8');
      this.heldLen = 0;
      if (this.checking) this.invalidAt(this.lineNo + 1);
    }
    if (rest !== undefined) this.last(rest, 0, rest.length);
    if (this.warnAt !== 0) this.warn();
    if (this.carried > 0 || this.dropped > 0) this.handOverCarried(true);
    return { lines: this.lineNo, encoding: this.encoding };
  }

  /** Hands over the lines of the chunk's last piece `b[s, e)`, then keeps what is left of it. */
  private last(b: Buffer, s: number, e: number): void {
    const rest = this.lines(b, s, e);
    this.onChunkEnd?.();
    this.keep(b, rest, e);
  }

  /** Hands over every line `b[s, e)` finishes; returns where the unfinished rest starts (`e` if none). */
  private lines(b: Buffer, s: number, e: number): number {
    if (e <= s) return s;
    this.lastOut = b[e - 1]!;
    let i = s;
    if (this.afterCr) {
      if (b[i] === 0x0a) i++;
      this.afterCr = false;
    }
    // Each search runs once per break found, not once per line: a file without CRs is searched for one once.
    let lf = -2;
    let cr = -2;
    while (i < e) {
      if (lf !== -1 && lf < i) {
        lf = b.indexOf(0x0a, i);
        if (lf >= e) lf = -1;
      }
      if (cr !== -1 && cr < i) {
        cr = b.indexOf(0x0d, i);
        if (cr >= e) cr = -1;
      }
      const br = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (br === -1) return i;
      if (this.warnAt !== 0 && this.lineNo + 1 >= this.warnAt) this.warn();
      if (this.carried > 0 || this.dropped > 0) {
        this.keep(b, i, br);
        this.handOverCarried(false);
      } else if (br - i > this.maxLine) {
        this.keep(b, i, br);
        this.handOverCarried(false);
      } else this.onLine(b, i, br, ++this.lineNo, false, 0);
      i = br + 1;
      if (b[br] === 0x0d) {
        if (i === e) this.afterCr = true;
        else if (b[i] === 0x0a) i++;
      }
    }
    return i;
  }

  /**
   * Hands over the carried line, with a LF after it, as a buffer of just its size: a reader's search in it then
   * ends there, not in what longer lines left in the carry buffer (after a line of megabytes, searching that again
   * for every later line that straddles two chunks would cost megabytes each).
   */
  private handOverCarried(unended: boolean): void {
    const length = this.carried;
    const dropped = this.dropped;
    this.carried = 0;
    this.dropped = 0;
    this.carry[length] = 0x0a;
    let tail: Buffer | undefined;
    if (this.tail !== undefined && dropped > 0) {
      // The last `tailBytes`, from a whole character (the bytes are UTF-8 by now).
      let s = Math.max(0, this.tailLen - this.tailBytes);
      while (s < this.tailLen && (this.tail[s]! & 0xc0) === 0x80) s++;
      tail = this.tail.subarray(s, this.tailLen);
    }
    this.tailLen = 0;
    this.onLine(this.carry.subarray(0, length + 1), 0, length, ++this.lineNo, unended, dropped, tail);
  }

  /** Keeps `b[s, e)`, bytes dropped of the carried line, as the end of its tail. */
  private keepTail(b: Buffer, s: number, e: number): void {
    const max = this.tailBytes;
    this.tail ??= Buffer.allocUnsafe(2 * max);
    if (e - s >= max) {
      this.tailLen = b.copy(this.tail, 0, e - max, e);
      return;
    }
    if (this.tailLen + (e - s) > 2 * max) {
      this.tail.copyWithin(0, this.tailLen - max, this.tailLen);
      this.tailLen = max;
    }
    this.tailLen += b.copy(this.tail, this.tailLen, s, e);
  }

  /**
   * Appends `b[s, e)` to the carried line start, leaving a byte of room after it; past `maxLine` bytes it only
   * counts them, cutting the line before a character that would not fit whole (the bytes are UTF-8 by now).
   */
  private keep(b: Buffer, s: number, e: number): void {
    if (e <= s) return;
    if (this.dropped > 0) {
      this.dropped += e - s;
      if (this.tailBytes > 0) this.keepTail(b, s, e);
      return;
    }
    if (this.carried + (e - s) > this.maxLine) {
      const cut = utf8CutEnd(b, s, e, this.maxLine - this.carried);
      this.dropped = e - cut;
      if (this.tailBytes > 0) this.keepTail(b, cut, e);
      e = cut;
      if (e <= s) return;
    }
    const need = this.carried + (e - s) + 1;
    if (need > this.carry.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.carry.length * 2));
      this.carry.copy(grown, 0, 0, this.carried);
      this.carry = grown;
    }
    this.carried += b.copy(this.carry, this.carried, s, e);
  }

  // The warning waits until its line is handed over: a source that stops earlier never read that line.
  private invalidAt(line: number): void {
    this.checking = false;
    this.warnAt = line;
  }

  private warn(): void {
    warnInvalidUtf8(this.ctx!, this.warnAt);
    this.warnAt = 0;
  }
}
