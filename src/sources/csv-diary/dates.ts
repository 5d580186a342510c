/**
 * Reading the Date cell. Diaries are typed by hand or exported from a spreadsheet, which writes a cell as it
 * is displayed: `03/02/2024`, `3.2.24`, `2024-02-03`, `Sat 3 Feb 2024`, `03-Feb-24`, an Excel serial number
 * (`45325`) when the column was never formatted as a date, or a date and time together (`03/02/2024 21:40`),
 * which a diary app writes as an ISO 8601 stamp, with its UTC offset (`2024-02-03T21:40:00Z`,
 * `2024-02-03 21:40:00+0100`: read as an instant) or without (`2024-02-03T21:40`: wall-clock time). A zone after
 * the time of a date written any other way (`13/07/2023 22:35 +01:00`, `14/07/2023 21:10 BST`), or a zone name
 * or "GMT+1" after any date, is not read, and is kept (`zone`) so that its row is rejected, never read without
 * it: a day-first date's offset is rare and a dash mostly starts a range (`22:35-23:00`; zones.ts says when it
 * is an offset), a name is shared by several zones.
 *
 * Day/month order is a property of the whole file, decided in `decideOrder` from every date in it (date-order.ts).
 * A stamp with its offset is read in zoned-stamps.ts, a weekday before or after the date in weekdays.ts, and a
 * cell that gives no one date (no day, no year, unsure, a week or several days) in not-one-date.ts.
 */

import { fullYear, isCalendarDate, type Ymd } from './calendar.js';
import { applyOrder } from './date-order.js';
import { lowerPlain } from './fold.js';
import type { TimeReading } from './time-reading.js';
import { readTimeCell } from './times.js';
import { WEEKDAY, weekdayNumber } from './weekdays.js';
import { type ZonedTime, zonedTime } from './zoned-stamps.js';
import { type RangeReading, zoneAfterTime } from './zones.js';

/**
 * A date cell as read, before the file's day/month order is applied. `rest` is any time written after it; `zone`
 * the time zone written after that time when it is not read (zones.ts), as written, upper-cased, and
 * `zoneOrRange` the range it could also end ("22:35" to "01:00" of "22:35 -01:00").
 */
export type DateCell =
  | {
      readonly kind: 'fixed';
      readonly ymd: Ymd;
      readonly rest: string;
      readonly zoned?: ZonedTime;
      readonly zone?: string;
      readonly zoneOrRange?: RangeReading;
      readonly weekday?: number;
      /** A second weekday, written after the date when `weekday` is written before it ("Mon 3 June 2024 (Tue)"). */
      readonly secondWeekday?: number;
    }
  | { readonly kind: 'serial'; readonly ymd: Ymd; readonly seconds: number | undefined }
  | {
      readonly kind: 'numeric';
      readonly a: number;
      readonly b: number;
      readonly c: number;
      readonly cDigits: number;
      readonly sep: string;
      readonly rest: string;
      readonly zone?: string;
      readonly zoneOrRange?: RangeReading;
      readonly weekday?: number;
      /** A second weekday, written after the date when `weekday` is written before it ("Mon 3 June 2024 (Tue)"). */
      readonly secondWeekday?: number;
    };

export const MONTHS = new Map<string, number>();
[
  'january jan januar janner jaenner enero ene janvier janv',
  'february feb februar febrero fevrier fevr fev',
  'march mar marz maerz mrz marzo mars',
  'april apr abril abr avril avr',
  'may mai mayo',
  'june jun juni junio juin',
  'july jul juli julio juillet juil',
  'august aug agosto ago aout',
  'september sep sept septiembre setiembre septembre',
  'october oct oktober okt octubre octobre',
  'november nov noviembre novembre',
  'december dec dezember dez diciembre dic decembre',
].forEach((names, i) => {
  for (const n of names.split(' ')) MONTHS.set(n, i + 1);
});

const SERIAL = /^(\d{5})(?:[.,](\d+))?$/;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:$|(t|\s*,\s*|\s+)(.*)$)/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\.?(?:$|(?:\s*,\s*|\s+)(.*)$)/;
// "3 Jun 2024", "3rd of June '24", "3-Jun-24"; "June 3rd, 2024", "Jun 3 '24" (an apostrophe for the century).
const DAY_MONTH =
  /^(\d{1,2})(?:st|nd|rd|th|er)?\.?(?:\s+(?:of|de))?[\s\-/.]*([a-z]+)\.?(?:\s+de)?[\s\-/.,]*['\u2019]?(\d{4}|\d{2})(?:$|(?:\s*,\s*|\s+)(.*)$)/;
const MONTH_DAY =
  /^([a-z]+)\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?,?(?:[\s\-/.,]+|[\s,]*['\u2019])(\d{4}|\d{2})(?:$|(?:\s*,\s*|\s+)(.*)$)/;

// The same without a zone but with a fraction of a second (`21:40:00.000`): wall-clock time, read without it.
const FRACTION = /^(\d{2}:\d{2}:\d{2})[.,]\d{1,9}$/;
// "3 Feb 2024 at 21:40", "3.2.2024 um 21:40 Uhr", "3 de febrero a las 21:40", "3/2/2024 @ 21:40".
const TIME_LEAD = /^(?:(?:at|um|a las|a la|a|vers|-)\s+|@\s*)/;

/** The zone written after a clock time in `t` that is not read (zones.ts), or nothing. */
function zoneFields(t: string): { zone: string; zoneOrRange?: RangeReading } | Record<string, never> {
  const z = zoneAfterTime(t);
  if (!z) return {};
  return z.orRange === undefined ? { zone: z.zone } : { zone: z.zone, zoneOrRange: z.orRange };
}

/** Days from 1899-12-30 (Excel's 1900 date system as it behaves in practice) to a calendar date. */
function fromSerial(days: number): Ymd {
  const dt = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/**
 * Reads a date cell. Undefined when it is not a date in any form this reader knows. A weekday before the date
 * ("Sat 3 Feb 2024") or after it ("3 Feb 2024 (Sat)") is kept (`weekday`, 0 for Sunday), so that one the date
 * contradicts is flagged.
 */
export function readDateCell(raw: string): DateCell | undefined {
  const t = lowerPlain(raw);
  const wd = WEEKDAY.exec(t);
  const s = wd ? t.slice(wd[0].length) : t;
  const cell = readDate(s);
  const weekday = wd ? weekdayNumber(wd[0]) : undefined;
  if (!cell || cell.kind === 'serial') return cell;
  if (weekday !== undefined) {
    // "Mon 3 June 2024 (Tue)": a weekday after the date too is taken off what follows it and checked as well, so
    // that two that disagree are flagged, never one dropped or read as a time in words.
    const second = weekdayAfter(s, cell);
    return second && second.kind !== 'serial' && second.weekday !== undefined
      ? { ...second, weekday, secondWeekday: second.weekday }
      : { ...cell, weekday };
  }
  return weekdayAfter(s, cell) ?? cell;
}

// A weekday after the date: "3 June 2024 (Mon)", "3/6/24, Monday", "3 June 2024 Mon 9pm". In brackets any name
// WEEKDAY reads; without, only one of three letters or more ("Mo" or "do" could be a word) followed by nothing,
// or by a time.
const AFTER_WEEKDAY = /^(?:\(\s*([a-z]+)\.?\s*\)|([a-z]{3,})\.?(?=[,\s]|$))[\s,]*/;

/**
 * The date read from `s` (as `cell`, its weekday taken off) with a weekday written after it as the one written
 * before it is: kept (`weekday`), and taken off what follows the date, so that it is checked against the date and
 * not read as a time. Undefined when none follows the date. "3 June 2024 sat outside" is no weekday: what follows
 * "sat" is no time.
 */
function weekdayAfter(s: string, cell: Exclude<DateCell, { kind: 'serial' }>): DateCell | undefined {
  const m = AFTER_WEEKDAY.exec(cell.rest);
  if (!m || !s.endsWith(cell.rest)) return undefined;
  const word = m[1] ?? m[2]!;
  const weekday = WEEKDAY.test(`${word} `) ? weekdayNumber(word) : undefined;
  if (weekday === undefined) return undefined;
  const after = cell.rest.slice(m[0].length);
  if (m[2] !== undefined && after !== '') {
    const time = readTimeCell(after);
    // A time with a zone ("Mon 21:00 BST") is a time, whose zone the row reader then rejects as it does any.
    const timeWithZone = time.kind === 'bad' && zoneAfterTime(after) !== undefined;
    if ((time.kind === 'bad' && !timeWithZone) || (time.kind === 'day' && time.how === 'free-text'))
      return undefined;
  }
  const again = readDate(`${s.slice(0, s.length - cell.rest.length).trimEnd()} ${after}`.trim());
  return again && again.kind !== 'serial' ? { ...again, weekday } : undefined;
}

// What joins a second date to the first: "3/6/2024 & 4/6/2024", "3 June 2024 to 5 June 2024" ("-" is taken off
// with the words before a time, TIME_LEAD).
const DATE_JOIN = /^(?:&|and|und|y|et|,|;|\+|\/|[-\u2013]|to|till|until|bis|then)\s*/;

/**
 * Whether a Date cell gives a second date after its first (`rest`, what follows the first as read): two
 * incidents, or one over several days, in one row. Read, the row would keep the first date and drop the other
 * without a word (a filled Time cell leaves what follows the date unread). A clock time is no second date, though
 * written with dots and seconds it has a date's form (`14.06.2024 21.30.00`, `10.12.05`): one that reads as a time
 * is a time here, and date-shaped-times.ts then decides whether it is rather a date (`16.06.24 17.06.24`).
 * Otherwise a real date is a second date, joined to the first by a word ("&", "and", "to") or not
 * (`16/06/24 17/06/24`, `16.06.24 17.06.2024`). `asTime`: `rest` read as a time, when the caller has read it.
 */
export function hasSecondDate(rest: string, asTime: TimeReading = readTimeCell(rest)): boolean {
  if (asTime.kind !== 'bad') return false;
  const join = DATE_JOIN.exec(rest);
  const after = join ? rest.slice(join[0].length) : rest;
  const cell = readDateCell(after);
  if (cell === undefined || cell.kind === 'serial') return false;
  const real =
    cell.kind === 'numeric'
      ? isCalendarDate(applyOrder(cell, 'dmy')) || isCalendarDate(applyOrder(cell, 'mdy'))
      : isCalendarDate(cell.ymd);
  return real;
}

/** `readDateCell` of a cell lower-cased, its weekday taken off. */
function readDate(s: string): DateCell | undefined {
  let m = SERIAL.exec(s);
  if (m) {
    // The fraction of an Excel date-time is the time of day; rounded to the second, as Excel displays it.
    const seconds = m[2] === undefined ? undefined : Math.round(Number(`0.${m[2]}`) * 86_400);
    return { kind: 'serial', ymd: fromSerial(Number(m[1])), seconds };
  }
  const rest = (t: string | undefined): string => (t ?? '').trim().replace(TIME_LEAD, '');
  m = YEAR_FIRST.exec(s);
  if (m) {
    const ymd = { y: Number(m[1]), m: Number(m[3]), d: Number(m[4]) };
    const after = rest(m[6]);
    const zoned = zonedTime(after, m[5] === 't');
    if (zoned) return { kind: 'fixed', ymd, rest: '', zoned };
    return { kind: 'fixed', ymd, rest: after.replace(FRACTION, '$1'), ...zoneFields(after) };
  }
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b, c] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const after = rest(m[5]);
    return {
      kind: 'numeric',
      a,
      b,
      c,
      cDigits: m[4]!.length,
      sep: m[2]!,
      rest: after,
      ...zoneFields(after),
    };
  }
  m = DAY_MONTH.exec(s);
  const dm = m && MONTHS.get(m[2]!);
  if (m && dm) {
    const after = rest(m[4]);
    return {
      kind: 'fixed',
      ymd: { y: fullYear(Number(m[3]), m[3]!.length), m: dm, d: Number(m[1]) },
      rest: after,
      ...zoneFields(after),
    };
  }
  m = MONTH_DAY.exec(s);
  const md = m && MONTHS.get(m[1]!);
  if (m && md) {
    const after = rest(m[4]);
    return {
      kind: 'fixed',
      ymd: { y: fullYear(Number(m[3]), m[3]!.length), m: md, d: Number(m[2]) },
      rest: after,
      ...zoneFields(after),
    };
  }
  return undefined;
}
