/**
 * A Messenger or Instagram thread file (classic or E2EE JSON) holding one value of megabytes, as a damaged or
 * hand-made file could: a message's text (`content`, `text`) is kept to its first MAX_TEXT_BYTES like every other
 * reader's (cut before a whole character, flagged MESSENGER_TEXT_CUT, warned as MESSENGER_TEXT_TOO_LONG with its full
 * length); a message over 32 MiB otherwise is rejected at its locator (MESSENGER_JSON_MESSAGE_TOO_LARGE) and the
 * messages after it are read; a top-level value over 32 MiB is passed over with a warning. Before, one value over
 * 32 MiB stopped the file ("a single value larger than 32 MiB"), and a 300 MB sender name kept the file from being
 * recognised at all. Built at test time from fixtures/messenger-json-long-values (nothing large is stored), and read
 * in chunks of several sizes: the outcome is the same wherever they end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeProbe } from '../../src/sources/detect.js';
import { cutString, MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { MAX_VALUE_CHARS } from '../../src/sources/meta/json-thread.js';
import type { Source } from '../../src/sources/source.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

const CLASSIC = 'fixtures/messenger-json-long-values/message_1.json';
const E2EE = 'fixtures/messenger-json-long-values/Sam Sample_7.json';

/** The fixture with the first `from` (as written, quotes included) replaced by `to` as written. */
function splicedRaw(file: string, from: string, to: string): Buffer {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`${from} is not in ${file}`);
  return Buffer.from(text.slice(0, at) + to + text.slice(at + from.length), 'utf8');
}
/** The fixture with the first `from` replaced by the JSON string of `to`. */
const spliced = (file: string, from: string, to: string) => splicedRaw(file, from, JSON.stringify(to));

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
  warnings: out.warnings
    .filter((w) => w.code !== 'MESSENGER_CHANNEL_ASSUMED')
    .map((w) => [w.code, w.locator, w.message, w.hint]),
  failure: out.failure?.code,
});

/** The file read in chunks of several sizes, each giving what it gives read whole; that outcome. */
async function sameInAnyChunks(source: Source, bytes: Buffer, name: string) {
  const whole = summary(await runInput(source, inPieces(bytes, bytes.length, name)));
  for (const size of [1000, 4096, 65_536, 1 << 20]) {
    expect(summary(await runInput(source, inPieces(bytes, size, name))), `chunks of ${size}`).toEqual(whole);
  }
  return whole;
}

const hint =
  'Check that message in the export: a damaged or edited file can make one message this long. The message carries the MESSENGER_TEXT_CUT flag.';
const tooLong = (locator: string, member: string, total: number, kept: number) => [
  'MESSENGER_TEXT_TOO_LONG',
  locator,
  `The message at ${locator} has ${total.toLocaleString('en-GB')} bytes of text in "${member}" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first ${kept.toLocaleString('en-GB')} bytes of that text.`,
  hint,
];

describe('a classic Messenger message whose text runs past 1 MiB', () => {
  it('the fixture as it is: three messages, no warning', async () => {
    const out = summary(await runInput(messengerJson, inPieces(readFileSync(CLASSIC), 1 << 16, CLASSIC)));
    expect(out.events.map((e) => [e.locator, e.bytes, e.flags])).toEqual([
      ['messages[0]', 15, undefined],
      ['messages[1]', 9, undefined],
      ['messages[2]', 7, undefined],
    ]);
    expect([out.warnings, out.rejected, out.skipped, out.failure]).toEqual([[], [], [], undefined]);
  });

  it('keeps a content of 3 MiB as one message with its first MiB, cut before a whole character', async () => {
    // "x" first puts the 1 MiB mark inside a two-byte "é", which is left out whole; escapes are read as characters.
    const text = `Answer me\n\t"x${'é'.repeat((3 * MAX_TEXT_BYTES) / 2)}`;
    const total = Buffer.byteLength(text);
    const out = await sameInAnyChunks(messengerJson, spliced(CLASSIC, '"answer me"', text), CLASSIC);
    expect(out).toEqual({
      events: [
        { locator: 'messages[0]', bytes: 15, start: 'Leave me alo', end: 'ne.', flags: undefined },
        {
          locator: 'messages[1]',
          bytes: MAX_TEXT_BYTES - 1,
          start: 'Answer me\n\t"',
          end: 'ééé',
          flags: ['MESSENGER_TEXT_CUT'],
        },
        { locator: 'messages[2]', bytes: 7, start: 'pick up', end: ' up', flags: undefined },
      ],
      skipped: [],
      rejected: [],
      warnings: [tooLong('messages[1]', 'content', total, MAX_TEXT_BYTES - 1)],
      failure: undefined,
    });
  });

  it('keeps a content of exactly 1 MiB whole, and cuts one a byte longer before its last character', async () => {
    const exact = 'a'.repeat(MAX_TEXT_BYTES);
    const whole = summary(
      await runInput(messengerJson, inPieces(spliced(CLASSIC, '"answer me"', exact), 4096)),
    );
    expect(whole.events[1]).toMatchObject({ bytes: MAX_TEXT_BYTES, flags: undefined });
    expect(whole.warnings).toEqual([]);
    // A four-byte emoji across the mark is left out whole.
    const over = `${'a'.repeat(MAX_TEXT_BYTES - 2)}😀`;
    const cut = await sameInAnyChunks(messengerJson, spliced(CLASSIC, '"answer me"', over), CLASSIC);
    expect(cut.events[1]).toMatchObject({
      bytes: MAX_TEXT_BYTES - 2,
      end: 'aaa',
      flags: ['MESSENGER_TEXT_CUT'],
    });
    expect(cut.warnings).toEqual([tooLong('messages[1]', 'content', MAX_TEXT_BYTES + 2, MAX_TEXT_BYTES - 2)]);
  });

  it('decodes a text of more than 8 MiB as written piece by piece, escapes split anywhere, as JSON.parse would', async () => {
    // Escapes of every kind, a surrogate pair written as two escapes, and the double-encoded "Ã©" Meta writes.
    const unit = String.raw`\u00c3\u00a9 caf\u00e9 \ud83d\ude00 \"quoted\" a\/b\\c\n\t😀 `;
    const raw = `"${unit.repeat(Math.ceil((9 << 20) / unit.length))}"`;
    const text = JSON.parse(raw) as string;
    const kept = cutString(text, MAX_TEXT_BYTES).text;
    const bytes = splicedRaw(CLASSIC, '"answer me"', raw);
    const out = await sameInAnyChunks(messengerJson, bytes, CLASSIC);
    expect(out.events[1]).toMatchObject({ bytes: Buffer.byteLength(kept), flags: ['MESSENGER_TEXT_CUT'] });
    expect(out.warnings).toEqual([
      tooLong('messages[1]', 'content', Buffer.byteLength(text), Buffer.byteLength(kept)),
    ]);
    expect(out.rejected).toEqual([]);
    // The text itself, not only its length: the same as the whole string decoded and cut.
    const read = await runInput(messengerJson, inPieces(bytes, 777, CLASSIC));
    expect(read.events[1]?.text === kept).toBe(true);
  });

  it('keeps a content over 32 MiB too: only its first MiB counts towards the message', async () => {
    const text = 'a'.repeat(MAX_VALUE_CHARS + 10);
    const out = summary(
      await runInput(messengerJson, inPieces(spliced(CLASSIC, '"answer me"', text), 1 << 20, CLASSIC)),
    );
    expect(out.events.map((e) => [e.locator, e.bytes, e.flags])).toEqual([
      ['messages[0]', 15, undefined],
      ['messages[1]', MAX_TEXT_BYTES, ['MESSENGER_TEXT_CUT']],
      ['messages[2]', 7, undefined],
    ]);
    expect(out.warnings).toEqual([tooLong('messages[1]', 'content', MAX_VALUE_CHARS + 10, MAX_TEXT_BYTES)]);
    expect([out.rejected, out.failure]).toEqual([[], undefined]);
  });

  it('rejects a text over 8 MiB holding a bare control character at the text, and stops as for any syntax error', async () => {
    const raw = `"${'a'.repeat(9 << 20)}\u0001"`;
    const out = await sameInAnyChunks(messengerJson, splicedRaw(CLASSIC, '"answer me"', raw), CLASSIC);
    expect(out.events.map((e) => e.locator)).toEqual(['messages[0]']);
    expect(out.rejected).toEqual([
      [
        'MESSENGER_JSON_RECORD_MALFORMED',
        'messages[1]',
        expect.stringContaining('(line 20, column 18): its text holds a control character not escaped'),
      ],
    ]);
    expect(out.failure).toBe('MESSENGER_JSON_INVALID');
  });
});

describe('a classic Messenger message or value over 32 MiB otherwise', () => {
  it('passes over a participants list over 32 MiB with a warning and reads every message, in any chunks', async () => {
    const name = 'S'.repeat(MAX_VALUE_CHARS + 10);
    const out = await sameInAnyChunks(messengerJson, spliced(CLASSIC, '"Sam Sample"', name), CLASSIC);
    // The first "Sam Sample" is a participant's name: a top-level value, passed over with a warning.
    expect(out.warnings).toEqual([
      [
        'MESSENGER_JSON_FIELD_TOO_LARGE',
        'participants',
        'The top-level value "participants" is larger than 32 MiB; it was not read.',
        'The file was altered or damaged: compare this entry with the original "Download your information" archive.',
      ],
    ]);
    expect(out.events.map((e) => e.locator)).toEqual(['messages[0]', 'messages[1]', 'messages[2]']);
    expect(out.failure).toBeUndefined();
  });

  it('rejects a message whose sender_name is over 32 MiB, counts it, and reads on', async () => {
    const text = readFileSync(CLASSIC, 'utf8');
    const at = text.indexOf('"Sam Sample"', text.indexOf('"answer me"') - 80);
    const bytes = Buffer.from(
      `${text.slice(0, at)}"${'S'.repeat(MAX_VALUE_CHARS + 10)}"${text.slice(at + '"Sam Sample"'.length)}`,
    );
    const out = await sameInAnyChunks(messengerJson, bytes, CLASSIC);
    expect(out.events.map((e) => [e.locator, e.start])).toEqual([
      ['messages[0]', 'Leave me alo'],
      ['messages[2]', 'pick up'],
    ]);
    expect(out.rejected).toEqual([
      [
        'MESSENGER_JSON_MESSAGE_TOO_LARGE',
        'messages[1]',
        'This entry is larger than 32 MiB, which no Messenger or Instagram message is; it was not read.',
      ],
    ]);
    expect([out.warnings, out.failure]).toEqual([[], undefined]);
    const run = await runInput(messengerJson, inPieces(bytes, 1 << 16, CLASSIC));
    expect(run.events.length + run.skipped.length + run.rejected.length).toBe(3);
  });

  it('recognises the file when its first sender_name runs past the head detection reads', () => {
    const text = readFileSync(CLASSIC, 'utf8');
    const at = text.indexOf('"Sam Sample"', text.indexOf('"messages"'));
    const head = Buffer.from(`${text.slice(0, at)}"${'S'.repeat(1 << 16)}`).subarray(0, 1 << 16);
    expect(messengerJson.detect(makeProbe('message_1.json', CLASSIC, head))).toBe(true);
    expect(messengerE2eeJson.detect(makeProbe('message_1.json', CLASSIC, head))).toBe(false);
    // A head that ends after a whole string of the first message, before its time, is no thread's head.
    const whole = Buffer.from(`${text.slice(0, at)}"Sam Sample",`);
    expect(messengerJson.detect(makeProbe('message_1.json', CLASSIC, whole))).toBe(false);
  });
});

describe('an E2EE Messenger message whose text runs past 1 MiB', () => {
  it('keeps it with its first MiB, flagged and warned, in any chunks', async () => {
    const text = `Answer me ${'😀'.repeat(MAX_TEXT_BYTES / 2)}`;
    const out = await sameInAnyChunks(messengerE2eeJson, spliced(E2EE, '"answer me"', text), E2EE);
    const kept = 10 + 4 * Math.floor((MAX_TEXT_BYTES - 10) / 4);
    expect(out.events.map((e) => [e.locator, e.bytes, e.flags])).toEqual([
      ['messages[0]', 7, undefined],
      ['messages[1]', kept, ['MESSENGER_TEXT_CUT']],
      ['messages[2]', 15, undefined],
    ]);
    expect(out.warnings).toEqual([tooLong('messages[1]', 'text', Buffer.byteLength(text), kept)]);
    expect([out.rejected, out.failure]).toEqual([[], undefined]);
  });
});
