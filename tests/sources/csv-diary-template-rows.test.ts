/**
 * A diary template filled in ahead with every date of a month (fixtures/csv-diary-template-rows): a row with a
 * date and nothing else is skipped as `date-only-row`, not counted as an incident, and one warning names the first
 * and last such line; a row with a time, a type of contact or a description is kept; a date that does not exist
 * is still rejected with its line. The books add up.
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { DATE_ONLY } from '../../src/sources/csv-diary/row.js';
import { cli } from '../helpers/cli.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-template-rows/diary-june-2024.csv';

describe('a diary template with every date filled in ahead', () => {
  it('keeps the rows that say something besides the date, and skips the others with their lines', async () => {
    const run = await runSource(csvDiary, FILE, { timezone: 'Europe/London' });
    expect(run.accounting).toEqual({ records: 30, events: 5, skipped: 24, rejected: 1 });
    expect(run.events.map((e) => [e.locator, e.time.type === 'local' ? e.time.local : e.time.ms])).toEqual([
      [6, '2024-06-05T21:10'],
      [10, '2024-06-09'],
      [15, '2024-06-14T08:40'],
      [21, '2024-06-20'],
      [24, '2024-06-23T19:30'],
    ]);
    const kept = new Set([6, 10, 15, 21, 24, 28]);
    const skippedLines = Array.from({ length: 30 }, (_, i) => i + 2).filter((l) => !kept.has(l));
    expect(run.skipped).toEqual(skippedLines.map((locator) => ({ reason: DATE_ONLY, locator })));
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['DIARY_BAD_DATE', 28]]);
  });

  it('warns once, naming the first and last skipped line and what to write on a row that is an incident', async () => {
    const run = await runSource(csvDiary, FILE, { timezone: 'Europe/London' });
    const warning = run.warnings.filter((w) => w.code === 'DIARY_DATE_ONLY_ROWS');
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatchObject({ locator: 2 });
    expect(warning[0]!.message).toBe(
      '24 rows with a date and nothing else (first on line 2, last on line 31) not counted as incidents: a row records an incident only when it says something besides the date, such as a time, the type of contact or what happened',
    );
  });

  it('takes midnight in the Date cell, as a spreadsheet writes a date alone, for no time', async () => {
    const run = await runSource(csvDiary, 'fixtures/csv-diary-template-rows/diary-june-2024-spreadsheet.csv');
    expect(run.accounting).toEqual({ records: 6, events: 3, skipped: 3, rejected: 0 });
    expect(run.skipped).toEqual([2, 3, 5].map((locator) => ({ reason: DATE_ONLY, locator })));
    expect(run.events.map((e) => e.locator)).toEqual([4, 6, 7]);
  });

  it('the report counts only the rows that say something, and gives the warning with what to do', () => {
    const r = cli([
      'report',
      FILE,
      '--subject',
      'Sam',
      '--tz',
      'Europe/London',
      '--format',
      'json',
      '--quiet',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      incidents: { total: number; daysWithContact: number };
      problems: { code: string; hint?: string }[];
    };
    expect(report.incidents.total).toBe(5);
    expect(report.incidents.daysWithContact).toBe(5);
    const problem = report.problems.find((p) => p.code === 'DIARY_DATE_ONLY_ROWS');
    expect(problem?.hint).toBe(
      'If one of those rows records an incident, write on it the type of contact or what happened (a time if known), then re-run',
    );
  });
});
