/**
 * The rows of a DCE CSV, streamed through csv-parse with the line each row starts on (a quoted cell may hold
 * newlines). The header decides the delimiter: `,`, or `;` in 2019 exports. A row too large to be a DCE row (over
 * `MAX_ROW_CHARS` characters or `MAX_RECORD_CELLS` cells) is never given to csv-parse (row-gate.ts): it is rejected
 * at its line and reading goes on with the next row.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { thousands } from '../../model/format.js';
import { blankRows, expectEachRecordsLength } from '../csv-parse-records.js';
import { rejectBrokenRecord, rejectCutRecord } from '../cut-record.js';
import { decodedText } from '../discord-json/json-walk.js';
import { MAX_RECORD_CELLS } from '../row-cells.js';
import { type SourceContext, SourceFailure, type SourceInput } from '../source.js';
import { type LargeRow, MAX_ROW_CHARS, RowGate } from './row-gate.js';

/** The header row of every DCE CSV layout since 2019 (any case, quoted or not). */
export const HEADER =
  /^\s*"?(?:authorid"?([,;])"?)?author"?([,;])"?date"?[,;]"?content"?[,;]"?attachments"?(?:[,;]"?reactions"?)?[,;]?\s*$/i;
/** A line break inside a cell, as an editor counts lines: CRLF is one. */
const LINE_BREAK = /\r\n|\r|\n/g;
/** Longer than any DCE header row; a first line longer than this is not one. */
const MAX_HEADER_CHARS = 64 * 1024;
/**
 * csv-parse's own cap on a row, which the rows it is given never reach (row-gate.ts keeps every row to
 * `MAX_ROW_CHARS` characters, each at most 3 bytes of UTF-8): a guard, should that ever fail.
 */
const MAX_RECORD_BYTES = 3 * MAX_ROW_CHARS + 1024;
/** What to do about a damaged DCE CSV. */
export const HINT =
  'Export the channel again with DiscordChatExporter, preferably as JSON, which keeps message ids and types.';

/** Where each column is, from the header row. */
export interface Columns {
  id: number | undefined;
  author: number;
  date: number;
  content: number;
  attachments: number;
  reactions: number | undefined;
  count: number;
}

/** The columns named by a header row. */
export function columnsOf(header: string[]): Columns {
  const at = (name: string) => {
    const i = header.findIndex((h) => h.trim().toLowerCase() === name);
    return i < 0 ? undefined : i;
  };
  return {
    id: at('authorid'),
    author: at('author')!,
    date: at('date')!,
    content: at('content')!,
    attachments: at('attachments')!,
    reactions: at('reactions'),
    count: header.length,
  };
}

/**
 * Streams the rows of `input` through csv-parse; `onRow` gets each row's cells and the line it starts on and may
 * return false to stop. A file cut inside a row (inside a quoted cell, or in a last row that is not whole: see
 * `cutShort`), or broken by a CSV error, throws `SourceFailure` after the rows before it; with `ctx`, the row it
 * stopped in is first rejected at its line (never handed to `onRow`).
 */
export async function readRows(
  input: SourceInput,
  ctx: SourceContext | undefined,
  onRow: (cells: string[], line: number) => unknown,
): Promise<void> {
  let stopped = false;
  let nextLine = 1;
  let header: string[] | undefined;
  // The last two characters of the text: whether the file ends with a line break, a closing quote or a delimiter.
  let tail = '';
  // Set once the whole text is written: the rows csv-parse hands over from then on are held back, so that the
  // last one, which no line break may follow, can be judged before it is read.
  let flushing = false;
  // A row's cells, or a row too large to read, and the line it starts on.
  const held: [string[] | LargeRow, number][] = [];
  const texts = decodedText(input, ctx ? (n) => ctx.progress(n) : undefined);
  // The header line decides the delimiter (`;` in 2019 exports) and the line break: gather text until it is
  // complete. The pieces are pulled with next(), not a for-await loop: leaving such a loop with `break` closes
  // the generator, and every row past the first chunk (64 KiB from disk) would be lost with a false "ends inside
  // a quoted cell".
  let head = '';
  for (;;) {
    const piece = await texts.next();
    if (piece.done) break;
    head += piece.value;
    // A CR at the very end may be the first half of a CRLF: one more piece tells.
    if (/[\r\n]/.test(piece.value) && !head.endsWith('\r')) break;
    if (head.length > MAX_HEADER_CHARS) break; // no DCE header is this long: the rest streams as it comes
  }
  const br = /\r\n|\n|\r/.exec(head);
  const delimiter = HEADER.exec(br ? head.slice(0, br.index) : head)?.[2] ?? ',';
  // Loaded on first use: a run without a DiscordChatExporter CSV need not load it.
  const { parse } = await import('csv-parse');
  const parser = parse({
    delimiter,
    // The header's own line break, given rather than discovered: csv-parse's discovery allocates for every byte
    // until it finds one, which made a file that is one enormous line take minutes.
    record_delimiter: br ? br[0] : ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // Blank lines are skipped here and counted in `info.empty_lines`; each is given back (`blankRowsUpTo`) as the
    // row `['']` it was, at its line, before the row after it. Read as a row, each has fewer cells than the header,
    // and csv-parse built an error object for it even when told to allow that (with a JSON copy of its state):
    // 200,000 blank lines took 10.7 s. (The record hook now spares that every short row, ../csv-parse-records.ts.)
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
    on_record: ((record: string[], info: { empty_lines: number }) => {
      expectEachRecordsLength(parser);
      blankRowsUpTo(info.empty_lines);
      takeRecord(record);
      return null;
    }) as never,
  });
  // The next row's line is counted from this row's cells, not taken from csv-parse's `info.lines`: inside a
  // quoted cell csv-parse counts CR and LF each as a line, so every CRLF in a message (a file whose line
  // breaks were all converted to CRLF) pushed the locator of every later row one line too far.
  const takeRecord = (record: string[]): void => {
    takeLarge(records++);
    const line = nextLine;
    nextLine = line + 1 + record.reduce((n, cell) => n + (cell.match(LINE_BREAK)?.length ?? 0), 0);
    if (line === 1) header = record;
    if (flushing) held.push([record, line]);
    else if (!stopped && onRow(record, line) === false) stopped = true;
  };
  // The blank lines csv-parse skipped and counted, given back as rows up to the `emptyLines`th.
  const blankRowsUpTo = blankRows(() => takeRecord(['']));
  // The rows too large to read, kept from csv-parse, each taken in its place among the rows csv-parse reads (after
  // the `after` rows before it): its line is the one the rows before it lead to, and the next row's is counted on
  // from its own line breaks. A header too large (a file forced to be read as DCE CSV) stops the reading.
  const gate = new RowGate(delimiter, br ? (br[0] as '\n' | '\r' | '\r\n') : '\n');
  let records = 0;
  let taken = 0;
  let largeHeader: LargeRow | undefined;
  const takeLarge = (upTo: number): void => {
    while (taken < gate.passed.length && gate.passed[taken]!.after <= upTo) {
      const row = gate.passed[taken++]!;
      const line = nextLine;
      nextLine += row.breaks;
      if (line === 1) {
        largeHeader = row;
        stopped = true;
      } else if (flushing) held.push([row, line]);
      else if (!stopped && ctx) rejectLarge(ctx, row, line);
    }
  };
  // Each piece becomes UTF-8 bytes for csv-parse on its own. A UTF-16 decoder may end a piece between the two
  // halves of a surrogate pair (an emoji): alone, each half would turn into U+FFFD, so a trailing high half
  // waits for the next piece.
  // Likewise a CR at the end of a piece, in a file whose rows end in CRLF, waits to be joined by its LF. When the
  // file ends there instead (cut between the two), the CR is dropped: the row before it is whole, and read so, not
  // refused as a quote closed before a stray CR.
  const crlf = br?.[0] === '\r\n';
  let carry = '';
  const whole = (text: string): string => {
    tail = (tail + text).slice(-2);
    const all = carry + text;
    const last = all.charCodeAt(all.length - 1);
    const cut = (last >= 0xd800 && last <= 0xdbff) || (crlf && last === 0x0d) ? all.length - 1 : all.length;
    carry = all.slice(cut);
    return all.slice(0, cut);
  };
  // Pieces are written to the parser one by one, and it reads every row a piece completes before the next piece
  // is asked for: when the input fails (a disk error, a damaged archive member), every row before the failure is
  // read, and the failure is thrown as it is. The parser holds the last row back until it is told the text ended:
  // it is told so after a failure only when the text read ends with a line break, so a row the failure cut short
  // is never read.
  let parseError: (Error & { code?: string; lines?: number }) | undefined;
  parser.on('error', (err: Error) => {
    parseError ??= err;
  });
  parser.resume();
  let endsLine = false;
  // The parser is given only the whole rows of each piece (the gate holds the row a piece ends in).
  const write = async (text: string): Promise<void> => {
    if (text === '') return;
    endsLine = /[\r\n]$/.test(text);
    await give(gate.take(text));
  };
  // The last characters csv-parse was given: whether the text it read ends with a line end.
  let givenTail = '';
  const give = async (text: string): Promise<void> => {
    if (text === '') return;
    givenTail = (givenTail + text).slice(-2);
    if (parseError === undefined && !parser.write(text)) await once(parser, 'drain').catch(() => undefined);
  };
  let failure: unknown;
  try {
    await write(whole(head));
    // Leaving this loop early (a caller that stopped) closes `texts`, and with it the file.
    for await (const text of texts) {
      if (stopped || parseError !== undefined) break;
      await write(whole(text));
    }
  } catch (err) {
    failure = err;
  }
  if (!stopped && parseError === undefined && (failure === undefined || (endsLine && carry === ''))) {
    await write(carry === '\r' && crlf ? '' : carry);
    await give(gate.end());
    flushing = true;
    parser.end();
    await finished(parser).catch((err: Error) => {
      parseError ??= err;
    });
    if (parseError === undefined) {
      // The blank lines after the last row; csv-parse counts the end of a text that ends with a line end as one
      // more empty line.
      const endsRow = br ? givenTail.endsWith(br[0]) : /[\r\n]$/.test(givenTail);
      blankRowsUpTo(parser.info.empty_lines - (endsRow ? 1 : 0));
      // The rows too large to read after the last row csv-parse read.
      takeLarge(Number.POSITIVE_INFINITY);
    }
  } else if (!stopped && parseError === undefined) {
    // The input failed inside a row: csv-parse is given what was read of it, so that it reads the whole row
    // before it, but is never told that the text ended, so that this one is never read.
    await give(gate.end());
    blankRowsUpTo(parser.info.empty_lines);
    takeLarge(records);
  }
  if (parseError !== undefined) {
    // The blank lines before the row csv-parse stopped in, and the rows too large to read before it.
    blankRowsUpTo(parser.info.empty_lines);
    takeLarge(records);
  }
  // The last row is judged only when the file ends without a line break after it and csv-parse read it to the end
  // (a CSV error there is reported below instead), unless it is a row too large to read, rejected as such.
  const last =
    parseError === undefined && !/[\r\n]$/.test(tail) && !gate.endedPassing ? held.at(-1) : undefined;
  const stop =
    last && last[1] > 1 && header && Array.isArray(last[0])
      ? cutShort(last[0], header, delimiter, tail)
      : undefined;
  for (const [record, line] of held) {
    if (stopped || (stop !== undefined && record === last![0])) break;
    if (!Array.isArray(record)) {
      if (ctx) rejectLarge(ctx, record, line);
    } else if (onRow(record, line) === false) stopped = true;
  }
  if (failure !== undefined) throw failure;
  if (largeHeader !== undefined) {
    throw new SourceFailure(
      'DISCORD_CSV_INVALID',
      `The first row, which should be the header, ${tooLarge(largeHeader, 1)}; this is not a DCE CSV.`,
      1,
      HINT,
    );
  }
  if (stop !== undefined && last && !stopped) {
    const [, line] = last;
    if (ctx)
      rejectCutRecord(
        ctx,
        'DISCORD_CSV_RECORD_CUT_SHORT',
        line,
        `${stop}, at the end of line ${nextLine - 1}`,
      );
    throw new SourceFailure(
      'DISCORD_CSV_TRUNCATED',
      `The file ends inside the row that starts on line ${line}, ${stop}; the rows before it were kept.`,
      line,
      HINT,
    );
  }
  const e = parseError;
  if (e === undefined) return;
  // Every csv-parse error carries a code ('CSV_…' or e.g. 'INVALID_OPENING_QUOTE'): the file is unreadable from
  // here on, which is a SourceFailure; anything without a code is a bug and propagates.
  if (typeof e.code !== 'string') throw e;
  const cut = e.code === 'CSV_QUOTE_NOT_CLOSED';
  // The row reading stopped in was begun (the header, on line 1, is no record): it is counted, rejected at the
  // line it starts on, and never handed to `onRow` with the cells read so far. Only the pass that reports rows
  // (given `ctx`) says so; the date-order survey reads the same rows first and reports nothing.
  if (ctx && nextLine > 1) {
    if (cut) {
      const end = await lastLine(input);
      rejectCutRecord(
        ctx,
        'DISCORD_CSV_RECORD_CUT_SHORT',
        nextLine,
        `in a quoted cell, at the end of line ${end}`,
      );
    } else {
      rejectBrokenRecord(
        ctx,
        'DISCORD_CSV_RECORD_MALFORMED',
        nextLine,
        `line ${e.lines ?? nextLine}`,
        e.message.replace(/:.*$/s, ''),
      );
    }
  }
  throw new SourceFailure(
    cut ? 'DISCORD_CSV_TRUNCATED' : 'DISCORD_CSV_INVALID',
    cut
      ? `The file ends inside a quoted cell that starts on line ${nextLine}; the rows before it were kept.`
      : `The CSV cannot be read past line ${e.lines ?? nextLine}: ${e.message.replace(/:.*$/s, '')}.`,
    nextLine,
    HINT,
  );
}

/** What makes `row`, which starts on `line`, too large, in words: `is 12,345,678 characters long (lines 3 to 9), …`. */
function tooLarge(row: LargeRow, line: number): string {
  const last = line + row.breaks - (row.unended ? 0 : 1);
  const lines = last > line ? `lines ${line} to ${last}` : '';
  return row.over === 'cells'
    ? `has more than ${thousands(MAX_RECORD_CELLS)} cells (${thousands(row.chars)} characters${lines ? `, ${lines}` : ''})`
    : `is ${thousands(row.chars)} characters long${lines ? ` (${lines})` : ''}, over ${MAX_ROW_CHARS / 1048576} MiB`;
}

/** Rejects a row too large to read, which starts on `line`: the rows after it are read. */
function rejectLarge(ctx: SourceContext, row: LargeRow, line: number): void {
  ctx.reject(
    'DISCORD_CSV_ROW_TOO_LARGE',
    line,
    `This row ${tooLarge(row, line)}${row.unended ? ' and runs to the end of the file' : ''}; a DCE row has 6 or 7 cells and a message at most 4,000 characters, so it is not read${row.unended ? '' : '; the rows after it are read'}.`,
    'The file was damaged or made by another program; export the channel again with DiscordChatExporter, preferably as JSON.',
  );
}

/**
 * Where the last row of a file stops, when the file ends right after it without a line break and the row is not
 * whole; `undefined` when it is whole. DCE ends every row with a line break and quotes every cell (the 2019 layout
 * also ends every row with the delimiter), so a file that ends without one was cut short or edited. The row is
 * then whole only with all the header's cells and its last cell closed by its quote (and, where the header ends
 * with the delimiter, that delimiter after it): a file cut right after a cell's closing quote or after a delimiter
 * leaves a row that csv-parse reads without complaint, which would otherwise be kept with its later cells missing
 * (a photo read as a message with no content), or refused as a row edited in a spreadsheet.
 */
function cutShort(cells: string[], header: string[], delimiter: string, tail: string): string | undefined {
  // A header ending with the delimiter (2019) has an empty last cell: the cells it names are the ones before it.
  const trailing = header.length > 1 && header.at(-1)!.trim() === '';
  const named = header.length - (trailing ? 1 : 0);
  const closed = tail.endsWith('"');
  if (cells.length >= header.length && (trailing ? tail === `"${delimiter}` || closed : closed))
    return undefined;
  // Cells read whole: a closing quote ends the last cell; otherwise the last cell is one begun and not closed
  // (empty after a delimiter, or unquoted).
  const whole = closed ? cells.length : cells.length - 1;
  if (closed) {
    return whole < named
      ? `after cell ${whole} of ${named}`
      : 'after its last cell, before the delimiter that ends every row';
  }
  if (tail.endsWith(delimiter)) return `after cell ${whole} of ${named} and the delimiter after it`;
  return whole < named
    ? `in cell ${whole + 1} of ${named}, which is not quoted`
    : `in cell ${whole + 1}, which is not quoted`;
}

/**
 * The last line of a file cut short that holds any of its text, as an editor numbers lines (CRLF is one break):
 * a file ending in a line break ends at the end of the line before it.
 */
async function lastLine(input: SourceInput): Promise<number> {
  let breaks = 0;
  let cr = false;
  let tail = '';
  for await (const text of decodedText(input)) {
    if (text === '') continue;
    // A CRLF split between two pieces is one break: the LF after a CR that ended the last piece is not counted.
    breaks += (text.match(LINE_BREAK)?.length ?? 0) - (cr && text.startsWith('\n') ? 1 : 0);
    cr = text.endsWith('\r');
    tail = text.slice(-1);
  }
  return tail === '\n' || tail === '\r' ? Math.max(1, breaks) : breaks + 1;
}
