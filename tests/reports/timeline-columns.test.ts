/**
 * The timeline's column list (a plain module, read on every run) and its zod schema never drift apart, and a
 * timeline saved before a column was appended is still told as chronolog's own output.
 */
import { describe, expect, it } from 'vitest';
import { chronologOutput } from '../../src/model/output-marks.js';
import { TimelineRowSchema } from '../../src/model/report.js';
import { APPENDED_TIMELINE_COLUMNS, TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { timelineCsv } from '../../src/reports/timeline-csv.js';

describe('timeline columns', () => {
  it('are the schema keys, in the schema order', () => {
    expect([...TIMELINE_COLUMNS]).toEqual(Object.keys(TimelineRowSchema.shape));
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
