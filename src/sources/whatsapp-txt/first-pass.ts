/**
 * The first of the two passes: every header line's date fields, per framing, without building line strings.
 *
 * A UTF-8 file (nearly every export) is scanned as bytes: line breaks are single bytes, and a header's date and
 * time are ASCII, so a line that is ASCII is scanned in a Latin-1 view of the chunk (one byte, one character:
 * no decoding). Only a line holding other bytes (an emoji in the text, a direction mark or a narrow space in the
 * stamp) is decoded, on its own. That keeps this extra pass to a fraction of a decoding pass. UTF-16 files are
 * decoded like `forEachLine` does. Lines are counted exactly as `forEachLine` numbers them.
 */
import iconv from 'iconv-lite';
import type { SourceInput } from '../source.js';
import { sniffBom, transientChunks } from '../text.js';
import { DateStats } from './date-order.js';
import { HeaderScanner, Scan } from './scan.js';

/** Bytes (or characters) of an unfinished line kept between chunks: far more than any header's date and name. */
const LINE_START = 4096;

/** Date statistics of the header lines, one set per framing (`Framing` values index the array). */
export interface FirstPass {
  readonly byFraming: readonly DateStats[];
  /** Bytes read, for progress reporting of the second pass. */
  readonly bytes: number;
  /** Lines read, counted exactly as `forEachLine` numbers them. */
  readonly lines: number;
  /**
   * The error that stopped the read (a disk error, an archive member whose checksum fails at its end), if any.
   * The statistics cover what was read before it, so the second pass can still keep the messages before it.
   */
  readonly failure?: unknown;
  /** False when the read stopped where `end` said, before the end of the file. */
  readonly complete: boolean;
}

/** Header dates per framing (`Framing` values index `byFraming`), from whichever pass scans the lines. */
export class HeaderDates {
  readonly byFraming = [new DateStats(), new DateStats(), new DateStats(), new DateStats()];

  /** Records the header `scanner` just scanned in `line` (the line numbered `lineNo`). */
  add(scanner: HeaderScanner, line: string, lineNo: number): void {
    this.byFraming[scanner.framing]!.add(scanner, line, lineNo);
  }
}

// Buffer's own slicing methods, which toString() wraps with argument checks (see timeline/pages.ts).
type SliceableBuffer = Buffer & {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
};

/** Collects header dates; fed lines as Latin-1 views or decoded strings. */
class Collector extends HeaderDates {
  readonly scanner = new HeaderScanner();
  lineNo = 0;

  /** Counts the line `s[start, end)` (`end` a line break or the string's end) and records it if a header. */
  line(s: string, start: number, end: number): void {
    this.lineNo++;
    if (end > start && this.scanner.scan(s, start, end) === Scan.Header)
      this.add(this.scanner, s, this.lineNo);
  }
}

/** Where a first pass may stop before the end of the file. */
export interface FirstPassEnd {
  /** After this many bytes (at the end of the chunk that reaches it). */
  readonly limit: number;
  /** At the end of the first chunk after which this is true of the dates collected. */
  readonly enough: (dates: HeaderDates) => boolean;
}

/**
 * Reads the input once (or until `end` says) and collects the header dates. `progress` receives bytes read so far.
 */
export async function firstPass(
  input: SourceInput,
  progress: (bytes: number) => void,
  end?: FirstPassEnd,
): Promise<FirstPass> {
  const stopped: { error?: unknown; early?: boolean } = {};
  const collector = new Collector();
  const chunks = untilError(
    end ? upTo(transientChunks(input), end, collector, stopped) : transientChunks(input),
    stopped,
  )[Symbol.asyncIterator]();
  // Gather the first bytes until a byte-order mark could be told apart (copied when more must be read: a
  // chunk's memory may be read into again).
  let head: Buffer = Buffer.alloc(0);
  let done = false;
  while (head.length < 4) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head = Buffer.concat([head, next.value]);
  }
  const bom = sniffBom(head);
  const body = bom ? head.subarray(bom.length) : head;
  const rest = (async function* () {
    yield body;
    if (done) return;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  })();
  const read =
    bom === undefined || bom.encoding === 'utf-8'
      ? await scanUtf8(rest, collector, head.length - body.length, progress)
      : await scanDecoded(
          rest,
          collector,
          iconv.getDecoder(bom.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le'),
          head.length - body.length,
          progress,
        );
  return {
    byFraming: collector.byFraming,
    bytes: read,
    lines: collector.lineNo,
    ...('error' in stopped ? { failure: stopped.error } : {}),
    complete: stopped.early !== true,
  };
}

/** The chunks until `end` says; then the input is closed and `stopped.early` set. */
async function* upTo(
  chunks: AsyncIterable<Buffer>,
  end: FirstPassEnd,
  dates: HeaderDates,
  stopped: { early?: boolean },
): AsyncGenerator<Buffer> {
  let read = 0;
  for await (const chunk of chunks) {
    yield chunk;
    read += chunk.length;
    if (read >= end.limit || end.enough(dates)) {
      stopped.early = true;
      return;
    }
  }
}

/** The chunks up to the first error, which is kept in `stopped` instead of thrown. */
async function* untilError(
  chunks: AsyncIterable<Buffer>,
  stopped: { error?: unknown },
): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of chunks) yield chunk;
  } catch (err) {
    stopped.error = err;
  }
}

/** The byte scan of a UTF-8 file; returns the bytes read (`skipped` BOM bytes included). */
async function scanUtf8(
  chunks: AsyncIterable<Buffer>,
  collector: Collector,
  skipped: number,
  progress: (bytes: number) => void,
): Promise<number> {
  let read = skipped;
  // The start of a line the previous chunk did not finish (its first LINE_START bytes), and whether the chunk
  // ended in a CR, whose LF (if the next chunk starts with one) belongs to the same line break.
  let carry: Buffer[] = [];
  let carried = 0;
  let afterCr = false;
  for await (const chunk of chunks) {
    const b = chunk as SliceableBuffer;
    const n = b.length;
    read += n;
    let i = 0;
    if (afterCr && n > 0) {
      if (b[0] === 0x0a) i = 1;
      afterCr = false;
    }
    // Latin-1 view of the chunk, made only when a line in it is ASCII and can be scanned in place.
    let latin1: string | undefined;
    while (i < n) {
      const start = i;
      let high = false;
      let c = 0;
      for (; i < n; i++) {
        c = b[i]!;
        if (c <= 0x0d) {
          if (c === 0x0a || c === 0x0d) break;
        } else if (c >= 0x80) high = true;
      }
      if (i === n) {
        // No break before the chunk's end: keep the line's start for the next chunk.
        if (carried < LINE_START && i > start) {
          const piece = b.subarray(start, Math.min(n, start + LINE_START - carried));
          carry.push(Buffer.from(piece));
          carried += piece.length;
        }
        break;
      }
      if (carried > 0) {
        const piece = b.subarray(start, Math.min(i, start + LINE_START - carried));
        const line = Buffer.concat([...carry, piece]).toString('utf8');
        carry = [];
        carried = 0;
        collector.line(line, 0, line.length);
      } else if (high) {
        const line = b.utf8Slice(start, i);
        collector.line(line, 0, line.length);
      } else {
        latin1 ??= b.latin1Slice(0, n);
        collector.line(latin1, start, i);
      }
      i++;
      if (c === 0x0d) {
        if (i === n) afterCr = true;
        else if (b[i] === 0x0a) i++;
      }
    }
    progress(read);
  }
  if (carried > 0) {
    const line = Buffer.concat(carry).toString('utf8');
    collector.line(line, 0, line.length);
  }
  return read;
}

/** The decoding scan of a UTF-16 file; returns the bytes read (`skipped` BOM bytes included). */
async function scanDecoded(
  chunks: AsyncIterable<Buffer>,
  collector: Collector,
  decoder: { write(b: Buffer): string; end(): string | undefined },
  skipped: number,
  progress: (bytes: number) => void,
): Promise<number> {
  // Scans text[0, stop] where stop is a line break.
  const scanLines = (text: string, stop: number): void => {
    let s = 0;
    let lf = -2;
    let cr = -2;
    while (s <= stop) {
      if (lf !== -1 && lf < s) lf = text.indexOf('\n', s);
      if (cr !== -1 && cr < s) cr = text.indexOf('\r', s);
      let b = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (b === -1 || b > stop) b = stop + 1;
      collector.line(text, s, b);
      s = text.charCodeAt(b) === 0x0d && text.charCodeAt(b + 1) === 0x0a ? b + 2 : b + 1;
    }
  };
  let read = skipped;
  let carry = '';
  for await (const buf of chunks) {
    read += buf.length;
    const text = carry + decoder.write(buf);
    // A CR at the very end may be half of a CRLF split across chunks: leave it for the next round.
    const tail = text.endsWith('\r') ? text.length - 2 : text.length - 1;
    const stop = Math.max(text.lastIndexOf('\n', tail), text.lastIndexOf('\r', tail));
    if (stop >= 0) scanLines(text, stop);
    carry = stop >= 0 ? text.slice(stop + 1) : text;
    // Only a line's start can make it a header: of a line longer than a chunk keep the start (and a held CR), so
    // a 60 MB line is not copied again with every chunk.
    if (stop < 0 && carry.length > LINE_START) {
      carry = carry.slice(0, LINE_START) + (carry.endsWith('\r') ? '\r' : '');
    }
    progress(read);
  }
  const rest = carry + (decoder.end() ?? '');
  if (rest.length > 0) scanLines(`${rest}\n`, rest.length);
  return read;
}
