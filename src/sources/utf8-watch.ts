/**
 * For readers that decode UTF-8 themselves (SMS Backup & Restore XML, Meta's JSON and HTML): bytes that are no
 * UTF-8 (a backup or page re-saved as Windows-1252, a damaged copy) silently become U+FFFD in Node's decoders, and
 * the letters they stood for are lost. The line readers warn about that (TEXT_INVALID_UTF8, text.ts); this gives
 * the other readers the same check at the same cost: one search for U+FFFD per decoded chunk, and the bytes are
 * looked at only in a chunk that holds one (a U+FFFD the file itself holds is no alarm).
 */
import { firstInvalidUtf8, unfinishedTail } from './text.js';

const NONE = new Uint8Array(0);

/** Watches one input's chunks, as they are decoded, for the first byte that is not UTF-8. */
export class Utf8Watch {
  /** The bytes of the previous chunk that begin a character finished in this one. */
  private carried: Uint8Array = NONE;
  private found = false;

  /**
   * Takes the next chunk of bytes and the text the (streaming, lossy) UTF-8 decoder made of it. The first time
   * bytes turn out not to be UTF-8, returns the bytes of this chunk before the bad one, for the caller to count
   * the line breaks in; otherwise undefined.
   */
  check(bytes: Uint8Array, text: string): Uint8Array | undefined {
    if (this.found) return undefined;
    if (text.indexOf('\ufffd') !== -1) {
      const carried = this.carried;
      const all = carried.length > 0 ? Buffer.concat([carried, bytes]) : bytes;
      const bad = firstInvalidUtf8(all);
      if (bad !== -1) {
        this.found = true;
        return all.subarray(carried.length, Math.max(bad, carried.length));
      }
    }
    // A character's start lies within its last three bytes: only a chunk shorter than that needs the one before.
    const end = bytes.length < 3 && this.carried.length > 0 ? Buffer.concat([this.carried, bytes]) : bytes;
    const tail = unfinishedTail(end);
    // A copy: the chunk's memory may be read into again.
    this.carried = tail > 0 ? Buffer.from(end.subarray(end.length - tail)) : NONE;
    return undefined;
  }

  /** Takes what the decoder gave at the end of the input: true when that replaced a character left unfinished. */
  end(rest: string): boolean {
    if (this.found || !rest.includes('\ufffd')) return false;
    this.found = true;
    return true;
  }
}

/** Line feeds in `bytes` (a native search per line): for readers that count lines by LF alone. */
export function lineFeeds(bytes: Uint8Array): number {
  let n = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) n++;
  return n;
}
