/**
 * Reading the Time cell, which people fill in freely: `14:30`, `2:30pm`, `2.30 pm`, `14h30`, `1430hrs`,
 * `8 Uhr`, `8 Uhr abends`, `8 de la tarde`, `8h du soir`, `approx 8am`, `ca. 8 Uhr`, `8pm-ish`, `9ish pm`, `9pm approximately`,
 * `between 14:00-15:00`, `2-3pm`, `half past 8pm`, `evening`, `nachts`, `after 10pm`, `from 9pm`, `9 o'clock pm`,
 * or nothing. A clock time keeps minute precision (seconds only when written and not zero); an approximate one is flagged; a part of the day
 * ("evening") keeps only the date. An hour below 13 without am/pm ("8", "around 9ish", "9-10", "half past 8", "9 o'clock")
 * could be morning or evening: the incident happened on that date and only its hour is unknown, as with
 * "evening", so it keeps only the date, flagged approximate (`no-meridiem`), never an hour picked from the two.
 * A time that is not a time of day ("25:61", "12:75") is refused, and so is one whose hour and am/pm contradict each
 * other: "13:00am", "14am" (an hour of the 24-hour clock said to be morning), "0:30pm" (hour 0 is midnight). "13:00pm"
 * is kept as 13:00: the "pm" is redundant on an afternoon hour of the 24-hour clock, but it says what the hour says.
 *
 * This file tries the forms in turn; each is read in its own file: one clock time (clock.ts), ranges, bounds and
 * open starts (time-ranges.ts), the spoken clock (spoken-clock.ts), number words (number-words.ts), and the
 * words around a time (time-words.ts).
 *
 * Several times in one cell — "9pm and 11pm", "21:00, 23:00", "9pm then again at 11pm" — are several incidents,
 * each needing its own row: refused, saying so, never read as the first of them.
 */
import { contradiction, hour24, isInvalid, O_CLOCK, openHour, readClock, twelveHour } from './clock.js';
import { excelTime } from './excel-times.js';
import { lowerPlain } from './fold.js';
import { numberWordsAsDigits } from './number-words.js';
import { pastOrTo } from './spoken-clock.js';
import { BETWEEN, boundOrStart, RANGE, readRange } from './time-ranges.js';
import { NO_MERIDIEM, type Said, type TimeReading, type TimeSpan } from './time-reading.js';
import { APPROX_PREFIX, APPROX_SUFFIX, AT, NOON, PART_OF_DAY, UNKNOWN } from './time-words.js';

/** Reads a time cell (see the module comment for what is accepted). */
export function readTimeCell(raw: string): TimeReading {
  return readTime(raw, { twelveHour: false });
}

/** `readTimeCell`, with what a row needs to compare a time in the Date cell with the Time cell's. */
export function readTimeSpan(raw: string): TimeSpan {
  const said: Said = { twelveHour: false };
  const reading = readTime(raw, said);
  return {
    reading,
    approxWords: said.approxWords === true,
    ...(said.end === undefined ? {} : { end: said.end }),
  };
}

/**
 * `readTimeCell`, noting in `said` how a clock time it returns was written. A time it cannot read as written
 * (free words, or refused) is read again with its number words as digits, and that reading is kept when it says
 * more: "ten to nine pm" is read as "10 to 9 pm" is (20:50), "nine" as "9" (an hour without am/pm); words that
 * are still no time ("one of the neighbours saw") stay as they were, free words that keep the date.
 */
function readTime(raw: string, said: Said): TimeReading {
  const reading = readWritten(raw, said);
  if (reading.kind !== 'bad' && !(reading.kind === 'day' && reading.how === 'free-text')) return reading;
  const digits = numberWordsAsDigits(lowerPlain(raw));
  if (digits === undefined) return reading;
  const inDigits: Said = { twelveHour: false };
  const read = readWritten(digits, inDigits);
  if (read.kind === 'bad' || (read.kind === 'day' && read.how === 'free-text')) return reading;
  Object.assign(said, inDigits);
  return read;
}

/** `readTime` of a cell as written, without reading number words. */
function readWritten(raw: string, said: Said): TimeReading {
  let t = lowerPlain(raw)
    .replace(/\b([ap])\.\s?m\.?/g, '$1m')
    // "9ish pm", "9-ish pm": the "ish" belongs to the whole time ("9pm-ish").
    .replace(/(\d)\s*-?\s*ish\s*([ap]m)\b/g, '$1$2 ish')
    .replace(O_CLOCK, ' ');
  if (t === '' || UNKNOWN.has(t)) return { kind: 'day', approx: false, how: 'blank' };
  const excel = excelTime(t);
  if (excel) return excel;
  t = t
    .replace(/[()[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[.,;]$/, '')
    .trim()
    .replace(AT, '');
  let approx = false;
  for (let i = 0; i < 3; i++) {
    const before = t;
    t = t.replace(APPROX_PREFIX, '').replace(APPROX_SUFFIX, '').trim();
    if (t === before) break;
    approx = true;
  }
  said.approxWords = approx;
  // "12 noon", "12noon", "12:00 midday" are noon ("20 past 12 noon" 12:20); "12 midnight" is midnight, whose date
  // is as unclear as ever.
  t = t.replace(/(^| )12(?::00)? ?(?=noon$|midday$|mid day$|midnight$)/, '$1');
  // A spreadsheet's "21:40:00.000": the fraction of a second is dropped (truncated, as a Date cell's is).
  t = t.replace(/^(\d{1,2}:\d{2}:\d{2})[.,]\d{1,9}$/, '$1');
  if (NOON.has(t)) return { kind: 'clock', h: 12, m: 0, s: 0, approx: true, range: false };
  // "tea-time", "lunch-time", "early-evening": the hyphen says nothing.
  if (PART_OF_DAY.has(t) || PART_OF_DAY.has(t.replace(/-/g, ' ')))
    return { kind: 'day', approx, how: 'part-of-day' };
  const spoken = pastOrTo(t, approx, said);
  if (spoken) return spoken;
  const single = readClock(t);
  if (isInvalid(single)) return { kind: 'bad', why: single.invalid };
  if (single && !single.bare) {
    const h = hour24(single.h, single.meridiem);
    if (h === undefined) return { kind: 'bad', why: contradiction(single) };
    said.twelveHour = twelveHour(single.meridiem);
    const reading = { kind: 'clock', h, m: single.m, s: single.s, approx, range: false } as const;
    return single.meridiem === undefined && openHour(h, t) ? { ...reading, open: true } : reading;
  }
  const range = BETWEEN.exec(t) ?? RANGE.exec(t);
  if (range) {
    const read = readRange(range[1]!, range[2]!, approx, said);
    if (read) return read;
  }
  const bounded = boundOrStart(t, said);
  if (bounded) return bounded;
  if (single?.bare) return NO_MERIDIEM;
  const several = severalTimes(t);
  if (several) return { kind: 'bad', why: several };
  // Free words such as "after the school run" keep the date only; digits we cannot read are refused.
  if (/\d/.test(t)) return { kind: 'bad', why: 'cannot be read as a time' };
  return { kind: 'day', approx, how: 'free-text' };
}

// Two or more times in one cell, each an incident: "9pm and 11pm", "9pm & 11pm", "21:00, 23:00", "9pm / 11pm",
// "9pm then again 11pm". ("between 8 and 9pm" is a range, read before this is asked.)
const TIMES_JOINED = /\s*(?:[,;&+/]|\band\b|\bthen\b)\s*(?:(?:again|also)\s+)?(?:(?:at|@)\s+)?/;

/**
 * Why a cell that gives several times ("9pm and 11pm") is not one row's time, or undefined when `t` is not that:
 * one row is one incident, and taking the first time would drop the others without a word.
 */
function severalTimes(t: string): string | undefined {
  const parts = t.split(TIMES_JOINED).filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 12) return undefined;
  const times = parts.every((p) => /\d/.test(p) && readWritten(p, { twelveHour: false }).kind !== 'bad');
  if (!times) return undefined;
  return `gives ${parts.length} times (${parts.map((p) => `"${p}"`).join(', ')}); each incident needs its own row`;
}

/**
 * Which clock a time cell shows it is written on: `12h` when a clock time read from it has its hour with am or pm
 * or a word for the part of the day ("9ish pm", "8 in the evening", "11 at night", "8 Uhr abends"), `24h` when
 * otherwise its hour is 0 or above 12 or is written with a leading zero ("21:40", "09:30", "0815"), undefined
 * when it does not tell ("9:30", "8 Uhr", "evening", "after 10pm"). A diary with a `12h` time and none `24h`
 * leaves "9:30" undecided.
 */
export function clockStyle(raw: string): '12h' | '24h' | undefined {
  const said: Said = { twelveHour: false };
  const reading = readTime(raw, said);
  // An Excel fraction ("0.875") is how the spreadsheet stores a time, not how the diary writes one.
  if (reading.kind !== 'clock' || reading.open || reading.excel) return undefined;
  if (said.twelveHour) return '12h';
  const t = lowerPlain(raw);
  if (reading.h === 0 || reading.h > 12 || /(?:^|\D)0\d(?:[:.h]?\d{2})/.test(t)) return '24h';
  return undefined;
}
