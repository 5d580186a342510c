/**
 * The warning on a file where the subject is not found (CASE_SUBJECT_NOT_IN_FILE, pipeline/subject-absent.ts)
 * reaches every report through the problem list: the terminal text, JSON, Markdown and HTML all carry it.
 */
import { describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/index.js';
import { cli } from '../helpers/cli.js';

const CASE = 'fixtures/subject-not-in-every-file';
const SAID = `None of the 84 events in ${CASE}/WhatsApp Chat with Sam.txt is from the subject, who is found in other files, so this file adds no incident.`;
const report = (format: string) =>
  cli(['report', CASE, '--subject', '+447700900123', '--tz', 'UTC', '-f', format]);

describe('a file where the subject is not found, in every report format', () => {
  it('is in the JSON problems, with the file it is about', () => {
    const r = report('json');
    expect(r.code).toBe(0);
    const found = ReportSchema.parse(JSON.parse(r.stdout)).problems.filter(
      (p) => p.code === 'CASE_SUBJECT_NOT_IN_FILE',
    );
    expect(found.map((p) => [p.severity, p.file])).toEqual([
      ['warning', `${CASE}/WhatsApp Chat with Sam.txt`],
    ]);
    expect(found[0]!.message.startsWith(SAID)).toBe(true);
  });

  for (const format of ['text', 'markdown', 'html']) {
    it(`is in the ${format} report with what to do`, () => {
      const r = report(format);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(SAID);
      expect(r.stdout).toContain('nothing needs doing');
      if (format !== 'text') expect(r.stdout).toContain('CASE_SUBJECT_NOT_IN_FILE');
    });
  }
});
