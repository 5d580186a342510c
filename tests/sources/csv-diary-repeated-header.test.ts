/**
 * The header row again further down a diary, as when two exports are joined into one file: a record skipped
 * as `repeated-header` when it names the same columns (in any case or words), never an unreadable date the person
 * is asked to correct; one naming other columns is rejected saying so, since the rows after it are read with the
 * first header's columns. Fixtures in fixtures/csv-diary-repeated-header.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { caseGolden, expectGolden } from '../helpers/case-golden.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-repeated-header';
const tmp = mkdtempSync(join(tmpdir(), 'csv-diary-header-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a header row repeated in a diary', () => {
  it('is skipped as repeated-header, in the same or other words, and the rows around it read (golden)', async () => {
    // Before: 'Cannot read the date "Date"', an error whose hint asked to correct the date in the diary.
    const got = await caseGolden([`${DIR}/joined-exports.csv`]);
    expectGolden(got, `${DIR}/joined-exports.expected.json`);
    expect(got.inputs[0]).toMatchObject({
      records: 6,
      events: 4,
      skipped: 2,
      rejected: 0,
      skippedReasons: { 'repeated-header': 2 },
      rejectedReasons: {},
    });
    expect(got.problems.filter((p) => p.file !== undefined)).toEqual([]);
    const run = await runSource(csvDiary, `${DIR}/joined-exports.csv`);
    expect(run.skipped).toEqual([
      { reason: 'repeated-header', locator: 4 },
      { reason: 'repeated-header', locator: 6 },
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 5, 7]);
  });

  it('naming other columns is rejected as such, with its line and the columns it names (golden)', async () => {
    const got = await caseGolden([`${DIR}/other-columns.csv`]);
    expectGolden(got, `${DIR}/other-columns.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 3, rejectedReasons: { DIARY_HEADER_DIFFERS: 1 } });
    expect(got.problems.filter((p) => p.code === 'DIARY_HEADER_DIFFERS')).toEqual([
      {
        code: 'DIARY_HEADER_DIFFERS',
        severity: 'error',
        file: `${DIR}/other-columns.csv`,
        locator: 'line 3',
        message:
          'Row is a header naming other columns ("Date", "Type of contact", "Time", "What happened", "Location") than the header on line 1; the rows after it are read with the columns of line 1',
        hint: 'If two diaries were joined, put the rows below this one in the columns of line 1 (or keep them as a CSV file of their own, with this row as its header), then re-run',
      },
    ]);
  });

  it('is looked for only where the Date cell names a column: a row that only says "Date" there is no header', async () => {
    const file = join(tmp, 'diary.csv');
    writeFileSync(
      file,
      'Date,Time,Type,Description\n14/03/2024,21:40,Text,a\nDate,21:45,Text,the date left as the heading\n',
    );
    const run = await runSource(csvDiary, file);
    expect(run.skipped).toEqual([]);
    expect(run.rejected.map((r) => [r.locator, r.message])).toEqual([[3, 'Cannot read the date "Date"']]);
  });
});
