/**
 * The warning on files where the subject is not found (CASE_SUBJECT_NOT_IN_FILE, pipeline/subject-absent.ts)
 * reaches every report through the problem list: the terminal text, JSON, Markdown and HTML all carry it. Files on
 * one channel without the subject are told about in one warning, and none on a channel where the subject is found.
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
      // In HTML the path is a run of more than 20 characters, in a span that may break anywhere (escape.ts).
      const shown =
        format === 'html' ? r.stdout.replace(/<span class="brk">([^<]*)<\/span>/g, '$1') : r.stdout;
      expect(shown).toContain(SAID);
      expect(r.stdout).toContain('nothing needs doing');
      if (format !== 'text') expect(r.stdout).toContain('CASE_SUBJECT_NOT_IN_FILE');
    });
  }
});

describe('several files on a channel where the subject is not found', () => {
  // Five WhatsApp chats with other people (one of them the subject's, as "Sam"); the subject, named by number,
  // is found in the SMS backup alone.
  const FILES = 'fixtures/subject-not-on-channel';

  it('are told about in one warning that names the channel, three of the files and the top senders', () => {
    const r = cli([
      'report',
      FILES,
      '--subject',
      '+447700900123',
      '--victim',
      'Alex',
      '--tz',
      'UTC',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    const found = ReportSchema.parse(JSON.parse(r.stdout)).problems.filter(
      (p) => p.code === 'CASE_SUBJECT_NOT_IN_FILE',
    );
    expect(found.map((p) => [p.severity, p.file, p.message])).toEqual([
      [
        'warning',
        `${FILES}/WhatsApp Chat with Jess.txt`,
        `None of the 13 events in the 5 whatsapp files (${FILES}/WhatsApp Chat with Jess.txt; ${FILES}/WhatsApp Chat with Mum.txt; ${FILES}/WhatsApp Chat with Priya.txt, and 2 more) is from the subject, who is found in other files but in no whatsapp file, so these files add no incident. Their senders besides the victim, with their records: Jess: 3; Sam: 3; Ravi: 2, and 2 more.`,
      ],
    ]);
    expect(found[0]!.hint).toContain('--subject Jess');
  });

  it('give no warning once the subject is found on the channel', () => {
    const r = cli([
      'report',
      FILES,
      '--subject',
      '+447700900123',
      '--subject',
      'Sam',
      '--tz',
      'UTC',
      '-f',
      'json',
    ]);
    expect(r.code).toBe(0);
    const codes = ReportSchema.parse(JSON.parse(r.stdout)).problems.map((p) => p.code);
    expect(codes).not.toContain('CASE_SUBJECT_NOT_IN_FILE');
  });
});
