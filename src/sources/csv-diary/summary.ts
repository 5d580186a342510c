/**
 * The once-per-file warnings of a diary: columns kept without interpretation, contact types that map to no
 * channel, times written in words or as a bound, hours without am/pm, Excel serial dates. One warning per
 * distinct value or kind (capped), never one per row, so a long diary with one odd habit gives a short, readable
 * problem list.
 */
import { listed, shownOf } from '../../model/format.js';
import type { SourceContext } from '../source.js';
import type { Layout } from './layout.js';
import { MAX_EXAMPLES, type RowReader, type Tally } from './row.js';
import { ACCOUNT_WORDS, type WhatCells } from './what-column.js';

const MAX_LISTED = 20;

/** `"a", "b" and 3 more`: at most `max` values, or all of them when only one would be left over. */
function list(values: readonly string[], max: number): string {
  const { shown, more } = listed(values, max);
  const quoted = shown.map((v) => `"${v}"`).join(', ');
  return more > 0 ? `${quoted} and ${more} more` : quoted;
}

function rows(n: number): string {
  return n === 1 ? '1 row' : `${n} rows`;
}

/** What to do about a type of contact the synonym table does not map. */
const TYPE_HINT =
  'Use a recognised word in the type column (text, call, WhatsApp, e-mail, letter, in person…; see `chronolog formats`)';

/** Reports what the reader tallied while reading the rows. */
export function warnSummaries(layout: Layout, reader: RowReader, ctx: SourceContext): void {
  if (layout.unrecognised.length > 0)
    ctx.warn(
      'DIARY_UNRECOGNISED_COLUMNS',
      undefined,
      `Columns kept as details without being interpreted: ${list(layout.unrecognised, 10)}`,
      'Rename a column to a recognised name (see `chronolog formats`) if it should be read',
    );
  if (layout.account) warnAccount(layout.account, ctx);
  else if (reader.emitted > 0 && layout.index.contact_type === undefined)
    ctx.warn(
      'DIARY_NO_CONTACT_TYPE_COLUMN',
      undefined,
      'The diary has no type-of-contact column: every entry is counted as channel "other"',
      'Add a "Type of contact" column (text, call, WhatsApp, e-mail, letter, in person…) to count entries by channel',
    );
  if (reader.longRows.count > 0)
    ctx.warn(
      'DIARY_EXTRA_EMPTY_CELLS',
      reader.longRows.line,
      `${rows(reader.longRows.count)} read with more cells than the header's ${layout.cells.length} columns, the extra cells empty (first on line ${reader.longRows.line}): a delimiter at the end of the row, or one inside a cell that was not in double quotes, which moves every cell after it one column on`,
      'Check the Description and later columns of those rows in the original diary; a cell holding the delimiter needs double quotes',
    );
  const { dateOnly } = reader;
  if (dateOnly.count > 0)
    ctx.warn(
      'DIARY_DATE_ONLY_ROWS',
      dateOnly.line,
      `${rows(dateOnly.count)} with a date and nothing else (${dateOnly.count === 1 ? `line ${dateOnly.line}` : `first on line ${dateOnly.line}, last on line ${dateOnly.last}`}) not counted as incidents: a row records an incident only when it says something besides the date, such as a time, the type of contact or what happened`,
      'If one of those rows records an incident, write on it the type of contact or what happened (a time if known), then re-run',
    );
  const inCell = reader.datedLinesInCell;
  if (inCell.count > 0)
    ctx.warn(
      'DIARY_DATED_LINES_IN_CELL',
      `line ${inCell.line}`,
      `${rows(inCell.count)} with a quoted cell over several lines, some of which start with a date as rows of their own do (first: the row on line ${inCell.line}, its line ${inCell.dated}); those lines were read as part of the cell's text, not as rows`,
      `If the cell quotes dated lines (a chat pasted into a description), nothing is wrong. If they are rows of their own, a quote in the row on line ${inCell.line} is not closed where it should be: close it (a quote that is part of the words is written twice, ""), then re-run`,
    );
  if (reader.blankTypes.count > 0)
    ctx.warn(
      'DIARY_BLANK_CONTACT_TYPE',
      undefined,
      `${rows(reader.blankTypes.count)} with no type of contact (first on line ${reader.blankTypes.line}) counted as channel "other"`,
      'Fill in the type of contact on those rows to count them by channel',
    );
  let listed = 0;
  const unlisted: string[] = [];
  // 21 types get 21 warnings, not 20 and a "1 more" one.
  const warned = shownOf(reader.unmapped.size, MAX_LISTED);
  for (const [value, t] of reader.unmapped) {
    if (listed++ >= warned) {
      unlisted.push(value);
      continue;
    }
    ctx.warn(
      'DIARY_UNMAPPED_CONTACT_TYPE',
      undefined,
      `Unmapped contact type "${value}" (${rows(t.count)}, first on line ${t.line}) counted as channel "other", kind "other"`,
      TYPE_HINT,
    );
  }
  if (unlisted.length > 0)
    ctx.warn(
      'DIARY_UNMAPPED_CONTACT_TYPE',
      undefined,
      `${unlisted.length} more unmapped contact types counted as channel "other": ${list(unlisted, 10)}`,
      TYPE_HINT,
    );
  warnTimes(
    ctx,
    'DIARY_TIME_FREE_TEXT',
    reader.freeTimes,
    'Times written in words that name no time of day keep only their date',
    'Write a clock time (14:30, approx 8am) or a part of the day (morning, evening) to place them within the day',
  );
  const [bound] = reader.boundTimes.keys();
  warnTimes(
    ctx,
    'DIARY_TIME_BOUND',
    reader.boundTimes,
    'Times that say only before or after when something happened keep only their date, flagged approximate, with the time as written',
    `Nothing to change: "${bound}" does not say when it happened, so no time is given; each entry keeps its date and the words as written`,
  );
  const hours = reader.hoursWithoutAmPm;
  if (hours.count > 0) {
    const shown = hours.examples.slice(0, shownOf(hours.count, MAX_EXAMPLES));
    const examples = shown.map((e) => `"${e.written}" on line ${e.line}`);
    const more = hours.count > examples.length ? ` and ${hours.count - examples.length} more` : '';
    const why =
      hours.inTwelveHour === undefined
        ? ''
        : `; a time such as "${hours.inTwelveHour}" would be read on the 24-hour clock, but this diary writes times with am or pm (first on line ${reader.twelveHourLine}) and none on the 24-hour clock`;
    ctx.warn(
      'DIARY_HOUR_WITHOUT_AMPM',
      undefined,
      `Times whose hour could be morning or evening (no am or pm) keep only their date, flagged approximate, with the time as written (${rows(hours.count)}: ${examples.join(', ')}${more})${why}`,
      'Add am or pm to place these within the day; each is counted on its date',
    );
  }
  const serial = reader.serial;
  if (serial)
    ctx.warn(
      'DIARY_EXCEL_SERIAL_DATE',
      serial.line,
      `Dates written as Excel serial numbers read with the 1900 date system (${rows(serial.count)}; "${serial.value}" on line ${serial.line} is ${serial.date})`,
      'Check one date against the spreadsheet; a workbook using the 1904 date system (old Mac Excel) reads 4 years and a day early. Formatting the column as dates before exporting avoids this',
    );
  const excel = reader.excelTimes;
  if (excel)
    ctx.warn(
      'DIARY_EXCEL_TIME',
      excel.line,
      `Times written as Excel fractions of a day read as clock times (${rows(excel.count)}; "${excel.value}" on line ${excel.line} is ${excel.time})`,
      'Check one time against the spreadsheet; formatting the Time column as times before exporting avoids this',
    );
}

/**
 * The one warning of a diary whose What column was read as the description (what-column.ts): which column and why,
 * so that the reader can check the column is what it seems. A row whose cell there is an account has no type of
 * contact: channel `other`, as in a diary without a type column. The channel is not guessed from the account's
 * words: "I called the police" and "he said he would ring my boss" name calls the subject did not make. A shorter
 * cell is read as a type of contact, as in a type column.
 */
function warnAccount(what: WhatCells, ctx: SourceContext): void {
  const first = what.first!;
  const shown = first.value.length > 60 ? `${first.value.slice(0, 60).trimEnd()}…` : first.value;
  const short = what.filled - what.long;
  const types =
    short === 0
      ? ''
      : `; the ${short === 1 ? 'cell' : `${short} cells`} with fewer words ${short === 1 ? 'is' : 'are'} read as the type of contact, as in a "Type of contact" column`;
  ctx.warn(
    'DIARY_WHAT_READ_AS_DESCRIPTION',
    undefined,
    `The column "${what.header}" was read as the description (what happened) where a cell has ${ACCOUNT_WORDS} words or more, as an account of what happened does: the diary has no description column, and ${what.long} of its ${what.filled} filled cells are that long (first on line ${first.line}: "${shown}"). With no type of contact, ${what.long === 1 ? 'that entry is' : `those ${what.long} entries are`} counted as channel "other"${types}`,
    `Check a few rows: if the column holds the type of contact, rename it "Type of contact"; if it holds what happened, rename it "What happened" and add a "Type of contact" column (text, call, WhatsApp, e-mail, letter, in person…) to count the entries by channel; then re-run`,
  );
}

/**
 * One warning for the times of a kind the reader kept at their date (in words, as a bound): how many rows, the
 * first values as written with the line each first appears on, and how many other values there are.
 */
function warnTimes(
  ctx: SourceContext,
  code: string,
  times: ReadonlyMap<string, Tally>,
  what: string,
  hint: string,
): void {
  if (times.size === 0) return;
  const n = [...times.values()].reduce((a, t) => a + t.count, 0);
  const { shown, more } = listed([...times], MAX_EXAMPLES);
  const examples = shown.map(([v, t]) => `"${v}" on line ${t.line}`);
  // How many other ways of writing such a time the list leaves out: without it, five named read as all there were.
  ctx.warn(
    code,
    undefined,
    `${what} (${rows(n)}: ${examples.join(', ')}${more > 0 ? ` and ${more} more` : ''})`,
    hint,
  );
}
