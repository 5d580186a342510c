/**
 * Text helpers shared by line- and document-oriented sources: encoding detection and a streaming line reader.
 * Exports come as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 from Excel; line endings are
 * CRLF, LF, CR or a mix of them.
 */
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import type { SourceContext, SourceInput } from './source.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark announces, if any, and its length. */
export function sniffBom(head: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * Decodes a whole small file: BOM first, then strict UTF-8, then Windows-1252 (what Excel writes on Western
 * Windows). Returns the encoding used so the caller can warn about the fallback.
 */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const bom = sniffBom(bytes);
  if (bom) {
    const body = Buffer.from(bytes.buffer, bytes.byteOffset + bom.length, bytes.byteLength - bom.length);
    return {
      text: iconv.decode(body, bom.encoding === 'utf-16be' ? 'utf16-be' : bom.encoding),
      encoding: bom.encoding,
    };
  }
  if (isUtf8(bytes)) return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
}

/** Decodes the first bytes of a file for detection: lossy, BOM removed, a cut multi-byte sequence dropped. */
export function decodeHead(head: Uint8Array): string {
  const bom = sniffBom(head);
  if (bom && bom.encoding !== 'utf-8') {
    const even = head.byteLength - ((head.byteLength - bom.length) % 2);
    return iconv.decode(
      Buffer.from(head.subarray(bom.length, even)),
      bom.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le',
    );
  }
  const start = bom ? bom.length : 0;
  return new StringDecoder('utf8').write(Buffer.from(head.subarray(start)));
}

/** Reads a whole (small) input into memory, reporting progress. Use only for formats that are small by nature. */
export async function readAll(input: SourceInput, ctx?: SourceContext): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let read = 0;
  for await (const chunk of input.open()) {
    const b = chunk as Buffer;
    chunks.push(b);
    read += b.length;
    ctx?.progress(read);
  }
  return Buffer.concat(chunks);
}

/**
 * Streams an input line by line without holding the file in memory. Splits on CRLF, LF and lone CR (U+2028 is
 * left inside the line: WhatsApp keeps it inside messages). Decodes UTF-8, or UTF-16 when a BOM says so; the
 * leading BOM is removed, BOMs elsewhere are left for the source to handle. `onLine` gets 1-based numbers.
 */
export async function forEachLine(
  input: SourceInput,
  onLine: (line: string, lineNo: number) => void,
  ctx?: SourceContext,
): Promise<{ lines: number; encoding: TextEncoding }> {
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let encoding: TextEncoding = 'utf-8';
  // Pieces of the line not yet ended: joined once when its break arrives, so a 60 MB line costs one join,
  // not one copy per chunk.
  let pending: string[] = [];
  let afterCr = false;
  let lineNo = 0;
  let read = 0;
  let first = true;
  const lines = (s: string): void => {
    let i = 0;
    // A CR ended the previous chunk: an LF starting this one is the rest of that CRLF.
    if (afterCr && s.charCodeAt(0) === 0x0a) i = 1;
    afterCr = false;
    let lf = -2;
    let cr = -2;
    while (i < s.length) {
      // Each search runs once per break found, not once per line: a file without CRs is scanned for one once.
      if (lf !== -1 && lf < i) lf = s.indexOf('\n', i);
      if (cr !== -1 && cr < i) cr = s.indexOf('\r', i);
      const b = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (b === -1) {
        pending.push(i === 0 ? s : s.slice(i));
        return;
      }
      const piece = s.slice(i, b);
      let line = piece;
      if (pending.length > 0) {
        pending.push(piece);
        line = pending.join('');
        pending = [];
      }
      onLine(line, ++lineNo);
      i = b + 1;
      if (s.charCodeAt(b) === 0x0d) {
        if (i === s.length) afterCr = true;
        else if (s.charCodeAt(i) === 0x0a) i++;
      }
    }
  };
  // The encoding is chosen from the first bytes, gathered until a byte-order mark could be told apart.
  let head: Buffer | undefined;
  const begin = (buf: Buffer): Buffer => {
    first = false;
    const bom = sniffBom(buf);
    encoding = bom?.encoding ?? 'utf-8';
    decoder =
      encoding === 'utf-8'
        ? new StringDecoder('utf8')
        : iconv.getDecoder(encoding === 'utf-16be' ? 'utf16-be' : 'utf16le');
    return bom ? buf.subarray(bom.length) : buf;
  };
  for await (const chunk of input.open()) {
    let buf = chunk as Buffer;
    read += buf.length;
    if (first) {
      head = head ? Buffer.concat([head, buf]) : buf;
      if (head.length < 4) continue;
      buf = begin(head);
    }
    lines(decoder!.write(buf));
    ctx?.progress(read);
  }
  // A file shorter than four bytes never filled `head`.
  if (first && head) {
    const buf = begin(head);
    lines(decoder!.write(buf));
  }
  const rest = decoder?.end() ?? '';
  if (rest.length > 0) lines(rest);
  if (pending.length > 0) onLine(pending.join(''), ++lineNo);
  return { lines: lineNo, encoding };
}
