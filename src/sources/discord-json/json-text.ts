/**
 * The text of a JSON export as the walk reads it: decoded (UTF-8, or UTF-16 when a BOM says so; the BOM removed),
 * with an optional preamble such as `window.YTD.direct_messages.part0 = ` blanked to spaces so that lines and
 * columns stay those of the file, and one trailing `;` dropped when allowed. Both readings of a file (the walk and,
 * after a syntax error, the recovery) go through here, so they see the same characters.
 */
import { StringDecoder } from 'node:string_decoder';
import { iconv } from '../iconv.js';
import type { SourceInput } from '../source.js';
import { sniffBom } from '../text.js';

/** How the text is prepared before it is tokenized. */
export interface TextOptions {
  /** Given the first text (at least 256 characters when the file has them), the length of a preamble to pass over. */
  readonly preamble?: (head: string) => number;
  /** Accept one `;` after the document (a JavaScript assignment). */
  readonly semicolon?: boolean;
  /** Bytes read so far, for progress. */
  readonly onBytes?: (bytesRead: number) => void;
}

/** The trailing run of whitespace and semicolons (a backward loop: a regex anchored at $ can go quadratic). */
function trailingRun(text: string): string {
  let i = text.length;
  for (;;) {
    const c = text.charCodeAt(i - 1);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3b) i--;
    else break;
  }
  return text.slice(i);
}

/** The decoded text of `input` in pieces: UTF-8, or UTF-16 when a BOM says so; a leading BOM removed. */
export function decodedText(
  input: SourceInput,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<string> {
  return prepared(input, {}, onBytes);
}

/** The decoded text of `input`: BOM removed (UTF-8, or UTF-16 when a BOM says so), preamble blanked. */
export async function* prepared(
  input: SourceInput,
  opts: TextOptions,
  onBytes?: (n: number) => void,
): AsyncGenerator<string> {
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let pending: Buffer | undefined = Buffer.alloc(0);
  let head: string | undefined = opts.preamble ? '' : undefined;
  let held = '';
  let read = 0;
  function* emit(text: string, last: boolean): Generator<string> {
    if (head !== undefined) {
      head += text;
      if (head.length < 256 && !last) return;
      const n = opts.preamble!(head);
      text = head.slice(0, n).replace(/[^\r\n]/g, ' ') + head.slice(n);
      head = undefined;
    }
    if (opts.semicolon) {
      // Trailing spaces and semicolons are held back until more text shows whether they end the file.
      text = held + text;
      const tail = trailingRun(text);
      if (!last) {
        held = tail;
        text = text.slice(0, text.length - tail.length);
      } else if (tail.indexOf(';') >= 0 && tail.indexOf(';') === tail.lastIndexOf(';')) {
        text = text.slice(0, text.length - tail.length) + tail.replace(';', ' ');
      }
    }
    if (text.length > 0) yield text;
  }
  const start = (bytes: Buffer): Buffer => {
    const bom = sniffBom(bytes);
    decoder =
      bom && bom.encoding !== 'utf-8'
        ? iconv().getDecoder(bom.encoding === 'utf-16be' ? 'utf16-be' : 'utf16le')
        : new StringDecoder('utf8');
    return bom ? bytes.subarray(bom.length) : bytes;
  };
  for await (const chunk of input.open()) {
    let buf = chunk as Buffer;
    read += buf.length;
    if (pending) {
      // The BOM is told apart on the first 3 bytes, however small the first chunks are.
      pending = Buffer.concat([pending, buf]);
      if (pending.length < 3) continue;
      buf = start(pending);
      pending = undefined;
    }
    yield* emit(decoder!.write(buf), false);
    onBytes?.(read);
  }
  if (pending) {
    const buf = start(pending);
    yield* emit(decoder!.write(buf), false);
  }
  yield* emit(decoder?.end() ?? '', true);
}
