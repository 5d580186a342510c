/**
 * Diary rows beside the same contact in a log. A diary is never merged with an app's or a phone's log
 * (timeline/dedupe.ts compares a diary's own words, which no log shares), so a row "Two missed calls from his number"
 * at 21:15 beside a call backup's missed calls at 21:15 and 21:17 counts three incidents where there may have been
 * two. Both stay counted — the diary is the writer's own evidence, and a row may as well record a third call the
 * phone did not keep — but the report says which rows fall beside logged records, in one warning
 * (`DIARY_ALSO_LOGGED`) listing each row with the records, so a reader can check them before quoting the counts.
 *
 * A row and a record pair when both are incidents on the same channel (the row's from its type of contact,
 * csv-diary/channels.ts), from the same sender — the subject, or when the row names an identifier (a number, an
 * address) the sender with that identifier — and their times are at most a few minutes apart by the clock (see
 * `TOLERANCE_MIN`). Rows whose time is not a point are not compared: see `comparable`.
 *
 * Diaries are small and logs may hold millions of events: the diary rows are found in one pass over the
 * time-ordered events, reading only the input column, and each row looks at the events of its own few minutes,
 * found by binary search. Nothing is counted differently: this only adds the warning.
 */
import { citedPrecision } from '../analysis/cite.js';
import { andList, listed, plural } from '../model/format.js';
import { isHandKept } from '../model/hand-kept.js';
import type { InputSummary, Problem } from '../model/index.js';
import { CHANNELS } from '../model/vocabulary.js';
import { locatorText } from '../timeline/ids.js';
import type { EventList } from '../timeline/list.js';
import type { Zone } from '../timeline/zone.js';

/**
 * How far apart, in minutes by the clock, a diary row and a logged record may be and still pair. Both are compared
 * by the minute (a diary gives minutes, a log seconds or milliseconds), as de-duplication compares copies of mixed
 * precision.
 * - `exact` (a row such as "21:15"): 5. A row is written after the fact, from memory or from the phone's screen,
 *   and people write the minute they saw or round it to five; "two missed calls" at 21:15 stands for calls at
 *   21:15 and 21:17. Two logged calls ten minutes apart are as likely two contacts as one, and a wider window
 *   would pair a row with every call of a burst, so rows ten minutes off are left alone.
 * - `approximate` (a row such as "about 9pm", "9ish", "~21:15", flagged `time-approximate`): 15, the quarter hour
 *   people round to when they say "about".
 */
export const TOLERANCE_MIN = { exact: 5, approximate: 15 } as const;

/**
 * Flags of a diary row whose time is not a point in time, which is then not compared with any record: a time
 * range ("9-11pm") keeps only its start, so its end is not known; "5 to 10pm" may be a range too; a part of the
 * day ("evening") and a time not read ("after work") keep only the date. Rows with only a date (precision `day`)
 * are not compared either: they would pair with every call of that day.
 */
const NOT_A_POINT = ['time-range', 'time-spoken-or-range', 'time-part-of-day', 'time-unparsed'];

/** Diary rows named in the warning, and logged records named for each. */
const ROWS_SHOWN = 10;
const RECORDS_SHOWN = 3;

const MINUTE = 60_000;
const OTHER = CHANNELS.indexOf('other');

/** A diary row with the logged records it pairs with, as positions in the event list. */
export interface AlsoLogged {
  readonly row: number;
  readonly logged: readonly number[];
}

/**
 * Each diary incident that falls beside logged incidents (same channel, same sender, a few minutes apart), in
 * timeline order, with those incidents. Empty unless the inputs hold both a diary and a log.
 */
export function diaryAlsoLogged(events: EventList, inputs: readonly InputSummary[]): AlsoLogged[] {
  const handKept = inputs.map((input) => isHandKept(input));
  if (!handKept.includes(true) || !handKept.includes(false)) return [];
  const out: AlsoLogged[] = [];
  const n = events.length;
  for (let i = 0; i < n; i++) {
    if (!handKept[events.input(i)] || !events.incident(i)) continue;
    const tolerance = comparable(events, i);
    if (tolerance === undefined) continue;
    const channel = events.channelIndex(i);
    const who = events.who(i);
    // A row that names an identifier pairs only with that sender; one that names no one, or only a name ("Sam"),
    // is about the subject, and pairs with any of the subject's records.
    const key = who.sender?.id === undefined ? undefined : who.key;
    const minute = Math.floor(events.ms(i) / MINUTE);
    const from = (minute - tolerance) * MINUTE;
    const until = (minute + tolerance + 1) * MINUTE;
    const logged: number[] = [];
    for (let j = firstAtOrAfter(events, from); j < n && events.ms(j) < until; j++) {
      if (handKept[events.input(j)] || !events.incident(j) || events.channelIndex(j) !== channel) continue;
      if (events.precision(j) === 'day') continue;
      if (key !== undefined && events.who(j).key !== key) continue;
      logged.push(j);
    }
    if (logged.length > 0) out.push({ row: i, logged });
  }
  return out;
}

/** The tolerance in minutes for diary row i, or undefined when its time is not one to compare (`NOT_A_POINT`). */
function comparable(events: EventList, i: number): number | undefined {
  if (events.precision(i) === 'day' || events.channelIndex(i) === OTHER) return undefined;
  const flags = events.flags(i);
  if (flags?.some((f) => NOT_A_POINT.includes(f))) return undefined;
  return flags?.includes('time-approximate') ? TOLERANCE_MIN.approximate : TOLERANCE_MIN.exact;
}

/** The first position whose instant is at or after `ms` (the list is in time order). */
function firstAtOrAfter(events: EventList, ms: number): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events.ms(mid) < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The one warning for the pairs `diaryAlsoLogged` found, or undefined when there are none. */
export function diaryAlsoLoggedProblem(
  events: EventList,
  inputs: readonly InputSummary[],
  zone: Zone,
): Problem | undefined {
  const pairs = diaryAlsoLogged(events, inputs);
  if (pairs.length === 0) return undefined;
  const diaries = new Set(pairs.map((p) => events.input(p.row)));
  // One diary: the problem names it as its file, and its rows by line alone.
  const oneDiary = diaries.size === 1 ? inputs[events.input(pairs[0]!.row)]!.path : undefined;
  const time = (i: number) => zone.localText(events.ms(i), citedPrecision(events.precision(i)));
  const locator = (i: number) => locatorText(events.at(i).locator);
  // "line 3 (call, 2024-04-02 21:15) ↔ call[0] (line 3) at 2024-04-02 21:15:00 and call[1] (line 4) at … in FILE".
  const row = (p: AlsoLogged) => {
    const path = inputs[events.input(p.row)]!.path;
    const where = oneDiary === undefined ? `${path}, ${locator(p.row)}` : locator(p.row);
    const { shown, more } = listed(p.logged, RECORDS_SHOWN);
    const byFile = new Map<number, string[]>();
    for (const j of shown) {
      const input = events.input(j);
      const at = byFile.get(input) ?? [];
      byFile.set(input, at);
      at.push(`${locator(j)} at ${time(j)}`);
    }
    const also = [...byFile].map(([input, at]) => `${andList(at)} in ${inputs[input]!.path}`);
    if (more > 0) also.push(`${plural(more, 'more record')}`);
    return `${where} (${CHANNELS[events.channelIndex(p.row)]}, ${time(p.row)}) ↔ ${andList(also)}`;
  };
  const place = (i: number) => ({ file: inputs[events.input(i)]!.path, locator: locator(i) });
  const records = new Set(pairs.flatMap((p) => p.logged)).size;
  const { shown, more } = listed(pairs, ROWS_SHOWN);
  return {
    code: 'DIARY_ALSO_LOGGED',
    severity: 'warning',
    ...(oneDiary === undefined ? {} : { file: oneDiary, locator: locator(pairs[0]!.row) }),
    message: `${plural(pairs.length, 'diary row')} ${pairs.length === 1 ? 'falls' : 'fall'} within minutes of ${plural(records, 'logged record')} on the same channel from the same sender, and ${pairs.length === 1 ? 'is' : 'are'} counted as ${pairs.length === 1 ? 'an incident' : 'incidents'} beside ${records === 1 ? 'it' : 'them'} (times in ${zone.name}): ${shown.map(row).join('; ')}${more > 0 ? `; and ${plural(more, 'more diary row')} (all listed in the JSON report's alsoLogged)` : ''}`,
    hint: `A diary row is never merged with a log, so each is counted as a separate incident. Read each row beside its records: if the row records the same contact the log holds (such as "two missed calls" beside two logged calls), the counts include that contact twice, so say so where they are quoted; if it records another contact, nothing needs doing. Rows compared are those with a time (within ${TOLERANCE_MIN.exact} minutes, or ${TOLERANCE_MIN.approximate} for a time such as "about 9pm"); rows with only a date, a time range or a part of the day are not.`,
    alsoLogged: pairs.map((p) => ({ diary: place(p.row), logged: p.logged.map(place) })),
  };
}
