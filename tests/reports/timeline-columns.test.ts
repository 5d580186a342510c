/** The timeline's column list (a plain module, read on every run) and its zod schema never drift apart. */
import { describe, expect, it } from 'vitest';
import { TimelineRowSchema } from '../../src/model/report.js';
import { TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { timelineCsv } from '../../src/reports/timeline-csv.js';

describe('timeline columns', () => {
  it('are the schema keys, in the schema order', () => {
    expect([...TIMELINE_COLUMNS]).toEqual(Object.keys(TimelineRowSchema.shape));
  });

  it('are the CSV header', () => {
    expect(timelineCsv.header()).toBe(`${TIMELINE_COLUMNS.join(',')}\n`);
  });
});
