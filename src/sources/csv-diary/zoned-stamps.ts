/**
 * A Date cell written as an ISO 8601 stamp with its UTC offset, as diary apps and spreadsheets export it:
 *
 *   2024-02-03T21:40:00Z   2024-02-03T21:40+01:00   2024-02-03 21:40:00+0100   2024-02-03 21:40:00 UTC
 *
 * It states an instant. A spreadsheet writes a date-only value as midnight ("2024-02-03T00:00:00Z", or midnight in
 * the zone it was typed in converted to UTC), which says no time; any other stamp is checked against the row's Time
 * cell, which should agree with it.
 */
import { tzOffset } from '@date-fns/tz';
import type { Ymd } from './calendar.js';
import { pad, sameMinute } from './clock.js';
import type { Rejection } from './rejections.js';
import type { UsableTime } from './time-reading.js';
/**
 * The time of an ISO 8601 stamp written with its UTC offset (`2024-02-03T21:40+01:00`, `…T21:40:00Z`,
 * `2024-02-03 21:40:00+0100`): the clock as written and the offset in minutes east of UTC. Its numbers are as
 * written, not yet checked (`stampInstant` does).
 */
export interface ZonedTime {
  readonly h: number;
  readonly m: number;
  /** Seconds when written; a fraction after them is dropped (the time is truncated, never rounded up). */
  readonly s: number | undefined;
  readonly offsetMin: number;
  /** The offset's hours and minutes as written, to check them (`+15:00` is no offset any zone has). */
  readonly offsetH: number;
  readonly offsetM: number;
}

// The time of an ISO 8601 stamp after a year-first date, as apps and spreadsheets export it (lower-cased by
// then): `21:40z`, `21:40:00.000z`, `21:40+01:00`, `21:40:00+0100`, `21:40 +01`, `21:40:00 utc`. "UTC" and "GMT"
// alone are offset zero; "GMT+1" is not read (POSIX writes it with the sign reversed), nor is an abbreviation
// such as "CET" (several zones share some): such a time is rejected as unreadable, never read without its zone.
const ZONED =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(?:(z|utc|gmt)|([+\-\u2212])(\d{2})(?::?(\d{2}))?)$/;

/**
 * The stamp's time and offset in `t`, the time after a year-first date (`stamp`: joined to it by `T`). A minus
 * offset is read only where a stamp shows it is one (after a `T`, or after seconds): a hand-typed `9:00-11:00` or
 * `08:30-10:15` after the date is a range, which read as an offset would move the row ten hours without a word.
 */
export function zonedTime(t: string, stamp: boolean): ZonedTime | undefined {
  const z = ZONED.exec(t);
  if (!z) return undefined;
  const [offsetH, offsetM] = [Number(z[6] ?? 0), Number(z[7] ?? 0)];
  // "2024-06-14 21:00:00-23:00": no zone is 23 hours behind UTC, so without a `T` that is a range.
  if (
    z[5] !== undefined &&
    z[5] !== '+' &&
    !stamp &&
    (z[3] === undefined || offsetH * 60 + offsetM > 14 * 60)
  )
    return undefined;
  const sign = z[5] === '+' ? 1 : -1;
  return {
    h: Number(z[1]),
    m: Number(z[2]),
    s: z[3] === undefined ? undefined : Number(z[3]),
    offsetMin: z[4] === undefined ? sign * (offsetH * 60 + offsetM) : 0,
    offsetH,
    offsetM,
  };
}

/**
 * The instant (ms since 1970 UTC) a zoned stamp on a real calendar date states, or why it states none: an hour,
 * minute or second that does not exist, or an offset no zone has (beyond ±14:00).
 */
export function stampInstant(date: Ymd, t: ZonedTime): { ms: number } | { invalid: string } {
  if (t.h > 23) return { invalid: `there is no hour ${t.h}` };
  if (t.m > 59) return { invalid: `there is no minute ${t.m}` };
  if (t.s !== undefined && t.s > 59) return { invalid: `there is no second ${t.s}` };
  if (t.offsetM > 59 || t.offsetH * 60 + t.offsetM > 14 * 60)
    return { invalid: 'its UTC offset is none a time zone has (they run from -12:00 to +14:00)' };
  return { ms: Date.UTC(date.y, date.m - 1, date.d, t.h, t.m, t.s ?? 0) - t.offsetMin * 60_000 };
}

/** A stamp's instant, and its wall clock in the case zone as a Date whose UTC fields are that clock. */
export interface Instant {
  readonly ms: number;
  readonly inZone: Date;
}

/** A row's instant from its Date cell (`2024-02-03T21:40+01:00`), which its Time cell, if filled, should agree with. */
export interface Stamp {
  readonly ms: number;
  readonly precision: 's' | 'min';
  /** Set when the Time cell gives an exact clock time that is neither the stamp's own nor its time in the case zone. */
  readonly disagreement?: string;
  /** Whether the Time cell says exactly what the stamp says (then it need not be kept beside it). */
  readonly agrees: boolean;
}

/**
 * The instant a stamp states (`stampInstant`) and its wall clock in the case zone, as a Date whose UTC fields
 * are that clock (`inZone.getUTCHours()` is the hour in the case zone); or why it states none.
 */
export function stampAt(ymd: Ymd, zoned: ZonedTime, timezone: string): Instant | { invalid: string } {
  const at = stampInstant(ymd, zoned);
  if ('invalid' in at) return at;
  return {
    ms: at.ms,
    inZone: new Date(at.ms + tzOffset(timezone, new Date(at.ms)) * 60_000),
  };
}

/**
 * The instant of a Date cell written as an ISO 8601 stamp with its UTC offset, checked against the row's Time
 * cell (`reading`, as `written`). Only an exact clock time is compared, to the minute: it agrees when it is the
 * stamp's own clock time or the stamp's time in the case zone (an app may export UTC, `…Z`, beside a Time
 * column typed in local time); "7:30" without am/pm agrees with 07:30 or 19:30. An approximate time, a range or
 * a part of the day says less than the stamp and is kept as written beside it, not compared.
 */
export function checkStamp(
  raw: string,
  zoned: ZonedTime,
  at: Instant | { invalid: string },
  reading: UsableTime,
  written: string,
  zone: string,
): Stamp | Rejection {
  if ('invalid' in at)
    return {
      code: 'DIARY_BAD_TIME',
      message: `Date "${raw}" is not a time that exists: ${at.invalid}`,
      hint: 'Correct the date and time in the diary as the original record gives it (hours 00–23, minutes and seconds 00–59, a UTC offset such as +01:00 or Z) and re-run',
    };
  const precision = zoned.s !== undefined && zoned.s > 0 ? 's' : 'min';
  const { ms, inZone } = at;
  if (reading.kind !== 'clock' || reading.approx || reading.range) return { ms, precision, agrees: false };
  const candidates = [
    [zoned.h, zoned.m],
    [inZone.getUTCHours(), inZone.getUTCMinutes()],
  ];
  if (candidates.some(([h, m]) => sameMinute(h!, m!, reading, reading.open)))
    return { ms, precision, agrees: true };
  const hm = (h: number, m: number) => `${pad(h)}:${pad(m)}`;
  return {
    ms,
    precision,
    agrees: false,
    disagreement: `Date "${raw}" gives the time ${hm(zoned.h, zoned.m)} (${hm(inZone.getUTCHours(), inZone.getUTCMinutes())} in ${zone}), but the Time cell says "${written}"; the Date cell's time is used, and the Time cell is kept as written (time_as_written)`,
  };
}

/**
 * The date a stamp stands for when it is a date-only value: midnight of its own clock (its written date,
 * `written`), or midnight in the case zone (that local date, from `inZone`, the stamp's clock there); undefined
 * for any other time.
 */
export function dateOnlyStamp(
  zoned: ZonedTime,
  inZone: Date | undefined,
  written: string,
): string | undefined {
  if (zoned.s) return undefined;
  if (isMidnight(zoned)) return written;
  if (inZone === undefined) return undefined;
  if (inZone.getUTCHours() !== 0 || inZone.getUTCMinutes() !== 0 || inZone.getUTCSeconds() !== 0)
    return undefined;
  return inZone.toISOString().slice(0, 10);
}

/** Whether a stamp's clock is 00:00 (or 00:00:00), as a date-only value is written. */
function isMidnight(t: ZonedTime): boolean {
  return t.h === 0 && t.m === 0 && !t.s;
}
