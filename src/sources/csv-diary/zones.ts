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
 * The zone written after a clock time in `written` (lower-cased, as `lowerPlain` gives it), in the `where` cell, or
 * undefined. A minus beyond 14:00 is never an offset (none is further from UTC), so `21:00:00-23:00` is a range.
 * After seconds in the Time cell, which is typed by hand (a stamp is written in the Date cell), a plausible minus
 * offset could as well end a range (`10:00:00-11:00`), so it is given as either, never asserted a zone.
 */
/**
 * Whether "EST" after a time (`zone`, as `zoneAfterTime` gives it) is "estimated", as a British diary writes it
 * ("9pm est"), in a case whose zone is `caseZone`: everywhere but in the Americas, where it is as likely Eastern
 * Standard Time, which is not read without its offset.
 */
export function estimated(zone: string | undefined, caseZone: string): boolean {
  return zone === 'EST' && !caseZone.startsWith('America/');
}

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
  const hour = (Number(time[1]) % (time[4] ? 12 : 24)) + (time[4] === 'p' ? 12 : 0);
  const start = hour * 60 + Number(time[2] ?? 0);
  const end = h * 60 + m;
  // "9:00 -11:00" is a range to 11:00 the same morning, "9:30pm -11:00" one to 11pm: no zone.
  if (end > start || (time[4] === 'p' && end < 12 * 60 && end + 12 * 60 > start)) return undefined;
  return { zone: minus[1]!, orRange: { from: time[0], to: `${minus[2]}:${minus[3]}` } };
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

/** Why a row whose time is followed by `zone` (written in the `where` cell, `raw`) is not read; `date` its date. */
export function zoneNotRead(where: TimeCellName, raw: string, zone: ZoneAfter, date: string): Reason {
  const stampHint = `write the date and time as an ISO 8601 stamp with the UTC offset the original record gives (${date}Thh:mm+01:00, or Z for UTC)${where === 'Time' ? ' in the Date cell and leave the Time cell blank' : ''}`;
  if (zone.orRange !== undefined)
    return {
      message: `${where} "${raw}" gives "${zone.zone}" after its time, which could be a UTC offset or the end of a time range (to ${zone.orRange.to}); the row is not read by a guess`,
      hint: `If it is a range, write the dash without a space before it or with spaces on both sides (${zone.orRange.from}-${zone.orRange.to}, ${zone.orRange.from} - ${zone.orRange.to}); if it is a UTC offset, ${stampHint}; then re-run`,
    };
  const why = /^(?:GMT|UTC)./.test(zone.zone)
    ? `("${zone.zone}"), which is not read (an offset from GMT or UTC is written both ways round: POSIX writes GMT+1 for an hour behind UTC)`
    : /^[A-Z]{2,}$/.test(zone.zone) && zone.zone !== 'UTC' && zone.zone !== 'GMT'
      ? `name ("${zone.zone}"), which is not read (several zones share some names)`
      : `("${zone.zone}"), which is read only in an ISO 8601 stamp (the date year first, a 24-hour time and its UTC offset)`;
  return {
    message: `${where} "${raw}" gives its time with a time zone ${why}; the row is not read without its zone`,
    hint: `${capital(stampHint)}, or leave the zone out if the time is local time in the case zone, and re-run`,
  };
}

/** Why a row whose time is followed by a word that is no zone chronolog knows and no word for a time is not read. */
export function wordNotRead(where: TimeCellName, raw: string, word: string, date: string): Reason {
  return {
    message: `${where} "${raw}" has "${word}" after its time, which is neither a time zone chronolog knows nor a word it reads for a time; the row is not read without knowing what it means`,
    hint: `If "${word}" is a time zone, write the date and time as an ISO 8601 stamp with its UTC offset (${date}Thh:mm+01:00, or Z for UTC)${where === 'Time' ? ' in the Date cell and leave the Time cell blank' : ''}, or leave it out if the time is local time in the case zone; if it is a note, move it to the description; then re-run`,
  };
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
