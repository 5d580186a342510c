/**
 * A Telegram Desktop message whose text runs past anything Telegram sends (4,096 characters; a damaged or hand-made
 * result.json): it is one message, kept with the first MAX_TEXT_BYTES of its visible text (the strings and entity
 * texts of `text`, joined), cut before a whole character, flagged TELEGRAM_TEXT_CUT and warned of
 * (TELEGRAM_TEXT_TOO_LONG) with its full length, as Messenger's are (long-text.ts `warnJsonTextCut`). A text over
 * HOLD_TEXT_CHARS as written is read as it comes and never held; the outcome is the same wherever the chunks end.
 * The files are generated in a temporary folder (nothing large is stored).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/index.js';
import { cutString, HOLD_TEXT_CHARS, MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { telegramJson } from '../../src/sources/telegram-json/index.js';
import { reportOf } from '../helpers/report.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

const tmp = mkdtempSync(join(tmpdir(), 'telegram-long-texts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const n = (x: number) => x.toLocaleString('en-GB');
const MiB = 1 << 20;

/** One message as tdesktop writes it: `text` and its `text_entities` twin. */
function message(id: number, seconds: number, text: unknown, entities: unknown): string {
  return JSON.stringify({
    id,
    type: 'message',
    date: new Date(seconds * 1000).toISOString().slice(0, 19),
    date_unixtime: String(seconds),
    from: 'Sam Example',
    from_id: 'user4400000001',
    text,
    text_entities: entities,
  });
}

// 9 MiB of visible text in three parts, the middle a bold entity of "é" (two bytes each), so that the cut at 1 MiB
// falls inside a character unless made before it; 2 MiB of "x" then "😠" (four bytes) in one string.
const bigMiddle = 'é'.repeat((9 * MiB) / 2);
const BIG = `see ${bigMiddle} now`;
const BIG_TEXT = ['see ', { type: 'bold', text: bigMiddle }, ' now'];
const BIG_ENTITIES = [
  { type: 'plain', text: 'see ' },
  { type: 'bold', text: bigMiddle },
  { type: 'plain', text: ' now' },
];
const SMALL = `x${'😠'.repeat(MiB / 2)}`;

const FILE = join(tmp, 'result.json');
writeFileSync(
  FILE,
  `{\n "name": "Sam Example",\n "type": "personal_chat",\n "id": 4400000001,\n "messages": [\n  ${[
    message(1, 1710000000, 'hello', [{ type: 'plain', text: 'hello' }]),
    message(2, 1710000060, BIG_TEXT, BIG_ENTITIES),
    message(3, 1710000120, SMALL, [{ type: 'plain', text: SMALL }]),
    message(4, 1710000180, 'after', [{ type: 'plain', text: 'after' }]),
  ].join(',\n  ')}\n ]\n}\n`,
);

const summary = (out: Outcome) => ({
  events: out.events.map((e) => ({
    locator: e.locator,
    bytes: e.text === undefined ? undefined : Buffer.byteLength(e.text),
    text: e.text !== undefined && e.text.length > 100 ? `${e.text.slice(0, 8)}…${e.text.slice(-3)}` : e.text,
    flags: e.flags,
  })),
  skipped: out.skipped,
  rejected: out.rejected.map((r) => [r.code, r.locator, r.message]),
  warnings: out.warnings.map((w) => [w.code, w.locator, w.message, w.hint]),
  failure: out.failure?.code,
});

async function sameInAnyChunks(bytes: Buffer, sizes = [65_536, 999_983, 1 << 20]) {
  const whole = summary(await runInput(telegramJson, inPieces(bytes, bytes.length, 'result.json')));
  for (const size of sizes)
    expect(
      summary(await runInput(telegramJson, inPieces(bytes, size, 'result.json'))),
      `chunks of ${size}`,
    ).toEqual(whole);
  return whole;
}

const HINT =
  'Check that message in the export: a damaged or edited file can make one message this long. The message carries the TELEGRAM_TEXT_CUT flag.';

describe('a Telegram text over 1 MiB', () => {
  it('is kept cut to its first MiB, flagged and warned of with its full length, read as it comes over 8 MiB', async () => {
    const bytes = readFileSync(FILE);
    expect(bytes.length).toBeGreaterThan(2 * HOLD_TEXT_CHARS);
    const out = await sameInAnyChunks(bytes);
    expect(out.failure).toBeUndefined();
    expect(out.rejected).toEqual([]);
    const big = cutString(BIG, MAX_TEXT_BYTES);
    const small = cutString(SMALL, MAX_TEXT_BYTES);
    // "see " and 524,286 "é" fill 1,048,576 bytes: the cut falls after a whole "é"; "x" and 262,143 "😠" 1,048,573.
    expect(Buffer.byteLength(big.text)).toBe(MAX_TEXT_BYTES);
    expect(Buffer.byteLength(small.text)).toBe(MAX_TEXT_BYTES - 3);
    expect(out.events).toEqual([
      { locator: 'messages[0]', bytes: 5, text: 'hello', flags: undefined },
      {
        locator: 'messages[1]',
        bytes: MAX_TEXT_BYTES,
        text: `${big.text.slice(0, 8)}…ééé`,
        flags: ['TELEGRAM_TEXT_CUT'],
      },
      {
        locator: 'messages[2]',
        bytes: MAX_TEXT_BYTES - 3,
        text: `${small.text.slice(0, 8)}…${small.text.slice(-3)}`,
        flags: ['TELEGRAM_TEXT_CUT'],
      },
      { locator: 'messages[3]', bytes: 5, text: 'after', flags: undefined },
    ]);
    // The accounting: kept + left out is the whole text, in bytes of UTF-8.
    expect(Buffer.byteLength(big.text) + big.dropped).toBe(Buffer.byteLength(BIG));
    expect(Buffer.byteLength(small.text) + small.dropped).toBe(Buffer.byteLength(SMALL));
    expect(out.warnings).toEqual([
      [
        'TELEGRAM_TEXT_TOO_LONG',
        'messages[1]',
        `The message at messages[1] has ${n(Buffer.byteLength(BIG))} bytes of text in "text" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${n(MAX_TEXT_BYTES)} bytes of that text.`,
        HINT,
      ],
      [
        'TELEGRAM_TEXT_TOO_LONG',
        'messages[2]',
        `The message at messages[2] has ${n(Buffer.byteLength(SMALL))} bytes of text in "text" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${n(MAX_TEXT_BYTES - 3)} bytes of that text.`,
        HINT,
      ],
    ]);
    // The first MiB is exactly the whole text's.
    const full = await runInput(telegramJson, inPieces(bytes, 65_536, 'result.json'));
    expect(full.events[1]!.text).toBe(big.text);
    expect(full.events[2]!.text).toBe(small.text);
  });

  it('gives a report that validates, every record accounted for', async () => {
    const report = await reportOf([FILE]);
    const input = report.inputs.find((i) => i.format === 'telegram-json')!;
    // Records read = events + skipped + rejected: the two long messages are among the events, none lost.
    expect(input).toMatchObject({ events: 4, skipped: 0, rejected: 0 });
    expect(input.events + input.skipped + input.rejected).toBe(input.records);
    expect(input.records).toBe(4);
    expect(report.problems.filter((p) => p.code === 'TELEGRAM_TEXT_TOO_LONG').map((p) => p.locator)).toEqual([
      'messages[1]',
      'messages[2]',
    ]);
    // The JSON output says so too, and reads back through its schema.
    expect(ReportSchema.parse(JSON.parse(JSON.stringify(report)))).toEqual(report);
  });
});

/** A one-chat result.json of `messages` (JSON texts), as bytes. */
const chat = (messages: string[]) =>
  Buffer.from(
    `{"name": "Sam Example", "type": "personal_chat", "id": 4400000001, "messages": [\n${messages.join(',\n')}\n]}`,
  );
const after = message(9, 1710000900, 'after', [{ type: 'plain', text: 'after' }]);

describe('a text read as it comes (over 8 MiB as written)', () => {
  it("has tdesktop's \\xHH control escapes read as the characters, wherever the pieces end", async () => {
    const unit = `${'z'.repeat(997)}\\x07`;
    const body = unit.repeat(Math.ceil(HOLD_TEXT_CHARS / unit.length) + 100);
    const raw = `{"id": 5, "type": "message", "date_unixtime": "1710000300", "from": "Sam Example", "from_id": "user4400000001", "text": "${body}"}`;
    const whole = JSON.parse(`"${body.replaceAll('\\x07', '\\u0007')}"`) as string;
    const expected = cutString(whole, MAX_TEXT_BYTES);
    const out = await sameInAnyChunks(chat([raw, after]), [65_536, 999_983, 4093]);
    expect(out.rejected).toEqual([]);
    expect(out.events[0]).toEqual({
      locator: 'messages[0]',
      bytes: Buffer.byteLength(expected.text),
      text: `${expected.text.slice(0, 8)}…${expected.text.slice(-3)}`,
      flags: ['TELEGRAM_CONTROL_ESCAPES', 'TELEGRAM_TEXT_CUT'],
    });
    expect(out.warnings.map((w) => w[0])).toEqual(['TELEGRAM_CONTROL_ESCAPES', 'TELEGRAM_TEXT_TOO_LONG']);
    expect(out.warnings[1]![2]).toContain(`has ${n(Buffer.byteLength(whole))} bytes of text in "text"`);
  });

  it('that is no JSON rejects its message as a held one does, and the next is read', async () => {
    const body = `${'q'.repeat(5 * MiB)}\\q${'q'.repeat(5 * MiB)}`;
    const raw = `{"id": 5, "type": "message", "date_unixtime": "1710000300", "text": "${body}"}`;
    const out = await sameInAnyChunks(chat([raw, after]), [65_536, 999_983]);
    expect(out.rejected).toEqual([
      [
        'TELEGRAM_BAD_JSON',
        'messages[0]',
        `This message cannot be read: the value of "text" is not valid JSON: "${'q'.repeat(59)}….`,
      ],
    ]);
    expect(out.events.map((e) => e.text)).toEqual(['after']);
  });

  it('in text_entities alone (no text member) is kept cut and named as such', async () => {
    const big = 'w'.repeat(9 * MiB);
    const raw = `{"id": 5, "type": "message", "date_unixtime": "1710000300", "text_entities": [{"type": "plain", "text": "${big}"}]}`;
    const out = await sameInAnyChunks(chat([raw, after]));
    expect(out.events[0]).toMatchObject({ bytes: MAX_TEXT_BYTES, flags: ['TELEGRAM_TEXT_CUT'] });
    expect(out.warnings[0]![2]).toContain(`has ${n(9 * MiB)} bytes of text in "text_entities" (as UTF-8)`);
  });

  it('in a message without a time: rejected, the warning says only its first MiB was read, nothing flagged', async () => {
    const big = 'w'.repeat(9 * MiB);
    const raw = `{"id": 5, "type": "message", "from": "Sam Example", "text": "${big}"}`;
    const out = await sameInAnyChunks(chat([raw, after]), [65_536]);
    expect(out.rejected.map((r) => [r[0], r[1]])).toEqual([['TELEGRAM_BAD_DATE', 'messages[0]']]);
    expect(out.warnings).toEqual([
      [
        'TELEGRAM_TEXT_TOO_LONG',
        'messages[0]',
        `The message at messages[0] has ${n(9 * MiB)} bytes of text in "text" (as UTF-8). chronolog reads at most 1 MiB of a message's text, so only its first ${n(MAX_TEXT_BYTES)} bytes were read; the rest is only in the original file.`,
        'Check that message in the export: a damaged or edited file can make one text this long.',
      ],
    ]);
  });
});

describe('the 32 MiB a message may hold besides its text', () => {
  it('leaves the text out, held or read as it comes: 20 MiB besides a text of 8 MiB less a byte, or of 9 MiB, are read', async () => {
    const other = 'p'.repeat(20 * MiB);
    for (const size of [HOLD_TEXT_CHARS - 3, 9 * MiB]) {
      const text = 't'.repeat(size);
      const raw = `{"id": 5, "type": "message", "date_unixtime": "1710000300", "photo": "${other}", "text": "${text}", "text_entities": [{"type": "plain", "text": "${text}"}]}`;
      const out = await sameInAnyChunks(chat([raw, after]), [65_536, 999_983]);
      expect(out.rejected, `text of ${size}`).toEqual([]);
      expect(out.events[0], `text of ${size}`).toMatchObject({
        bytes: MAX_TEXT_BYTES,
        flags: ['TELEGRAM_TEXT_CUT'],
      });
    }
  });

  it('leaves out one text only: a text repeated six times at 7 MiB is 35 MiB besides it, and rejected unread', async () => {
    const seven = 't'.repeat(7 * MiB);
    const texts = Array.from({ length: 6 }, () => `"text": "${seven}"`).join(', ');
    const raw = `{"id": 5, "type": "message", "date_unixtime": "1710000300", ${texts}}`;
    const out = await sameInAnyChunks(chat([raw, after]), [65_536, 999_983]);
    expect(out.rejected).toEqual([
      [
        'TELEGRAM_TOO_LARGE',
        'messages[0]',
        'This entry is larger than 32 MiB besides its text, which Telegram Desktop never writes; it was not read.',
      ],
    ]);
    expect(out.events.map((e) => e.text)).toEqual(['after']);
  });
});
