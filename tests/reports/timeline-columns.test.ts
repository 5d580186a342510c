/**
 * The timeline's column list (a plain module, read on every run) and its zod schema never drift apart, and a
 * timeline saved before a column was appended is still told as chronolog's own output.
 */
import { describe, expect, it } from 'vitest';
import { chronologOutput } from '../../src/model/output-marks.js';
import { TimelineRowSchema } from '../../src/model/report.js';
import {
  APPENDED_TIMELINE_COLUMNS,
  DUPLICATE_COLUMNS,
  TIMELINE_COLUMNS,
} from '../../src/model/timeline-columns.js';
import { timelineCsv } from '../../src/reports/timeline-csv.js';

describe('timeline columns', () => {
  it('are the schema keys, in the schema order, before the optional ones of --with-duplicates', () => {
    expect([...TIMELINE_COLUMNS, ...DUPLICATE_COLUMNS]).toEqual(Object.keys(TimelineRowSchema.shape));
    for (const c of TIMELINE_COLUMNS) expect(TimelineRowSchema.shape[c].isOptional(), c).toBe(false);
    for (const c of DUPLICATE_COLUMNS) expect(TimelineRowSchema.shape[c].isOptional(), c).toBe(true);
  });

  it('are the CSV header, with the columns of --with-duplicates after them only when asked for', () => {
    expect(timelineCsv.header(false)).toBe(`${TIMELINE_COLUMNS.join(',')}\n`);
    expect(timelineCsv.header(true)).toBe(
      `${TIMELINE_COLUMNS.join(',')},duplicate,keptFile,keptLocator,duplicateReason\n`,
    );
    expect(chronologOutput(timelineCsv.header(true))).toBe('timeline');
    expect(chronologOutput(`\uFEFF${timelineCsv.header(true)}`)).toBe('timeline');
    const first = TIMELINE_COLUMNS.join(',');
    // Only all of them, in order, after every other column.
    expect(chronologOutput(`${first},duplicate\n`)).toBeUndefined();
    expect(
      chronologOutput(`${first},duplicate,keptFile,keptLocator,duplicateReason,notes\n`),
    ).toBeUndefined();
    expect(chronologOutput(`${first},keptFile,duplicate,keptLocator,duplicateReason\n`)).toBeUndefined();
  });

  it('are the CSV header', () => {
    expect(timelineCsv.header()).toBe(`${TIMELINE_COLUMNS.join(',')}\n`);
  });

  it('end with the columns appended since the first release, in order', () => {
    expect(TIMELINE_COLUMNS.slice(-APPENDED_TIMELINE_COLUMNS.length)).toEqual([...APPENDED_TIMELINE_COLUMNS]);
  });

  it('are recognised as a saved timeline, and so are the headers of timelines saved before a column was appended', () => {
    const first = TIMELINE_COLUMNS.slice(0, -APPENDED_TIMELINE_COLUMNS.length).join(',');
    expect(first.endsWith(',flags,details')).toBe(true);
    expect(timelineCsv.header()).toBe(`${first},callDurationSec,lexicon\n`);
    expect(chronologOutput(timelineCsv.header())).toBe('timeline');
    // Saved before callDurationSec, before lexicon, and now.
    expect(chronologOutput(`${first}\r\n`)).toBe('timeline');
    expect(chronologOutput(`${first},callDurationSec\r\n`)).toBe('timeline');
    expect(chronologOutput(`${first},callDurationSec,lexicon\r\n`)).toBe('timeline');
    // Only chronolog's own headers: another column after them, a different one, or the appended ones out of
    // order, is some other CSV.
    expect(chronologOutput(`${first},notes\n`)).toBeUndefined();
    expect(chronologOutput(`${first},callDurationSecs\n`)).toBeUndefined();
    expect(chronologOutput(`${first},callDurationSec,notes\n`)).toBeUndefined();
    expect(chronologOutput(`${first},lexicon\n`)).toBeUndefined();
    expect(chronologOutput(`${first},callDurationSec,lexicon,notes\n`)).toBeUndefined();
    expect(chronologOutput(`${first},callDurationSec,lexicons\n`)).toBeUndefined();
  });
});
