/**
 * A Date cell that gives a time after its date beside a filled Time cell, and an Excel date-time's fraction:
 *
 *   Date: 13/08/2024 21:00      Time: 21:00       (agree: nothing to keep)
 *   Date: 13/08/2024 21:00      Time: 22:15       (disagree: the Time cell's used, flagged, warned about)
 *   Date: 13/06/2024 9:00-10:00 Time: 9:30        (within the range: kept as written)
 *   Date: 13/06/2024 approx 9pm Time: 21:00       (flagged approximate)
 *   Date: 45457.875             (an Excel serial date-time: 14 June 2024 21:00)
 *
 * Beside a filled Time cell, the Time cell's time is used and the Date cell is kept as written (`date_as_written`).
 */
import { clockOf, minutesOn, pad, sameMinute } from './clock.js';
import type { DateCell } from './dates.js';
import type { TimeReading, TimeSpan, UsableTime } from './time-reading.js';
import { readTimeSpan } from './times.js';

/**
 * A time written in the Date cell (`13/08/2024 21:00`) beside a filled Time cell: the Date cell is kept as
 * written (`date_as_written`), and `disagreement` is set when both are exact clock times that differ.
 */
export interface InDate {
  readonly disagreement?: string;
  /** Set when the Date cell says the time is approximate ("13/06/2024 approx 9pm"), which the row is flagged for. */
  readonly approximate?: true;
}

/**
 * The time a Date cell gives with its date, read once for all the row's checks of it: what follows the date
 * ("21:00" of "13/08/2024 21:00"), or an Excel serial date-time's fraction (".875" of "45457.875"); undefined when
 * it gives none.
 */
export function dateCellTime(cell: DateCell): TimeSpan | undefined {
  if (cell.kind === 'serial')
    return cell.seconds === undefined
      ? undefined
      : { reading: serialClock(cell.seconds), approxWords: false };
  return cell.rest === '' ? undefined : readTimeSpan(cell.rest);
}

/**
 * What a time in the Date cell (`raw`, its time read: `span`) says beside the Time cell's (`reading`, written `timeCell`),
 * or undefined when there is none to keep. Only an exact clock time in the Time cell is compared, to the minute, as
 * a stamp and its Time cell are: with an exact time in the Date cell ("9:40" without am/pm agrees with 09:40 or
 * 21:40), or with a range or an open start there ("9:00-10:00", "from 9pm"), which it agrees with when it falls
 * within it. A time that says less ("evening", "approx 10pm" on either side) is kept as written, not compared;
 * words that say it is approximate flag the row so (a range is not for that approximate: the Time cell narrows
 * it). Midnight is how a spreadsheet writes a date alone.
 */
export function timeInDate(
  raw: string,
  span: TimeSpan | undefined,
  reading: UsableTime,
  timeCell: string,
): InDate | undefined {
  if (span === undefined) return undefined;
  const inDate = span.reading;
  const exact = (r: TimeReading) => r.kind === 'clock' && !r.approx && !r.range;
  if (inDate.kind === 'clock' && exact(inDate) && inDate.h === 0 && inDate.m === 0 && inDate.s === 0)
    return undefined;
  // "13/06/2024 approx 9pm" beside "21:00": the row says its time is approximate.
  if (span.approxWords) return { approximate: true };
  if (inDate.kind !== 'clock' || reading.kind !== 'clock' || !exact(reading)) return {};
  const open = inDate.open || reading.open;
  if (!inDate.range) {
    if (sameMinute(inDate.h, inDate.m, reading, open)) return undefined;
    return {
      disagreement: `Date "${raw}" gives the time ${pad(inDate.h)}:${pad(inDate.m)}, but the Time cell says "${timeCell}"; the Time cell's time is used, and the Date cell is kept as written (date_as_written)`,
    };
  }
  const from = inDate.h * 60 + inDate.m;
  if (within(from, span.end, reading.h * 60 + reading.m, open)) return {};
  const times =
    span.end === undefined
      ? `times from ${clockOf(from)} on`
      : `times from ${clockOf(from)} to ${clockOf(span.end)}`;
  return {
    disagreement: `Date "${raw}" gives the ${times}, but the Time cell says "${timeCell}", outside them; the Time cell's time is used, and the Date cell is kept as written (date_as_written)`,
  };
}

/**
 * Whether the minute `t` of the day falls in the range from `from` to `end` (minutes, across midnight if it ends
 * earlier; no `end`: from `from` to the end of the day); `open` when an hour is without am/pm, so that either half
 * of the day is tried.
 */
function within(from: number, end: number | undefined, t: number, open: boolean | undefined): boolean {
  const day = 24 * 60;
  return (open ? [0, day / 2] : [0]).some((shift) => {
    const a = (from + shift) % day;
    return end === undefined ? t >= a : minutesOn(a, t) <= minutesOn(a, (end + shift) % day);
  });
}

function serialClock(seconds: number): UsableTime {
  const s = Math.min(seconds, 86_399);
  return {
    kind: 'clock',
    h: Math.floor(s / 3600),
    m: Math.floor((s % 3600) / 60),
    s: s % 60,
    approx: false,
    range: false,
  };
}
