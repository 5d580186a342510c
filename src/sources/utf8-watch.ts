/**
 * The one check for bytes that are no UTF-8, for every reader that decodes UTF-8 (the line readers in text.ts and
 * byte-lines.ts, SMS Backup & Restore XML, Meta's JSON and HTML): such bytes (a chat or backup re-saved as
 * Windows-1252, a damaged copy) silently become U+FFFD in Node's decoders, and the letters they stood for are
 * lost. The check costs each chunk a cheap test its reader makes anyway (a search for U+FFFD in the decoded text,
 * or the native `isUtf8` on the bytes), and the bytes are looked at only in a chunk that fails it (a U+FFFD the
 * file itself holds is no alarm).
 */

const NONE = new Uint8Array(0);

/**
 * Index of the first byte of `b` that is not part of well-formed UTF-8 (Unicode Table 3-7: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or -1. A sequence cut off by the end of `b` is not judged.
 */
export function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const n = utf8CharLength(b, i);
    if (n <= 0) return n === 0 ? i : -1;
    i += n;
  }
  return -1;
}

/**
 * The length (1 to 4) of the UTF-8 character `b[at..]` starts; 0 when byte `at` starts none (Unicode Table 3-7: no
 * overlong forms, surrogates or code points beyond U+10FFFF); -1 when `b` ends inside one valid so far.
 */
export function utf8CharLength(b: Uint8Array, at: number): number {
  const c = b[at]!;
  if (c < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) need = 1;
  else if (c >= 0xe0 && c <= 0xef) {
    need = 2;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    need = 3;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k <= need; k++) {
    if (at + k >= b.length) return -1;
    const d = b[at + k]!;
    if (d < (k === 1 ? lo : 0x80) || d > (k === 1 ? hi : 0xbf)) return 0;
  }
  return need + 1;
}

/** How many bytes at the end of `b` begin a UTF-8 sequence that `b` does not finish (0–3). */
export function unfinishedTail(b: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= b.length; k++) {
    const c = b[b.length - k]!;
    if ((c & 0xc0) === 0x80) continue;
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length > k ? k : 0;
  }
  return 0;
}

/**
 * How a reader counts lines, so that the watch names the line it does: by LF alone (Meta's JSON scanner), or CRLF,
 * LF and a lone CR each as one break (the line readers, Meta's HTML pages, and saxes for SMS Backup & Restore).
 */
export type LineBreaks = 'lf' | 'any';

/**
 * Watches one input's chunks, as they are decoded, for the first byte that is not UTF-8, and says on which line
 * it is: each reader makes one call per chunk and one at the end, and reports the line when it sees fit.
 */
export class Utf8Watch {
  /** The bytes of the previous chunk that begin a character finished in this one. */
  private carried: Uint8Array = NONE;
  private found = false;

  constructor(private readonly breaks: LineBreaks) {}

  /**
   * Takes the next chunk of bytes, the text the (streaming, lossy) UTF-8 decoder made of it, and the line the
   * chunk starts on (with `afterCr` when the text before it ended in a CR, so that a LF first is the rest of that
   * CRLF). The first time bytes turn out not to be UTF-8, returns the line of the first bad one; otherwise
   * undefined.
   */
  check(bytes: Uint8Array, text: string, line: number, afterCr = false): number | undefined {
    return this.next(bytes, text.indexOf('\ufffd') !== -1, line, afterCr);
  }

  /**
   * `check` for a reader that does not decode the chunk: `suspect` when a cheaper test on its bytes (the native
   * `isUtf8`) failed, so that they may hold a byte that is not UTF-8.
   */
  next(bytes: Uint8Array, suspect: boolean, line: number, afterCr = false): number | undefined {
    if (this.found) return undefined;
    if (suspect) {
      const carried = this.carried;
      const all = carried.length > 0 ? Buffer.concat([carried, bytes]) : bytes;
      const bad = firstInvalidUtf8(all);
      if (bad !== -1) {
        this.found = true;
        // Line breaks are single bytes that never occur inside a character, so they can be counted in the bytes.
        const before = all.subarray(carried.length, Math.max(bad, carried.length));
        return (
          line + (this.breaks === 'lf' ? lineFeeds(before) : breaksIn(before, 0, before.length, afterCr))
        );
      }
    }
    // A character's start lies within its last three bytes: only a chunk shorter than that needs the one before.
    const end = bytes.length < 3 && this.carried.length > 0 ? Buffer.concat([this.carried, bytes]) : bytes;
    const tail = unfinishedTail(end);
    // A copy: the chunk's memory may be read into again.
    this.carried = tail > 0 ? Buffer.from(end.subarray(end.length - tail)) : NONE;
    return undefined;
  }

  /**
   * Takes what the decoder gave at the end of the input, and the line it is on: returns that line when the
   * decoder replaced a character left unfinished and nothing bad was found before; otherwise undefined.
   */
  end(rest: string, line: number): number | undefined {
    if (this.found || !rest.includes('\ufffd')) return undefined;
    this.found = true;
    return line;
  }
}

/** Line feeds in `bytes` (a native search per line): for readers that count lines by LF alone. */
export function lineFeeds(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}

/** Line breaks (CR, LF, CRLF as one) in `b[from, to)`; `afterCr`: the byte before `from` was a CR. */
export function breaksIn(b: Uint8Array, from: number, to: number, afterCr: boolean): number {
  let count = 0;
  let cr = afterCr;
  for (let i = from; i < to; i++) {
    const c = b[i]!;
    if (c === 0x0a && !cr) count++;
    else if (c === 0x0d) count++;
    cr = c === 0x0d;
  }
  return count;
}
