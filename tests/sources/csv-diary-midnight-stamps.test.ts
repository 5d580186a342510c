/**
 * Date cells a spreadsheet or app wrote as midnight stamps: a date-only value comes out as 00:00 of the stamp's own
 * clock, or as midnight of the zone it was typed in converted to UTC (10 April in London in summer is
 * 2024-04-09T23:00:00Z). Either is read as the date it stands for, with the Time cell as the row's time, never as
 * a made-up 00:00 (or 01:00) beside an "approx 9pm" the writer gave; any other stamp stays the instant it states.
 * Fixture: fixtures/csv-diary-midnight-stamps/diary.csv (case zone Europe/London, British Summer Time).
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { runSource } from '../helpers/run-source.js';

describe('midnight stamps in the Date cell', () => {
  it('are dates, read with the Time cell; other stamps are instants', async () => {
    const run = await runSource(csvDiary, 'fixtures/csv-diary-midnight-stamps/diary.csv', {
      timezone: 'Europe/London',
    });
    expect(run.events.map((e) => [e.locator, e.time, e.flags])).toEqual([
      // Midnight in London, written in UTC: 10 April, at the approximate time the Time cell gives.
      [2, { type: 'local', local: '2024-04-10T21:00', precision: 'min' }, ['time-approximate']],
      // Midnight of its own clock with no Time cell: the date alone (01:00 in London would be made up).
      [3, { type: 'local', local: '2024-04-10', precision: 'day' }, undefined],
      [4, { type: 'local', local: '2024-04-12', precision: 'day' }, undefined],
      // Any other time is the instant it states.
      [5, { type: 'instant', ms: Date.parse('2024-04-12T21:40:00Z'), precision: 'min' }, undefined],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 4, events: 4, skipped: 0, rejected: 0 });
  });
});
