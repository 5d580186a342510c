/**
 * A time zone written after a clock time, in a Date cell after its date or in a Time cell, that is not read:
 *
 *   13/07/2023 22:35 +01:00     14/07/2023 21:10 BST     Jul 13, 2023 at 10:35 PM EDT     21:00 GMT+1
 *   13/07/2023 22:35:00-04:00   (a minus after seconds: an offset, as a stamp writes it)
 *
 * Read without it the time would be an hour or more off, so its row is rejected (a year-first ISO 8601 stamp's
 * offset, `2023-07-13T22:35-04:00`, is read by dates.ts before this is asked). A dash is the hard part, because
 * a hand-typed diary writes ranges with it: `22:35-01:00` and `22:35 - 01:00` cross midnight, as diary ranges
 * often do, and are ranges; a minus is an offset only after seconds (`22:35:00-01:00`), where a stamp puts it,
 * and no further than 14:00 from UTC (`21:00:00-23:00` is a range); in the Time cell, typed by hand, even that
 * could end a range, so its row is rejected saying it could be either.
 * With a space before it and none after (`9:00 -11:00`), people still mean a range when its end comes later
 * the same day (there is no other sign of a zone), but `22:35 -01:00` could be the offset an e-mail program writes
 * (`-0100`) as well as a range to 01:00, so that row is rejected saying it could be either, never read by a
 * guess. A word after a time that is no zone chronolog knows (`21:00 XYZ`) is named in the rejection too.
 * "EST" is the exception: in a British diary `9pm est` is "estimated", read so outside the Americas (`estimated`).
 */

/** A zone after a clock time, as written, upper-cased; `orRange` when it is a minus that could end a range. */
export interface ZoneAfter {
  readonly zone: string;
  /** The range `zone` could also end ("22:35" to "01:00" of "22:35 -01:00"), its start as written. */
  readonly orRange?: RangeReading;
}

export interface RangeReading {
  readonly from: string;
  readonly to: string;
}

// A clock time as people and programs write it before a zone: hour, minutes, seconds with a fraction, am/pm.
const TIME =
  /^(\d{1,2})(?:[:.h](\d{2})(?:[:.](\d{2})(?:[.,]\d{1,9})?)?)?(?:\s?([ap])\.?m\.?)?(?=\s|[-+\u2212z]|$)/;
// Words before the time that leave its zone as much a zone: "approx 9pm EST", "at 21:00 BST", "@ 21:00 CET".
const LEAD = /^(?:(?:approx(?:imately)?\.?|about|around|at|ca\.?|c\.|circa)\s+|[~@]\s*)+/;
const PLUS_OR_Z = /^\s?(z|\+\d{1,2}(?::?\d{2})?)$/;
// The names are the abbreviations phones and mail programs print; "GMT+1" is written both ways round (POSIX
// writes it for an hour behind UTC).
const NAME =
  /^\s((?:utc|gmt)(?:\s?[+\-\u2212]\s?\d{1,2}(?::?\d{2})?)?|bst|ist|cet|cest|mez|mesz|eet|eest|wet|west|msk|est|edt|cst|cdt|mst|mdt|pst|pdt|akst|akdt|hst|aest|aedt|acst|acdt|awst|nzst|nzdt|jst|kst|sast|wat|cat|eat)\.?$/;
const MINUS_AFTER_SECONDS = /^\s?([-\u2212](\d{2})(?::?(\d{2}))?)$/;
const MINUS_AFTER_SPACE = /^\s([-\u2212](\d{2}):?(\d{2}))$/;

/**
 * Whether "EST" after a time (`zone`, as `zoneAfterTime` gives it) is "estimated", as a British diary writes it
 * ("9pm est"), in a case whose zone is `caseZone`: everywhere but in the Americas, where it is as likely Eastern
 * Standard Time, which is not read without its offset.
 */
export function estimated(zone: string | undefined, caseZone: string): boolean {
  return zone === 'EST' && !caseZone.startsWith('America/');
}

/**
 * The zone written after a clock time in `written` (lower-cased, as `lowerPlain` gives it), in the `where` cell, or
 * undefined. A minus beyond 14:00 is never an offset (none is further from UTC), so `21:00:00-23:00` is a range.
 * After seconds in the Time cell, which is typed by hand (a stamp is written in the Date cell), a plausible minus
 * offset could as well end a range (`10:00:00-11:00`), so it is given as either, never asserted a zone.
 */
export function zoneAfterTime(written: string, where: TimeCellName = 'Date'): ZoneAfter | undefined {
  const t = written.replace(LEAD, '');
  const time = TIME.exec(t);
  if (!time) return undefined;
  const tail = t.slice(time[0].length);
  const zone = PLUS_OR_Z.exec(tail) ?? NAME.exec(tail);
  if (zone) return { zone: zone[1]!.toUpperCase() };
  const afterSeconds = time[3] ? MINUS_AFTER_SECONDS.exec(tail) : null;
  if (afterSeconds) {
    const [h, m] = [afterSeconds[2]!, afterSeconds[3] ?? '00'];
    if (!isOffset(Number(h), Number(m))) return undefined;
    if (where === 'Date') return { zone: afterSeconds[1]! };
    // The range written again without seconds: "10:00-11:00" (with them, it is what was written).
    const from = `${time[1]}:${time[2]}${time[4] ? `${time[4]}m` : ''}`;
    return { zone: afterSeconds[1]!, orRange: { from, to: `${h}:${m}` } };
  }
  const minus = MINUS_AFTER_SPACE.exec(tail);
  if (!minus) return undefined;
  const [h, m] = [Number(minus[2]), Number(minus[3])];
  if (!isOffset(h, m)) return undefined;
  const start = hour24Of(time) * 60 + Number(time[2] ?? 0);
  const end = h * 60 + m;
  // "9:00 -11:00" is a range to 11:00 the same morning, "9:30pm -11:00" one to 11pm: no zone.
  if (end > start || (time[4] === 'p' && end < 12 * 60 && end + 12 * 60 > start)) return undefined;
  return { zone: minus[1]!, orRange: { from: time[0], to: `${minus[2]}:${minus[3]}` } };
}

/** The hour of a TIME match on the 24-hour clock ("9pm" 21, "12am" 0, "21:00" 21). */
function hour24Of(time: RegExpExecArray): number {
  return (Number(time[1]) % (time[4] ? 12 : 24)) + (time[4] === 'p' ? 12 : 0);
}

/** Whether a minus h:m could be a UTC offset: none is further behind UTC than -12:00, nor ahead than +14:00. */
function isOffset(h: number, m: number): boolean {
  return m <= 59 && h * 60 + m <= 14 * 60;
}

/**
 * A word after a clock time that leaves the time unreadable ("21:00 XYZ", "9pm EET+"), as written in `raw`, or
 * undefined. Asked only of a time that cannot be read, so "9pm ish" or "21:00 approx" never get here.
 */
export function wordAfterTime(raw: string): string | undefined {
  const m = /^\s*\d{1,2}(?:[:.h]\d{2}){0,2}(?:\s?[ap]\.?m\.?)?\s+([A-Za-z]{2,12})\s*$/.exec(raw);
  return m?.[1];
}

/** Where a time was written: the Date cell after its date, or the Time cell. */
export type TimeCellName = 'Date' | 'Time';

interface Reason {
  readonly message: string;
  readonly hint: string;
}

/**
 * The clock time at the start of `written` (lower-cased), on the 24-hour clock with seconds when written ("9pm
 * bst" 21:00, "22:35:00-01:00" 22:35:00), for a worked example in a hint; undefined when there is none.
 */
export function clockBefore(written: string): string | undefined {
  const time = TIME.exec(written.replace(LEAD, ''));
  if (!time) return undefined;
  return `${String(hour24Of(time)).padStart(2, '0')}:${time[2] ?? '00'}${time[3] ? `:${time[3]}` : ''}`;
}

/** The UTC offset a zone as written states for certain ("Z", "+0100", "-01"), as a stamp writes it, or undefined. */
function knownOffset(zone: string): string | undefined {
  if (zone === 'Z' || zone === 'UTC' || zone === 'GMT') return 'Z';
  const m = /^([+\-\u2212])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return undefined;
  return `${m[1] === '+' ? '+' : '-'}${m[2]!.padStart(2, '0')}:${m[3] ?? '00'}`;
}

/**
 * The ISO 8601 stamp of the row's date (`date`) and time (`at`) with `zone`'s offset when it states one for certain
 * (2024-06-14T21:00+01:00, 2024-06-14T21:00Z), else the form with the offset to fill in.
 */
function stampExample(date: string, at: string | undefined, zone: string | undefined): string {
  const time = `${date}T${at ?? 'hh:mm'}`;
  const offset = zone === undefined ? undefined : knownOffset(zone);
  return offset !== undefined
    ? time + offset
    : `${time}+hh:mm, with the offset from UTC the original record gives in place of +hh:mm (e.g. +01:00 or -05:00)`;
}

/** The end of a hint that says to write the stamp: where, and what to leave blank. */
function stampIn(where: TimeCellName): string {
  return where === 'Time' ? ' in the Date cell and leave the Time cell blank' : ' in the Date cell';
}

/**
 * Why a row whose time is followed by `zone` (written in the `where` cell, `raw`) is not read; `date` its date, `at`
 * its time (`clockBefore`), `caseZone` the case's time zone.
 */
export function zoneNotRead(
  where: TimeCellName,
  raw: string,
  zone: ZoneAfter,
  date: string,
  at: string | undefined,
  caseZone: string,
): Reason {
  if (zone.orRange !== undefined)
    return {
      message: `${where} "${raw}" gives "${zone.zone}" after its time, which could be a UTC offset or the end of a time range (to ${zone.orRange.to}); the row is not read by a guess`,
      hint: `If it is a range, write the dash without a space before it or with spaces on both sides (${zone.orRange.from}-${zone.orRange.to}, ${zone.orRange.from} - ${zone.orRange.to}); if it is a UTC offset, write the date and time as an ISO 8601 stamp${stampIn(where)} (${stampExample(date, at, zone.zone)}); then re-run`,
    };
  const why = /^(?:GMT|UTC)./.test(zone.zone)
    ? `("${zone.zone}"), which is not read (an offset from GMT or UTC is written both ways round: POSIX writes GMT+1 for an hour behind UTC)`
    : /^[A-Z]{2,}$/.test(zone.zone) && zone.zone !== 'UTC' && zone.zone !== 'GMT'
      ? `name ("${zone.zone}"), which is not read (several zones share some names)`
      : `("${zone.zone}"), which is read only in an ISO 8601 stamp (the date year first, a 24-hour time and its UTC offset)`;
  return {
    message: `${where} "${raw}" gives its time with a time zone ${why}; the row is not read without its zone`,
    hint: `If the time is local time in the case's time zone (${caseZone}), delete "${zone.zone}" from the ${where} cell and re-run. If it is not, write the date and time as an ISO 8601 stamp with its UTC offset${stampIn(where)}: ${stampExample(date, at, zone.zone)}; then re-run`,
  };
}

/** Why a row whose time is followed by a word that is no zone chronolog knows and no word for a time is not read. */
export function wordNotRead(
  where: TimeCellName,
  raw: string,
  word: string,
  date: string,
  at: string | undefined,
  caseZone: string,
): Reason {
  return {
    message: `${where} "${raw}" has "${word}" after its time, which is neither a time zone chronolog knows nor a word it reads for a time; the row is not read without knowing what it means`,
    hint: `If "${word}" is a note, move it to the description. If it is a time zone and the time is local time in the case's time zone (${caseZone}), delete it; if it is another zone, write the date and time as an ISO 8601 stamp with its UTC offset${stampIn(where)}: ${stampExample(date, at, undefined)}. Then re-run`,
  };
}
