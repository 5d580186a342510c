/**
 * Old Mac line ends, and CRLF line ends converted to CRLF a second time, for the e-mail readers. Mail programs on
 * classic Mac OS (Eudora among them) ended lines with a CR alone, as every text file there did, and their mailboxes
 * and saved messages still turn up, copied from disk to disk. The mbox and .eml readers split bytes on LF (RFC 5322
 * lines end in CRLF, mbox files in LF or CRLF), so such a file would be one line. Here a file whose first line ends
 * in a CR alone has each CR that no LF follows made an LF, a byte for a byte: offsets, sizes and line numbers stay as
 * they were. A file whose first line ends CR CR LF is a CRLF file that a transfer in text mode converted again (each
 * LF made CR LF, the CR before it kept as a character): each CR LF is made LF again, which gives back the bytes it
 * had, a CRLF line end for each CR CR LF, its line numbers unchanged (its size and offsets then those of the file
 * before the damage). Any other file (LF or CRLF) is passed on untouched, a CR inside a line left as written, since
 * the choice is the file's, made once, as the text readers make it (text.ts).
 */

const CR = 0x0d;
const LF = 0x0a;

/**
 * What `text`'s first line end says of the file (text as decoded for detection): a CR alone, an old Mac file; CR CR
 * LF, a CRLF file converted to CRLF a second time (the CR of each line end taken for a character); otherwise
 * (LF, CRLF, or none yet) neither.
 */
function lineEnds(text: string): 'cr' | 'crcrlf' | 'other' {
  const m = /\r\r\n|\r\n?|\n/.exec(text);
  if (m === null) return 'other';
  if (m[0] === '\r\r\n') return 'crcrlf';
  if (m[0] !== '\r') return 'other';
  // A CR at the very end may be the first half of a CRLF cut by the end of the piece, and a CR CR of a CR CR LF:
  // not judged.
  const next = m.index + 1;
  return next < text.length && !(text[next] === '\r' && next + 1 === text.length) ? 'cr' : 'other';
}

/**
 * The start of a file as decoded for detection, with an old Mac file's line ends made LF and a CR CR LF file's made
 * CRLF again, as `CrToLf` makes them.
 */
export function lfText(text: string): string {
  const ends = lineEnds(text);
  if (ends === 'cr') return text.replace(/\r(?!\n)/g, '\n');
  return ends === 'crcrlf' ? text.replace(/\r\n/g, '\n') : text;
}

/**
 * Streams a file's bytes with an old Mac file's line ends made LF, and a CR CR LF file's made CRLF again; other
 * files pass through as they are.
 */
export class CrToLf {
  private mode: 'unknown' | 'cr' | 'crcrlf' | 'other' = 'unknown';
  /**
   * The CRs the last chunk ended in, held back: whether an LF follows is in the next chunk. One, or two while the
   * file's first line end is still undecided (a CR CR that may be the start of a CR CR LF).
   */
  private held = 0;

  /** The bytes of the next chunk, line ends made LF in an old Mac file, CRLF in a CR CR LF file. */
  push(chunk: Buffer): Buffer {
    if (this.mode === 'other' && this.held === 0) return chunk;
    let buf = this.held > 0 ? Buffer.concat([Buffer.alloc(this.held, CR), chunk]) : chunk;
    this.held = 0;
    if (buf.length === 0) return buf;
    if (this.mode !== 'other' && buf[buf.length - 1] === CR) {
      this.held = 1;
      buf = buf.subarray(0, buf.length - 1);
      // Two when the file's first line end is a CR just before it (a CR CR that may begin a CR CR LF); a chunk that
      // is one CR has nothing before it, and an LF just before it is a line end already decided.
      const last = buf.length - 1;
      if (this.mode === 'unknown' && last >= 0 && buf[last] === CR && firstLineEnd(buf) === last) {
        this.held = 2;
        buf = buf.subarray(0, buf.length - 1);
      }
    }
    if (this.mode === 'unknown') {
      const i = firstLineEnd(buf);
      // A CR before a CRLF is no line end of its own (`lineEnds`).
      const crlf = (at: number) => buf[at] === CR && buf[at + 1] === LF;
      if (i >= 0) this.mode = buf[i] !== CR || crlf(i) ? 'other' : crlf(i + 1) ? 'crcrlf' : 'cr';
      // No line end yet, or one that is held: decided by the next chunk.
    }
    return this.mode === 'cr' ? toLf(buf) : this.mode === 'crcrlf' ? crlfToLf(buf) : buf;
  }

  /** The bytes held back at the end of the file: CRs that end its last line (LFs when the file is old Mac). */
  end(): Buffer {
    if (this.held === 0) return Buffer.alloc(0);
    const held = this.held;
    this.held = 0;
    return Buffer.alloc(held, this.mode === 'cr' || this.mode === 'unknown' ? LF : CR);
  }
}

/** Where the first CR or LF is in `buf`, or -1. */
function firstLineEnd(buf: Buffer): number {
  const cr = buf.indexOf(CR);
  const lf = buf.indexOf(LF);
  return cr < 0 ? lf : lf < 0 ? cr : Math.min(cr, lf);
}

/** A copy of `buf` with each CR that no LF follows made an LF (a CR at its end is one: none is held here). */
function toLf(buf: Buffer): Buffer {
  const out = Buffer.from(buf);
  for (let i = out.indexOf(CR); i >= 0; i = out.indexOf(CR, i + 1)) if (out[i + 1] !== LF) out[i] = LF;
  return out;
}

/** `buf` without the CR of each CR LF in it (a CR at its end is none: `push` holds it until the next chunk). */
function crlfToLf(buf: Buffer): Buffer {
  let lf = buf.indexOf(LF);
  while (lf >= 0 && buf[lf - 1] !== CR) lf = buf.indexOf(LF, lf + 1);
  if (lf < 0) return buf;
  const out = Buffer.allocUnsafe(buf.length);
  let n = 0;
  let from = 0;
  for (; lf >= 0; lf = buf.indexOf(LF, lf + 1)) {
    if (buf[lf - 1] !== CR) continue;
    n += buf.copy(out, n, from, lf - 1);
    from = lf;
  }
  n += buf.copy(out, n, from);
  return out.subarray(0, n);
}

/**
 * A whole file's bytes with an old Mac file's line ends made LF, a CR CR LF file's CRLF (the .eml reader reads a
 * file whole).
 */
export function wholeCrToLf(bytes: Buffer): Buffer {
  const lines = new CrToLf();
  const head = lines.push(bytes);
  const tail = lines.end();
  return tail.length === 0 ? head : Buffer.concat([head, tail]);
}
