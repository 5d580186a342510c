/**
 * Text helpers shared by line- and document-oriented sources: encoding detection and a streaming line reader.
 * Exports come as UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252 from Excel; line endings are
 * CRLF, LF, CR or a mix of them.
 */
import { isUtf8 } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { iconv } from './iconv.js';
import type { SourceContext, SourceInput } from './source.js';
import { breaksIn, firstInvalidUtf8, Utf8Watch } from './utf8-watch.js';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding a byte-order mark announces, if any, and its length. */
export function sniffBom(head: Uint8Array): { encoding: TextEncoding; length: number } | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** A whole small file decoded, and why it was read as Windows-1252 if it was. */
export interface Decoded {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** For a Windows-1252 read: the line of the first byte that is not UTF-8. */
  readonly invalidLine?: number;
  /** For a Windows-1252 read: the file starts with a UTF-8 byte-order mark all the same. */
  readonly utf8Bom?: boolean;
}

/**
 * Decodes a whole small file: BOM first, then strict UTF-8, then Windows-1252 (what Excel writes on Western
 * Windows). A UTF-8 BOM before bytes that are not UTF-8 (a program that added the mark to a Windows-1252 file)
 * falls back to Windows-1252 like a file without one. Returns the encoding used so the caller can warn.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  const bom = sniffBom(bytes);
  const body = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + (bom?.length ?? 0),
    bytes.byteLength - (bom?.length ?? 0),
  );
  if (bom && bom.encoding !== 'utf-8')
    return {
      text: iconv().decode(body, bom.encoding === 'utf-16be' ? 'utf16-be' : bom.encoding),
      encoding: bom.encoding,
    };
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  const bad = firstInvalidUtf8(body);
  // A file whose only fault is a character cut at its very end has no invalid byte before it.
  const at = bad === -1 ? body.length : bad;
  return {
    text: iconv().decode(body, 'win1252'),
    encoding: 'windows-1252',
    invalidLine: 1 + breaksIn(body, 0, at, false),
    ...(bom ? { utf8Bom: true } : {}),
  };
}

/** Decodes the first bytes of a file for detection: lossy, BOM removed, a cut multi-byte sequence dropped. */
export function decodeHead(head: Uint8Array): string {
  const bom = sniffBom(head);
  if (bom && bom.encoding !== 'utf-8') {
    const even = head.byteLength - ((head.byteLength - bom.length) % 2);
    return iconv().decode(
      Buffer.from(head.subarray(bom.length, even)),
      bom.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le',
    );
  }
  const start = bom ? bom.length : 0;
  return new StringDecoder('utf8').write(Buffer.from(head.subarray(start)));
}

const INVALID_UTF8_HINT =
  'Use the file exactly as the app exported it (export it again if needed); if a program saved it again, ' +
  'save it once more as UTF-8.';

/** The line readers' one warning about bytes that are not UTF-8, first found on `line`. */
export function warnInvalidUtf8(ctx: SourceContext, line: number): void {
  ctx.warn(
    'TEXT_INVALID_UTF8',
    line,
    `The file is not valid UTF-8 (first on line ${line}): bytes that are no UTF-8 character were replaced with U+FFFD (\ufffd), so some letters of the text are lost. It was probably saved again in another encoding, such as Windows-1252.`,
    INVALID_UTF8_HINT,
  );
}

/**
 * The input's bytes for a reader that is done with each chunk before asking for the next (it copies what it
 * keeps): `SourceInput.chunks` (of `size` bytes, when given) when the input has it, else its stream.
 */
export function transientChunks(input: SourceInput, size?: number): AsyncIterable<Buffer> {
  return input.chunks?.(size) ?? (input.open() as AsyncIterable<Buffer>);
}

/** A chunk of `headFirst`, with the bytes read so far. */
export interface HeadedChunk {
  readonly buf: Buffer;
  /** The first bytes of the file: at least four (enough to tell a byte-order mark apart) unless it is shorter. */
  readonly head: boolean;
  readonly read: number;
}

/**
 * The chunks, the first ones gathered into one head of at least four bytes, so that the encoding can be chosen
 * from it: the line readers' common start. The head is a copy when it outlives a chunk (its memory may be read
 * into again); a file shorter than four bytes is all head, given at the end.
 */
export async function* headFirst(chunks: AsyncIterable<Buffer>): AsyncGenerator<HeadedChunk> {
  let head: Buffer | undefined;
  let headed = false;
  let read = 0;
  for await (const buf of chunks) {
    read += buf.length;
    if (headed) {
      yield { buf, head: false, read };
      continue;
    }
    head = head ? Buffer.concat([head, buf]) : buf;
    if (head.length < 4) {
      head = Buffer.from(head);
      continue;
    }
    headed = true;
    yield { buf: head, head: true, read };
  }
  if (!headed && head) yield { buf: head, head: true, read };
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
 * leading BOM is removed, BOMs elsewhere are left for the source to handle. `onLine` gets 1-based numbers, and
 * `unended` true for a last line the file ends without a line break (which may be a line cut short).
 *
 * Bytes that are not UTF-8 (a chat re-saved as Windows-1252) become U+FFFD, and `ctx` is warned once
 * (TEXT_INVALID_UTF8) with the first line where that happened. The check costs one search for U+FFFD per
 * decoded chunk; only a chunk holding one has its bytes checked, so a U+FFFD the file itself holds is no alarm.
 */
export async function forEachLine(
  input: SourceInput,
  onLine: (line: string, lineNo: number, unended: boolean) => void,
  ctx?: SourceContext,
): Promise<{ lines: number; encoding: TextEncoding }> {
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let encoding: TextEncoding = 'utf-8';
  // Pieces of the line not yet ended: joined once when its break arrives, so a 60 MB line costs one join,
  // not one copy per chunk.
  let pending: string[] = [];
  let afterCr = false;
  let lineNo = 0;
  /** The line of the first invalid UTF-8 found and not yet reported (0: none). */
  let warnAt = 0;
  const warnInvalid = (): void => {
    warnInvalidUtf8(ctx!, warnAt);
    warnAt = 0;
  };
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
      if (warnAt !== 0 && lineNo + 1 >= warnAt) warnInvalid();
      onLine(line, ++lineNo, false);
      i = b + 1;
      if (s.charCodeAt(b) === 0x0d) {
        if (i === s.length) afterCr = true;
        else if (s.charCodeAt(i) === 0x0a) i++;
      }
    }
  };
  // The encoding is chosen from the first bytes, gathered until a byte-order mark could be told apart.
  const begin = (buf: Buffer): Buffer => {
    const bom = sniffBom(buf);
    encoding = bom?.encoding ?? 'utf-8';
    decoder =
      encoding === 'utf-8'
        ? new StringDecoder('utf8')
        : iconv().getDecoder(encoding === 'utf-16be' ? 'utf16-be' : 'utf16le');
    return bom ? buf.subarray(bom.length) : buf;
  };
  const watch = new Utf8Watch('any');
  let checking = ctx !== undefined;
  // The warning waits until its line is handed over: a source that stops earlier never read that line, and how
  // far ahead of the lines the bytes were decoded must not change what is reported.
  const invalidAt = (line: number): void => {
    checking = false;
    warnAt = line;
  };
  const decode = (buf: Buffer): string => {
    const text = decoder!.write(buf);
    const bad = checking && encoding === 'utf-8' ? watch.check(buf, text, lineNo + 1, afterCr) : undefined;
    if (bad !== undefined) invalidAt(bad);
    return text;
  };
  for await (const { buf, head, read } of headFirst(transientChunks(input))) {
    lines(decode(head ? begin(buf) : buf));
    ctx?.progress(read);
  }
  const rest = decoder?.end() ?? '';
  // What is left is a character the file never finished: a U+FFFD here always replaced bytes.
  const bad = checking && encoding === 'utf-8' ? watch.end(rest, lineNo + 1) : undefined;
  if (bad !== undefined) invalidAt(bad);
  if (rest.length > 0) lines(rest);
  if (warnAt !== 0) warnInvalid();
  if (pending.length > 0) onLine(pending.join(''), ++lineNo, true);
  return { lines: lineNo, encoding };
}
