/**
 * Files on a channel where the subject is not found, while they are found in other files, are named in one
 * warning with their senders: a WhatsApp chat where the subject is "Sam" while the case names only their number
 * otherwise counts for nothing, and the accounting table's "kept 84" reads as if it counted. Files with the
 * subject among their senders, on a channel where the subject is found (a Messenger thread with someone else),
 * with only the victim's records or with no sender are not; and when no identifier matches anywhere,
 * CASE_SUBJECT_NOT_FOUND alone says so.
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../src/model/index.js';
import type { Channel } from '../../src/model/vocabulary.js';
import { namedByOption } from '../../src/pipeline/named-in.js';
import { subjectAbsentProblems } from '../../src/pipeline/subject-absent.js';
import { listOf } from '../../src/timeline/list.js';
import { timelineOf } from '../helpers/timeline.js';

/** WhatsApp Chat with Sam.txt, one SMS backup and the diary of fixtures/demo-case, without its case file. */
const CASE = 'fixtures/subject-not-in-every-file';
const CHAT = `${CASE}/WhatsApp Chat with Sam.txt`;
/** A subject named with --subject, in a run with no case file. */
const BY_OPTION = namedByOption('subject', ['+447700900123']);

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
        hint: 'If one of them is the subject, add them as written here with --subject (such as --subject Sam), and run again. If none of them is (a conversation with someone else, say), nothing needs doing.',
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
        hint: 'If this sender is the subject, add --subject Sam and run again. If not (a conversation with someone else, say), nothing needs doing.',
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

describe('files the warning is not for, and files told about together', () => {
  const base: Omit<TimelineEvent, 'input' | 'sender' | 'senderKey' | 'role' | 'channel'> = {
    ms: Date.UTC(2024, 2, 1),
    precision: 'min',
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
  type WhoOf = Pick<TimelineEvent, 'sender' | 'senderKey' | 'role'>;
  const ev = (input: number, who: WhoOf, channel: Channel = 'sms'): TimelineEvent => ({
    ...base,
    input,
    channel,
    ...who,
  });
  const SUBJECT = {
    sender: { id: '+447700900123' },
    senderKey: 'phone:+447700900123',
    role: 'subject',
  } as const;
  const VICTIM = { sender: { name: 'Alex' }, senderKey: 'name:alex', role: 'victim' } as const;
  const person = (name: string): WhoOf => ({
    sender: { name },
    senderKey: `name:${name.toLowerCase()}`,
    role: 'other',
  });
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

  it('passes over the subject among others, their channel, the victim alone and records with no sender', () => {
    const events = listOf([
      ev(0, SUBJECT),
      ev(0, JESS),
      ev(0, VICTIM),
      ev(1, VICTIM, 'whatsapp'),
      ev(2, NOBODY, 'call'),
      ev(2, VICTIM, 'call'),
      ev(3, JESS, 'whatsapp'),
      ev(3, NOBODY, 'whatsapp'),
      // Someone else's texts in another backup: the subject is found on sms, so this is ordinary.
      ev(4, JESS),
    ]);
    const inputs = ['backup.xml', 'mine.txt', 'calls.xml', 'jess.txt', 'other.xml'].map((p, k) =>
      input(p, k === 0 ? 3 : k === 4 ? 1 : 2),
    );
    const problems = subjectAbsentProblems(events, inputs, BY_OPTION);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [
        'jess.txt',
        'None of the 2 events in jess.txt is from the subject, who is found in other files, so this file adds no incident. Its senders, with their records: +447700900003 (Jess): 1.',
      ],
    ]);
    expect(problems[0]!.hint).toContain('--subject +447700900003');
  });

  it('passes over a file whose only other channel holds no subject, when one of its channels does', () => {
    // An SMS backup whose calls are all from others, while the subject texts from another backup.
    const events = listOf([ev(0, SUBJECT), ev(1, JESS, 'call'), ev(1, JESS, 'call'), ev(1, JESS)]);
    expect(subjectAbsentProblems(events, [input('a.xml', 1), input('b.xml', 3)], BY_OPTION)).toEqual([]);
  });

  it('passes over many threads with other people on a channel where the subject is found', () => {
    // A Facebook download: one input per thread, the subject in one of them.
    const friends = Array.from({ length: 40 }, (_, k) => person(`Friend ${k + 2}`));
    const events = listOf([
      ev(0, SUBJECT, 'messenger'),
      ev(0, VICTIM, 'messenger'),
      ...friends.flatMap((f, k) => [ev(k + 1, f, 'messenger'), ev(k + 1, VICTIM, 'messenger')]),
    ]);
    const inputs = Array.from({ length: 41 }, (_, k) => input(`inbox/thread_${k}/message_1.json`, 2));
    expect(subjectAbsentProblems(events, inputs, BY_OPTION)).toEqual([]);
  });

  it('tells about several files on a channel without the subject once, naming three files and three senders', () => {
    const [ravi, mum, priya] = ['Ravi', 'Mum', 'Priya'].map(person) as [WhoOf, WhoOf, WhoOf];
    const events = listOf([
      ev(0, SUBJECT),
      ev(1, JESS, 'whatsapp'),
      ev(1, JESS, 'whatsapp'),
      ev(1, VICTIM, 'whatsapp'),
      ev(2, mum, 'whatsapp'),
      ev(3, ravi, 'whatsapp'),
      ev(3, ravi, 'whatsapp'),
      ev(3, ravi, 'whatsapp'),
      ev(4, priya, 'whatsapp'),
      ev(5, JESS, 'whatsapp'),
      ev(5, NOBODY, 'whatsapp'),
      // A file on its own channel: its own warning, in the words for one file.
      ev(6, person('Sam'), 'telegram'),
    ]);
    const inputs = [
      input('sms.xml', 1),
      input('chat-jess.txt', 3),
      input('chat-mum.txt', 1),
      input('chat-ravi.txt', 3),
      input('chat-priya.txt', 1),
      input('chat-jess-2.txt', 2),
      input('telegram.json', 1),
    ];
    const problems = subjectAbsentProblems(events, inputs, BY_OPTION);
    // Jess's count is over both of her chats; a fourth sender is named rather than "and 1 more".
    expect(problems.map((p) => [p.code, p.file, p.message, p.hint])).toEqual([
      [
        'CASE_SUBJECT_NOT_IN_FILE',
        'chat-jess.txt',
        'None of the 10 events in the 5 whatsapp files (chat-jess.txt; chat-mum.txt; chat-ravi.txt, and 2 more) is from the subject, who is found in other files but in no whatsapp file, so these files add no incident. Their senders besides the victim, with their records: Ravi: 3; +447700900003 (Jess): 3; Mum: 1; Priya: 1.',
        'If one of them is the subject, add them as written here with --subject (such as --subject Ravi), and run again. If none of them is (a conversation with someone else, say), nothing needs doing.',
      ],
      [
        'CASE_SUBJECT_NOT_IN_FILE',
        'telegram.json',
        'The one event in telegram.json is not from the subject, who is found in other files, so this file adds no incident. Its senders, with their records: Sam: 1.',
        'If this sender is the subject, add --subject Sam and run again. If not (a conversation with someone else, say), nothing needs doing.',
      ],
    ]);
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
      ...others.flatMap(({ n, ...who }) => Array.from({ length: n }, () => ev(1, who, 'whatsapp'))),
    ]);
    const [p] = subjectAbsentProblems(events, [input('a.xml', 1), input('b.xml', 15)], BY_OPTION);
    expect(p!.message).toContain(
      'Its senders, with their records: +447700900001: 5; +447700900002: 4; +447700900003: 3, and 2 more.',
    );
  });
});
