/**
 * The mark `timeline --excel` writes before the CSV header is the UTF-8 byte-order mark (EF BB BF), and a timeline
 * saved with it is still told as chronolog's own output. Only the timeline CSV may carry it: a report with a mark
 * before its generator is not one chronolog wrote.
 */
import { describe, expect, it } from 'vitest';
import { chronologOutput } from '../../src/model/output-marks.js';
import { TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { EXCEL_BOM, timelineCsv } from '../../src/reports/timeline-csv.js';

describe('timeline CSV for Excel', () => {
  it('the mark is the three bytes of the UTF-8 byte-order mark', () => {
    expect([...Buffer.from(EXCEL_BOM, 'utf8')]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('the header itself carries no mark', () => {
    expect(timelineCsv.header()).toBe(`${TIMELINE_COLUMNS.join(',')}\n`);
  });

  it('a timeline saved with the mark is told as a timeline, as one without it', () => {
    expect(chronologOutput(EXCEL_BOM + timelineCsv.header())).toBe('timeline');
    expect(chronologOutput(`${EXCEL_BOM}${TIMELINE_COLUMNS.join(',')}\r\n`)).toBe('timeline');
    // One mark only, and at the start: anything else before the header is some other CSV.
    expect(chronologOutput(EXCEL_BOM + EXCEL_BOM + timelineCsv.header())).toBeUndefined();
    expect(chronologOutput(` ${EXCEL_BOM}${timelineCsv.header()}`)).toBeUndefined();
  });

  it('is not taken as a report or JSON Lines timeline with a mark before it', () => {
    expect(chronologOutput('{"schemaVersion": 1, "generator": {"name": "chronolog"')).toBe('report');
    expect(
      chronologOutput(`${EXCEL_BOM}{"schemaVersion": 1, "generator": {"name": "chronolog"`),
    ).toBeUndefined();
    expect(chronologOutput(`${EXCEL_BOM}{"id":"ab12","utc":"x","local":"y","precision":"`)).toBeUndefined();
  });
});
