/**
 * A diary kept newest first with one day above 12 (fixtures/diary-newest-first): its rows step back in time read
 * either way, so their order speaks for neither reading and the one date decides the order, as it did before the
 * thin-proof rule; nothing is refused.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { runSource } from '../helpers/run-source.js';

describe('a diary kept newest first', () => {
  it('is read day-first, as its one day above 12 shows, every row kept', async () => {
    const run = await runSource(csvDiary, 'fixtures/diary-newest-first/diary.csv');
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 6, events: 6, skipped: 0, rejected: 0 });
    expect(run.events.map((e) => (e.time.type === 'local' ? e.time.local : ''))).toEqual([
      '2024-04-07T22:15',
      '2024-04-03T19:40',
      '2024-03-15T08:05',
      '2024-03-09T21:30',
      '2024-03-05T23:10',
      '2024-03-02T20:00',
    ]);
  });
});
