/**
 * A diary row with more cells than its header: an extra cell that holds something rejects the row; extra cells
 * that are all empty leave it read, but never silently, as an unquoted delimiter inside a cell moves every cell
 * after it one column on. Fixture: fixtures/csv-diary-unquoted-comma/incident-diary.csv.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-unquoted-comma/incident-diary.csv';

describe('a diary row with more cells than the header', () => {
  it('is read with one warning naming it when the extra cells are empty, rejected when one is not', async () => {
    const run = await runSource(csvDiary, FILE);
    expect(run.events.map((e) => [e.locator, e.text])).toEqual([
      [2, 'Rang the bell, then waited at the gate.'],
      // The comma cut the description; what follows it went to the Location column.
      [3, 'Stood by the entrance'],
      [4, 'Unsigned card.'],
    ]);
    expect(run.events[1]!.details?.['location']).toBe('then followed me to the lift.');
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['DIARY_TOO_MANY_CELLS', 5]]);
    expect(run.warnings.filter((w) => w.code === 'DIARY_EXTRA_EMPTY_CELLS')).toEqual([
      {
        code: 'DIARY_EXTRA_EMPTY_CELLS',
        locator: 3,
        message:
          "1 row read with more cells than the header's 8 columns, the extra cells empty (first on line 3): a delimiter at the end of the row, or one inside a cell that was not in double quotes, which moves every cell after it one column on",
      },
    ]);
    expect(run.accounting).toEqual({ records: 4, events: 3, skipped: 0, rejected: 1 });
  });

  it('gives no such warning when every row has the header’s cells', async () => {
    const run = await runSource(csvDiary, 'fixtures/seven-visits/incident-diary.csv');
    expect(run.events).toHaveLength(7);
    expect(run.warnings.map((w) => w.code)).not.toContain('DIARY_EXTRA_EMPTY_CELLS');
  });
});
