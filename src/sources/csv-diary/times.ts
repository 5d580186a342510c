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
 * A range is read as its start, flagged. One end without am/pm takes the other end's half of the day when that
 * makes the range go forward, else the other half, as long as the range is then at most twelve hours long:
 * "2-3pm" 14:00, "11-1pm" 11:00, "10-2am" 22:00 (to 02:00), "9am-10" 09:00, "11am-1" 11:00 (to 13:00), "9pm-2"
 * 21:00 (to 02:00); "9-10" says neither, as "9" does. "noon" and "midnight" can end a range ("10pm-midnight"),
 * but "midnight-2am" is as unclear as "midnight" (which night?) and keeps only the date.
 *
 * The spoken clock: "half past 8pm", "quarter to 9pm", "20 past 10pm", "10 minutes to 9pm", British "half 9pm"
 * (21:30), and "5", "10", "20" or "25" to an hour ("10 to 9pm" is 20:50, "25 to 3pm" 14:35). "n to <hour>" can
 * also be a range from hour n, which holds the spoken time too; one rule, whichever hour: it is read as that range
 * (its start, flagged) when the range runs forward on the row's date and is at most four hours long, in one half
 * of the day or across noon, and as the spoken time otherwise. So "5 to 9pm" (17:00 to 21:00), "8 to 10pm",
 * "10 to 12pm", "10 to 1pm" and "10 to 2pm" (10:00 to 14:00) are ranges, flagged: either reading is common, and
 * an exact time the writer did not mean would be wrong without a flag. "5 to 10pm" is 21:55, "10 to 3pm" 14:50
 * and "10 to 9pm" 20:50: as ranges they would last five, five and eleven hours, longer than people write "from
 * 5 to 10" for. Never across midnight: "10 to 1am" as a range would start at 22:00 on the evening of the row's
 * date, a day from the small hours it also names, so it is 00:50. Numbers other than 5, 10, 20 and 25 are not
 * said before "to" without "minutes": "8 to 10pm" and "11 to 1pm" are only ranges, read as other ranges are.
 * Without am/pm ("10 to 9", "5 past 3", "half 9") the hour is unknown, as for "9". Midnight and noon can be the
 * hour: "20 to midnight" is 23:40 and "quarter past midnight" 00:15 on the row's date (midnight is its end after
 * "to", its start after "past"), "twenty to noon" 11:40. "12am" is midnight too, so after "to" it also ends the
 * row's date ("20 to 12am" 23:40; a range ending "-12am" ends there too); only hour 0 of the 24-hour clock starts
 * it, so "10 to 00:00" is refused (the day before the date). They follow the rule other hours do: "10 to midnight"
 * and "10 to 12am" are the range from 22:00, as "10 to 11pm" is, and "10 to noon" from 10:00; "5 to midnight" and
 * "5 to noon" would be seven-hour ranges, so they are 23:55 and 11:55, as "5 to 12pm" is. Numbers written as words,
 * one to twelve, twenty and twenty-five ("ten to nine pm", "half past eight in the evening", "eleven at night",
 * "nine"), are read as the digits are, when the cell cannot be read as written; other number words ("thirteen",
 * "twenty one") are not, and words that are still no time ("one of the neighbours saw") keep only the date, as
 * before.
 *
 * A time given only as a bound — "after 10pm", "just before 7am", "gone 10pm", "by 6pm", "until 3am", "nach
 * 22 Uhr" — says when the incident was not, not when it was: it keeps only the date (flagged approximate, the
 * words kept as written), never the bound as if it were the time. A start with no end — "from 9pm", "9pm
 * onwards", "since 9pm", "ab 21 Uhr" — is the start of an open range, read as that time, approximate, as the
 * start of "9pm-11pm" is; "from 9" is an hour without am/pm as "9" is, and "from 7:30" is open as "7:30" is.
 *
 * Several times in one cell — "9pm and 11pm", "21:00, 23:00", "9pm then again at 11pm" — are several incidents,
 * each needing its own row: refused, saying so, never read as the first of them.
 */
import { lowerPlain, words } from './fold.js';

/** A time cell as read. */
export type TimeReading =
  | {
      readonly kind: 'clock';
      readonly h: number;
      readonly m: number;
      readonly s: number;
      readonly approx: boolean;
      readonly range: boolean;
      /**
       * Written h:mm with an hour from 1 to 12 and nothing to say morning or evening ("9:30": no am/pm, no leading
       * zero, no "Uhr"): read on the 24-hour clock, unless the diary writes times on the 12-hour clock and none on
       * the 24-hour clock (see `clockStyle`).
       */
      readonly open?: true;
    }
  | {
      readonly kind: 'day';
      readonly approx: boolean;
      /**
       * `no-meridiem`: an hour written without am/pm ("8", "9-10"), which could be morning or evening; the row
       * reader also gives it to an open h:mm ("7:30") in a diary that writes times on the 12-hour clock only.
       */
      readonly how: 'blank' | 'part-of-day' | 'free-text' | 'bound' | 'no-meridiem';
    }
  | { readonly kind: 'bad'; readonly why: string };

/** An hour written without am/pm: the date is known, the hour is one of two twelve hours apart. */
export const NO_MERIDIEM: Extract<TimeReading, { kind: 'day' }> = {
  kind: 'day',
  approx: true,
  how: 'no-meridiem',
};

// A prefix counts only before a dot, a space or a digit, so "c" does not eat the start of "christmas".
const APPROX_PREFIX =
  /^(?:approx(?:imately)?|appr|apx|about|abt|around|round about|circa|ca|c|roughly|sometime around|at about|at around|gegen|etwa|ungefahr|zirka|cirka|hacia|sobre|alrededor de|aprox(?:imadamente)?|vers|environ|~|≈)(?:\.\s*|\s+|(?=\d))/;
// Spanish "a" ("a las 9"), but not the "a" of "a bit after 10pm" or "a little before 7am", which BOUND reads;
// "@ 9pm" and "@9pm" as people write "at" in a hurry.
const AT = /^(?:(?:at|um|a las|a la|a(?!\s+(?:bit|little)\b))\s+|@\s*)/;
// Words after the time that say it is approximate: "9pm-ish", "9pm or so", "9pm approximately", "9pm (roughly)".
// "9pm est" is "estimated" in a British diary; the row reader reads it so only where EST is no zone the case
// could be in (zones.ts and row.ts).
const APPROX_SUFFIX =
  /(?:\s*-?\s*ish|\s+or so|\s+not sure|\s+unsure|\s+i think|\s+or thereabouts|\s+give or take|\s*\?+|\s+approx(?:imately)?\.?|\s+apx\.?|\s+roughly|\s+estimated|\s+est\.?|\s+ca\.?|\s+circa)$/;
const UNKNOWN = new Set([
  '?',
  '??',
  '???',
  '-',
  '--',
  'n/a',
  'na',
  'n/k',
  'nk',
  'unknown',
  'not sure',
  'unsure',
  'k.a.',
  'unbekannt',
  'desconocida',
  'desconocido',
  'inconnue',
  'inconnu',
]);
const PART_OF_DAY = new Set(
  words(`
    morning | early morning | late morning | this morning | in the morning | afternoon | early afternoon |
    late afternoon | in the afternoon | evening | early evening | late evening | this evening |
    in the evening | night | late night | last night | tonight | at night | overnight | during the night |
    in the night | lunchtime | lunch time | lunch | at lunch | dinner time | dinnertime | teatime |
    tea time | midnight | early hours | early hours of the morning | in the early hours | small hours |
    in the small hours | dawn | dusk | daytime | all morning | all afternoon |
    during the day | all day | all evening | all night | throughout the day | several times | various |
    various times | multiple times | after work | before work | after school | school run | rush hour |
    morgens | fruh | fruhmorgens | vormittags | vormittag | mittags | mittag | nachmittags | nachmittag |
    abends | abend | am abend | nachts | nacht | in der nacht | ganztags | den ganzen tag | manana |
    por la manana | mediodia | tarde | por la tarde | noche | por la noche | madrugada | matin | le matin |
    matinee | midi | apres midi | apres-midi | soir | le soir | soiree | nuit | la nuit
  `),
);
// "noon" and "midday" are read as 12:00 flagged approximate, on purpose: people say them of the middle of the day
// ("at midday", "around lunchtime") more loosely than they write "12:00", so an exact 12:00 would claim more.
const NOON = new Set(['noon', 'midday', '12 noon', '12 midday', 'mid day']);

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
const O_CLOCK = /\bo ?['\u2019]? ?clock\b/g;
// Four digits, as police and the military write times: "1430", "0815hrs".
const COMPACT = /^([01]\d|2[0-3])([0-5]\d)\s*(?:hrs|hr|h|hours)?$/;
// Words between the two times need spaces round them: in "10am-11am" the "a" of "am" is not Spanish "a".
// "and" joins a range only after "between" ("8am and 9pm" is two incidents, to be written as two rows).
const RANGE = /^(?:(?:from|von|de|du)\s+)?(.+?)(?:\s*[-–—−]\s*|\s+(?:to|till|until|til|bis|a|au)\s+)(.+)$/;
const BETWEEN = /^(?:between|zwischen|entre)\s+(.+?)(?:\s*[-–—−]\s*|\s+(?:and|to|und|bis|y|a|et)\s+)(.+)$/;

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

// The British spoken clock: "half past 8pm", "quarter to 9pm", "20 past 10pm", "10 minutes to 9pm". A bare number
// before "to" is left to RANGE ("8 to 10pm", "8 to 3pm"), unless it is one said as minutes to the hour (5, 10, 20,
// 25) and the range it would start is longer than four hours (`pastOrTo`): read as "minutes to", "8 to 10pm"
// would make up an exact time (21:52) from a two-hour span. "past" joins no range, so "20 past 10pm" is a time.
const PAST_TO = /^(half|quarter|\d{1,2})( minutes?| mins?)? (past|to) (.+)$/;
// British "half 9" is half past nine. (German "halb 9" is half to nine, but that is written in German.)
const HALF = /^half (\d.*)$/;

type Meridiem = 'am' | 'pm' | 'night' | '24h' | undefined;
interface Clock {
  h: number;
  m: number;
  s: number;
  meridiem: Meridiem;
  /** True when only an hour below 13 was written, with no am/pm: it needs a meridiem from elsewhere. */
  bare: boolean;
}

/** Why a clock written in a cell is no time of day: an hour, minute or second that does not exist. */
interface Invalid {
  readonly invalid: string;
}

function readClock(t: string): Clock | Invalid | undefined {
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

function isInvalid(c: Clock | Invalid | undefined): c is Invalid {
  return c !== undefined && 'invalid' in c;
}

/**
 * Why a clock that `hour24` refuses is no time of day: its hour and its am/pm contradict each other ("13:00am",
 * "0:30pm", "20 Uhr morgens"). "13:00pm" is not refused: the "pm" is redundant on an afternoon hour, not contrary.
 */
function contradiction(c: Clock): string {
  const word = c.meridiem === 'am' ? 'morning' : c.meridiem === 'pm' ? 'afternoon or evening' : 'night';
  return c.h === 0
    ? `is not a valid time of day (hour 0 is midnight, but it also says ${word})`
    : `is not a valid time of day (hour ${c.h} is on the 24-hour clock, but it also says ${word})`;
}

/** The 24-hour hour of a clock under a meridiem, or undefined when the two contradict ("14am", "0pm"). */
function hour24(h: number, meridiem: Meridiem): number | undefined {
  if (meridiem === 'am') return h > 12 ? undefined : h === 12 ? 0 : h;
  if (meridiem === 'pm') return h === 0 ? undefined : h < 12 ? h + 12 : h;
  // "3 at night" is 03:00, "11 at night" is 23:00.
  if (meridiem === 'night') return h > 12 ? h : h === 12 || h <= 5 ? h % 12 : h + 12;
  return h;
}

/** What a clock time read from a cell says of the clock it is written on, for `clockStyle`. */
interface Said {
  /** True when its hour came with am/pm or a word for the part of the day ("pm", "in the evening", "abends"). */
  twelveHour: boolean;
  /** The end of a range read as its start, in minutes from midnight ("9-10pm": 22:00); "from 9pm" has none. */
  end?: number;
  /** True when words say the time is approximate ("approx 9pm", "9pm-ish"), as a range's start is not. */
  approxWords?: boolean;
}

/** A time cell as read (`readTimeCell`), with the end of a range and whether words say it is approximate. */
export interface TimeSpan {
  readonly reading: TimeReading;
  /** The end of a range, in minutes from midnight of the row's date (1440 for midnight at its end). */
  readonly end?: number;
  readonly approxWords: boolean;
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

/** Whether a clock's meridiem is one the 12-hour clock needs: am, pm or a part of the day, not "Uhr" or "h". */
function twelveHour(...meridiems: Meridiem[]): boolean {
  return meridiems.some((m) => m === 'am' || m === 'pm' || m === 'night');
}

/** Reads a time cell (see the module comment for what is accepted). */
export function readTimeCell(raw: string): TimeReading {
  return readTime(raw, { twelveHour: false });
}

// Number words, one list: those a clock time is said with are read as digits ("ten to nine pm", "half past eight
// in the evening", "twenty-five to three pm", "eleven at night"): one to twelve, twenty and twenty-five. The others
// ("thirteen", "forty") are here only so that two joined words ("twenty-one", "ten forty") are seen as one number
// or a time these words do not spell (JOINED_NUMBER_WORDS), never read half as digits.
const NUMBER_VALUES = new Map<string, number>(
  [
    'one two three four five six seven eight nine ten eleven twelve',
    'thirteen fourteen fifteen sixteen seventeen eighteen nineteen',
  ]
    .join(' ')
    .split(' ')
    .map((w, i) => [w, i + 1] as const)
    .concat([
      ['twenty', 20],
      ['thirty', 30],
      ['forty', 40],
      ['fifty', 50],
    ]),
);
const SAID_IN_CLOCK = (n: number): boolean => n <= 12 || n === 20;
const TWENTY_FIVE = 'twenty[- ]?five';
// Whole words only ("often" holds no "ten").
const NUMBER_WORD = new RegExp(
  `\\b(?:${TWENTY_FIVE}|${[...NUMBER_VALUES].flatMap(([w, n]) => (SAID_IN_CLOCK(n) ? [w] : [])).join('|')})\\b`,
  'g',
);
const ANY_NUMBER_WORD = [...NUMBER_VALUES.keys()].join('|');
// Two number words joined by a hyphen or a space, but for "twenty-five" (one of the words read).
const JOINED_NUMBER_WORDS = new RegExp(
  `\\b(?!${TWENTY_FIVE}\\b)(?:${ANY_NUMBER_WORD})[- ](?:${ANY_NUMBER_WORD})\\b`,
);
/** The value of a word NUMBER_WORD matched. */
function numberValue(w: string): number {
  return NUMBER_VALUES.get(w) ?? 25;
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
  const t = lowerPlain(raw);
  // Number words joined to each other ("twenty-one", "ten-twenty pm", "ten twenty") are one number or a clock time
  // these words do not spell: as digits they would read as a range ("20-1", "10-20 pm"), so they stay words.
  if (JOINED_NUMBER_WORDS.test(t)) return reading;
  const digits = t.replace(NUMBER_WORD, (w) => String(numberValue(w)));
  if (digits === t) return reading;
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

/** Whether a time without am/pm (`written`, read as hour `h`) could be either: hour 1 to 12, no leading zero. */
function openHour(h: number, written: string): boolean {
  return h >= 1 && h <= 12 && !written.trim().startsWith('0');
}

/**
 * A time written as a bound ("after 10pm": the date only) or as an open start ("from 9pm": that time, as a range
 * start), or undefined when `t` is neither or the clock in it cannot be read.
 */
function boundOrStart(t: string, said: Said): TimeReading | undefined {
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

/** Minutes from one time of day to the next at or after it, crossing midnight if need be (0 to 1439). */
export function minutesOn(from: number, to: number): number {
  return (((to - from) % DAY) + DAY) % DAY;
}
const DAY = 24 * 60;
/** The longest range whose missing am/pm is filled in from its other end ("11-1pm", "11am-1"). */
const HALF_DAY = 12 * 60;
/** Noon as one end of a range ("noon-2pm", "11am-midday"). */
const NOON_WORD = /^(?:noon|midday|mid day)$/;

/**
 * A range "a-b" (or "between a and b"), read as its start; undefined when either end is no clock. One end without
 * am/pm takes the other's half of the day when that puts the start before the end, else the other half, as long
 * as the range is then at most twelve hours long: "2-3pm" 14:00, "11-1pm" 11:00, "10-2am" 22:00, "9am-10" 09:00,
 * "11am-1" 11:00 (to 13:00), "9pm-2" 21:00 (to 02:00). Both ends without am/pm ("9-10") say neither.
 */
function readRange(a: string, b: string, approx: boolean, said: Said): TimeReading | undefined {
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
function pastOrTo(t: string, approx: boolean, said: Said): TimeReading | undefined {
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
  return { kind: 'clock', h: Math.floor(at / 60), m: at % 60, s: 0, approx, range: false };
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
  return { kind: 'clock', h: Math.floor(at / 60), m: at % 60, s: 0, approx, range: false };
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
 * (minutes from the start of the row's date) and is at most SPOKEN_RANGE_HOURS long. Never across midnight: "10
 * to 1am" as 10pm to 1am would start on the evening before the small hours the spoken reading (00:50) gives.
 */
function shortRangeTo(n: number, end: number): boolean {
  const starts = n > 12 ? [n] : [n % 12, (n % 12) + 12];
  return starts.some((h) => end > h * 60 && end - h * 60 <= SPOKEN_RANGE_HOURS * 60);
}

/** The longest range "n to <clock>" is read as rather than the spoken time (see the module comment). */
const SPOKEN_RANGE_HOURS = 4;

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
  if (reading.kind !== 'clock' || reading.open) return undefined;
  if (said.twelveHour) return '12h';
  const t = lowerPlain(raw);
  if (reading.h === 0 || reading.h > 12 || /(?:^|\D)0\d(?:[:.h]?\d{2})/.test(t)) return '24h';
  return undefined;
}
