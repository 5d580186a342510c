import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../../src/cli/inputs.js';
import { makeProbe } from '../../src/sources/detect.js';
import { type SourceContext, SourceFailure, type SourceInput } from '../../src/sources/index.js';
import { telegramJson } from '../../src/sources/telegram-json/index.js';
import { inPieces, runSource, type SourceRun } from '../helpers/run-source.js';

const FIXTURES = 'fixtures/telegram-json';
const at = (name: string) => join(FIXTURES, name);
const run = (name: string) => runSource(telegramJson, at(name));
const tmp = mkdtempSync(join(tmpdir(), 'chronolog-telegram-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const probeOf = (name: string, bytes: Uint8Array) => makeProbe(name, name, bytes.subarray(0, 64 * 1024));

const chunked = (bytes: Uint8Array, size: number): SourceInput => inPieces(bytes, size, 'result.json');

type Run = Omit<SourceRun, 'accounting'>;

/** Everything a parse reports, for inputs that are not fixture files. */
async function collect(input: SourceInput): Promise<Run> {
  const out: Run = { events: [], skipped: [], rejected: [], warnings: [] };
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: (e) => void out.events.push(e),
    skip: (reason, locator) => void out.skipped.push({ reason, locator }),
    reject: (code, locator, message, hint) =>
      void out.rejected.push(
        hint === undefined ? { code, locator, message } : { code, locator, message, hint },
      ),
    warn: (code, locator, message) =>
      void out.warnings.push(locator === undefined ? { code, message } : { code, locator, message }),
    progress: () => {},
  };
  try {
    await telegramJson.parse(input, ctx);
  } catch (err) {
    if (!(err instanceof SourceFailure)) throw err;
    out.failure = {
      code: err.code,
      message: err.message,
      ...(err.locator !== undefined ? { locator: err.locator } : {}),
    };
  }
  return out;
}

const parseText = (text: string, size = 64 * 1024) => collect(chunked(Buffer.from(text), size));
const fixtureNames = readdirSync(FIXTURES).filter(
  (f) => f.endsWith('.json') && !f.endsWith('.expected.json'),
);

describe('telegram-json fixtures match their goldens', () => {
  it('has the fixtures the brief asks for', () => {
    expect(fixtureNames.length).toBeGreaterThanOrEqual(8);
  });
  for (const name of fixtureNames)
    it(name, async () => {
      const result = await run(name);
      const golden = at(name.replace(/\.json$/, '.expected.json'));
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(result, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
});

describe('chunk boundaries', () => {
  for (const name of fixtureNames)
    it(`${name} reads the same in 1-, 2-, 7- and 61-byte chunks`, async () => {
      const bytes = readFileSync(at(name));
      const whole = await collect(chunked(bytes, bytes.length + 1));
      for (const size of [1, 2, 7, 61])
        expect(await collect(chunked(bytes, size)), `chunks of ${size}`).toEqual(whole);
    });
});

describe('single-chat export', () => {
  it('reads string texts verbatim and flattens entity arrays to their visible text', async () => {
    const r = await run('single-chat-mixed.json');
    const text = (loc: string) => r.events.find((e) => e.locator === loc)?.text;
    expect(text('messages[1]')).toBe("hi, it's me again");
    expect(text('messages[2]')).toBe('see https://example.org/where-you-live {you know} [where]');
    expect(text('messages[3]')).toBe('she said "stop" \\ I didn\'t } ] listen');
    expect(text('messages[18]')).toBe('\u263a \u{1F621} tab\there');
  });

  it('takes date_unixtime as the instant, to the second, and names the chat as the conversation', async () => {
    const r = await run('single-chat-mixed.json');
    expect(r.events[0]).toMatchObject({
      locator: 'messages[1]',
      time: { type: 'instant', ms: 1709316262000, precision: 's' },
      channel: 'telegram',
      kind: 'message',
      direction: 'unknown',
      sender: { id: 'user4400000001', idType: 'account', name: 'Sam Example' },
      conversation: 'Sam Example',
      nativeId: '4400000001:101',
    });
  });

  it('calls media without text "media", keeps captions as messages, and records the attachment', async () => {
    const r = await run('single-chat-mixed.json');
    const byLoc = new Map(r.events.map((e) => [e.locator, e]));
    expect(byLoc.get('messages[4]')).toMatchObject({ kind: 'media', details: { media: 'photo' } });
    expect(byLoc.get('messages[4]')!.text).toBeUndefined();
    expect(byLoc.get('messages[5]')).toMatchObject({
      kind: 'media',
      details: { media: 'sticker', stickerEmoji: '😡' },
    });
    expect(byLoc.get('messages[6]')).toMatchObject({
      kind: 'media',
      details: { media: 'voice_message', durationSec: '7' },
    });
    expect(byLoc.get('messages[7]')).toMatchObject({
      kind: 'message',
      text: 'outside your door',
      details: { media: 'photo' },
    });
    expect(byLoc.get('messages[17]')).toMatchObject({
      kind: 'media',
      details: { media: 'location', location: '51.501,-0.142' },
    });
  });

  it('turns phone_call service entries into calls from the actor: missed, answered with duration, declined', async () => {
    const r = await run('single-chat-mixed.json');
    const calls = r.events.filter((e) => e.kind === 'call');
    expect(calls.map((e) => [e.locator, e.channel, e.sender?.id, e.call])).toEqual([
      ['messages[8]', 'telegram', 'user4400000001', { status: 'missed' }],
      ['messages[9]', 'telegram', 'user4400000001', { status: 'answered', durationSec: 56 }],
      ['messages[10]', 'telegram', 'user4400000001', { status: 'rejected' }],
    ]);
  });

  it('skips other service entries by action, and rejects the messages tdesktop could not export', async () => {
    const r = await run('single-chat-mixed.json');
    expect(r.skipped).toEqual([
      { reason: 'service-joined-telegram', locator: 'messages[0]' },
      { reason: 'service-pin-message', locator: 'messages[11]' },
      { reason: 'service-other', locator: 'messages[20]' },
    ]);
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([['TELEGRAM_UNSUPPORTED', 'messages[19]']]);
    expect(r.accounting).toEqual({ records: 21, events: 17, skipped: 3, rejected: 1 });
  });

  it('keeps a deleted account (from: null) by its from_id, and flags edits, forwards and replies', async () => {
    const r = await run('single-chat-mixed.json');
    const byLoc = new Map(r.events.map((e) => [e.locator, e]));
    expect(byLoc.get('messages[12]')!.sender).toEqual({ id: 'user4400000009', idType: 'account' });
    expect(byLoc.get('messages[13]')).toMatchObject({
      flags: ['edited'],
      details: { editedAt: '2024-03-01T19:17:42.000Z' },
    });
    expect(byLoc.get('messages[14]')).toMatchObject({
      flags: ['forwarded'],
      details: { forwardedFrom: 'Channel Example' },
    });
    expect(byLoc.get('messages[16]')).toMatchObject({ details: { replyTo: '101' } });
  });

  it('repairs the \\xHH escapes tdesktop writes for control characters, flags the record and warns once', async () => {
    const r = await run('single-chat-mixed.json');
    const e = r.events.find((x) => x.locator === 'messages[15]')!;
    expect(e.text).toBe('bell:\u0007 ring');
    expect(e.flags).toEqual(['TELEGRAM_CONTROL_ESCAPES']);
    expect(r.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['TELEGRAM_CONTROL_ESCAPES', 'messages[15]'],
    ]);
    // An escaped backslash followed by "x41" is text, not a control escape.
    const t = await parseText(
      '{"messages":[{"type":"message","date_unixtime":"1","from":"A","text":"C:\\\\x41 \\\\\\x07"}]}',
    );
    expect(t.events[0]!.text).toBe('C:\\x41 \\\u0007');
  });
});

describe('full-account export', () => {
  it('reads chats.list and left_chats.list, with JSON-path locators, and ignores the non-message sections', async () => {
    const r = await run('full-account-two-chats.json');
    expect(r.events.map((e) => [e.locator, e.conversation])).toEqual([
      ['chats.list[0].messages[0]', 'Sam Example'],
      ['chats.list[0].messages[1]', 'Sam Example'],
      ['chats.list[0].messages[2]', 'Sam Example'],
      ['chats.list[0].messages[3]', 'Sam Example'],
      ['chats.list[1].messages[1]', 'Flat 3'],
      ['chats.list[1].messages[2]', 'Flat 3'],
      ['left_chats.list[0].messages[0]', 'Old Street Residents'],
    ]);
    expect(r.skipped).toEqual([{ reason: 'service-create-group', locator: 'chats.list[1].messages[0]' }]);
    expect(r.rejected).toEqual([]);
    expect(r.failure).toBeUndefined();
  });

  it('knows the exporter from personal_information: their records are outgoing with role victim', async () => {
    const r = await run('full-account-two-chats.json');
    expect(r.events.map((e) => [e.direction, e.sender?.role])).toEqual([
      ['incoming', undefined],
      ['outgoing', 'victim'],
      ['incoming', undefined],
      ['outgoing', 'victim'],
      ['incoming', undefined],
      ['incoming', undefined],
      ['incoming', undefined],
    ]);
    expect(r.events[3]).toMatchObject({ kind: 'call', call: { status: 'answered', durationSec: 12 } });
    expect(r.events[5]!.text).toBe('I can see @alex_owner from here');
    expect(r.events[5]!.nativeId).toBe('4400000100:303');
  });

  it('reads a minified export that starts with a byte-order mark', async () => {
    const r = await run('bom-minified.json');
    expect(r.events.map((e) => [e.locator, e.kind, e.text ?? e.call?.status])).toEqual([
      ['chats.list[0].messages[0]', 'message', 'minified, with a BOM'],
      ['chats.list[0].messages[1]', 'call', 'answered'],
      ['chats.list[0].messages[2]', 'message', 'abc'],
    ]);
  });
});

/** The `people` a parse tells, call by call, with the number of messages it emitted. */
async function peopleOf(input: SourceInput): Promise<{ calls: string[][]; events: number }> {
  const calls: string[][] = [];
  let events = 0;
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: () => void events++,
    skip: () => {},
    reject: () => {},
    warn: () => {},
    progress: () => {},
    people: (names) => void calls.push([...names]),
  };
  await telegramJson.parse(input, ctx).catch((err: unknown) => {
    if (!(err instanceof SourceFailure)) throw err;
  });
  return { calls, events };
}

const fixtureInput = (name: string) => fileInput(at(name), statSync(at(name)).size);
const peopleOfText = (text: string, size = 64 * 1024) => peopleOf(chunked(Buffer.from(text), size));

describe("a one-to-one chat's other person, for anonymise (SourceContext.people)", () => {
  it('tells each personal chat of a full export once, and no group, channel or bot', async () => {
    const bytes = readFileSync(at('silent-contact-full.json'));
    for (const size of [bytes.length, 61, 7, 1])
      expect(await peopleOf(chunked(bytes, size)), `chunks of ${size}`).toEqual({
        calls: [['Riley Sample'], ['Priya Nandakumar']],
        events: 8,
      });
    // Two personal chats, a group and a left supergroup: only the personal chat's name.
    expect((await peopleOf(fixtureInput('full-account-two-chats.json'))).calls).toEqual([['Sam Example']]);
  });

  it('tells the chat of a single-chat export, where the other person never writes', async () => {
    expect(await peopleOf(fixtureInput('silent-contact-single.json'))).toEqual({
      calls: [['Priya Nandakumar']],
      events: 3,
    });
  });

  it('tells a name written after the messages, and one of a chat cut short, once', async () => {
    const msg =
      '{"id":1,"type":"message","date_unixtime":"1709316262","from":"Me","from_id":"user1","text":"hi"}';
    expect(
      (await peopleOfText(`{"messages":[${msg}],"type":"personal_chat","name":" Sam Example ","id":9}`))
        .calls,
    ).toEqual([['Sam Example']]);
    // Cut inside the messages: the messages before the cut are kept, and so is the name written before them.
    const cut = await peopleOfText(
      `{"name":"Sam Example","type":"personal_chat","id":9,"messages":[${msg},{"id"`,
    );
    expect(cut).toEqual({ calls: [['Sam Example']], events: 1 });
    // The same person in two chat objects of one file (a chat exported twice): told once.
    const chat = `{"name":"Sam Example","type":"personal_chat","id":9,"messages":[${msg}]}`;
    expect((await peopleOfText(`{"chats":{"list":[${chat},${chat}]}}`)).calls).toEqual([['Sam Example']]);
  });

  it('tells nothing for Saved Messages, a deleted account, a bot, a group or a channel', async () => {
    const msg =
      '{"id":1,"type":"message","date_unixtime":"1709316262","from":"Me","from_id":"user1","text":"hi"}';
    const chats = [
      '{"type":"saved_messages","id":1,"messages":[MSG]}',
      '{"name":null,"type":"personal_chat","id":2,"messages":[MSG]}',
      '{"name":"","type":"personal_chat","id":3,"messages":[MSG]}',
      '{"name":"Parcel Tracker","type":"bot_chat","id":4,"messages":[MSG]}',
      '{"name":"Family","type":"private_group","id":5,"messages":[MSG]}',
      '{"name":"Family","type":"private_supergroup","id":6,"messages":[MSG]}',
      '{"name":"Street News","type":"public_channel","id":7,"messages":[MSG]}',
    ].map((c) => c.replace('MSG', msg));
    expect(await peopleOfText(`{"chats":{"list":[${chats.join(',')}]}}`)).toEqual({ calls: [], events: 7 });
  });
});

describe('times', () => {
  it('reads a legacy export (date only) as local time, flags every record and warns once naming the zone', async () => {
    const r = await run('legacy-local-times.json');
    expect(r.events.map((e) => e.time)).toEqual([
      { type: 'local', local: '2021-10-31T01:30:00', precision: 's' },
      { type: 'local', local: '2021-10-31T07:05:10', precision: 's' },
      { type: 'local', local: '2021-10-31T07:10:00', precision: 's' },
      { type: 'local', local: '2021-10-31T07:11:00', precision: 's' },
    ]);
    for (const e of r.events) expect(e.flags).toContain('TELEGRAM_LOCAL_TIME');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'TELEGRAM_LOCAL_TIME', locator: 'messages[0]' });
    expect(r.warnings[0]!.message).toContain('Europe/London');
    expect(r.events[1]).toMatchObject({
      flags: ['TELEGRAM_LOCAL_TIME', 'edited'],
      details: { editedAt: '2021-10-31T07:06:00 (local)' },
    });
  });

  it('rejects impossible, garbled and missing dates with the bad value, and keeps a date with an offset', async () => {
    const r = await run('unparseable-dates.json');
    expect(r.rejected.map((x) => [x.code, x.locator, x.message])).toEqual([
      [
        'TELEGRAM_BAD_DATE',
        'messages[1]',
        '"date" is "2024-02-30T10:00:00", not a date-time YYYY-MM-DDTHH:mm:ss.',
      ],
      ['TELEGRAM_BAD_DATE', 'messages[2]', '"date_unixtime" is "17093x6262", not a number of seconds.'],
      ['TELEGRAM_BAD_DATE', 'messages[3]', 'The message has neither "date_unixtime" nor "date".'],
      ['TELEGRAM_BAD_DATE', 'messages[4]', '"date" is "yesterday", not a date-time YYYY-MM-DDTHH:mm:ss.'],
      [
        'TELEGRAM_BAD_DATE',
        'messages[6]',
        '"date" is "2024-03-01T25:00:00", not a date-time YYYY-MM-DDTHH:mm:ss.',
      ],
    ]);
    expect(r.events.map((e) => [e.locator, e.time])).toEqual([
      ['messages[0]', { type: 'instant', ms: 1709316262000, precision: 's' }],
      ['messages[5]', { type: 'instant', ms: 1709312662000, precision: 's' }],
    ]);
  });
});

describe('"date" beside "date_unixtime"', () => {
  const msg = (id: number, date: string, unix: number) =>
    `{"id":${id},"type":"message","date":"${date}","date_unixtime":"${unix}","from":"Sam","from_id":"user1","text":"t${id}"}`;

  it('takes date_unixtime, and warns once naming the first message whose date no zone offset explains', async () => {
    const r = await parseText(
      `{"name":"Sam","type":"personal_chat","id":1,"messages":[${[
        msg(1, '2024-03-01T18:04:22', 1709316262), // UTC
        msg(2, '2024-07-01T19:04:22', 1719857062), // +01:00, British Summer Time
        msg(3, '2024-03-01T23:49:22', 1709316262), // +05:45, Nepal
        msg(4, '2024-03-01T18:04:22', 1709316999), // 12 min 17 s apart: no zone
        msg(5, '2024-03-02T08:04:22', 1709316262), // +14:00, Kiribati: the largest offset
        msg(6, '2024-03-02T09:04:22', 1709316262), // +15:00: none
      ].join(',')}]}`,
    );
    expect(r.rejected).toEqual([]);
    expect(r.events.map((e) => [e.locator, e.time, e.flags])).toEqual([
      ['messages[0]', { type: 'instant', ms: 1709316262000, precision: 's' }, undefined],
      ['messages[1]', { type: 'instant', ms: 1719857062000, precision: 's' }, undefined],
      ['messages[2]', { type: 'instant', ms: 1709316262000, precision: 's' }, undefined],
      ['messages[3]', { type: 'instant', ms: 1709316999000, precision: 's' }, ['time-local-mismatch']],
      ['messages[4]', { type: 'instant', ms: 1709316262000, precision: 's' }, undefined],
      ['messages[5]', { type: 'instant', ms: 1709316262000, precision: 's' }, ['time-local-mismatch']],
    ]);
    expect(r.warnings).toEqual([
      {
        code: 'TELEGRAM_DATE_MISMATCH',
        locator: 'messages[3]',
        message:
          '2 messages have a "date" more than a time-zone offset away from "date_unixtime" (the first: "date" 2024-03-01T18:04:22 is 00:12:17 behind "date_unixtime" 1709316999, 2024-03-01T18:16:39 UTC); the time used is "date_unixtime", flagged time-local-mismatch.',
      },
    ]);
  });

  it('says nothing when they agree, and does not compare a date it cannot read', async () => {
    const r = await parseText(
      `{"messages":[${[
        msg(1, '2024-03-01T18:04:22', 1709316262),
        msg(2, 'yesterday', 1709316262),
        msg(3, '2024-02-30T18:04:22', 1709316262),
        '{"id":4,"type":"service","date" : "2024-03-01T19:04:22" ,"date_unixtime":"1709316262","actor":"Sam","actor_id":"user1","action":"phone_call","discard_reason":"missed"}',
      ].join(',')}]}`,
    );
    expect(r.events.map((e) => e.flags)).toEqual([undefined, undefined, undefined, undefined]);
    expect(r.warnings).toEqual([]);
  });

  it('counts a call as a message, and a gap of days in words', async () => {
    const r = await parseText(
      `{"messages":[{"id":1,"type":"service","date":"2024-03-01T18:04:22","date_unixtime":"1709416262","actor":"Sam","actor_id":"user1","action":"phone_call","discard_reason":"missed"}]}`,
    );
    expect(r.events[0]).toMatchObject({ kind: 'call', flags: ['time-local-mismatch'] });
    expect(r.warnings.map((w) => w.message)).toEqual([
      '1 message has a "date" more than a time-zone offset away from "date_unixtime" (the first: "date" 2024-03-01T18:04:22 is 1 day 03:46:40 behind "date_unixtime" 1709416262, 2024-03-02T21:51:02 UTC); the time used is "date_unixtime", flagged time-local-mismatch.',
    ]);
  });
});

describe('damaged files', () => {
  it('fails a truncated file with the position and the path being read, keeping what came before', async () => {
    const r = await run('truncated-mid-message.json');
    expect(r.events.map((e) => e.text)).toEqual(['one', 'two']);
    expect(r.failure).toMatchObject({ code: 'TELEGRAM_TRUNCATED', locator: 'messages[2]' });
    expect(r.failure!.message).toMatch(/inside messages\[2\] \(line 43, column 21, byte 810\)/);
    // The message the file ends in was begun: counted, rejected, its part read ("three is") never emitted.
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['TELEGRAM_RECORD_CUT_SHORT', 'messages[2]'],
    ]);
    expect(JSON.stringify(r)).not.toContain('three is');
  });

  it('fails at a bracket that does not match, naming line and column, keeping what came before', async () => {
    const r = await run('invalid-json-mid-file.json');
    expect(r.events).toHaveLength(2);
    expect(r.failure).toMatchObject({ code: 'TELEGRAM_INVALID_JSON' });
    expect(r.failure!.message).toContain('line 36, column 2');
    // It breaks after the last message's closing brace: no message was begun and left uncounted.
    expect(r.rejected).toEqual([]);
  });

  it('rejects entries that are not message objects or not valid JSON, and reads on', async () => {
    const r = await run('odd-entries.json');
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['TELEGRAM_NOT_A_MESSAGE', 'messages[1]'],
      ['TELEGRAM_UNKNOWN_TYPE', 'messages[2]'],
      ['TELEGRAM_BAD_JSON', 'messages[3]'],
      ['TELEGRAM_BAD_JSON', 'messages[5]'],
    ]);
    // An escaped key means the same as its plain spelling.
    expect(r.events.map((e) => [e.locator, e.text])).toEqual([
      ['messages[0]', 'fine'],
      ['messages[4]', 'after the odd ones'],
    ]);
  });

  it('rejects a message object broken at its top level, and warns when "messages" is not an array', async () => {
    const m = '{"type":"message","date_unixtime":"1","text":"ok"}';
    const r = await parseText(
      `{"messages":[{"id" 1},{"id":1,},${m}],"chats":{"list":[{"messages":{"a":[1]}}]}}`,
    );
    expect(r.rejected.map((x) => [x.code, x.locator, x.message])).toEqual([
      [
        'TELEGRAM_BAD_JSON',
        'messages[0]',
        'This message cannot be read: unexpected "1" in the message object.',
      ],
      [
        'TELEGRAM_BAD_JSON',
        'messages[1]',
        'This message cannot be read: unexpected "}" in the message object.',
      ],
    ]);
    expect(r.events.map((e) => [e.locator, e.text])).toEqual([['messages[2]', 'ok']]);
    expect(r.warnings).toEqual([
      {
        code: 'TELEGRAM_UNEXPECTED_SHAPE',
        locator: 'chats.list[0].messages',
        message: 'expected an array here; this value was skipped',
      },
    ]);
    expect(r.failure).toBeUndefined();
  });

  it('refuses an empty file, a JSON array and a UTF-16 re-save with clear failures', async () => {
    expect((await parseText('')).failure?.code).toBe('TELEGRAM_EMPTY');
    expect((await parseText('[{"messages": []}]')).failure?.code).toBe('TELEGRAM_NOT_AN_EXPORT');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"messages": []}', 'utf16le')]);
    expect((await collect(chunked(utf16, 100))).failure?.code).toBe('TELEGRAM_ENCODING');
    expect((await parseText('{"messages": []} {')).failure?.code).toBe('TELEGRAM_INVALID_JSON');
  });

  it('survives JSON nested 200,000 deep: skipped outside messages, rejected inside one, failed when unclosed', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const msg = (id: number, extra = '') =>
      `{"id":${id},"type":"message","date_unixtime":"1709316262",${extra}"from":"A","from_id":"user1","text":"t${id}"}`;
    const file = join(tmp, 'deep.json');
    writeFileSync(
      file,
      `{"name":"A","type":"personal_chat","id":1,"other":${deep(200_000)},"messages":[${msg(1)},${msg(2, `"x":${deep(200_000)},`)},${msg(3)}]}`,
    );
    const r = await collect(fileInput(file, statSync(file).size));
    expect(r.events.map((e) => e.text)).toEqual(['t1', 't3']);
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([['TELEGRAM_TOO_DEEP', 'messages[1]']]);
    expect(r.failure).toBeUndefined();

    writeFileSync(file, `{"messages":[${msg(1)}],"other":${'['.repeat(200_000)}`);
    const cut = await collect(fileInput(file, statSync(file).size));
    expect(cut.events).toHaveLength(1);
    expect(cut.failure?.code).toBe('TELEGRAM_TRUNCATED');

    writeFileSync(file, `{"other":${'{"a":'.repeat(1_100_000)}`);
    const tooDeep = await collect(fileInput(file, statSync(file).size));
    expect(tooDeep.failure?.code).toBe('TELEGRAM_TOO_DEEP');
  });

  it('reads a message nested exactly 512 levels deep and rejects one level more, the limit every JSON source shares', async () => {
    // The message object is level 1, so a member nested 511 deep makes 512 levels.
    const msg = (levels: number) =>
      `{"id":1,"type":"message","date_unixtime":"1709316262","from":"A","from_id":"user1","x":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)},"text":"t"}`;
    expect((await parseText(`{"messages":[${msg(512)}]}`)).events).toHaveLength(1);
    const over = await parseText(`{"messages":[${msg(513)}]}`);
    expect(over.events).toEqual([]);
    expect(over.rejected).toEqual([
      {
        code: 'TELEGRAM_TOO_DEEP',
        locator: 'messages[0]',
        message:
          'This entry is nested more than 512 levels deep, which Telegram Desktop never writes; it was not read.',
        hint: expect.any(String),
      },
    ]);
  });

  it('reports a message over 32 MiB besides its text as too large without holding it', async () => {
    const big = 'x'.repeat(33 * 1024 * 1024);
    const r = await parseText(
      `{"messages":[{"type":"message","date_unixtime":"1","from":"${big}","text":"hi"},{"type":"message","date_unixtime":"2","text":"after"}]}`,
    );
    expect(r.rejected.map((x) => [x.code, x.locator, x.message])).toEqual([
      [
        'TELEGRAM_TOO_LARGE',
        'messages[0]',
        'This entry is larger than 32 MiB besides its text, which Telegram Desktop never writes; it was not read.',
      ],
    ]);
    expect(r.events.map((e) => e.text)).toEqual(['after']);
  });

  it('keeps a message with a text of 9 MiB, cut to its first MiB (telegram-json-long-texts.test.ts)', async () => {
    const big = 'x'.repeat(9 * 1024 * 1024);
    const r = await parseText(
      `{"messages":[{"type":"message","date_unixtime":"1","text":"${big}"},{"type":"message","date_unixtime":"2","text":"after"}]}`,
    );
    expect(r.rejected).toEqual([]);
    expect(r.events.map((e) => [e.text?.length, e.flags])).toEqual([
      [1024 * 1024, ['TELEGRAM_TEXT_CUT']],
      [5, undefined],
    ]);
  });
});

describe('detect', () => {
  it('claims every fixture, including truncated and invalid ones (detection reads only the head)', () => {
    for (const name of fixtureNames)
      expect(telegramJson.detect(probeOf(name, readFileSync(at(name)))), name).toBe(true);
  });

  it('claims the shapes by their cues, on a head cut anywhere', () => {
    const heads = [
      '{\n "name": "Sam",\n "type": "personal_chat",\n "id": 1,\n "messages": [\n  {\n   "id": 1,\n   "type": "message",\n   "date": "2019-07-12T16:55:32",\n   "text": "he',
      '{"messages":[{"type":"service","date_unixtime":"1544006350","actor":"A","action":"phone_call"',
      '{\n "name": "Sam",\n "type": "personal_chat",\n "id": 1,\n "messages": []\n}',
      '{"chats":{"list":[{"name":"Chat","messages":[',
      '{\n "about": "Here is the data you requested. Remember: Telegram is ad free.",\n "contacts": {\n  "about": "',
      '{\n "about": "Hier sind die angeforderten Daten.",\n "profile_pictures": [\n  {',
      '{\n "about": "Voici les données",\n "personal_information": {\n  "user_id": 4400000000,',
    ];
    for (const h of heads) expect(telegramJson.detect(probeOf('result.json', Buffer.from(h))), h).toBe(true);
  });

  it('does not claim other JSON exports or look-alikes', () => {
    const others = [
      '{"participants":[{"name":"A"}],"messages":[{"sender_name":"A","timestamp_ms":1,"content":"hi","type":"Generic"}]}',
      '{"guild":{"id":"1"},"channel":{"id":"2"},"messages":[{"id":"3","type":"Default","timestamp":"2024-01-01T00:00:00+00:00"}]}',
      '[{"type":"message","date":"2024-01-01T00:00:00"}]',
      'messages: [ "type": "message" ]',
      '{"about": "a JSON file about something else", "list": []}',
      '',
    ];
    for (const h of others) expect(telegramJson.detect(probeOf('x.json', Buffer.from(h))), h).toBe(false);
    for (const dir of readdirSync('fixtures')) {
      if (dir.startsWith('telegram-json') || !statSync(join('fixtures', dir)).isDirectory()) continue;
      for (const f of readdirSync(join('fixtures', dir))) {
        const p = join('fixtures', dir, f);
        if (statSync(p).isFile()) expect(telegramJson.detect(probeOf(f, readFileSync(p))), p).toBe(false);
      }
    }
  });
});

describe('property: any export, cut into any chunks, reads like JSON.parse says', () => {
  const hostile = fc.constantFrom(
    '{',
    '}',
    '[',
    ']',
    '"',
    '\\',
    ':',
    ',',
    ' ',
    '\n',
    '😡',
    'é',
    '\u2028',
    '\u0007',
    '\uD83D',
  );
  const str = fc.string({
    unit: fc.oneof(hostile, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
    maxLength: 12,
  });
  const textArb = fc.oneof(
    str,
    fc.array(fc.oneof(str, fc.record({ type: fc.constantFrom('bold', 'link'), text: str })), {
      maxLength: 3,
    }),
  );
  const message = fc.record({
    id: fc.nat(),
    type: fc.constant('message'),
    date_unixtime: fc.integer({ min: 0, max: 2_000_000_000 }).map(String),
    from: fc.option(str, { nil: null }),
    from_id: str,
    text: textArb,
    extra: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
  });
  const chat = fc.record({
    name: str,
    type: fc.constant('personal_chat'),
    id: fc.nat(),
    messages: fc.array(message, { maxLength: 5 }),
  });
  const doc = fc.oneof(
    chat,
    fc.record({
      personal_information: fc.record({ user_id: fc.nat(), bio: str }),
      junk: fc.jsonValue({ maxDepth: 4 }),
      chats: fc.record({ about: str, list: fc.array(chat, { maxLength: 3 }) }),
    }),
  );

  it('finds every message, with its text, sender and locator', async () => {
    await fc.assert(
      fc.asyncProperty(
        doc,
        fc.constantFrom(undefined, 1, '\t'),
        fc.integer({ min: 1, max: 40 }),
        async (d, indent, size) => {
          const r = await collect(chunked(Buffer.from(JSON.stringify(d, null, indent)), size));
          const parsed = JSON.parse(JSON.stringify(d)) as Record<string, unknown>;
          const chats = ('chats' in parsed ? (parsed['chats'] as { list: unknown[] }).list : [parsed]) as {
            messages: { text: unknown; from: string | null; from_id: string }[];
          }[];
          const expected = chats.flatMap((c, ci) =>
            c.messages.map((m, mi) => ({
              locator: 'chats' in parsed ? `chats.list[${ci}].messages[${mi}]` : `messages[${mi}]`,
              text:
                typeof m.text === 'string'
                  ? m.text
                  : (m.text as (string | { text: string })[])
                      .map((p) => (typeof p === 'string' ? p : p.text))
                      .join(''),
              from: m.from,
              fromId: m.from_id,
            })),
          );
          expect(r.failure).toBeUndefined();
          expect(r.rejected).toEqual([]);
          expect(
            r.events.map((e) => ({
              locator: e.locator,
              text: e.text ?? '',
              from: e.sender?.name ?? null,
              fromId: e.sender?.id ?? '',
            })),
          ).toEqual(expected.map((x) => ({ ...x, from: x.from === '' ? null : x.from })));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('conference and group calls (fixtures/telegram-json-calls)', () => {
  const calls = () => runSource(telegramJson, 'fixtures/telegram-json-calls/result.json');

  it('counts conference_call and group_call entries as calls from the actor, never as skipped notices', async () => {
    const r = await calls();
    expect(
      r.events
        .filter((e) => e.kind === 'call')
        .map((e) => [e.locator, e.channel, e.sender?.id, e.direction, e.call, e.details]),
    ).toEqual([
      [
        'chats.list[0].messages[0]',
        'telegram',
        'user4400000001',
        'incoming',
        { status: 'missed' },
        { discardReason: 'missed' },
      ],
      // tdesktop writes is_missed / is_active as 1 and 0.
      [
        'chats.list[0].messages[1]',
        'telegram',
        'user4400000001',
        'incoming',
        { status: 'missed' },
        { callType: 'conference' },
      ],
      [
        'chats.list[0].messages[2]',
        'telegram',
        'user4400000001',
        'incoming',
        { status: 'answered', durationSec: 94 },
        { callType: 'conference' },
      ],
      [
        'chats.list[0].messages[4]',
        'telegram',
        'user4400000001',
        'incoming',
        { status: 'unknown' },
        { callType: 'conference', active: 'true' },
      ],
      // A group voice chat: its length is "duration"; who joined it is not in the export.
      [
        'chats.list[1].messages[1]',
        'telegram',
        'user4400000001',
        'incoming',
        { status: 'unknown', durationSec: 412 },
        { callType: 'group' },
      ],
      // Sam rang Alex to join that voice chat: a call attempt, whether Alex joined is not written.
      [
        'chats.list[1].messages[2]',
        'telegram',
        'user4400000001',
        'incoming',
        { status: 'unknown' },
        { callType: 'group-invitation', to: 'Alex Morgan' },
      ],
      [
        'chats.list[1].messages[3]',
        'telegram',
        'user4400000002',
        'outgoing',
        { status: 'unknown' },
        { callType: 'group' },
      ],
    ]);
    expect(r.events.find((e) => e.locator === 'chats.list[1].messages[1]')?.time).toEqual({
      type: 'instant',
      ms: Date.UTC(2025, 5, 3, 8, 0, 5),
      precision: 's',
    });
  });

  it('still skips the call notice that is no call (scheduled), and accounts for every entry', async () => {
    const r = await calls();
    expect(r.skipped).toEqual([
      { reason: 'service-group-call-scheduled', locator: 'chats.list[1].messages[0]' },
    ]);
    expect(r.rejected).toEqual([]);
    expect(r.accounting).toEqual({ records: 9, events: 8, skipped: 1, rejected: 0 });
  });
});

describe('messages without text (fixtures/telegram-json-media)', () => {
  it('says what a venue, checklist, formatted poll, game or paid media sent, instead of an empty message', async () => {
    const r = await runSource(telegramJson, 'fixtures/telegram-json-media/result.json');
    expect(r.events.map((e) => [e.locator, e.kind, e.text, e.details])).toEqual([
      [
        'messages[0]',
        'media',
        undefined,
        { media: 'venue', place: 'The Crown, 12 High Street, Leeds', location: '53.79648,-1.54785' },
      ],
      [
        'messages[1]',
        'media',
        undefined,
        {
          media: 'checklist',
          checklist: 'Things you owe me',
          checklistItems: 'an apology; an answer tonight',
        },
      ],
      ['messages[2]', 'media', undefined, { media: 'poll', poll: 'Do you really think you can ignore me?' }],
      ['messages[3]', 'media', undefined, { media: 'game', game: 'Lumberjack' }],
      ['messages[4]', 'message', 'open it', { media: 'paid-media', paidStars: '25' }],
      // A dice roll: tdesktop writes nothing of it but an empty message, which is still counted.
      ['messages[5]', 'message', undefined, undefined],
    ]);
    expect(r.events.every((e) => e.sender?.id === 'user4400000001')).toBe(true);
    expect(r.accounting).toEqual({ records: 6, events: 6, skipped: 0, rejected: 0 });
  });
});

describe('chunk boundaries in the call and media fixtures', () => {
  for (const file of ['fixtures/telegram-json-calls/result.json', 'fixtures/telegram-json-media/result.json'])
    it(`${file} reads the same in 1-, 3- and 61-byte chunks`, async () => {
      const bytes = readFileSync(file);
      const whole = await collect(chunked(bytes, bytes.length + 1));
      expect(whole.events.length).toBeGreaterThan(0);
      for (const size of [1, 3, 61])
        expect(await collect(chunked(bytes, size)), `chunks of ${size}`).toEqual(whole);
    });
});

describe('service entries that are contacts', () => {
  const FILE = 'fixtures/telegram-json-service/result.json';

  it('reads a proximity alert and an invitation to a group call as events of the person who caused them', async () => {
    const run = await runSource(telegramJson, FILE);
    const byId = Object.fromEntries(run.events.map((e) => [e.nativeId, e]));
    // "Sam Example is within 50 m of you": Sam came near; the distance is kept as written.
    expect(byId['4400000001:502']).toMatchObject({
      kind: 'other',
      sender: { id: 'user4400000001', name: 'Sam Example' },
      time: { type: 'instant', ms: 1714769567000 },
      details: { to: 'Zoë Example', toId: 'user4400000002', distanceMetres: '50' },
    });
    expect(byId['4400000001:502']!.call).toBeUndefined();
    // Sam rang Zoë (and someone Telegram could not name) to join a group voice chat; nothing says who joined.
    expect(byId['4400000001:503']).toMatchObject({
      kind: 'call',
      sender: { id: 'user4400000001', name: 'Sam Example' },
      call: { status: 'unknown' },
      details: { callType: 'group-invitation', to: 'Zoë Example, (unnamed)' },
    });
    // The other way round: Zoë came within 1.2 km of Sam, who had set the alert.
    expect(byId['4400000001:504']).toMatchObject({
      kind: 'other',
      sender: { id: 'user4400000002', name: 'Zoë Example' },
      details: { to: 'Sam Example', toId: 'user4400000001', distanceMetres: '1200' },
    });
    expect(run.skipped).toEqual([{ reason: 'service-pin-message', locator: 'messages[4]' }]);
    expect(run.accounting).toEqual({ records: 5, events: 4, skipped: 1, rejected: 0 });
  });
});
