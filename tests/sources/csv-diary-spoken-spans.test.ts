/**
 * "n to <hour>", which is both a spoken clock time ("5 to 10pm", 21:55) and a range ("5pm to 10pm"): one rule for
 * every hour, in either half of the day or across noon or midnight (src/sources/csv-diary/times.ts). Fixtures in
 * fixtures/csv-diary-spoken-spans, one file per case.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clock, diaryTimes, range } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-spoken-spans';
const RANGE = ['time-approximate', 'time-range'];

describe('"n to <hour>" with am/pm', () => {
  it('is a range only when that range is at most four hours, in one half of the day or across noon', async () => {
    // "5 to 10pm" and "five to ten pm" were the range from 17:00 (five hours) and "5 to 11pm" from 17:00 (six),
    // while "10 to 3pm" (10:00 to 15:00, five hours across noon) was 14:50: a range in one half of the day could be
    // up to twelve hours long, one across noon four. "10 to 22:00" kept only its date.
    const run = await runSource(csvDiary, `${DIR}/hours.csv`);
    expect(diaryTimes(run)).toEqual([
      [2, '2024-09-16T21:55', 'min', undefined, undefined],
      [3, '2024-09-17T21:55', 'min', undefined, undefined],
      [4, '2024-09-18T14:50', 'min', undefined, undefined],
      [5, '2024-09-19T10:00', 'min', RANGE, '10 to 2pm'],
      [6, '2024-09-20T17:00', 'min', RANGE, '5 to 9pm'],
      [7, '2024-09-21T22:55', 'min', undefined, undefined],
      // 8 is not said before "to" without "minutes": only a range.
      [8, '2024-09-22T20:00', 'min', RANGE, '8 to 10pm'],
      [9, '2024-09-23T21:50', 'min', undefined, undefined],
      [10, '2024-09-24T22:55', 'min', undefined, undefined],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 9, events: 9, skipped: 0, rejected: 0 });
  });

  it.each([
    // Five hours or more: the spoken time, whether the range would be in one half of the day or across noon.
    ['5 to 10pm', clock(21, 55)],
    ['five to ten pm', clock(21, 55)],
    ['5 to 10 in the evening', clock(21, 55)],
    ['10 to 3pm', clock(14, 50)],
    ['ten to three pm', clock(14, 50)],
    ['5 to 11am', clock(10, 55)],
    ['10 to 22:00', clock(21, 50)],
    // Four hours or less: the range, which holds the spoken time too.
    ['5 to 9pm', range(17)],
    ['five to nine pm', range(17)],
    ['10 to 2pm', range(10)],
    ['ten to two pm', range(10)],
    ['10 to 11am', range(10)],
    ['5 to 9am', range(5)],
    ['20 to 22:00', range(20)],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });
});
