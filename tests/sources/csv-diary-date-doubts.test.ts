/**
 * A Date cell that doubts its date, and dates that are no one day: each row is read as written or rejected with
 * a reason that says what to do, never given a date the diary is not sure of. Fixtures in
 * fixtures/csv-diary-date-doubts, one file per case.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { diaryTimes } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-date-doubts';

const UNSURE_HINT =
  'If the day is right, write the date alone and say in the description that it is approximate, then re-run';

describe('a "?" in the Date cell', () => {
  it('straight after the date, attached or not, marks the date uncertain; after a time or "at", the time', async () => {
    const run = await runSource(csvDiary, `${DIR}/question-marks.csv`);
    // "13/06/2024 ?" (line 3) was 13 June at 21:00 and "14/06/2024 ?" (line 4) 14 June with the time unknown, while
    // "13/06/2024?" (line 2) was rejected as uncertain; "15/06/2024 (?)" was a time in words, "16/06/2024? 21:00"
    // an unreadable date.
    expect(run.rejected).toEqual(
      [
        [2, '13/06/2024?'],
        [3, '13/06/2024 ?'],
        [4, '14/06/2024 ?'],
        [5, '15/06/2024 (?)'],
        [6, '16/06/2024? 21:00'],
        [7, '17 June 2024 ??'],
      ].map(([locator, date]) => ({
        code: 'DIARY_BAD_DATE',
        locator,
        message: `Date "${date}" is marked as uncertain ("?"); a date is read only as the diary gives it, never one it is unsure of`,
        hint: UNSURE_HINT,
      })),
    );
    expect(diaryTimes(run)).toEqual([
      [8, '2024-06-18T21:00', 'min', ['time-approximate'], '21:00?'],
      [9, '2024-06-19', 'day', undefined, '?'],
      [10, '2024-06-20', 'day', undefined, '?'],
    ]);
    expect(run.accounting).toEqual({ records: 9, events: 3, skipped: 0, rejected: 6 });
  });
});

describe('a Date cell that gives several days or a week', () => {
  it('is rejected saying so, with a hint to give each day its own row', async () => {
    const run = await runSource(csvDiary, `${DIR}/days-and-weeks.csv`);
    // Each said only "Cannot read the date", with a hint to correct it "as the original record gives it"
    // ("30 May - 2 June 2024" that it had no year).
    const hint =
      'Give the incident one row for each day it happened, each with the date it happened (one day, month and year), then re-run; if the day is not known, the row stays listed as rejected';
    const reason = (locator: number, date: string, what: string) => ({
      code: 'DIARY_BAD_DATE',
      locator,
      message: `Date "${date}" ${what}, not one date, and no day is picked from it`,
      hint,
    });
    expect(run.rejected).toEqual([
      reason(2, '3-4 June 2024', 'gives a span of days'),
      reason(3, 'w/c 3 June 2024', 'is a week ("w/c")'),
      reason(4, '3rd to 5th June 2024', 'gives a span of days'),
      reason(5, '3 & 4 June 2024', 'gives more than one day'),
      reason(6, 'Week commencing 10 June 2024', 'is a week ("Week commencing")'),
      reason(7, '30 May - 2 June 2024', 'gives a span of days'),
      reason(8, 'June 6-7 2024', 'gives a span of days'),
      reason(9, 'W/E 16/06/2024', 'is a week ("W/E")'),
      // Neither a date nor clearly days of one ("3-6" could be March to June): still unreadable.
      {
        code: 'DIARY_BAD_DATE',
        locator: 11,
        message: 'Cannot read the date "3-6"',
        hint: 'Correct the date in the diary as the original record gives it (a day, month and year, written like the other rows, or as YYYY-MM-DD) and re-run',
      },
    ]);
    expect(diaryTimes(run)).toEqual([[10, '2024-06-07T21:00', 'min', undefined, undefined]]);
  });
});
