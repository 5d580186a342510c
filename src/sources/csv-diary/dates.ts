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
 * Day/month order is a property of the whole file, decided in `decideOrder` from every date in it.
 */
import { MONTH_NAMES } from '../../model/format.js';
import { HAND_KEPT_YEARS } from '../../model/time-range.js';
import type { DateOrder, SourceOptions } from '../source.js';
import { SourceFailure } from '../source.js';
import { lowerPlain } from './fold.js';
import { readTimeCell } from './times.js';
import { type RangeReading, zoneAfterTime } from './zones.js';

/** A calendar date; not necessarily a real one until `realDate` says so. */
export interface Ymd {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

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
    };

const MONTHS = new Map<string, number>();
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

const WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+|^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mo|di|mi|do|fr|sa|so)\.?,?\s+/;
const SERIAL = /^(\d{5})(?:[.,](\d+))?$/;
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:$|(t|\s*,\s*|\s+)(.*)$)/;
const NUMERIC = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})\.?(?:$|(?:\s*,\s*|\s+)(.*)$)/;
// "3 Jun 2024", "3rd of June '24", "3-Jun-24"; "June 3rd, 2024", "Jun 3 '24" (an apostrophe for the century).
const DAY_MONTH =
  /^(\d{1,2})(?:st|nd|rd|th|er)?\.?(?:\s+(?:of|de))?[\s\-/.]*([a-z]+)\.?(?:\s+de)?[\s\-/.,]*['\u2019]?(\d{4}|\d{2})(?:$|(?:\s*,\s*|\s+)(.*)$)/;
const MONTH_DAY =
  /^([a-z]+)\.?[\s\-/.]*(\d{1,2})(?:st|nd|rd|th)?,?(?:[\s\-/.,]+|[\s,]*['\u2019])(\d{4}|\d{2})(?:$|(?:\s*,\s*|\s+)(.*)$)/;
// The time of an ISO 8601 stamp after a year-first date, as apps and spreadsheets export it (lower-cased by
// then): `21:40z`, `21:40:00.000z`, `21:40+01:00`, `21:40:00+0100`, `21:40 +01`, `21:40:00 utc`. "UTC" and "GMT"
// alone are offset zero; "GMT+1" is not read (POSIX writes it with the sign reversed), nor is an abbreviation
// such as "CET" (several zones share some): such a time is rejected as unreadable, never read without its zone.
const ZONED =
  /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s?(?:(z|utc|gmt)|([+\-\u2212])(\d{2})(?::?(\d{2}))?)$/;

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

/** Years written with two digits: 00–69 are 2000–2069, 70–99 are 1970–1999 (the POSIX `%y` rule). */
export function fullYear(y: number, digits: number): number {
  if (digits > 2) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/** Days from 1899-12-30 (Excel's 1900 date system as it behaves in practice) to a calendar date. */
function fromSerial(days: number): Ymd {
  const dt = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

// A day and month with no year after them: "3/6", "3.6.", "3rd June", "June 3rd", each maybe followed by a time
// ("3/6 9pm"). Not "3-6", which could be a span of days.
// What ends such a day and month: the end of the cell, a space or a comma, and no year after it ("'24", "2024";
// a time, "3/6 21:00" or "3/6 10.30", is no year).
const NO_YEAR_AFTER = String.raw`(?=$|[\s,])(?![\s,]*['\u2019]?\d{2}(?:\d{2})?(?![\d:.h]))`;
const NO_YEAR_NUMERIC = new RegExp(String.raw`^\d{1,2}[/.]\d{1,2}\.?` + NO_YEAR_AFTER);
const NO_YEAR_DAY_MONTH = new RegExp(
  String.raw`^\d{1,2}(?:st|nd|rd|th|er)?\.?(?:\s+(?:of|de))?[\s\-/.]*([a-z]+)\.?` + NO_YEAR_AFTER,
);
const NO_YEAR_MONTH_DAY = new RegExp(String.raw`^([a-z]+)\.?\s*\d{1,2}(?:st|nd|rd|th)?` + NO_YEAR_AFTER);

// A month and year with no day: "June 2024", "early June 2024", "end of June 2024", "06/2024".
const NO_DAY =
  /^(?:(?:early|mid|late|end of|start of|beginning of|sometime in|in)\s+)?(?:([a-z]+)\.?,?\s+(?:of\s+)?|(\d{1,2})[/.-])\d{4}$/;

/** Whether a Date cell that is no date (`readDateCell` gave nothing) is a month and year without a day. */
export function lacksDay(raw: string): boolean {
  const m = NO_DAY.exec(lowerPlain(raw));
  if (!m) return false;
  return m[1] === undefined ? Number(m[2]) >= 1 && Number(m[2]) <= 12 : MONTHS.has(m[1]);
}

/**
 * Whether a Date cell that is no date (`readDateCell` gave nothing) is a day and month written without a year
 * ("Mon 3rd June", "3/6"), so that its rejection says so: the year is never taken from other rows or the clock.
 */
export function lacksYear(raw: string): boolean {
  const s = lowerPlain(raw).replace(WEEKDAY, '');
  if (NO_YEAR_NUMERIC.test(s)) return true;
  const month = NO_YEAR_DAY_MONTH.exec(s)?.[1] ?? NO_YEAR_MONTH_DAY.exec(s)?.[1];
  return month !== undefined && MONTHS.has(month);
}

// The day of the week (0 Sunday) each weekday name and abbreviation WEEKDAY reads stands for; English by its
// first three letters ("tues", "thurs", "wednesday").
const WEEKDAY_NUMBERS = new Map<string, number>();
[
  'sun sonntag so domingo dimanche',
  'mon montag mo lunes lundi',
  'tue dienstag di martes mardi',
  'wed mittwoch mi miercoles mercredi',
  'thu donnerstag do jueves jeudi',
  'fri freitag fr viernes vendredi',
  'sat samstag sa sabado samedi',
].forEach((names, i) => {
  for (const n of names.split(' ')) WEEKDAY_NUMBERS.set(n, i);
});

/** The day of the week a weekday as WEEKDAY matched it ("Sat, ", "mittwoch ") names, 0 for Sunday. */
function weekdayNumber(written: string): number | undefined {
  const w = written.replace(/[.,\s]+$/, '');
  return WEEKDAY_NUMBERS.get(w) ?? WEEKDAY_NUMBERS.get(w.slice(0, 3));
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
  if (weekday !== undefined) return { ...cell, weekday };
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

// A date its writer marks as uncertain: "approx 13 June 2024", "around 13/06/2024", "c. 13/06/2024", "13/06/2024?".
const UNSURE_BEFORE = /^(approx(?:imately)?\.?|around|about|abt\.?|roughly|circa|ca\.|c\.|~|\u2248)\s*/i;

/**
 * Whether a "?" in a Date cell comes straight after its date, attached or after a space or an opening bracket, with
 * nothing but the date before it: "13/06/2024?", "13/06/2024 ?", "13/06/2024 (?)", "13/06/2024? 21:00". Typed there
 * it questions the date, whatever follows it; only a "?" after a time ("13/06/2024 21:00?") or after "at"
 * ("13/06/2024 at ?") questions the time.
 */
function questionAfterDate(t: string): boolean {
  const at = t.indexOf('?');
  if (at < 0) return false;
  const date = t.slice(0, at).replace(/[\s(]+$/, '');
  // "13/06/2024 at ?", "… @ ?": the time is what is not known.
  if (/(?:@|\s(?:at|um|a las|a la|a|vers))$/i.test(date)) return false;
  const cell = readDateCell(date);
  return cell !== undefined && (cell.kind === 'serial' || cell.rest === '');
}

/**
 * The word with which a Date cell marks its date as uncertain, as written ("approx" of "approx 13 June 2024", "?"
 * of "13/06/2024?" and of "13/06/2024 ?"), or undefined: its rejection then says why, and the date is never read as
 * if the diary were sure of it. A "?" is read so only straight after the date (`questionAfterDate`).
 */
export function unsureDateWord(raw: string): string | undefined {
  const t = raw.trim();
  const before = UNSURE_BEFORE.exec(t);
  const after = before ? t.slice(before[0].length) : t;
  if (questionAfterDate(after)) return before ? before[1] : '?';
  return before && readDateCell(after) !== undefined ? before[1] : undefined;
}

// A week for a date: "w/c 3 June 2024" (week commencing), "w/b", "week beginning", "week of", "w/e" (week ending).
const WEEK =
  /^(w\/? ?c|w\/? ?b|w\/? ?e|wk\.? (?:comm?|commencing|beg|beginning|ending)|week (?:commencing|beginning|starting|ending|of))\.?:? +(.+)$/;
// Days joined before one date: "3-4 June 2024", "3rd to 5th June 2024", "3 & 4 June 2024", "30 May - 2 June 2024",
// "3.-4. Juni 2024", "3-4/6/2024"; the first part is a day (with or without its month) the second's date ends.
const DAYS_JOIN = / *(?:[-\u2013\u2014&+,]|\b(?:to|till|til|until|through|thru|and|bis|und|al|au|y|et)\b) */;
// Days listed rather than spanned: "3 & 4 June 2024", "3rd and 5th June 2024".
const LIST = /[&+,]|\b(?:and|und|y|et)\b/;
const DAY_ONLY = /^\d{1,2}(?:st|nd|rd|th|er)?\.?$/;
// "June 3-4, 2024", "Jun 3rd to 5th 2024": month first.
const MONTH_DAYS =
  /^([a-z]+)\.? +\d{1,2}(?:st|nd|rd|th)? *(?:[-\u2013\u2014&+,]|\b(?:to|till|until|through|thru|and)\b) *\d{1,2}(?:st|nd|rd|th)?,? +['\u2019]?(?:\d{4}|\d{2})\b/;

/**
 * What a Date cell that is no date (`readDateCell` gave nothing) gives instead of one day, as written: a week
 * ("w/c" of "w/c 3 June 2024"), or days, spanned ("3-4 June 2024") or listed ("3 & 4 June 2024"). Neither is one
 * date, and taking its first day would place an incident on a day the diary does not give.
 */
export function manyDays(
  raw: string,
): { kind: 'week'; word: string } | { kind: 'days'; span: boolean } | undefined {
  const t = lowerPlain(raw);
  const week = WEEK.exec(t);
  if (week && (readDateCell(week[2]!) !== undefined || lacksYear(week[2]!)))
    return { kind: 'week', word: raw.trim().slice(0, week[1]!.length) };
  const month = MONTH_DAYS.exec(t.replace(WEEKDAY, ''));
  if (month && MONTHS.has(month[1]!)) return { kind: 'days', span: !LIST.test(month[0]) };
  const join = DAYS_JOIN.exec(t);
  if (!join || join.index === 0) return undefined;
  const [first, second] = [t.slice(0, join.index), t.slice(join.index + join[0].length)];
  const firstIsDay = DAY_ONLY.test(first.replace(WEEKDAY, '')) || lacksYear(first);
  // The second part may lack its year too ("3-4 June"): the row needs one date for each day first.
  const secondIsDate = readDateCell(second) !== undefined || lacksYear(second);
  return firstIsDay && secondIsDate ? { kind: 'days', span: !LIST.test(join[0]) } : undefined;
}

// What joins a second date to the first: "3/6/2024 & 4/6/2024", "3 June 2024 to 5 June 2024" ("-" is taken off
// with the words before a time, TIME_LEAD).
const DATE_JOIN = /^(?:&|and|und|y|et|,|;|\+|\/|[-\u2013]|to|till|until|bis|then)\s*/;

/**
 * Whether a Date cell gives a second date after its first (`rest`, what follows the first as read): two
 * incidents, or one over several days, in one row. Read, the row would keep the first date and drop the other
 * without a word (a filled Time cell leaves what follows the date unread). A clock time is no second date, though
 * written with dots and seconds it has a date's form (`14.06.2024 21.30.00`, `10.12.05`): one that reads as a time
 * is a time. Otherwise a real date is a second date, joined to the first by a word ("&", "and", "to") or not
 * (`16/06/24 17/06/24`, `16.06.24 17.06.2024`).
 */
export function hasSecondDate(rest: string): boolean {
  if (readTimeCell(rest).kind !== 'bad') return false;
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

/**
 * The stamp's time and offset in `t`, the time after a year-first date (`stamp`: joined to it by `T`). A minus
 * offset is read only where a stamp shows it is one (after a `T`, or after seconds): a hand-typed `9:00-11:00` or
 * `08:30-10:15` after the date is a range, which read as an offset would move the row ten hours without a word.
 */
function zonedTime(t: string, stamp: boolean): ZonedTime | undefined {
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

/**
 * What one date says about the file's order: `dmy` when it only reads day-first, `mdy` when only month-first.
 */
export function orderEvidence(cell: DateCell): 'dmy' | 'mdy' | undefined {
  if (cell.kind !== 'numeric' || cell.a > 31 || cell.b > 31) return undefined;
  if (cell.a > 12 && cell.b <= 12) return 'dmy';
  if (cell.b > 12 && cell.a <= 12) return 'mdy';
  return undefined;
}

/** The calendar date of a cell under the file's order (numeric cells only depend on it). */
export function applyOrder(cell: DateCell, order: DateOrder): Ymd {
  if (cell.kind !== 'numeric') return cell.ymd;
  const c = fullYear(cell.c, cell.cDigits);
  if (order === 'dmy') return { y: c, m: cell.b, d: cell.a };
  if (order === 'mdy') return { y: c, m: cell.a, d: cell.b };
  // ymd: a two-digit year written first ("24/02/03"); a four-digit last part cannot be a day.
  return { y: fullYear(cell.a, 2), m: cell.b, d: cell.cDigits > 2 ? 99 : cell.c };
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

/** Everything pass one learned about the file's numeric dates. */
export interface OrderStats {
  /** First line whose date can only be day-first / month-first, with the value. */
  dmy?: { line: number; value: string };
  mdy?: { line: number; value: string };
  /** First numeric date that needs an order, and whether every such date uses dots. */
  firstAmbiguous?: { line: number; value: string };
  allDotted: boolean;
}

/**
 * Whether a numeric cell is a usable date in neither day-first nor month-first order: `32/01/2024`, and also
 * `15/03/2204`, real but outside the accepted years. Such a row is rejected, so it does not steer the order.
 */
export function invalidInBothOrders(cell: DateCell): boolean {
  return (
    cell.kind === 'numeric' &&
    realDate(applyOrder(cell, 'dmy')) === undefined &&
    realDate(applyOrder(cell, 'mdy')) === undefined
  );
}

/** Whether a numeric cell is not a calendar date in either order, whatever the year (`31/02/2024`). */
export function impossibleInBothOrders(cell: DateCell): boolean {
  return (
    cell.kind === 'numeric' &&
    !isCalendarDate(applyOrder(cell, 'dmy')) &&
    !isCalendarDate(applyOrder(cell, 'mdy'))
  );
}

/**
 * Whether a cell's date depends on the day/month order: a numeric date whose first two parts differ and that is a
 * usable date in at least one order (one usable in neither is rejected for that, whatever the order).
 */
export function dependsOnOrder(cell: DateCell): boolean {
  return cell.kind === 'numeric' && cell.a !== cell.b && !invalidInBothOrders(cell);
}

/** Adds one cell to the statistics. */
export function collectOrder(stats: OrderStats, cell: DateCell, line: number, value: string): void {
  if (cell.kind !== 'numeric') return;
  // A date that is real in neither order says nothing about the order and needs none: its row is rejected.
  if (invalidInBothOrders(cell)) return;
  const ev = orderEvidence(cell);
  if (ev && !stats[ev]) stats[ev] = { line, value };
  // 03/03/2024 is the same date in either order: it needs no order, so it asks for none (`dependsOnOrder`, whose
  // other tests were passed above).
  if (!ev && cell.a !== cell.b) stats.firstAmbiguous ??= { line, value };
  if (cell.sep !== '.') stats.allDotted = false;
}

// Countries that write month first. Canada mixes both, so it decides nothing.
const MDY_REGIONS = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM', 'PH', 'FM', 'MH', 'PW']);

/** The file's day/month order, or why it has none, with the warning a guess calls for. */
export interface OrderDecision {
  /** The order to read dates with; with `undecided`, only dates that read the same in either order are read. */
  readonly order: DateOrder;
  readonly code?: string;
  readonly message?: string;
  readonly locator?: number;
  /**
   * Set when the order cannot be decided: every row whose date depends on it is rejected (`DIARY_DATE_ORDER_UNKNOWN`)
   * and, once the file is read, this is thrown as read to the end. `why`: the end of each such row's message.
   */
  readonly undecided?: { readonly failure: SourceFailure; readonly why: string };
}

/**
 * The order to read the file with, or why it cannot be decided. A date that reads only one way (a day
 * above 12) with none contradicting it settles the order, so there is nothing to warn about (as in the
 * WhatsApp reader). Only a guess, from the dots or the case region, comes with a warning that says so.
 */
export function decideOrder(
  stats: OrderStats,
  options: Pick<SourceOptions, 'dateOrder' | 'region'>,
): OrderDecision {
  if (options.dateOrder) return { order: options.dateOrder };
  const { dmy, mdy, firstAmbiguous } = stats;
  if (dmy && mdy)
    return {
      order: 'dmy',
      undecided: {
        failure: new SourceFailure(
          'DIARY_DATE_ORDER_CONFLICT',
          `Dates are written both day-first ("${dmy.value}" on line ${dmy.line}) and month-first ("${mdy.value}" on line ${mdy.line})`,
          dmy.line,
          'Correct the dates that are the wrong way round, or re-run with --date-order dmy or --date-order mdy',
        ),
        why: `this file writes dates both day-first (line ${dmy.line}) and month-first (line ${mdy.line})`,
      },
    };
  if (dmy) return { order: 'dmy' };
  if (mdy) return { order: 'mdy' };
  if (!firstAmbiguous) return { order: 'dmy' };
  const example = `"${firstAmbiguous.value}" on line ${firstAmbiguous.line}`;
  // Dotted numeric dates are day-first wherever they are written (de, at, ch, pl, ru…): nobody writes 2.25.2024.
  if (stats.allDotted)
    return {
      order: 'dmy',
      code: 'DIARY_DATE_ORDER_ASSUMED',
      message: `Every date could be day- or month-first (e.g. ${example}); read as day.month.year, the convention for dates written with dots`,
      locator: firstAmbiguous.line,
    };
  const region = options.region?.toUpperCase();
  if (region && region !== 'CA') {
    const order = MDY_REGIONS.has(region) ? 'mdy' : 'dmy';
    return {
      order,
      code: 'DIARY_DATE_ORDER_ASSUMED',
      message: `Every date could be day- or month-first (e.g. ${example}); read as ${order === 'dmy' ? 'day/month/year' : 'month/day/year'}, the convention in region ${region}`,
      locator: firstAmbiguous.line,
    };
  }
  return {
    order: 'dmy',
    undecided: {
      failure: new SourceFailure(
        'DIARY_DATE_ORDER_AMBIGUOUS',
        `Cannot tell whether dates are day/month or month/day: every date could be either (e.g. ${example})`,
        firstAmbiguous.line,
        'Re-run with --date-order dmy or --date-order mdy',
      ),
      why: "this file's dates do not tell which order it uses",
    },
  };
}
