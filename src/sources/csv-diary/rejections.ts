/**
 * A diary row's rejections that need more than a sentence to word: why its Date cell gives no usable date, and
 * why one that depends on an unsettled day/month order is not read; with the shared shape of a rejection.
 */
import { thousands } from '../../model/format.js';
import { EITHER_ORDER } from '../date-order-option.js';
import { MAX_RECORD_CELLS } from '../row-cells.js';
import type { DateOrder } from '../source.js';
import { dateInWords, FIRST_YEAR, isCalendarDate, LAST_YEAR, outOfRange, realDate } from './calendar.js';
import {
  applyOrder,
  type ForcedOrder,
  impossibleInBothOrders,
  ORDER_WORDS,
  type OrderDecision,
} from './date-order.js';
import type { DateShaped } from './date-shaped-times.js';
import type { DateCell } from './dates.js';
import { lacksDay, lacksYear, manyDays } from './not-one-date.js';
import { MAX_RECORD_CHARS, type RunOnRow, type TooLongRow } from './read.js';
import { weekdayFits } from './weekdays.js';
import type { DiaryYears } from './years.js';

export interface Rejection {
  readonly code: string;
  readonly message: string;
  readonly hint: string;
}

/** Why a Date cell gives no usable date: unreadable, not in the calendar, or a real date in a year refused. */
export function badDate(
  raw: string,
  cell: DateCell | undefined,
  order: DateOrder,
  years: DiaryYears,
): Rejection {
  const code = 'DIARY_BAD_DATE';
  // No example date: next to "31/02/2024" any real date reads as the suggested correction.
  const hint =
    'Correct the date in the diary as the original record gives it (a day, month and year, written like the other rows, or as YYYY-MM-DD) and re-run';
  const many = cell ? undefined : manyDays(raw);
  if (many)
    return {
      code,
      message:
        many.kind === 'week'
          ? `Date "${raw}" is a week ("${many.word}"), not one date, and no day is picked from it`
          : `Date "${raw}" gives ${many.span ? 'a span of days' : 'more than one day'}, not one date, and no day is picked from it`,
      hint: 'Give the incident one row for each day it happened, each with the date it happened (one day, month and year), then re-run; if the day is not known, the row stays listed as rejected',
    };
  if (!cell && lacksDay(raw))
    return {
      code,
      message: `Date "${raw}" gives a month but no day, and a day is never guessed`,
      hint: 'Add the day to the date in the diary if it is known, then re-run; if it is not known, the row stays listed as rejected (without a day it cannot be placed in time)',
    };
  if (!cell && lacksYear(raw))
    return {
      code,
      message: `Date "${raw}" has no year, and a year is never guessed`,
      hint: 'Add the year to the date in the diary and re-run',
    };
  if (!cell) return { code, message: `Cannot read the date "${raw}"`, hint };
  const ymd = applyOrder(cell, order);
  if (outOfRange(ymd)) {
    const meant = years.likelyMeant(cell, ymd);
    return {
      code,
      message: `Date "${raw}"${cell.kind === 'serial' ? ' (an Excel serial number)' : ''} is ${dateInWords(ymd)}, outside the years chronolog accepts (${FIRST_YEAR} to ${LAST_YEAR})`,
      hint: meant
        ? `Did you mean ${meant.year}? ${meant.rows === 1 ? 'Another row is' : `${meant.rows} other rows are`} dated ${meant.year}. Correct the year in the diary and re-run`
        : cell.kind === 'serial'
          ? hint
          : 'Correct the year in the diary and re-run',
    };
  }
  const how = impossibleInBothOrders(cell)
    ? ' whether read day-first or month-first'
    : cell.kind === 'numeric'
      ? ` (read as ${ORDER_WORDS[order]})`
      : '';
  return { code, message: `Date "${raw}" is not a real date${how}`, hint };
}

/**
 * A numeric date that is no calendar date in the order --date-order forced but a date in another (`14/03/2024`
 * under `mdy`, in a diary that writes dates both ways or whose every other date could be either): the option,
 * not the diary, leaves it without a date, so the hint names the option and never asks for the record to be
 * changed. Undefined for any other date, which `badDate` words (one real in no order is the diary's to correct).
 */
export function againstOption(raw: string, cell: DateCell, forced: ForcedOrder): Rejection | undefined {
  const { order } = forced;
  if (cell.kind !== 'numeric' || isCalendarDate(applyOrder(cell, order))) return undefined;
  const others = (['dmy', 'mdy', 'ymd'] as const).filter(
    (o) => o !== order && realDate(applyOrder(cell, o)) !== undefined,
  );
  if (others.length === 0) return undefined;
  const readings = others.map((o) => `${ORDER_WORDS[o]} it is ${dateInWords(applyOrder(cell, o))}`);
  const reruns = others.map(
    (o, i) => `with --date-order ${o} if ${i === 0 ? 'the diary writes its dates ' : ''}${ORDER_WORDS[o]}`,
  );
  return {
    code: 'DIARY_BAD_DATE',
    message: `Date "${raw}" is not a real date read ${ORDER_WORDS[order]}, as --date-order ${order} asks; read ${readings.join(', and read ')}`,
    hint: `Re-run ${reruns.join(', or ')}${forced.mixed ? `; ${forced.mixed}` : ''}`,
  };
}

/**
 * A date that is two different days in the two orders (or a day in one and none in the other), in a file that
 * does not settle its order: rejected, never read by a guess.
 */
export function undatable(
  raw: string,
  cell: DateCell,
  undecided: NonNullable<OrderDecision['undecided']>,
): Rejection {
  const as = (order: 'dmy' | 'mdy'): string => {
    const ymd = applyOrder(cell, order);
    return realDate(ymd) === undefined ? 'no date' : dateInWords(ymd);
  };
  return {
    code: UNDATED,
    message: `Date "${raw}" is ${as('dmy')} read day-first but ${as('mdy')} read month-first, and ${undecided.why}${weekdayFits(cell)}`,
    hint: undecided.failure.hint ?? `Re-run with ${EITHER_ORDER}`,
  };
}

/** The reject code of a row whose date depends on a day/month order the file does not settle. */
export const UNDATED = 'DIARY_DATE_ORDER_UNKNOWN';

/** A row rejected because its Date cell (`raw`) marks the date as uncertain with `word`. */
export function unsureDate(raw: string, word: string): Rejection {
  return {
    code: 'DIARY_BAD_DATE',
    message: `Date "${raw}" is marked as uncertain ("${word}"); a date is read only as the diary gives it, never one it is unsure of`,
    hint: 'If the day is right, write the date alone and say in the description that it is approximate, then re-run',
  };
}

/** A row rejected for its time, with the reason and what to do. */
export function badTime(reason: { message: string; hint: string }): Rejection {
  return { code: 'DIARY_BAD_TIME', ...reason };
}

const ONE_ROW_EACH =
  'Give each incident its own row with its own date (something that went on over several days: one row for each day), then re-run';

/**
 * A row whose Date cell gives two dates ("16/06/2024 & 17/06/2024", "16.06.24 17.06.24"); `shaped` when the second
 * has the form of a time with dots and seconds (date-shaped-times.ts), which the hint then says how to write.
 */
export function twoDates(raw: string, shaped?: DateShaped): Rejection {
  return {
    code: 'DIARY_BAD_DATE',
    message: `Date "${raw}" gives more than one date; a row is one incident on one date`,
    hint: shaped
      ? `${ONE_ROW_EACH}; if "${shaped.written}" is a time, write it as ${shaped.asTime}`
      : ONE_ROW_EACH,
  };
}

/** A row whose Date cell gives after its date what could be a time or a second date ("16.06.24 10.12.05"). */
export function dateOrTimeInDate(raw: string, shaped: DateShaped): Rejection {
  return {
    code: 'DIARY_BAD_DATE',
    message: `Date "${raw}" gives "${shaped.written}" after its date, which could be the time ${shaped.asTime} or a second date (${shaped.asDate}); neither is guessed`,
    hint: `If it is a time, write it as ${shaped.asTime}; if it is a second date, give each incident its own row with its own date; then re-run`,
  };
}

/**
 * A row whose Time cell holds a date, or what could be one ("17.06.24" beside the Date "16.06.24"), which would
 * otherwise be read as a time with seconds (17:06:24).
 */
export function dateInTimeCell(timeCell: string, dateRaw: string, shaped: DateShaped): Rejection {
  const message =
    shaped.kind === 'date'
      ? `Time "${timeCell}" is a date (${shaped.asDate}), written as the Date "${dateRaw}" is; it is not read as the time ${shaped.asTime}`
      : `Time "${timeCell}" could be the time ${shaped.asTime} or a date (${shaped.asDate}); neither is guessed`;
  return {
    code: 'DIARY_BAD_TIME',
    message,
    hint: `If it is a time, write it as ${shaped.asTime}; if it is a date, give the incident on that day its own row with the date in the Date column; then re-run`,
  };
}

/**
 * A row whose quoted cell runs on over the rows after it (run-on-quotes.ts): not read, since where its cell ends
 * cannot be told, and the lines after its quote are read as rows of their own.
 */
export function runOnQuote(row: RunOnRow): Rejection {
  const where = row.quoteLine === row.line ? '' : ` on line ${row.quoteLine}`;
  const runOn =
    row.closedOn === undefined
      ? 'nothing closes it, so every line after it would be read as part of that one cell'
      : `the next quote, on line ${row.closedOn}, closes it, so the rows up to that line would be read as part of that one cell`;
  return {
    code: 'DIARY_QUOTE_NOT_CLOSED',
    message: `Row opens a quoted cell${where} (${row.cell}) whose closing double quote is missing: ${runOn}; the row is not read, and the lines after it are read as rows of their own`,
    hint: `Add the missing double quote (") at the end of that cell on line ${row.quoteLine}; a quote that is part of the words is written twice ("") inside a quoted cell. Then re-run`,
  };
}

/**
 * A row larger than a diary row is read up to (read.ts): nobody types 8 MiB into a diary, so a cell holds a picture,
 * a whole chat or another file pasted in; and no spreadsheet writes more cells in a row than `MAX_RECORD_CELLS`, so
 * a row of more was made by a program or by pasting. It is not read; reading goes on after its last line.
 */
export function rowTooLong(row: TooLongRow): Rejection {
  const lines = row.lastLine === row.line ? '' : ` (lines ${row.line} to ${row.lastLine})`;
  if (row.over === 'cells')
    return {
      code: 'DIARY_ROW_TOO_LARGE',
      message: `Row has more than ${thousands(MAX_RECORD_CELLS)} cells (${thousands(row.chars)} characters${lines ? `, ${lines.slice(2, -1)}` : ''}), more than any spreadsheet has columns, so it is not read; the rows after it are read`,
      hint: `Open the file in a text editor and look at the row on line ${row.line}: a program or a paste added a long run of delimiters or empty cells (""). Delete them, keeping the incident's own cells, then re-run`,
    };
  return {
    code: 'DIARY_ROW_TOO_LARGE',
    message: `Row is ${thousands(row.chars)} characters long${lines}, over the ${MAX_RECORD_CHARS / 1024 / 1024} MiB a diary row is read up to, so it is not read; the rows after it are read`,
    hint: `Open the file and look at the row on line ${row.line}: a cell holds something pasted in (a picture, a whole chat, another file). Keep that as a file of its own, write the incident's own words in the cell, then re-run`,
  };
}
