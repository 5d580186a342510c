/**
 * A time written in the Date cell after its date: a time written with dots and seconds is a time, not a second
 * date, and a time or range there that the Time cell contradicts is warned about. Fixture:
 * fixtures/csv-diary-time-in-date/diary.csv (its README says what each line holds).
 */
import { describe, expect, it } from 'vitest';
import { hasSecondDate } from '../../src/sources/csv-diary/dates.js';
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
