/**
 * "n to <hour>", which is both a spoken clock time ("5 to 10pm", 21:55) and a range ("5pm to 10pm"): one rule for
 * every hour, in either half of the day or across noon or midnight (src/sources/csv-diary/times.ts). Fixtures in
 * fixtures/csv-diary-spoken-spans, one file per case.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clock, diaryTimes, range, spoken } from '../helpers/diary.js';
import { renderAs, reportOf } from '../helpers/report.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-spoken-spans';
const RANGE = ['time-approximate', 'time-range'];
// The spoken time chosen where the words also give a range too long to be meant: an interpretation, kept as written.
const SPOKEN = ['time-spoken-or-range'];

describe('"n to <hour>" with am/pm', () => {
  it('is a range only when that range is at most four hours, in one half of the day or across noon', async () => {
    // "5 to 10pm" and "five to ten pm" were the range from 17:00 (five hours) and "5 to 11pm" from 17:00 (six),
    // while "10 to 3pm" (10:00 to 15:00, five hours across noon) was 14:50: a range in one half of the day could be
    // up to twelve hours long, one across noon four. "10 to 22:00" kept only its date.
    const run = await runSource(csvDiary, `${DIR}/hours.csv`);
    expect(diaryTimes(run)).toEqual([
      [2, '2024-09-16T21:55', 'min', SPOKEN, '5 to 10pm'],
      [3, '2024-09-17T21:55', 'min', SPOKEN, 'five to ten pm'],
      [4, '2024-09-18T14:50', 'min', SPOKEN, '10 to 3pm'],
      [5, '2024-09-19T10:00', 'min', RANGE, '10 to 2pm'],
      [6, '2024-09-20T17:00', 'min', RANGE, '5 to 9pm'],
      [7, '2024-09-21T22:55', 'min', SPOKEN, '5 to 11pm'],
      // 8 is not said before "to" without "minutes": only a range.
      [8, '2024-09-22T20:00', 'min', RANGE, '8 to 10pm'],
      [9, '2024-09-23T21:50', 'min', SPOKEN, '10 to 22:00'],
      [10, '2024-09-24T22:55', 'min', SPOKEN, 'five to eleven at night'],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 9, events: 9, skipped: 0, rejected: 0 });
  });

  it.each([
    // Five hours or more: the spoken time, whether the range would be in one half of the day or across noon.
    ['5 to 10pm', spoken(21, 55)],
    ['five to ten pm', spoken(21, 55)],
    ['5 to 10 in the evening', spoken(21, 55)],
    ['10 to 3pm', spoken(14, 50)],
    ['ten to three pm', spoken(14, 50)],
    ['5 to 11am', spoken(10, 55)],
    ['10 to 22:00', spoken(21, 50)],
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

describe('"n to midnight" and "n to noon"', () => {
  it('follow the same rule as other hours, and "12am" after "to" is the midnight that ends the day, as "midnight" is', async () => {
    // "5 to midnight" was the range from 17:00 (seven hours) and "5 to noon" the range from 05:00 (seven hours),
    // where "5 to 10pm" and "5 to 12pm" are spoken times; "10 to 12am", "5 to 12am" and "quarter to 12am" were
    // rejected as before the date's midnight and "ten to twelve am" kept only its date, while "10 to midnight" was
    // the range from 22:00 and "quarter to midnight" 23:45 on the row's date.
    const run = await runSource(csvDiary, `${DIR}/midnight.csv`);
    expect(diaryTimes(run)).toEqual([
      [2, '2024-10-14T23:55', 'min', SPOKEN, '5 to midnight'],
      [3, '2024-10-15T22:00', 'min', RANGE, '10 to midnight'],
      [4, '2024-10-16T22:00', 'min', RANGE, '10 to 12am'],
      [5, '2024-10-17T23:55', 'min', SPOKEN, '5 to 12am'],
      [6, '2024-10-18T23:45', 'min', undefined, undefined],
      [7, '2024-10-19T23:55', 'min', SPOKEN, 'five to midnight'],
      [8, '2024-10-20T22:00', 'min', RANGE, 'ten to twelve am'],
      [9, '2024-10-21T11:55', 'min', SPOKEN, '5 to noon'],
      [10, '2024-10-22T10:00', 'min', RANGE, '10 to noon'],
      [11, '2024-10-23T11:55', 'min', SPOKEN, '5 to 12pm'],
      // After "past", midnight and 12am are the start of the row's date.
      [12, '2024-10-24T00:10', 'min', undefined, undefined],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 11, events: 11, skipped: 0, rejected: 0 });
  });

  it.each([
    ['5 to midnight', spoken(23, 55)],
    ['5 to 12am', spoken(23, 55)],
    ['five to midnight', spoken(23, 55)],
    ['10 to midnight', range(22)],
    ['10 to 12am', range(22)],
    ['10 to 12 midnight', range(22)],
    ['ten to twelve am', range(22)],
    ['20 to midnight', clock(23, 40)],
    ['20 to 12am', clock(23, 40)],
    ['quarter to 12am', clock(23, 45)],
    ['quarter to midnight', clock(23, 45)],
    ['5 to noon', spoken(11, 55)],
    ['5 to 12pm', spoken(11, 55)],
    ['10 to noon', range(10)],
    ['10 to 12pm', range(10)],
    // 8 and 12 are not said before "to" without "minutes": only ranges, as "8 to 10pm" is.
    ['8 to midnight', range(20)],
    // "minutes" says the spoken time, as in "10 minutes to 9pm" ("5 mins to noon" was refused).
    ['10 minutes to midnight', clock(23, 50)],
    ['5 mins to noon', clock(11, 55)],
    ['10 to 12 at night', range(22)],
    ['10 past 12am', clock(0, 10)],
    ['10 past midnight', clock(0, 10)],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });
});

describe('the reports of "n to <hour>" read as minutes to the hour', () => {
  it('say the time is a reading of words that can also be a range, and keep the words, as for a range', async () => {
    // "5 to 10pm" stood in the chronology as a plain 21:55 and "10 to 3pm" as 14:50, with no flag and not as
    // written, while "10 to 2pm" beside them was "10:00 (time approximate, time given as a range)" with its words.
    const r = await reportOf([`${DIR}/hours.csv`], { subject: ['+447700900123'] });
    const md = renderAs('markdown', r);
    const words = 'read as minutes to the hour; the words can also mean a range of hours';
    expect(md).toContain(
      `| 2024-09-16 21:55 (${words}) | call | call | \\(subject, as recorded\\) | Rang just before I went to bed — *Time as written:* 5 to 10pm;`,
    );
    expect(md).toContain(
      `| 2024-09-18 14:50 (${words}) | in-person | visit | \\(subject, as recorded\\) | Waiting outside the school at pick-up — *Time as written:* 10 to 3pm;`,
    );
    expect(md).toContain(
      '| 2024-09-19 10:00 (time approximate, time given as a range) | call | call | \\(subject, as recorded\\) | Kept ringing my work phone over lunch — *Time as written:* 10 to 2pm;',
    );
    // The HTML chronology gives the same words beside the time, and the JSON the flag on the first incident.
    expect(renderAs('html', r)).toContain(`(${words})`);
    expect(r.incidents.firstTimeFlags).toEqual(['time-spoken-or-range']);
  });
});
