/**
 * The general, token-by-token reading of an e-mail date, for everything the two fast layouts in ./date.ts do
 * not match: comments anywhere, missing weekday or seconds, 2- and 3-digit years, IMAP `01-Jan-2024`, AM/PM,
 * asctime order, zone names and `GMT+1`-style offsets, a second zone token (`+0000 GMT`). It only reads;
 * ./date.ts validates the calendar and the clock.
 */

import { DAYS, FULL_DAYS, FULL_MONTHS, MONTHS } from '../english-dates.js';
import type { ZoneCertainty } from './date.js';
import { ABBREVIATIONS, POSIX_ZONES, RFC_ZONES, wallClockOffset } from './zones.js';

/** The fields of a date as read, before validation. `year` is already four-digit. */
export interface Fields {
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
  /** A POSIX zone's clock change the time met (`wallClockOffset`): the timeline's `dst-gap` / `dst-ambiguous`. */
  dst?: 'gap' | 'overlap';
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

/** Reads the parts of a date written in any supported layout; undefined when a token is not understood. */
export function readTokens(raw: string): Fields | undefined {
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
  /** A POSIX TZ name written as the zone ("EST5EDT"), whose offset is found once the date is known. */
  let posix: string | undefined;

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
    const posixZone = Object.hasOwn(POSIX_ZONES, token) ? POSIX_ZONES[token] : undefined;
    if (posixZone !== undefined) {
      // Not standard (RFC 5322 knows no such zone), so it is no more certain than an abbreviation.
      if (zone !== 'numeric' && zone !== 'rfc') {
        zone = 'abbreviation';
        posix = posixZone;
        offset = undefined;
        zoneText = posixZone;
      }
      continue;
    }
    if (!/^[a-z]{1,5}$/.test(token)) return undefined;
    if (zone === 'numeric' || zone === 'rfc') continue;
    posix = undefined;
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
  const minute = Number(time[2]);
  let dst: Fields['dst'];
  if (posix !== undefined && zone === 'abbreviation') {
    const read = wallClockOffset(posix, Date.UTC(year, month, day, hour, minute, Number(time[3] ?? 0)));
    offset = read.offset;
    dst = read.dst;
  }
  return {
    ...(dst !== undefined ? { dst } : {}),
    weekday,
    month,
    day,
    year,
    hour,
    minute,
    second: time[3] === undefined ? undefined : Number(time[3]),
    zone,
    offset,
    zoneText,
  };
}
