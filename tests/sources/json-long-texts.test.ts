/**
 * A Discord (DiscordChatExporter JSON) or X (direct-messages.js) message whose text runs past anything the app
 * sends (a damaged or hand-made file): as in the chat readers, it is one message, kept with the first
 * MAX_TEXT_BYTES of its text (cut before a whole character), flagged DISCORD_TEXT_CUT / TWITTER_TEXT_CUT and warned
 * of (DISCORD_TEXT_TOO_LONG / TWITTER_TEXT_TOO_LONG) with its full length. stream-json packed each string whole
 * before the reader saw it: a 300 MB text took 807 MB (Discord) and 1.1 GB (X) only for the message to be rejected
 * as over 32 MiB. Any other value over 32 MiB still rejects its message, now passed over as it is read. Built at
 * test time from fixtures/json-long-texts (three messages each; nothing large is stored), and read in chunks of
 * several sizes (from 257 bytes): the outcome is the same wherever they end.
 */
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { discordJson } from '../../src/sources/discord-json/index.js';
import { MAX_VALUE_CHARS } from '../../src/sources/discord-json/json-walk.js';
import { KEY_CHARS } from '../../src/sources/discord-json/json-walker.js';
import { MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import type { Source, SourceInput } from '../../src/sources/source.js';
import { twitterArchive } from '../../src/sources/twitter-archive/index.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

const DISCORD = 'fixtures/json-long-texts/Direct Messages - Sam [1200000000000000031].json';
const TWITTER = 'fixtures/json-long-texts/direct-messages.js';

/** The fixture with the first `from` (a JSON string, quotes included) replaced by the JSON string of `to`. */
function spliced(file: string, from: string, to: string): Buffer {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${from} is not in ${file}`);
  return Buffer.from(text.slice(0, at) + JSON.stringify(to) + text.slice(at + from.length), 'utf8');
}

const summary = (out: Outcome) => ({
  events: out.events.map((e) => ({
    locator: e.locator,
    bytes: e.text === undefined ? undefined : Buffer.byteLength(e.text),
    start: e.text?.slice(0, 12),
    end: e.text?.slice(-3),
    flags: e.flags,
  })),
  skipped: out.skipped,
  rejected: out.rejected.map((r) => [r.code, r.locator, r.message]),
  warnings: out.warnings.map((w) => [w.code, w.locator, w.message, w.hint]),
  failure: out.failure?.code,
});

/** The file read in chunks of several sizes, each giving what it gives read whole; that outcome. */
async function sameInAnyChunks(source: Source, bytes: Buffer, name: string) {
  const whole = summary(await runInput(source, inPieces(bytes, bytes.length, name)));
  for (const size of [257, 999, 1000, 4096, 65_536, 1 << 20]) {
    expect(summary(await runInput(source, inPieces(bytes, size, name))), `chunks of ${size}`).toEqual(whole);
  }
  return whole;
}

const discordHint =
  'Check that message in the export: a damaged or edited file can make one message this long. The message carries the DISCORD_TEXT_CUT flag.';
const notShownHint =
  'Check that message in the export: a damaged or edited file can make one text this long.';
const twitterHint =
  'Check that message in the export: a damaged or edited file can make one message this long. The message carries the TWITTER_TEXT_CUT flag.';

describe('a Discord message whose text runs past 1 MiB', () => {
  it('the fixture as it is: three messages, no warning', async () => {
    const out = summary(await runInput(discordJson, inPieces(readFileSync(DISCORD), 1 << 16, DISCORD)));
    expect(out.events.map((e) => [e.locator, e.bytes, e.flags])).toEqual([
      ['messages[0]', 7, undefined],
      ['messages[1]', 9, undefined],
      ['messages[2]', 15, undefined],
    ]);
    expect([out.warnings, out.rejected, out.skipped, out.failure]).toEqual([[], [], [], undefined]);
  });

  it('keeps a content of 3 MiB as one message with its first MiB, cut before a whole character', async () => {
    // "x" first puts the 1 MiB mark inside a two-byte "é", which is left out whole; escapes are read as characters.
    const text = `Answer me\n\t"x${'é'.repeat((3 * MAX_TEXT_BYTES) / 2)}`;
    const total = Buffer.byteLength(text);
    const out = await sameInAnyChunks(discordJson, spliced(DISCORD, '"answer me"', text), DISCORD);
    expect(out).toEqual({
      events: [
        { locator: 'messages[0]', bytes: 7, start: 'pick up', end: ' up', flags: undefined },
        {
          locator: 'messages[1]',
          bytes: MAX_TEXT_BYTES - 1,
          start: 'Answer me\n\t"',
          end: 'ééé',
          flags: ['DISCORD_TEXT_CUT'],
        },
        { locator: 'messages[2]', bytes: 15, start: 'Leave me alo', end: 'ne.', flags: undefined },
      ],
      skipped: [],
      rejected: [],
      warnings: [
        [
          'DISCORD_TEXT_TOO_LONG',
          'messages[1]',
          `The message at messages[1] has ${total.toLocaleString('en-GB')} bytes of text in "content" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first 1,048,575 bytes of that text.`,
          discordHint,
        ],
      ],
      failure: undefined,
    });
  });

  it('keeps a content of exactly 1 MiB whole, and cuts one a byte longer before its last character', async () => {
    const exact = 'a'.repeat(MAX_TEXT_BYTES);
    const whole = summary(
      await runInput(discordJson, inPieces(spliced(DISCORD, '"answer me"', exact), 4096)),
    );
    expect(whole.events[1]).toMatchObject({ bytes: MAX_TEXT_BYTES, flags: undefined });
    expect(whole.warnings).toEqual([]);
    // A four-byte emoji across the mark is left out whole.
    const over = `${'a'.repeat(MAX_TEXT_BYTES - 2)}😀`;
    const cut = await sameInAnyChunks(discordJson, spliced(DISCORD, '"answer me"', over), DISCORD);
    expect(cut.events[1]).toMatchObject({
      bytes: MAX_TEXT_BYTES - 2,
      end: 'aaa',
      flags: ['DISCORD_TEXT_CUT'],
    });
    expect(cut.warnings.map((w) => w[2])).toEqual([
      `The message at messages[1] has 1,048,578 bytes of text in "content" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first 1,048,574 bytes of that text.`,
    ]);
  });

  it('still rejects a message with another value over 32 MiB (an attachment URL), and reads on', async () => {
    const url = `https://cdn.discordapp.com/${'u'.repeat(MAX_VALUE_CHARS)}`;
    const from = '"https://cdn.discordapp.com/attachments/1200000000000000031/1219391253381120900/note.txt"';
    const bytes = spliced(DISCORD, from, url);
    const out = summary(await runInput(discordJson, inPieces(bytes, 1 << 16, DISCORD)));
    expect(out.events.map((e) => e.locator)).toEqual(['messages[0]', 'messages[2]']);
    expect(out.rejected).toEqual([
      [
        'DISCORD_JSON_MESSAGE_TOO_LARGE',
        'messages[1]',
        'This entry is larger than 32 MiB; no Discord message is, so it was not read.',
      ],
    ]);
    expect(out.warnings).toEqual([]);
  });

  it('rejects a message with a member name or a number over 32 MiB, counted as characters too', async () => {
    const key = readFileSync(DISCORD, 'utf8').replace(
      '"isPinned": false,',
      `"${'k'.repeat(MAX_VALUE_CHARS)}": 1,`,
    );
    const number = readFileSync(DISCORD, 'utf8').replace(
      '"isPinned": false,',
      `"isPinned": ${'7'.repeat(MAX_VALUE_CHARS)},`,
    );
    for (const text of [key, number]) {
      const out = summary(await runInput(discordJson, inPieces(Buffer.from(text), 1 << 16, DISCORD)));
      expect(out.events.map((e) => e.locator)).toEqual(['messages[1]', 'messages[2]']);
      expect(out.rejected.map((r) => [r[0], r[1]])).toEqual([
        ['DISCORD_JSON_MESSAGE_TOO_LARGE', 'messages[0]'],
      ]);
    }
  });

  it('passes over a top-level member whose name is 40 MiB long, and reads the messages', async () => {
    const text = readFileSync(DISCORD, 'utf8').replace(
      '"exportedAt"',
      `"${'n'.repeat(40 << 20)}": [1, "two"],\n  "exportedAt"`,
    );
    const out = await runInput(discordJson, inPieces(Buffer.from(text), 1 << 16, DISCORD));
    expect(out.events.map((e) => [e.locator, e.conversation])).toEqual([
      ['messages[0]', 'Sam'],
      ['messages[1]', 'Sam'],
      ['messages[2]', 'Sam'],
    ]);
    expect([out.rejected, out.warnings, out.failure]).toEqual([[], [], undefined]);
  });

  it('a channel name over 32 MiB is passed over, and the messages are read', async () => {
    const bytes = spliced(DISCORD, '"Sam"', 'S'.repeat(MAX_VALUE_CHARS + 1));
    const out = await runInput(discordJson, inPieces(bytes, 1 << 16, DISCORD));
    expect(out.events.map((e) => [e.locator, e.conversation])).toEqual([
      ['messages[0]', undefined],
      ['messages[1]', undefined],
      ['messages[2]', undefined],
    ]);
    expect(out.failure).toBeUndefined();
  });
});

describe('an X DM whose text runs past 1 MiB', () => {
  it('the fixture as it is: three DMs, no warning', async () => {
    const out = summary(await runInput(twitterArchive, inPieces(readFileSync(TWITTER), 1 << 16, TWITTER)));
    expect(out.events.map((e) => [e.locator, e.flags])).toEqual([
      ['[0].dmConversation.messages[0]', undefined],
      ['[0].dmConversation.messages[1]', ['edited']],
      ['[0].dmConversation.messages[2]', undefined],
    ]);
    expect([out.warnings, out.rejected, out.skipped, out.failure]).toEqual([[], [], [], undefined]);
  });

  it('keeps a text of 3 MiB, and an edit of 2 MiB, as one DM with the first MiB of its text; both warned of', async () => {
    const text = `answer me ${'ü'.repeat((3 * MAX_TEXT_BYTES) / 2)}`;
    const edit = `answer ${'\u{1F600}'.repeat(MAX_TEXT_BYTES / 2)}`;
    const bytes = Buffer.from(
      spliced(TWITTER, '"answer me https://t.co/Qq1Ww2Ee3R"', text)
        .toString('utf8')
        .replace('"answer me"', JSON.stringify(edit)),
    );
    const out = await sameInAnyChunks(twitterArchive, bytes, TWITTER);
    const at = '[0].dmConversation.messages[1]';
    expect(out.events[1]).toEqual({
      locator: at,
      bytes: MAX_TEXT_BYTES,
      start: 'answer me üü',
      end: 'üüü',
      flags: ['edited', 'TWITTER_TEXT_CUT'],
    });
    expect(out.events.map((e) => e.locator)).toEqual([
      '[0].dmConversation.messages[0]',
      at,
      '[0].dmConversation.messages[2]',
    ]);
    expect(out.warnings).toEqual([
      [
        'TWITTER_TEXT_TOO_LONG',
        at,
        `The message at ${at} has ${Buffer.byteLength(text).toLocaleString('en-GB')} bytes of text in "messageCreate.text" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first 1,048,576 bytes of that text.`,
        twitterHint,
      ],
      [
        'TWITTER_TEXT_TOO_LONG',
        at,
        // 7 bytes of "answer " leave 1,048,569 for emoji of four bytes: 262,142 of them, 1,048,568 bytes.
        `The message at ${at} has ${Buffer.byteLength(edit).toLocaleString('en-GB')} bytes of text in "messageCreate.editHistory[0].text" (as UTF-8). chronolog reads at most 1 MiB of a message's text, so only its first 1,048,575 bytes were read; the rest is only in the original file. The timeline does not show that text, so the message is not flagged.`,
        notShownHint,
      ],
    ]);
    expect([out.rejected, out.skipped, out.failure]).toEqual([[], [], undefined]);
  });
});

/** `bytes` handed over in pieces that end at each of `ends` (byte offsets), to put a chunk's end just there. */
function endingAt(bytes: Buffer, ends: number[], path: string): SourceInput {
  const at = [0, ...ends, bytes.length];
  return {
    path,
    name: path.split('/').pop()!,
    bytes: bytes.length,
    open: () => Readable.from(at.slice(1).map((end, i) => Buffer.from(bytes.subarray(at[i]!, end)))),
  };
}

/** The fixture with the first `from` replaced by `raw`, JSON text as it stands (escapes kept as written). */
function splicedRaw(file: string, from: string, raw: string): Buffer {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} is not in ${file}`);
  return Buffer.from(text.replace(from, raw), 'utf8');
}

describe('a text cut at 1 MiB is flagged only on the message that shows it, and worded as what became of it', () => {
  const two = `edit ${'ü'.repeat(MAX_TEXT_BYTES)}`;
  const total = Buffer.byteLength(two).toLocaleString('en-GB');
  const readInPart = (at: string, member: string) =>
    `The message at ${at} has ${total} bytes of text in "${member}" (as UTF-8). chronolog reads at most 1 MiB of a message's text, so only its first 1,048,575 bytes were read; the rest is only in the original file.`;

  it('an X DM whose earlier edit alone is 2 MiB keeps its own text whole, unflagged', async () => {
    const out = await sameInAnyChunks(twitterArchive, spliced(TWITTER, '"answer me"', two), TWITTER);
    const at = '[0].dmConversation.messages[1]';
    expect(out.events[1]).toEqual({
      locator: at,
      bytes: 33,
      start: 'answer me ht',
      end: 'e3R',
      flags: ['edited'],
    });
    expect(out.warnings).toEqual([
      [
        'TWITTER_TEXT_TOO_LONG',
        at,
        `${readInPart(at, 'messageCreate.editHistory[0].text')} The timeline does not show that text, so the message is not flagged.`,
        notShownHint,
      ],
    ]);
  });

  it('a Discord message forwarding a 2 MiB text is flagged only when it shows that text (no content of its own)', async () => {
    const fwd = `"forwardedMessage": { "content": ${JSON.stringify(two)} },\n      "isPinned"`;
    const text = readFileSync(DISCORD, 'utf8');
    const withOwn = Buffer.from(text.replace('"isPinned"', fwd));
    const own = summary(await runInput(discordJson, inPieces(withOwn, 1 << 16, DISCORD)));
    expect(own.events[0]).toMatchObject({ bytes: 7, start: 'pick up', flags: ['forwarded'] });
    expect(own.warnings).toEqual([
      [
        'DISCORD_TEXT_TOO_LONG',
        'messages[0]',
        `${readInPart('messages[0]', 'forwardedMessage.content')} The timeline does not show that text, so the message is not flagged.`,
        notShownHint,
      ],
    ]);
    const without = Buffer.from(text.replace('"isPinned"', fwd).replace('"pick up"', '""'));
    const shown = summary(await runInput(discordJson, inPieces(without, 1 << 16, DISCORD)));
    expect(shown.events[0]).toMatchObject({
      bytes: MAX_TEXT_BYTES - 1,
      flags: ['forwarded', 'DISCORD_TEXT_CUT'],
    });
    expect(shown.warnings.map((w) => [w[2], w[3]])).toEqual([
      [
        `The message at messages[0] has ${total} bytes of text in "forwardedMessage.content" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first 1,048,575 bytes of that text.`,
        discordHint,
      ],
    ]);
  });

  it('a skipped or rejected message is warned of without the flag and without saying how it was counted', async () => {
    const system = spliced(DISCORD, '"answer me"', two)
      .toString('utf8')
      .replace(
        '"type": "Default",\n      "timestamp": "2024-03-18T21:05:30',
        '"type": "RecipientAdd",\n      "timestamp": "2024-03-18T21:05:30',
      );
    const skipped = summary(await runInput(discordJson, inPieces(Buffer.from(system), 1 << 16, DISCORD)));
    expect(skipped.events.map((e) => e.locator)).toEqual(['messages[0]', 'messages[2]']);
    expect(skipped.skipped).toEqual([{ reason: 'system-recipient-add', locator: 'messages[1]' }]);
    expect(skipped.warnings).toEqual([
      ['DISCORD_TEXT_TOO_LONG', 'messages[1]', readInPart('messages[1]', 'content'), notShownHint],
    ]);
    const undated = spliced(DISCORD, '"answer me"', two)
      .toString('utf8')
      .replace('"id": "1219391253381120002"', '"id": "x"')
      .replace('"2024-03-18T21:05:30.000+00:00"', '"yesterday"');
    const rejected = summary(await runInput(discordJson, inPieces(Buffer.from(undated), 1 << 16, DISCORD)));
    expect(rejected.rejected.map((r) => [r[0], r[1]])).toEqual([['DISCORD_JSON_BAD_TIME', 'messages[1]']]);
    expect(rejected.warnings).toEqual([
      ['DISCORD_TEXT_TOO_LONG', 'messages[1]', readInPart('messages[1]', 'content'), notShownHint],
    ]);
    const at = '[0].dmConversation.messages[1]';
    const noTime = spliced(TWITTER, '"answer me https://t.co/Qq1Ww2Ee3R"', two)
      .toString('utf8')
      .replace('"id" : "1769832522838966274"', '"id" : "x"')
      .replace(
        '"createdAt" : "2024-03-18T21:05:30.000Z",\n            "editHistory"',
        '"createdAt" : "soon",\n            "editHistory"',
      );
    const dm = summary(await runInput(twitterArchive, inPieces(Buffer.from(noTime), 1 << 16, TWITTER)));
    expect(dm.rejected.map((r) => [r[0], r[1]])).toEqual([['TWITTER_ARCHIVE_BAD_TIME', at]]);
    expect(dm.warnings).toEqual([
      ['TWITTER_TEXT_TOO_LONG', at, readInPart(at, 'messageCreate.text'), notShownHint],
    ]);
  });

  it('an X conversationId over 32 MiB is told of as such, and the messages are read without it', async () => {
    const bytes = spliced(TWITTER, '"9100000031-9100000032"', '9'.repeat(MAX_VALUE_CHARS + 1));
    const out = await runInput(twitterArchive, inPieces(bytes, 1 << 16, TWITTER));
    expect(out.events.map((e) => [e.locator, e.conversation])).toEqual([
      ['[0].dmConversation.messages[0]', undefined],
      ['[0].dmConversation.messages[1]', undefined],
      ['[0].dmConversation.messages[2]', undefined],
    ]);
    expect(out.warnings.map((w) => [w.code, w.locator, w.message])).toEqual([
      [
        'TWITTER_ARCHIVE_CONVERSATION_VALUE_TOO_LARGE',
        '[0].dmConversation.conversationId',
        'The "conversationId" of the conversation at [0].dmConversation is larger than 32 MiB, which no X archive writes, so it was not read. The conversation\'s messages were read without it: their conversation is not named.',
      ],
    ]);
  });
});

describe('where the 1 MiB mark falls in a text as files really write it', () => {
  it('an escaped surrogate pair (as DiscordChatExporter writes an emoji) across the mark is left out whole', async () => {
    for (const before of [MAX_TEXT_BYTES - 1, MAX_TEXT_BYTES - 3, MAX_TEXT_BYTES - 4]) {
      const raw = `"${'a'.repeat(before)}\\uD83D\\uDE00 end"`;
      const bytes = splicedRaw(DISCORD, '"answer me"', raw);
      const low = bytes.indexOf('\\uDE00');
      // Read whole, in chunks of every size above, and with a chunk ending inside and between the two escapes.
      const whole = await sameInAnyChunks(discordJson, bytes, DISCORD);
      for (const end of [low - 6, low - 3, low, low + 2]) {
        expect(
          summary(await runInput(discordJson, endingAt(bytes, [end], DISCORD))),
          `${before} ${end}`,
        ).toEqual(whole);
      }
      const emoji = before + 4 <= MAX_TEXT_BYTES;
      expect(whole.events[1]).toMatchObject({
        bytes: emoji ? before + 4 : before,
        end: emoji ? 'a\u{1F600}' : 'aaa',
        flags: ['DISCORD_TEXT_CUT'],
      });
      expect(whole.warnings.map((w) => w[2])).toEqual([
        `The message at messages[1] has ${(before + 8).toLocaleString('en-GB')} bytes of text in "content" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${(emoji ? before + 4 : before).toLocaleString('en-GB')} bytes of that text.`,
      ]);
    }
  });

  it('a UTF-16 file (with its byte-order mark) is cut where its UTF-8 copy is', async () => {
    // 11 bytes before the "é"s put the mark inside one, left out whole.
    const text = `Answer me! ${'é'.repeat((3 * MAX_TEXT_BYTES) / 2)}`;
    const utf8 = spliced(DISCORD, '"answer me"', text);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8.toString('utf8'), 'utf16le')]);
    const expected = summary(await runInput(discordJson, inPieces(utf8, 1 << 16, DISCORD)));
    expect(expected.events[1]).toMatchObject({ bytes: MAX_TEXT_BYTES - 1, flags: ['DISCORD_TEXT_CUT'] });
    expect(await sameInAnyChunks(discordJson, utf16, DISCORD)).toEqual(expected);
  });

  it(`a top-level member name is kept to its first ${KEY_CHARS} characters and "…" in what is said of it`, async () => {
    // The file breaks off inside a member whose name is 2 MiB long: the failure names where, by that name's start.
    const name = 'n'.repeat(2 << 20);
    const text = readFileSync(DISCORD, 'utf8');
    const cut = `${text.slice(0, text.indexOf('"exportedAt"'))}"${name}": [1, "tw`;
    const out = await runInput(discordJson, inPieces(Buffer.from(cut), 1 << 16, DISCORD));
    expect(out.failure?.code).toBe('DISCORD_JSON_TRUNCATED');
    expect(out.failure?.message).toContain(`inside ${'n'.repeat(KEY_CHARS)}…`);
    expect(out.failure?.message).not.toContain('n'.repeat(KEY_CHARS + 1));
  });
});
