/**
 * Calendar arithmetic on the report's local date strings (`YYYY-MM-DD`, already in the case zone). Day numbers
 * count days since 1970-01-01 through `Date.UTC`, which is pure arithmetic: the machine's zone and locale never
 * enter, and nothing reads the clock. Month names are fixed English, not the locale's.
 */

import { MONTH_NAMES } from '../../model/format.js';
import { timeFlagText } from '../../model/time-flags.js';
import { plain, text } from './escape.js';

const DAY = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Day number of a `YYYY-MM-DD…` string (anything after the date is ignored). */
export function dayNumber(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY,
  );
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

/** "10 January 2024" from `2024-01-10…` (the wording of the findings sentences); other input unchanged. */
export function longDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTH_NAMES[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/**
 * "8 January 2024 – 29 June 2024" from two dates (`YYYY-MM-DD…`, anything after the date ignored), or the one date
 * when both fall on the same day: "21 February 2024 – 21 February 2024" says nothing more and reads like a typo.
 */
export function longDateSpan(from: string, to: string): string {
  return from.slice(0, 10) === to.slice(0, 10) ? longDate(from) : `${longDate(from)} – ${longDate(to)}`;
}

/** "10 January 2024, 12:22" from `2024-01-10 12:22` (the report's local time text). */
export function longDateTime(local: string): string {
  const time = /[T ](\d{2}:\d{2}(?::\d{2})?)/.exec(local)?.[1];
  return time ? `${longDate(local)}, ${time}` : longDate(local);
}

/**
 * How to read a quoted time when its record says, after the time: ` (time approximate)`, its codes in the
 * tooltip; '' when the record says nothing. HTML.
 */
export function timeFlagNote(flags: readonly string[] | undefined): string {
  return flags?.length
    ? ` <span title="${plain(flags.join(', '))}">(${text(timeFlagText(flags))})</span>`
    : '';
}

/** Short month label of a day number: "Jan", or "Jan 2024" in January or when asked. */
export function monthLabel(day: number, withYear: boolean): string {
  const d = isoDate(day);
  const month = MONTHS[Number(d.slice(5, 7)) - 1]!;
  return withYear || d.slice(5, 7) === '01' ? `${month} ${d.slice(0, 4)}` : month;
}

/** Fraction of the day from a local time text (`… HH:mm`), 0 when there is no time. */
export function dayFraction(local: string): number {
  const m = /[T ](\d{2}):(\d{2})/.exec(local);
  return m ? (Number(m[1]) * 60 + Number(m[2])) / 1440 : 0;
}
