/**
 * A tolerant RFC 5322 date parser that never guesses silently. It reads `Date:` and `Received:` stamps and
 * the asctime dates of mbox separator lines:
 *
 *   Mon, 1 Jan 2024 13:00:00 +0100 (CET)        RFC 5322, numeric offset, comment ignored
 *   2 Jan 24 09:30 EST                          no weekday, 2-digit year, no seconds, obsolete US zone
 *   Tue Jul 24 18:55:07 2007                    asctime (some clients put it in Date:), no zone at all
 *   Mon Jan 01 12:00:00 +0000 2024              Gmail Takeout separator: zone before the year
 *   Thu, 4 Jan 2024 00:59:59 +0100 (GMT+01:00)  comments may look like zones; they are dropped
 *
 * It reports how certain the zone is instead of deciding for the caller: `numeric` (+hhmm) and `rfc`
 * (UT/GMT/UTC/Z and the US zones RFC 5322 §4.3 defines) are certain; `abbreviation` (CET, CEST, BST…) is
 * resolved from a fixed table but is not standard and may be wrong (CEST in January is a real-world trap); a
 * POSIX TZ name (`EST5EDT`, `PST8PDT`) is an `abbreviation` too, its offset on that date from the time zone database;
 * `military` letters other than Z are "-0000" per RFC 5322 §4.3; `unknown` and `none` leave only a wall-clock
 * time. The two layouts nearly all mail uses are read by one regular expression each; everything else goes
 * through the token reader in ./date-tokens.ts. Deliberately unsupported: ISO 8601 dates, localised month
 * names, and English ordinals ("1st").
 */
import { daysInMonth, digitsAt } from '../../model/dates.js';
import { DAYS, MONTHS } from '../english-dates.js';
import { type Fields, readTokens } from './date-tokens.js';

/** How sure the parser is of the zone; only `numeric` and `rfc` give a trustworthy instant. */
export type ZoneCertainty = 'numeric' | 'rfc' | 'abbreviation' | 'military' | 'unknown' | 'none';

/** A date as written: its wall-clock time, its offset when one could be read, and how sure that offset is. */
export interface EmailDate {
  /** Wall-clock time as written, `YYYY-MM-DDTHH:mm:ss` (seconds `00` when not written). */
  readonly local: string;
  /** UTC epoch ms; absent when the zone is missing or unknown. */
  readonly ms?: number;
  readonly zone: ZoneCertainty;
  /** The zone token as written, e.g. `+0100`, `EST`, `CEST`. */
  readonly zoneText?: string;
  readonly hasSeconds: boolean;
  /** The weekday written does not fall on the date written (a sign of a hand-made or forged header). */
  readonly weekdayMismatch: boolean;
  /** For a POSIX zone (`EST5EDT`): the clock change its wall-clock time met, flagged as the timeline flags one. */
  readonly dst?: 'gap' | 'overlap';
}

const P2 = Array.from({ length: 61 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Validates read fields and builds the date; undefined when the calendar or the clock does not allow them. */
function build(f: Fields | undefined): EmailDate | undefined {
  if (!f) return undefined;
  if (f.year < 1900 || f.year > 2999 || f.hour > 23 || f.minute > 59 || (f.second ?? 0) > 60)
    return undefined;
  // A leap second (":60") is written as :59 rather than rolling into the next minute.
  const second = Math.min(f.second ?? 0, 59);
  if (f.day < 1 || f.day > daysInMonth(f.year, f.month + 1)) return undefined;
  const wall = Date.UTC(f.year, f.month, f.day, f.hour, f.minute, second);
  const d: { -readonly [K in keyof EmailDate]: EmailDate[K] } = {
    local: `${f.year}-${P2[f.month + 1]}-${P2[f.day]}T${P2[f.hour]}:${P2[f.minute]}:${P2[second]}`,
    zone: f.zone,
    hasSeconds: f.second !== undefined,
    // 1 January 1970 was a Thursday (day 4).
    weekdayMismatch: f.weekday >= 0 && f.weekday !== (((Math.floor(wall / 86_400_000) + 4) % 7) + 7) % 7,
  };
  if (f.offset !== undefined) d.ms = wall - f.offset * 60_000;
  if (f.zoneText !== undefined) d.zoneText = f.zoneText;
  if (f.dst !== undefined) d.dst = f.dst;
  return d;
}

// The two layouts nearly every real message uses are read character by character, without a regular expression
// or a substring per part (three dates a message: separator, Date, Received); the general path handles the rest.
//
//   RFC 5322:  [Www, ]D[D] Mmm YYYY HH:MM[:SS] ±HHMM[ (comment without parentheses or backslashes)]
//   asctime:   Www Mmm {1,2 spaces}D[D] HH:MM:SS [±HHMM ]YYYY

/** Three lower-cased letters as one number, for the name tables below; -1 when they are not all letters. */
function letters3(s: string, i: number): number {
  let key = 0;
  for (let k = i; k < i + 3; k++) {
    const c = s.charCodeAt(k) | 32;
    if (c < 97 || c > 122) return -1;
    key = key * 32 + (c - 96);
  }
  return key;
}
const nameTable = (names: readonly string[]) => new Map(names.map((n, i) => [letters3(n, 0), i]));
const DAY_KEYS = nameTable(DAYS);
const MONTH_KEYS = nameTable(MONTHS);

const isDigit = (s: string, i: number): boolean => digitsAt(s, i, 1) >= 0;

/** A numeric zone `±HHMM` at i: its offset in minutes, NaN when it is out of range, undefined when absent. */
function numericZone(s: string, i: number): number | undefined {
  const sign = s.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return undefined;
  const h = digitsAt(s, i + 1, 2);
  const m = digitsAt(s, i + 3, 2);
  if (h < 0 || m < 0) return undefined;
  if (h > 14 || m > 59) return Number.NaN;
  return (sign === 45 ? -1 : 1) * (h * 60 + m);
}

/** True when s from i on is empty or exactly ` (comment)` with no parentheses or backslash inside. */
function commentToEnd(s: string, i: number): boolean {
  if (i === s.length) return true;
  if (s.charCodeAt(i) !== 32 || s.charCodeAt(i + 1) !== 40 || s.charCodeAt(s.length - 1) !== 41) return false;
  for (let k = i + 2; k < s.length - 1; k++) {
    const c = s.charCodeAt(k);
    if (c === 40 || c === 41 || c === 92) return false;
  }
  return s.length >= i + 3;
}

/** The RFC 5322 layout; undefined when the text is not in it, `null` when it is but a part is out of range. */
function rfcLayout(s: string): Fields | null | undefined {
  let i = 0;
  let weekday = -1;
  const day3 = letters3(s, 0);
  if (day3 >= 0 && s.charCodeAt(3) === 44) {
    weekday = DAY_KEYS.get(day3) ?? -2;
    i = s.charCodeAt(4) === 32 ? 5 : 4;
  }
  const dayDigits = isDigit(s, i + 1) ? 2 : 1;
  const day = digitsAt(s, i, dayDigits);
  if (day < 0 || s.charCodeAt(i + dayDigits) !== 32) return undefined;
  i += dayDigits + 1;
  const month3 = letters3(s, i);
  if (month3 < 0 || s.charCodeAt(i + 3) !== 32) return undefined;
  const year = digitsAt(s, i + 4, 4);
  if (year < 0 || s.charCodeAt(i + 8) !== 32) return undefined;
  i += 9;
  const hour = digitsAt(s, i, 2);
  const minute = digitsAt(s, i + 3, 2);
  if (hour < 0 || s.charCodeAt(i + 2) !== 58 || minute < 0) return undefined;
  i += 5;
  let second: number | undefined;
  if (s.charCodeAt(i) === 58) {
    second = digitsAt(s, i + 1, 2);
    if (second < 0) return undefined;
    i += 3;
  }
  if (s.charCodeAt(i) !== 32) return undefined;
  const offset = numericZone(s, i + 1);
  if (offset === undefined || !commentToEnd(s, i + 6)) return undefined;
  const month = MONTH_KEYS.get(month3) ?? -1;
  if (weekday === -2 || month < 0 || Number.isNaN(offset)) return null;
  return {
    weekday,
    month,
    day,
    year,
    hour,
    minute,
    second,
    zone: 'numeric',
    offset,
    zoneText: s.slice(i + 1, i + 6),
  };
}

/** The asctime layout; undefined when the text is not in it, `null` when it is but a part is out of range. */
function asctimeLayout(s: string): Fields | null | undefined {
  const day3 = letters3(s, 0);
  const month3 = letters3(s, 4);
  if (day3 < 0 || s.charCodeAt(3) !== 32 || month3 < 0 || s.charCodeAt(7) !== 32) return undefined;
  let i = s.charCodeAt(8) === 32 ? 9 : 8;
  const dayDigits = isDigit(s, i + 1) ? 2 : 1;
  const day = digitsAt(s, i, dayDigits);
  if (day < 0 || s.charCodeAt(i + dayDigits) !== 32) return undefined;
  i += dayDigits + 1;
  const hour = digitsAt(s, i, 2);
  const minute = digitsAt(s, i + 3, 2);
  const second = digitsAt(s, i + 6, 2);
  if (hour < 0 || minute < 0 || second < 0) return undefined;
  if (s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58 || s.charCodeAt(i + 8) !== 32)
    return undefined;
  i += 9;
  const offset = numericZone(s, i);
  let zoneText: string | undefined;
  if (offset !== undefined) {
    if (s.charCodeAt(i + 5) !== 32) return undefined;
    zoneText = s.slice(i, i + 5);
    i += 6;
  }
  const year = digitsAt(s, i, 4);
  if (year < 0 || s.length !== i + 4) return undefined;
  const weekday = DAY_KEYS.get(day3) ?? -1;
  const month = MONTH_KEYS.get(month3) ?? -1;
  if (weekday < 0 || month < 0 || Number.isNaN(offset)) return null;
  return {
    weekday,
    month,
    day,
    year,
    hour,
    minute,
    second,
    zone: offset === undefined ? 'none' : 'numeric',
    offset,
    zoneText,
  };
}

/**
 * The fields of a date in one of the two common layouts; undefined when it is in neither (or in one with an
 * unknown name or an impossible zone: the general reader decides those). Exported for tests.
 */
export function fastLayouts(raw: string): Fields | undefined {
  const rfc = rfcLayout(raw);
  if (rfc !== undefined) return rfc ?? undefined;
  return asctimeLayout(raw) ?? undefined;
}

/** Parses an e-mail date; returns undefined when any part is missing, out of range, or not understood. */
export function parseEmailDate(raw: string): EmailDate | undefined {
  const quick = fastLayouts(raw);
  if (quick) return build(quick);
  return build(readTokens(raw));
}

/** True when the zone is one whose offset cannot be misread (a numeric offset, UT/GMT/UTC/Z, or an RFC US zone). */
export function isCertain(d: EmailDate): d is EmailDate & { ms: number } {
  return (d.zone === 'numeric' || d.zone === 'rfc') && d.ms !== undefined;
}
