/**
 * The first of the two passes: every header line's date fields, per framing and date shape, without building line
 * strings.
 *
 * A UTF-8 file (nearly every export) is scanned as bytes: line breaks are single bytes and the header scanner
 * reads UTF-8 in place, so no line is decoded (a header's date is decoded only when it differs from the one
 * before, for the messages that may quote it). That keeps this extra pass to a fraction of the second.
 * UTF-16 files are converted to UTF-8 chunk by chunk first. Lines are counted exactly as `forEachLine` and
 * `forEachLineBytes` number them.
 */
import { iconv } from '../iconv.js';
import type { SourceInput } from '../source.js';
import { ENCODING_SNIFF_BYTES, sniffEncoding, transientChunks } from '../text.js';
import { DateStats, dateShape, SHAPES } from './date-order.js';
import { HeaderScanner, Scan } from './scan.js';

/** Bytes (or characters) of an unfinished line kept between chunks: far more than any header's date and name. */
const LINE_START = 4096;

/** Date statistics of the header lines, one set per framing and date shape (see `HeaderDates`). */
export interface FirstPass {
  readonly dates: HeaderDates;
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

/** Header dates per framing and date shape, from whichever pass scans the lines. */
export class HeaderDates {
  /** Indexed by `Framing` value × `SHAPES` + `dateShape`; a set is made when its first header is met. */
  readonly groups: (DateStats | undefined)[] = new Array(4 * SHAPES).fill(undefined);

  /** Records the header `scanner` just scanned in the UTF-8 `line` (the line numbered `lineNo`). */
  add(scanner: HeaderScanner, line: Buffer, lineNo: number): void {
    const k = scanner.framing * SHAPES + dateShape(scanner);
    let stats = this.groups[k];
    if (stats === undefined) {
      stats = new DateStats();
      this.groups[k] = stats;
    }
    stats.add(scanner, line, lineNo);
  }

  /** The statistics of the headers in `framing` with date shape `shape` (empty ones if there were none). */
  of(framing: number, shape: number): DateStats {
    return this.groups[framing * SHAPES + shape] ?? EMPTY;
  }

  /** How many headers use `framing`, whatever their date shape. */
  headers(framing: number): number {
    let n = 0;
    for (let k = framing * SHAPES; k < (framing + 1) * SHAPES; k++) n += this.groups[k]?.headers ?? 0;
    return n;
  }
}

const EMPTY = new DateStats();

const LF = Buffer.from([0x0a]);

/** Collects header dates from lines as bytes, fed chunk by chunk. */
class Collector extends HeaderDates {
  readonly scanner = new HeaderScanner();
  lineNo = 0;
  // The start of a line the previous chunk did not finish (its first LINE_START bytes), and whether the chunk
  // ended in a CR, whose LF (if the next chunk starts with one) belongs to the same line break.
  private carry: Buffer[] = [];
  private carried = 0;
  private afterCr = false;

  /** Counts the line `b[start, end)` (`b[end]` a line break) and records it if a header. */
  line(b: Buffer, start: number, end: number): void {
    this.lineNo++;
    if (end > start && this.scanner.scan(b, start, end) === Scan.Header)
      this.add(this.scanner, b, this.lineNo);
  }

  /** The lines of the next chunk of UTF-8 (transient: only a line's start is copied to be kept). */
  chunk(b: Buffer): void {
    const n = b.length;
    let i = 0;
    if (this.afterCr && n > 0) {
      if (b[0] === 0x0a) i = 1;
      this.afterCr = false;
    }
    let lf = -2;
    let cr = -2;
    while (i < n) {
      if (lf !== -1 && lf < i) lf = b.indexOf(0x0a, i);
      if (cr !== -1 && cr < i) cr = b.indexOf(0x0d, i);
      const br = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (br === -1) {
        // No break before the chunk's end: keep the line's start for the next chunk.
        if (this.carried < LINE_START) {
          const piece = b.subarray(i, Math.min(n, i + LINE_START - this.carried));
          this.carry.push(Buffer.from(piece));
          this.carried += piece.length;
        }
        return;
      }
      if (this.carried > 0) {
        const piece = b.subarray(i, Math.min(br, i + LINE_START - this.carried));
        // A LF after the line: the scanner stops at it.
        const line = Buffer.concat([...this.carry, piece, LF]);
        this.carry = [];
        this.carried = 0;
        this.line(line, 0, line.length - 1);
      } else this.line(b, i, br);
      i = br + 1;
      if (b[br] === 0x0d) {
        if (i === n) this.afterCr = true;
        else if (b[i] === 0x0a) i++;
      }
    }
  }

  /** The last line, if the file does not end with a line break. */
  end(): void {
    if (this.carried === 0) return;
    const line = Buffer.concat([...this.carry, LF]);
    this.carry = [];
    this.carried = 0;
    this.line(line, 0, line.length - 1);
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
  // Gather the first bytes until a byte-order mark, or UTF-16 without one, could be told apart (copied when more
  // must be read: a chunk's memory may be read into again).
  let head: Buffer = Buffer.alloc(0);
  let done = false;
  while (head.length < ENCODING_SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    head = Buffer.concat([head, next.value]);
  }
  const bom = sniffEncoding(head);
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
          iconv().getDecoder(bom.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le'),
          head.length - body.length,
          progress,
        );
  return {
    dates: collector,
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
  for await (const chunk of chunks) {
    read += chunk.length;
    collector.chunk(chunk);
    progress(read);
  }
  collector.end();
  return read;
}

/** The scan of a UTF-16 file, converted to UTF-8 chunk by chunk; returns the bytes read (BOM included). */
async function scanDecoded(
  chunks: AsyncIterable<Buffer>,
  collector: Collector,
  decoder: { write(b: Buffer): string; end(): string | undefined },
  skipped: number,
  progress: (bytes: number) => void,
): Promise<number> {
  let read = skipped;
  // The first half of a surrogate pair that ended a chunk's text waits for the second.
  let high = '';
  const convert = (text: string): Buffer => {
    const last = text.charCodeAt(text.length - 1);
    const cut = last >= 0xd800 && last <= 0xdbff;
    high = cut ? text.slice(-1) : '';
    return Buffer.from(cut ? text.slice(0, -1) : text, 'utf8');
  };
  for await (const buf of chunks) {
    read += buf.length;
    collector.chunk(convert(high + decoder.write(buf)));
    progress(read);
  }
  const rest = high + (decoder.end() ?? '');
  if (rest.length > 0) collector.chunk(Buffer.from(rest, 'utf8'));
  collector.end();
  return read;
}
