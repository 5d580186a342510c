/**
 * The subject's name in the case file signing an export, while only another name is listed:
 * fixtures/whatsapp-name-not-listed has the chat exported on 15 April 2024 with the contact saved as "Sam" (listed)
 * and on 20 May as "Sam Carter", the subject's `name` in case.json but not among the identifiers. The later
 * export's messages are not the subject's, and the subject is found on WhatsApp, so CASE_SUBJECT_NOT_IN_FILE is not
 * given: the warning CASE_NAMED_BUT_NOT_LISTED says so, at the first such record, and how to count them
 * (unmatched.ts `caseNamedSenderProblems`). They are not counted unasked.
 */
import { describe, expect, it } from 'vitest';
import { reportOf } from '../helpers/report.js';

const DIR = 'fixtures/whatsapp-name-not-listed';
const MAY = `${DIR}/export-2024-05-20/WhatsApp Chat with Sam Carter.txt`;

describe('a sender with the name the case gives the subject, not listed as an identifier', () => {
  it('is warned about at its first record, with the identifier to add, and not counted', async () => {
    const report = await reportOf([DIR]);
    expect(report.incidents.total).toBe(7);
    const named = report.problems.filter((p) => p.code === 'CASE_NAMED_BUT_NOT_LISTED');
    expect(named).toEqual([
      {
        code: 'CASE_NAMED_BUT_NOT_LISTED',
        severity: 'warning',
        file: MAY,
        locator: 'line 2',
        message:
          'The sender "Sam Carter" (11 records in 1 file, the first here) has the name the case gives the subject, but "Sam Carter" is not among the subject\'s identifiers, so none of its records is counted as the subject\'s.',
        hint: 'If "Sam Carter" is the subject, add it with --subject "Sam Carter", or to the subject\'s identifiers in the case file, and run again. A name alone is not counted unasked: another person may share it.',
      },
    ]);
  });

  it('says nothing once the name is listed (fixtures/whatsapp-renamed-contact)', async () => {
    const report = await reportOf(['fixtures/whatsapp-renamed-contact']);
    expect(report.problems.map((p) => p.code)).not.toContain('CASE_NAMED_BUT_NOT_LISTED');
  });
});
