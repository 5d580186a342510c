/**
 * Getting a diary's text and its records. A diary is small by nature, so it is read whole (which is what lets
 * an invalid UTF-8 byte on the last line still switch the whole file to Windows-1252, also behind a UTF-8
 * byte-order mark, which some programs add to any file), under a hard cap.
 * Records come from csv-parse; each carries the 1-based line on which it starts. A row whose quoted cell runs on
 * over the rows after it is no record: it is reported with its line and reading starts again after it. So is a row
 * longer than csv-parse reads one (`MAX_RECORD_CHARS` of cell contents) or of more cells than it is given one
 * (`MAX_RECORD_CELLS`, ../row-cells.ts), after its last line.
 */
import { blankRows, expectEachRecordsLength } from '../csv-parse-records.js';
import { RowCells } from '../row-cells.js';
import type { SourceContext, SourceInput } from '../source.js';
import { SourceFailure } from '../source.js';
import { decodeBytes, warnUtf16WithoutBom } from '../text.js';
import { cellStart, LineCursor, recordEnd, runOnSpan } from './run-on-quotes.js';

/** Larger than any diary a person keeps by hand; a bigger file is almost certainly the wrong file. */
export const MAX_DIARY_BYTES = 200 * 1024 * 1024;

/** A record's cells can be long (pasted messages), but not this long. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

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
  const { text, encoding, invalidLine, utf8Bom, bomless } = decodeBytes(Buffer.concat(chunks));
  if (bomless) warnUtf16WithoutBom(ctx, encoding);
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

/**
 * How reading the records ended: completely, or at a record csv-parse could not finish, or at a run-on row after
 * which reading again would have cost too much (code `RUN_ON_LIMIT`; `runOns`: the run-on rows before it).
 */
export interface RecordsEnd {
  readonly failure?: {
    readonly code: string;
    readonly message: string;
    readonly line: number;
    readonly runOns?: number;
  };
}

/** A row whose quoted cell runs on over the rows after it (run-on-quotes.ts): not read; reading goes on after. */
export interface RunOnRow {
  /** The row's first line. */
  readonly line: number;
  /** The line the unclosed quote is on (the row's own, unless a closed quoted cell of several lines came first). */
  readonly quoteLine: number;
  /** The cell from its opening quote to the end of that line, shortened. */
  readonly cell: string;
  /** The line of the later quote that closed it, or undefined when nothing did. */
  readonly closedOn: number | undefined;
}

/**
 * A row longer than `MAX_RECORD_CHARS` (a picture or a whole file pasted into a cell), or of more cells than
 * `MAX_RECORD_CELLS`: not read; reading goes on after.
 */
export interface TooLongRow {
  /** The row's first line. */
  readonly line: number;
  /** The row's last line (its quoted cells may hold line ends). */
  readonly lastLine: number;
  /** Its length in characters. */
  readonly chars: number;
  /**
   * What it is over: `MAX_RECORD_CHARS` of cell contents, or `MAX_RECORD_CELLS` cells (../row-cells.ts), which empty
   * cells (`"",""`) reach without any contents.
   */
  readonly over: 'chars' | 'cells';
}

/** How the records of a diary are read. */
export interface RecordReading {
  readonly delimiter: string;
  /** Whether a line looks like a diary row of its own (a date in the Date column), to tell a run-on quote. */
  readonly startsRow: (line: string) => boolean;
  readonly onRecord: (cells: string[], line: number) => void;
  readonly onRunOn: (row: RunOnRow) => void;
  readonly onTooLong: (row: TooLongRow) => void;
  /**
   * For a row read whole whose quoted cell runs over lines that start like rows of their own (`startsRow`), before
   * its `onRecord`: the row's first line and the first such line. A pasted chat in a description does that, and so
   * does a cell left open and closed by a quote in a later row's words, which this cannot tell apart.
   */
  readonly onDatedLinesInCell?: (line: number, dated: number) => void;
}

/**
 * The first piece of the text csv-parse is given on each reading, and the largest (characters). The first is
 * small, a few lines, since each reading again after a run-on row is charged what it was given (`readRecords`):
 * a run-on row over two short lines then costs about those lines, not a large piece.
 */
const FIRST_PIECE = 256;
const MAX_PIECE = 1024 * 1024;

/**
 * What each reading again is charged besides the text it was given (characters): a new parser and its setup cost
 * about as much as reading a short piece, so a file where every short row runs on stops after a thousand or so
 * readings again (the budget's fixed part), not after hundreds of thousands.
 */
const RE_READ_COST = 1024;

/** Thrown from csv-parse's record hook to stop it at a run-on row; never leaves `readRecords`. */
class RunOn extends Error {
  constructor(readonly row: RunOnRow) {
    super('run-on quoted cell');
  }
}

/**
 * Calls `onRecord(cells, line)` for every record, in order, synchronously, and `onRunOn` for a row whose quoted
 * cell runs on over the rows after it (never closed, or closed only by a later row's quote when a line it runs
 * over starts a row of its own): that row is not a record, and reading starts again on the line after its quote,
 * so each later row is read with its own line. csv-parse's `on_record` hook is used instead of reading the stream
 * so that the records before a fatal error are all delivered. Reading again after a run-on reads the lines it ran
 * over twice (each reading stops at its run-on row, so costs about that row's lines); a file of such rows that
 * would cost more than a few readings of the whole text stops at the first one that would go over (`RUN_ON_LIMIT`),
 * the rows after it not read. A row too long to read (`onTooLong`) is passed over the same way, reading starting
 * again on the line after its last, which is found by reading its quotes (`recordEnd`), so the rows after it are
 * read with their own lines and the file's dates are all seen.
 */
export async function readRecords(text: string, reading: RecordReading): Promise<RecordsEnd> {
  const lines = new LineCursor(text);
  let budget = 4 * text.length + 1024 * 1024;
  let from = 1;
  let runOns = 0;
  for (;;) {
    const offset = lines.start(from);
    const end = await readFrom(text, offset, from - 1, reading, lines);
    if ('tooLong' in end) {
      // Nothing is read twice: reading starts again after the row's last line, past where csv-parse stopped.
      reading.onTooLong(end.tooLong);
      from = end.tooLong.lastLine + 1;
      if (lines.start(from) >= text.length) return {};
      continue;
    }
    if (!('runOn' in end)) return end;
    const { row, readTo } = end.runOn;
    budget -= readTo - offset + RE_READ_COST;
    if (budget < 0)
      return {
        failure: { code: 'RUN_ON_LIMIT', message: 'Too many run-on quotes', line: row.line, runOns },
      };
    reading.onRunOn(row);
    runOns++;
    from = row.quoteLine + 1;
    if (lines.start(from) >= text.length) return {};
  }
}

/**
 * One reading of the records from `offset`, the start of the line after `before` lines: to the end, or to the
 * first run-on row (its description, and how far into the text csv-parse had read).
 */
async function readFrom(
  text: string,
  offset: number,
  before: number,
  reading: RecordReading,
  lines: LineCursor,
): Promise<RecordsEnd | { runOn: { row: RunOnRow; readTo: number } } | { tooLong: TooLongRow }> {
  // Loaded on first use, like every source's parser library: a run without a diary need not load it.
  const { parse } = await import('csv-parse');
  const { delimiter, startsRow, onRecord } = reading;
  /** The run-on row whose text starts on `line` (`raw`: its lines), or undefined when it runs on over none. */
  const runOn = (raw: string, line: number): RunOnRow | undefined => {
    const span = runOnSpan(raw, delimiter, startsRow);
    if (!span) return undefined;
    return {
      line,
      quoteLine: line + span.opened,
      cell: cellStart(raw, span.at),
      closedOn: span.closed === undefined ? undefined : line + span.closed,
    };
  };
  let read = offset;
  /**
   * A row too large to read, starting on `line`: csv-parse stops inside it (or is never given all of it), so where
   * it ends is read from its quotes. A row that large because a quote left open ran on over the rows after it is
   * that run-on row, rejected as one.
   */
  const passOver = (line: number, over: TooLongRow['over']) => {
    const start = lines.start(line);
    const raw = text.slice(start, recordEnd(text, start, delimiter));
    const row = runOn(raw, line);
    // Charged to the row's end, which was read to find it, or to where the parser was given text, if further.
    if (row) return { runOn: { row, readTo: Math.max(read, start + raw.length) } };
    return { tooLong: { line, lastLine: line + countLineEnds(raw), chars: raw.length, over } };
  };
  // Set before a run-on row is thrown from the record hook: csv-parse reports the error, but `destroyed` is not
  // set until later, and writing on would make every re-reading read the whole rest of the text. An error of
  // csv-parse's own (a row over `MAX_RECORD_CHARS`) sets `errored` at once, and its event comes later too.
  let stopped = false;
  return new Promise((resolve) => {
    let lastLine = 0;
    /**
     * Blank lines are skipped by csv-parse (`skip_empty_lines`) and counted in its `info.empty_lines`; each is given
     * here as the empty row it is, at its line, before the row after it. Why: read as a row, each blank line has
     * fewer cells than the header, and csv-parse built an error object for it even when told to allow that (with a
     * JSON copy of its state): 200,000 blank lines took 13 s. (The record hook now spares that every short row,
     * ../csv-parse-records.ts.)
     */
    const blankRowsUpTo = blankRows(() => onRecord([''], before + ++lastLine));
    // The first line of a row over MAX_RECORD_CELLS, once one is found.
    let overCells: number | undefined;
    const parser = parse({
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: '\n',
      max_record_size: MAX_RECORD_CHARS,
      // The hook's second argument is csv-parse's count so far: `info.lines` is the line the record ends on. (Not
      // `info: true`, which builds that object a second time for every record, to wrap the record in.)
      on_record: ((record: string[], info: { lines: number; empty_lines: number }) => {
        expectEachRecordsLength(parser);
        blankRowsUpTo(info.empty_lines);
        const line = before + lastLine + 1;
        const last = before + info.lines;
        // A record over several lines: a quoted cell spans them, rightly or run on over later rows.
        if (last > line) {
          const raw = lines.lines(line, last);
          const row = runOn(raw, line);
          if (row) {
            stopped = true;
            throw new RunOn(row);
          }
          if (reading.onDatedLinesInCell) {
            const k = raw.split('\n').findIndex((l, i) => i > 0 && startsRow(l));
            if (k > 0) reading.onDatedLinesInCell(line, line + k);
          }
        }
        onRecord(record, line);
        lastLine = info.lines;
        return null;
      }) as never,
    });
    parser.on('data', () => {});
    parser.on('error', (err: Error & { code?: string }) => {
      if (!(err instanceof RunOn)) blankRowsUpTo(parser.info.empty_lines);
      const line = before + lastLine + 1;
      if (err instanceof RunOn) {
        resolve({ runOn: { row: err.row, readTo: read } });
        return;
      }
      if (err.code === 'CSV_MAX_RECORD_SIZE') {
        resolve(passOver(line, 'chars'));
        return;
      }
      const row = err.code === 'CSV_QUOTE_NOT_CLOSED' ? runOn(lines.lines(line), line) : undefined;
      if (row) resolve({ runOn: { row, readTo: read } });
      else resolve({ failure: { code: err.code ?? 'CSV_ERROR', message: err.message, line } });
    });
    parser.on('end', () => {
      // csv-parse counts the end of a text that ends with a line end as one more empty line.
      blankRowsUpTo(parser.info.empty_lines - (read > offset && text.charCodeAt(read - 1) === 0x0a ? 1 : 0));
      resolve(overCells === undefined ? {} : passOver(overCells, 'cells'));
    });
    // In pieces that end at a line end (never inside a character), small at first and growing: a reading that
    // stops at a run-on row soon after it starts has not copied the rest of the text. Each piece's rows are counted
    // before csv-parse is given it: a row over MAX_RECORD_CELLS is never given to it whole.
    const cells = new RowCells(text, offset, delimiter);
    let size = FIRST_PIECE;
    while (read < text.length && !stopped && !parser.errored && !parser.destroyed) {
      const nl = read + size >= text.length ? -1 : text.indexOf('\n', read + size);
      const end = nl < 0 ? text.length : nl + 1;
      const over = cells.upTo(end);
      if (over !== undefined) {
        overCells = before + 1 + countLineEnds(text.slice(offset, over));
        if (over >= read) {
          // The rows before it are read to its first line, the last of them when csv-parse is told the text ends
          // there (it holds a row back until it is given what follows); 'end' then passes this row over.
          parser.write(text.slice(read, over));
          read = over;
          if (!stopped && !parser.errored && !parser.destroyed) parser.end();
        } else if (!stopped && !parser.errored && !parser.destroyed) {
          // The row began in a piece csv-parse was given, after the line end of the row before it, which it has
          // read (it holds back only a row's last line end, until it is given more).
          stopped = true;
          blankRowsUpTo(parser.info.empty_lines);
          parser.destroy();
          resolve(passOver(overCells, 'cells'));
        }
        return;
      }
      parser.write(text.slice(read, end));
      read = end;
      size = Math.min(size * 2, MAX_PIECE);
    }
    if (!stopped && !parser.errored && !parser.destroyed) parser.end();
  });
}

function countLineEnds(raw: string): number {
  let n = 0;
  for (let i = raw.indexOf('\n'); i >= 0; i = raw.indexOf('\n', i + 1)) n++;
  return n;
}
