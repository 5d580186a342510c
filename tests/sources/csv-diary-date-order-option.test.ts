/**
 * `--date-order` on a diary: the option always decides, whether the diary's dates show another order, could be
 * either, or are written both ways; a row the option leaves no date is rejected with its line and told of the
 * option, never asked to correct a date that is right. Fixtures in fixtures/csv-diary-date-order-option.
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
  it('reads as the option says: each row it leaves no date is rejected naming the option (golden)', async () => {
    // The option always decides: no row is read day-first behind the person's back, and each rejection says what
    // the date is day-first and which option reads it so, never to correct a date that is right.
    const got = await caseGolden([`${DIR}/day-first.csv`], 'mdy');
    expectGolden(got, `${DIR}/day-first.mdy.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 3, kept: 0, rejected: 3 });
    expect(got.problems.filter((p) => p.file !== undefined && p.locator === 'line 2')).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        severity: 'error',
        file: `${DIR}/day-first.csv`,
        locator: 'line 2',
        message:
          'Date "14/03/2024" is not a real date read month/day/year, as --date-order mdy asks; read day/month/year it is 14 March 2024',
        hint: 'Re-run with --date-order dmy if the diary writes its dates day/month/year',
      },
    ]);
  });

  it('reads the same events as without the option when the option agrees, and says nothing', async () => {
    const file = `${DIR}/day-first.csv`;
    const [none, mdy, dmy, ymd] = await Promise.all([
      runSource(csvDiary, file),
      runSource(csvDiary, file, { dateOrder: 'mdy' }),
      runSource(csvDiary, file, { dateOrder: 'dmy' }),
      runSource(csvDiary, file, { dateOrder: 'ymd' }),
    ]);
    expect(dmy.events).toEqual(none.events);
    expect(none.warnings).toEqual([]);
    expect(dmy.warnings).toEqual([]);
    // ymd cannot put a year written last with four digits first: not applied, the diary's own dates decide.
    expect(ymd.events).toEqual(none.events);
    expect(ymd.warnings.map((w) => [w.code, w.locator])).toEqual([['DIARY_DATE_ORDER_YEAR_LAST', 2]]);
    for (const run of [mdy]) {
      expect(run.events).toEqual([]);
      expect(run.warnings).toEqual([]);
      expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
        ['DIARY_BAD_DATE', 2],
        ['DIARY_BAD_DATE', 3],
        ['DIARY_BAD_DATE', 4],
      ]);
      expect(run.accounting).toEqual({ records: 3, events: 0, skipped: 0, rejected: 3 });
    }
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
