/**
 * A Date cell holding a date and a time range joined by a dash is a range, not a stamp with a UTC offset; only a
 * stamp that shows it is one (joined by `T`, or with seconds) has its minus read as an offset, and a space before
 * the dash alone makes no offset of a range whose end comes later the same day. Fixture:
 * fixtures/csv-diary-dash-ranges/incident-diary.csv (its README says what each line holds).
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-dash-ranges/incident-diary.csv';

describe('a dash after the time in a Date cell', () => {
  it('is a range after a typed time and an offset in a stamp', async () => {
    const run = await runSource(csvDiary, FILE);
    expect(
      run.events.map((e) => [
        e.locator,
        e.time.type === 'local' ? e.time.local : new Date(e.time.ms).toISOString(),
        e.flags,
      ]),
    ).toEqual([
      // Read as 09:00 at UTC−11:00 (20:00 UTC) and 08:30 at UTC−10:15 before: ten hours off, without a word.
      [2, '2024-02-03T09:00', ['time-approximate', 'time-range']],
      [3, '2024-02-04T08:30', ['time-approximate', 'time-range']],
      [4, '2024-02-06T02:40:00.000Z', undefined],
      [5, '2024-02-07T02:40:00.000Z', undefined],
      // A space before the dash only, and an end later the same day: a range (it was rejected as a possible UTC
      // offset of -11:00; csv-diary-zone-or-range.test.ts has the ends that could be either).
      [6, '2024-02-07T09:00', ['time-approximate', 'time-range']],
      // With the minus sign U+2212 the cell was rejected as a time zone, then as no time at all.
      [7, '2024-02-14T22:35', ['time-approximate', 'time-range']],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 6, events: 6, skipped: 0, rejected: 0 });
  });
});
