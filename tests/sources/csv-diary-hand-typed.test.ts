/**
 * Dates and times as victims type them into a diary, probed one by one: each is read as written, or its row is
 * rejected with a reason that says what is missing and what to do, never given a time or a year it did not say.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clock, diaryTimes } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-hand-typed/diary.csv';

const approx = (h: number, m: number) => ({ ...clock(h, m), approx: true });

describe('words after a time that say it is approximate', () => {
  // Each was rejected as "cannot be read as a time", though "approx 9pm" and "9pm approx" were read.
  it.each([
    ['9pm approximately', approx(21, 0)],
    ['21:00 approximately', approx(21, 0)],
    ['9pm roughly', approx(21, 0)],
    ['9pm (roughly)', approx(21, 0)],
    ['9pm or thereabouts', approx(21, 0)],
    ['9pm give or take', approx(21, 0)],
    ['9pm apx', approx(21, 0)],
    ['9pm estimated', approx(21, 0)],
    ['9:30pm approximately', approx(21, 30)],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });
});

describe('a date typed by hand', () => {
  it('without a year is rejected saying so; with an apostrophe for the century it is read; a wrong weekday is flagged', async () => {
    const run = await runSource(csvDiary, FILE);
    // Lines 5 and 6 were rejected as "Cannot read the date".
    expect(diaryTimes(run).map(([line, local, , flags]) => [line, local, flags])).toEqual([
      [5, '2024-06-05T21:00', ['time-approximate']],
      [6, '2024-06-06', ['time-part-of-day']],
      [7, '2024-06-07T21:00', undefined],
      [8, '2024-06-09T21:00', undefined],
      // The weekday was dropped without a word.
      [9, '2024-06-08T22:00', ['date-weekday-mismatch']],
      [10, '2024-06-11T21:00', undefined],
      // Lines 11 and 12 were rejected as "cannot be read as a time".
      [11, '2024-06-14T21:00', undefined],
      [12, '2024-06-15T21:30', undefined],
      // The Date cell's "approx" was kept only as written: the time stood as exact.
      [19, '2024-06-21T21:00', ['time-approximate']],
    ]);
    expect(run.warnings.filter((w) => w.code === 'DIARY_WEEKDAY_DISAGREES')).toEqual([
      {
        code: 'DIARY_WEEKDAY_DISAGREES',
        locator: 9,
        message:
          'Date "Fri 8 June 2024" says Friday, but 8 June 2024 was a Saturday; the date is used as written, flagged date-weekday-mismatch',
      },
    ]);
    // Each said only "Cannot read the date", with a hint to correct it "as the original record gives it".
    expect(run.rejected).toEqual([
      ...['Mon 3rd June', '3/6', 'June 4th'].map((date, i) => ({
        code: 'DIARY_BAD_DATE',
        locator: i + 2,
        message: `Date "${date}" has no year, and a year is never guessed`,
        hint: 'Add the year to the date in the diary and re-run',
      })),
      // Read as one incident on 16 June at 21:00: the 17th was dropped without a word.
      {
        code: 'DIARY_BAD_DATE',
        locator: 13,
        message: 'Date "16/06/2024 & 17/06/2024" gives more than one date; a row is one incident on one date',
        hint: 'Give each incident its own row with its own date (something that went on over several days: one row for each day), then re-run',
      },
      // Lines 14 to 17 said only "Cannot read the date".
      ...[
        [14, 'approx 18 June 2024', 'approx'],
        [15, '19/06/2024?', '?'],
      ].map(([locator, date, word]) => ({
        code: 'DIARY_BAD_DATE',
        locator,
        message: `Date "${date}" is marked as uncertain ("${word}"); a date is read only as the diary gives it, never one it is unsure of`,
        hint: 'If the day is right, write the date alone and say in the description that it is approximate, then re-run',
      })),
      ...[
        [16, 'June 2024'],
        [17, 'end of June 2024'],
      ].map(([locator, date]) => ({
        code: 'DIARY_BAD_DATE',
        locator,
        message: `Date "${date}" gives a month but no day, and a day is never guessed`,
        // The hint did not say what becomes of the row when the day is not known.
        hint: 'Add the day to the date in the diary if it is known, then re-run; if it is not known, the row stays listed as rejected (without a day it cannot be placed in time)',
      })),
      // Read as 20 June at 21:00 flagged approximate, while "approx 18 June 2024" (line 14) was rejected: an
      // "(approx)" alone after the date does not say it is of the time, so the date is not taken as certain.
      {
        code: 'DIARY_BAD_DATE',
        locator: 18,
        message:
          'Date "20/06/2024 (approx)" is marked as uncertain ("approx"); a date is read only as the diary gives it, never one it is unsure of',
        hint: 'If the day is right, write the date alone and say in the description that it is approximate, then re-run',
      },
    ]);
    expect(run.accounting).toEqual({ records: 18, events: 9, skipped: 0, rejected: 9 });
  });
});

describe('several times in one Time cell', () => {
  // Each was "cannot be read as a time", which did not say that the time was there but there were two.
  it.each([
    ['9pm and 11pm', 'gives 2 times ("9pm", "11pm"); each incident needs its own row'],
    ['9pm & 11pm', 'gives 2 times ("9pm", "11pm"); each incident needs its own row'],
    ['21:00, 23:00', 'gives 2 times ("21:00", "23:00"); each incident needs its own row'],
    ['9pm then again at 11pm', 'gives 2 times ("9pm", "11pm"); each incident needs its own row'],
    ['8am, 1pm and 9pm', 'gives 3 times ("8am", "1pm", "9pm"); each incident needs its own row'],
  ])('%s is refused as one row', (raw, why) => {
    expect(readTimeCell(raw)).toEqual({ kind: 'bad', why });
  });

  it.each([
    ['between 8 and 9pm', { ...clock(20, 0), approx: true, range: true }],
    ['9pm and later', { ...clock(21, 0), approx: true, range: true }],
  ])('%s is still one time', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });
});

describe('more times as people type them', () => {
  const day = (how: string) => ({ kind: 'day', approx: false, how });
  // Each was read as free words (the date alone, flagged unparsed) or rejected as "cannot be read as a time".
  it.each([
    ['tea-time', day('part-of-day')],
    ['lunch-time', day('part-of-day')],
    ['all afternoon', day('part-of-day')],
    ['in the early hours', day('part-of-day')],
    ['from 9pm till late', { ...clock(21, 0), approx: true, range: true }],
    ['9pm till late', { ...clock(21, 0), approx: true, range: true }],
    ['9pm-ish (not sure)', approx(21, 0)],
    ['9pm (I think)', approx(21, 0)],
    ['21:00:00.000', clock(21, 0)],
    ['21:00:59.999', { ...clock(21, 0), s: 59 }],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it('keeps "from 9 till late" to its date, the hour being morning or evening', () => {
    expect(readTimeCell('from 9 till late')).toEqual({ kind: 'day', approx: true, how: 'no-meridiem' });
  });
});
