/**
 * `--date-order` on a diary: it is for a diary whose dates cannot tell their order. A diary whose own dates show
 * it keeps it, with one warning naming the option and the line that shows it; one whose every date could be
 * either, or that writes dates both ways, is read as the option says, and a row the option leaves no date is told
 * of the option, never asked to correct a date that is right. Fixtures in fixtures/csv-diary-date-order-option.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import type { SourceOptions } from '../../src/sources/index.js';
import { caseGolden, expectGolden } from '../helpers/case-golden.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-date-order-option';
const HEADER = 'Date,Time,Type,Description\n';
const tmp = mkdtempSync(join(tmpdir(), 'csv-diary-option-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function runText(text: string, options: Partial<SourceOptions>) {
  const file = join(tmp, `t${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  return runSource(csvDiary, file, options);
}

const localTimes = (run: Awaited<ReturnType<typeof runText>>) =>
  run.events.map((e) => (e.time.type === 'local' ? e.time.local : e.time.ms));

describe('a diary whose dates show day-first, read with --date-order mdy', () => {
  it('keeps day-first, with one warning naming the option and the line (golden: books, problems, timeline)', async () => {
    // Before: every row was rejected as "not a real date (read as month/day/year)", each with the hint to
    // "Correct the date in the diary", and nothing said that the option was the cause.
    const got = await caseGolden([`${DIR}/day-first.csv`], 'mdy');
    expectGolden(got, `${DIR}/day-first.mdy.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 3, kept: 3, rejected: 0 });
    expect(got.problems.filter((p) => p.file !== undefined)).toEqual([
      {
        code: 'DIARY_DATE_ORDER_NOT_APPLIED',
        severity: 'warning',
        file: `${DIR}/day-first.csv`,
        locator: 'line 2',
        message:
          'Dates read as day/month/year, not month/day/year as --date-order mdy asks: the diary\'s own dates show their order ("14/03/2024" on line 2 is a date only read day/month/year, and none is one only read month/day/year)',
        hint: '--date-order is used only for a diary whose dates could be read either way. If this diary does write month/day/year, the date on line 2 is the wrong way round: correct it as the original record gives it and re-run',
      },
    ]);
  });

  it('reads the same events as without the option, and says nothing when the option agrees', async () => {
    const file = `${DIR}/day-first.csv`;
    const [none, mdy, dmy, ymd] = await Promise.all([
      runSource(csvDiary, file),
      runSource(csvDiary, file, { dateOrder: 'mdy' }),
      runSource(csvDiary, file, { dateOrder: 'dmy' }),
      runSource(csvDiary, file, { dateOrder: 'ymd' }),
    ]);
    expect(mdy.events).toEqual(none.events);
    expect(dmy.events).toEqual(none.events);
    expect(ymd.events).toEqual(none.events);
    expect(none.warnings).toEqual([]);
    expect(dmy.warnings).toEqual([]);
    expect(mdy.warnings.map((w) => [w.code, w.locator])).toEqual([['DIARY_DATE_ORDER_NOT_APPLIED', 2]]);
    // A four-digit year last is no year-first date either: --date-order ymd is not used, and said so once.
    expect(ymd.warnings).toEqual([
      {
        code: 'DIARY_DATE_ORDER_NOT_APPLIED',
        locator: 2,
        message:
          'Dates read as day/month/year, not year/month/day as --date-order ymd asks: the diary\'s own dates show their order ("14/03/2024" on line 2 is a date only read day/month/year, and none is one only read month/day/year)',
      },
    ]);
  });
});

describe('a diary whose dates cannot tell the order, with --date-order', () => {
  it('takes the option without a warning', async () => {
    const text = `${HEADER}03/02/2024,21:40,Text,a\n04/02/2024,08:00,Call,b\n`;
    const mdy = await runText(text, { dateOrder: 'mdy' });
    expect(localTimes(mdy)).toEqual(['2024-03-02T21:40', '2024-04-02T08:00']);
    expect(mdy.warnings).toEqual([]);
    const dmy = await runText(text, { dateOrder: 'dmy' });
    expect(localTimes(dmy)).toEqual(['2024-02-03T21:40', '2024-02-04T08:00']);
    expect(dmy.warnings).toEqual([]);
  });

  it('takes ymd for dates written with a two-digit year first, which also read day-first', async () => {
    // "24/02/03" reads day-first as 24 February 2003, but year-first too: it does not gainsay the option.
    const ymd = await runText(`${HEADER}24/02/03,21:40,Text,a\n24/02/05,08:00,Call,b\n`, {
      dateOrder: 'ymd',
    });
    expect(localTimes(ymd)).toEqual(['2024-02-03T21:40', '2024-02-05T08:00']);
    expect(ymd.warnings).toEqual([]);
  });

  it('rejects a date the option makes none with a hint naming the option, never one to correct the diary', async () => {
    const ymd = await runText(`${HEADER}03/02/2024,21:40,Text,a\n`, { dateOrder: 'ymd' });
    expect(ymd.rejected).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        locator: 2,
        message:
          'Date "03/02/2024" is not a real date read year/month/day, as --date-order ymd asks; read day/month/year it is 3 February 2024, and read month/day/year it is 2 March 2024',
        hint: 'Re-run with --date-order dmy if the diary writes its dates day/month/year, or with --date-order mdy if month/day/year',
      },
    ]);
  });
});

describe('a diary that writes dates both ways, read with --date-order dmy', () => {
  it('rejects the month-first row naming the option, and a date real in neither order as before (golden)', async () => {
    const got = await caseGolden([`${DIR}/both-ways.csv`], 'dmy');
    expectGolden(got, `${DIR}/both-ways.dmy.expected.json`);
    expect(got.inputs[0]).toMatchObject({
      records: 4,
      kept: 2,
      rejected: 2,
      rejectedReasons: { DIARY_BAD_DATE: 2 },
    });
    const rejected = got.problems.filter((p) => p.code === 'DIARY_BAD_DATE');
    expect(rejected.map((p) => [p.locator, p.message, p.hint])).toEqual([
      [
        'line 3',
        'Date "03/15/2024" is not a real date read day/month/year, as --date-order dmy asks; read month/day/year it is 15 March 2024',
        'Re-run with --date-order mdy if the diary writes its dates month/day/year; this diary writes dates both day-first (line 2) and month-first (line 3), so either order leaves the rows written the other way rejected',
      ],
      // Real in neither order: the diary's to correct, whatever the option.
      [
        'line 5',
        'Date "32/03/2024" is not a real date whether read day-first or month-first',
        'Correct the date in the diary as the original record gives it (a day, month and year, written like the other rows, or as YYYY-MM-DD) and re-run',
      ],
    ]);
  });
});
