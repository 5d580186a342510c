/**
 * Times written as a range, a bound or an open start, each read as one time or as the date alone:
 *
 *   2-3pm   11-1pm   10-2am   9am-10   between 14:00-15:00   9-10   10pm-midnight   after 10pm   gone 10pm
 *   by 6pm   nach 22 Uhr   from 9pm   9pm onwards   9pm till late   ab 21 Uhr
 *
 * A range is read as its start, flagged. One end without am/pm takes the other end's half of the day when that
 * makes the range go forward, else the other half, as long as the range is then at most twelve hours long:
 * "2-3pm" 14:00, "11-1pm" 11:00, "10-2am" 22:00 (to 02:00), "9am-10" 09:00, "11am-1" 11:00 (to 13:00), "9pm-2"
 * 21:00 (to 02:00); "9-10" says neither, as "9" does. "noon" and "midnight" can end a range ("10pm-midnight"),
 * but "midnight-2am" is as unclear as "midnight" (which night?) and keeps only the date.
 *
 * A time given only as a bound — "after 10pm", "just before 7am", "gone 10pm", "by 6pm", "until 3am", "nach
 * 22 Uhr" — says when the incident was not, not when it was: it keeps only the date (flagged approximate, the
 * words kept as written), never the bound as if it were the time. A start with no end — "from 9pm", "9pm
 * onwards", "since 9pm", "ab 21 Uhr" — is the start of an open range, read as that time, approximate, as the
 * start of "9pm-11pm" is; "from 9" is an hour without am/pm as "9" is, and "from 7:30" is open as "7:30" is.
 */
import {
  contradiction,
  DAY,
  hour24,
  isInvalid,
  type Meridiem,
  minutesOn,
  openHour,
  readClock,
  twelveHour,
} from './clock.js';
import { NO_MERIDIEM, type Said, type TimeReading } from './time-reading.js';
import { APPROX_PREFIX, AT } from './time-words.js';

// Words between the two times need spaces round them: in "10am-11am" the "a" of "am" is not Spanish "a".
// "and" joins a range only after "between" ("8am and 9pm" is two incidents, to be written as two rows).
export const RANGE =
  /^(?:(?:from|von|de|du)\s+)?(.+?)(?:\s*[-–—−]\s*|\s+(?:to|till|until|til|bis|a|au)\s+)(.+)$/;
export const BETWEEN =
  /^(?:between|zwischen|entre)\s+(.+?)(?:\s*[-–—−]\s*|\s+(?:and|to|und|bis|y|a|et)\s+)(.+)$/;

// A time that only bounds the incident: "after 10pm", "just before 7am", "no later than 6pm", "gone 10pm".
// Accents are already folded ("apres", "despues").
const BOUND =
  /^(?:(?:just|shortly|soon|a little|a bit|not long|sometime|some time|some point|well)\s+)?(?:after|before|by|until|till|til|gone|past|later than|no later than|not later than|not before|not after|earlier than|nach|vor|bis|spatestens|despues de(?: las?)?|antes de(?: las?)?|hasta(?: las?)?|apres|avant|jusqu'a|jusqu a)\s+(.+)$/;
const BOUND_SUFFIX =
  /^(.+?)\s+(?:or later|or after|or earlier|or before|at the latest|at the earliest|latest|earliest)$/;
// The start of an open range: "from 9pm", "9pm onwards", "since 9pm", "ab 21 Uhr", "a partir de las 9pm".
// (The leading "a " of "a partir de" is already gone with the other "at" words.)
const OPEN_START =
  /^(?:from|since|starting(?: at| from)?|ab|seit|desde(?: las?)?|partir de(?: las?)?|depuis|des)\s+(.+)$/;
// "9pm till late" starts at 9pm and says no end, as "9pm onwards" does ("from 9pm till late" too).
const TILL_LATE = /\s*(?:till|until|til|to|-)\s*late$/;
const OPEN_START_SUFFIX = new RegExp(`^(.+?)(?:\\s*(?:onwards|onward|and later|\\+)|${TILL_LATE.source})$`);

/** The longest range whose missing am/pm is filled in from its other end ("11-1pm", "11am-1"). */
const HALF_DAY = 12 * 60;
/** Noon as one end of a range ("noon-2pm", "11am-midday"). */
const NOON_WORD = /^(?:noon|midday|mid day)$/;

/**
 * A time written as a bound ("after 10pm": the date only) or as an open start ("from 9pm": that time, as a range
 * start), or undefined when `t` is neither or the clock in it cannot be read.
 */
export function boundOrStart(t: string, said: Said): TimeReading | undefined {
  const startM = OPEN_START.exec(t) ?? OPEN_START_SUFFIX.exec(t);
  const boundM = startM ? undefined : (BOUND.exec(t) ?? BOUND_SUFFIX.exec(t));
  const inner = (startM ?? boundM)?.[1];
  if (inner === undefined) return undefined;
  const bare = inner.replace(AT, '').replace(APPROX_PREFIX, '');
  // "from 9pm till late": the start is "9pm".
  const written = startM ? bare.replace(TILL_LATE, '') : bare;
  const clock = readClock(written);
  if (clock === undefined || isInvalid(clock)) return undefined;
  const h = clock.bare ? undefined : hour24(clock.h, clock.meridiem);
  if (!clock.bare && h === undefined) return undefined;
  if (!startM) return { kind: 'day', approx: true, how: 'bound' };
  // "from 9" is an hour without am/pm, not a bound; "from 7:30" says am or pm no more than "7:30" does.
  if (h === undefined) return NO_MERIDIEM;
  said.twelveHour = twelveHour(clock.meridiem);
  const reading = { kind: 'clock', h, m: clock.m, s: clock.s, approx: true, range: true } as const;
  return clock.meridiem === undefined && openHour(h, written) ? { ...reading, open: true } : reading;
}

/**
 * A range "a-b" (or "between a and b"), read as its start; undefined when either end is no clock. One end without
 * am/pm takes the other's half of the day when that puts the start before the end, else the other half, as long
 * as the range is then at most twelve hours long: "2-3pm" 14:00, "11-1pm" 11:00, "10-2am" 22:00, "9am-10" 09:00,
 * "11am-1" 11:00 (to 13:00), "9pm-2" 21:00 (to 02:00). Both ends without am/pm ("9-10") say neither.
 */
export function readRange(a: string, b: string, approx: boolean, said: Said): TimeReading | undefined {
  // "10pm-midnight" ends at the end of the day; "midnight-2am" is as unclear as "midnight" (which night?).
  if (a === 'midnight') return { kind: 'day', approx, how: 'part-of-day' };
  const [from, to] = [
    readClock(a.replace(NOON_WORD, '12pm')),
    readClock(b.replace(NOON_WORD, '12pm').replace(/^midnight$/, '12am')),
  ];
  if (isInvalid(from)) return { kind: 'bad', why: from.invalid.replace('time of day', 'time range') };
  if (isInvalid(to)) return { kind: 'bad', why: to.invalid.replace('time of day', 'time range') };
  if (!from || !to) return undefined;
  // "9-10": neither end says am or pm.
  if (from.bare && to.bare) return NO_MERIDIEM;
  const range = (h: number) =>
    ({ kind: 'clock', h, m: from.m, s: from.s, approx: true, range: true }) as const;
  const unreadable = {
    kind: 'bad',
    why: 'is not a time range that can be read: its end does not come within 12 hours after its start, whether morning or evening',
  } as const;
  if (to.bare) {
    // "9:30-10": the start says am or pm no more than the end does.
    if (from.meridiem === undefined && openHour(from.h, a)) return NO_MERIDIEM;
    const start = hour24(from.h, from.meridiem);
    if (start === undefined) return { kind: 'bad', why: contradiction(from) };
    const [same, other]: Meridiem[] = start < 12 ? ['am', 'pm'] : ['pm', 'am'];
    const fits = [hour24(to.h, same), hour24(to.h, other)].find(
      (end) => end !== undefined && inRange(start * 60 + from.m, end * 60),
    );
    if (fits === undefined) return unreadable;
    said.twelveHour = twelveHour(from.meridiem);
    said.end = fits * 60 + to.m;
    return range(start);
  }
  const end = hour24(to.h, to.meridiem);
  if (end === undefined) return { kind: 'bad', why: contradiction(to) };
  let start: number | undefined;
  if (from.meridiem !== undefined) {
    start = hour24(from.h, from.meridiem);
    if (start === undefined) return { kind: 'bad', why: contradiction(from) };
  } else if (to.meridiem === 'am' || to.meridiem === 'pm' || to.meridiem === 'night') {
    // "2-3pm": the start borrows the end's half of the day, or takes the other ("11-1pm", "10-2am").
    const base = hour24(from.h, to.meridiem);
    // "13-2am": a 24-hour start cannot take the end's am.
    if (base === undefined) return unreadable;
    const candidates = from.h <= 12 ? [base, (base + 12) % 24] : [base];
    start = candidates.find((h) => inRange(h * 60 + from.m, end * 60 + to.m));
    if (start === undefined) return unreadable;
  } else {
    // "9-10:30": the start has no am/pm and the end gives none to borrow.
    if (from.bare && to.meridiem === undefined) return NO_MERIDIEM;
    start = from.h;
  }
  said.twelveHour = twelveHour(from.meridiem, to.meridiem);
  // Midnight at a range's end ("10pm-12am") is the end of the row's date.
  said.end = end === 0 && to.m === 0 ? DAY : end * 60 + to.m;
  const reading = range(start);
  // "7:30-8:30" says am or pm no more than "7:30" does.
  return from.meridiem === undefined && to.meridiem === undefined && openHour(start, a) && openHour(end, b)
    ? { ...reading, open: true }
    : reading;
}

/** Whether a range from one minute of the day to another is ascending and at most twelve hours long. */
function inRange(from: number, to: number): boolean {
  const span = minutesOn(from, to);
  return span > 0 && span <= HALF_DAY;
}
