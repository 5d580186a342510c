/**
 * "Time unknown" written in the Date cell after the date ("13/06/2024 - ?", "13/06/2024 at ?"): read as a "?" in
 * the Time cell is, the date alone, with the Date cell kept as written. Fixture:
 * fixtures/csv-diary-unknown-time-in-date/diary.csv (its README says what each line holds).
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { diaryTimes } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-unknown-time-in-date/diary.csv';

describe('an unknown time written after the date', () => {
  it('keeps the date alone, as a "?" in the Time cell does, and the Date cell as written', async () => {
    const run = await runSource(csvDiary, FILE);
    expect(diaryTimes(run)).toEqual([
      [2, '2024-06-13', 'day', undefined, '?'],
      [3, '2024-06-13', 'day', undefined, '?'],
      [4, '2024-06-14', 'day', undefined, 'unknown'],
      [5, '2024-06-14', 'day', undefined, 'n/k'],
      [6, '2024-06-15', 'day', undefined, '?'],
    ]);
    // Only the "?" of the Date cell was kept: "- ?" could be read as a span of days with no end, and the row
    // did not show what the diary wrote.
    expect(run.events.map((e) => [e.locator, e.details?.['date_as_written']])).toEqual([
      [2, '13/06/2024 - ?'],
      [3, '13/06/2024 at ?'],
      [4, '14/06/2024 - unknown'],
      [5, '14/06/2024 - n/k'],
      [6, undefined],
    ]);
    expect(run.rejected.map((r) => [r.locator, r.code])).toEqual([[7, 'DIARY_BAD_DATE']]);
  });
});
