/**
 * A Time cell exported from a spreadsheet cell formatted as General, which Excel writes as the fraction of the
 * day it stores:
 *
 *   0.875   (21:00)     0.354166667   (08:30, shown to nine decimals)     0,9375   (22:30, a decimal comma)
 *
 * Nobody types an h.mm time with three decimals or more ("0.50" is 00:50, typed by hand, and stays so), and a
 * fraction below 1 is no other form of time, so such a cell is read as the time it stores, exactly: only when it
 * is within a second of a whole minute (Excel shows about ten significant digits, so a stored 08:30 prints as
 * 0.354166667), and then as that minute. Any other fraction ("0.876", 21:01:26.4) is rejected, never rounded to
 * a time: it may be a time with seconds the spreadsheet rounded for display, or no time at all, and read it would
 * state a time the diary does not give. One that comes to 24:00 would be the next day, and is rejected too. The
 * row keeps the cell as written (`time_as_written`), and the file's summary says how many rows were read so
 * (DIARY_EXCEL_TIME), as it does for Excel serial dates.
 */
import { pad } from './clock.js';
import type { TimeReading } from './time-reading.js';

const FRACTION = /^0[.,](\d{3,})$/;
const DAY_SECONDS = 86_400;

/** What to do about a fraction that is no whole minute. */
const HINT =
  'Format the Time column as a time (such as 13:30) in the spreadsheet and export the diary again, or type the time into the cell as hours and minutes';

/** `t` (lower-cased) read as an Excel fraction of a day, or undefined when it is not one. */
export function excelTime(t: string): TimeReading | undefined {
  const m = FRACTION.exec(t);
  if (!m) return undefined;
  const seconds = Number(`0.${m[1]}`) * DAY_SECONDS;
  const minutes = Math.round(seconds / 60);
  if (Math.abs(seconds - minutes * 60) <= 1 && minutes < DAY_SECONDS / 60)
    return {
      kind: 'clock',
      h: Math.floor(minutes / 60),
      m: minutes % 60,
      s: 0,
      approx: false,
      range: false,
      excel: true,
    };
  // Within a second of 24:00: the next day's midnight, which this row's date does not give.
  if (minutes >= DAY_SECONDS / 60)
    return {
      kind: 'bad',
      why: 'is an Excel fraction of a day (a time cell formatted as General) that comes to 24:00, the start of the next day, which the Date cell does not give',
      hint: HINT,
    };
  // To the nearest second, as Excel shows it (0.87534722 is 21:00:30).
  const whole = Math.round(seconds);
  const clock = `${pad(Math.floor(whole / 3600))}:${pad(Math.floor((whole % 3600) / 60))}:${pad(whole % 60)}`;
  return {
    kind: 'bad',
    why: `is an Excel fraction of a day (a time cell formatted as General) that is ${clock}, not a whole minute; it is not read, as the spreadsheet may have rounded it`,
    hint: HINT,
  };
}
