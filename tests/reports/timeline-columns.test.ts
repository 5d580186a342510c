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

  it('are recognised as a saved timeline, and so is the header of a timeline saved before callDurationSec', () => {
    const before = TIMELINE_COLUMNS.filter((c) => c !== 'callDurationSec').join(',');
    expect(before.endsWith(',flags,details')).toBe(true);
    expect(chronologOutput(timelineCsv.header())).toBe('timeline');
    expect(chronologOutput(`${before}\r\n`)).toBe('timeline');
    expect(chronologOutput(`${before},callDurationSec\r\n`)).toBe('timeline');
    // Only chronolog's own headers: another column after them, or a different one, is some other CSV.
    expect(chronologOutput(`${before},notes\n`)).toBeUndefined();
    expect(chronologOutput(`${before},callDurationSecs\n`)).toBeUndefined();
    expect(chronologOutput(`${before},callDurationSec,notes\n`)).toBeUndefined();
  });
});
