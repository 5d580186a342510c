/**
 * Hand-kept incident diary saved from a spreadsheet as CSV, as stalking advocates tell victims to keep:
 *
 *   Date,Time,Type of contact,What happened,Location,Witnesses,Reported to police (Y/N),Crime ref
 *   03/02/2024,21:40,Text message,6 texts in 10 minutes from 07700 900123,Home,None,Y,CR/000111/24
 *   04/02/2024,approx 8am,Turned up in person,"Parked opposite the house.
 *   Still there at 8:45.",Elm Road,Neighbour,N,
 *   Datum;Uhrzeit;Art;Beschreibung;Ort;Zeugen;Anzeige erstattet;Aktenzeichen
 *   03.02.2024;ca. 8 Uhr;persönlich;"Auto gegenüber geparkt; 0,75 h";Straße;;nein;
 *
 * One row is one event: the subject's conduct, `incoming`, with the description as text, the type of contact
 * mapped to channel and kind (`DIARY_CONTACT_TYPES`) and the other columns kept as `details` under stable
 * keys (`DIARY_COLUMNS`); a column the table does not know is kept under a key made from its header
 * (`vehicle`, `column_6` for an unnamed one), and an approximate time or a serial date is kept as written
 * (`time_as_written`, `date_as_written`). Times are wall-clock (`local`) in the case zone, except a Date cell
 * written as an ISO 8601 stamp with its UTC offset (`2024-02-03T21:40:00Z`, `…T21:40+01:00`,
 * `2024-02-03 21:40:00+0100`), as diary apps export them: that is the instant it states (`instant`, minute
 * precision, or second when its seconds are not zero), kept as written (`date_as_written`). Record flags:
 * `time-approximate` (also on a date-only row whose time is a bound, "after 10pm", or an hour without am/pm),
 * `time-range`, `time-spoken-or-range` ("5 to 10pm" read as 21:55, which can also be 5pm to 10pm),
 * `time-part-of-day`, `time-unparsed`, `date-excel-serial`, `time-excel-fraction`, `time-local-mismatch` (the Date
 * and Time cells give different times), `contact-type-unmapped`, `via-third-party`. Lines above the header (blank,
 * or Excel's `sep=;`) are structure, not records. The header row again further down (two exports joined into one
 * file) is a record skipped as `repeated-header` when it names the same columns; one naming other columns is
 * rejected (`DIARY_HEADER_DIFFERS`), since the rows after it are still read with the first header's columns.
 *
 * Variants: `,` `;` tab or `|` delimiters (chosen by which one makes the header name most known columns; an
 * Excel `sep=;` first line is honoured); UTF-8 with or without BOM, UTF-16 with BOM or without one (warned,
 * text.ts utf16WithoutBom), Windows-1252 (warned);
 * CRLF/LF/CR; quoted multi-line cells; stray quotes inside cells; a cell that opens a quote and never closes it
 * (typed in a text editor): when nothing closes it, or only a later row's quote does (one standing where a cell
 * opens) and a line it runs over starts a row of its own, that row is rejected (`DIARY_QUOTE_NOT_CLOSED`) and
 * reading starts again on the line after its quote, so the rows after it keep their own lines (run-on-quotes.ts);
 * a row over 8 MiB (a picture or another file pasted into a cell), or of more than 20,000 cells (more than a
 * spreadsheet has columns: `"","",…` added by a program), is rejected (`DIARY_ROW_TOO_LARGE`) and reading
 * starts again after its last line, found from its quotes, so its neighbours keep the day/month order the file shows;
 * a closing quote with white space before the delimiter or line end closes a cell; rows with more cells than the
 * header (a non-empty extra cell rejects the row, `DIARY_TOO_MANY_CELLS`; empty ones are read, with one
 * `DIARY_EXTRA_EMPTY_CELLS` warning, since an unquoted delimiter may have moved the cells after it); dates day- or
 * month-first with `/ . -`,
 * ISO, month names (en/de/es/fr), Excel serial numbers, a date and time in one cell; free-text times.
 *
 * Decisions, each to keep the record honest rather than tidy:
 * - Day/month order is decided once per file from every date (a first part over 12 means day-first, a second
 *   part over 12 month-first, which settles it without a warning), unless that proof is thin: one or two such
 *   dates among many that could be either, which run forwards in time only read the other way, with neither the
 *   dots nor the region behind them (thin-proof.ts), is treated as no proof. `--date-order` always decides: a
 *   date that is no date in its order but one in another is rejected with its line and a hint naming the
 *   option, never one to correct the diary. When every date
 *   could be either, dotted dates are read day-first (nobody writes 2.25.2024) and otherwise the case region
 *   decides (US and a few others month-first, the rest day-first), with a warning. With no region, or when
 *   dates are written both ways, every row whose date depends on the order is rejected with its line and a
 *   hint to pass `--date-order`, because a silent guess would move every incident by months; rows dated
 *   otherwise (2024-02-03, 3 Feb 2024, 03/03/2024) are read, and the file is listed as read in part.
 * - "9:30" (hour 1 to 12, no am/pm, no leading zero; so too "7:30-8:30" and "from 7:30") is on the 24-hour
 *   clock, 09:30, unless at least one time in the diary gives its hour with am/pm or a word for the part of the
 *   day ("9:40 PM", "9ish pm", "8 in the evening", "11 at night", "8 Uhr abends") and none shows the 24-hour
 *   clock (an hour of 0 or over 12 without such a word, or a leading zero: "21:40", "09:30", "0815"): then it
 *   could be morning or evening, as a bare "8" or "9-10" could. Such a row keeps only its date, flagged
 *   `time-approximate`, the words kept (`time_as_written`), with one `DIARY_HOUR_WITHOUT_AMPM` summary naming
 *   the first five (all six when there are six): the incident is counted on the day it happened, and never
 *   placed twelve hours off.
 * - A Date cell's stamp with a UTC offset gives the row's instant. A filled Time cell is checked against it, to
 *   the minute: an exact clock time that is neither the stamp's own time nor the stamp's time in the case zone
 *   (an app may write UTC beside a Time typed in local time) is a `DIARY_TIME_DISAGREES` warning naming the
 *   line; the stamp is used and the Time cell kept (`time_as_written`), as is one that says less than the stamp
 *   ("approx 9pm", "evening"). A stamp at midnight beside a filled Time cell is a date-only value as spreadsheets
 *   write one (`2024-02-03T00:00:00Z`): the row is read from its date and Time cell. A stamp that is no time
 *   (`T24:10Z`, offset `+15:00`) or whose zone is a name (`21:00 BST`, shared by several zones) is rejected with
 *   its line, and so is a zone after the time of a date not written year first (`13/07/2023 22:35 +01:00`),
 *   whatever the Time cell says: read without its zone the row would be an hour or more off. So is a zone in the
 *   Time cell (`21:00 BST`, `22:35:00-01:00`), a word after a time that is no zone chronolog knows (`21:00 XYZ`,
 *   named in the reason), and `22:35 -01:00`, which could be an offset or a range to 01:00 (zones.ts). One without
 *   an offset (`2024-02-03T21:40`) is wall-clock time as other diary times are.
 * - A time without a zone in the Date cell (`13/08/2024 21:00`) beside a filled Time cell: the Time cell's time
 *   is used, and the Date cell is kept (`date_as_written`). When both are exact clock times that differ, to the
 *   minute, the row is also flagged `time-local-mismatch` with a `DIARY_TIME_DISAGREES` warning naming the
 *   line, as for a stamp; midnight in the Date cell is a date alone, as a spreadsheet writes one. A Date cell that
 *   says the time is approximate ("13/06/2024 (approx)", "approx 9pm") flags the row `time-approximate`. A second
 *   date in the Date cell ("16/06/2024 & 17/06/2024") rejects the row: one row is one incident on one date.
 * - A blank or "same as above" Date is rejected, not copied from the row above: the diary did not say it; so is
 *   a date without a year ("3/6", "Mon 3rd June"), saying so: the year is never guessed; and so, each saying
 *   why, are a date the diary doubts ("19/06/2024?", "19/06/2024 ?": a "?" straight after the date), a span of
 *   days or a week ("3-4 June 2024", "w/c 3 June 2024"). A weekday the date contradicts, before or after it ("Fri
 *   8 June 2024", "8 June 2024 (Fri)", a Saturday) keeps the date as written, flagged `date-weekday-mismatch`
 *   (the cell in `date_as_written`), with a `DIARY_WEEKDAY_DISAGREES` warning naming the line; it never decides
 *   the day/month order, but a row rejected for want of one says which reading its weekday fits.
 * - An unreadable or impossible date or time rejects its row (with its line), and so does a real date outside
 *   the years 1900–2100 (`15/03/2204`), whose hint names the year the other rows suggest (`2024`) without
 *   applying it; a time in words the reader does not know ("after the school run") keeps the row at day
 *   precision, flagged and summarised, and so does a time written only as a bound ("after 10pm", "by 6pm"):
 *   "after 10pm" does not say when it happened, so no time is given, and the words are kept (`time_as_written`).
 * - The sender is `{ role: 'subject' }` unless a Who or Number column names someone; a name is then matched
 *   by the timeline against the case file, except words that only point at the subject ("him", "my ex").
 * - A column headed "What" in a diary with no description column is the type of contact, as the header table
 *   says, unless half of its filled cells or more have 6 words or more: then it holds what happened, and is read
 *   as the description, with one `DIARY_WHAT_READ_AS_DESCRIPTION` warning naming it and why: a cell of 6 words or
 *   more is the row's text, channel `other` (never guessed from its words), and a shorter one a type of contact,
 *   read as in a type column (what-column.ts). A type of contact is a word or a few; an account is a sentence.
 *   Beside another column naming the type of contact ("Type of contact", "Method"…), in either order, "What" is
 *   the description (a detail when there is a description column too), with no warning (headers.ts).
 *
 * Not supported: title rows above the header (delete them), Excel's 1904 date system (old Mac workbooks are
 * 4 years and a day off; the serial-date warning says so), MacRoman, `.xlsx` files
 * (save as CSV), and guessing the channel from the description when there is no Type column.
 */
import { HAND_KEPT_TIMES } from '../../model/time-range.js';
import type { Probe, Source, SourceContext, SourceInput } from '../source.js';
import { SourceFailure } from '../source.js';
import { DIARY_CONTACT_TYPES } from './channels.js';
import {
  applyOrder,
  collectOrder,
  collectRowOrder,
  decideOrder,
  forcedOrder,
  type OrderStats,
} from './date-order.js';
import { dateShapedTime } from './date-shaped-times.js';
import { readDateCell } from './dates.js';
import { fold, words } from './fold.js';
import { DIARY_COLUMNS, type HeaderLayout, mapHeader, readHeaderLine, splitLine } from './headers.js';
import { Layout } from './layout.js';
import { MAX_DIARY_BYTES, type RunOnRow, readDiaryText, readRecords } from './read.js';
import { RowReader } from './row.js';
import { warnSummaries } from './summary.js';
import { clockStyle } from './times.js';
import { addWhatCell, readsAsAccount, type WhatCells, whatColumn } from './what-column.js';
import { DiaryYears } from './years.js';

export { DIARY_CONTACT_TYPES, DIARY_THIRD_PARTY } from './channels.js';
export { DIARY_COLUMNS } from './headers.js';

const NOT_A_DIARY = new Set(
  words(`
    authorid | amount | balance | debit | credit | paid in | paid out | money in | money out | betrag |
    saldo | importe | montant | solde
  `),
);
const BLANK_LINE = /^[\s,;\t|]*$/;
const SEP_LINE = /^sep=(.)$/i;
/** Lines before the header that are looked at; a diary's header is on its first non-empty line. */
const MAX_LEADING_LINES = 50;

/** Where the header is: its line, its text and its layout (undefined when it names no Date column). */
interface HeaderAt {
  readonly line: number;
  readonly text: string;
  readonly layout: HeaderLayout | undefined;
}

function findHeader(text: string): HeaderAt | undefined {
  const lines = text.split(/\r\n|\r|\n/, MAX_LEADING_LINES);
  let sep: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLANK_LINE.test(line)) continue;
    const directive = sep ? undefined : SEP_LINE.exec(line.trim());
    if (directive) {
      sep = directive[1]!;
      continue;
    }
    return { line: i + 1, text: line, layout: readHeaderLine(line, sep) };
  }
  return undefined;
}

/** The longest Date cell looked at when telling whether a line starts a row: a date and time are far shorter. */
const MAX_DATE_CELL = 80;

/**
 * Whether a line, read on its own, starts a diary row: at least two cells, the one in the Date column a date
 * (a quoted cell running on over such lines has run on over rows of their own, run-on-quotes.ts).
 */
function rowStart(delimiter: string, dateAt: number): (line: string) => boolean {
  return (line) => {
    const cells = splitLine(line, delimiter);
    const date = cells[dateAt]?.trim() ?? '';
    return (
      cells.length >= 2 && date !== '' && date.length <= MAX_DATE_CELL && readDateCell(date) !== undefined
    );
  };
}

/**
 * Reading stopped at a run-on row because reading again after each of the many before it would have cost too much
 * (read.ts): the rows before it were read, each run-on rejected with its line; the rows from it on were not.
 */
function runOnLimit(line: number, before: number): SourceFailure {
  return new SourceFailure(
    'DIARY_QUOTE_NOT_CLOSED',
    `The row starting on line ${line} opens a quoted cell that is not closed on its own line, as ${before} ${before === 1 ? 'row' : 'rows'} before it did (each rejected with its line); reading stopped there because the file has too many unclosed quotes to read each row again after them, so the rows from line ${line} on were not read`,
    line,
    `Open the file in a text editor and add the missing closing quote (") to the row on line ${line} and to each row rejected for an unclosed quote (a quote that is part of the words is written twice: ""), then re-run`,
  );
}

/** The header row itself opens a quoted cell that runs on: no column can be told. */
function headerRunOn(row: RunOnRow): SourceFailure {
  return new SourceFailure(
    'DIARY_QUOTE_NOT_CLOSED',
    `The header row opens a quoted cell (${row.cell}) whose closing double quote is missing, so its columns cannot be told`,
    row.line,
    `Add the missing double quote (") at the end of that column name on line ${row.quoteLine}, then re-run`,
  );
}

async function parseDiary(input: SourceInput, ctx: SourceContext): Promise<void> {
  const text = await readDiaryText(input, ctx);
  const header = findHeader(text);
  if (!header?.layout)
    throw new SourceFailure(
      'DIARY_NO_DATE_COLUMN',
      header
        ? `The header row "${header.text.slice(0, 120)}" names no Date column`
        : 'The file has no header row within its first lines',
      header?.line,
      'The first non-empty row must hold the column names, one of them Date (Datum, Fecha…); delete title rows above it',
    );
  const { delimiter } = header.layout;
  const stats: OrderStats = { allDotted: true };
  // The years of the Date cells, for the hint on a year typed wrong; read year-first too when --date-order ymd
  // asks. Day- and month-first give the same year.
  const years = new DiaryYears();
  const yearFirst = ctx.options.dateOrder === 'ymd' ? new DiaryYears() : undefined;
  // Whether the diary writes its times with am/pm (the first such line) and whether any shows the 24-hour clock.
  const clocks = { twelve: 0, twentyFour: false };
  let layout: Layout | undefined;
  // A What column in a diary with no description column: its cells, to tell a type from an account.
  let what: WhatCells | undefined;
  const startsRow = rowStart(delimiter, header.layout.fields.indexOf('date'));
  const onHeaderRunOn = (row: RunOnRow): void => {
    if (row.line <= header.line) throw headerRunOn(row);
  };
  await readRecords(text, {
    delimiter,
    startsRow,
    onRunOn: onHeaderRunOn,
    // A row too long to read gives no date; the rows after it are read, and give theirs.
    onTooLong: () => {},
    onRecord: (cells, line) => {
      if (line < header.line) return;
      if (line === header.line) {
        layout = new Layout(cells, mapHeader(cells), line);
        what = whatColumn(layout);
        return;
      }
      // The header again (two exports joined): its cells are column names, not a date or a time.
      if (layout!.headerAgain(cells) !== undefined) return;
      if (what) addWhatCell(what, (cells[what.column] ?? '').trim(), line);
      const dateValue = layout!.cell(cells, 'date');
      const dated = dateValue === '' ? undefined : readDateCell(dateValue);
      const time = layout!.cell(cells, 'time') || (dated && dated.kind !== 'serial' ? dated.rest : '');
      // "17.06.24" of "16.06.24 17.06.24" is a second date (date-shaped-times.ts), no sign of the 24-hour clock.
      const dateShaped = dated !== undefined && dateShapedTime(time, dateValue, dated, ['dmy', 'mdy']);
      const style = time === '' || dateShaped ? undefined : clockStyle(time);
      if (style === '12h') clocks.twelve ||= line;
      else if (style === '24h') clocks.twentyFour = true;
      for (const field of ['date', 'recorded_at'] as const) {
        const value = field === 'date' ? dateValue : layout!.cell(cells, field);
        const cell = field === 'date' ? dated : value === '' ? undefined : readDateCell(value);
        if (!cell) continue;
        collectOrder(stats, cell, line, value);
        if (field === 'date') {
          collectRowOrder(stats, cell, line, value);
          years.add(applyOrder(cell, 'dmy').y);
          yearFirst?.add(applyOrder(cell, 'ymd').y);
        }
      }
    },
  });
  if (!layout)
    throw new SourceFailure(
      'DIARY_NO_DATE_COLUMN',
      'The header row could not be read',
      header.line,
      'Open the file in a spreadsheet or text editor and check that its first non-empty row holds the column names, one of them Date (Datum, Fecha…), separated by commas, semicolons, tabs or |',
    );
  if (what && readsAsAccount(what)) layout = layout.withAccount(what);
  const decided = decideOrder(stats, ctx.options, input.path);
  if (decided.code) ctx.warn(decided.code, decided.locator, decided.message!, decided.hint);
  const twelveHourLine = clocks.twentyFour ? undefined : clocks.twelve || undefined;
  const reader = new RowReader(
    layout,
    decided.order,
    ctx,
    decided.order === 'ymd' && yearFirst ? yearFirst : years,
    decided.undecided,
    twelveHourLine,
    forcedOrder(decided, stats, ctx.options.dateOrder),
  );
  const end = await readRecords(text, {
    delimiter,
    startsRow,
    // Lines above the header are blank or an Excel `sep=` directive: file structure, like the header itself.
    onRecord: (cells, line) => {
      if (line > header.line) reader.row(cells, line);
    },
    onRunOn: (row) => reader.runOn(row),
    onTooLong: (row) => {
      if (row.line > header.line) reader.tooLong(row);
    },
    onDatedLinesInCell: (line, dated) => reader.datedLines(line, dated),
  });
  warnSummaries(layout, reader, ctx);
  if (end.failure?.code === 'RUN_ON_LIMIT') throw runOnLimit(end.failure.line, end.failure.runOns ?? 0);
  if (end.failure) {
    const unclosed = end.failure.code === 'CSV_QUOTE_NOT_CLOSED';
    throw new SourceFailure(
      unclosed ? 'DIARY_QUOTE_NOT_CLOSED' : 'DIARY_CSV_UNREADABLE',
      unclosed
        ? `The row starting on line ${end.failure.line} opens a quoted cell that is never closed, so the rest of the file cannot be read`
        : `The CSV cannot be read from line ${end.failure.line}: ${end.failure.message}`,
      end.failure.line,
      unclosed
        ? `Open the file in a text editor and add the missing closing quote (") in the row on line ${end.failure.line}`
        : 'Open the file in a spreadsheet, check the row, and export it again as CSV',
    );
  }
  // Read to the end, with the rows whose date needed the order rejected: the file is still read in part. (When
  // none did, as when only a Recorded-at column, kept as written, mixes orders, nothing was left unread.)
  const { undated } = reader;
  if (decided.undecided && undated.count > 0) {
    const { failure } = decided.undecided;
    const rows =
      undated.count === 1
        ? `the 1 row whose date depends on it (line ${undated.line}) was rejected with its line`
        : `the ${undated.count} rows whose dates depend on it (the first on line ${undated.line}) were rejected with their lines`;
    throw new SourceFailure(
      failure.code,
      `${failure.message}; ${rows}, not placed in time`,
      failure.locator,
      failure.hint,
      true,
    );
  }
}

/** Hand-kept incident diaries in CSV (see the module comment for the format and the decisions). */
export const csvDiary: Source = {
  id: 'csv-diary',
  label: 'Incident diary (CSV, kept by hand)',
  reads:
    'One row per incident: date, time, type of contact, what happened, place, witnesses, police reference…',
  recognisedBy:
    'The first non-empty row is a header with a Date column and a Time, Description or Type-of-contact column (English, German, Spanish or French names)',
  howToExport: `Spreadsheet: File → Save as / Download → CSV (UTF-8 preferred); files over ${MAX_DIARY_BYTES / 1024 / 1024} MB are refused`,
  extensions: ['.csv', '.tsv', '.txt'],
  times: HAND_KEPT_TIMES,
  readsUtf16WithoutBom: true,
  tables: [
    {
      title: 'Column headings recognised (case and punctuation ignored)',
      columns: ['field', 'headings'],
      rows: DIARY_COLUMNS.map((c) => [c.field, c.headers.join(', ')]),
    },
    {
      title:
        'Type of contact → channel (first matching rule wins; unmatched values become "other" and are listed)',
      columns: ['channel/kind', 'words'],
      rows: DIARY_CONTACT_TYPES.map((r) => [
        r.kind ? `${r.channel}/${r.kind}` : r.channel,
        r.keywords.join(', '),
      ]),
    },
  ],
  detect(probe: Probe): boolean {
    const header = findHeader(probe.text);
    if (!header?.layout) return false;
    // Look-alikes with a Date and a Description: DiscordChatExporter's CSV (a chat log) and bank statements.
    if (header.layout.cells.some((c) => NOT_A_DIARY.has(fold(c)))) return false;
    return header.layout.fields.some((f) => f === 'time' || f === 'description' || f === 'contact_type');
  },
  parse: parseDiary,
};
