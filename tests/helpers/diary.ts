/**
 * What the diary tests compare: each event's line, local time, precision, flags and time as written, and the
 * readings of a time cell (src/sources/csv-diary/times.ts) by name.
 */
import type { SourceRun } from './run-source.js';

/** [line, local time ('' for an instant), precision, flags, time as written] of each event. */
export function diaryTimes(run: SourceRun): unknown[][] {
  return run.events.map((e) => [
    e.locator,
    e.time.type === 'local' ? e.time.local : '',
    e.time.precision,
    e.flags,
    e.details?.['time_as_written'],
  ]);
}

/** An exact clock time. */
export const clock = (h: number, m: number) => ({ kind: 'clock', h, m, s: 0, approx: false, range: false });
/** "n to <hour>" read as n minutes to the hour, which the words also give as a range from hour n (flagged). */
export const spoken = (h: number, m: number) => ({ ...clock(h, m), orRange: true });
/** The start of a range, flagged approximate. */
export const range = (h: number, m = 0) => ({ kind: 'clock', h, m, s: 0, approx: true, range: true });
/** An hour without am/pm on the 12-hour clock: the date alone. */
export const NO_MERIDIEM = { kind: 'day', approx: true, how: 'no-meridiem' };
/** Words that are no time: the date alone. */
export const FREE = { kind: 'day', approx: false, how: 'free-text' };
