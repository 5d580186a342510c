/**
 * Diary rows of fewer cells than the header: a diary kept by hand often leaves a row's trailing empty cells out.
 * csv-parse built an error object (a stack trace and a JSON copy of its state) for each such row before it looked
 * at `relax_column_count`, which made 100,000 of them take twice as long to report as the same rows written whole.
 * The CSV readers now have it expect each record's own length (../../src/sources/csv-parse-records.ts); a short row
 * reads as the same row padded with empty cells, at the same line. fixtures/csv-diary-short-rows holds one diary in
 * both forms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { blankRows, expectEachRecordsLength } from '../../src/sources/csv-parse-records.js';
import { runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/csv-diary-short-rows';

/** What csv-parse reads of `text` with the diary reader's options: each record with its last line, and its counts. */
async function records(text: string, eachLength: boolean) {
  const read: [string[], number][] = [];
  const parser = parse({
    delimiter: ',',
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    record_delimiter: '\n',
    on_record: ((record: string[], info: { lines: number }) => {
      if (eachLength) expectEachRecordsLength(parser);
      read.push([record, info.lines]);
      return null;
    }) as never,
  });
  parser.resume();
  parser.end(text);
  await new Promise((resolve) => parser.on('end', resolve));
  const { lines, empty_lines, invalid_field_length } = parser.info;
  return { read, lines, empty_lines, invalid_field_length };
}

describe('a diary whose rows leave their trailing empty cells out', () => {
  it('reads as the same diary with every row padded: the same events, skips and rejections at the same lines', async () => {
    const padded = await runSource(csvDiary, join(DIR, 'diary-padded.csv'));
    const short = await runSource(csvDiary, join(DIR, 'diary-short.csv'));
    expect(short).toEqual(padded);
    expect({
      accounting: short.accounting,
      events: short.events.map((e) => [e.locator, e.text, e.details]),
      skipped: short.skipped.map((s) => `${s.reason} ${s.locator}`),
      rejected: short.rejected.map((r) => `${r.code} ${r.locator}`),
      warnings: short.warnings.map((w) => `${w.code} ${w.locator}`),
    }).toEqual({
      accounting: { records: 10, events: 6, skipped: 3, rejected: 1 },
      events: [
        [
          2,
          'Six texts from 07700 900123 in ten minutes asking where I was',
          {
            contact_type: 'Text message',
            location: 'Home',
            witnesses: 'None',
            reported: 'yes',
            police_ref: 'CR/118822/24',
          },
        ],
        [
          3,
          'Waiting by my car in the car park at work',
          { contact_type: 'Turned up in person', location: 'Work car park' },
        ],
        [4, 'Rang four times from a withheld number', { contact_type: 'Phone call' }],
        [
          6,
          'Note with no stamp. It said:\n"I know you moved the car"',
          { contact_type: 'Letter through the door', location: 'Home', witnesses: 'My neighbour' },
        ],
        [11, 'Messaged my sister asking for my new address', { contact_type: 'Facebook', reported: 'no' }],
        [
          12,
          'Outside the gym when I arrived',
          { contact_type: 'Turned up in person', location: 'Gym', witnesses: 'Two staff members' },
        ],
      ],
      // Line 9 is a row of empty cells in the padded copy and a blank line in the short one: both are empty rows.
      skipped: ['empty-row 5', 'empty-row 9', 'date-only-row 10'],
      rejected: ['DIARY_BAD_DATE 8'],
      warnings: ['DIARY_DATE_ONLY_ROWS 10'],
    });
  });

  it('is read by csv-parse as without the hook, with no record taken for one of another length', async () => {
    const text = readFileSync(join(DIR, 'diary-short.csv'), 'utf8');
    const plain = await records(text, false);
    const each = await records(text, true);
    // Read alone, csv-parse finds 7 records whose length is not the header's, an error object built for each.
    expect(plain.invalid_field_length).toBe(7);
    expect(each).toEqual({ ...plain, invalid_field_length: 0 });
    expect(each.read.map(([cells, line]) => `${line}:${cells.length}`)).toEqual([
      '1:8',
      '2:8',
      '3:5',
      '4:4',
      '7:6',
      '8:4',
      '10:1',
      '11:7',
      '12:6',
    ]);
  });
});

describe('blankRows', () => {
  it('gives each blank line once, in order, up to the count it is told', () => {
    const given: number[] = [];
    const upTo = blankRows(() => given.push(given.length + 1));
    upTo(2);
    upTo(2);
    upTo(1);
    upTo(4);
    expect(given).toEqual([1, 2, 3, 4]);
  });
});
