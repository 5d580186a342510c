/**
 * A quoted cell over several lines closed by hand with white space after its closing quote (`...light on" ,Home`,
 * or a space at the line end), or with words after it (`...a photo" (copied from my notes)`), is one row, as it
 * was before run-on quotes were looked for: its inner lines that start with dates are not read as rows of their
 * own. Fixtures in fixtures/csv-diary-closed-quote-spaces.
 */
import { describe, expect, it } from 'vitest';
import { quotedSpans, runOnSpan } from '../../src/sources/csv-diary/run-on-quotes.js';
import { caseGolden, expectGolden } from '../helpers/case-golden.js';

const DIR = 'fixtures/csv-diary-closed-quote-spaces';

describe('a quoted cell over several lines closed with white space or words after its quote', () => {
  it('reads a space or a tab before the delimiter as a close: one row each (golden)', async () => {
    const got = await caseGolden([`${DIR}/space-before-delimiter.csv`]);
    expectGolden(got, `${DIR}/space-before-delimiter.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 4, events: 4, skipped: 0, rejected: 0 });
    // One warning: the cell's inner lines start with dates, read as its text (they may be rows left in it).
    expect(got.problems.filter((p) => p.file !== undefined).map((p) => [p.code, p.locator])).toEqual([
      ['DIARY_DATED_LINES_IN_CELL', 'line 2'],
    ]);
    expect(got.timeline.map((e) => [e.locator, e.details?.['location']])).toEqual([
      [2, 'Home'],
      [5, 'Station Road'],
      [6, 'Home'],
      [9, 'Home'],
    ]);
    expect(got.timeline[0]?.text).toContain('14/04/2024,22:03,I can see your light on');
  });

  it('reads a space at the line end, or words after the quote, as a close: one row each (golden)', async () => {
    const got = await caseGolden([`${DIR}/space-at-line-end.csv`]);
    expectGolden(got, `${DIR}/space-at-line-end.expected.json`);
    expect(got.inputs[0]).toMatchObject({ records: 3, events: 3, skipped: 0, rejected: 0 });
    // One warning: the cell's inner lines start with dates, read as its text (they may be rows left in it).
    expect(got.problems.filter((p) => p.file !== undefined).map((p) => [p.code, p.locator])).toEqual([
      ['DIARY_DATED_LINES_IN_CELL', 'line 2'],
    ]);
    expect(got.timeline.map((e) => e.locator)).toEqual([2, 5, 7]);
  });
});

describe('where a closing quote stands', () => {
  const row = (line: string) => /^\d{4}-\d\d-\d\d,/.test(line);

  it('takes white space before the delimiter or line end as a proper close', () => {
    expect(quotedSpans('a,"b\nc" ,d', ',')).toEqual([
      { opened: 0, closed: 1, relaxed: false, atCellStart: false, at: 2 },
    ]);
    expect(quotedSpans('a,"b\nc"\t \nd', ',')).toEqual([
      { opened: 0, closed: 1, relaxed: false, atCellStart: false, at: 2 },
    ]);
    expect(quotedSpans('a,"b\nc" ', ',')).toEqual([
      { opened: 0, closed: 1, relaxed: false, atCellStart: false, at: 2 },
    ]);
    expect(quotedSpans('a,"b\nc" d', ',')).toEqual([
      { opened: 0, closed: 1, relaxed: true, atCellStart: false, at: 2 },
    ]);
  });

  it('marks a closing quote at a line start or after the delimiter as standing where a cell opens', () => {
    expect(quotedSpans('a,"b\nc, "d', ',')[0]).toMatchObject({ relaxed: true, atCellStart: true });
    expect(quotedSpans('a,"b\n"d', ',')[0]).toMatchObject({ relaxed: true, atCellStart: true });
    expect(quotedSpans('a,"b\nc "d', ',')[0]).toMatchObject({ relaxed: true, atCellStart: false });
    // Quotes before it count with it: read from its own row, the first of `"""x` opens the cell.
    expect(quotedSpans('a,"b\nc,"""d', ',')[0]).toMatchObject({ relaxed: true, atCellStart: true });
    expect(quotedSpans('a,"b\nc x"""d', ',')[0]).toMatchObject({ relaxed: true, atCellStart: false });
  });

  it('takes a cell for run on only when its closing quote stands where a later row’s cell opens', () => {
    expect(runOnSpan('2024-07-01,"b\n2024-07-02,c" ,d', ',', row)).toBeUndefined();
    expect(runOnSpan('2024-07-01,"b\n2024-07-02,c" ', ',', row)).toBeUndefined();
    expect(runOnSpan('2024-07-01,"b\n2024-07-02,c" (copied)', ',', row)).toBeUndefined();
    expect(runOnSpan('2024-07-01,"b\n2024-07-02, "c', ',', row)).toMatchObject({ opened: 0, closed: 1 });
  });
});
