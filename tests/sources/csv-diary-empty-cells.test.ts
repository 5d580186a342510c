/**
 * A diary row of more cells than any spreadsheet has columns (a program or a paste added `,"","",…`): csv-parse caps
 * a row by its cells' contents, which empty cells add nothing to, so such a row was read whole, however long (one
 * of 33 million empty quoted cells, 100 MB, took 29 s and 2.2 GB, and was read as an event with a warning). It is
 * rejected at its line as a row too large (`DIARY_ROW_TOO_LARGE`), and reading goes on after its last line. Built
 * at test time from fixtures/csv-diary-empty-cells/diary.csv (a header and 5 rows on 7 lines, the 3rd row a quoted cell of 2 lines).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readRecords, type TooLongRow } from '../../src/sources/csv-diary/read.js';
import { MAX_RECORD_CELLS, RowCells } from '../../src/sources/row-cells.js';
import { caseGolden } from '../helpers/case-golden.js';
import { runSource } from '../helpers/run-source.js';

const FIXTURE = 'fixtures/csv-diary-empty-cells/diary.csv';
const tmp = mkdtempSync(join(tmpdir(), 'csv-diary-empty-cells-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture with `n` empty quoted cells added at the end of line `line`. */
function padded(name: string, line: number, n: number): string {
  const lines = readFileSync(FIXTURE, 'utf8').split('\r\n');
  lines[line - 1] += ',""'.repeat(n);
  const file = join(tmp, name);
  writeFileSync(file, lines.join('\r\n'));
  return file;
}

const dayOf = (e: { time: { type: string } & Record<string, unknown> }) =>
  e.time.type === 'local' ? String(e.time['local']).slice(0, 10) : '';

describe('a diary row of more cells than a spreadsheet has columns', () => {
  it('is rejected at its line, the rows before and after it read', async () => {
    // Before: read as an event of line 3, with one DIARY_EXTRA_EMPTY_CELLS warning; no rejection.
    const file = padded('one-line.csv', 3, 30_000);
    const run = await runSource(csvDiary, file);
    expect(run.failure).toBeUndefined();
    expect(run.rejected).toEqual([
      {
        code: 'DIARY_ROW_TOO_LARGE',
        locator: 3,
        message:
          'Row has more than 20,000 cells (90,093 characters), more than any spreadsheet has columns, so it is not read; the rows after it are read',
        hint: 'Open the file in a text editor and look at the row on line 3: a program or a paste added a long run of delimiters or empty cells (""). Delete them, keeping the incident\'s own cells, then re-run',
      },
    ]);
    // Line 2, the row before it (which csv-parse holds back until it is told where the text ends), and every row
    // after it are read, with their own lines.
    expect(run.events.map((e) => [e.locator, dayOf(e)])).toEqual([
      [2, '2024-07-14'],
      [4, '2024-07-16'],
      [6, '2024-07-18'],
      [7, '2024-07-20'],
    ]);
    expect(run.warnings).toEqual([]);
    // The books close: 5 rows, each an event or rejected, and the file is read whole.
    const got = await caseGolden([file]);
    const [books] = got.inputs;
    expect(books).toMatchObject({ records: 5, events: 4, skipped: 0, rejected: 1, incomplete: false });
    expect(books!.records).toBe(books!.events + books!.skipped + books!.rejected);
    expect(got.problems.filter((p) => p.file !== undefined).map((p) => [p.code, p.locator])).toEqual([
      ['DIARY_ROW_TOO_LARGE', 'line 3'],
    ]);
  });

  it('over two lines (a quoted cell of two lines, the cells after it): rejected at its first line', async () => {
    const file = padded('two-lines.csv', 5, 30_000);
    const run = await runSource(csvDiary, file);
    expect(run.failure).toBeUndefined();
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DIARY_ROW_TOO_LARGE',
        4,
        'Row has more than 20,000 cells (90,130 characters, lines 4 to 5), more than any spreadsheet has columns, so it is not read; the rows after it are read',
      ],
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 6, 7]);
    expect(run.accounting).toEqual({ records: 5, events: 4, skipped: 0, rejected: 1 });
  });

  it('is rejected however many empty cells it has (a million: 3 MB without a character of contents)', async () => {
    // A million empty quoted cells (3 MB, no characters of contents): as many as make the cap on contents no help.
    const file = padded('million.csv', 6, 1_000_000);
    const run = await runSource(csvDiary, file);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['DIARY_ROW_TOO_LARGE', 6]]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 4, 7]);
  });

  it('reads a row of as many cells as Excel has columns (16,384), with the warning about extra empty cells', async () => {
    // A sheet formatted to its last column (XFD) can be saved so; that is a diary's row, read as before.
    const file = padded('excel-width.csv', 3, 16_384 - 7);
    const run = await runSource(csvDiary, file);
    expect(run.rejected).toEqual([]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 4, 6, 7]);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['DIARY_EXTRA_EMPTY_CELLS', 3]]);
  });
});

describe('reading records past a row of too many cells', () => {
  it('passes over one begun in a piece already read (its first line long), the rows around it read', async () => {
    // The first piece csv-parse is given ends at the first line end after 256 characters: here the one inside the
    // row's quoted cell, so the row's cells are counted over the cap only in the next piece.
    const text = [
      'Date,Time,What happened\n',
      `14/07/2024,21:40,"${'He texted again and again. '.repeat(12)}\n`,
      `and again"${',""'.repeat(MAX_RECORD_CELLS)}\n`,
      '15/07/2024,08:10,Waiting outside\n',
    ].join('');
    const records: [number, string][] = [];
    const tooLong: TooLongRow[] = [];
    const end = await readRecords(text, {
      delimiter: ',',
      startsRow: (l) => /^\d\d\/\d\d\/\d{4},/.test(l),
      onRecord: (cells, line) => void records.push([line, cells[0]!]),
      onRunOn: (row) => expect.unreachable(`run-on at line ${row.line}`),
      onTooLong: (row) => void tooLong.push(row),
    });
    expect(end).toEqual({});
    expect(records).toEqual([
      [1, 'Date'],
      [4, '15/07/2024'],
    ]);
    expect(tooLong.map((r) => [r.line, r.lastLine, r.over])).toEqual([[2, 3, 'cells']]);
  });
});

describe('counting a row’s cells', () => {
  /** The first line of the first record csv-parse reads with more than `max` cells. */
  function csvParseFirstOver(text: string, max: number): number | undefined {
    const records = parse(text, {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: '\n',
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    let line = 1;
    for (const { record, info } of records) {
      if (record.length > max) return line;
      line = info.lines + 1;
    }
    return undefined;
  }

  it('counts as csv-parse does: quoted delimiters, doubled quotes, line ends in quotes, stray quotes', () => {
    const rows = [
      'a,b,c\n"x,y,z",q\n',
      'a,"b\nc,d,e",f\n',
      'a,"b"",c,d""",e\n',
      'a,b"c,d\n',
      'a,"b\nc"d,e,f\n',
      '"",""\n"","","",""\n',
      '\uFEFF"a,b,c,d",e\nf,g,h,i\n',
    ];
    for (const text of rows) {
      const cells = new RowCells(text, 0, ',', 3);
      // In pieces ending at each line end, as read.ts gives them.
      let over: number | undefined;
      for (let at = 0; at < text.length && over === undefined; ) {
        const nl = text.indexOf('\n', at);
        at = nl < 0 ? text.length : nl + 1;
        over = cells.upTo(at);
      }
      const line = over === undefined ? undefined : text.slice(0, over).split('\n').length;
      expect([text, line]).toEqual([text, csvParseFirstOver(text, 3)]);
    }
  });
});
