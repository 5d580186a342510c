/**
 * Every problem a report lists says what happened, where, and what to do next. Read over fixtures whose files
 * hold the problems a reviewer found without a hint or a place (e-mail dates without a certain zone, a body not
 * base64, an unknown charset, a separator without an empty line, Discord messages timed by their id or with no
 * type, numbers in national form, numbers named like the subject, Meta notes on a file's messages), and over other
 * sources' damaged files: each
 * problem has a hint, and one about records names the record. The exceptions are listed below, each with why.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/model/index.js';
import { timelineOf } from '../helpers/timeline.js';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures');

/** Fixture folders and the subject each is read with (the report's --subject). */
const CASES: readonly (readonly [string, readonly string[]])[] = [
  ['mbox', ['ex.partner@example.net']],
  ['eml', ['ex.partner@example.net']],
  ['discord-json', ['ex.partner@example.net']],
  ['calls-diary-dst', ['Sam']],
  ['national-numbers', ['+447700900123']],
  ['named-like-subject', []],
  ['twitter-archive', []],
  ['telegram-json', []],
  ['sms-backup-xml', []],
  ['messenger-json', []],
  ['messenger-e2ee-json', []],
  ['messenger-html', []],
  ['csv-diary', []],
  ['csv-diary-repeated-header', []],
  ['csv-diary-unclosed-quote', []],
];

/**
 * Problems about the run or the case as a whole, named by no file: which subject identifiers matched, and, with no
 * case file, the region and the identifiers the case lists (their hints say the run used no case file).
 */
const OF_THE_RUN = new Set([
  'CASE_SUBJECT_NOT_FOUND',
  'CASE_SUBJECT_IDENTIFIER_UNUSED',
  'CASE_SUBJECT_ASSUMED',
  'CASE_VICTIM_NOT_FOUND',
  'CASE_REGION_NOT_SET',
  'CASE_NAMED_BUT_NOT_LISTED',
]);

/**
 * Problems about a whole file, named by the file alone: the subject being absent from it, the count the backup
 * declares against the records it holds, whose archive it is; and, naming the case file, what the case does not
 * list (nothing in the case file to point at). Also the notes that sum up a file: whether Meta's double encoding was
 * undone in it (decided over all its strings), that a Meta HTML page's times have no zone (every time in it), and a
 * diary's summaries of rows read alike, which name their rows' lines in their words, and of its header's columns
 * kept uninterpreted.
 */
const OF_THE_FILE = new Set([
  'CASE_SUBJECT_NOT_IN_FILE',
  'CASE_REGION_NOT_SET',
  'CASE_NAMED_BUT_NOT_LISTED',
  'SMS_COUNT_MISMATCH',
  'TWITTER_ARCHIVE_OWNER_LIKELY',
  'MESSENGER_MOJIBAKE_REPAIRED',
  'MESSENGER_MOJIBAKE_NOT_REPAIRED',
  'MESSENGER_HTML_LOCAL_TIME',
  // csv-diary/summary.ts: one warning a file for the rows read alike, or for its header.
  'DIARY_BLANK_CONTACT_TYPE',
  'DIARY_DATED_LINES_IN_CELL',
  'DIARY_DATE_ONLY_ROWS',
  'DIARY_EXCEL_SERIAL_DATE',
  'DIARY_EXCEL_TIME',
  'DIARY_EXTRA_EMPTY_CELLS',
  'DIARY_HOUR_WITHOUT_AMPM',
  'DIARY_NO_CONTACT_TYPE_COLUMN',
  'DIARY_TIME_BOUND',
  'DIARY_TIME_FREE_TEXT',
  'DIARY_UNMAPPED_CONTACT_TYPE',
  'DIARY_UNRECOGNISED_COLUMNS',
  'DIARY_WHAT_READ_AS_DESCRIPTION',
]);

async function problemsOf(folder: string, subject: readonly string[]): Promise<Problem[]> {
  const { t } = await timelineOf([path.join(FIXTURES, folder)], (c) =>
    subject.length === 0 ? {} : { subject: { name: undefined, identifiers: [...subject] }, region: c.region },
  );
  return t.problems.list;
}

describe('every problem says what to do, and where', () => {
  for (const [folder, subject] of CASES) {
    it(`fixtures/${folder}`, async () => {
      const problems = await problemsOf(folder, subject);
      expect(problems.length).toBeGreaterThan(0);
      for (const p of problems) {
        const named = `${p.code} at ${p.file ?? '(no file)'}:${p.locator ?? ''}: ${p.message}`;
        expect(p.hint?.trim(), `no hint: ${named}`).toBeTruthy();
        if (p.file === undefined) expect(OF_THE_RUN.has(p.code), `no file: ${named}`).toBe(true);
        else if (!OF_THE_FILE.has(p.code)) {
          expect(p.locator?.trim(), `no locator: ${named}`).toBeTruthy();
        }
      }
    });
  }

  it("says where an e-mail's time was taken from, or which zone was assumed, when its Date gave none", async () => {
    const messages = [...(await problemsOf('mbox', [])), ...(await problemsOf('eml', []))]
      .filter(
        (p) => p.severity === 'warning' && /^EMAIL_(NO_DATE|BAD_DATE|DATE_ZONE_UNCERTAIN)$/.test(p.code),
      )
      .map((p) => p.message.slice(p.message.indexOf(';') + 2));
    expect(messages.sort()).toEqual([
      'it was read as UTC, as the e-mail standard (RFC 5322) says for these letters (flagged date-zone-military).',
      "the time is read as written, as a time in the case's time zone, UTC (flagged date-zone-missing).",
      'the time is taken from the Received stamp ("Mon, 15 Jan 2024 03:12:44 +0000") instead (flagged time-from-received).',
      'the time is taken from the Received stamp ("Tue, 2 Jan 2024 07:45:12 +0000") instead (flagged time-from-received).',
      'the time is taken from the mbox separator line (the "From " line that starts the message in the mailbox file: 2024-01-07 08:30:00 +0000) instead (flagged time-from-mbox-separator).',
    ]);
  });

  it('names the case file for what the case lists, when the run has one', async () => {
    const problems = await problemsOf('named-like-subject', []);
    const named = problems.filter((p) => p.code === 'CASE_NAMED_BUT_NOT_LISTED');
    expect(named.length).toBeGreaterThan(0);
    for (const p of named) expect(p.file).toBe(path.join(FIXTURES, 'named-like-subject', 'case.json'));
  });
});
