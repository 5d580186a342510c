/**
 * Text helpers shared by line- and document-oriented sources: encoding detection and a streaming line reader.
 * Exports come as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 from Excel; line endings are
 * CRLF, LF, CR or a mix of them.
 */
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

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

/** True when the bytes are valid UTF-8 (a sequence cut at the very end is tolerated when `partial`). */
export function isValidUtf8(bytes: Uint8Array, partial = false): boolean {
  try {
    utf8Fatal.decode(bytes, { stream: partial });
    return true;
  } catch {
    return false;
  }
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
  if (isValidUtf8(bytes)) return { text: Buffer.from(bytes).toString('utf8'), encoding: 'utf-8' };
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
  let carry = '';
  let lineNo = 0;
  let read = 0;
  let first = true;
  for await (const chunk of input.open()) {
    let buf = chunk as Buffer;
    read += buf.length;
    if (first) {
      first = false;
      const bom = sniffBom(buf);
      encoding = bom?.encoding ?? 'utf-8';
      if (bom) buf = buf.subarray(bom.length);
      decoder =
        encoding === 'utf-8'
          ? new StringDecoder('utf8')
          : iconv.getDecoder(encoding === 'utf-16be' ? 'utf16-be' : 'utf16le');
    }
    let text = carry + decoder!.write(buf);
    // A CR at the very end may be the first half of a CRLF split across chunks: keep it for the next round.
    const holdCr = text.endsWith('\r');
    if (holdCr) text = text.slice(0, -1);
    const parts = text.split(/\r\n|\r|\n/);
    carry = parts.pop()! + (holdCr ? '\r' : '');
    for (const part of parts) onLine(part, ++lineNo);
    ctx?.progress(read);
  }
  const rest = carry + (decoder?.end() ?? '');
  if (rest.length > 0) {
    const parts = rest.split(/\r\n|\r|\n/);
    if (parts[parts.length - 1] === '') parts.pop();
    for (const part of parts) onLine(part, ++lineNo);
  }
  return { lines: lineNo, encoding };
}
