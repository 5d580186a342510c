/**
 * A number one digit off the subject's, saved in the phone under the subject's `name` in the case file
 * (fixtures/batch-case-provenance/subject-typo: the case lists +447700900124 and names the subject "Sam Carter";
 * the texts come from +447700900123, saved as "Sam Carter"). The number is not the subject's unasked, as a contact
 * name may be shared, but CASE_NAMED_BUT_NOT_LISTED must say so, as it does for a number saved under a name listed
 * among the identifiers: a number's contact name was compared with the identifiers only, never with the case's
 * `name`, while a sender known by name alone was compared with both.
 */
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';

const DIR = 'fixtures/batch-case-provenance/subject-typo';
const CASE = `${DIR}/case.json`;

describe("a number saved under the case's name for the subject, not listed", () => {
  it('is warned about with its records, and not counted', async () => {
    const { t, events } = await timelineOf([`${DIR}/sms-20240317090000.xml`], () => ({}), CASE);
    expect(events.filter((e) => e.role === 'subject')).toHaveLength(0);
    expect(t.problems.list.filter((p) => p.code === 'CASE_NAMED_BUT_NOT_LISTED')).toEqual([
      {
        code: 'CASE_NAMED_BUT_NOT_LISTED',
        severity: 'warning',
        file: CASE,
        message:
          'The number +447700900123 is named "Sam Carter" in the inputs, as the subject is in the case, but the number itself is not in the case, so its 4 records are not counted as the subject\'s.',
        hint: 'A contact name is the label saved in the phone, and another person may share it. If +447700900123 is the subject\'s, add it with --subject "+447700900123", or to the subject\'s identifiers in the case file, and run again.',
      },
    ]);
  });

  it("is not warned about when no subject is named, as every sender then counts as the subject's", async () => {
    const { t, events } = await timelineOf([`${DIR}/sms-20240317090000.xml`], () => ({
      subject: { name: 'Sam Carter', identifiers: [] },
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
    }));
    expect(events.filter((e) => e.role === 'subject')).toHaveLength(5);
    expect(t.problems.list.map((p) => p.code)).toContain('CASE_SUBJECT_ASSUMED');
    expect(t.problems.list.map((p) => p.code)).not.toContain('CASE_NAMED_BUT_NOT_LISTED');
  });
});
