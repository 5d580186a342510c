/**
 * A weekday written with a date, before it (`Sat 3 Feb 2024`, `Mittwoch, 5.6.2024`) or after it
 * (`3 June 2024 (Mon)`): the names read, and the checks of the weekday against the date it is written with.
 */
import { FULL_DAYS } from '../english-dates.js';
import type { SourceContext } from '../source.js';
import { dateInWords, realDate } from './calendar.js';
import { applyOrder } from './date-order.js';
import type { DateCell } from './dates.js';

export const WEEKDAY =
  /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?,?\s+|^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miercoles|jueves|viernes|sabado|domingo|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|mo|di|mi|do|fr|sa|so)\.?,?\s+/;

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
export function weekdayNumber(written: string): number | undefined {
  const w = written.replace(/[.,\s]+$/, '');
  return WEEKDAY_NUMBERS.get(w) ?? WEEKDAY_NUMBERS.get(w.slice(0, 3));
}

/**
 * A weekday written with the date ("Sun 3rd June 2024", "3 June 2024 (Sun)") that is not the date's (3 June 2024
 * was a Monday), or two written before and after it that disagree with each other ("Mon 3 June 2024 (Tue)": one
 * of them is not the date's): the day or a weekday is wrong, and the diary does not say which. The date is kept as
 * written, flagged `date-weekday-mismatch` so every citation of the row says so, and a warning names the line.
 */
export function checkWeekday(
  ctx: SourceContext,
  raw: string,
  cell: { readonly weekday?: number; readonly secondWeekday?: number },
  date: string,
  flags: string[],
  line: number,
): void {
  const { weekday, secondWeekday } = cell;
  if (weekday === undefined) return;
  const actual = weekdayOf(date);
  const second = secondWeekday ?? weekday;
  if (actual === weekday && actual === second) return;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const inWords = dateInWords({ y, m, d });
  flags.push('date-weekday-mismatch');
  ctx.warn(
    'DIARY_WEEKDAY_DISAGREES',
    line,
    `Date "${raw}" ${
      second === weekday
        ? `says ${DAY_NAMES[weekday]}, but ${inWords} was a ${DAY_NAMES[actual]}`
        : `gives two weekdays that disagree with each other, ${DAY_NAMES[weekday]} and ${DAY_NAMES[second]}, and ${inWords} was a ${DAY_NAMES[actual]}`
    }; the date is used as written, flagged date-weekday-mismatch`,
    'Check the original record and correct the day or the weekday, whichever is wrong, then re-run',
  );
}

/**
 * What a weekday written with a date that depends on the order says of its two readings, for the rejection of
 * its row: "; Monday fits only the day-first reading (6 March 2024 was a Wednesday)…", or nothing when it fits
 * both or there is none. It is not used to settle the order: it may be the slip (a row whose weekday disagrees
 * with its date is kept as written, flagged), and one row would then decide every date in the diary without a
 * word. It is named so that the person can check it and re-run with that order.
 */
export function weekdayFits(cell: DateCell): string {
  if (cell.kind !== 'numeric' || cell.weekday === undefined) return '';
  // Two weekdays that disagree ("Mon 3/6/24 (Tue)"): naming what one of them fits would pass over the other.
  if (cell.secondWeekday !== undefined && cell.secondWeekday !== cell.weekday) return '';
  const reading = (order: 'dmy' | 'mdy') => {
    const ymd = applyOrder(cell, order);
    const date = realDate(ymd);
    return date === undefined ? undefined : { ymd, day: weekdayOf(date) };
  };
  const [dmy, mdy] = [reading('dmy'), reading('mdy')];
  if (dmy === undefined || mdy === undefined) return '';
  const named = DAY_NAMES[cell.weekday];
  const fitsDmy = dmy.day === cell.weekday;
  const fitsMdy = mdy.day === cell.weekday;
  if (fitsDmy === fitsMdy)
    return fitsDmy
      ? ''
      : `; ${named} fits neither reading (${dateInWords(dmy.ymd)} was a ${DAY_NAMES[dmy.day]}, ${dateInWords(mdy.ymd)} a ${DAY_NAMES[mdy.day]})`;
  const [order, other] = fitsDmy ? (['day-first', mdy] as const) : (['month-first', dmy] as const);
  const flag = fitsDmy ? 'dmy' : 'mdy';
  return `; ${named} fits only the ${order} reading (${dateInWords(other.ymd)} was a ${DAY_NAMES[other.day]}), but a weekday does not decide the order: if it is right and the diary writes dates ${order}, re-run with --date-order ${flag}`;
}

/** Day names as a message writes them, Sunday first (as `weekdayOf` numbers them). */
const DAY_NAMES = FULL_DAYS.map((d) => d[0]!.toUpperCase() + d.slice(1));

/** The day of the week of a `YYYY-MM-DD` date, 0 for Sunday. */
function weekdayOf(date: string): number {
  return new Date(`${date}T00:00Z`).getUTCDay();
}
