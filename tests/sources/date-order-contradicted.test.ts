/**
 * Thin proof of a file's day/month order (thin-proof.ts in the WhatsApp and diary sources): one date with a day
 * above 12 among many that could be either, in a file whose other dates run forwards in time only the other way,
 * decides nothing; `--date-order` always decides, rejecting the date it cannot read with its line; and a normal
 * day-first file with a handful of days above 12 is read as before. Fixtures in
 * fixtures/date-order-contradicted-whatsapp and fixtures/date-order-contradicted-diary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { runSource, type SourceRun } from '../helpers/run-source.js';

const WA = 'fixtures/date-order-contradicted-whatsapp';
const DIARY = 'fixtures/date-order-contradicted-diary';
const tmp = mkdtempSync(join(tmpdir(), 'date-order-contradicted-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const days = (run: SourceRun) =>
  run.events.map((e) => (e.time.type === 'local' ? e.time.local.slice(0, 10) : String(e.time.ms)));

/** The books add up: every record is an event, a skip or a rejection. */
function expectBooks(run: SourceRun, records: number): void {
  const { accounting } = run;
  expect(accounting.records).toBe(records);
  expect(accounting.events + accounting.skipped + accounting.rejected).toBe(records);
  expect(accounting.events).toBe(run.events.length);
  expect(accounting.rejected).toBe(run.rejected.length);
}

describe('a WhatsApp chat whose only day above 12 is one joined line', () => {
  const file = `${WA}/joined-chat.txt`;

  it('is undecided without --date-order, naming the line that proves each reading', async () => {
    const run = await runSource(whatsappTxt, file);
    expect(run.events).toEqual([]);
    expect(run.warnings).toEqual([]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((line) => ['WHATSAPP_DATE_ORDER_UNKNOWN', line]),
    );
    expectBooks(run, 8);
    expect(run.failure?.code).toBe('WHATSAPP_DATE_ORDER_AMBIGUOUS');
    expect(run.failure?.message).toContain(
      `only 1 date of the 7 that read differently in the two orders can only be read as day/month/year (dmy) (the first at ${file}:8: 25/12/23), but read that way the other messages step back in time 1 time, against 0 times read as month/day/year (mdy) (the first at ${file}:7: 4/1/24 after 3/6/24 on line 6)`,
    );
  });

  it('is read month-first with --date-order mdy, the joined line rejected with its line', async () => {
    const run = await runSource(whatsappTxt, file, { dateOrder: 'mdy' });
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(days(run)).toEqual([
      '2024-03-01',
      '2024-03-02',
      '2024-03-03',
      '2024-03-04',
      '2024-03-05',
      '2024-03-06',
      '2024-04-01',
    ]);
    expect(run.rejected).toEqual([
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        locator: 8,
        message:
          'Impossible date or time "25/12/23, 10:00 AM" in a message header: there is no month 25 when read as month/day/year (mdy).',
        hint: 'Line 8 was read as --date-order mdy asks; read as day/month/year (dmy) it would be 25 December 2023. If the chat writes its dates that way, re-run with --date-order dmy; if not, check line 8 of the export.',
      },
    ]);
    expectBooks(run, 8);
  });

  it('is read day-first with --date-order dmy, as asked, with nothing rejected', async () => {
    const run = await runSource(whatsappTxt, file, { dateOrder: 'dmy' });
    expect(run.rejected).toEqual([]);
    expect(days(run)).toContain('2023-12-25');
    expect(days(run)[0]).toBe('2024-01-03');
    expectBooks(run, 8);
  });

  it('keeps thin proof that the order of the messages agrees with, or proof from three dates', async () => {
    const write = (text: string) => {
      const f = join(tmp, 'chat.txt');
      writeFileSync(f, text);
      return f;
    };
    const line = (date: string) => `${date}, 10:00 - Sam: hi\n`;
    // One day above 12 and the others running forwards day-first (3 Jan, 3 Feb, 3 Mar, 4 Apr): read day-first.
    const agrees = await runSource(
      whatsappTxt,
      write(
        ['03/01/24', '03/02/24', '03/03/24', '04/04/24', '14/04/24', '05/05/24', '06/06/24']
          .map(line)
          .join(''),
      ),
    );
    expect(agrees.failure).toBeUndefined();
    expect(agrees.warnings).toEqual([]);
    expect(days(agrees).at(-1)).toBe('2024-06-06');
    // Three days above 12 are no longer thin, whatever the other dates do: read day-first, as before.
    const three = await runSource(
      whatsappTxt,
      write(
        [
          '3/1/24',
          '3/2/24',
          '3/3/24',
          '3/4/24',
          '3/5/24',
          '3/6/24',
          '4/1/24',
          '25/12/23',
          '26/12/23',
          '27/12/23',
        ]
          .map(line)
          .join(''),
      ),
    );
    expect(three.failure).toBeUndefined();
    expect(days(three)[0]).toBe('2024-01-03');
  });

  it('reads a normal day-first chat with a handful of days above 12 day-first, without a warning', async () => {
    const run = await runSource(whatsappTxt, `${WA}/day-first-few-over-12.txt`);
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(run.rejected).toEqual([]);
    expect(days(run).slice(0, 5)).toEqual([
      '2024-01-02',
      '2024-01-02',
      '2024-01-05',
      '2024-01-09',
      '2024-01-14',
    ]);
    expect(days(run).at(-1)).toBe('2024-05-30');
    expectBooks(run, 29);
  });
});

describe('a diary whose only day above 12 is one row', () => {
  const file = `${DIARY}/joined-diary.csv`;

  it('is undecided without --date-order, naming the line that proves each reading', async () => {
    const run = await runSource(csvDiary, file);
    expect(run.events).toEqual([]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual(
      [2, 3, 4, 5, 6, 7].map((line) => ['DIARY_DATE_ORDER_UNKNOWN', line]),
    );
    expectBooks(run, 6);
    expect(run.failure).toMatchObject({
      code: 'DIARY_DATE_ORDER_AMBIGUOUS',
      locator: 6,
      readToEnd: true,
    });
    expect(run.failure?.message).toContain(
      `only 1 date of the 6 whose reading depends on the order can only be read day/month/year ("25/04/2024" at ${file}:6), but read that way the other rows step back in time 1 time, against 0 times read month/day/year ("04/01/2024" at ${file}:5 after "03/05/2024" at ${file}:4)`,
    );
  });

  it('is read month-first with --date-order mdy, the day-first row rejected with its line', async () => {
    const run = await runSource(csvDiary, file, { dateOrder: 'mdy' });
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(days(run)).toEqual(['2024-03-01', '2024-03-02', '2024-03-05', '2024-04-01', '2024-05-02']);
    expect(run.rejected).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        locator: 6,
        message:
          'Date "25/04/2024" is not a real date read month/day/year, as --date-order mdy asks; read day/month/year it is 25 April 2024',
        hint: 'Re-run with --date-order dmy if the diary writes its dates day/month/year',
      },
    ]);
    expectBooks(run, 6);
  });

  it('keeps thin proof that the dots or the case region support', async () => {
    const dotted = join(tmp, 'dotted.csv');
    writeFileSync(
      dotted,
      'Date,Time,Description\n03.01.2024,21:40,a\n03.02.2024,08:00,b\n03.05.2024,19:15,c\n04.01.2024,22:05,d\n25.04.2024,13:30,e\n05.02.2024,07:50,f\n',
    );
    const run = await runSource(csvDiary, dotted);
    expect(run.failure).toBeUndefined();
    expect(days(run)[0]).toBe('2024-01-03');
    const gb = await runSource(csvDiary, file, { region: 'GB' });
    expect(gb.failure).toBeUndefined();
    expect(gb.warnings).toEqual([]);
    expect(days(gb)).toEqual([
      '2024-01-03',
      '2024-02-03',
      '2024-05-03',
      '2024-01-04',
      '2024-04-25',
      '2024-02-05',
    ]);
    // A region that writes month-first does not support it: still undecided.
    expect((await runSource(csvDiary, file, { region: 'US' })).failure?.code).toBe(
      'DIARY_DATE_ORDER_AMBIGUOUS',
    );
  });

  it('reads a normal day-first diary with a handful of days above 12 day-first, without a warning', async () => {
    const run = await runSource(csvDiary, `${DIARY}/day-first-few-over-12.csv`);
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(run.rejected).toEqual([]);
    expect(days(run).slice(0, 4)).toEqual(['2024-01-02', '2024-01-05', '2024-01-09', '2024-01-14']);
    expectBooks(run, 23);
  });
});
