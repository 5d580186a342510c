/**
 * A time written with dots and seconds has a date's form, so after a date in the Date cell, or in the Time cell
 * beside one, it may be a second date rather than a time:
 *
 *   16.06.24 17.06.24     16.06.24, 17.06.24     16.06.24 - 17.06.24    (two dates: not 17:06:24 on the 16th)
 *   16.06.24 10.12.05     15.06.2024 10.12.05    (a time: as a date it is in 2005, years away from the row's)
 *   16/06/24 17.06.24     (either: written unlike the date, but as a date the day after it)
 *   Date 16.06.24, Time 17.06.24                                         (a date in the Time cell)
 *
 * Two things tell them apart. First, whether the token, read as a date, falls in the row's date's year or the one
 * before or after: a diary's second date is near its first, while a time read as a date mostly lands decades away
 * (10.12.05 in 2005), so a token that is not near is a time, as it always was. Then, for one that is near, whether
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

/**
 * What a token read as a clock time with dots and seconds is instead, when as a date its year is the row's date's
 * or next to it: `date` when it is also written as the row's date is, `either` when not; undefined when it is a
 * time (no date's form, no calendar date in any of `orders`, or years from the row's date).
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
  const dates = orders.map((o) => applyOrder(cell, o)).filter(isCalendarDate);
  if (dates.length === 0) return undefined;
  const firstYears = orders.map((o) => applyOrder(first, o).y);
  const near = dates.find((d: Ymd) => firstYears.some((y) => Math.abs(d.y - y) <= 1));
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

/** A numeric date's form: its separators and the width of each field ("16.06.24" → "2.2.2"). */
function shape(date: string): string {
  return date.replace(/\d+/g, (digits) => String(digits.length));
}
