import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { detect, makeProbe } from '../../src/sources/detect.js';
import { discordJson } from '../../src/sources/discord-json/index.js';
import { DISCORD_EPOCH, parseIsoInstant, snowflakeMs } from '../../src/sources/discord-json/time.js';
import type { SourceContext, SourceInput } from '../../src/sources/index.js';
import { inPieces, runInput, runSource, type SourceRun } from '../helpers/run-source.js';

const FIXTURES = 'fixtures/discord-json';
const tmp = mkdtempSync(join(tmpdir(), 'chronolog-discord-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scratch(text: string): Promise<SourceRun> {
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  return runSource(discordJson, file);
}

/** A DCE document around the given messages (a variation for one assertion, not a fixture). */
function dce(messages: unknown[]): string {
  return JSON.stringify({
    guild: { id: '0', name: 'Direct Messages' },
    channel: { id: '1', type: 'DirectTextChat', name: 'Sam' },
    messages,
    messageCount: messages.length,
  });
}

const message = (over: Record<string, unknown> = {}) => ({
  id: '1213302453190656001',
  type: 'Default',
  timestamp: '2024-03-01T18:04:11.532+00:00',
  content: 'hi',
  author: { id: '900000000000000101', name: 'sam.sample', discriminator: '0000', nickname: 'Sam' },
  ...over,
});

/** The same file handed over in pieces of `size` bytes. */
function chunked(file: string, size: number): SourceInput {
  return pieces(readFileSync(file), size, file);
}

const pieces = (bytes: Buffer, size: number, path = 'mem/chat.json'): SourceInput =>
  inPieces(bytes, size, path, 'chat.json');

async function events(input: SourceInput): Promise<ParsedEvent[]> {
  const out: ParsedEvent[] = [];
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: (e) => void out.push(e),
    skip: () => {},
    reject: () => {},
    warn: () => {},
    progress: () => {},
  };
  await discordJson.parse(input, ctx);
  return out;
}

describe('discord-json fixtures match their goldens', () => {
  for (const name of [
    'dm-mixed.json',
    'group-dm.json',
    'server-channel.json',
    'damaged-times.json',
    'truncated.json',
    'dm-silent-recipient.json',
  ]) {
    it(name, async () => {
      const file = join(FIXTURES, name);
      const run = await runSource(discordJson, file);
      const golden = file.replace(/\.json$/, '.expected.json');
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('reading a DM export', () => {
  it('keeps each stamp as an instant to the millisecond, whatever offset the exporting computer had', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'dm-mixed.json'));
    expect(run.events[0]).toMatchObject({
      locator: 'messages[0]',
      time: { type: 'instant', ms: Date.UTC(2024, 2, 1, 18, 4, 11, 532), precision: 'ms' },
      channel: 'discord',
      kind: 'message',
      direction: 'unknown',
      sender: { id: '900000000000000101', idType: 'account', name: 'sam.sample' },
      text: 'Why are you ignoring me',
      conversation: 'Sam',
    });
    // "2024-03-31T23:58:59.999+01:00" is 22:58:59.999 UTC.
    expect(run.events.find((e) => e.locator === 'messages[8]')!.time).toEqual({
      type: 'instant',
      ms: Date.UTC(2024, 2, 31, 22, 58, 59, 999),
      precision: 'ms',
    });
  });

  it('uses the snowflake id as the native id, so the same message in two exports counts once', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'dm-mixed.json'));
    for (const e of run.events) {
      expect(e.nativeId).toMatch(/^\d{18,20}$/);
      expect(snowflakeMs(e.nativeId!, DISCORD_EPOCH)).toBe(e.time.type === 'instant' ? e.time.ms : -1);
    }
  });

  it('reads calls with their length, but never claims whether anyone answered', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'dm-mixed.json'));
    const calls = run.events.filter((e) => e.kind === 'call');
    expect(calls.map((e) => [e.locator, e.call, e.flags ?? [], e.text])).toEqual([
      ['messages[3]', { status: 'unknown', durationSec: 103 }, [], undefined],
      ['messages[8]', { status: 'unknown' }, ['call-end-unknown'], undefined],
    ]);
  });

  it('counts attachment-only and sticker-only messages as media, naming the files', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'dm-mixed.json'));
    const media = run.events.filter((e) => e.kind === 'media');
    expect(media.map((e) => [e.locator, e.text, e.details])).toEqual([
      ['messages[4]', undefined, { nickname: 'Sam', attachments: 'IMG_2231.jpg' }],
      ['messages[6]', undefined, { nickname: 'Sam', stickers: 'Wave' }],
    ]);
  });

  it('skips system entries by type, keeps replies and marks edits with the edit time', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'dm-mixed.json'));
    expect(run.skipped).toEqual([
      { reason: 'system-channel-pinned-message', locator: 'messages[5]' },
      { reason: 'system-recipient-add', locator: 'messages[9]' },
    ]);
    const reply = run.events.find((e) => e.locator === 'messages[2]')!;
    expect(reply.details?.['replyTo']).toBe(run.events.find((e) => e.locator === 'messages[1]')!.nativeId);
    const edited = run.events.find((e) => e.locator === 'messages[7]')!;
    expect(edited.flags).toEqual(['edited']);
    expect(edited.details?.['editedAt']).toBe('2024-03-31T01:10:15.000Z');
    expect(run.accounting).toEqual({ records: 10, events: 8, skipped: 2, rejected: 0 });
    expect(run.warnings).toEqual([]);
  });

  it('reads the file the same however its bytes are split (BOM and multi-byte characters across chunks)', async () => {
    const whole = await events(chunked(join(FIXTURES, 'dm-mixed.json'), 1 << 20));
    for (const size of [1, 2, 7, 333]) {
      expect(await events(chunked(join(FIXTURES, 'dm-mixed.json'), size))).toEqual(whole);
    }
    const group = await events(chunked(join(FIXTURES, 'group-dm.json'), 1 << 20));
    expect(await events(chunked(join(FIXTURES, 'group-dm.json'), 3))).toEqual(group);
  });
});

describe("a one-to-one DM's recipient, for anonymise (SourceContext.people)", () => {
  /** The `people` calls a parse of `input` makes. */
  async function peopleOf(input: SourceInput): Promise<string[][]> {
    const calls: string[][] = [];
    const ctx: SourceContext = {
      options: { timezone: 'Europe/London' },
      emit: () => {},
      skip: () => {},
      reject: () => {},
      warn: () => {},
      progress: () => {},
      people: (names) => void calls.push([...names]),
    };
    await discordJson.parse(input, ctx);
    return calls;
  }

  it('tells the channel name of a DM whose recipient never writes, once, whatever the chunks', async () => {
    const file = join(FIXTURES, 'dm-silent-recipient.json');
    for (const size of [1 << 20, 61, 7, 1])
      expect(await peopleOf(chunked(file, size)), `chunks of ${size}`).toEqual([['Jordan Reyes']]);
    expect(await peopleOf(chunked(join(FIXTURES, 'dm-mixed.json'), 1 << 20))).toEqual([['Sam']]);
  });

  it("tells no group DM's or server channel's name", async () => {
    for (const name of ['group-dm.json', 'server-channel.json'])
      expect(await peopleOf(chunked(join(FIXTURES, name), 1 << 20)), name).toEqual([]);
  });
});

describe('group DMs and server channels', () => {
  it('names the sender by unique username (old-style name#1234) as the CSV does, keeps the nickname, lists mentions and reactions', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'group-dm.json'));
    expect(run.events.map((e) => [e.sender, e.details])).toEqual([
      [
        { id: '900000000000000101', idType: 'account', name: 'sam.sample' },
        {
          nickname: 'Sam',
          mentions: 'Alex (900000000000000202)',
          reactions: '😂 (2)',
        },
      ],
      [
        { id: '900000000000000303', idType: 'account', name: 'Jo Oldstyle#4821' },
        { nickname: 'Jo', reactions: 'clown (1)' },
      ],
    ]);
    expect(new Set(run.events.map((e) => e.conversation))).toEqual(new Set(['alex watch']));
    expect(run.skipped.map((s) => s.reason)).toEqual([
      'system-recipient-add',
      'system-channel-name-change',
      'system-recipient-remove',
      'system-channel-icon-change',
    ]);
  });

  it('names server conversations "Server / channel" and handles bots, numbered types, embeds and forwards', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'server-channel.json'));
    expect(run.skipped).toEqual([
      { reason: 'system-guild-member-join', locator: 'messages[0]' },
      { reason: 'system-thread-created', locator: 'messages[1]' },
      { reason: 'system-type-46', locator: 'messages[3]' },
    ]);
    expect(run.events.map((e) => [e.locator, e.kind, e.text, e.flags])).toEqual([
      ['messages[2]', 'message', 'Reminder set: message Alex every hour', ['type-20', 'bot']],
      ['messages[4]', 'other', undefined, ['embed-only']],
      ['messages[5]', 'message', 'screenshot this before she deletes it', ['forwarded']],
      ['messages[6]', 'message', 'hey', undefined],
    ]);
    expect(run.events[0]!.conversation).toBe('Night Owls / general');
    expect(run.events[2]!.details?.['replyTo']).toBeUndefined();
    expect(run.warnings.map((w) => w.code)).toEqual(['DISCORD_JSON_UNKNOWN_TYPE']);
    expect(run.warnings[0]!.message).toContain('"20" ×1');
  });
});

describe('damaged times and records', () => {
  it('falls back to the id time, flags a stamp that disagrees with its id, and rejects a record with neither', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'damaged-times.json'));
    const at = (loc: string) => run.events.find((e) => e.locator === loc)!;
    expect(at('messages[0]').time).toEqual({
      type: 'instant',
      ms: Date.UTC(2024, 6, 1, 12, 0, 0),
      precision: 'ms',
    });
    expect(at('messages[0]').flags).toEqual(['time-from-id']);
    expect(at('messages[1]').flags).toEqual(['time-from-id']);
    expect(at('messages[2]').flags).toEqual(['time-id-mismatch']);
    // A mismatch keeps the written stamp: the id only witnesses it.
    expect(at('messages[2]').time).toMatchObject({ ms: Date.UTC(2024, 6, 2, 12, 2, 0) });
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DISCORD_JSON_BAD_TIME', 'messages[3]'],
      ['DISCORD_JSON_NOT_A_MESSAGE', 'messages[6]'],
    ]);
    expect(run.rejected[0]!.message).toBe(
      '"timestamp" is "", not an ISO 8601 date-time with an offset, and its id "77" holds no time either.',
    );
    expect(run.skipped).toEqual([{ reason: 'duplicate-message-id', locator: 'messages[5]' }]);
    expect(run.warnings.map((w) => w.code)).toEqual([
      'DISCORD_JSON_TIME_ID_MISMATCH',
      'DISCORD_JSON_TIME_FROM_ID',
      'DISCORD_JSON_UNKNOWN_TYPE',
      'DISCORD_JSON_TYPE_MISSING',
      'DISCORD_JSON_COUNT_MISMATCH',
    ]);
    expect(run.accounting).toEqual({ records: 9, events: 6, skipped: 1, rejected: 2 });
  });

  it('keeps the messages before a cut and reports where the file ends', async () => {
    const run = await runSource(discordJson, join(FIXTURES, 'truncated.json'));
    expect(run.events.map((e) => e.text)).toEqual(['first', 'second']);
    // The message the file ends in was begun: counted, rejected, never emitted with the text read.
    expect(run.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['DISCORD_JSON_RECORD_CUT_SHORT', 'messages[2]'],
    ]);
    expect(run.failure).toEqual({
      code: 'DISCORD_JSON_TRUNCATED',
      message: expect.stringMatching(
        /^The file ends in the middle of the JSON \(line \d+, column \d+, inside messages\[2\]\)\.$/,
      ),
      locator: 'messages[2]',
    });
  });

  it('reports invalid JSON with its line and column and keeps what came before', async () => {
    const text = dce([message(), message({ id: '1213302453190656002' })]).replace(
      '"id":"1213302453190656002"',
      '"id":"1213302453190656002",,',
    );
    const run = await scratch(text);
    expect(run.events).toHaveLength(1);
    expect(run.failure?.code).toBe('DISCORD_JSON_INVALID');
    expect(run.failure?.message).toMatch(/^Invalid JSON at line 1, column \d+, inside messages\[1\]: /);
    expect(run.failure?.locator).toBe('messages[1]');
  });

  it('hands over every message before a fault deep in a large file exactly once, and finds its line', async () => {
    const lines = Array.from({ length: 2000 }, (_, i) =>
      JSON.stringify(
        message({ id: String(1213302453190656001n + BigInt(i) * 4194304n), content: `message ${i}` }),
      ),
    );
    lines[1500] = lines[1500]!.replace('"content":', '"content" ');
    const run = await scratch(
      `{"guild": {"id": "0"}, "channel": {"name": "Sam"}, "messages": [\n${lines.join(',\n')}\n]}`,
    );
    expect(run.events).toHaveLength(1500);
    expect(run.events.map((e) => e.text)).toEqual(lines.slice(0, 1500).map((_, i) => `message ${i}`));
    expect(run.failure).toMatchObject({ code: 'DISCORD_JSON_INVALID', locator: 'messages[1500]' });
    expect(run.failure!.message).toMatch(/^Invalid JSON at line 1502, column \d+, inside messages\[1500\]: /);
  });

  it('refuses a document that is not an object, and passes over unknown top-level values unread', async () => {
    expect((await scratch('[1, 2]')).failure?.code).toBe('DISCORD_JSON_NOT_AN_EXPORT');
    expect((await scratch(' \n ')).failure).toEqual({
      code: 'DISCORD_JSON_EMPTY',
      message: 'The file holds no JSON.',
      locator: 1,
    });
    const run = await scratch(
      `{"guild": {"id": "0"}, "channel": {"name": "Sam"}, "junk": [[[{"a": 1}]]], "messages": [${JSON.stringify(message())}]}`,
    );
    expect(run.events).toHaveLength(1);
    expect(run.events[0]!.conversation).toBe('Sam');
  });

  it('never lets a "__proto__" key reach a prototype, and rejects an absurdly nested entry but reads on', async () => {
    const deep = `${'['.repeat(2000)}${']'.repeat(2000)}`;
    const text = dce([]).replace(
      '"messages":[]',
      `"messages":[{"__proto__":{"polluted":true},"id":"1213302453190656001","timestamp":"2024-03-01T18:04:11.532+00:00","content":"x"},{"deep":${deep}},${JSON.stringify(message({ id: '1213302453190656003' }))}]`,
    );
    const run = await scratch(text);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(run.events.map((e) => e.locator)).toEqual(['messages[0]', 'messages[2]']);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DISCORD_JSON_MESSAGE_TOO_LARGE', 'messages[1]'],
    ]);
    expect(run.failure).toBeUndefined();
  });

  it('rejects a message of more than a million values that hold no characters ([{},{},…]) and reads on', async () => {
    // Before: the cap counted only the characters of strings and keys, so such a message was built whole and read
    // as an event (33 million empty reactions, 99 MB, took 4.9 GB and 53 s).
    const empty = `[${'{},'.repeat(1_000_000)}{}]`;
    const text = dce([
      message(),
      message({ id: '1213302453190656002', reactions: 'EMPTY' }),
      message({ id: '1213302453190656003' }),
    ]).replace('"reactions":"EMPTY"', `"reactions":${empty}`);
    const run = await scratch(text);
    expect(run.events.map((e) => e.locator)).toEqual(['messages[0]', 'messages[2]']);
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'DISCORD_JSON_MESSAGE_TOO_LARGE',
        'messages[1]',
        'This entry is made of more than 1,000,000 values; no Discord message is, so it was not read.',
      ],
    ]);
    expect(run.failure).toBeUndefined();
    // A million values is the most a message may hold: here the message, its 4 scalars, its author and the author's
    // 4, its reactions array (11 values) and 999,989 reactions.
    const most = dce([message({ reactions: 'EMPTY' })]).replace(
      '"reactions":"EMPTY"',
      `"reactions":[${'0,'.repeat(999_989 - 1)}0]`,
    );
    expect((await scratch(most)).events).toHaveLength(1);
    const over = most.replace('"reactions":[', '"reactions":[0,');
    expect((await scratch(over)).rejected.map((r) => r.code)).toEqual(['DISCORD_JSON_MESSAGE_TOO_LARGE']);
  });

  it('hands over a scalar just before a fault, or the cut end, at no chunk size (the outcome never depends on them)', async () => {
    const inMemory = (text: string, size: number) => pieces(Buffer.from(text), size);
    const whole = dce([message(), 7, message({ id: '1213302453190656002' })]);
    // `7 {`: the comma after the number is missing. stream-json reports the 7 when it reads the text whole, but
    // not when it reads it a byte at a time, so the walk holds a scalar until the token after it arrives.
    const faulty = whole.replace('7,', '7 ');
    // `7 ` then the end of the file: the same question for a cut file.
    const cut = `${whole.slice(0, whole.indexOf('7,') + 1)} `;
    for (const text of [faulty, cut]) {
      const once = await runInput(discordJson, inMemory(text, 1 << 20));
      expect(once.events).toHaveLength(1);
      expect(once.rejected).toEqual([]);
      // Whether the 7 was reported or not, the words and the locator name only what is certain: the fault is
      // after messages[0], in the array `messages` (the 7 is neither counted nor rejected).
      expect(once.failure?.locator).toBe('messages');
      expect(once.failure?.message).toContain('after messages[0]');
      for (const size of [1, 2, 3, 5])
        expect(await runInput(discordJson, inMemory(text, size))).toEqual(once);
    }
    // A scalar followed by valid JSON is read as ever: here a message that is not an object.
    const valid = await runInput(discordJson, inMemory(whole, 1));
    expect(valid.rejected.map((r) => r.locator)).toEqual(['messages[1]']);
    expect(valid.events).toHaveLength(2);
  });

  it('says a file cut between two messages ends after the last one, not inside one it never began', async () => {
    const whole = dce([message(), message({ id: '1213302453190656002' })]);
    const afterFirst = whole.slice(0, whole.indexOf('}},{') + 3);
    const cut = await scratch(afterFirst);
    expect(cut.failure?.code).toBe('DISCORD_JSON_TRUNCATED');
    expect(cut.failure?.message).toMatch(/, after messages\[0\]\)\.$/);
    // The locator names what the file holds: the array, not messages[1], which was never begun.
    expect(cut.failure?.locator).toBe('messages');
    expect(cut.events).toHaveLength(1);
    expect(cut.rejected).toEqual([]);
    // Cut before the comma: the same place in words, the same locator.
    const beforeComma = await scratch(whole.slice(0, whole.indexOf('}},{') + 2));
    expect(beforeComma.failure?.message).toMatch(/, after messages\[0\]\)\.$/);
    expect(beforeComma.failure?.locator).toBe('messages');
    const atStart = await scratch(whole.slice(0, whole.indexOf('[', whole.indexOf('"messages"')) + 1));
    expect(atStart.failure?.message).toMatch(/, inside messages\)\.$/);
    expect(atStart.failure?.locator).toBe('messages');
    expect(atStart.accounting.records).toBe(0);
    // Cut inside the second message's object: that one was begun, and is named, by the failure's locator too.
    const inside = await scratch(whole.slice(0, whole.lastIndexOf('"id"')));
    expect(inside.failure?.message).toMatch(/, inside messages\[1\]\)\.$/);
    expect(inside.failure?.locator).toBe('messages[1]');
    expect(inside.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DISCORD_JSON_RECORD_CUT_SHORT', 'messages[1]'],
    ]);
  });

  it('points a syntax error between two messages at the array, one inside a message at that message', async () => {
    const whole = dce([message(), message({ id: '1213302453190656002' })]);
    // A missing comma: the fault is after messages[0], before messages[1] begins.
    const between = await scratch(whole.replace('}},{', '}} {'));
    expect(between.failure?.code).toBe('DISCORD_JSON_INVALID');
    expect(between.failure?.message).toContain(', after messages[0]:');
    expect(between.failure?.locator).toBe('messages');
    expect(between.rejected).toEqual([]);
    // A stray character inside the second message: that message is rejected, and the failure points at it.
    const inside = await scratch(whole.replace(/"id":"1213302453190656002"/, '"id":"1213302453190656002" x'));
    expect(inside.failure?.code).toBe('DISCORD_JSON_INVALID');
    expect(inside.failure?.message).toContain(', inside messages[1]:');
    expect(inside.failure?.locator).toBe('messages[1]');
    expect(inside.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DISCORD_JSON_RECORD_MALFORMED', 'messages[1]'],
    ]);
  });

  it('points a group DM export cut after a message and its comma at "messages", which the file holds', async () => {
    // The reviewer's case: fixtures/discord-json/group-dm.json cut at byte 1406, right after `},` and a newline.
    const text = readFileSync(join(FIXTURES, 'group-dm.json'), 'utf8');
    const run = await scratch(Buffer.from(text).subarray(0, 1406).toString('utf8'));
    expect(run.failure).toMatchObject({
      code: 'DISCORD_JSON_TRUNCATED',
      locator: 'messages',
      message: 'The file ends in the middle of the JSON (line 56, column 1, after messages[0]).',
    });
    expect(run.rejected).toEqual([]);
  });

  it('reads an empty export without complaint, and says so when "messages" is missing', async () => {
    expect((await scratch(dce([]))).accounting.records).toBe(0);
    expect((await scratch(dce([]))).warnings).toEqual([]);
    const none = await scratch('{"guild": {}, "channel": {}}');
    expect(none.warnings.map((w) => w.code)).toEqual(['DISCORD_JSON_NO_MESSAGES']);
  });
});

describe('time helpers', () => {
  it('parses ISO stamps with offsets and 1–7 fraction digits, and refuses impossible dates', () => {
    expect(parseIsoInstant('2023-09-23T13:15:48.3790000+03:00')).toBe(Date.UTC(2023, 8, 23, 10, 15, 48, 379));
    expect(parseIsoInstant('2023-09-23T13:15:48Z')).toBe(Date.UTC(2023, 8, 23, 13, 15, 48));
    expect(parseIsoInstant('2023-09-23T13:15:48.9999-00:30')).toBe(Date.UTC(2023, 8, 23, 13, 45, 48, 999));
    expect(parseIsoInstant('2023-02-29T00:00:00Z')).toBeUndefined();
    expect(parseIsoInstant('2023-09-23T13:15:48')).toBeUndefined();
    expect(parseIsoInstant('2023-09-23 13:15:48+00:00')).toBeUndefined();
  });

  it('reads the creation time out of a snowflake with exact 64-bit arithmetic', () => {
    // 2^64 - 1 would be in 2154: damage, not a time.
    expect(snowflakeMs('18446744073709551615', DISCORD_EPOCH)).toBeUndefined();
    expect(snowflakeMs('175928847299117063', DISCORD_EPOCH)).toBe(1462015105796);
    expect(snowflakeMs('100', DISCORD_EPOCH)).toBeUndefined();
    expect(snowflakeMs('12a', DISCORD_EPOCH)).toBeUndefined();
  });
});

describe('detection', () => {
  const probe = (file: string) => makeProbe(file, file, readFileSync(file).subarray(0, 64 * 1024));

  it('recognises every fixture (BOM included) and the registry picks discord-json for them', () => {
    for (const name of [
      'dm-mixed.json',
      'group-dm.json',
      'server-channel.json',
      'damaged-times.json',
      'truncated.json',
    ]) {
      const p = probe(join(FIXTURES, name));
      expect(discordJson.detect(p)).toBe(true);
      const found = detect(p);
      expect(found.kind === 'source' && found.source.id).toBe('discord-json');
    }
  });

  it('leaves Messenger and Telegram JSON alone', () => {
    for (const file of [
      'fixtures/messenger-json/correctly-encoded.json',
      'fixtures/messenger-e2ee-json/correctly-encoded_3.json',
      'fixtures/telegram-json/single-chat-mixed.json',
      'fixtures/telegram-json/full-account-two-chats.json',
    ]) {
      expect(discordJson.detect(probe(file))).toBe(false);
    }
  });
});

describe('a thread started from a message (fixtures/discord-json-threads)', () => {
  const thread = () => runSource(discordJson, 'fixtures/discord-json-threads/thread-from-message.json');

  it('skips the thread starter entry (type 21): an empty pointer to the message in the parent channel, not a contact', async () => {
    const r = await thread();
    expect(r.skipped).toEqual([{ reason: 'thread-starter-reference', locator: 'messages[0]' }]);
    expect(r.events.some((e) => e.locator === 'messages[0]')).toBe(false);
    // Not counted as a contact of an unknown type either.
    expect(r.warnings.filter((w) => w.code === 'DISCORD_JSON_UNKNOWN_TYPE')).toEqual([]);
    expect(r.accounting).toEqual({ records: 4, events: 3, skipped: 1, rejected: 0 });
  });

  it('reads the messages of the thread, in UTC, under "server / thread"', async () => {
    const r = await thread();
    expect(
      r.events.map((e) => [e.locator, e.kind, e.sender?.id, e.text, e.time, e.conversation, e.nativeId]),
    ).toEqual([
      [
        'messages[1]',
        'message',
        '900000000000000101',
        "you can't hide from me in here either",
        { type: 'instant', ms: Date.UTC(2024, 8, 14, 19, 22, 13, 402), precision: 'ms' },
        'Harbour Book Club / Saturday meetup',
        '1284595078773342211',
      ],
      [
        'messages[2]',
        'message',
        '900000000000000202',
        'please stop messaging me',
        { type: 'instant', ms: Date.UTC(2024, 8, 14, 19, 25, 2, 915), precision: 'ms' },
        'Harbour Book Club / Saturday meetup',
        '1284595789762396164',
      ],
      [
        'messages[3]',
        'media',
        '900000000000000101',
        undefined,
        { type: 'instant', ms: Date.UTC(2024, 8, 14, 19, 31, 44, 6), precision: 'ms' },
        'Harbour Book Club / Saturday meetup',
        '1284597472059981829',
      ],
    ]);
  });
});

describe('bot command output (fixtures/discord-json-commands)', () => {
  it('keeps who ran the command beside the bot message (interaction.user), the sender staying the bot', async () => {
    const r = await runSource(discordJson, 'fixtures/discord-json-commands/server-commands.json');
    expect(r.events.map((e) => [e.locator, e.sender?.name, e.flags, e.details])).toEqual([
      [
        'messages[0]',
        'Whisperbot#4410',
        ['type-20', 'bot'],
        {
          nickname: 'Whisperbot',
          mentions: 'Alex (900000000000000202)',
          command: 'anon-send',
          commandBy: 'sam.sample (900000000000000101)',
        },
      ],
      ['messages[1]', 'alex.morgan', undefined, { nickname: 'Alex' }],
      [
        'messages[2]',
        'Whisperbot#4410',
        ['type-23', 'bot'],
        { nickname: 'Whisperbot', command: 'Translate', commandBy: 'sam.sample (900000000000000101)' },
      ],
    ]);
    expect(r.accounting).toEqual({ records: 3, events: 3, skipped: 0, rejected: 0 });
  });
});
