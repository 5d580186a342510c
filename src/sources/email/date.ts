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
 * time. The two layouts nearly all mail uses are read by one regular expression each; everything else goes
 * through the token reader in ./date-tokens.ts. Deliberately unsupported: ISO 8601 dates, localised month
 * names, and English ordinals ("1st").
 */
import { type Fields, readTokens } from './date-tokens.js';
import { DAYS, MONTHS } from './zones.js';

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

const P2 = Array.from({ length: 61 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/** Validates read fields and builds the date; undefined when the calendar or the clock does not allow them. */
function build(f: Fields | undefined): EmailDate | undefined {
  if (!f) return undefined;
  if (f.year < 1900 || f.year > 2999 || f.hour > 23 || f.minute > 59 || (f.second ?? 0) > 60)
    return undefined;
  // A leap second (":60") is written as :59 rather than rolling into the next minute.
  const second = Math.min(f.second ?? 0, 59);
  const wall = Date.UTC(f.year, f.month, f.day, f.hour, f.minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== f.month || check.getUTCDate() !== f.day) return undefined;
  const d: { -readonly [K in keyof EmailDate]: EmailDate[K] } = {
    local: `${f.year}-${P2[f.month + 1]}-${P2[f.day]}T${P2[f.hour]}:${P2[f.minute]}:${P2[second]}`,
    zone: f.zone,
    hasSeconds: f.second !== undefined,
    weekdayMismatch: f.weekday >= 0 && f.weekday !== check.getUTCDay(),
  };
  if (f.offset !== undefined) d.ms = wall - f.offset * 60_000;
  if (f.zoneText !== undefined) d.zoneText = f.zoneText;
  return d;
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
  return build(readTokens(raw));
}

/** True when the zone is one whose offset cannot be misread (a numeric offset, UT/GMT/UTC/Z, or an RFC US zone). */
export function isCertain(d: EmailDate): d is EmailDate & { ms: number } {
  return (d.zone === 'numeric' || d.zone === 'rfc') && d.ms !== undefined;
}
