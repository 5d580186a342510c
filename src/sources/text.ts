/**
 * Text helpers shared by line- and document-oriented sources: encoding detection and a streaming line reader.
 * Exports come as UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when a file re-saved as
 * "Unicode" by a Windows tool lacks it), or Windows-1252 from Excel; line endings are CRLF, LF, CR or a mix of them.
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

/**
 * How many of a file's first bytes decide whether it is UTF-16 without a byte-order mark. Readers gather this many
 * (or the whole file, when shorter) before choosing, so that the choice does not depend on how the file arrives.
 */
export const ENCODING_SNIFF_BYTES = 1024;
/** Fewer code units than this say too little to call a text UTF-16 without a mark. */
const UTF16_MIN_UNITS = 8;
/**
 * Fewer zero bytes than this say too little as well: a short UTF-8 file with one stray NUL (a cut or corrupt
 * save) would otherwise be one-sided by chance. Eight units of ASCII in UTF-16 are 8 zeros.
 */
const UTF16_MIN_ZEROS = 8;

/**
 * UTF-16 without a byte-order mark, told from the first ENCODING_SNIFF_BYTES: UTF-8 text never holds a zero byte,
 * and UTF-16 text in any script holds many, nearly all on one side of its code units (the high byte of ASCII
 * digits, spaces and punctuation, which every chat header and CSV row has): little-endian at odd offsets,
 * big-endian at even ones. A few fall on the other side: the low byte of a character such as U+4E00 一, U+AC00 가,
 * U+3000 (the ideographic space), U+0100 Ā, or of the low surrogate DE00 in 😀 U+1F600. Binary data has zeros on
 * both sides alike, or decodes to control characters or broken surrogate pairs. So it is UTF-16 when at least one
 * unit in 16, and UTF16_MIN_ZEROS units at least, have a zero byte on one side, at most one in 8 of that many on
 * the other, and the units decode to text: no control character but tab, line feed, form feed and carriage
 * return, no noncharacter, and no surrogate half out of its pair (a pair the sniffed bytes cut in two aside).
 *
 * Known limit: text with no ASCII at all (a page of Chinese with no digit, space or line break) has no zero byte
 * and is not recognised; a WhatsApp header or a CSV row always has ASCII digits.
 */
export function utf16WithoutBom(head: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(head.length, ENCODING_SNIFF_BYTES) & ~1;
  const units = n / 2;
  if (units < UTF16_MIN_UNITS) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  const enough = (zeros: number) => zeros >= UTF16_MIN_ZEROS && zeros * 16 >= units;
  const le = evenZeros * 8 <= oddZeros && enough(oddZeros);
  const be = oddZeros * 8 <= evenZeros && enough(evenZeros);
  if (!le && !be) return undefined;
  let highPending = false;
  for (let i = 0; i < n; i += 2) {
    const u = le ? head[i]! | (head[i + 1]! << 8) : (head[i]! << 8) | head[i + 1]!;
    const high = u >= 0xd800 && u <= 0xdbff;
    const low = u >= 0xdc00 && u <= 0xdfff;
    if (low !== highPending) return undefined;
    highPending = high;
    if (u < 0x20 ? u !== 0x09 && u !== 0x0a && u !== 0x0c && u !== 0x0d : u === 0xfffe || u === 0xffff)
      return undefined;
    if (u >= 0x7f && u < 0xa0) return undefined;
  }
  return le ? 'utf-16le' : 'utf-16be';
}

/**
 * The encoding a file's first bytes show, and how many of them to skip: a byte-order mark's, or UTF-16 without
 * one (`length` 0, `bomless`). Undefined for UTF-8 without a mark (or Windows-1252, told later).
 */
export function sniffEncoding(
  head: Uint8Array,
): { encoding: TextEncoding; length: number; bomless?: true } | undefined {
  const bom = sniffBom(head);
  if (bom) return bom;
  const utf16 = utf16WithoutBom(head);
  return utf16 === undefined ? undefined : { encoding: utf16, length: 0, bomless: true };
}

/** The one warning that a file was read as UTF-16 although it has no byte-order mark. */
export function warnUtf16WithoutBom(ctx: SourceContext, encoding: TextEncoding): void {
  const name = encoding === 'utf-16be' ? 'UTF-16BE' : 'UTF-16LE';
  ctx.warn(
    'TEXT_UTF16_WITHOUT_BOM',
    undefined,
    `The file has no byte-order mark, but its first bytes are ${name} text (a zero byte ${encoding === 'utf-16be' ? 'before' : 'after'} each ASCII character), so it was read as ${name}.`,
    'If letters look wrong, open the file in a text editor and save it as UTF-8, then re-run.',
  );
}

/** A whole small file decoded, and why it was read as Windows-1252 if it was. */
export interface Decoded {
  readonly text: string;
  readonly encoding: TextEncoding;
  /** UTF-16 read without a byte-order mark (`utf16WithoutBom`). */
  readonly bomless?: true;
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
  const bom = sniffEncoding(bytes);
  const body = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + (bom?.length ?? 0),
    bytes.byteLength - (bom?.length ?? 0),
  );
  if (bom && bom.encoding !== 'utf-8')
    return {
      text: iconv().decode(body, bom.encoding === 'utf-16be' ? 'utf16-be' : bom.encoding),
      encoding: bom.encoding,
      ...(bom.bomless ? { bomless: true as const } : {}),
    };
  if (isUtf8(body)) return { text: body.toString('utf8'), encoding: 'utf-8' };
  const bad = firstInvalidUtf8(body);
  // A file whose only fault is a character cut at its very end has no invalid byte before it.
  const at = bad === -1 ? body.length : bad;
  return {
    text: iconv().decode(body, 'win1252'),
    encoding: 'windows-1252',
    invalidLine: 1 + breaksIn(body, 0, at, false),
    ...(bom ? { utf8Bom: true as const } : {}),
  };
}

/** Decodes the first bytes of a file for detection: lossy, BOM removed, a cut multi-byte sequence dropped. */
export function decodeHead(head: Uint8Array): string {
  const bom = sniffEncoding(head);
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
  /**
   * The first bytes of the file: at least ENCODING_SNIFF_BYTES (enough to tell a byte-order mark, or UTF-16 without
   * one, apart) unless it is shorter.
   */
  readonly head: boolean;
  readonly read: number;
}

/**
 * The chunks, the first ones gathered into one head of at least ENCODING_SNIFF_BYTES, so that the encoding can be
 * chosen from it: the line readers' common start. The head is a copy when it outlives a chunk (its memory may be
 * read into again); a file shorter than that is all head, given at the end, and so is the part read of one whose
 * reading fails before then.
 */
export async function* headFirst(chunks: AsyncIterable<Buffer>): AsyncGenerator<HeadedChunk> {
  let head: Buffer | undefined;
  let headed = false;
  let read = 0;
  try {
    for await (const buf of chunks) {
      read += buf.length;
      if (headed) {
        yield { buf, head: false, read };
        continue;
      }
      head = head ? Buffer.concat([head, buf]) : buf;
      if (head.length < ENCODING_SNIFF_BYTES) {
        head = Buffer.from(head);
        continue;
      }
      headed = true;
      yield { buf: head, head: true, read };
    }
  } catch (err) {
    // A read that fails before the head is whole (a disk error in a small file) still hands over what was read,
    // so that the records before the failure are kept, as they are further on.
    if (!headed && head) yield { buf: head, head: true, read };
    throw err;
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
 * left inside the line: WhatsApp keeps it inside messages). Decodes UTF-8, or UTF-16 when a BOM says so or the
 * first bytes show it without one (warned, TEXT_UTF16_WITHOUT_BOM); the
 * leading BOM is removed, BOMs elsewhere are left for the source to handle. `onLine` gets 1-based numbers, and
 * `unended` true for a last line the file ends without a line break (which may be a line cut short).
 *
 * Bytes that are not UTF-8 (a chat re-saved as Windows-1252) become U+FFFD, and `ctx` is warned once
 * (TEXT_INVALID_UTF8) with the first line where that happened. The check costs one search for U+FFFD per
 * decoded chunk; only a chunk holding one has its bytes checked, so a U+FFFD the file itself holds is no alarm.
 *
 * With a `limit`, a line longer than `limit.maxChars` is never held: what was held of it is dropped as soon as it
 * is over, the rest only counted, and `limit.onLong` is called in its place (numbered, and in its turn, as
 * `onLine` would have been), so a line of any length costs no more than `maxChars` characters of memory.
 */
export async function forEachLine(
  input: SourceInput,
  onLine: (line: string, lineNo: number, unended: boolean) => void,
  ctx?: SourceContext,
  limit?: LineLimit,
): Promise<{ lines: number; encoding: TextEncoding }> {
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let encoding: TextEncoding = 'utf-8';
  // Pieces of the line not yet ended: joined once when its break arrives, so a 60 MB line costs one join,
  // not one copy per chunk.
  let pending: string[] = [];
  let pendingChars = 0;
  const maxChars = limit?.maxChars ?? Number.POSITIVE_INFINITY;
  /** The characters of the line being passed over, once it is longer than `maxChars` (-1: none is). */
  let longChars = -1;
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
        hold(i === 0 ? s : s.slice(i), s.length - i);
        return;
      }
      if (warnAt !== 0 && lineNo + 1 >= warnAt) warnInvalid();
      if (longChars < 0 && pendingChars + (b - i) <= maxChars) {
        const piece = s.slice(i, b);
        let line = piece;
        if (pending.length > 0) {
          pending.push(piece);
          line = pending.join('');
          pending = [];
          pendingChars = 0;
        }
        onLine(line, ++lineNo, false);
      } else {
        const chars = (longChars < 0 ? pendingChars : longChars) + (b - i);
        pending = [];
        pendingChars = 0;
        longChars = -1;
        limit!.onLong(++lineNo, chars, false);
      }
      i = b + 1;
      if (s.charCodeAt(b) === 0x0d) {
        if (i === s.length) afterCr = true;
        else if (s.charCodeAt(i) === 0x0a) i++;
      }
    }
  };
  /** Keeps `piece` (`chars` long) of a line not yet ended, or only counts it once the line is over `maxChars`. */
  const hold = (piece: string, chars: number): void => {
    if (longChars >= 0) longChars += chars;
    else if (pendingChars + chars > maxChars) {
      longChars = pendingChars + chars;
      pending = [];
      pendingChars = 0;
    } else {
      pending.push(piece);
      pendingChars += chars;
    }
  };
  // The encoding is chosen from the first bytes, gathered until a byte-order mark could be told apart.
  const begin = (buf: Buffer): Buffer => {
    const bom = sniffEncoding(buf);
    encoding = bom?.encoding ?? 'utf-8';
    if (bom?.bomless && ctx) warnUtf16WithoutBom(ctx, encoding);
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
  if (longChars >= 0) limit!.onLong(++lineNo, longChars, true);
  else if (pending.length > 0) onLine(pending.join(''), ++lineNo, true);
  return { lines: lineNo, encoding };
}

/** A line reader's cap on the length of one line (`forEachLine`). */
export interface LineLimit {
  /** The most characters (UTF-16 code units, its line break not counted) a line handed over may have. */
  readonly maxChars: number;
  /**
   * Called instead of `onLine` for a line longer than `maxChars`, with its length in characters, and `unended`
   * true for a last line the file ends without a line break.
   */
  onLong(lineNo: number, chars: number, unended: boolean): void;
}
