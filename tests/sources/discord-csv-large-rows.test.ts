/**
 * A DiscordChatExporter CSV row too large to be a DCE row (a real one has 6 or 7 cells and a few kilobytes): one of
 * more than 20,000 cells (a run of empty quoted cells `,"",""…` added by a program) or over 16 MiB (a file pasted
 * into a cell). csv-parse built such a row whole before anything could judge it: one of 33 million empty cells
 * (99 MB) took 1.7 GB before it was rejected as DISCORD_CSV_BAD_ROW, and a row over 16 MiB stopped the file there,
 * the rows after it lost. It is now kept from csv-parse, rejected at its line (`DISCORD_CSV_ROW_TOO_LARGE`), and the
 * rows after it are read with their own lines. Built at test time from fixtures/discord-csv-large-rows (a header and
 * six rows on 8 lines, the third row's message over lines 4 and 5).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discordCsv } from '../../src/sources/discord-csv/index.js';
import { type LargeRow, RowGate } from '../../src/sources/discord-csv/row-gate.js';
import { caseGolden } from '../helpers/case-golden.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';

const FIXTURE = 'fixtures/discord-csv-large-rows/Direct Messages - Sam [1200000000000000021].csv';
const tmp = mkdtempSync(join(tmpdir(), 'discord-csv-large-rows-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const HINT =
  'The file was damaged or made by another program; export the channel again with DiscordChatExporter, preferably as JSON.';

/** The fixture with `extra` added at the end of line `line`, written under the file's own DCE name in a folder. */
function altered(folder: string, line: number, extra: string): string {
  const lines = readFileSync(FIXTURE, 'utf8').split('\n');
  lines[line - 1] += extra;
  const dir = join(tmp, folder);
  const file = join(dir, 'Direct Messages - Sam [1200000000000000021].csv');
  mkdirSync(dir);
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('a DCE CSV row of more than 20,000 cells', () => {
  it('the fixture as it is: six rows, six events', async () => {
    const run = await runSource(discordCsv, FIXTURE);
    expect(run.failure).toBeUndefined();
    expect(run.events.map((e) => [e.locator, e.kind])).toEqual([
      [2, 'message'],
      [3, 'message'],
      [4, 'message'],
      [6, 'media'],
      [7, 'call'],
      [8, 'message'],
    ]);
  });

  it('is rejected at its line, the rows before and after it read, the books closed', async () => {
    // Before: csv-parse built the row whole, and it was rejected as DISCORD_CSV_BAD_ROW ("This row has 30006
    // cells where the header has 6"); one of 33 million cells took 1.7 GB and 25 s to get there.
    const file = altered('one-line', 3, ',""'.repeat(30_000));
    const run = await runSource(discordCsv, file);
    expect(run.failure).toBeUndefined();
    expect(run.rejected).toEqual([
      {
        code: 'DISCORD_CSV_ROW_TOO_LARGE',
        locator: 3,
        message:
          'This row has more than 20,000 cells (90,107 characters); a DCE row has 6 or 7 cells and a message at most 4,000 characters, so it is not read; the rows after it are read.',
        hint: HINT,
      },
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 4, 6, 7, 8]);
    const got = await caseGolden([file]);
    const [books] = got.inputs;
    expect(books).toMatchObject({ records: 6, events: 5, skipped: 0, rejected: 1, incomplete: false });
    expect(books!.records).toBe(books!.events + books!.skipped + books!.rejected);
    expect(got.problems.filter((p) => p.file !== undefined).map((p) => [p.code, p.locator])).toEqual([
      ['DISCORD_CSV_ROW_TOO_LARGE', 'line 3'],
    ]);
  });

  it('over two lines (cells added after a message of two lines): rejected at its first line', async () => {
    const file = altered('two-lines', 5, ',""'.repeat(30_000));
    const run = await runSource(discordCsv, file);
    expect(run.failure).toBeUndefined();
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DISCORD_CSV_ROW_TOO_LARGE',
        4,
        'This row has more than 20,000 cells (90,129 characters, lines 4 to 5); a DCE row has 6 or 7 cells and a message at most 4,000 characters, so it is not read; the rows after it are read.',
      ],
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 6, 7, 8]);
  });

  it('the last row, with a million empty cells (3 MB, not a character in any cell)', async () => {
    const file = altered('million', 8, ',""'.repeat(1_000_000));
    const run = await runSource(discordCsv, file);
    expect(run.failure).toBeUndefined();
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['DISCORD_CSV_ROW_TOO_LARGE', 8]]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 4, 6, 7]);
  });

  it('is found at 20,001 cells: a row of 20,000 is read and rejected for its cells, as any row of extra cells', async () => {
    const at = altered('at-cap', 3, ',""'.repeat(20_000 - 6));
    const over = altered('over-cap', 3, ',""'.repeat(20_000 - 5));
    expect((await runSource(discordCsv, at)).rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      ['DISCORD_CSV_BAD_ROW', 3, 'This row has 20000 cells where the header has 6.'],
    ]);
    expect((await runSource(discordCsv, over)).rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DISCORD_CSV_ROW_TOO_LARGE', 3],
    ]);
  });

  it('reads the same wherever the pieces read from the file end', async () => {
    const file = altered('pieces', 5, ',""'.repeat(30_000));
    const bytes = readFileSync(file);
    const want = await runInput(discordCsv, inPieces(bytes, 1 << 20, file));
    expect(want.rejected.map((r) => [r.code, r.locator])).toEqual([['DISCORD_CSV_ROW_TOO_LARGE', 4]]);
    for (const size of [65_536, 4093, 7])
      expect(await runInput(discordCsv, inPieces(bytes, size, file)), `pieces of ${size}`).toEqual(want);
  });

  it('in the header: not a DCE CSV, said so at line 1', async () => {
    const run = await runSource(discordCsv, altered('header', 1, ',""'.repeat(30_000)));
    expect(run.events).toEqual([]);
    expect(run.rejected).toEqual([]);
    expect(run.failure).toEqual({
      code: 'DISCORD_CSV_INVALID',
      message:
        'The first row, which should be the header, has more than 20,000 cells (90,051 characters); this is not a DCE CSV.',
      locator: 1,
    });
  });
});

describe('a DCE CSV row over 16 MiB', () => {
  it('is rejected at its line, and the rows after it are read', async () => {
    // Before: reading stopped there (DISCORD_CSV_RECORD_MALFORMED and DISCORD_CSV_INVALID), rows 6 to 8 lost.
    const file = altered('pasted', 3, `,"${'QUFB'.repeat(4.5 * 1024 * 1024)}"`);
    const run = await runSource(discordCsv, file);
    expect(run.failure).toBeUndefined();
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DISCORD_CSV_ROW_TOO_LARGE',
        3,
        'This row is 18,874,478 characters long, over 16 MiB; a DCE row has 6 or 7 cells and a message at most 4,000 characters, so it is not read; the rows after it are read.',
      ],
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 4, 6, 7, 8]);
    expect(run.accounting).toEqual({ records: 6, events: 5, skipped: 0, rejected: 1 });
  });
});

describe('RowGate', () => {
  /** Runs the gate over `text` cut at `cuts`: what csv-parse is given, and the rows passed over. */
  function gated(text: string, cuts: number[], lineEnd: '\n' | '\r\n'): [string, LargeRow[]] {
    const gate = new RowGate(',', lineEnd, 40, 4);
    let given = '';
    let at = 0;
    for (const cut of [...cuts, text.length]) {
      given += gate.take(text.slice(at, cut));
      at = cut;
    }
    given += gate.end();
    return [given, gate.passed];
  }

  it('gives whole rows only and leaves out those over a cap, wherever the pieces end (two cuts anywhere)', () => {
    const rows = [
      'a,b,c',
      '"x","y ""q"", z","w"',
      '"1","2","3","4","5"', // 5 cells, 21 characters with its line break
      '"multi\r\nline","v"',
      `"${'L'.repeat(50)}","x"`, // 58 characters with its line break
      '"p,q","r\r\ns","t","u","v"', // 5 cells over two lines
      '"end","z"', // no line break after it: given at the end, for csv-parse to judge
    ];
    const text = rows.join('\r\n');
    const want: [string, LargeRow[]] = [
      `${rows[0]}\r\n${rows[1]}\r\n${rows[3]}\r\n${rows[6]}`,
      [
        { after: 2, breaks: 1, chars: 21, over: 'cells', unended: false },
        { after: 3, breaks: 1, chars: 58, over: 'chars', unended: false },
        { after: 3, breaks: 2, chars: 26, over: 'cells', unended: false },
      ],
    ];
    expect(gated(text, [], '\r\n')).toEqual(want);
    for (let i = 0; i <= text.length; i++)
      for (let j = i; j <= text.length; j++)
        expect(gated(text, [i, j], '\r\n'), `cut at ${i}, ${j}`).toEqual(want);
  });

  it('lists a row the text ends in, over a cap, as unended, and gives nothing of it', () => {
    const text = 'a,b,c\n"1","2\n3","4","5","6"';
    for (let i = 0; i <= text.length; i++)
      expect(gated(text, [i], '\n'), `cut at ${i}`).toEqual([
        'a,b,c\n',
        [{ after: 1, breaks: 1, chars: 21, over: 'cells', unended: true }],
      ]);
  });
});
