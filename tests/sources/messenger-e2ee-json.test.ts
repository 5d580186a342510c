import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProbe } from '../../src/sources/detect.js';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { runSource, type SourceRun } from '../helpers/run-source.js';

const FIXTURES = 'fixtures/messenger-e2ee-json';
const MAIN = join(FIXTURES, 'Renee Sample_12.json');
const tmp = mkdtempSync(join(tmpdir(), 'chronolog-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function runScratch(doc: unknown): Promise<SourceRun> {
  const file = join(tmp, `t${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return runSource(messengerE2eeJson, file);
}

function probeOf(file: string, bytes = readFileSync(file)) {
  return makeProbe(file.split('/').pop()!, file, bytes.subarray(0, 64 * 1024));
}

describe('messenger-e2ee-json fixtures match their goldens', () => {
  for (const name of ['Renee Sample_12.json', 'correctly-encoded_3.json'])
    it(name, async () => {
      const file = join(FIXTURES, name);
      const run = await runSource(messengerE2eeJson, file);
      const golden = `${file.replace(/\.[a-z0-9]+$/, '')}.expected.json`;
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
});

describe('reading the end-to-end-encrypted export', () => {
  it('reads camelCase messages as instants with ms precision on the Messenger channel, repairing mojibake', async () => {
    const run = await runSource(messengerE2eeJson, MAIN);
    expect(run.events[0]).toEqual({
      locator: 'messages[0]',
      time: { type: 'instant', ms: 1717000000000, precision: 'ms' },
      channel: 'messenger',
      kind: 'message',
      direction: 'unknown',
      sender: { name: 'Renée Sample' },
      text: 'Pick up 😠',
      conversation: 'Renée Sample_12',
      details: { reactions: '😢 by Zoë Example' },
    });
  });

  it('maps link, media, failed media, placeholder and empty records, and rejects the one without timestamp', async () => {
    const run = await runSource(messengerE2eeJson, MAIN);
    expect(run.events.map((e) => [e.locator, e.kind, e.details ?? null])).toEqual([
      ['messages[0]', 'message', { reactions: '😢 by Zoë Example' }],
      ['messages[1]', 'message', null],
      ['messages[2]', 'media', { attachments: './media/0c4e9d2a-1f3b-4b8e-9d6a-5a1c2e3f4a5b.jpeg' }],
      ['messages[3]', 'media', { missingAttachments: '1' }],
      ['messages[4]', 'deleted', null],
      ['messages[5]', 'message', null],
      ['messages[6]', 'media', { attachments: './media/7f1d2c3b-aaaa-4bbb-8ccc-0d1e2f3a4b5c.ogg' }],
      ['messages[7]', 'other', null],
      ['messages[9]', 'message', null],
    ]);
    expect(run.rejected).toEqual([
      {
        code: 'MESSENGER_BAD_TIMESTAMP',
        locator: 'messages[8]',
        message: 'messages[8] has no timestamp.',
        hint: 'The export writes timestamp on every message; this one was probably edited or damaged. Check it in the original download.',
      },
    ]);
    expect(run.accounting).toEqual({ records: 10, events: 9, skipped: 0, rejected: 1 });
  });

  it('leaves correctly encoded text as written', async () => {
    const run = await runSource(messengerE2eeJson, join(FIXTURES, 'correctly-encoded_3.json'));
    expect(run.events.map((e) => e.text)).toEqual(['I’m outside 👀', 'Ã© stays as written']);
    expect(run.warnings.map((w) => w.code)).toEqual(['MESSENGER_MOJIBAKE_NOT_REPAIRED']);
  });

  it('keeps reactions in details, in order, as written or repaired, without changing counts or kinds', async () => {
    const m = (text: string, reactions: unknown, extra: Record<string, unknown> = {}) => ({
      senderName: 'Sam Sample',
      text,
      timestamp: 1717000000000,
      type: 'text',
      isUnsent: false,
      media: [],
      reactions,
      ...extra,
    });
    const run = await runScratch({
      participants: ['Sam Sample', 'Zoë Example'],
      threadName: 'Sam Sample_4',
      messages: [
        m('Answer me', [
          { actor: 'Zoë Example', reaction: '😢' },
          { actor: 'Sam Sample', reaction: '❤' },
        ]),
        m('', [{ actor: 'Zoë Example' }, 'not an entry', { reaction: '👍', actor: '' }]),
        m('', [{ actor: 'Zoë Example', reaction: '😮' }], {
          media: [{ uri: './media/a.jpeg' }],
          type: 'media',
        }),
        m('gone', [{ actor: 'Zoë Example', reaction: '😡' }], { isUnsent: true }),
        m('no reactions', []),
      ],
    });
    expect(run.events.map((e) => [e.kind, e.details?.['reactions'] ?? null])).toEqual([
      ['message', '😢 by Zoë Example, ❤ by Sam Sample'],
      ['other', '? by Zoë Example, 👍 by ?'],
      ['media', '😮 by Zoë Example'],
      ['deleted', '😡 by Zoë Example'],
      ['message', null],
    ]);
    expect(run.accounting).toEqual({ records: 5, events: 5, skipped: 0, rejected: 0 });
  });

  it('warns once per unknown type and reads such records by their content', async () => {
    const m = (type: string, text: string) => ({
      senderName: 'S',
      text,
      timestamp: 1717000000000,
      type,
      isUnsent: false,
      media: [],
    });
    const run = await runScratch({
      participants: ['S', 'J'],
      threadName: 'S_1',
      messages: [m('poll', 'vote'), m('poll', ''), m('text', 'x')],
    });
    expect(run.events.map((e) => e.kind)).toEqual(['message', 'other', 'message']);
    expect(run.warnings.map((w) => w.code)).toEqual(['MESSENGER_UNKNOWN_TYPE', 'MESSENGER_NO_CONTENT']);
  });

  it('fails with the position of a truncation, keeping what came before', async () => {
    const text = readFileSync(MAIN, 'utf8');
    const file = join(tmp, 'cut_1.json');
    writeFileSync(file, text.slice(0, text.indexOf('"Failed to download media"')));
    const run = await runSource(messengerE2eeJson, file);
    expect(run.events).toHaveLength(3);
    expect(run.failure).toMatchObject({ code: 'MESSENGER_JSON_TRUNCATED', locator: 'messages[3]' });
  });

  it('rejects an entry nested 100,000 deep with its locator and reads the messages after it', async () => {
    const msg = (ms: number, text: string) =>
      `{"senderName": "Sam", "text": "${text}", "timestamp": ${ms}, "type": "text", "isUnsent": false, "media": [], "reactions": []}`;
    const file = join(tmp, 'Sam_1.json');
    writeFileSync(
      file,
      `{"participants": ["Sam", "Me"], "threadName": "Sam_1", "messages": [${msg(1709316262000, 'before')}, ` +
        `${'['.repeat(100_000)}${']'.repeat(100_000)}, ${msg(1709316264000, 'after')}]}`,
    );
    const run = await runSource(messengerE2eeJson, file);
    expect(run.events.map((e) => [e.locator, e.text])).toEqual([
      ['messages[0]', 'before'],
      ['messages[2]', 'after'],
    ]);
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'MESSENGER_JSON_TOO_DEEP',
        'messages[1]',
        'This entry is nested more than 512 levels deep, which no Messenger or Instagram export writes; it was not read.',
      ],
    ]);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 3, events: 2, skipped: 0, rejected: 1 });
  });
});

describe('detect', () => {
  it('claims the E2EE fixtures and an empty thread file', () => {
    expect(messengerE2eeJson.detect(probeOf(MAIN))).toBe(true);
    expect(messengerE2eeJson.detect(probeOf(join(FIXTURES, 'correctly-encoded_3.json')))).toBe(true);
    const empty = Buffer.from('{"participants": ["A", "B"], "threadName": "B_49", "messages": []}');
    expect(messengerE2eeJson.detect(probeOf('B_49.json', empty))).toBe(true);
  });

  it('is not claimed by the classic source, and does not claim classic threads', () => {
    expect(messengerJson.detect(probeOf(MAIN))).toBe(false);
    expect(messengerE2eeJson.detect(probeOf('fixtures/messenger-json/group-notices.json'))).toBe(false);
    const other = Buffer.from('{"messages": [{"senderName": "a", "timestamp": 1}]}');
    expect(messengerE2eeJson.detect(probeOf('chat.json', other))).toBe(false);
  });
});

describe('placeholders, by what they say', () => {
  const FILE = 'fixtures/messenger-e2ee-json-placeholders/Sam Sample_4.json';

  it('reads only an unsend as deleted; calls, attachments and unavailable messages keep their own kind', async () => {
    const run = await runSource(messengerE2eeJson, FILE);
    expect(run.events.map((e) => [e.locator, e.kind, e.sender?.name, e.call?.status, e.flags])).toEqual([
      ['messages[0]', 'deleted', 'Sam Sample', undefined, undefined],
      // Sent, but its content is not in the download: still a contact, of unknown kind.
      ['messages[1]', 'other', 'Sam Sample', undefined, ['MESSENGER_NO_CONTENT']],
      ['messages[2]', 'media', 'Sam Sample', undefined, undefined],
      ['messages[3]', 'call', 'Sam Sample', 'missed', undefined],
      // The owner's own call, never a missed one.
      ['messages[4]', 'call', 'Zoë Example', 'outgoing', undefined],
      ['messages[6]', 'other', 'Sam Sample', undefined, ['MESSENGER_NO_CONTENT']],
      ['messages[7]', 'deleted', 'Sam Sample', undefined, undefined],
      ['messages[8]', 'message', 'Sam Sample', undefined, undefined],
    ]);
    expect(run.skipped).toEqual([{ reason: 'settings-notice', locator: 'messages[5]' }]);
    // Words not recognised are kept and named once; "Message unavailable" is known and not warned about.
    expect(run.warnings.filter((w) => w.code === 'MESSENGER_PLACEHOLDER_UNKNOWN')).toEqual([
      {
        code: 'MESSENGER_PLACEHOLDER_UNKNOWN',
        locator: 'messages[6]',
        message:
          'A placeholder reads "Sam Sample shared a live location.", which is not a known wording; it is kept as kind "other", with no content.',
      },
    ]);
    expect(run.accounting).toEqual({ records: 9, events: 8, skipped: 1, rejected: 0 });
  });
});

describe('call placeholders in a group, where the owner is not shown', () => {
  const FILE = 'fixtures/messenger-group-calls/Flat 4_3.json';

  it('are missed only when the words say the owner missed someone else’s call', async () => {
    const run = await runSource(messengerE2eeJson, FILE);
    expect(run.events.map((e) => [e.locator, e.kind, e.sender?.name, e.call?.status])).toEqual([
      ['messages[0]', 'message', 'Sam Sample', undefined],
      // Filed under Zoë, the owner, whom a group thread does not name as such: maybe her own unanswered call.
      ['messages[1]', 'call', 'Zoë Example', 'unknown'],
      ['messages[2]', 'call', 'Sam Sample', 'missed'],
      // Jo missed it, not the owner; whose call it was is not said.
      ['messages[3]', 'call', 'Jo Example', 'unknown'],
      // Sam placed it; how it ended is not said.
      ['messages[4]', 'call', 'Sam Sample', 'unknown'],
    ]);
    expect(run.warnings.filter((w) => w.code === 'MESSENGER_CALLER_UNKNOWN').map((w) => w.locator)).toEqual([
      'messages[1]',
    ]);
  });

  it('keep the words’ missed mark on a call whose status cannot say it', async () => {
    const run = await runSource(messengerE2eeJson, FILE);
    expect(run.events.map((e) => [e.locator, e.details?.['calleeMissed']])).toEqual([
      ['messages[0]', undefined],
      // "Missed video call" under the owner, who is not shown: the person called did not answer.
      ['messages[1]', 'true'],
      // The owner missed Sam's call: the status says so already.
      ['messages[2]', undefined],
      // "Jo Example missed a video chat."
      ['messages[3]', 'true'],
      ['messages[4]', undefined],
    ]);
  });
});
