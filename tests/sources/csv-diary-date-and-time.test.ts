/**
 * A Date cell that also holds a time (`13/08/2024 21:00`) beside a filled Time cell: the two are compared, as a
 * stamp and its Time cell are (csv-diary-iso-stamps.test.ts). Fixture: fixtures/csv-diary-date-and-time/diary.csv.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-date-and-time/diary.csv';

describe('a time in the Date cell beside a filled Time cell', () => {
  it('is flagged and warned about when the two exact times differ, and kept as written when not compared', async () => {
    // Line 2 was read as 22:35 and line 8 as 23:05 with no word of the 21:00 and 23:50 the Date cells give, and
    // "evening" (line 6) and "10:15pm" (line 7) were dropped: the Time cell won without a trace of the other.
    const run = await runSource(csvDiary, FILE);
    expect(
      run.events.map((e) => [
        e.locator,
        e.time.type === 'local' ? e.time.local : '',
        e.flags,
        e.details?.['date_as_written'],
        e.details?.['time_as_written'],
      ]),
    ).toEqual([
      [2, '2024-08-13T22:35', ['time-local-mismatch'], '13/08/2024 21:00', undefined],
      // The same time, written on the 12-hour clock, or without am/pm: nothing to keep.
      [3, '2024-08-14T21:40', undefined, undefined, undefined],
      [4, '2024-08-15T21:40', undefined, undefined, undefined],
      // Midnight in the Date cell is how a spreadsheet writes a date alone, as for a stamp.
      [5, '2024-08-16T20:15', undefined, undefined, undefined],
      // The Date cell says less than, or not as exactly as, the Time cell: kept beside it, not compared.
      [6, '2024-08-17T21:30', undefined, '17/08/2024 evening', undefined],
      [7, '2024-08-18T22:00', ['time-approximate'], '18/08/2024 10:15pm', 'approx 10pm'],
      [8, '2024-08-19T23:05', ['time-local-mismatch'], '19/08/2024 23:50', undefined],
      [9, '2024-08-20T21:10', undefined, undefined, undefined],
    ]);
    expect(run.warnings.filter((w) => w.code === 'DIARY_TIME_DISAGREES')).toEqual([
      {
        code: 'DIARY_TIME_DISAGREES',
        locator: 2,
        message:
          'Date "13/08/2024 21:00" gives the time 21:00, but the Time cell says "22:35"; the Time cell\'s time is used, and the Date cell is kept as written (date_as_written)',
      },
      {
        code: 'DIARY_TIME_DISAGREES',
        locator: 8,
        message:
          'Date "19/08/2024 23:50" gives the time 23:50, but the Time cell says "23:05"; the Time cell\'s time is used, and the Date cell is kept as written (date_as_written)',
      },
    ]);
    // Every row is an event, the two disagreements among them.
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 8, events: 8, skipped: 0, rejected: 0 });
  });
});
