/**
 * A Messenger or Instagram JSON message whose text runs past anything the apps send (a damaged or hand-made file):
 * it is one message, kept with the first MAX_TEXT_BYTES of its text as it reads, flagged MESSENGER_TEXT_CUT and
 * warned of (MESSENGER_TEXT_TOO_LONG) with its full length. Meta double-encodes every non-ASCII character
 * (meta/mojibake.ts), so the text is measured and cut once repaired, never inside the bytes of one character, and
 * a cut text never turns the file's repair off. A text of megabytes is never held whole; any other message over
 * 32 MiB is rejected and the rest of the file read. Built at test time from fixtures/messenger-json-long-values-2
 * (three messages a file; nothing large is stored), and read in chunks of several sizes: the outcome is the same
 * wherever they end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeProbe } from '../../src/sources/detect.js';
import { cutString, MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { MAX_VALUE_CHARS } from '../../src/sources/meta/json-thread.js';
import { HOLD_TEXT_CHARS } from '../../src/sources/meta/json-value.js';
import { toMojibake } from '../../src/sources/meta/mojibake.js';
import type { Source } from '../../src/sources/source.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

const DIR = 'fixtures/messenger-json-long-values-2';
const CLASSIC = `${DIR}/message_1.json`;
const E2EE = `${DIR}/Zoe Sample_7.json`;

/** `s` as Meta writes it: its UTF-8 bytes one `\u00XX` escape each, ASCII as it is (a JSON string, quotes included). */
function metaString(s: string): string {
  const body = toMojibake(s).replace(/[\u0080-\u00ff"\\]/g, (c) =>
    c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `"${body}"`;
}

/** The fixture with the first `from` (as written, quotes included) replaced by `to` (as written). */
function spliced(file: string, from: string, to: string): Buffer {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${from} is not in ${file}`);
  return Buffer.from(text.slice(0, at) + to + text.slice(at + from.length), 'utf8');
}

const summary = (out: Outcome) => ({
  events: out.events.map((e) => ({
    locator: e.locator,
    sender: e.sender?.name,
    conversation: e.conversation,
    bytes: e.text === undefined ? undefined : Buffer.byteLength(e.text),
    start: e.text?.slice(0, 8),
    end: e.text === undefined ? undefined : Array.from(e.text).slice(-3).join(''),
    flags: e.flags,
  })),
  skipped: out.skipped,
  rejected: out.rejected.map((r) => [r.code, r.locator, r.message]),
  warnings: out.warnings.map((w) => [w.code, w.locator, w.message, w.hint]),
  failure: out.failure?.code,
});

/** The file read in chunks of several sizes, each giving what it gives read whole; that outcome. */
async function sameInAnyChunks(
  source: Source,
  bytes: Buffer,
  name: string,
  sizes = [999, 4096, 65_536, 1 << 20],
) {
  const whole = summary(await runInput(source, inPieces(bytes, bytes.length, name)));
  for (const size of sizes) {
    expect(summary(await runInput(source, inPieces(bytes, size, name))), `chunks of ${size}`).toEqual(whole);
  }
  return whole;
}

const REPAIRED = (n: number) => [
  'MESSENGER_MOJIBAKE_REPAIRED',
  undefined,
  `Repaired Meta's double-encoded text in ${n} strings (UTF-8 bytes written as \\u00XX escapes, e.g. "Ã©" for "é").`,
  'Nothing to do: names and texts are shown as the app showed them; the file itself is unchanged.',
];
const cutHint =
  'Check that message in the export: a damaged or edited file can make one message this long. The message carries the MESSENGER_TEXT_CUT flag.';
const readHint = 'Check that message in the export: a damaged or edited file can make one text this long.';
const n = (x: number) => x.toLocaleString('en-GB');

describe('a double-encoded text over 1 MiB', () => {
  // "x" then "é" again and again: as written, "xÃ©Ã©…"; a cut of the text as written (one byte of UTF-8 for "x", two
  // for each of "Ã" and "©") at 1 MiB falls between the "Ã" and the "©" of one "é", which is no UTF-8, so that text
  // would vote "not double-encoded" and turn the repair off for the whole file ("Zoë" read "ZoÃ«").
  for (const [label, count] of [
    ['held whole (under 8 MiB as written)', 600_000],
    ['decoded as it is read (over 8 MiB as written)', 1_000_000],
  ] as const) {
    it(`is cut on the repaired text before a whole character, and the file stays repaired: ${label}`, async () => {
      const text = `x${'é'.repeat(count)}`;
      const written = metaString(text);
      expect(written.length > HOLD_TEXT_CHARS).toBe(count === 1_000_000);
      const total = 1 + 2 * count;
      // 1 MiB of repaired text is "x" and 524,287 "é" (1,048,575 bytes): the next "é" would end past the cap.
      const kept = MAX_TEXT_BYTES - 1;
      for (const [source, file, member, at] of [
        [messengerJson, CLASSIC, 'content', 'messages[1]'],
        [messengerE2eeJson, E2EE, 'text', 'messages[1]'],
      ] as const) {
        const out = await sameInAnyChunks(
          source,
          spliced(file, '"answer me"', written),
          file.split('/').pop()!,
          [999, 65_536, 1 << 20],
        );
        expect(out.failure).toBeUndefined();
        expect(out.rejected).toEqual([]);
        const cut = out.events.find((e) => e.locator === at)!;
        expect(cut).toMatchObject({
          sender: 'Zoë Sample',
          bytes: kept,
          start: 'xééééééé',
          end: 'ééé',
          flags: ['MESSENGER_TEXT_CUT'],
        });
        // Every name repaired: the cut text did not turn the repair off.
        expect(out.events.map((e) => e.sender)).toEqual(['Zoë Sample', 'Zoë Sample', 'Zoë Sample']);
        expect(out.events.filter((e) => e.flags !== undefined)).toHaveLength(1);
        expect(out.warnings).toContainEqual(REPAIRED(7));
        expect(out.warnings).toContainEqual([
          'MESSENGER_TEXT_TOO_LONG',
          at,
          `The message at ${at} has ${n(total)} bytes of text in "${member}" (as UTF-8, once Meta's double encoding is undone), more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${n(kept)} bytes of that text.`,
          cutHint,
        ]);
        expect(out.warnings.map((w) => w[0])).not.toContain('MESSENGER_MOJIBAKE_NOT_REPAIRED');
      }
    });
  }

  it('is measured once repaired: 1,000,000 bytes of "é" (2,000,000 as written) are kept whole', async () => {
    const text = 'é'.repeat(500_000);
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(CLASSIC, '"answer me"', metaString(text)),
      'message_1.json',
      [4096, 1 << 20],
    );
    expect(out.events[1]).toMatchObject({ bytes: 1_000_000, start: 'éééééééé' });
    expect(out.events[1]!.flags).toBeUndefined();
    expect(out.warnings.map((w) => w[0])).not.toContain('MESSENGER_TEXT_TOO_LONG');
  });

  it('is cut at 1 MiB of repaired text, not half of it, with a four-byte character never split', async () => {
    // 😠 is four bytes repaired (eight characters, and 48 as written): 262,144 of them fill 1 MiB exactly.
    const text = `ab${'😠'.repeat(300_000)}`;
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(CLASSIC, '"answer me"', metaString(text)),
      'message_1.json',
      [999, 1 << 20],
    );
    // "ab" and 262,143 whole emoji: one more would end 2 bytes past the cap.
    expect(out.events[1]).toMatchObject({ bytes: 2 + 4 * 262_143, start: 'ab😠😠😠', end: '😠😠😠' });
    expect(out.warnings).toContainEqual(
      expect.arrayContaining([
        expect.stringContaining(
          `has ${n(2 + 4 * 300_000)} bytes of text in "content" (as UTF-8, once Meta's double encoding is undone)`,
        ),
      ]),
    );
  });
});

describe('a text decoded as it is read (over 8 MiB as written)', () => {
  it('votes on the double encoding as the whole string does, not by its start', async () => {
    // Double-encoded all through but for one lone "Ã" past the first MiB: the whole string is no UTF-8, as a whole
    // string held would say, so nothing in the file is repaired.
    const written = `${metaString('é'.repeat(1_000_000)).slice(0, -1)}\\u00c3"`;
    expect(written.length > HOLD_TEXT_CHARS).toBe(true);
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(CLASSIC, '"answer me"', written),
      'message_1.json',
      [4096],
    );
    expect(out.warnings.map((w) => w[0])).toContain('MESSENGER_MOJIBAKE_NOT_REPAIRED');
    expect(out.events[0]!.sender).toBe('ZoÃ« Sample');
  });

  it('is decoded exactly as JSON.parse decodes it, every kind of escape, wherever the pieces end', async () => {
    const unit = 'a\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude20\\u2014é—😠 ';
    const body = unit.repeat(Math.ceil(HOLD_TEXT_CHARS / unit.length) + 10);
    const whole = JSON.parse(`"${body}"`) as string;
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(CLASSIC, '"answer me"', `"${body}"`),
      'message_1.json',
      [257, 999, 4096, 1 << 20],
    );
    const expected = cutString(whole, MAX_TEXT_BYTES);
    expect(out.events[1]).toMatchObject({
      bytes: Buffer.byteLength(expected.text),
      start: expected.text.slice(0, 8),
      flags: ['MESSENGER_TEXT_CUT'],
    });
    const full = await runInput(
      messengerJson,
      inPieces(spliced(CLASSIC, '"answer me"', `"${body}"`), 999, 'message_1.json'),
    );
    expect(full.events[1]!.text).toBe(expected.text);
    expect(full.warnings).toContainEqual(
      expect.objectContaining({
        code: 'MESSENGER_TEXT_TOO_LONG',
        message: expect.stringContaining(
          `has ${n(Buffer.byteLength(whole))} bytes of text in "content" (as UTF-8),`,
        ),
      }),
    );
  });
});

describe('a text over 1 MiB in a message the timeline does not keep', () => {
  const long = metaString('z'.repeat(MAX_TEXT_BYTES + 10));
  const said = `The message at messages[1] has ${n(MAX_TEXT_BYTES + 10)} bytes of text in "content" (as UTF-8, once Meta's double encoding is undone). chronolog reads at most 1 MiB of a message's text, so only its first ${n(MAX_TEXT_BYTES)} bytes were read; the rest is only in the original file.`;

  it('rejected (no time): warned of as read in part, never as counted, and nothing flagged', async () => {
    const bytes = Buffer.from(
      spliced(CLASSIC, '"answer me"', long).toString('utf8').replace('"timestamp_ms": 1710411660000,', ''),
    );
    const out = await sameInAnyChunks(messengerJson, bytes, 'message_1.json', [4096]);
    expect(out.rejected).toEqual([
      ['MESSENGER_BAD_TIMESTAMP', 'messages[1]', 'messages[1] has no timestamp_ms.'],
    ]);
    expect(out.warnings).toContainEqual(['MESSENGER_TEXT_TOO_LONG', 'messages[1]', said, readHint]);
    expect(
      out.warnings.filter((w) => w[0] === 'MESSENGER_TEXT_TOO_LONG' && String(w[2]).includes('counted')),
    ).toEqual([]);
    expect(out.events.map((e) => e.flags)).toEqual([undefined, undefined]);
  });

  it('skipped (a membership notice): likewise', async () => {
    const bytes = Buffer.from(
      spliced(CLASSIC, '"answer me"', long)
        .toString('utf8')
        .replace(`${long},\n      "type": "Generic"`, `${long},\n      "type": "Subscribe"`),
    );
    const out = await sameInAnyChunks(messengerJson, bytes, 'message_1.json', [4096]);
    expect(out.skipped).toEqual([{ reason: 'membership-notice', locator: 'messages[1]' }]);
    expect(out.warnings).toContainEqual(['MESSENGER_TEXT_TOO_LONG', 'messages[1]', said, readHint]);
    expect(out.events).toHaveLength(2);
  });
});

describe('values over 32 MiB', () => {
  it('a text of 40 MB is kept with its first MiB, never held, and the messages after it are read', async () => {
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(CLASSIC, '"answer me"', `"${'a'.repeat(40_000_000)}"`),
      'message_1.json',
      [65_536],
    );
    expect(out.failure).toBeUndefined();
    expect(out.events.map((e) => [e.locator, e.bytes])).toEqual([
      ['messages[0]', 18],
      ['messages[1]', MAX_TEXT_BYTES],
      ['messages[2]', 23],
    ]);
  });

  it('a message over 32 MiB otherwise (its sender) is rejected, the others read, the file still repaired', async () => {
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(
        CLASSIC,
        '"sender_name": "Zo\\u00c3\\u00ab Sample",\n      "timestamp_ms": 1710411660000',
        `"sender_name": "${'S'.repeat(MAX_VALUE_CHARS)}",\n      "timestamp_ms": 1710411660000`,
      ),
      'message_1.json',
      [65_536],
    );
    expect(out.failure).toBeUndefined();
    expect(out.rejected).toEqual([
      [
        'MESSENGER_JSON_MESSAGE_TOO_LARGE',
        'messages[1]',
        'This entry is larger than 32 MiB, which no Messenger or Instagram message is; it was not read.',
      ],
    ]);
    expect(out.events.map((e) => [e.locator, e.sender])).toEqual([
      ['messages[0]', 'Zoë Sample'],
      ['messages[2]', 'Zoë Sample'],
    ]);
  });
});

describe('the 32 MiB of a message', () => {
  // 25 MiB of a reaction beside the text: the message is no larger than 32 MiB but for its text, which is bounded on
  // its own (held up to 8 MiB as written, else kept cut), so how long the text is never decides whether it is read.
  const withReaction = (textChars: number) =>
    spliced(
      CLASSIC,
      '"content": "answer me"',
      `"reactions": [{"reaction": "${'r'.repeat(25 << 20)}", "actor": "Alex"}], "content": "${'q'.repeat(textChars)}"`,
    );

  it.each([
    ['just under the 8 MiB held whole', HOLD_TEXT_CHARS - 1],
    ['over the 8 MiB held whole', HOLD_TEXT_CHARS + 1],
    ['under 1 MiB', 1000],
  ])('with a text %s is read, its text kept to its first MiB', async (_, chars) => {
    const out = await sameInAnyChunks(messengerJson, withReaction(chars), 'message_1.json', [65_536]);
    expect(out.rejected).toEqual([]);
    expect(out.events.map((e) => [e.locator, e.bytes])).toEqual([
      ['messages[0]', 18],
      ['messages[1]', Math.min(chars, MAX_TEXT_BYTES)],
      ['messages[2]', 23],
    ]);
  });

  it('leaves out one text only: "content" written six times at 7 MiB is 35 MiB besides it, and rejected', async () => {
    // JSON.parse keeps the last of a repeated member: the others are no text of the message, and were held whole.
    const seven = `"content": "${'q'.repeat(7 << 20)}"`;
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(CLASSIC, '"content": "answer me"', Array.from({ length: 6 }, () => seven).join(', ')),
      'message_1.json',
      [65_536, 999_983],
    );
    expect(out.rejected.map((r) => [r[0], r[1]])).toEqual([
      ['MESSENGER_JSON_MESSAGE_TOO_LARGE', 'messages[1]'],
    ]);
    expect(out.events.map((e) => e.locator)).toEqual(['messages[0]', 'messages[2]']);
  });

  it('is still exceeded by what is not its text: 33 MiB of reaction beside a short text is rejected', async () => {
    const out = await sameInAnyChunks(
      messengerJson,
      spliced(
        CLASSIC,
        '"content": "answer me"',
        `"reactions": [{"reaction": "${'r'.repeat(33 << 20)}"}], "content": "answer me"`,
      ),
      'message_1.json',
      [65_536],
    );
    expect(out.rejected.map((r) => [r[0], r[1]])).toEqual([
      ['MESSENGER_JSON_MESSAGE_TOO_LARGE', 'messages[1]'],
    ]);
  });
});

describe('detection', () => {
  const probe = (name: string, bytes: Buffer) => makeProbe(name, name, bytes.subarray(0, 64 * 1024));

  it('still knows a thread whose first sender name runs past the head, as Meta begins a thread', () => {
    const bytes = spliced(
      CLASSIC,
      '"Zo\\u00c3\\u00ab Sample",\n      "timestamp_ms"',
      `"${'S'.repeat(100_000)}",\n      "timestamp_ms"`,
    );
    expect(messengerJson.detect(probe('message_1.json', bytes))).toBe(true);
    expect(messengerE2eeJson.detect(probe('message_1.json', bytes))).toBe(false);
  });

  it('does not take other JSON with a "messages" array and a long "sender_name" for Messenger', () => {
    const other = Buffer.from(`{"messages": [{"sender_name": "${'S'.repeat(100_000)}", "body": "hi"}]}`);
    expect(messengerJson.detect(probe('chat.json', other))).toBe(false);
    const titled = Buffer.from(
      `{"title": "x", "messages": [{"sender_name": "${'S'.repeat(100_000)}", "body": "hi"}]}`,
    );
    expect(messengerJson.detect(probe('chat.json', titled))).toBe(false);
  });
});
