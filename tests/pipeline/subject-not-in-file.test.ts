/**
 * A file where the subject is not found, while they are found in other files, is named in a warning with its
 * senders: a WhatsApp chat where the subject is "Sam" while the case names only their number otherwise counts
 * for nothing, and the accounting table's "kept 84" reads as if it counted. Files with the subject among their
 * senders, with only the victim's records or with no sender are not; and when no identifier matches anywhere,
 * CASE_SUBJECT_NOT_FOUND alone says so.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/model/index.js';
import { subjectAbsentProblems } from '../../src/pipeline/subject-absent.js';
import { listOf } from '../../src/timeline/list.js';
import { timelineOf } from '../helpers/timeline.js';

/** WhatsApp Chat with Sam.txt, one SMS backup and the diary of fixtures/demo-case, without its case file. */
const CASE = 'fixtures/subject-not-in-every-file';
const CHAT = `${CASE}/WhatsApp Chat with Sam.txt`;

async function run(paths: string[], subject: string[], victim: string[] = []) {
  const { t, events } = await timelineOf(paths, () => ({
    subject: { name: undefined, identifiers: subject },
    victim: { name: undefined, identifiers: victim },
  }));
  const subjectCodes = t.problems.list.filter((p) => p.code.startsWith('CASE_SUBJECT'));
  return { t, events, subjectCodes, incidents: events.filter((e) => e.incident).length };
}

describe('a file where the subject is not found, while they are found in other files', () => {
  it('is named with its senders by count, in the problem list beside the others', async () => {
    const { t, incidents } = await run([CASE], ['+447700900123']);
    // The SMS backup's texts from the number, and the diary's rows (a diary is about the subject).
    expect(incidents).toBe(53);
    expect(t.problems.list).toEqual([
      {
        code: 'WHATSAPP_BLOCK_NOTICE',
        severity: 'warning',
        file: CHAT,
        locator: 'line 92',
        message:
          '"You blocked this contact. Tap to unblock." at 2024-03-31 10:12 (UTC): a block or unblock, kept out of the contact counts.',
        hint: 'Add it to the case file as a milestone if it matters to the case.',
      },
      {
        code: 'CASE_SUBJECT_NOT_IN_FILE',
        severity: 'warning',
        file: CHAT,
        message: `None of the 84 events in ${CHAT} is from the subject, who is found in other files, so this file adds no incident. Its senders, with their records: Sam: 74; Alex: 10.`,
        hint: 'If one of them is the subject, add them as written here with --subject (such as --subject "Sam") or to the subject\'s identifiers in the case file, and run again. If none of them is (a conversation with someone else, say), nothing needs doing.',
      },
    ]);
  });

  it('leaves the victim out of the senders it lists', async () => {
    const { subjectCodes } = await run([CASE], ['+447700900123'], ['Alex']);
    expect(subjectCodes).toEqual([
      {
        code: 'CASE_SUBJECT_NOT_IN_FILE',
        severity: 'warning',
        file: CHAT,
        message: `None of the 84 events in ${CHAT} is from the subject, who is found in other files, so this file adds no incident. Its senders besides the victim, with their records: Sam: 74.`,
        hint: 'If this sender is the subject, add --subject "Sam" (or "Sam" to the subject\'s identifiers in the case file) and run again. If not (a conversation with someone else, say), nothing needs doing.',
      },
    ]);
  });

  it('says nothing once the subject is named in every file', async () => {
    const { subjectCodes, incidents } = await run([CASE], ['+447700900123', 'Sam']);
    expect(incidents).toBe(53 + 74);
    expect(subjectCodes).toEqual([]);
  });

  it('leaves a subject found nowhere to CASE_SUBJECT_NOT_FOUND alone, with no warning per file', async () => {
    const { subjectCodes } = await run([CASE], ['+447700900999']);
    expect(subjectCodes.map((p) => p.code)).toEqual(['CASE_SUBJECT_NOT_FOUND']);
  });

  it('is given beside the note on an identifier that matched nothing', async () => {
    const { subjectCodes } = await run([CASE], ['+447700900123', 'sam.carter@example.org']);
    expect(subjectCodes.map((p) => [p.code, p.file])).toEqual([
      ['CASE_SUBJECT_IDENTIFIER_UNUSED', undefined],
      ['CASE_SUBJECT_NOT_IN_FILE', CHAT],
    ]);
  });

  it('counts the subject in records dropped as copies of another file', async () => {
    // The later backup's texts from +447700900123 all fall in its overlap with the earlier one (the number was
    // blocked on 10 March), so the copies kept are the earlier file's: the later one still holds them.
    const later = 'fixtures/demo-case/sms-20240601090000.xml';
    const { t, events, subjectCodes } = await run(
      ['fixtures/demo-case/sms-20240315120000.xml', later],
      ['+447700900123'],
    );
    const k = t.inputs.findIndex((i) => i.path === later);
    expect(t.inputs[k]!.duplicates).toBeGreaterThan(0);
    expect(events.filter((e) => e.input === k && e.role === 'subject')).toEqual([]);
    expect(subjectCodes).toEqual([]);
  });
});

describe('files the warning is not for', () => {
  const base: Omit<TimelineEvent, 'input' | 'sender' | 'senderKey' | 'role'> = {
    ms: Date.UTC(2024, 2, 1),
    precision: 'min',
    channel: 'sms',
    kind: 'message',
    direction: 'incoming',
    incident: false,
    text: 'hi',
    call: undefined,
    conversation: undefined,
    nativeId: undefined,
    flags: undefined,
    details: undefined,
    locator: 1,
  };
  const ev = (input: number, who: Pick<TimelineEvent, 'sender' | 'senderKey' | 'role'>): TimelineEvent => ({
    ...base,
    input,
    ...who,
  });
  const SUBJECT = {
    sender: { id: '+447700900123' },
    senderKey: 'phone:+447700900123',
    role: 'subject',
  } as const;
  const VICTIM = { sender: { name: 'Alex' }, senderKey: 'name:alex', role: 'victim' } as const;
  const JESS = {
    sender: { id: '+447700900003', name: 'Jess' },
    senderKey: 'phone:+447700900003',
    role: 'other',
  } as const;
  const NOBODY = { sender: undefined, senderKey: undefined, role: undefined } as const;
  const input = (path: string, events: number) => ({
    path,
    sha256: '0'.repeat(64),
    bytes: 1,
    format: 'sms-backup-xml',
    records: events,
    events,
    kept: events,
    duplicates: 0,
    skipped: 0,
    rejected: 0,
    skippedReasons: {},
    rejectedReasons: {},
    incomplete: false,
  });

  it('passes over the subject among others, the victim alone and records with no sender', () => {
    const events = listOf([
      ev(0, SUBJECT),
      ev(0, JESS),
      ev(0, VICTIM),
      ev(1, VICTIM),
      ev(2, NOBODY),
      ev(2, VICTIM),
      ev(3, JESS),
      ev(3, NOBODY),
    ]);
    const inputs = ['backup.xml', 'mine.txt', 'calls.xml', 'jess.txt'].map((p, k) =>
      input(p, k === 0 ? 3 : 2),
    );
    const problems = subjectAbsentProblems(events, inputs);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [
        'jess.txt',
        'None of the 2 events in jess.txt is from the subject, who is found in other files, so this file adds no incident. Its senders, with their records: +447700900003 (Jess): 1.',
      ],
    ]);
    expect(problems[0]!.hint).toContain('--subject "+447700900003"');
  });

  it('lists three senders at most, and how many more', () => {
    const others = ['1', '2', '3', '4', '5'].map((d, n) => ({
      sender: { id: `+44770090000${d}` },
      senderKey: `phone:+44770090000${d}`,
      role: 'other' as const,
      n: 5 - n,
    }));
    const events = listOf([
      ev(0, SUBJECT),
      ...others.flatMap(({ n, ...who }) => Array.from({ length: n }, () => ev(1, who))),
    ]);
    const [p] = subjectAbsentProblems(events, [input('a.xml', 1), input('b.xml', 15)]);
    expect(p!.message).toContain(
      'Its senders, with their records: +447700900001: 5; +447700900002: 4; +447700900003: 3, and 2 more.',
    );
  });
});
