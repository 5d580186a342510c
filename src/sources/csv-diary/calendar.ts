/**
 * Calendar dates as the diary reader checks them: whether a day exists, whether its year is one chronolog
 * accepts, and how a message writes it ("15 March 2204"). Kept apart from the reading of a Date cell
 * (dates.ts) because the order decision, the year hints and the row's rejections all check dates so.
 */
import { MONTH_NAMES } from '../../model/format.js';
import { HAND_KEPT_YEARS } from '../../model/time-range.js';

/** A calendar date; not necessarily a real one until `realDate` says so. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** Years written with two digits: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX `%y` rule). */
export function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/**
 * The years a diary date may have. Outside them a date is a typing slip (`2204` for `2024`, `1024`), not an
 * incident anyone could have noted, and the timeline would place it decades away from the rest. They are the
 * timeline's years for hand-kept records (model/time-range.ts); checked here too, so that such a row gets the
 * year the other rows suggest and does not steer the day/month order.
 */
export const FIRST_YEAR = HAND_KEPT_YEARS.first;
export const LAST_YEAR = HAND_KEPT_YEARS.last;

/** Whether `ymd` exists in the (proleptic Gregorian) calendar, whatever its year. */
export function isCalendarDate({ y, m, d }: Ymd): boolean {
  if (!Number.isInteger(y) || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

/** Whether a real calendar date falls outside the years chronolog accepts (`FIRST_YEAR`–`LAST_YEAR`). */
export function outOfRange(ymd: Ymd): boolean {
  return isCalendarDate(ymd) && (ymd.y < FIRST_YEAR || ymd.y > LAST_YEAR);
}

/** `YYYY-MM-DD` when `ymd` is a real calendar date between `FIRST_YEAR` and `LAST_YEAR`, else undefined. */
export function realDate(ymd: Ymd): string | undefined {
  const { y, m, d } = ymd;
  if (y < FIRST_YEAR || y > LAST_YEAR || !isCalendarDate(ymd)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** `15 March 2204`: a date in words, so that a message shows how a cell was read. */
export function dateInWords({ y, m, d }: Ymd): string {
  return `${d} ${MONTH_NAMES[m - 1] ?? '?'} ${String(y).padStart(4, '0')}`;
}
