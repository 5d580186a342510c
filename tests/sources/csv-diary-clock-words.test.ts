/**
 * Diary times as people write them: the spoken clock ("10 to 9pm"), an hour and am/pm that contradict each other
 * ("13:00am"), ranges with am/pm on one end only ("9am-10", "10-2am"), and the summaries of times kept at their
 * date. Fixtures in fixtures/csv-diary-clock-words, one file per habit.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clock, diaryTimes, NO_MERIDIEM, range, spoken } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-clock-words';

/** Each event as [line, local time, precision, flags, time as written]. */

describe('the spoken clock', () => {
  it('reads "10 to 9pm" as 20:50 and keeps the ranges that hold the spoken time as ranges', async () => {
    // "10 to 9pm" was read as a range from 10:00 to 21:00, placing an evening call in the morning; "25 to 3pm" was
    // rejected as "not a valid time range".
    const run = await runSource(csvDiary, `${DIR}/spoken.csv`);
    expect(diaryTimes(run)).toEqual([
      // 20:50, flagged: the words can also mean 10:00 to 21:00, and the time is kept as written.
      [2, '2024-05-13T20:50', 'min', ['time-spoken-or-range'], '10 to 9pm'],
      [3, '2024-05-14T11:20', 'min', undefined, undefined],
      [4, '2024-05-15T21:45', 'min', undefined, undefined],
      [5, '2024-05-16T14:35', 'min', undefined, undefined],
      // No am/pm: the hour is unknown, as for "3".
      [6, '2024-05-17', 'day', ['time-approximate'], '5 past 3'],
      [7, '2024-05-18T14:30', 'min', undefined, undefined],
      [8, '2024-05-19T21:30', 'min', undefined, undefined],
      // 17:00 to 21:00 holds 20:55 too: a range, flagged, as before.
      [9, '2024-05-20T17:00', 'min', ['time-approximate', 'time-range'], '5 to 9pm'],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.warnings.find((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM')?.message).toContain(
      '(1 row: "5 past 3" on line 6)',
    );
    expect(run.accounting).toEqual({ records: 8, events: 8, skipped: 0, rejected: 0 });
  });

  it.each([
    ['10 to 9pm', spoken(20, 50)],
    ['20 to 9pm', clock(20, 40)],
    ['25 to 3pm', clock(14, 35)],
    ['10 to 3pm', spoken(14, 50)],
    ['10 to 9am', clock(8, 50)],
    ['20 to 8am', clock(7, 40)],
    ['approx 10 to 9pm', { ...spoken(20, 50), approx: true }],
    ['half 9pm', clock(21, 30)],
    ['half 10 at night', clock(22, 30)],
    ['5 past 3', NO_MERIDIEM],
    ['10 to 9', NO_MERIDIEM],
    ['20 to 9', NO_MERIDIEM],
    ['half 9', NO_MERIDIEM],
    // Ranges within one half of the day, which hold the spoken reading too.
    ['5 to 9pm', range(17)],
    ['10 to 11pm', range(22)],
    ['8 to 10pm', range(20)],
    ['12 to 2pm', range(12)],
    ['20 to 22:00', range(20)],
    // 11 is not said before "to" without "minutes": "11 to 1pm" is 11am to 1pm.
    ['11 to 1pm', range(11)],
    // Ranges of at most four hours across noon, which hold the spoken reading too (12:50): either reading is
    // common, and an exact time the writer did not mean would be wrong without a flag.
    ['10 to 12pm', range(10)],
    ['10 to 1pm', range(10)],
    ['10 to 2pm', range(10)],
    // Never across midnight: a range from 22:00 would be a day from the small hours named.
    ['10 to 1am', clock(0, 50)],
    ['10 to 2am', clock(1, 50)],
    ['ten to one in the morning', clock(0, 50)],
    // Midnight and noon as the hour: "past midnight" from the date's start, "to midnight" to its end. A number
    // that can be an hour ("10 to midnight") stays a range of at most four hours, as "10 to 11pm" does.
    ['20 to midnight', clock(23, 40)],
    ['25 to midnight', clock(23, 35)],
    ['quarter to midnight', clock(23, 45)],
    ['10 past midnight', clock(0, 10)],
    ['20 past midnight', clock(0, 20)],
    ['half past midnight', clock(0, 30)],
    ['5 past noon', clock(12, 5)],
    ['quarter past midday', clock(12, 15)],
    ['10 to midnight', range(22)],
    ['20 past 12 noon', clock(12, 20)],
    ['10 mins to 9pm', clock(20, 50)],
    ['5 min past 3pm', clock(15, 5)],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it('reads "10 to 12am" as "10 to midnight", and refuses "10 to 00:00", which would be the day before the date', () => {
    // "10 to 12am" was refused as the day before the date while "10 to midnight" was the range from 22:00: after
    // "to", 12am is the midnight that ends the row's date, as "midnight" is (csv-diary-spoken-spans.test.ts).
    expect(readTimeCell('10 to 12am')).toEqual(readTimeCell('10 to midnight'));
    expect(readTimeCell('10 to 12am')).toEqual(range(22));
    // Hour 0 of the 24-hour clock starts the date.
    expect(readTimeCell('10 to 00:00')).toEqual({
      kind: 'bad',
      why: 'is before midnight of the day before the date',
    });
  });
});

describe('an hour and am/pm that contradict each other', () => {
  it('keeps "13:00pm" as 13:00 and rejects "13:00am", "0:30pm" and "25pm" with the reason and the line', async () => {
    const run = await runSource(csvDiary, `${DIR}/contradictions.csv`);
    expect(diaryTimes(run)).toEqual([
      [2, '2024-05-12T13:00', 'min', undefined, undefined],
      [6, '2024-05-16T21:15', 'min', undefined, undefined],
    ]);
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DIARY_BAD_TIME',
        3,
        'Time "13:00am" is not a valid time of day (hour 13 is on the 24-hour clock, but it also says morning)',
      ],
      [
        'DIARY_BAD_TIME',
        4,
        'Time "0:30pm" is not a valid time of day (hour 0 is midnight, but it also says afternoon or evening)',
      ],
      ['DIARY_BAD_TIME', 5, 'Time "25pm" is not a valid time of day (there is no hour 25)'],
    ]);
    expect(run.accounting).toEqual({ records: 5, events: 2, skipped: 0, rejected: 3 });
  });

  it.each([
    ['23:30pm', { ...clock(23, 30) }],
    ['13:00 p.m.', clock(13, 0)],
    ['12:30am', clock(0, 30)],
    ['00:30am', clock(0, 30)],
  ])('%s is consistent', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it.each([
    ['14am', 'is not a valid time of day (hour 14 is on the 24-hour clock, but it also says morning)'],
    ['0pm', 'is not a valid time of day (hour 0 is midnight, but it also says afternoon or evening)'],
    [
      '20 Uhr morgens',
      'is not a valid time of day (hour 20 is on the 24-hour clock, but it also says morning)',
    ],
    ['9:75pm', 'is not a valid time of day (there is no minute 75)'],
    ['21:40:75', 'is not a valid time of day (there is no second 75)'],
    ['9pm-25', 'is not a valid time range (there is no hour 25)'],
  ])('%s is refused: %s', (raw, why) => {
    expect(readTimeCell(raw)).toEqual({ kind: 'bad', why });
  });
});

describe('a range with am/pm on one end only', () => {
  it('gives the bare end the half of the day that makes a forward range of at most 12 hours', async () => {
    // "9am-10", "11am-1" and "between 9pm and 2" were rejected as "cannot be read as a time"; "10-2am" was read as
    // 10:00 (a 16-hour range) rather than 22:00; "10pm-midnight" and "midnight-1am" were rejected; "12 noon"
    // worked but "9:30-10" was rejected although "9-10:30" keeps its date.
    const run = await runSource(csvDiary, `${DIR}/ranges.csv`);
    expect(diaryTimes(run)).toEqual([
      [2, '2024-05-18T09:00', 'min', ['time-approximate', 'time-range'], '9am-10'],
      [3, '2024-05-19T11:00', 'min', ['time-approximate', 'time-range'], '11am-1'],
      [4, '2024-05-20T22:00', 'min', ['time-approximate', 'time-range'], '10-2am'],
      [5, '2024-05-21T21:00', 'min', ['time-approximate', 'time-range'], 'between 9pm and 2'],
      [6, '2024-05-22', 'day', ['time-approximate'], '9:30-10'],
      [7, '2024-05-23T22:00', 'min', ['time-approximate', 'time-range'], '10pm-midnight'],
      [8, '2024-05-24T12:00', 'min', ['time-approximate'], '12 noon'],
      // Which night "midnight" is, is unclear: the date only, as for "midnight".
      [9, '2024-05-25', 'day', ['time-part-of-day'], 'midnight-1am'],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 8, events: 8, skipped: 0, rejected: 0 });
  });

  it.each([
    ['9am-10', range(9)],
    ['11am-1', range(11)],
    ['9pm-2', range(21)],
    ['from 9am-10', range(9)],
    ['around 9pm-10', range(21)],
    ['9 am – 10', range(9)],
    ['21:00-2', range(21)],
    ['9:30am-10', range(9, 30)],
    ['10-2am', range(22)],
    ['11-12am', range(23)],
    ['11-1pm', range(11)],
    ['2-3pm', range(14)],
    ['9-10am', range(9)],
    ['9–10am', range(9)],
    ['noon-2pm', range(12)],
    ['11am-noon', range(11)],
    ['12noon', { ...clock(12, 0), approx: true }],
    ['12 midnight', { kind: 'day', approx: false, how: 'part-of-day' }],
    ['9:30-10', NO_MERIDIEM],
    ['9-10', NO_MERIDIEM],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it('refuses a range whose start contradicts its own am/pm, with that reason', () => {
    expect(readTimeCell('13am-2pm')).toEqual({
      kind: 'bad',
      why: 'is not a valid time of day (hour 13 is on the 24-hour clock, but it also says morning)',
    });
  });

  it('refuses a range whose bare end comes within 12 hours after its start in neither half of the day', () => {
    expect(readTimeCell('9am-0')).toEqual({
      kind: 'bad',
      why: 'is not a time range that can be read: its end does not come within 12 hours after its start, whether morning or evening',
    });
  });
});

describe('the summaries of times kept at their date', () => {
  it('say how many more values there are than the five they name', async () => {
    // Named five and stopped: "(8 rows: …five values…)" read as if the five were all the ways the diary wrote it.
    const run = await runSource(csvDiary, `${DIR}/word-times.csv`);
    expect(run.warnings.find((w) => w.code === 'DIARY_TIME_FREE_TEXT')?.message).toBe(
      'Times written in words that name no time of day keep only their date (8 rows: "after the school run" on line 2, "when I got home" on line 3, "as I left the gym" on line 4, "during the football" on line 5, "on my way to work" on line 6 and 2 more)',
    );
    expect(run.warnings.find((w) => w.code === 'DIARY_TIME_BOUND')?.message).toBe(
      'Times that say only before or after when something happened keep only their date, flagged approximate, with the time as written (7 rows: "after 10pm" on line 10, "before 7am" on line 11, "gone 11pm" on line 12, "by 6pm" on line 13, "until 3am" on line 14 and 2 more)',
    );
    expect(run.accounting).toEqual({ records: 15, events: 15, skipped: 0, rejected: 0 });
  });
});
