/**
 * A time written with dots and seconds has a date's form, so after a date in the Date cell, or in the Time cell
 * beside one, it may be a second date rather than a time:
 *
 *   16.06.24 17.06.24     16.06.24, 17.06.24     16.06.24 - 17.06.24    (two dates: not 17:06:24 on the 16th)
 *   16.06.24 10.12.05     15.06.2024 10.12.05    (a time: as a date it is in 2005, years away from the row's)
 *   14.06.24 09.05.23     14.06.24 12.05.24      (a time: as a date it is before the row's)
 *   16/06/24 17.06.24     (either: written unlike the date, but as a date the day after it)
 *   Date 16.06.24, Time 17.06.24                                         (a date in the Time cell)
 *
 * Two things tell them apart. First, whether the token, read as a date, falls on the row's date or in the month
 * after it (NEAR_DAYS): a diary's second date follows its first closely ("16.06.24 17.06.24", a visit on two
 * evenings), while a time read as a date lands anywhere (10.12.05 in 2005, 09.05.23 a year before), so a token
 * that is not near is a time, as it always was; a time has a near reading only when its seconds are the row's year
 * and its minutes the row's month or the next (about one dotted time in 2,000). Then, for one that is near, whether
 * it is written as the row's date is (the same separators and field widths: a hand-kept diary writes its dates one
 * way): then it is a date; otherwise it could be either, and the row is rejected rather than given a time the
 * diary may not give. "17.06", "5.30pm" and "17:06:24" have no date's form. Read first in pass one too, so that a
 * second date is no sign of the 24-hour clock (index.ts).
 */
import { dateInWords, isCalendarDate, type Ymd } from './calendar.js';
import { pad } from './clock.js';
import { applyOrder } from './date-order.js';
import { type DateCell, readDateCell } from './dates.js';
import { lowerPlain } from './fold.js';
import { WEEKDAY } from './weekdays.js';

/** A clock time written h.mm.ss, with dots and seconds: the only time with a date's form ("17.06.24"). */
const DOTTED_CLOCK = /^(\d{1,2})\.(\d{2})\.(\d{2})\.?$/;
/** A Date cell's date when written in numbers ("16.06.24" of "Sun 16.06.24 17.06.24"), its weekday taken off. */
const NUMERIC_DATE = /^\d{1,4}([-/.])\d{1,2}\1\d{1,4}/;
/** How many days after the row's date a second date may fall to be taken for one (the rest of a month). */
const NEAR_DAYS = 31;

/**
 * What a token read as a clock time with dots and seconds is instead, when as a date it falls on the row's date or
 * in the month after it: `date` when it is also written as the row's date is, `either` when not; undefined when it
 * is a time (no date's form, or no reading in any of `orders` near the row's date).
 */
export interface DateShaped {
  readonly kind: 'date' | 'either';
  /** The token as written ("17.06.24"). */
  readonly written: string;
  /** The token as a time ("17:06:24") and as a date ("17 June 2024", the first order's reading near the row's). */
  readonly asTime: string;
  readonly asDate: string;
}

/**
 * Whether `token` (what follows the date in a Date cell, or a Time cell) is a date rather than a time, beside
 * the row's date as written (`dateRaw`) and read (`first`, under `orders`: the file's order, or both when the
 * file does not settle it).
 */
export function dateShapedTime(
  token: string,
  dateRaw: string,
  first: DateCell,
  orders: readonly ('dmy' | 'mdy' | 'ymd')[],
): DateShaped | undefined {
  const t = token.trim();
  const clock = DOTTED_CLOCK.exec(t);
  if (!clock) return undefined;
  const [h, m, s] = [Number(clock[1]), Number(clock[2]), Number(clock[3])];
  // Not a time of day ("31.06.24"): the reader of two dates already takes it as the date it is.
  if (h > 23 || m > 59 || s > 59) return undefined;
  const cell = readDateCell(t);
  if (cell === undefined || cell.kind === 'serial') return undefined;
  // Each order reads the row's date and the token alike (a file writes its dates one way).
  const near = orders
    .map((o) => ({ row: applyOrder(first, o), token: applyOrder(cell, o) }))
    .find(({ row, token }) => {
      if (!isCalendarDate(row) || !isCalendarDate(token)) return false;
      const after = dayNumber(token) - dayNumber(row);
      return after >= 0 && after <= NEAR_DAYS;
    })?.token;
  if (near === undefined) return undefined;
  const lower = lowerPlain(dateRaw);
  const written = NUMERIC_DATE.exec(lower.slice(WEEKDAY.exec(lower)?.[0].length ?? 0))?.[0];
  const sameShape = written !== undefined && shape(written) === shape(t.replace(/\.$/, ''));
  return {
    kind: sameShape ? 'date' : 'either',
    written: t,
    asTime: `${pad(h)}:${pad(m)}:${pad(s)}`,
    asDate: dateInWords(near),
  };
}

/** Days since 1970-01-01 of a calendar date. */
function dayNumber({ y, m, d }: Ymd): number {
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** A numeric date's form: its separators and the width of each field ("16.06.24" → "2.2.2"). */
function shape(date: string): string {
  return date.replace(/\d+/g, (digits) => String(digits.length));
}
