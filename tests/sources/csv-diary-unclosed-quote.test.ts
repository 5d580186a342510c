/**
 * A diary row whose cell opens a double quote that is never closed (typed in a text editor): that row is rejected
 * with its line and what to do, and the rows after it are read, each with its own line, whether nothing closes the
 * quote or the quote of a later row does. A quoted cell over several lines that is closed stays one row, even
 * when its lines start with dates. Fixtures in fixtures/csv-diary-unclosed-quote.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { quotedSpans, runOnSpan } from '../../src/sources/csv-diary/run-on-quotes.js';
import { caseGolden, expectGolden } from '../helpers/case-golden.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-unclosed-quote';
const tmp = mkdtempSync(join(tmpdir(), 'csv-diary-quote-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HINT = (line: number) =>
  `Add the missing double quote (") at the end of that cell on line ${line}; a quote that is part of the words is written twice ("") inside a quoted cell. Then re-run`;

describe('a diary cell whose quote is never closed', () => {
  it('closed only by a later row’s quote: the row is rejected, the rows it ran over are read (golden)', async () => {
    // Before: lines 6 and 7 were read as part of line 5's cell, and lines 8 and 9 rejected as dates.
    const got = await caseGolden([`${DIR}/hand-edited.csv`]);
    expectGolden(got, `${DIR}/hand-edited.expected.json`);
    expect(got.inputs[0]).toMatchObject({
      records: 7,
      events: 6,
      skipped: 0,
      rejected: 1,
      rejectedReasons: { DIARY_QUOTE_NOT_CLOSED: 1 },
      incomplete: false,
    });
    expect(got.problems.filter((p) => p.file !== undefined)).toEqual([
      {
        code: 'DIARY_QUOTE_NOT_CLOSED',
        severity: 'error',
        file: `${DIR}/hand-edited.csv`,
        locator: 'line 5',
        message:
          'Row opens a quoted cell ("You can\'t hide from me, I know where you work) whose closing double quote is missing: the next quote, on line 7, closes it, so the rows up to that line would be read as part of that one cell; the row is not read, and the lines after it are read as rows of their own',
        hint: HINT(5),
      },
    ]);
    expect(got.timeline.map((e) => [e.locator, e.text])).toEqual([
      [2, 'Asked where I was and who I was with'],
      [3, 'Standing at the end of the drive.\nDrove off when I opened the curtains.'],
      [6, 'Rang 4 times from a withheld number'],
      [7, 'Parked opposite the house.\nStill there at 20:10.\nLeft when the neighbour came out.'],
      [10, 'Card on the windscreen: "Thinking of you"'],
      [11, 'Three texts saying sorry'],
    ]);
  });

  it('closed by nothing: the row is rejected and the rows after it read, the file read to the end (golden)', async () => {
    // Before: DIARY_QUOTE_NOT_CLOSED failed the file at line 3, lines 4 and 5 not counted.
    const got = await caseGolden([`${DIR}/never-closed.csv`]);
    expectGolden(got, `${DIR}/never-closed.expected.json`);
    expect(got.inputs[0]).toMatchObject({
      records: 4,
      events: 3,
      skipped: 0,
      rejected: 1,
      incomplete: false,
    });
    expect(got.problems.filter((p) => p.file !== undefined)).toEqual([
      {
        code: 'DIARY_QUOTE_NOT_CLOSED',
        severity: 'error',
        file: `${DIR}/never-closed.csv`,
        locator: 'line 3',
        message:
          'Row opens a quoted cell ("Stay in tonight, I will be watching) whose closing double quote is missing: nothing closes it, so every line after it would be read as part of that one cell; the row is not read, and the lines after it are read as rows of their own',
        hint: HINT(3),
      },
    ]);
    expect(got.timeline.map((e) => e.locator)).toEqual([2, 4, 5]);
  });

  it('keeps a closed quoted cell over several lines one row, even when its lines start with dates (golden)', async () => {
    const got = await caseGolden([`${DIR}/closed-cells.csv`]);
    expectGolden(got, `${DIR}/closed-cells.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 3, events: 3, skipped: 0, rejected: 0 });
    // One warning: the cell's inner lines start with dates, read as its text (they may be rows left in it).
    expect(got.problems.filter((p) => p.file !== undefined).map((p) => [p.code, p.locator])).toEqual([
      ['DIARY_DATED_LINES_IN_CELL', 'line 2'],
    ]);
    expect(got.timeline.map((e) => [e.locator, e.text])).toEqual([
      [
        2,
        'Copied from the chat, as sent:\n14/04/2024,22:01,open the door\n14/04/2024,22:03,I can see your light on',
      ],
      [5, 'Waiting by the bus stop.\nWalked off when I took a photo.'],
      [7, 'He wrote "you will regret this"'],
    ]);
  });

  it('reads a quote closed inside the cell’s line as before: one row, its text as written', async () => {
    const file = join(tmp, 'stray.csv');
    writeFileSync(
      file,
      'Date,Time,Type of contact,What happened,Location\n12/03/2024,21:40,Text,"He said "stay home,\n13/03/2024,08:00,Phone call,Rang twice,Home\n',
    );
    const run = await runSource(csvDiary, file);
    expect(run.events.map((e) => [e.locator, e.text])).toEqual([
      [2, '"He said "stay home'],
      [3, 'Rang twice'],
    ]);
    expect(run.rejected).toEqual([]);
  });

  it('warns, never silently, when a cell left open is closed by a quote inside a later row’s words', async () => {
    // Not told from a pasted chat (a run-on only when the closing quote stands where a cell opens): the rows in
    // between stay in the one cell, as a spreadsheet would read them, and a warning names where to look.
    const file = join(tmp, 'closed-in-words.csv');
    writeFileSync(
      file,
      'Date,Time,Type of contact,What happened\n' +
        '13/03/2024,21:40,Text,"You can\'t hide from me\n' +
        '14/03/2024,08:00,Phone call,Rang twice\n' +
        '15/03/2024,19:15,In person,He said "I\'m outside" again\n',
    );
    const run = await runSource(csvDiary, file);
    expect(run.events.map((e) => e.locator)).toEqual([2]);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
    expect(run.warnings.filter((w) => w.code === 'DIARY_DATED_LINES_IN_CELL')).toEqual([
      {
        code: 'DIARY_DATED_LINES_IN_CELL',
        locator: 'line 2',
        message:
          "1 row with a quoted cell over several lines, some of which start with a date as rows of their own do (first: the row on line 2, its line 3); those lines were read as part of the cell's text, not as rows",
      },
    ]);
  });

  it('rejects the last row alone when it is the one left open, and accounts for every row', async () => {
    const file = join(tmp, 'last.csv');
    writeFileSync(
      file,
      'Date,Time,Type,Description\n2024-07-01,10:00,Text,First\n2024-07-02,11:00,Text,"Parked outside.\nStill there at 11:30.\n',
    );
    const run = await runSource(csvDiary, file);
    expect(run.failure).toBeUndefined();
    // The line the open cell ran on to is read as a row of its own, rejected with its line as any row is.
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DIARY_QUOTE_NOT_CLOSED', 3],
      ['DIARY_BAD_DATE', 4],
    ]);
    expect(run.accounting).toEqual({ records: 3, events: 1, skipped: 0, rejected: 2 });
  });

  it('fails the file when the header itself opens a quote that runs on', async () => {
    const file = join(tmp, 'header.csv');
    writeFileSync(file, 'Date,Time,Type,"Description\n2024-07-01,10:00,Text,First\n');
    const run = await runSource(csvDiary, file);
    expect(run.failure).toMatchObject({ code: 'DIARY_QUOTE_NOT_CLOSED', locator: 1 });
    expect(run.accounting.records).toBe(0);
  });

  it('stops, saying why, in a file where every row runs on, without reading it over and over', async () => {
    // Each row opens a quote that only the next row's quote closes: every row is a run-on, read again after.
    const rows = Array.from({ length: 5_000 }, () => '2024-07-01,10:00,Text,"""x').join('\n');
    const file = join(tmp, 'many.csv');
    writeFileSync(file, `Date,Time,Type,Description\n${rows}\n`);
    const run = await runSource(csvDiary, file);
    expect(run.failure?.code).toBe('DIARY_QUOTE_NOT_CLOSED');
    const line = run.failure?.locator as number;
    expect(line).toBeGreaterThan(100);
    expect(line).toBeLessThan(5_000);
    // Every row before the one it stopped at is accounted for, each rejected with its line.
    expect(run.rejected.map((r) => r.locator)).toEqual(Array.from({ length: line - 2 }, (_, i) => i + 2));
    expect(run.events).toEqual([]);
    expect(run.failure?.message).toBe(
      `The row starting on line ${line} opens a quoted cell that is not closed on its own line, as ${line - 2} rows before it did (each rejected with its line); reading stopped there because the file has too many unclosed quotes to read each row again after them, so the rows from line ${line} on were not read`,
    );
  });

  it('reads to the end a diary of thousands of rows with some quotes left open, rejecting only those rows', async () => {
    // Before: re-reading after each run-on row went on to the end of the text, and the file stopped part-way.
    const open = new Set(Array.from({ length: 50 }, (_, i) => 40 + i * 59));
    const rows = Array.from({ length: 3_000 }, (_, i) => {
      const day = new Date(Date.UTC(2022, 0, 1) + i * 6 * 3600_000).toISOString().slice(0, 10);
      const text = open.has(i)
        ? `"He said he is outside again ${i}`
        : `He sent a text saying he is outside ${i}`;
      return `${day},${String(i % 24).padStart(2, '0')}:15,Text,${text},Home`;
    });
    const file = join(tmp, 'stray-quotes.csv');
    writeFileSync(file, `Date,Time,Type of contact,What happened,Location\n${rows.join('\n')}\n`);
    const run = await runSource(csvDiary, file);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 3_000, events: 2_950, skipped: 0, rejected: 50 });
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual(
      [...open].map((i) => ['DIARY_QUOTE_NOT_CLOSED', i + 2]),
    );
    expect(run.events.map((e) => e.locator)).toEqual(
      Array.from({ length: 3_000 }, (_, i) => i)
        .filter((i) => !open.has(i))
        .map((i) => i + 2),
    );
  });
});

describe('quoted cells over several lines', () => {
  const row = (line: string) => /^\d{4}-\d\d-\d\d,/.test(line);

  it('tells a cell closed as a spreadsheet closes it from one closed by a later quote or by nothing', () => {
    expect(quotedSpans('a,"b\nc",d', ',')).toEqual([
      { opened: 0, closed: 1, relaxed: false, atCellStart: false, at: 2 },
    ]);
    expect(quotedSpans('a,"b\nc"d', ',')).toEqual([
      { opened: 0, closed: 1, relaxed: true, atCellStart: false, at: 2 },
    ]);
    expect(quotedSpans('a,"b\nc', ',')).toEqual([
      { opened: 0, closed: undefined, relaxed: false, atCellStart: false, at: 2 },
    ]);
    // A doubled quote is a quote; a quote inside an unquoted cell is a character; one line is no span.
    expect(quotedSpans('a,"b""\nc"', ',')).toEqual([
      { opened: 0, closed: 1, relaxed: false, atCellStart: false, at: 2 },
    ]);
    expect(quotedSpans('a,b"c\nd', ',')).toEqual([]);
    expect(quotedSpans('a,"b"c', ',')).toEqual([]);
  });

  it('takes a cell for run on only when nothing closes it, or a later quote does over a line that starts a row', () => {
    expect(runOnSpan('2024-07-01,"b\n2024-07-02,"c', ',', row)).toMatchObject({ opened: 0, closed: 1 });
    expect(runOnSpan('2024-07-01,"b\nmore words"c', ',', row)).toBeUndefined();
    expect(runOnSpan('2024-07-01,"b\n2024-07-02,c",d', ',', row)).toBeUndefined();
    expect(runOnSpan('2024-07-01,"b\nmore words', ',', row)).toMatchObject({ closed: undefined });
  });
});
