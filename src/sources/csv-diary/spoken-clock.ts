/**
 * The spoken clock, as people write it in a diary:
 *
 *   half past 8pm   quarter to 9pm   20 past 10pm   10 minutes to 9pm   half 9pm   10 to 9pm   20 to midnight
 *
 * "half past 8pm" is 20:30, British "half 9pm" 21:30, and "5", "10", "20" or "25" to an hour ("10 to 9pm" is
 * 20:50, "25 to 3pm" 14:35). "n to <hour>" can also be a range from hour n, which holds the spoken time too; one
 * rule, whichever hour: it is read as that range (its start, flagged) when the range runs forward on the row's
 * date and is at most four hours long, in one half of the day or across noon, and as the spoken time otherwise.
 * So "5 to 9pm" (17:00 to 21:00), "8 to 10pm", "10 to 12pm", "10 to 1pm" and "10 to 2pm" (10:00 to 14:00) are
 * ranges, flagged: either reading is common, and an exact time the writer did not mean would be wrong without a
 * flag. "5 to 10pm" is 21:55, "10 to 3pm" 14:50 and "10 to 9pm" 20:50: as ranges they would last five, five and
 * eleven hours, longer than people write "from 5 to 10" for; but as either reading is common, the time chosen is
 * flagged `time-spoken-or-range` and kept as written, so the reader sees 21:55 is a reading of "5 to 10pm", not a
 * time the writer gave (a bare number before "to", with no "minutes", whose range would run forward on the date).
 * Never across midnight: "10 to 1am" as a range would start at 22:00 on the evening of the row's date, a day from
 * the small hours it also names, so it is 00:50, unflagged.
 * Numbers other than 5, 10, 20 and 25 are not said before "to" without "minutes": "8 to 10pm" and "11 to 1pm" are
 * only ranges, read as other ranges are (time-ranges.ts). Without am/pm ("10 to 9", "5 past 3", "half 9") the
 * hour is unknown, as for "9". Midnight and noon can be the hour: "20 to midnight" is 23:40 and "quarter past
 * midnight" 00:15 on the row's date (midnight is its end after "to", its start after "past"), "twenty to noon"
 * 11:40. "12am" is midnight too, so after "to" it also ends the row's date ("20 to 12am" 23:40; a range ending
 * "-12am" ends there too); only hour 0 of the 24-hour clock starts it, so "10 to 00:00" is refused (the day before
 * the date). They follow the rule other hours do: "10 to midnight" and "10 to 12am" are the range from 22:00, as
 * "10 to 11pm" is, and "10 to noon" from 10:00; "5 to midnight" and "5 to noon" would be seven-hour ranges, so
 * they are 23:55 and 11:55, as "5 to 12pm" is.
 */
import { type Clock, DAY, hour24, isInvalid, readClock, twelveHour } from './clock.js';
import { NO_MERIDIEM, type Said, type TimeReading } from './time-reading.js';

// The British spoken clock: "half past 8pm", "quarter to 9pm", "20 past 10pm", "10 minutes to 9pm". A bare number
// before "to" is left to RANGE ("8 to 10pm", "8 to 3pm"), unless it is one said as minutes to the hour (5, 10, 20,
// 25) and the range it would start is longer than four hours (`pastOrTo`): read as "minutes to", "8 to 10pm"
// would make up an exact time (21:52) from a two-hour span. "past" joins no range, so "20 past 10pm" is a time.
const PAST_TO = /^(half|quarter|\d{1,2})( minutes?| mins?)? (past|to) (.+)$/;
// British "half 9" is half past nine. (German "halb 9" is half to nine, but that is written in German.)
const HALF = /^half (\d.*)$/;

// The numbers English says before "to" without "minutes": "five to nine", "ten to nine", "twenty to nine",
// "twenty-five to nine". Others ("11 to 1pm") can only be the start of a range.
const SPOKEN_TO = new Set([5, 10, 20, 25]);

/** A spoken clock time as PAST_TO reads it: "10 minutes to 9pm" is said "10", with the word minutes, to, 10. */
interface Spoken {
  readonly said: string;
  readonly minutesWord: boolean;
  readonly to: boolean;
  readonly minutes: number;
}

/**
 * Whether "n to <hour>", said with a bare number and no "minutes", is left to RANGE: n is no number said as
 * minutes to the hour (5, 10, 20, 25), or `alsoRange` says the range from hour n is short enough to be meant.
 */
function leftToRange(spoken: Spoken, alsoRange: (n: number) => boolean): boolean {
  return (
    /\d/.test(spoken.said) &&
    !spoken.minutesWord &&
    spoken.to &&
    (!SPOKEN_TO.has(spoken.minutes) || alsoRange(spoken.minutes))
  );
}

/**
 * "half past 8pm" as 20:30, "quarter to 9pm" as 20:45, "half 9pm" (British) as 21:30, "10 to 9pm" as 20:50;
 * undefined when `t` is not in that form, or when it is also a range of at most four hours that takes it in
 * ("5 to 9pm", "8 to 10pm", "10 to 2pm": 17:00, 20:00, 10:00, flagged as ranges, which hold 20:55, 21:52 and
 * 13:50 too; see `alsoRange`). "5 to 10pm" and "10 to 3pm" as ranges would last five hours, "10 to 9pm" eleven,
 * so they are 21:55, 14:50 and 20:50; "20 to 9pm" and "25 to 3pm" (no hour 20 or 25 goes with "pm") are spoken
 * times too.
 */
export function pastOrTo(t: string, approx: boolean, said: Said): TimeReading | undefined {
  const half = HALF.exec(t);
  const m = half ? ([t, 'half', undefined, 'past', half[1]] as const) : PAST_TO.exec(t);
  if (!m) return undefined;
  const minutes = m[1] === 'half' ? 30 : m[1] === 'quarter' ? 15 : Number(m[1]);
  const spoken: Spoken = { said: m[1]!, minutesWord: m[2] !== undefined, to: m[3] === 'to', minutes };
  const named = NAMED_HOURS.get(m[4]!);
  if (named !== undefined) return pastOrToNamed(spoken, named, approx);
  const clock = readClock(m[4]!);
  if (clock === undefined || isInvalid(clock) || clock.m !== 0) return undefined;
  // "10 to 12am" is "10 to midnight": 12am after "to" is the midnight that ends the row's date, as it is at the
  // end of a range ("11pm-12am"), not the one that starts it.
  if (spoken.to && !clock.bare && clock.h === 12 && hour24(clock.h, clock.meridiem) === 0)
    return pastOrToNamed(spoken, 'midnight', approx);
  if (leftToRange(spoken, (n) => alsoRange(n, clock))) return undefined;
  if (clock.bare) return NO_MERIDIEM;
  const h = hour24(clock.h, clock.meridiem);
  if (h === undefined || minutes < 1 || minutes > 59 || (spoken.said === 'half' && spoken.to))
    return undefined;
  const at = h * 60 + (spoken.to ? -minutes : minutes);
  // "10 to 00:00" is 23:50 on the day before the row's date: not read into the wrong day.
  if (at < 0) return { kind: 'bad', why: 'is before midnight of the day before the date' };
  said.twelveHour = twelveHour(clock.meridiem);
  return clockAt(at, approx, orRange(spoken) && rangeTo(minutes, h * 60, twelveHour(clock.meridiem)));
}

/**
 * Whether "n to <hour>", read as n minutes to the hour, was said with a bare number and no "minutes", as the start
 * of a range is written too ("5 to 10pm", "five to ten pm", "10 to 3pm"): either reading is common, and where the
 * range runs forward on the date (`rangeTo`) it was refused only for its length, so the time chosen is an
 * interpretation, flagged for the reader (`orRange`, the row's `time-spoken-or-range`). "quarter to", "20 to 9pm"
 * (no hour 20 goes with pm) and "10 minutes to 9pm" are the spoken clock only.
 */
function orRange(spoken: Spoken): boolean {
  return /\d/.test(spoken.said) && !spoken.minutesWord && spoken.to;
}

/**
 * Whether hour n, in either half of the day, starts a range that runs forward to `end` (minutes from the start of
 * the row's date), however long: "10 to 9pm" (10:00 to 21:00) does, "10 to 1am" does not (never across midnight,
 * as for `shortRangeTo`), nor "20 to 9pm" (no hour 20 goes with pm).
 */
function rangeTo(n: number, end: number, twelve = false): boolean {
  if (n > 12 && twelve) return false;
  return shortRangeTo(n, end, 24);
}

/** The clock reading of `at` minutes from midnight of the row's date. */
function clockAt(at: number, approx: boolean, alsoRange: boolean): TimeReading {
  const time = { kind: 'clock', h: Math.floor(at / 60), m: at % 60, s: 0, approx, range: false } as const;
  return alsoRange ? { ...time, orRange: true } : time;
}

// Hours named by a word, as minutes of the row's date: midnight is its start after "past" and its end after "to".
const NAMED_HOURS = new Map<string, 'midnight' | number>([
  ['midnight', 'midnight'],
  ['noon', 12 * 60],
  ['midday', 12 * 60],
]);

/**
 * "quarter to midnight" (23:45), "20 past midnight" (00:20), "twenty to noon" (11:40) on the row's date. A number
 * that can be an hour before "to" is also a range to the named hour, and is left to RANGE by the rule other hours
 * follow (`alsoRange`): "10 to midnight" (22:00 to midnight) and "10 to noon" are ranges, as "10 to 11pm" is;
 * "5 to midnight" and "5 to noon" would last seven hours, so they are 23:55 and 11:55, as "5 to 12pm" is.
 * undefined when the minutes are none ("half to noon", "75 past midnight").
 */
function pastOrToNamed(spoken: Spoken, named: 'midnight' | number, approx: boolean): TimeReading | undefined {
  const { said, to, minutes } = spoken;
  const base = named === 'midnight' ? (to ? DAY : 0) : named;
  if (minutes <= 12 && leftToRange(spoken, (n) => shortRangeTo(n, base))) return undefined;
  if (minutes < 1 || minutes > 59 || (said === 'half' && to)) return undefined;
  const at = base + (to ? -minutes : minutes);
  return clockAt(at, approx, orRange(spoken) && minutes <= 12 && rangeTo(minutes, base));
}

/**
 * Whether "n to <clock>" also reads as a range from hour n to that clock ("5 to 9pm": 17:00 to 21:00), one that
 * runs forward on the row's date and is at most SPOKEN_RANGE_HOURS long (see the module comment).
 */
function alsoRange(n: number, clock: Clock): boolean {
  if (clock.bare) return n <= 12;
  const end = hour24(clock.h, clock.meridiem);
  if (end === undefined) return false;
  // An hour above 12 does not go with am/pm ("20 to 9pm"): only a 24-hour end makes "20 to 22" a range.
  if (n > 12 && twelveHour(clock.meridiem)) return false;
  return shortRangeTo(n, end * 60);
}

/**
 * Whether hour n, in either half of the day (hour n itself when above 12), starts a range that ends at `end`
 * (minutes from the start of the row's date) and is at most `hours` long (SPOKEN_RANGE_HOURS unless given). Never
 * across midnight: "10 to 1am" as 10pm to 1am would start on the evening before the small hours the spoken reading
 * (00:50) gives.
 */
function shortRangeTo(n: number, end: number, hours = SPOKEN_RANGE_HOURS): boolean {
  const starts = n > 12 ? [n] : [n % 12, (n % 12) + 12];
  return starts.some((h) => end > h * 60 && end - h * 60 <= hours * 60);
}

/** The longest range "n to <clock>" is read as rather than the spoken time (see the module comment). */
const SPOKEN_RANGE_HOURS = 4;
