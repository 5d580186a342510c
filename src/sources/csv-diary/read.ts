/**
 * Getting a diary's text and its records. A diary is small by nature, so it is read whole (which is what lets
 * an invalid UTF-8 byte on the last line still switch the whole file to Windows-1252, also behind a UTF-8
 * byte-order mark, which some programs add to any file), under a hard cap.
 * Records come from csv-parse; each carries the 1-based line on which it starts.
 */
import type { SourceContext, SourceInput } from '../source.js';
import { SourceFailure } from '../source.js';
import { decodeBytes } from '../text.js';

/** Larger than any diary a person keeps by hand; a bigger file is almost certainly the wrong file. */
export const MAX_DIARY_BYTES = 200 * 1024 * 1024;

/** A record's cells can be long (pasted messages), but not this long. */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;

function tooLarge(input: SourceInput, bytes: number): SourceFailure {
  return new SourceFailure(
    'DIARY_TOO_LARGE',
    `${input.name} is ${bytes} bytes; a hand-kept diary over ${MAX_DIARY_BYTES / 1024 / 1024} MB is not read`,
    undefined,
    'Check that this is the diary you meant; if it is, split it into several CSV files with the header on each',
  );
}

/** The whole file as text with line ends made `\n`, warning when it had to be read as Windows-1252. */
export async function readDiaryText(input: SourceInput, ctx: SourceContext): Promise<string> {
  if (input.bytes > MAX_DIARY_BYTES) throw tooLarge(input, input.bytes);
  const chunks: Buffer[] = [];
  let read = 0;
  const stream = input.open();
  for await (const chunk of stream) {
    const b = chunk as Buffer;
    read += b.length;
    if (read > MAX_DIARY_BYTES) {
      stream.destroy();
      throw tooLarge(input, read);
    }
    chunks.push(b);
    ctx.progress(read);
  }
  const { text, encoding, invalidLine, utf8Bom } = decodeBytes(Buffer.concat(chunks));
  if (encoding === 'windows-1252')
    ctx.warn(
      'DIARY_ENCODING_CP1252',
      invalidLine,
      `The file is not valid UTF-8 (first on line ${invalidLine})${utf8Bom ? ' although it starts with a UTF-8 byte-order mark' : ''}; read as Windows-1252, the encoding Excel uses on Western Windows`,
      'If accented letters look wrong, save the sheet as "CSV UTF-8" and re-run',
    );
  // One line-end convention makes csv-parse's line count match what an editor shows (it counts CR and LF of a
  // CRLF inside a quoted cell as two lines otherwise). Newlines inside cells become LF, their meaning
  // unchanged.
  return text.replace(/\r\n?/g, '\n');
}

/** How reading the records ended: completely, or at a record csv-parse could not finish. */
export interface RecordsEnd {
  readonly failure?: { readonly code: string; readonly message: string; readonly line: number };
}

/**
 * Calls `onRecord(cells, line)` for every record, in order, synchronously. csv-parse's `on_record` hook is
 * used instead of reading the stream so that the records before a fatal error (an unclosed quote) are all
 * delivered.
 */
export async function readRecords(
  text: string,
  delimiter: string,
  onRecord: (cells: string[], line: number) => void,
): Promise<RecordsEnd> {
  // Loaded on first use, like every source's parser library: a run without a diary need not load it.
  const { parse } = await import('csv-parse');
  return new Promise((resolve) => {
    let lastLine = 0;
    const parser = parse({
      delimiter,
      info: true,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: '\n',
      max_record_size: MAX_RECORD_CHARS,
      // With `info: true` each record arrives as { record, info }; `info.lines` is the line it ends on.
      on_record: (item: unknown) => {
        const { record, info } = item as { record: string[]; info: { lines: number } };
        onRecord(record, lastLine + 1);
        lastLine = info.lines;
        return null;
      },
    });
    parser.on('data', () => {});
    parser.on('error', (err: Error & { code?: string }) =>
      resolve({ failure: { code: err.code ?? 'CSV_ERROR', message: err.message, line: lastLine + 1 } }),
    );
    parser.on('end', () => resolve({}));
    parser.end(text);
  });
}
