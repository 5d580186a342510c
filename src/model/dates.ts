/** Date and zone checks shared by the case file, the sources and the timeline; no schemas, so they load on every run. */

/** True when the runtime's time-zone database knows the zone. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-](\d{2}):?(\d{2}))?$/;

/**
 * True when `s` is a real calendar date `YYYY-MM-DD` (rejects 2024-02-31), or such a date with a real time and,
 * if any, an offset within ±14:00 (one beyond it names no instant, and the milestone would be lost).
 */
export function isRealDate(s: string): boolean {
  const m = DATE_RE.exec(s) ?? DATETIME_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return false;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)) return false;
  if (m[8] !== undefined && (Number(m[8]) * 60 + Number(m[9]) > 14 * 60 || Number(m[9]) > 59)) return false;
  return true;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `month` (1–12) of `year` in the Gregorian calendar; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * The number written by `n` ASCII digits of `s` at `at`, or −1 when any of them is not a digit: dates are read
 * character by character where millions of them pass (no substring, no regular expression).
 */
export function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}
