/**
 * A Time cell exported from a spreadsheet cell formatted as General: Excel writes the fraction of the day it
 * stores ("0.875" is 21:00). Fixture: fixtures/csv-diary-excel-times/diary.csv (its README says what each line
 * holds).
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clock, diaryTimes } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-excel-times/diary.csv';

describe('an Excel time fraction in the Time cell', () => {
  it('reads a fraction that is a whole minute as that time, flagged, keeping the fraction as written', async () => {
    const run = await runSource(csvDiary, FILE);
    // Lines 2 to 4 were rejected: "cannot be read as a time".
    expect(diaryTimes(run)).toEqual([
      [2, '2024-06-14T21:00', 'min', ['time-excel-fraction'], '0.875'],
      [3, '2024-06-14T08:30', 'min', ['time-excel-fraction'], '0.354166667'],
      [4, '2024-06-15T22:30', 'min', ['time-excel-fraction'], '0,9375'],
      // Two decimals: an h.mm time typed by hand, as before.
      [5, '2024-06-15T00:50', 'min', undefined, undefined],
      [8, '2024-06-17T21:15', 'min', undefined, undefined],
    ]);
    const warning = run.warnings.find((w) => w.code === 'DIARY_EXCEL_TIME');
    expect(warning?.message).toBe(
      'Times written as Excel fractions of a day read as clock times (3 rows; "0.875" on line 2 is 21:00)',
    );
  });

  it('rejects a fraction that is no whole minute, saying what it is and what to do', async () => {
    const run = await runSource(csvDiary, FILE);
    const rows = run.rejected.map((r) => [r.locator, r.code, r.message, r.hint]);
    const hint =
      'Format the Time column as a time (such as 13:30) in the spreadsheet and export the diary again, or type the time into the cell as hours and minutes';
    expect(rows).toEqual([
      [
        6,
        'DIARY_BAD_TIME',
        'Time "0.87534722" is an Excel fraction of a day (a time cell formatted as General) that is 21:00:30, not a whole minute; it is not read, as the spreadsheet may have rounded it',
        hint,
      ],
      [
        7,
        'DIARY_BAD_TIME',
        'Time "0.876" is an Excel fraction of a day (a time cell formatted as General) that is 21:01:26, not a whole minute; it is not read, as the spreadsheet may have rounded it',
        hint,
      ],
    ]);
  });

  it('reads the fraction alone, and never one at or past the end of the day', () => {
    expect(readTimeCell('0.875')).toEqual({ ...clock(21, 0), excel: true });
    expect(readTimeCell('0.000')).toEqual({ ...clock(0, 0), excel: true });
    // 86399.9 seconds: within a second of 24:00, which is the next day.
    const midnight = readTimeCell('0.999999');
    expect(midnight.kind).toBe('bad');
    // Said as what it is (24:00, the next day), not as a time of this day that is no whole minute.
    expect(midnight).toMatchObject({ why: expect.stringContaining('comes to 24:00') });
    expect(JSON.stringify(midnight)).not.toContain('23:59:59');
    // "1.250" is no fraction of a day; "0.50" and "0.5" are h.mm as typed by hand.
    expect(readTimeCell('1.250').kind).toBe('bad');
    expect(readTimeCell('0.50')).toEqual({ ...clock(0, 50) });
  });
});
