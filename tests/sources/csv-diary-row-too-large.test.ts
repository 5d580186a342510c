/**
 * A diary row longer than the 8 MiB a row is read up to (a picture, a whole chat or another file pasted into a
 * cell): that row is rejected at its line, and reading goes on after its last line, so the rows before it keep the
 * day/month order the whole file shows and the rows after it are read. Built at test time from the fixture
 * fixtures/csv-diary/uk-bom-crlf-dmy.csv (10 rows, the first four dated with days up to 12).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { type RunOnRow, readRecords } from '../../src/sources/csv-diary/read.js';
import { recordEnd } from '../../src/sources/csv-diary/run-on-quotes.js';
import { caseGolden } from '../helpers/case-golden.js';
import { runSource } from '../helpers/run-source.js';

const FIXTURE = 'fixtures/csv-diary/uk-bom-crlf-dmy.csv';
const tmp = mkdtempSync(join(tmpdir(), 'csv-diary-too-large-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture with line `line`'s description (4th cell) replaced by `cell`. */
function withCell(name: string, line: number, cell: string): string {
  const lines = readFileSync(FIXTURE, 'utf8').split('\r\n');
  const cells = lines[line - 1]!.split(',');
  cells[3] = cell;
  lines[line - 1] = cells.join(',');
  const file = join(tmp, name);
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

const HINT =
  "Open the file and look at the row on line 6: a cell holds something pasted in (a picture, a whole chat, another file). Keep that as a file of its own, write the incident's own words in the cell, then re-run";

describe('a diary row over 8 MiB', () => {
  it('is rejected at its line, the rows before and after it read in the order the file shows', async () => {
    // Before: reading stopped at line 6 (DIARY_CSV_UNREADABLE), the row itself was not counted, and lines 2-5
    // (days up to 12, whose order only the later rows prove) were rejected as undated: "4 records, 4 rejected".
    const file = withCell('one-line.csv', 6, 'x'.repeat(10 * 1024 * 1024));
    const run = await runSource(csvDiary, file);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 10, events: 9, skipped: 0, rejected: 1 });
    expect(run.rejected).toEqual([
      {
        code: 'DIARY_ROW_TOO_LARGE',
        locator: 6,
        message:
          'Row is 10,485,913 characters long, over the 8 MiB a diary row is read up to, so it is not read; the rows after it are read',
        hint: HINT,
      },
    ]);
    expect(
      run.events.map((e) => [e.locator, e.time.type === 'local' ? e.time.local.slice(0, 10) : '']),
    ).toEqual([
      [2, '2024-02-03'],
      [3, '2024-02-04'],
      [4, '2024-02-07'],
      [5, '2024-02-09'],
      [7, '2024-02-15'],
      [8, '2024-02-17'],
      [9, '2024-02-20'],
      [10, '2024-02-22'],
      [11, '2024-02-24'],
    ]);
    // The file is read whole: the books close, and it is not marked as read in part.
    const got = await caseGolden([file]);
    expect(got.inputs[0]).toMatchObject({ records: 10, events: 9, rejected: 1, incomplete: false });
  });

  it('over several lines (a quoted cell holding a pasted chat): the lines after the cell are rows again', async () => {
    // 200,000 lines of a pasted chat, none starting with a date, in one quoted cell closed as a spreadsheet does.
    const chat = Array.from(
      { length: 200_000 },
      (_, i) => `[21:${String(i % 60).padStart(2, '0')}] him: where are you, answer me now ${i}`,
    );
    const file = withCell('pasted-chat.csv', 6, `"Copied from the chat:\n${chat.join('\n')}"`);
    const run = await runSource(csvDiary, file);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 10, events: 9, skipped: 0, rejected: 1 });
    expect(
      run.rejected.map((r) => [
        r.code,
        r.locator,
        r.message.replace(/ is [\d,]+ characters/, ' is N characters'),
      ]),
    ).toEqual([
      [
        'DIARY_ROW_TOO_LARGE',
        6,
        'Row is N characters long (lines 6 to 200006), over the 8 MiB a diary row is read up to, so it is not read; the rows after it are read',
      ],
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 4, 5, 200007, 200008, 200009, 200010, 200011]);
    expect(run.events.every((e) => e.time.type === 'local' && e.time.local.startsWith('2024-02-'))).toBe(
      true,
    );
  });

  it('because a quote left open runs on over the rest of the file: rejected as that, the rows after it read', async () => {
    // Before: "The CSV cannot be read from line 11: Max Record Size…", line 11 not counted, the 100,000 rows after
    // it not read.
    // An unclosed quote on the last row of the diary (line 11), and 10 MiB of rows without quotes after it:
    // csv-parse stops at the row's size, not at the file's end, so its quote is found by reading the row.
    const more = Array.from({ length: 100_000 }, (_, i) => {
      const day = new Date(Date.UTC(2024, 2, 1) + i * 3600_000);
      const d = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()}`;
      return `${d},${String(day.getUTCHours()).padStart(2, '0')}:05,Text message,Another text from the new number asking where I am,Home,,,,N,,,${d}`;
    });
    const file = withCell('run-on.csv', 11, '"He said I will find you');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\r\n${more.join('\r\n')}\r\n`);
    const run = await runSource(csvDiary, file);
    expect(run.failure).toBeUndefined();
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DIARY_QUOTE_NOT_CLOSED',
        11,
        'Row opens a quoted cell ("He said I will find you,High Street,,,Terrified,Y…) whose closing double quote is missing: nothing closes it, so every line after it would be read as part of that one cell; the row is not read, and the lines after it are read as rows of their own',
      ],
    ]);
    expect(run.accounting).toEqual({ records: 100_010, events: 100_009, skipped: 0, rejected: 1 });
    expect(run.events.at(-1)?.locator).toBe(100_011);
  });
});

describe('several quotes left open, each running on over more than 8 MiB of rows', () => {
  it('are each rejected, and every row after them is read, the file not stopped for too many run-ons', async () => {
    // Before: csv-parse's size error comes after the writing loop had given the failed parser the whole rest of the
    // text, and each run-on row was charged to the end of the file, not its own end: reading stopped at the 5th of
    // these 8 (RUN_ON_LIMIT), the 4 blocks of rows after it not read. 8 blocks is the fewest that showed it.
    const words = 'He texted again and again asking where I was tonight and who I was with. '.repeat(13);
    const blocks = 8;
    const rows = 8_800; // about 8.6 MB a block, over the 8 MiB csv-parse reads a row up to
    const parts = ['Date,Time,What happened\n'];
    for (let b = 0; b < blocks; b++) {
      const day = `${13 + b}/03/2024`;
      parts.push(`${day},21:40,"He said I will find you\n`);
      for (let i = 0; i < rows; i++)
        parts.push(`${day},22:${String(i % 60).padStart(2, '0')},${words}${i}\n`);
    }
    const runOns: RunOnRow[] = [];
    const dated: string[] = [];
    const end = await readRecords(parts.join(''), {
      delimiter: ',',
      startsRow: (l) => /^\d\d\/\d\d\/\d{4},/.test(l),
      onRecord: (cells) => {
        dated.push(cells[0]!);
      },
      onRunOn: (row) => runOns.push(row),
      onTooLong: (row) => expect.unreachable(`too long at line ${row.line}`),
    });
    expect(end).toEqual({});
    const first = (b: number) => 2 + b * (rows + 1);
    expect(runOns.map((r) => [r.line, r.closedOn])).toEqual(
      Array.from({ length: blocks }, (_, b) => [first(b), b + 1 < blocks ? first(b + 1) : undefined]),
    );
    expect(dated.length).toBe(1 + blocks * rows);
    expect(dated.at(-1)).toBe('20/03/2024');
  }, 60_000);
});

describe('where a record ends', () => {
  it('is the first line end outside a quoted cell', () => {
    expect(recordEnd('a,b\nc', 0, ',')).toBe(3);
    expect(recordEnd('a,"b\nc",d\ne', 0, ',')).toBe(9);
    // A doubled quote is a quote; a quote inside an unquoted cell is a character.
    expect(recordEnd('a,"b""\nc"\nd', 0, ',')).toBe(9);
    expect(recordEnd('a,b"c\nd', 0, ',')).toBe(5);
    // Closed by a quote not followed by the delimiter, the cell goes on unquoted, as csv-parse reads it.
    expect(recordEnd('a,"b\nc"d\ne', 0, ',')).toBe(8);
    // A quote never closed runs to the end of the text.
    expect(recordEnd('a,"b\nc', 0, ',')).toBe(6);
    expect(recordEnd('x\na;"b\nc";d', 2, ';')).toBe(11);
  });
});
