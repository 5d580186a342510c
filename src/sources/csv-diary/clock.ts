/**
 * One clock time as people write it in a diary, and the checks on its hour and am/pm:
 *
 *   14:30   2:30pm   2.30 pm   14h30   1430hrs   0815   8 Uhr   8 Uhr abends   8 de la tarde   8h du soir
 *   11 at night   9 o'clock pm
 *
 * "13:00am", "14am" and "0:30pm" are no time of day (their hour and am/pm contradict each other); "13:00pm" is
 * 13:00. The readers of ranges, bounds and the spoken clock read each of their times with `readClock`; a row
 * compares the two clock times its cells give with `sameMinute`.
 */
// h[:mm[:ss]] with an optional am/pm or 24-hour marker. "14h30" and "14.30" are French/German/British habits.
// The German, Spanish and French words for the part of the day after an hour ("8 Uhr abends", "8 de la tarde",
// "8h du soir") say am or pm as "8 in the evening" does (accents are already folded: "fruh", "manana").
const CLOCK =
  /^(\d{1,2})(?:\s*[:.h]\s*(\d{2})(?:[:.](\d{2}))?)?\s*(am|pm|a|p|uhr|h|hrs|hr|hours|in the morning|in the afternoon|in the evening|at night|(?:uhr )?(?:morgens|fruh|vormittags|nachmittags|abends|nachts)|de la (?:manana|tarde|noche|madrugada)|(?:h )?(?:du matin|du soir|de l'?\s?apres-?\s?midi))?$/;
const AM_WORD =
  /^(?:am|a|in the morning|(?:uhr )?(?:morgens|fruh|vormittags)|de la (?:manana|madrugada)|(?:h )?du matin)$/;
const PM_WORD =
  /^(?:pm|p|in the afternoon|in the evening|(?:uhr )?(?:nachmittags|abends)|de la tarde|(?:h )?(?:du soir|de l'?\s?apres-?\s?midi))$/;
const NIGHT_WORD = /^(?:at night|(?:uhr )?nachts|de la noche)$/;
// "o'clock" says the hour is whole, not which half of the day it is in (English says it on the 12-hour clock):
// "9 o'clock" is "9", an hour without am/pm, "9 o'clock pm" is 21:00, "9 o'clock at night" 21:00.
export const O_CLOCK = /\bo ?['\u2019]? ?clock\b/g;
// Four digits, as police and the military write times: "1430", "0815hrs".
const COMPACT = /^([01]\d|2[0-3])([0-5]\d)\s*(?:hrs|hr|h|hours)?$/;

export type Meridiem = 'am' | 'pm' | 'night' | '24h' | undefined;
export interface Clock {
  h: number;
  m: number;
  s: number;
  meridiem: Meridiem;
  /** True when only an hour below 13 was written, with no am/pm: it needs a meridiem from elsewhere. */
  bare: boolean;
}

/** Why a clock written in a cell is no time of day: an hour, minute or second that does not exist. */
export interface Invalid {
  readonly invalid: string;
}

export function readClock(t: string): Clock | Invalid | undefined {
  const compact = COMPACT.exec(t);
  if (compact) return { h: Number(compact[1]), m: Number(compact[2]), s: 0, meridiem: '24h', bare: false };
  const m = CLOCK.exec(t);
  if (!m) return undefined;
  const [h, min, s] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)];
  const word = m[4];
  const meridiem: Meridiem =
    word === undefined
      ? undefined
      : AM_WORD.test(word)
        ? 'am'
        : PM_WORD.test(word)
          ? 'pm'
          : NIGHT_WORD.test(word)
            ? 'night'
            : '24h';
  if (h > 23) return { invalid: `is not a valid time of day (there is no hour ${h})` };
  if (min > 59 || s > 59)
    return {
      invalid: `is not a valid time of day (there is no ${min > 59 ? `minute ${min}` : `second ${s}`})`,
    };
  return { h, m: min, s, meridiem, bare: m[2] === undefined && word === undefined && h < 13 };
}

export function isInvalid(c: Clock | Invalid | undefined): c is Invalid {
  return c !== undefined && 'invalid' in c;
}

/**
 * Why a clock that `hour24` refuses is no time of day: its hour and its am/pm contradict each other ("13:00am",
 * "0:30pm", "20 Uhr morgens"). "13:00pm" is not refused: the "pm" is redundant on an afternoon hour, not contrary.
 */
export function contradiction(c: Clock): string {
  const word = c.meridiem === 'am' ? 'morning' : c.meridiem === 'pm' ? 'afternoon or evening' : 'night';
  return c.h === 0
    ? `is not a valid time of day (hour 0 is midnight, but it also says ${word})`
    : `is not a valid time of day (hour ${c.h} is on the 24-hour clock, but it also says ${word})`;
}

/** The 24-hour hour of a clock under a meridiem, or undefined when the two contradict ("14am", "0pm"). */
export function hour24(h: number, meridiem: Meridiem): number | undefined {
  if (meridiem === 'am') return h > 12 ? undefined : h === 12 ? 0 : h;
  if (meridiem === 'pm') return h === 0 ? undefined : h < 12 ? h + 12 : h;
  // "3 at night" is 03:00, "11 at night" is 23:00.
  if (meridiem === 'night') return h > 12 ? h : h === 12 || h <= 5 ? h % 12 : h + 12;
  return h;
}

/** Whether a clock's meridiem is one the 12-hour clock needs: am, pm or a part of the day, not "Uhr" or "h". */
export function twelveHour(...meridiems: Meridiem[]): boolean {
  return meridiems.some((m) => m === 'am' || m === 'pm' || m === 'night');
}

/** Whether a time without am/pm (`written`, read as hour `h`) could be either: hour 1 to 12, no leading zero. */
export function openHour(h: number, written: string): boolean {
  return h >= 1 && h <= 12 && !written.trim().startsWith('0');
}

/** Minutes from one time of day to the next at or after it, crossing midnight if need be (0 to 1439). */
export function minutesOn(from: number, to: number): number {
  return (((to - from) % DAY) + DAY) % DAY;
}
export const DAY = 24 * 60;

export function clockOf(minutes: number): string {
  return `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
}

/**
 * Whether the clock time h:m is `clock`'s, to the minute; `open` when one of them has its hour without am/pm
 * ("9:40" is 09:40 or 21:40), whose hour then agrees in either half of the day.
 */
export function sameMinute(
  h: number,
  m: number,
  clock: { h: number; m: number },
  open: boolean | undefined,
): boolean {
  return m === clock.m && (open ? h % 12 === clock.h % 12 : h === clock.h);
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}
