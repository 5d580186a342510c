/**
 * A victim's phone saves two people as "Sam": the subject, whose number the case lists, and a colleague. The
 * colleague's texts and a missed call from a third number saved as "sam", and an e-mail whose sender calls
 * themselves "Sam", must not become incidents on a name alone; each is named in a warning instead.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timelineOf } from '../helpers/timeline.js';

const CASE = path.resolve(import.meta.dirname, '../../fixtures/named-like-subject');

describe('numbers and addresses named like the subject', () => {
  it('are not incidents; the subject listed by number still is, and each other one is a warning', async () => {
    const { t, events } = await timelineOf([CASE]);
    const incidents = events.filter((e) => e.role === 'subject');
    expect(incidents.map((e) => [e.channel, e.senderKey])).toEqual([
      ['sms', 'phone:+447700900123'],
      ['call', 'phone:+447700900123'],
    ]);
    expect(events).toHaveLength(6);
    const warnings = t.problems.list.filter((p) => p.code === 'CASE_NAMED_BUT_NOT_LISTED');
    expect(warnings.map((p) => p.message)).toEqual([
      'The number +447700900888 is named "sam" in the inputs, as the subject is in the case, but the number itself is not in the case, so its record is not counted as the subject\'s.',
      'The address sam.jones@work.example is named "Sam" in the inputs, as the subject is in the case, but the address itself is not in the case, so its record is not counted as the subject\'s.',
      'The number +447700900777 is named "Sam" in the inputs, as the subject is in the case, but the number itself is not in the case, so its 2 records are not counted as the subject\'s.',
    ]);
    // In the order the files are read (calls, the e-mail, the texts), each sender when first met.
    expect(warnings[2]!.hint).toContain('--subject "+447700900777"');
    // Each names the case file, where the number would be added, and the hint points there.
    expect(warnings.map((p) => p.file)).toEqual(Array(3).fill(path.join(CASE, 'case.json')));
    expect(warnings[2]!.hint).toBe(
      'A contact name is the label saved in the phone, and another person may share it. If +447700900777 is the subject\'s, add it with --subject "+447700900777", or to the subject\'s identifiers in the case file, and run again.',
    );
    expect(warnings.every((p) => p.severity === 'warning')).toBe(true);
    // "Sam" matched nothing by itself: the note says where the senders named so went.
    const unused = t.problems.list.find((p) => p.code === 'CASE_SUBJECT_IDENTIFIER_UNUSED');
    expect(unused?.message).toBe('The subject identifier "Sam" matched no sender in these inputs.');
    expect(unused?.hint).toBe(
      '3 numbers or addresses are named so in the inputs, but a number or address counts only when the case lists it: see the warnings CASE_NAMED_BUT_NOT_LISTED.',
    );
  });

  it('with no case file, name no file and say the run used none', async () => {
    const { t } = await timelineOf([path.join(CASE, 'sms-20240309.xml')], () => ({
      region: 'GB',
      subject: { name: undefined, identifiers: ['+447700900123', 'Sam'] },
      caseFile: undefined,
    }));
    const warning = t.problems.list.find((p) => p.code === 'CASE_NAMED_BUT_NOT_LISTED');
    expect(warning?.file).toBeUndefined();
    expect(warning?.hint).toContain(
      "or to the subject's identifiers in a case file (this run used none), and run again.",
    );
  });
});
