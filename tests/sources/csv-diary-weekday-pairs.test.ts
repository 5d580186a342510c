/**
 * A weekday written both before and after the date ("Mon 3 June 2024 (Tue)"): both are checked, and two that
 * disagree with each other are flagged as one that disagrees with the date is. Fixture:
 * fixtures/csv-diary-weekday-pairs/diary.csv (its README says what each line holds).
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { diaryTimes } from '../helpers/diary.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-weekday-pairs/diary.csv';
const USED = 'the date is used as written, flagged date-weekday-mismatch';

describe('a weekday before and after the date', () => {
  it('flags two weekdays that disagree, and reads neither as a time', async () => {
    const run = await runSource(csvDiary, FILE);
    // Only the first weekday was checked: line 2 was read unflagged, lines 4 to 6 kept "(Tue)", "(Fri)" and
    // "(Thu)" as times in words (time-unparsed), and line 7 was rejected ("tuesday 9pm" is no time).
    expect(diaryTimes(run)).toEqual([
      [2, '2024-06-03T21:00', 'min', ['date-weekday-mismatch'], undefined],
      [3, '2024-06-03T22:10', 'min', undefined, undefined],
      [4, '2024-06-04', 'day', undefined, undefined],
      [5, '2024-06-05', 'day', ['date-weekday-mismatch'], undefined],
      [6, '2024-06-05', 'day', ['date-weekday-mismatch'], undefined],
      [7, '2024-06-10T21:00', 'min', ['date-weekday-mismatch'], undefined],
    ]);
    expect(run.rejected).toEqual([]);
    // A flagged row keeps its Date cell as written, so the event itself shows which weekday was written; a row
    // whose weekdays agree with the date needs none.
    const written = run.events.map((e) => [e.locator, e.details?.['date_as_written'] !== undefined]);
    expect(written).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, true],
      [6, true],
      [7, true],
    ]);
  });

  it('names both weekdays in the warning, and one written twice once', async () => {
    const run = await runSource(csvDiary, FILE);
    const warnings = run.warnings
      .filter((w) => w.code === 'DIARY_WEEKDAY_DISAGREES')
      .map((w) => [w.locator, w.message]);
    expect(warnings).toEqual([
      [
        2,
        `Date "Mon 3 June 2024 (Tue)" gives two weekdays that disagree with each other, Monday and Tuesday, and 3 June 2024 was a Monday; ${USED}`,
      ],
      [
        5,
        `Date "Wed 5 June 2024 (Fri)" gives two weekdays that disagree with each other, Wednesday and Friday, and 5 June 2024 was a Wednesday; ${USED}`,
      ],
      [6, `Date "Thu 5 June 2024 (Thu)" says Thursday, but 5 June 2024 was a Wednesday; ${USED}`],
      [
        7,
        `Date "Mon 10 June 2024, Tuesday 9pm" gives two weekdays that disagree with each other, Monday and Tuesday, and 10 June 2024 was a Monday; ${USED}`,
      ],
    ]);
  });
});
