/**
 * A time written in the Date cell after its date: a time written with dots and seconds is a time, not a second
 * date, unless it is written as the date is and reads as a date near it ("16.06.24 17.06.24"), and a time or range
 * there that the Time cell contradicts is warned about. Fixtures: fixtures/csv-diary-time-in-date/diary.csv,
 * fixtures/csv-diary-dotted-two-dates/diary.csv and fixtures/csv-diary-dotted-twelve-hour/diary.csv (their READMEs
 * say what each line holds).
 */
import { describe, expect, it } from 'vitest';
import { dateShapedTime } from '../../src/sources/csv-diary/date-shaped-times.js';
import { hasSecondDate, readDateCell } from '../../src/sources/csv-diary/dates.js';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { diaryTimes } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-time-in-date/diary.csv';
const TWO_DATES = 'gives more than one date; a row is one incident on one date';

describe('a time in the Date cell', () => {
  it('reads a time written with dots and seconds as the time, and still rejects two dates', async () => {
    const run = await runSource(csvDiary, FILE);
    // Lines 2 to 4 were rejected as giving "more than one date" (21.30.00 and 10.12.05 have a date's form).
    expect(diaryTimes(run).filter(([line]) => (line as number) <= 6)).toEqual([
      [2, '2024-06-14T09:30', 'min', undefined, undefined],
      [3, '2024-06-14T21:30', 'min', undefined, undefined],
      [4, '2024-06-15T10:12:05', 's', undefined, undefined],
    ]);
    const why = Object.fromEntries(run.rejected.map((r) => [r.locator, r.message]));
    expect(why[5]).toBe(`Date "16.06.2024 and 17.06.2024" ${TWO_DATES}`);
    expect(why[6]).toBe(`Date "16/06/2024 17/06/2024" ${TWO_DATES}`);
    // Read as 16 June alone for a while this round, the 17th kept only in date_as_written, with no word.
    expect(why[12]).toBe(`Date "16/06/24 17/06/24" ${TWO_DATES}`);
  });

  it('compares a range in the Date cell with the Time cell, and flags only words as approximate', async () => {
    const run = await runSource(csvDiary, FILE);
    // Each range was flagged time-approximate, an exact 21:00 beside it or not, and never compared.
    expect(diaryTimes(run).filter(([line]) => (line as number) >= 7)).toEqual([
      [7, '2024-06-28T21:00', 'min', ['time-local-mismatch'], undefined],
      // "9:00-10:00" without am/pm holds 21:00 as 9pm to 10pm, as a Date cell's "9:00" agrees with 21:00.
      [8, '2024-06-28T21:00', 'min', undefined, undefined],
      [9, '2024-06-29T21:30', 'min', undefined, undefined],
      [10, '2024-06-29T20:00', 'min', ['time-local-mismatch'], undefined],
      // Words that say the time is approximate: flagged, not compared.
      [11, '2024-06-30T23:00', 'min', ['time-approximate'], undefined],
    ]);
    expect(run.events.find((e) => e.locator === 7)?.details?.['date_as_written']).toBe(
      '28/06/2024 09:00-10:00',
    );
    expect(run.warnings.filter((w) => w.code === 'DIARY_TIME_DISAGREES')).toEqual([
      {
        code: 'DIARY_TIME_DISAGREES',
        locator: 7,
        message:
          'Date "28/06/2024 09:00-10:00" gives the times from 09:00 to 10:00, but the Time cell says "21:00", outside them; the Time cell\'s time is used, and the Date cell is kept as written (date_as_written)',
      },
      {
        code: 'DIARY_TIME_DISAGREES',
        locator: 10,
        message:
          'Date "29/06/2024 from 9pm" gives the times from 21:00 on, but the Time cell says "20:00", outside them; the Time cell\'s time is used, and the Date cell is kept as written (date_as_written)',
      },
    ]);
    expect(run.accounting).toEqual({ records: 11, events: 8, skipped: 0, rejected: 3 });
  });

  it.each([
    ['09.30.00', false],
    ['21.30.00', false],
    ['10.12.05', false],
    // Not a real date: no second date.
    ['31.02.24', false],
    ['& 17/06/2024', true],
    ['and 10.12.05', true],
    ['17 june 2024', true],
    ['to 5 june 2024', true],
    // A second date needs no joining word: slashes are never a time, and neither is a four-digit year.
    ['17/06/24', true],
    ['17.06.2024', true],
  ])('%s after a date is a second date: %s', (rest, expected) => {
    expect(hasSecondDate(rest)).toBe(expected);
  });
});

const DOTTED = 'fixtures/csv-diary-dotted-two-dates/diary.csv';
const ONE_ROW_EACH =
  'Give each incident its own row with its own date (something that went on over several days: one row for each day), then re-run';
const twoDates = (line: number, date: string, time?: string) => ({
  code: 'DIARY_BAD_DATE',
  locator: line,
  message: `Date "${date}" ${TWO_DATES}`,
  hint:
    time === undefined
      ? ONE_ROW_EACH
      : `${ONE_ROW_EACH}; if "${time}" is a time, write it as ${time.replace(/\./g, ':')}`,
});

describe('a second date written as a time with dots and seconds', () => {
  it('rejects two dates with two-digit years as other two dates are, and reads times that have no date form', async () => {
    const run = await runSource(csvDiary, DOTTED);
    // Lines 2, 7, 8 and 10 were read as one instant: 16 June 2024 17:06:24 (precision s), 18 June 19:06:24, ...
    expect(run.rejected).toEqual([
      twoDates(2, '16.06.24 17.06.24', '17.06.24'),
      twoDates(3, '16.06.2024 17.06.2024'),
      twoDates(4, '16-06-24 17-06-24'),
      twoDates(5, '18.06.24 & 19.06.24'),
      twoDates(6, '18.06.24 and 19.06.24'),
      twoDates(7, '18.06.24, 19.06.24', '19.06.24'),
      twoDates(8, '20.06.24 - 21.06.24', '21.06.24'),
      twoDates(9, '29-06-24, 30-06-24'),
      // Beside a filled Time cell: was 21:00 on the 16th, the 17th kept only in date_as_written.
      twoDates(10, '16.06.24 17.06.24', '17.06.24'),
      {
        code: 'DIARY_BAD_DATE',
        locator: 25,
        message:
          'Date "16/06/24 17.06.24" gives "17.06.24" after its date, which could be the time 17:06:24 or a second date (17 June 2024); neither is guessed',
        hint: 'If it is a time, write it as 17:06:24; if it is a second date, give each incident its own row with its own date; then re-run',
      },
      {
        code: 'DIARY_BAD_TIME',
        locator: 26,
        message:
          'Time "17.06.24" is a date (17 June 2024), written as the Date "16.06.24" is; it is not read as the time 17:06:24',
        hint: 'If it is a time, write it as 17:06:24; if it is a date, give the incident on that day its own row with the date in the Date column; then re-run',
      },
      {
        code: 'DIARY_BAD_TIME',
        locator: 27,
        message: 'Time "17.06.24" could be the time 17:06:24 or a date (17 June 2024); neither is guessed',
        hint: 'If it is a time, write it as 17:06:24; if it is a date, give the incident on that day its own row with the date in the Date column; then re-run',
      },
    ]);
    expect(diaryTimes(run)).toEqual([
      [11, '2024-06-22T17:06', 'min', undefined, undefined],
      [12, '2024-06-22T17:30', 'min', undefined, undefined],
      [13, '2024-06-23T17:06', 'min', undefined, undefined],
      [14, '2024-06-23T17:06:24', 's', undefined, undefined],
      [15, '2024-06-24T21:30', 'min', undefined, undefined],
      // As a date years from the row's (10 December 2005), whether written as the date is or not: a time, as before.
      [16, '2024-06-24T10:12:05', 's', undefined, undefined],
      // As a date before the row's (17 June beside 25 or 26 June), in either cell: a time.
      [17, '2024-06-25T17:06:24', 's', undefined, undefined],
      [18, '2024-06-25T10:12:05', 's', undefined, undefined],
      [19, '2024-06-26T17:06:24', 's', undefined, undefined],
      [20, '2024-06-26T17:06:24', 's', undefined, undefined],
      [21, '2024-06-27T21:30', 'min', undefined, undefined],
      [22, '2024-06-27T17:06', 'min', undefined, undefined],
      [23, '2024-06-28T10:12:05', 's', undefined, undefined],
      [24, '2024-06-28T10:12:05', 's', undefined, undefined],
      // 9 May 2023 as a date, a year before the row's: the time 09:05:23.
      [28, '2024-06-14T09:05:23', 's', undefined, undefined],
    ]);
    expect(run.warnings).toEqual([]);
    expect(run.accounting).toEqual({ records: 27, events: 15, skipped: 0, rejected: 12 });
  });

  it('takes no second date for a sign of the 24-hour clock in a diary that writes am/pm', async () => {
    const run = await runSource(csvDiary, 'fixtures/csv-diary-dotted-twelve-hour/diary.csv');
    expect(run.rejected).toEqual([twoDates(3, '15.06.24 16.06.24', '16.06.24')]);
    // "7:30" was read as 07:30: "16.06.24", read as 16:06:24, showed the 24-hour clock.
    expect(diaryTimes(run)).toEqual([
      [2, '2024-06-14T21:40', 'min', undefined, undefined],
      [4, '2024-06-18', 'day', ['time-approximate'], '7:30'],
    ]);
    expect(run.warnings.map((w) => w.code)).toEqual(['DIARY_HOUR_WITHOUT_AMPM']);
  });

  it.each([
    // Written as the date is, and on it or in the month after it: a date.
    ['17.06.24', '16.06.24', 'date'],
    ['17.06.24', 'Sun 16.06.24', 'date'],
    ['16.07.24', '16.06.24', 'date'],
    ['16.06.24', '16.06.24', 'date'],
    // Before the date, or more than a month after it: a time (15:06:23, 09:05:23, 12:05:24, 18:07:24).
    ['15.06.23', '16.06.24', undefined],
    ['09.05.23', '14.06.24', undefined],
    ['12.05.24', '14.06.24', undefined],
    ['18.07.24', '16.06.24', undefined],
    // Written unlike the date but near it: either.
    ['17.06.24', '16/06/24', 'either'],
    ['17.06.24', '16.06.2024', 'either'],
    ['17.06.24', '16 June 2024', 'either'],
    // Years from the date however written, or no date (day-first, month 30), or no time's form: a time.
    ['10.12.05', '16.06.24', undefined],
    ['10.12.05', '15.06.2024', undefined],
    ['09.30.00', '16.06.24', undefined],
    ['21.30.00', '16.06.24', undefined],
    ['17.06', '16.06.24', undefined],
    ['17:06:24', '16.06.24', undefined],
    ['5.30pm', '16.06.24', undefined],
  ])('%s beside the date %s is a date: %s', (token, date, expected) => {
    const cell = readDateCell(date)!;
    expect(dateShapedTime(token, date, cell, ['dmy'])?.kind).toBe(expected);
  });

  it('reads a token as a date in either order when the file does not settle it', () => {
    // "09.30.00" is 30 September 2000 read month-first: years from the date, a time in either order.
    expect(dateShapedTime('09.30.00', '16.06.24', readDateCell('16.06.24')!, ['dmy', 'mdy'])).toBeUndefined();
    // "06.17.24" is no date day-first (month 17) but 17 June 2024 month-first, the day after the row's: a date.
    expect(dateShapedTime('06.17.24', '06.16.24', readDateCell('06.16.24')!, ['dmy', 'mdy'])).toEqual({
      kind: 'date',
      written: '06.17.24',
      asTime: '06:17:24',
      asDate: '17 June 2024',
    });
  });
});
