/**
 * Blank lines in a hand-kept diary: before the header, between rows, inside a quoted description, at the end (with
 * and without a final line end), and before a row the reader rejects whole (a quote left open, too many cells).
 * Each blank line after the header is a record skipped as `empty-row` at its own line, and the rows after it keep
 * their lines. csv-parse skips blank lines and counts them (they were read as rows with fewer cells than the
 * header, for each of which it built an error object: 200,000 took 13 s); each is given back at its line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-blank-lines';
const tmp = mkdtempSync(join(tmpdir(), 'chronolog-diary-blanks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = 'Date,Time,Type of contact,What happened,Location,Witnesses\n';
const row = (day: number, time: string, what: string) => `${day}/03/2024,${time},Text,${what},Home,\n`;

function diary(name: string, text: string): string {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
}

const outline = async (file: string) => {
  const run = await runSource(csvDiary, file);
  return {
    accounting: run.accounting,
    events: run.events.map((e) => e.locator),
    skipped: run.skipped.map((s) => `${s.reason} ${s.locator}`),
    rejected: run.rejected.map((r) => `${r.code} ${r.locator}`),
  };
};

describe('blank lines in a diary', () => {
  it('skips each blank line after the header at its line; a blank line in a quoted cell is part of it', async () => {
    // Line 1 is blank, before the header; lines 6–8 are one row whose description holds a blank line.
    expect(await outline(join(DIR, 'diary-2024-03.csv'))).toEqual({
      accounting: { records: 8, events: 3, skipped: 5, rejected: 0 },
      events: [3, 6, 10],
      skipped: ['empty-row 4', 'empty-row 5', 'empty-row 9', 'empty-row 11', 'empty-row 12'],
      rejected: [],
    });
  });

  it('counts the blank lines before a last row that has no line end', async () => {
    expect(await outline(join(DIR, 'diary-no-final-newline.csv'))).toEqual({
      accounting: { records: 4, events: 2, skipped: 2, rejected: 0 },
      events: [2, 5],
      skipped: ['empty-row 3', 'empty-row 4'],
      rejected: [],
    });
  });

  it('gives the lines of a row with a quote left open, and of the rows after it, past blank lines', async () => {
    const file = diary(
      'run-on.csv',
      `${HEADER}${row(14, '21:05', 'one')}\n\n15/03/2024,08:10,Text,"He said ""stop,Home,\n\n${row(16, '09:00', 'three')}\n${row(17, '10:00', 'four')}\n\n`,
    );
    expect(await outline(file)).toEqual({
      accounting: { records: 10, events: 3, skipped: 6, rejected: 1 },
      events: [2, 7, 9],
      skipped: ['empty-row 3', 'empty-row 4', 'empty-row 6', 'empty-row 8', 'empty-row 10', 'empty-row 11'],
      rejected: ['DIARY_QUOTE_NOT_CLOSED 5'],
    });
  });

  it('gives the line of a row of too many cells, passed over, past blank lines', async () => {
    const wide = `15/03/2024,08:10,Text,${Array.from({ length: 5000 }, () => 'x').join(',')}\n`;
    const file = diary(
      'wide.csv',
      `${HEADER}${row(14, '21:05', 'one')}\n\n${wide}\n${row(16, '09:00', 'after')}`,
    );
    expect(await outline(file)).toEqual({
      accounting: { records: 6, events: 2, skipped: 3, rejected: 1 },
      events: [2, 7],
      skipped: ['empty-row 3', 'empty-row 4', 'empty-row 6'],
      rejected: ['DIARY_TOO_MANY_CELLS 5'],
    });
  });

  it('gives the line of a quote left open at the end, past blank lines', async () => {
    const file = diary(
      'open-at-end.csv',
      `${HEADER}${row(14, '21:05', 'one')}\n\n15/03/2024,08:10,Text,"never closed\n\n`,
    );
    expect(await outline(file)).toEqual({
      accounting: { records: 5, events: 1, skipped: 3, rejected: 1 },
      events: [2],
      skipped: ['empty-row 3', 'empty-row 4', 'empty-row 6'],
      rejected: ['DIARY_QUOTE_NOT_CLOSED 5'],
    });
  });

  it('reads a diary of 200,000 blank lines between two rows, each blank line skipped at its line', async () => {
    const file = diary(
      'many-blanks.csv',
      `${HEADER}${row(14, '21:05', 'one')}${'\n'.repeat(200_000)}${row(15, '22:00', 'two')}`,
    );
    const run = await runSource(csvDiary, file);
    expect(run.accounting).toEqual({ records: 200_002, events: 2, skipped: 200_000, rejected: 0 });
    expect(run.events.map((e) => e.locator)).toEqual([2, 200_003]);
    expect(run.skipped[0]).toEqual({ reason: 'empty-row', locator: 3 });
    expect(run.skipped.at(-1)).toEqual({ reason: 'empty-row', locator: 200_002 });
  });
});
