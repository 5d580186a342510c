/**
 * The first of the two passes: every header line's date fields, per framing, without building line strings.
 * It decodes the stream like `forEachLine` (BOM sniffing, UTF-8 or UTF-16) but scans each decoded chunk in
 * place, which keeps the extra pass to roughly the cost of decoding.
 */
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import type { SourceInput } from '../source.js';
import { sniffBom } from '../text.js';
import { DateStats } from './date-order.js';
import { HeaderScanner, Scan } from './scan.js';

/** Characters of an unfinished line kept between chunks: far more than any header's date, time and name. */
const LINE_START = 4096;

/** Date statistics of the header lines, one set per framing (`Framing` values index the array). */
export interface FirstPass {
  readonly byFraming: readonly DateStats[];
  /** Bytes read, for progress reporting of the second pass. */
  readonly bytes: number;
  /** Lines read, counted exactly as `forEachLine` numbers them. */
  readonly lines: number;
}

/** Reads the whole input once and collects the header dates. `progress` receives bytes read so far. */
export async function firstPass(input: SourceInput, progress: (bytes: number) => void): Promise<FirstPass> {
  const byFraming = [new DateStats(), new DateStats(), new DateStats(), new DateStats()];
  const scanner = new HeaderScanner();
  let lineNo = 0;

  // Scans text[0, stop] where stop is a line break; returns nothing, counts lines like forEachLine does.
  const scanLines = (text: string, stop: number): void => {
    let s = 0;
    let lf = -2;
    let cr = -2;
    while (s <= stop) {
      if (lf !== -1 && lf < s) lf = text.indexOf('\n', s);
      if (cr !== -1 && cr < s) cr = text.indexOf('\r', s);
      let b = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (b === -1 || b > stop) b = stop + 1;
      lineNo++;
      if (scanner.scan(text, s, b) === Scan.Header) byFraming[scanner.framing]!.add(scanner, text, lineNo);
      s = text.charCodeAt(b) === 0x0d && text.charCodeAt(b + 1) === 0x0a ? b + 2 : b + 1;
    }
  };

  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let carry = '';
  let read = 0;
  let head: Buffer | undefined;
  for await (const chunk of input.open()) {
    let buf = chunk as Buffer;
    read += buf.length;
    if (decoder === undefined) {
      // Gather the first bytes until a byte-order mark could be told apart.
      head = head ? Buffer.concat([head, buf]) : buf;
      if (head.length < 4) continue;
      buf = head;
      const bom = sniffBom(buf);
      if (bom) buf = buf.subarray(bom.length);
      const enc = bom?.encoding ?? 'utf-8';
      decoder =
        enc === 'utf-8'
          ? new StringDecoder('utf8')
          : iconv.getDecoder(enc === 'utf-16be' ? 'utf16-be' : 'utf16le');
    }
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
  if (decoder === undefined && head) {
    const bom = sniffBom(head);
    const enc = bom?.encoding ?? 'utf-8';
    decoder =
      enc === 'utf-8'
        ? new StringDecoder('utf8')
        : iconv.getDecoder(enc === 'utf-16be' ? 'utf16-be' : 'utf16le');
    carry = decoder.write(bom ? head.subarray(bom.length) : head);
  }
  const rest = carry + (decoder?.end() ?? '');
  if (rest.length > 0) scanLines(`${rest}\n`, rest.length);
  return { byFraming, bytes: read, lines: lineNo };
}
