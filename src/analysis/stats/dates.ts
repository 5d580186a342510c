/**
 * Calendar arithmetic on local dates written `YYYY-MM-DD`. A daily series is dense, so day i of a series that starts
 * on date D is simply D + i days; the arithmetic runs on UTC day numbers, which has no time zone and no DST.
 */

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws RangeError on anything else (a caller bug, not data). */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date)
    throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `offset` days after `date`. */
export function addDays(date: string, offset: number): string {
  return dateOf(dayNumber(date) + offset);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
}
