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
 * resolved from a fixed table but is not standard and may be wrong (CEST in January is a real-world trap);
 * `military` letters other than Z are "-0000" per RFC 5322 §4.3; `unknown` and `none` leave only a wall-clock
 * time. Deliberately unsupported: ISO 8601 dates, localised month names, and English ordinals ("1st").
 */

import { ABBREVIATIONS, DAYS, FULL_DAYS, FULL_MONTHS, MONTHS, RFC_ZONES } from './zones.js';

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
}

/** Removes RFC 5322 comments, which may nest and may contain escaped parentheses. */
function stripComments(s: string): string {
  if (!s.includes('(')) return s;
  let out = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\' && depth > 0) i++;
    else if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const NUMERIC_ZONE_RE = /^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$/;
const DMY_DASHED_RE = /^(\d{1,2})-([a-z]{3,9})-(\d{2,4})$/;

/** Offset in minutes from a numeric zone token (`+0100`, `-05:00`, `GMT+1`), or undefined. */
function numericZone(token: string): number | undefined {
  const m = NUMERIC_ZONE_RE.exec(token);
  if (!m) return undefined;
  // A bare "+1" or "+12" is only a zone after GMT/UTC; "+0100" and "+01:00" stand alone.
  if (m[3] === undefined && !/^[a-z]/.test(token)) return undefined;
  const h = Number(m[2]);
  const min = Number(m[3] ?? 0);
  if (h > 14 || min > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (h * 60 + min);
}

function monthIndex(token: string): number {
  const i = MONTHS.indexOf(token.slice(0, 3));
  if (i < 0) return -1;
  return token.length === 3 || token === FULL_MONTHS[i] || token === 'sept' ? i : -1;
}

function dayIndex(token: string): number {
  const i = DAYS.indexOf(token.slice(0, 3));
  if (i < 0) return -1;
  return token.length === 3 || token === FULL_DAYS[i] ? i : -1;
}

/** The fields of a date as read, before validation. `year` is already four-digit. */
interface Fields {
  weekday: number;
  month: number;
  day: number;
  year: number;
  hour: number;
  minute: number;
  /** Undefined when the time had no seconds. */
  second: number | undefined;
  zone: ZoneCertainty;
  offset: number | undefined;
  zoneText: string | undefined;
}

/** Validates read fields and builds the date; undefined when the calendar or the clock does not allow them. */
function build(f: Fields): EmailDate | undefined {
  if (f.year < 1900 || f.year > 2999 || f.hour > 23 || f.minute > 59 || (f.second ?? 0) > 60)
    return undefined;
  // A leap second (":60") is written as :59 rather than rolling into the next minute.
  const wall = Date.UTC(f.year, f.month, f.day, f.hour, f.minute, Math.min(f.second ?? 0, 59));
  const check = new Date(wall);
  if (check.getUTCMonth() !== f.month || check.getUTCDate() !== f.day) return undefined;
  return {
    local: check.toISOString().slice(0, 19),
    ...(f.offset !== undefined ? { ms: wall - f.offset * 60_000 } : {}),
    zone: f.zone,
    ...(f.zoneText !== undefined ? { zoneText: f.zoneText } : {}),
    hasSeconds: f.second !== undefined,
    weekdayMismatch: f.weekday >= 0 && f.weekday !== check.getUTCDay(),
  };
}

// The two layouts nearly every real message uses, read without tokenising (the general path handles the rest).
const RFC_FAST =
  /^(?:([A-Za-z]{3}), ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-])(\d{2})(\d{2})(?: \([^()\\]*\))?$/;
const ASCTIME_FAST =
  /^([A-Za-z]{3}) ([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (?:([+-])(\d{2})(\d{2}) )?(\d{4})$/;

function fast(raw: string): Fields | undefined {
  let m = RFC_FAST.exec(raw);
  if (m) {
    const weekday = m[1] === undefined ? -1 : DAYS.indexOf(m[1].toLowerCase());
    const month = MONTHS.indexOf(m[3]!.toLowerCase());
    if (weekday === -1 && m[1] !== undefined) return undefined;
    if (month < 0 || Number(m[9]) > 14 || Number(m[10]) > 59) return undefined;
    return {
      weekday,
      month,
      day: Number(m[2]),
      year: Number(m[4]),
      hour: Number(m[5]),
      minute: Number(m[6]),
      second: m[7] === undefined ? undefined : Number(m[7]),
      zone: 'numeric',
      offset: (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])),
      zoneText: `${m[8]}${m[9]}${m[10]}`,
    };
  }
  m = ASCTIME_FAST.exec(raw);
  if (m) {
    const weekday = DAYS.indexOf(m[1]!.toLowerCase());
    const month = MONTHS.indexOf(m[2]!.toLowerCase());
    if (weekday < 0 || month < 0 || (m[7] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)))
      return undefined;
    return {
      weekday,
      month,
      day: Number(m[3]),
      year: Number(m[10]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
      zone: m[7] === undefined ? 'none' : 'numeric',
      offset: m[7] === undefined ? undefined : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])),
      zoneText: m[7] === undefined ? undefined : `${m[7]}${m[8]}${m[9]}`,
    };
  }
  return undefined;
}

/** Parses an e-mail date; returns undefined when any part is missing, out of range, or not understood. */
export function parseEmailDate(raw: string): EmailDate | undefined {
  const quick = fast(raw);
  if (quick) return build(quick);
  const tokens = stripComments(raw).toLowerCase().replace(/,/g, ' ').trim().split(/\s+/);
  let weekday = -1;
  let month = -1;
  let day: number | undefined;
  let year: number | undefined;
  let yearDigits = 0;
  let time: RegExpExecArray | undefined;
  let meridiem: string | undefined;
  let zone: ZoneCertainty = 'none';
  let offset: number | undefined;
  let zoneText: string | undefined;

  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t]!;
    if (token === '') continue;
    const dashed = DMY_DASHED_RE.exec(token);
    if (dashed) {
      // IMAP-style "01-Jan-2024": expand in place and re-read.
      tokens.splice(t, 1, dashed[1]!, dashed[2]!, dashed[3]!);
      t--;
      continue;
    }
    if (/^\d+$/.test(token)) {
      const n = Number(token);
      if (token.length === 4 && year === undefined) {
        year = n;
        yearDigits = 4;
      } else if (token.length <= 2 && day === undefined && time === undefined) day = n;
      else if (token.length <= 3 && year === undefined && day !== undefined) {
        year = n;
        yearDigits = token.length;
      } else return undefined;
      continue;
    }
    if (time === undefined) {
      const tm = TIME_RE.exec(token);
      if (tm) {
        time = tm;
        continue;
      }
    }
    if ((token === 'am' || token === 'pm') && time !== undefined && meridiem === undefined) {
      meridiem = token;
      continue;
    }
    if (/^[a-z]+\.?$/.test(token)) {
      const word = token.replace(/\.$/, '');
      if (month < 0 && monthIndex(word) >= 0) {
        month = monthIndex(word);
        continue;
      }
      if (weekday < 0 && time === undefined && dayIndex(word) >= 0) {
        weekday = dayIndex(word);
        continue;
      }
    }
    if (time === undefined) return undefined;
    // Zone tokens come after the time. A second zone token ("+0000 GMT") is tolerated, never preferred.
    const num = numericZone(token);
    if (num !== undefined) {
      if (zone !== 'numeric') {
        zone = 'numeric';
        offset = num;
        zoneText = token.toUpperCase();
      }
      continue;
    }
    if (!/^[a-z]{1,5}$/.test(token)) return undefined;
    if (zone === 'numeric' || zone === 'rfc') continue;
    zoneText = token.toUpperCase();
    if (token in RFC_ZONES) {
      zone = 'rfc';
      offset = RFC_ZONES[token];
    } else if (token in ABBREVIATIONS) {
      zone = 'abbreviation';
      offset = ABBREVIATIONS[token];
    } else if (token.length === 1 && token !== 'j') {
      // RFC 822's military zones had their signs reversed in practice; RFC 5322 says read them as -0000.
      zone = 'military';
      offset = 0;
    } else {
      zone = 'unknown';
      offset = undefined;
    }
  }

  if (month < 0 || day === undefined || year === undefined || time === undefined) return undefined;
  // RFC 5322 §4.3: two-digit years below 50 are 20xx, other two- and three-digit years add 1900.
  if (yearDigits === 2) year += year < 50 ? 2000 : 1900;
  else if (yearDigits === 3) year += 1900;
  let hour = Number(time[1]);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  }
  return build({
    weekday,
    month,
    day,
    year,
    hour,
    minute: Number(time[2]),
    second: time[3] === undefined ? undefined : Number(time[3]),
    zone,
    offset,
    zoneText,
  });
}

/** True when the zone is one whose offset cannot be misread (a numeric offset, UT/GMT/UTC/Z, or an RFC US zone). */
export function isCertain(d: EmailDate): d is EmailDate & { ms: number } {
  return (d.zone === 'numeric' || d.zone === 'rfc') && d.ms !== undefined;
}
