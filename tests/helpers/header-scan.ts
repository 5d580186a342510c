/**
 * The WhatsApp header scanner (src/sources/whatsapp-txt/scan.ts) run on lines given as strings, for the header
 * grammar tests of every layout (tests/sources/whatsapp-txt.test.ts, whatsapp-arabic.test.ts, whatsapp-scan.test.ts).
 */
import { type Framing, type HeaderScanner, Scan } from '../../src/sources/whatsapp-txt/scan.js';

/** A line as the scanner reads it: UTF-8, with its line break after it. */
export function utf8Line(line: string): Buffer {
  return Buffer.from(`${line}\n`, 'utf8');
}

/** Scans a line given as a string (the scanner reads bytes: positions are byte offsets). */
export function scanLine(sc: HeaderScanner, line: string): Scan {
  const b = utf8Line(line);
  return sc.scan(b, 0, b.length - 1);
}

/** What the scanner read of a header line. */
export interface ScannedHeader {
  readonly date: number[];
  readonly time: number[];
  readonly ampm: number;
  readonly framing: Framing;
  readonly rest: string;
  /** The stamp as written, and its date part, when asked for. */
  readonly stamp?: string;
  readonly stampDate?: string;
}

/**
 * What `sc` reads of `line`: its fields when it is a header (with the stamp and its date when `withStamp`), else
 * the verdict.
 */
export function scanHeader(sc: HeaderScanner, line: string, withStamp = false): ScannedHeader | Scan {
  const b = utf8Line(line);
  const r = sc.scan(b, 0, b.length - 1);
  if (r !== Scan.Header) return r;
  return {
    date: [sc.p0, sc.p1, sc.p2],
    time: [sc.hour, sc.minute, sc.second],
    ampm: sc.ampm,
    framing: sc.framing,
    rest: b.toString('utf8', sc.restStart, b.length - 1),
    ...(withStamp
      ? {
          stamp: b.toString('utf8', sc.stampStart, sc.stampEnd),
          stampDate: b.toString('utf8', sc.stampStart, sc.dateEnd),
        }
      : {}),
  };
}
