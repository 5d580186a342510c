/**
 * The hints on subject identifiers that matched nothing, or on files without the subject, say to change the
 * identifiers where they were given: with --subject when the run had no case file (it was told to edit "the case
 * file" it did not have), in the case file, named by its path, when the identifiers are written there, and both
 * when some came from each. CASE_SUBJECT_IDENTIFIER_UNUSED names where that one identifier was given.
 */
import { describe, expect, it } from 'vitest';
import { resolveCase } from '../../src/cli/case.js';
import { fileInput, walk } from '../../src/cli/inputs.js';
import type { Problem } from '../../src/model/index.js';
import { readTimeline } from '../../src/pipeline/index.js';

const TYPO = 'fixtures/batch-case-provenance/subject-typo';
const TYPO_CASE = `${TYPO}/case.json`;
const TYPO_SMS = `${TYPO}/sms-20240317090000.xml`;
const EVERY = 'fixtures/subject-not-in-every-file';
const CHAT = `${EVERY}/WhatsApp Chat with Sam.txt`;
const FOLDER = 'fixtures/subject-named-in-case-file';
const NAMED = `${FOLDER}/case.json`;

/** The CASE_ problems of a run over `paths` with the case file `--case` (if any) and `--subject` (if any). */
async function problems(paths: string[], flags: { case?: string; subject?: string[] }): Promise<Problem[]> {
  const walked = await walk(paths);
  const c = await resolveCase(flags, [], 'UTC');
  const t = await readTimeline({
    inputs: walked.files.map((f) => fileInput(f.abs, f.bytes, f.display)),
    case: c,
  });
  return t.problems.list.filter((p) => p.code.startsWith('CASE_'));
}

/** The near match of the case file's number, one digit off: said where it was written. */
const NEAR_IN_FILE = `Did you mean +447700900123? "+447700900124", in the case file ${TYPO_CASE}, is close to the sender +447700900123 (Sam Carter), with 4 records; check that it is the subject before writing it there instead.`;
const SENDERS = 'Senders found, with their records: +447700900123 (Sam Carter): 4; +447700900002 (Mum): 1.';
/** The case file names the subject "Sam Carter", the name the near number is saved under (case-name-on-number). */
const NAMED_AS_SUBJECT =
  'A contact name is the label saved in the phone, and another person may share it. If +447700900123 is the subject\'s, add it with --subject "+447700900123", or to the subject\'s identifiers in the case file, and run again.';

describe('where the hints say to name the subject', () => {
  it('CASE_SUBJECT_NOT_FOUND: with --subject when the run has no case file, never "the case file"', async () => {
    const found = await problems([TYPO_SMS], { subject: ['+447700900124'] });
    expect(found.map((p) => [p.code, p.hint])).toEqual([
      [
        'CASE_SUBJECT_NOT_FOUND',
        `Did you mean --subject +447700900123? "+447700900124" is close to the sender +447700900123 (Sam Carter), with 4 records; check that it is the subject before naming them so. ${SENDERS} Name the subject by one of these with --subject; chronolog inspect lists them all.`,
      ],
    ]);
  });

  it('CASE_SUBJECT_NOT_FOUND: in the case file, by its path, when the identifiers are written there', async () => {
    const found = await problems([TYPO_SMS], { case: TYPO_CASE });
    expect(found.map((p) => [p.code, p.hint])).toEqual([
      [
        'CASE_SUBJECT_NOT_FOUND',
        `${NEAR_IN_FILE} ${SENDERS} Name the subject by one of these in the case file ${TYPO_CASE} ("subject": {"identifiers": […]}); chronolog inspect lists them all.`,
      ],
      ['CASE_NAMED_BUT_NOT_LISTED', NAMED_AS_SUBJECT],
    ]);
  });

  it('CASE_SUBJECT_NOT_FOUND: both, when the identifiers came from the case file and --subject', async () => {
    const found = await problems([TYPO_SMS], { case: TYPO_CASE, subject: ['+447700900999'] });
    expect(found.map((p) => p.hint)).toEqual([
      `${NEAR_IN_FILE} ${SENDERS} Name the subject by one of these with --subject or in the case file ${TYPO_CASE} ("subject": {"identifiers": […]}); chronolog inspect lists them all.`,
      NAMED_AS_SUBJECT,
    ]);
  });

  it('CASE_SUBJECT_IDENTIFIER_UNUSED: where that identifier was given', async () => {
    const fromFile = await problems([`${FOLDER}/sms-20240317090000.xml`], { case: NAMED });
    expect(fromFile.map((p) => [p.code, p.hint])).toEqual([
      [
        'CASE_SUBJECT_IDENTIFIER_UNUSED',
        `Nothing is wrong if the subject did not use it in these exports; otherwise check how it is written in the case file ${NAMED} (chronolog inspect lists every sender).`,
      ],
    ]);
    // The case file's number matches; the address typed after --subject does not.
    const fromOption = await problems([TYPO_SMS], {
      case: TYPO_CASE,
      subject: ['+447700900123', 'sam@example.org'],
    });
    expect(fromOption.map((p) => [p.code, p.message, p.hint])).toEqual([
      [
        'CASE_SUBJECT_IDENTIFIER_UNUSED',
        'The subject identifier "+447700900124" matched no sender in these inputs.',
        `Nothing is wrong if the subject did not use it in these exports; otherwise check how it is written in the case file ${TYPO_CASE} (chronolog inspect lists every sender).`,
      ],
      [
        'CASE_SUBJECT_IDENTIFIER_UNUSED',
        'The subject identifier "sam@example.org" matched no sender in these inputs.',
        'Nothing is wrong if the subject did not use it in these exports; otherwise check how it is written after --subject (chronolog inspect lists every sender).',
      ],
    ]);
  });

  it('CASE_SUBJECT_NOT_IN_FILE: --subject without a case file, the case file when the subject is named there', async () => {
    const byOption = await problems([EVERY], { subject: ['+447700900123'] });
    expect(
      byOption.filter((p) => p.code === 'CASE_SUBJECT_NOT_IN_FILE').map((p) => [p.file, p.hint]),
    ).toEqual([
      [
        CHAT,
        'If one of them is the subject, add them as written here with --subject (such as --subject Sam), and run again. If none of them is (a conversation with someone else, say), nothing needs doing.',
      ],
    ]);
    const inFile = await problems([FOLDER], { case: NAMED });
    expect(inFile.filter((p) => p.code === 'CASE_SUBJECT_NOT_IN_FILE').map((p) => [p.file, p.hint])).toEqual([
      [
        `${FOLDER}/WhatsApp Chat with Sam.txt`,
        `If one of them is the subject, add them as written here to the subject's identifiers in the case file ${NAMED} (such as "Sam"), and run again. If none of them is (a conversation with someone else, say), nothing needs doing.`,
      ],
    ]);
  });
});
