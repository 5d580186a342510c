/**
 * Numbers written in national form when no region is set. The fixture is one SMS backup in which the subject
 * texts from +447700900123 (3 messages), from the same number written 07700900123 (2) and from a second number
 * written 07700 900456 (1); Mum (+447700900321) and a short code (88022) text too. Without a region the national
 * numbers cannot be matched to international ones: the report says so, names the fix, and never guesses.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../helpers/temp-dirs.js';
import { timelineOf } from '../helpers/timeline.js';

const tempDir = tempDirs('chronolog-national-');

const SMS = 'fixtures/national-numbers/sms-20240306120000.xml';

/** The message with `seen` saying where the records with national numbers are. */
const message = (seen: string) =>
  `2 phone numbers are written in national form, without a country code (07700900123, 07700 900456), in 3 records${seen}, and no region is set, so they cannot be matched to the same numbers written in international form: one person's contacts may be counted under two identifiers, or missed.`;

const NATIONAL_WARNING = {
  code: 'CASE_REGION_NOT_SET',
  severity: 'warning',
  // No case file in this run: the hint says so, and the warning is located at the first record with such a number.
  file: SMS,
  locator: 'sms[2] (line 6)',
  message: message(' (the first here)'),
  hint: 'The other numbers are +44: set the region with --region GB, or "region": "GB" in a case file (this run used none).',
};

async function read(subject: string[], region: string | undefined, paths = [SMS]) {
  const { t, events } = await timelineOf(paths, () => ({
    region,
    subject: { name: undefined, identifiers: subject },
    victim: { name: undefined, identifiers: [] },
  }));
  const incidents = events.filter((e) => e.incident);
  return { problems: t.problems.list.filter((p) => p.code.startsWith('CASE_')), incidents };
}

describe('phone numbers in national form without a region', () => {
  it('warns once, counting the national numbers and naming the region the +44 numbers point to', async () => {
    const { problems, incidents } = await read(['+447700900123', '07700 900456'], undefined);
    // 3 from +447700900123 and 1 from 07700 900456, written alike; the 2 from 07700900123 need the region.
    expect(incidents).toHaveLength(4);
    expect(new Set(incidents.map((e) => e.senderKey))).toEqual(
      new Set(['phone:+447700900123', 'account:07700900456']),
    );
    expect(problems[0]).toEqual(NATIONAL_WARNING);
    expect(problems.filter((p) => p.code === 'CASE_REGION_NOT_SET')).toHaveLength(1);
  });

  it('tells the user to set the region for a national identifier that matched nothing', async () => {
    const { problems } = await read(['+447700900123', '07700 900789'], undefined);
    expect(problems[1]).toEqual({
      code: 'CASE_SUBJECT_IDENTIFIER_UNUSED',
      severity: 'info',
      message: 'The subject identifier "07700 900789" matched no sender in these inputs.',
      hint: 'It is written in national form and no region is set, so it cannot match the same number written in international form. The other numbers are +44: set the region with --region GB, or "region": "GB" in a case file (this run used none).',
    });
    expect(problems).toHaveLength(2);
  });

  it('says the same of an international identifier when the senders wrote that number in national form', async () => {
    const { problems } = await read(['+447700900123', '+447700900456'], undefined);
    expect(problems[1]).toEqual({
      code: 'CASE_SUBJECT_IDENTIFIER_UNUSED',
      severity: 'info',
      message: 'The subject identifier "+447700900456" matched no sender in these inputs.',
      hint: 'No region is set, so it cannot match the same number written in national form (2 numbers in these inputs are written that way). The other numbers are +44: set the region with --region GB, or "region": "GB" in a case file (this run used none).',
    });
  });

  it('adds the region advice when no subject identifier matched and one is a national number', async () => {
    const { problems } = await read(['07700 900789'], undefined);
    const notFound = problems.find((p) => p.code === 'CASE_SUBJECT_NOT_FOUND');
    expect(notFound?.hint).toBe(
      'Senders found, with their records: +447700900123 (Sam): 3; 07700900123: 2; +447700900321 (Mum): 1; 07700900456: 1; 88022: 1. Name the subject by one of these with --subject; chronolog inspect lists them all. No region is set, so a number written in national form cannot match the same number written in international form. The other numbers are +44: set the region with --region GB, or "region": "GB" in a case file (this run used none).',
    );
  });

  it('names the case file the run used, where the region can be set', async () => {
    const caseFile = path.join(tempDir(), 'case.json');
    writeFileSync(caseFile, JSON.stringify({ subject: { identifiers: ['+447700900123', '07700 900456'] } }));
    const { t } = await timelineOf([SMS], () => ({}), caseFile);
    const warning = t.problems.list.find((p) => p.code === 'CASE_REGION_NOT_SET');
    expect(warning).toEqual({
      code: 'CASE_REGION_NOT_SET',
      severity: 'warning',
      file: caseFile,
      message: message(`, the first at sms[2] (line 6) in ${SMS}`),
      hint: 'The other numbers are +44: set the region with --region GB, or "region": "GB" in the case file.',
    });
  });

  it('names no region when the numbers in international form have more than one country code', async () => {
    const { problems } = await read(['+33612345678', '07700 900456'], undefined);
    expect(problems[0]).toEqual({
      ...NATIONAL_WARNING,
      hint: 'Set the region the numbers belong to with --region and its two-letter country code (GB for the United Kingdom, US for the United States), or "region" in a case file (this run used none).',
    });
  });

  it('with the region set, merges both ways of writing each number and says nothing', async () => {
    const { problems, incidents } = await read(['+447700900123', '07700 900456'], 'GB');
    expect(incidents).toHaveLength(6);
    expect(new Set(incidents.map((e) => e.senderKey))).toEqual(
      new Set(['phone:+447700900123', 'phone:+447700900456']),
    );
    expect(problems).toEqual([]);
  });

  it('says nothing when every number is written with its country code', async () => {
    const { problems } = await read(['+447700900123'], undefined, ['fixtures/sms-backup-xml/mms-group.xml']);
    expect(problems.filter((p) => p.code === 'CASE_REGION_NOT_SET')).toEqual([]);
  });
});

describe('phone numbers after the call prefix 00 without a region', () => {
  it('warns as for national numbers, saying how they are written, and matches them with a region', async () => {
    const CALL_PREFIX = 'fixtures/call-prefix-numbers/sms-call-prefix-20240310090000.xml';
    const { problems, incidents } = await read(['+447700900123'], undefined, [CALL_PREFIX]);
    // Without a region, 0044 7700 900123 cannot be told to be +44 7700 900123: its two texts are not counted.
    expect(incidents).toHaveLength(1);
    expect(problems.find((p) => p.code === 'CASE_REGION_NOT_SET')).toEqual({
      ...NATIONAL_WARNING,
      file: CALL_PREFIX,
      locator: 'sms[1] (line 5)',
      message:
        "1 phone number is written without a leading + (in national form, or after the call prefix 00) (0044 7700 900123), in 2 records (the first here), and no region is set, so it cannot be matched to the same number written in international form: one person's contacts may be counted under two identifiers, or missed.",
    });
    const withRegion = await read(['+447700900123'], 'GB', [CALL_PREFIX]);
    expect(withRegion.incidents).toHaveLength(3);
    expect(withRegion.problems.filter((p) => p.code === 'CASE_REGION_NOT_SET')).toEqual([]);
  });
});

describe('where the numbers in national form were seen', () => {
  // One SMS backup and a case file without a region: the subject's number is given as +447700900123, while the
  // phone saved their texts from 07700 900123 (4 received, the first the backup's second record, and 1 sent to
  // it); Priya texts once from 07700 900555 and Mum twice from +447700900321.
  const DIR = 'fixtures/national-numbers-records';
  const SMS_FILE = path.join(DIR, 'sms-20240410090000.xml');

  it('counts the records that hold them and names the first, while the warning stays on the case file', async () => {
    const { t } = await timelineOf([DIR]);
    expect(t.problems.list.find((p) => p.code === 'CASE_REGION_NOT_SET')).toEqual({
      code: 'CASE_REGION_NOT_SET',
      severity: 'warning',
      file: path.resolve(DIR, 'case.json'),
      message: `2 phone numbers are written in national form, without a country code (07700 900123, 07700 900555), in 5 records, the first at sms[1] (line 5) in ${SMS_FILE}, and no region is set, so they cannot be matched to the same numbers written in international form: one person's contacts may be counted under two identifiers, or missed.`,
      hint: 'The other numbers are +44: set the region with --region GB, or "region": "GB" in the case file.',
    });
  });

  it('with no case file, is located at the first record, which the message calls here', async () => {
    const { t } = await timelineOf([SMS_FILE], () => ({
      subject: { name: undefined, identifiers: ['+447700900123'] },
    }));
    const warning = t.problems.list.find((p) => p.code === 'CASE_REGION_NOT_SET');
    expect(warning).toMatchObject({ file: SMS_FILE, locator: 'sms[1] (line 5)' });
    expect(warning?.message).toContain(
      '(07700 900123, 07700 900555), in 5 records (the first here), and no region',
    );
  });

  it('counts only the records: a national number given only in the case adds to the list, not to the records', async () => {
    const { t } = await timelineOf([DIR], (c) => ({
      subject: { ...c.subject, identifiers: ['+447700900123', '07700 900999'] },
    }));
    expect(t.problems.list.find((p) => p.code === 'CASE_REGION_NOT_SET')?.message).toBe(
      `3 phone numbers are written in national form, without a country code (07700 900123, 07700 900555, 07700 900999), in 5 records, the first at sms[1] (line 5) in ${SMS_FILE}, and no region is set, so they cannot be matched to the same numbers written in international form: one person's contacts may be counted under two identifiers, or missed.`,
    );
  });
});
