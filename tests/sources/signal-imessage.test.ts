import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProbe } from '../../src/sources/detect.js';
import { imessageTxt } from '../../src/sources/imessage-txt.js';
import { type Source, sources } from '../../src/sources/index.js';
import { signalChat } from '../../src/sources/signal-chat.js';
import { reactors } from '../../src/sources/signal-export.js';
import { signalJson } from '../../src/sources/signal-json.js';
import { runSource } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';

const CASES: [Source, string][] = [
  [signalChat, 'fixtures/signal-chat/chat.md'],
  [signalChat, 'fixtures/signal-chat/older-comma-no-seconds.txt'],
  [signalChat, 'fixtures/signal-chat/padded-calls-quotes-stickers/chat.md'],
  [signalJson, 'fixtures/signal-json/data.json'],
  [signalJson, 'fixtures/signal-json/padded-calls-quotes-stickers/data.json'],
  [imessageTxt, 'fixtures/imessage-txt/+447700900123.txt'],
  [imessageTxt, 'fixtures/imessage-txt/+447700900123, +447700900456.txt'],
];

describe.each(CASES)('%s', (source, file) => {
  it(`${file} matches its golden, and the accounting adds up`, async () => {
    const run = await runSource(source, file);
    expect(run).toEqual(JSON.parse(readFileSync(file.replace(/\.[a-z]+$/, '.expected.json'), 'utf8')));
    expect(run.accounting.records).toBe(
      run.accounting.events + run.accounting.skipped + run.accounting.rejected,
    );
  });

  it(`${file} is detected as ${source.id} and by no other source`, () => {
    const head = readFileSync(file).subarray(0, 65536);
    const probe = makeProbe(file.split('/').pop()!, file, head);
    expect(sources.filter((s) => s.detect(probe)).map((s) => s.id)).toEqual([source.id]);
  });
});

const HINT = 'Check this line of data.json; other lines were read.';

describe('Signal and iMessage specifics', () => {
  it("takes the reactors' names from a chat.md reaction line, a comma inside a name included, without Me", () => {
    expect(reactors('(- Me: 😡, Jo Example: 👀 -)')).toEqual(['Jo Example']);
    // signal-export joins items with ", " unescaped: an item without ": " belongs to the name before it.
    expect(reactors('(- Okafor, Joanne: 👍, Riley Sample: 😂 -)')).toEqual([
      'Okafor, Joanne',
      'Riley Sample',
    ]);
    // A name holding ": " keeps all but the emoji after the last one.
    expect(reactors('(- Dr: Who: ❤️ -)')).toEqual(['Dr: Who']);
    // Attachment links after the reactions on the same line are no names.
    expect(reactors('(- Sam: 👎 -)![IMG_0101.jpg](./media/IMG_0101.jpg)  ')).toEqual(['Sam']);
    expect(reactors('no reactions here')).toEqual([]);
  });

  it('tells the context the people who only react, once each, from chat.md and data.json alike', async () => {
    for (const [source, file] of [
      [signalChat, 'fixtures/signal-chat/silent-reactor/chat.md'],
      [signalJson, 'fixtures/signal-json/silent-reactor/data.json'],
    ] as const) {
      const run = await runSource(source, file);
      expect([...(await timelineOf([file])).t.people]).toEqual([
        'Priya Nandakumar',
        'Okafor, Joanne',
        'Riley Sample',
      ]);
      // The reactions are not messages, nor part of any text.
      expect(run.events.map((e) => e.text)).toEqual([
        'Did Priya tell you I was outside your work today?',
        'Please stop contacting me.',
        'Ask Nandakumar, she saw me',
        "Joanne won't help you either",
      ]);
    }
  });

  it('reads "Me" as the exporter and keeps multi-line messages, without counting reactions', async () => {
    const run = await runSource(signalChat, 'fixtures/signal-chat/chat.md');
    expect(run.events[1]!.text).toBe('Answer me.\nI know you read it');
    expect(run.events[2]).toMatchObject({ direction: 'outgoing', sender: { role: 'victim' } });
    expect(run.events.map((e) => e.kind)).toEqual([
      'message',
      'message',
      'message',
      'media',
      'deleted',
      'message',
    ]);
  });

  it('reads chat.md and data.json of one signal-export conversation alike, so the timeline counts each once', async () => {
    // Both files as the current signal-export writes them (padding, reactions, stickers, attachments, a quoted
    // reply, call sentences, a deleted message, a blank line after each chat.md message).
    const md = await runSource(signalChat, 'fixtures/signal-chat/padded-calls-quotes-stickers/chat.md');
    const json = await runSource(signalJson, 'fixtures/signal-json/padded-calls-quotes-stickers/data.json');
    const alike = (e: (typeof md.events)[number]) => ({ ...e, locator: 0 });
    expect(md.events.length).toBe(14);
    expect(md.events.map(alike)).toEqual(json.events.map(alike));
    expect(md.events.map((e) => e.kind)).toEqual([
      'message',
      'media',
      'message',
      'media',
      'media',
      'media',
      'message',
      'message',
      'call',
      'call',
      'call',
      'call',
      'deleted',
      'message',
    ]);
    expect(md.events.filter((e) => e.call).map((e) => e.call)).toEqual([
      { status: 'missed' },
      { status: 'answered', durationSec: 182 },
      { status: 'rejected' },
      { status: 'outgoing' },
    ]);
    expect(md.events[7]).toMatchObject({
      text: "You can't make me",
      details: { quote: 'Please stop.\nI mean it.' },
    });
    expect(md.events[2]!.text).toBe('look at this https://example.org/your-street');
  });

  it('never uses the 1970 placeholder date of signal-export and rejects a damaged line', async () => {
    const run = await runSource(signalJson, 'fixtures/signal-json/data.json');
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['SIGNAL_BAD_DATE', 4],
      ['SIGNAL_BAD_JSON', 6],
    ]);
    expect(run.events.find((e) => e.kind === 'call')).toMatchObject({ call: { status: 'missed' } });
  });

  it('rejects a line that is JSON but no object (array, string, number, null) with what was expected, and reads on', async () => {
    // A data.json someone opened and saved in an editor that "tidied" it: a message replaced by its body alone,
    // another by a list of its fields, a deleted one by null, one by a number.
    const dir = mkdtempSync(join(tmpdir(), 'chronolog-test-'));
    try {
      const file = join(dir, 'data.json');
      writeFileSync(
        file,
        [
          '{"date": "2024-03-01 18:04:22", "sender": "Sam", "body": "Why are you ignoring me", "quote": "", "reactions": [], "attachments": []}',
          '"Answer me"',
          '["2024-03-01 18:05:10", "Sam", "I know where you are"]',
          'null',
          '1709316400000',
          '{"date": "2024-03-01 18:07:31", "sender": "Me", "body": "Please stop contacting me.", "quote": "", "reactions": [], "attachments": []}',
          '',
        ].join('\n'),
      );
      const run = await runSource(signalJson, file);
      expect(run.failure).toBeUndefined();
      expect(run.events.map((e) => [e.locator, e.text])).toEqual([
        [1, 'Why are you ignoring me'],
        [6, 'Please stop contacting me.'],
      ]);
      const expected =
        'signal-export writes one message per line, a JSON object such as {"date": …, "sender": …, "body": …}';
      expect(run.rejected.map((r) => [r.code, r.locator, r.message, r.hint])).toEqual([
        [
          'SIGNAL_NOT_OBJECT',
          2,
          `line 2 is a string in JSON ("Answer me"), not a message: ${expected}`,
          HINT,
        ],
        [
          'SIGNAL_NOT_OBJECT',
          3,
          `line 3 is an array in JSON (["2024-03-01 18:05:10", "Sam", "I know where you are"]), not a message: ${expected}`,
          HINT,
        ],
        ['SIGNAL_NOT_OBJECT', 4, `line 4 is the JSON value null, not a message: ${expected}`, HINT],
        [
          'SIGNAL_NOT_OBJECT',
          5,
          `line 5 is a number in JSON (1709316400000), not a message: ${expected}`,
          HINT,
        ],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a line of data.json nested 100,000 deep with its line number and reads the lines after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronolog-test-'));
    try {
      const line = (date: string, body: string) =>
        `{"date": ${date}, "sender": "Sam", "body": "${body}", "quote": "", "reactions": [], "attachments": []}`;
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const file = join(dir, 'data.json');
      writeFileSync(
        file,
        `${[line('"2024-03-01 18:04:22"', 'before'), line(deep, 'x'), line('"2024-03-01 18:06:22"', 'after')].join('\n')}\n`,
      );
      const run = await runSource(signalJson, file);
      expect(run.events.map((e) => [e.locator, e.text])).toEqual([
        [1, 'before'],
        [3, 'after'],
      ]);
      expect(run.rejected).toEqual([
        {
          code: 'SIGNAL_TOO_DEEP',
          locator: 2,
          message:
            'line 2 is nested more than 512 levels deep, which signal-export never writes; it was not read',
          hint: 'Check this line of data.json; other lines were read.',
        },
      ]);
      expect(run.failure).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a line of data.json of more than a million values before parsing it and reads the lines after it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chronolog-test-'));
    try {
      // The object, its date, sender and body, the reactions array and `n` empty objects in it: n + 5 values.
      const line = (date: string, body: string, n: number) =>
        `{"date": "${date}", "sender": "Sam", "body": "${body}", "reactions": [${Array(n).fill('{}').join(',')}]}`;
      const file = join(dir, 'data.json');
      writeFileSync(
        file,
        `${[
          line('2024-03-01 18:04:22', 'before', 0),
          line('2024-03-01 18:05:22', 'a million values', 999_995),
          line('2024-03-01 18:06:22', 'one more', 999_996),
          line('2024-03-01 18:07:22', 'after', 0),
        ].join('\n')}\n`,
      );
      const run = await runSource(signalJson, file);
      expect(run.events.map((e) => [e.locator, e.text])).toEqual([
        [1, 'before'],
        [2, 'a million values'],
        [4, 'after'],
      ]);
      expect(run.rejected).toEqual([
        {
          code: 'SIGNAL_TOO_LARGE',
          locator: 3,
          message:
            'line 3 is made of more than 1,000,000 values, which no signal-export message is; it was not read',
          hint: 'Check this line of data.json; other lines were read.',
        },
      ]);
      expect(run.accounting).toEqual({ records: 4, events: 3, skipped: 0, rejected: 1 });
      expect(run.failure).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the space-padded 12-hour clock, keeps a blank line inside a message and skips renames', async () => {
    const run = await runSource(imessageTxt, 'fixtures/imessage-txt/+447700900123.txt');
    expect(run.events.map((e) => (e.time.type === 'local' ? e.time.local : ''))).toEqual([
      '2024-05-17T17:29:42',
      '2024-05-17T17:31:02',
      '2024-05-17T23:58:10',
      '2024-05-18T00:01:33',
      '2024-05-18T00:03:00',
    ]);
    expect(run.events[2]!.text).toBe("I'm outside.\n\nOpen the door.");
    expect(run.skipped).toEqual([{ reason: 'conversation-notice', locator: 23 }]);
  });

  it('skips group announcements written on the timestamp line, without folding them into the message before', async () => {
    // imessage-exporter writes "{time} {who} renamed the conversation to {name}" and the other announcements
    // as one line and a blank line; they were read as text of the message above (or, first in the file, made
    // the conversation unrecognised).
    const run = await runSource(imessageTxt, 'fixtures/imessage-txt/+447700900123, +447700900456.txt');
    expect(run.events.map((e) => [e.locator, e.sender?.id, e.text])).toEqual([
      [3, '+447700900123', "You can't ignore both of us."],
      [7, '+447700900456', "He's right."],
      [17, '+447700900123', 'Still here?'],
    ]);
    expect(run.skipped).toEqual(
      [1, 11, 13, 15].map((locator) => ({ reason: 'conversation-notice', locator })),
    );
    expect(run.rejected).toEqual([]);
    expect(run.accounting).toEqual({ records: 7, events: 3, skipped: 4, rejected: 0 });
  });

  it('rejects a stamp imessage-exporter cannot write (13 PM, 0 AM, minute 61, 30 February) with its line', async () => {
    // "13:10:00 PM" was read as 13:10 and "0:05:12 AM" as 00:05: a 12-hour clock runs 1 to 12, so the stamp was
    // changed after export and any reading of it is a guess. Their sender and text lines stay with them.
    const run = await runSource(imessageTxt, 'fixtures/imessage-txt-bad-stamps/+447700900789.txt');
    expect(run.events.map((e) => [e.locator, e.time.type === 'local' ? e.time.local : '', e.text])).toEqual([
      [1, '2024-06-02T21:14:05', 'You changed your number. I found the new one.'],
      [13, '2024-06-03T00:20:41', 'Still up?'],
      [25, '2024-06-03T07:45:10', 'Please stop messaging me.'],
    ]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['IMESSAGE_BAD_TIME', 5],
      ['IMESSAGE_BAD_TIME', 9],
      ['IMESSAGE_BAD_TIME', 17],
      ['IMESSAGE_BAD_TIME', 21],
    ]);
    expect(run.rejected[0]!.message).toBe(
      'the message at line 5 is stamped "Jun 2, 2024 13:10:00 PM", which imessage-exporter never writes: the hour 13 is not on a 12-hour clock (1 to 12)',
    );
    expect(run.rejected[2]!.message).toContain('Feb 30, 2024 is not a date');
    expect(run.rejected[3]!.message).toContain('the minutes or seconds are above 59');
    expect(run.accounting).toEqual({ records: 7, events: 3, skipped: 0, rejected: 4 });
  });
});
