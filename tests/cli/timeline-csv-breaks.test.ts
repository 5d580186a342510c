/**
 * `timeline --format csv` with texts that would break a spreadsheet (fixtures/csv-line-breaks): a cell holding a
 * carriage return or line feed is quoted, so a reader that ends a row at a bare CR (Python's csv module, pandas,
 * spreadsheet programs) still reads one row per event and no text starts a row of its own as a live formula; a
 * cell starting with the fullwidth ＝ gets the apostrophe that = gets, and so does one starting with an
 * apostrophe. Read back with csv-parse, each text is as sent once one leading apostrophe is dropped.
 */
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { cli, ROOT } from '../helpers/cli.js';

const CASE = path.join(ROOT, 'fixtures/csv-line-breaks');

/** The timeline CSV of the fixture, read back as rows of cells. */
function rows(): string[][] {
  const r = cli(['timeline', CASE, '--format', 'csv', '--quiet']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return parse(r.stdout, { relax_column_count: false }) as string[][];
}

describe('timeline CSV: line breaks and formula characters in texts', () => {
  it('reads back as the header and one row per event, whatever the texts hold', () => {
    const all = rows();
    expect(all[0]).toEqual([...TIMELINE_COLUMNS]);
    expect(all).toHaveLength(1 + 7);
    for (const row of all) expect(row).toHaveLength(TIMELINE_COLUMNS.length);
  });

  it('keeps each text exactly, an apostrophe only before a formula character at the start', () => {
    const text = TIMELINE_COLUMNS.indexOf('text');
    expect(
      rows()
        .slice(1)
        .map((r) => r[text]),
    ).toEqual([
      'see you later\r=SUM(A1:A9)*1000',
      'answer me\r\n@everyone knows',
      "'\uFF1D1+1 is what you are",
      '\uFF2B\uFF20home tonight',
      'line one\n-2 for you',
      "''til then, =you'll see",
      'Please stop messaging me.',
    ]);
  });

  it('gives each text as sent (as JSON Lines has it) once one leading apostrophe is dropped', () => {
    const text = TIMELINE_COLUMNS.indexOf('text');
    const csv = rows()
      .slice(1)
      .map((r) => r[text]!.replace(/^'/, ''));
    const jsonl = cli(['timeline', CASE, '--format', 'jsonl', '--quiet'])
      .stdout.trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(csv).toEqual(jsonl);
  });

  it('starts no line of the file with a formula outside a quoted cell', () => {
    const out = cli(['timeline', CASE, '--format', 'csv', '--quiet']).stdout;
    expect(out).toContain('"see you later\r=SUM(A1:A9)*1000"');
    // Cut the way a reader that ends a row at CR, LF or CR LF would: a piece starting with = + - @ or ＝ must
    // lie inside a quoted cell (an odd number of quotes before it), where a reader that honours quotes joins it.
    let at = 0;
    const starts: string[] = [];
    for (const piece of out.split(/(\r\n|\r|\n)/)) {
      if (/^[=+\-@\uFF1D]/.test(piece)) {
        starts.push(piece.slice(0, 4));
        expect((out.slice(0, at).match(/"/g) ?? []).length % 2).toBe(1);
      }
      at += piece.length;
    }
    expect(starts).toEqual(['=SUM', '@eve', '-2 f']);
  });
});
