/**
 * Many short strings kept as UTF-8 bytes in a few large buffers.
 *
 * A million message texts held as a million strings cost the garbage collector a million objects to trace and
 * copy, plus 30–60 bytes of headers each, and a text cut from a parser's chunk must also be copied so that it
 * does not keep the whole chunk alive. Here texts are written into 1 MiB blocks outside the JavaScript heap and
 * addressed by number; reading one back decodes a short-lived string. UTF-8 takes one byte for each ASCII
 * character, and an emoji costs its own four bytes instead of doubling the whole text to two bytes a character.
 *
 * Each string costs one 4-byte number (8 past 2 GiB of text): where it ends. It starts where the one before it
 * ended, unless that was in an earlier block (a string never straddles two). Strings UTF-8 cannot hold exactly
 * (a lone surrogate from a broken character reference) and very long ones are kept aside as they are.
 */

import { column, lengthened } from './columns.js';

/** Bytes in a block. */
export const TEXT_BLOCK_BYTES = 1 << 20;
const BLOCK = TEXT_BLOCK_BYTES;
/** Strings longer than this (in UTF-16 units) are kept aside whole rather than fill most of a block. */
const LONG = BLOCK >> 3;
/**
 * UTF-8 spans up to this long are copied byte by byte, longer ones with one `set` call: measured over the
 * 909,000 texts of half the benchmark chat (36.5 bytes on average), 47 ms against 52–63 ms for either alone.
 * The `set` is given a plain Uint8Array view: Buffer's own `subarray` builds a Buffer, several times the cost.
 */
const SHORT = 48;

type MaybeWellFormed = string & { isWellFormed(): boolean };
// Buffer's own UTF-8 methods, which write() and toString() wrap with argument checks: a million texts read
// back through toString() cost about 30 ms more.
type Utf8Buffer = Buffer & {
  utf8Write(s: string, at: number): number;
  utf8Slice(start: number, end: number): string;
};

/** Where a stored string's UTF-8 bytes are: `bytes[start, end)`. Filled in place, so reading costs no object. */
export interface Utf8Span {
  bytes: Uint8Array;
  start: number;
  end: number;
}

/**
 * Where a `StringPages` gets each new block of `bytes` bytes. The default allocates one; the CLI passes blocks
 * whose memory the system has already handed over (cli/fresh-blocks.ts), which is most of what writing a block
 * costs. Any buffer will do: every byte of a block is written before it is read.
 */
export type NewBlock = (bytes: number) => Buffer;

const allocate: NewBlock = (bytes) => Buffer.allocUnsafeSlow(bytes);

/**
 * Copies `from[start, end)` into `to` at `at`. Most texts are short: a loop copies them faster than a call into
 * the engine's copy, and four bytes a turn faster than one (a third less time for 2M texts of 10–64 bytes).
 */
export function copyBytes(from: Uint8Array, start: number, end: number, to: Uint8Array, at: number): void {
  const n = end - start;
  if (n <= SHORT) {
    let i = 0;
    for (; i + 4 <= n; i += 4) {
      to[at + i] = from[start + i]!;
      to[at + i + 1] = from[start + i + 1]!;
      to[at + i + 2] = from[start + i + 2]!;
      to[at + i + 3] = from[start + i + 3]!;
    }
    for (; i < n; i++) to[at + i] = from[start + i]!;
  } else to.set(new Uint8Array(from.buffer, from.byteOffset + start, n), at);
}

/** Strings numbered in the order pushed, absent ones included. */
export class StringPages {
  private readonly blocks: Utf8Buffer[] = [];
  private block: Utf8Buffer | undefined;
  /** Where the current block starts, counting every earlier block as full (block j starts at j × BLOCK). */
  private base = -BLOCK;
  /** Bytes used in the current block. */
  private at = BLOCK;
  // For string k: twice where it ends (counted as `base + at` are), plus one when the string is absent or kept
  // aside; the next string still starts there.
  private ends: Uint32Array | Float64Array = column(Uint32Array, 1024);
  private readonly aside = new Map<number, string>();
  /** Bit k set: string k was let go (`drop`); its `ends` entry is that of an absent one. */
  private dropped: Uint8Array | undefined;
  private count = 0;

  constructor(private readonly newBlock: NewBlock = allocate) {}

  /** Number of strings (absent ones included). */
  get length(): number {
    return this.count;
  }

  /** Appends a string (or an absent one) and returns its number. */
  push(s: string | undefined): number {
    const k = this.count++;
    if (s === undefined || s.length > LONG) {
      // An absent string is only the mark (`aside` has no entry, so it reads back undefined): exports with many
      // media or service records would otherwise fill the map with one entry each. Others are kept as a copy, so
      // that a string cut from a parser's chunk does not keep the chunk alive.
      if (s !== undefined) this.aside.set(k, `${s} `.slice(0, -1));
      this.end(k, 1);
      return k;
    }
    // Three bytes per UTF-16 unit is the most UTF-8 needs, so a string that might not fit starts a new block.
    if (s.length > 0 && this.at + s.length * 3 > BLOCK) this.nextBlock();
    if (s.length > 0) {
      const written = this.block!.utf8Write(s, this.at);
      // One byte per unit means ASCII, which has no surrogates; otherwise a lone surrogate (written as U+FFFD)
      // must be told apart from the string's own characters, and the string is kept aside (its bytes are
      // written over by the next).
      if (written !== s.length && !(s as MaybeWellFormed).isWellFormed()) {
        this.aside.set(k, `${s} `.slice(0, -1));
        this.end(k, 1);
        return k;
      }
      this.at += written;
    }
    this.end(k, 0);
    return k;
  }

  /**
   * Appends the string whose UTF-8 is `bytes[start, end)` (well-formed: as a source's line reader hands it over)
   * and returns its number: the bytes are copied as they are, with no string made. `get` and `bytesOf` read it
   * back as they read the string pushed with `push`.
   */
  pushUtf8(bytes: Uint8Array, start: number, end: number): number {
    const n = end - start;
    // More bytes than LONG may still be a string of LONG units or fewer: `push` decides on the string.
    if (n > LONG)
      return this.push(
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end),
      );
    const k = this.count++;
    if (n > 0) {
      if (this.at + n > BLOCK) this.nextBlock();
      copyBytes(bytes, start, end, this.block!, this.at);
      this.at += n;
    }
    this.end(k, 0);
    return k;
  }

  /**
   * Appends a string that is not kept (text-marks.ts): nothing is written, and reading it throws. Returns its
   * number.
   */
  pushDropped(): number {
    const k = this.count++;
    this.end(k, 1);
    this.setDropped(k);
    return k;
  }

  /** Lets go of the string pushed last, as if it had been pushed with `pushDropped`. */
  dropLast(): void {
    const k = this.count - 1;
    const v = this.ends[k]!;
    if (v % 2 === 1) {
      this.aside.delete(k);
    } else {
      // Strings do not straddle blocks: this one started at the end of the one before, or at its block's start.
      const prev = k === 0 ? 0 : Math.floor(this.ends[k - 1]! / 2);
      this.at = Math.max(prev, this.base) - this.base;
    }
    this.end(k, 1);
    this.setDropped(k);
  }

  /** String number k; throws for one let go. */
  get(k: number): string | undefined {
    const v = this.ends[k]!;
    if (v % 2 === 1) {
      const s = this.aside.get(k);
      if (s === undefined && this.isDropped(k)) throw new Error(`text ${k} was read after it was let go`);
      return s;
    }
    const end = v / 2;
    const prev = k === 0 ? 0 : Math.floor(this.ends[k - 1]! / 2);
    if (prev === end) return '';
    const j = Math.floor((end - 1) / BLOCK);
    const start = Math.max(prev, j * BLOCK);
    return this.blocks[j]!.utf8Slice(start - j * BLOCK, end - j * BLOCK);
  }

  /**
   * Points `into` at string k's UTF-8 bytes, without decoding them; false (and `into` unchanged) when the string
   * is absent or kept aside, which only `get` can read.
   */
  bytesOf(k: number, into: Utf8Span): boolean {
    const v = this.ends[k]!;
    if (v % 2 === 1) return false;
    const end = v / 2;
    const prev = k === 0 ? 0 : Math.floor(this.ends[k - 1]! / 2);
    if (prev === end) {
      into.start = into.end = 0;
      return true;
    }
    const j = Math.floor((end - 1) / BLOCK);
    into.bytes = this.blocks[j]!;
    into.start = Math.max(prev, j * BLOCK) - j * BLOCK;
    into.end = end - j * BLOCK;
    return true;
  }

  private setDropped(k: number): void {
    const byte = k >> 3;
    if (this.dropped === undefined || byte >= this.dropped.length) {
      const grown = new Uint8Array(Math.max(byte + 1, (this.dropped?.length ?? 0) * 2, 128));
      if (this.dropped) grown.set(this.dropped);
      this.dropped = grown;
    }
    this.dropped[byte]! |= 1 << (k & 7);
  }

  private isDropped(k: number): boolean {
    const d = this.dropped;
    return d !== undefined && k >> 3 < d.length && (d[k >> 3]! & (1 << (k & 7))) !== 0;
  }

  /** Starts a new block: the strings after this go there. */
  private nextBlock(): void {
    this.block = this.newBlock(BLOCK) as Utf8Buffer;
    this.blocks.push(this.block);
    this.base += BLOCK;
    this.at = 0;
  }

  /** Records where string k ends: here. */
  private end(k: number, aside: 0 | 1): void {
    if (k === this.ends.length) this.grow();
    const v = Math.max(0, this.base + this.at) * 2 + aside;
    if (v > 0xffffffff && this.ends instanceof Uint32Array) {
      const doubles = column(Float64Array, this.ends.length);
      doubles.set(this.ends);
      this.ends = doubles;
    }
    this.ends[k] = v;
  }

  private grow(): void {
    this.ends = lengthened(this.ends, this.ends.length * 2);
  }
}
