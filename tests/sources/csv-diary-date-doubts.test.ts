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

describe('a weekday written with the date', () => {
  it('in a diary whose order is unknown, is named in the rejection when it fits one reading, and decides nothing', async () => {
    // No day above 12 and no region: every date could be either. Each rejection said only that, though the
    // weekday fits one reading; the order is still not taken from it (it may be the slip).
    const run = await runSource(csvDiary, `${DIR}/weekday-order.csv`);
    const why = "this file's dates do not tell which order it uses";
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DIARY_DATE_ORDER_UNKNOWN',
        2,
        `Date "Mon 3/6/24" is 3 June 2024 read day-first but 6 March 2024 read month-first, and ${why}; Monday fits only the day-first reading (6 March 2024 was a Wednesday), but a weekday does not decide the order: if it is right and the diary writes dates day-first, re-run with --date-order dmy`,
      ],
      [
        'DIARY_DATE_ORDER_UNKNOWN',
        3,
        `Date "4/6/24" is 4 June 2024 read day-first but 6 April 2024 read month-first, and ${why}`,
      ],
      // A weekday after the date counts as one before it does.
      [
        'DIARY_DATE_ORDER_UNKNOWN',
        4,
        `Date "5/6/24 (Wed)" is 5 June 2024 read day-first but 6 May 2024 read month-first, and ${why}; Wednesday fits only the day-first reading (6 May 2024 was a Monday), but a weekday does not decide the order: if it is right and the diary writes dates day-first, re-run with --date-order dmy`,
      ],
      [
        'DIARY_DATE_ORDER_UNKNOWN',
        5,
        `Date "Fri 7/6/24" is 7 June 2024 read day-first but 6 July 2024 read month-first, and ${why}; Friday fits only the day-first reading (6 July 2024 was a Saturday), but a weekday does not decide the order: if it is right and the diary writes dates day-first, re-run with --date-order dmy`,
      ],
    ]);
    // 4/4/24 is the same date either way: read, and its weekday checked (4 April 2024 was a Thursday).
    expect(diaryTimes(run)).toEqual([[6, '2024-04-04T21:00', 'min', ['date-weekday-mismatch'], undefined]]);
    expect(run.failure?.code).toBe('DIARY_DATE_ORDER_AMBIGUOUS');
  });

  it('that fits neither reading says so', async () => {
    const run = await runSource(csvDiary, `${DIR}/weekday-neither.csv`);
    expect(run.rejected.map((r) => r.message)).toEqual([
      `Date "Sun 3/6/24" is 3 June 2024 read day-first but 6 March 2024 read month-first, and this file's dates do not tell which order it uses; Sunday fits neither reading (3 June 2024 was a Monday, 6 March 2024 a Wednesday)`,
    ]);
  });

  it('after the date, is checked against the date as one before it is', async () => {
    const run = await runSource(csvDiary, `${DIR}/weekday-after.csv`);
    // The weekday after the date was not checked: "(Wed)" and "(Sun)" were dropped without a word, or kept only as
    // a time in words ("2024-06-05, Friday", "(Sun)"), and "6 June 2024 Thu 10pm" was rejected as no time.
    expect(diaryTimes(run)).toEqual([
      [2, '2024-06-03T21:00', 'min', undefined, undefined],
      [3, '2024-06-04T21:00', 'min', ['date-weekday-mismatch'], undefined],
      [4, '2024-06-05', 'day', ['date-weekday-mismatch'], undefined],
      [5, '2024-06-06T22:00', 'min', undefined, undefined],
      [6, '2024-06-08', 'day', ['date-weekday-mismatch'], undefined],
      // "sat outside" is no weekday and a time: words, kept as written.
      [7, '2024-06-09', 'day', ['time-unparsed'], 'sat outside'],
    ]);
    expect(run.warnings.filter((w) => w.code === 'DIARY_WEEKDAY_DISAGREES')).toEqual(
      [
        [3, '4 June 2024 (Wed)', 'Wednesday', '4 June 2024', 'Tuesday'],
        [4, '2024-06-05, Friday', 'Friday', '5 June 2024', 'Wednesday'],
        [6, '2024-06-08 (Sun)', 'Sunday', '8 June 2024', 'Saturday'],
      ].map(([locator, date, says, inWords, was]) => ({
        code: 'DIARY_WEEKDAY_DISAGREES',
        locator,
        message: `Date "${date}" says ${says}, but ${inWords} was a ${was}; the date is used as written, flagged date-weekday-mismatch`,
      })),
    );
    expect(run.rejected).toEqual([]);
  });
});
