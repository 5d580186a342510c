import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { detect, makeProbe } from '../../src/sources/detect.js';
import { type SourceContext, SourceFailure, type SourceInput } from '../../src/sources/index.js';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerHtml } from '../../src/sources/messenger-html/index.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { MAX_VALUE_CHARS } from '../../src/sources/meta/json-thread.js';
import { inPieces, runInput, runSource, type SourceRun } from '../helpers/run-source.js';

const FIXTURES = 'fixtures/messenger-json';
const MULTI = `${FIXTURES}/multifile/inbox/danasample_2223334445`;
const INSTAGRAM = `${FIXTURES}/your_instagram_activity/messages/inbox/samsample99_17841400000000000/message_1.json`;
const tmp = mkdtempSync(join(tmpdir(), 'chronolog-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a scratch thread file (a variation for one assertion, not a fixture) and runs the source over it. */
async function runScratch(doc: unknown, folder = 'case-evidence'): Promise<SourceRun> {
  const dir = join(tmp, folder, Math.random().toString(36).slice(2));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'message_1.json');
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return runSource(messengerJson, file);
}

function probeOf(file: string, bytes = readFileSync(file)) {
  return makeProbe(file.split('/').pop()!, file, bytes.subarray(0, 64 * 1024));
}

/** Collects what a source reports when it reads `input` (for inputs that are not files on disk). */
async function collect(input: SourceInput): Promise<{ events: ParsedEvent[]; failure?: SourceFailure }> {
  const events: ParsedEvent[] = [];
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: (e) => void events.push(e),
    skip: () => {},
    reject: () => {},
    warn: () => {},
    progress: () => {},
  };
  try {
    await messengerJson.parse(input, ctx);
    return { events };
  } catch (err) {
    if (err instanceof SourceFailure) return { events, failure: err };
    throw err;
  }
}

/** Everything a source reports, warnings and the failure word for word. */
const everything = runInput;

/** A file handed over in pieces of `size` bytes, to prove nothing depends on where chunks end. */
const chunked = (file: string, size: number): SourceInput =>
  inPieces(readFileSync(file), size, file, 'message_1.json');

describe('messenger-json fixtures match their goldens', () => {
  const cases = [
    'facebook-bom-mojibake-media-calls.json',
    'group-notices.json',
    'your_instagram_activity/messages/inbox/samsample99_17841400000000000/message_1.json',
    'multifile/inbox/danasample_2223334445/message_1.json',
    'multifile/inbox/danasample_2223334445/message_2.json',
    'multifile/inbox/danasample_2223334445/message_10.json',
    'missing-timestamp.json',
    'legacy-timestamp-seconds.json',
    'correctly-encoded.json',
    'truncated.json',
    'invalid-json.json',
  ];
  for (const name of cases)
    it(name, async () => {
      const file = join(FIXTURES, name);
      const run = await runSource(messengerJson, file);
      const golden = `${file.replace(/\.[a-z0-9]+$/, '')}.expected.json`;
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
});

describe('reading a classic thread', () => {
  it('strips the BOM, repairs double-encoded names, text and title, and keeps the instant to the millisecond', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'facebook-bom-mojibake-media-calls.json'));
    const first = run.events[0]!;
    expect(first).toMatchObject({
      locator: 'messages[0]',
      time: { type: 'instant', ms: 1700000000000, precision: 'ms' },
      channel: 'messenger',
      kind: 'message',
      direction: 'unknown',
      sender: { name: 'Renée Sample' },
      text: 'Why are you ignoring me 😠',
      conversation: 'Renée Sample',
    });
    expect(run.events.map((e) => e.text)).toContain('café at 8? “ok” 👀');
    expect(run.warnings.map((w) => w.code)).toContain('MESSENGER_MOJIBAKE_REPAIRED');
  });

  it('lists reactions in details as the Twitter source does, repaired like the rest of the file', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'facebook-bom-mojibake-media-calls.json'));
    expect(run.events[0]!.details).toEqual({ reactions: '😢 by Zoë Example' });
    // Reactions are part of their message: no record of their own, and the message count is unchanged.
    expect(run.events.filter((e) => e.details?.['reactions'] !== undefined)).toHaveLength(1);
  });

  it('keeps several reactions in order, and a reaction does not make an empty record media', async () => {
    const run = await runScratch({
      participants: [{ name: 'Alex Example' }, { name: 'Sam Sample' }],
      messages: [
        {
          sender_name: 'Sam Sample',
          timestamp_ms: 1700000000000,
          content: 'Answer me',
          reactions: [
            { reaction: '😢', actor: 'Alex Example' },
            { reaction: '😡', actor: 'Sam Sample' },
            { actor: 'Sam Sample' },
            'not a reaction',
          ],
        },
        {
          sender_name: 'Sam Sample',
          timestamp_ms: 1699999000000,
          reactions: [{ reaction: '👍', actor: 'Alex Example' }],
        },
      ],
      title: 'Sam Sample',
    });
    expect(run.events[0]!.details).toEqual({
      reactions: '😢 by Alex Example, 😡 by Sam Sample, ? by Sam Sample',
    });
    expect(run.events[1]).toMatchObject({ kind: 'other', details: { reactions: '👍 by Alex Example' } });
  });

  it('turns calls into kind call on the app channel: missed when missed or 0 s, answered with a duration', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'facebook-bom-mojibake-media-calls.json'));
    const calls = run.events.filter((e) => e.kind === 'call');
    expect(calls.map((e) => [e.locator, e.channel, e.call])).toEqual([
      ['messages[1]', 'messenger', { status: 'missed', durationSec: 0 }],
      ['messages[2]', 'messenger', { status: 'missed', durationSec: 0 }],
      ['messages[3]', 'messenger', { status: 'answered', durationSec: 192 }],
    ]);
  });

  it('keeps "Sorry I missed your call" as a message: sentences only match whole and with their own actor', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'facebook-bom-mojibake-media-calls.json'));
    expect(run.events.find((e) => e.text === 'Sorry I missed your call')?.kind).toBe('message');
  });

  it('counts every attachment type as media, unsent as deleted, and skips notices and pseudo-reactions', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'facebook-bom-mojibake-media-calls.json'));
    const kinds = Object.fromEntries(run.events.map((e) => [e.locator, e.kind]));
    for (const i of [5, 7, 8, 9, 10, 11, 17]) expect(kinds[`messages[${i}]`]).toBe('media');
    expect(kinds['messages[6]']).toBe('message');
    expect(kinds['messages[12]']).toBe('deleted');
    expect(kinds['messages[15]']).toBe('other');
    expect(run.skipped).toEqual([
      { reason: 'reaction', locator: 'messages[13]' },
      { reason: 'settings-notice', locator: 'messages[14]' },
      { reason: 'system-notice', locator: 'messages[19]' },
    ]);
    expect(run.accounting).toEqual({ records: 20, events: 17, skipped: 3, rejected: 0 });
  });

  it('skips group notices by type or by sentence, but only when the sentence names its own sender', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'group-notices.json'));
    expect(run.skipped.map((s) => s.reason)).toEqual([
      'call-notice',
      'membership-notice',
      'membership-notice',
      'settings-notice',
      'settings-notice',
      'settings-notice',
      'membership-notice',
    ]);
    expect(run.events.map((e) => [e.kind, e.text])).toEqual([
      ['message', 'You can all hear what I think of Zoë'],
      ['call', 'The video chat ended.'],
      ['message', 'Bo Example named the group Book club.'],
    ]);
  });

  it('reads an Instagram DM as channel instagram, told by its your_instagram_activity folder', async () => {
    const run = await runSource(messengerJson, INSTAGRAM);
    expect(new Set(run.events.map((e) => e.channel))).toEqual(new Set(['instagram']));
    expect(run.events.filter((e) => e.kind === 'call').map((e) => [e.text, e.call])).toEqual([
      ['Video chat ended', { status: 'answered', durationSec: 65 }],
      // Filed under Sam, whom the words say missed it: not a call the owner missed, and whose it was is not said.
      ['sam.sample.99 missed a video chat.', { status: 'unknown', durationSec: 0 }],
    ]);
    expect(run.skipped.map((s) => s.reason)).toEqual(['reaction', 'reaction']);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['MESSENGER_MOJIBAKE_REPAIRED', undefined],
      ['MESSENGER_CALLER_UNKNOWN', 'messages[5]'],
    ]);
  });

  it('rejects a message without a usable timestamp_ms, naming its locator and the bad value', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'missing-timestamp.json'));
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['MESSENGER_BAD_TIMESTAMP', 'messages[1]'],
      ['MESSENGER_BAD_TIMESTAMP', 'messages[2]'],
      ['MESSENGER_BAD_TIMESTAMP', 'messages[3]'],
      ['MESSENGER_BAD_TIMESTAMP', 'messages[4]'],
      ['MESSENGER_BAD_MESSAGE', 'messages[5]'],
    ]);
    expect(run.rejected[0]!.message).toBe('messages[1] has no timestamp_ms.');
    expect(run.rejected[2]!.message).toContain('1695000120');
    expect(run.events.map((e) => e.locator)).toEqual(['messages[0]', 'messages[6]']);
  });

  it('reads the seconds-based timestamp of 2018 exports with second precision', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'legacy-timestamp-seconds.json'));
    expect(run.events[0]!.time).toEqual({ type: 'instant', ms: 1523456789000, precision: 's' });
  });

  it('leaves correctly encoded text alone, even a genuine "Ã©", and says why', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'correctly-encoded.json'));
    expect(run.events.map((e) => e.text)).toEqual([
      'café? 😀',
      'Ã© is how broken French looks',
      'plain ascii',
    ]);
    expect(run.events[0]!.sender).toEqual({ name: 'Renée Sample' });
    expect(run.warnings.map((w) => w.code)).toEqual(['MESSENGER_MOJIBAKE_NOT_REPAIRED']);
  });
});

describe('broken files', () => {
  it('keeps the messages before a truncation and fails with the position and a hint', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'truncated.json'));
    expect(run.events.map((e) => e.text)).toEqual(['third, cut off in the middle', 'second 😠']);
    expect(run.failure).toMatchObject({ code: 'MESSENGER_JSON_TRUNCATED', locator: 'messages[2]' });
    expect(run.failure!.message).toMatch(/line 25, column 35/);
  });

  it('points a thread cut right after a message and its comma at "messages", which the file holds', async () => {
    // The reviewer's case: group-notices.json cut at byte 378, after messages[0]'s `},` and a line break.
    const bytes = readFileSync(join(FIXTURES, 'group-notices.json')).subarray(0, 378);
    const run = await runInput(messengerJson, inPieces(bytes, 1 << 16, 'message_1.json'));
    expect(run.failure).toMatchObject({
      code: 'MESSENGER_JSON_TRUNCATED',
      message: 'The JSON ends early at line 20, column 1, after messages[0].',
      locator: 'messages',
    });
    expect(run.rejected).toEqual([]);
  });

  it('keeps the messages before a syntax error and reports its line and column', async () => {
    const run = await runSource(messengerJson, join(FIXTURES, 'invalid-json.json'));
    expect(run.events.map((e) => e.text)).toEqual(['kept: before the error']);
    expect(run.failure).toEqual({
      code: 'MESSENGER_JSON_INVALID',
      message: 'Invalid JSON at line 17, column 5: expected "," or "]" after messages[0], found "{".',
      // The comma between messages[0] and the next one is missing: the fault is in the array, not in a message.
      locator: 'messages',
    });
  });

  it('reports a syntax error inside a message with the position JSON.parse found, without quoting the text', async () => {
    const run = await runScratch(
      '{"messages": [\n  {"sender_name": "S", "timestamp_ms": 1700000000000, "content": tru}\n]}',
    );
    expect(run.failure?.code).toBe('MESSENGER_JSON_INVALID');
    expect(run.failure?.message).toMatch(
      /^Invalid JSON at line 2, column \d+ in messages\[0\]: Unexpected token/,
    );
    expect(run.failure?.message).not.toContain('sender_name');
  });

  it('fails on a file that is not a JSON object, and on content after the object', async () => {
    expect((await runScratch('[1, 2]')).failure?.code).toBe('MESSENGER_JSON_INVALID');
    const trailing = await runScratch(
      '{"messages": [{"sender_name": "S", "timestamp_ms": 1700000000000, "content": "x"}]} x',
    );
    expect(trailing.events).toHaveLength(1);
    expect(trailing.failure?.message).toContain('unexpected content after the end');
  });

  it('rejects an entry nested 100,000 deep with its locator and reads on, the title after it included', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const msg = (ms: number, text: string, extra = '') =>
      `{"sender_name": "Sam Sample", "timestamp_ms": ${ms}, "content": "${text}"${extra}}`;
    const run = await runScratch(
      `{"participants": [{"name": "Sam Sample"}], "messages": [${msg(1709316262000, 'before')}, ${deep(100_000)}, ` +
        `${msg(1709316263000, 'x', `, "photos": ${deep(100_000)}`)}, ${msg(1709316264000, 'after')}], "title": "Sam Sample"}`,
    );
    expect(run.events.map((e) => [e.locator, e.text, e.conversation])).toEqual([
      ['messages[0]', 'before', 'Sam Sample'],
      ['messages[3]', 'after', 'Sam Sample'],
    ]);
    const rejected = {
      code: 'MESSENGER_JSON_TOO_DEEP',
      message:
        'This entry is nested more than 512 levels deep, which no Messenger or Instagram export writes; it was not read.',
      hint: 'The file was altered or damaged: compare this entry with the original "Download your information" archive.',
    };
    expect(run.rejected).toEqual([
      { locator: 'messages[1]', ...rejected },
      { locator: 'messages[2]', ...rejected },
    ]);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 4, events: 2, skipped: 0, rejected: 2 });
  });

  it('reads an entry nested exactly 512 levels deep and rejects one level more', async () => {
    const nested = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    // The message object is level 1, so a member nested 511 deep makes 512 levels.
    const doc = (levels: number) =>
      `{"messages": [{"sender_name": "S", "timestamp_ms": 1700000000000, "content": "x", "extra": ${nested(levels - 1)}}]}`;
    expect((await runScratch(doc(512))).events).toHaveLength(1);
    const over = await runScratch(doc(513));
    expect(over.events).toEqual([]);
    expect(over.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['MESSENGER_JSON_TOO_DEEP', 'messages[0]'],
    ]);
  });

  it('passes over a top-level value nested too deeply with a warning, and reads the messages', async () => {
    const run = await runScratch(
      `{"participants": ${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}, "messages": [{"sender_name": "S", "timestamp_ms": 1700000000000, "content": "x"}], "title": "S"}`,
    );
    expect(run.events.map((e) => [e.text, e.conversation])).toEqual([['x', 'S']]);
    expect(run.warnings).toContainEqual({
      code: 'MESSENGER_JSON_TOO_DEEP',
      locator: 'participants',
      message: 'The top-level value "participants" is nested more than 512 levels deep; it was not read.',
    });
    expect(run.failure).toBeUndefined();
  });

  it('rejects an entry of more than a million values before parsing it and reads on; a field so large is warned of', async () => {
    // The message object, its sender, time and content, the reactions array and `n` empty objects: n + 5 values.
    const msg = (ms: number, text: string, n = 0) =>
      `{"sender_name": "Sam Sample", "timestamp_ms": ${ms}, "content": "${text}", "reactions": [${Array(n).fill('{}').join(',')}]}`;
    const run = await runScratch(
      `{"participants": [${Array(1_000_000).fill('""').join(',')}], "messages": [${msg(1709316262000, 'before')}, ` +
        `${msg(1709316263000, 'a million values', 999_995)}, ${msg(1709316264000, 'one more', 999_996)}, ` +
        `${msg(1709316265000, 'after')}], "title": "Sam Sample"}`,
    );
    expect(run.events.map((e) => [e.locator, e.text, e.conversation])).toEqual([
      ['messages[0]', 'before', 'Sam Sample'],
      ['messages[1]', 'a million values', 'Sam Sample'],
      ['messages[3]', 'after', 'Sam Sample'],
    ]);
    expect(run.rejected).toEqual([
      {
        code: 'MESSENGER_JSON_MESSAGE_TOO_LARGE',
        locator: 'messages[2]',
        message:
          'This entry is made of more than 1,000,000 values, which no Messenger or Instagram message is; it was not read.',
        hint: 'The file was altered or damaged: compare this entry with the original "Download your information" archive.',
      },
    ]);
    expect(run.warnings).toContainEqual({
      code: 'MESSENGER_JSON_FIELD_TOO_LARGE',
      locator: 'participants',
      message: 'The top-level value "participants" is made of more than 1,000,000 values; it was not read.',
    });
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 4, events: 3, skipped: 0, rejected: 1 });
  });

  it('passes over a message larger than the cap unread, counted as rejected, and reads on', async () => {
    // Not its text (kept to its first MiB: messenger-long-texts.test.ts) but another value of it.
    const big = `{"messages": [{"sender_name": "S", "timestamp_ms": 1700000000000, "content": "x", "share": {"link": "${'a'.repeat(MAX_VALUE_CHARS + 10)}"}}, {"sender_name": "S", "timestamp_ms": 1700000060000, "content": "after"}]}`;
    const run = await runScratch(big);
    expect(run.failure).toBeUndefined();
    expect(run.events.map((e) => [e.locator, e.text])).toEqual([['messages[1]', 'after']]);
    expect(run.rejected).toEqual([
      {
        code: 'MESSENGER_JSON_MESSAGE_TOO_LARGE',
        locator: 'messages[0]',
        message: `This entry is larger than ${MAX_VALUE_CHARS / 1048576} MiB, which no Messenger or Instagram message is; it was not read.`,
        hint: 'The file was altered or damaged: compare this entry with the original "Download your information" archive.',
      },
    ]);
  });
});

describe('numbered files of one thread', () => {
  const files = ['message_1.json', 'message_2.json', 'message_10.json'].map((f) => join(MULTI, f));

  it('gives the same events whichever order the files are read in', async () => {
    const byteOrder = [...files].sort(); // message_1, message_10, message_2: how the pipeline lists them
    expect(byteOrder.map((f) => f.split('/').pop())).toEqual([
      'message_1.json',
      'message_10.json',
      'message_2.json',
    ]);
    const runs = async (order: string[]) => {
      const out = new Map<string, ParsedEvent[]>();
      for (const f of order) out.set(f, (await runSource(messengerJson, f)).events);
      return out;
    };
    const a = await runs(byteOrder);
    const b = await runs([...files].reverse());
    for (const f of files) expect(a.get(f)).toEqual(b.get(f));
    // Together, sorted by time (what the timeline does), they are the thread from first to last.
    const all = [...a.values()]
      .flat()
      .sort((x, y) => (x.time.type === 'instant' && y.time.type === 'instant' ? x.time.ms - y.time.ms : 0));
    expect(all.map((e) => e.text)).toEqual([
      'first: oldest, in message_10',
      'second, in message_10',
      'third',
      'fourth, in message_2',
      'fifth',
      'sixth: newest, in message_1',
    ]);
  });
});

describe('streaming', () => {
  it('gives the same result whatever the chunk size, down to one byte', async () => {
    const file = join(FIXTURES, 'facebook-bom-mojibake-media-calls.json');
    const whole = await collect(chunked(file, 1 << 20));
    for (const size of [1, 2, 3, 7, 64]) expect(await collect(chunked(file, size))).toEqual(whole);
    expect(whole.events).toHaveLength(17);
  });

  it('rejects the same too-deep entry whatever the chunk size', async () => {
    const deep = `${'['.repeat(600)}"]["${']'.repeat(600)}`;
    const text = `{"messages": [{"sender_name": "S", "timestamp_ms": 1700000000000, "content": "a"}, ${deep}, {"sender_name": "S", "timestamp_ms": 1700000001000, "content": "b"}], "title": "T"}`;
    const whole = await everything(messengerJson, inPieces(Buffer.from(text), 1 << 20));
    expect(whole.events.map((e) => e.text)).toEqual(['a', 'b']);
    expect(whole.rejected.map((r) => r.locator)).toEqual(['messages[1]']);
    for (const size of [1, 2, 7, 64])
      expect(await everything(messengerJson, inPieces(Buffer.from(text), size))).toEqual(whole);
  });

  it('reports the same warnings and failure, word for word, whatever the chunk size', async () => {
    // Every fixture of the three Meta sources, the broken ones included: a message quoting "the text found" must
    // not quote up to wherever the current chunk happens to end.
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? files(join(dir, e.name))
          : e.name.endsWith('.expected.json')
            ? []
            : [join(dir, e.name)],
      );
    const cases = [
      ...files(FIXTURES).map((f) => [messengerJson, f] as const),
      ...files('fixtures/messenger-e2ee-json').map((f) => [messengerE2eeJson, f] as const),
      ...files('fixtures/messenger-html').map((f) => [messengerHtml, f] as const),
    ];
    let failures = 0;
    for (const [source, file] of cases) {
      const whole = await everything(source, chunked(file, 1 << 20));
      if (whole.failure) failures++;
      for (const size of [1, 2, 3, 7, 64, 1000]) {
        expect(await everything(source, chunked(file, size)), `${file} in ${size}-byte chunks`).toEqual(
          whole,
        );
      }
    }
    expect(failures).toBeGreaterThanOrEqual(3);
  });

  it('quotes the whole offending character even when a UTF-16 chunk ends inside it', async () => {
    const file = join(tmp, 'utf16-broken.json');
    const doc =
      '{"messages": [{"sender_name": "S", "timestamp_ms": 1700000000000, "content": "x"} \u{1F620}]}';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(doc, 'utf16le')]));
    for (const size of [1, 3, 5, 1 << 20]) {
      const run = await everything(messengerJson, chunked(file, size));
      expect(run.events).toHaveLength(1);
      expect(run.failure).toEqual({
        code: 'MESSENGER_JSON_INVALID',
        message:
          'Invalid JSON at line 1, column 83: expected "," or "]" after messages[0], found "\u{1F620}".',
        locator: 'messages',
        hint: expect.stringContaining('Download your information'),
      });
    }
  });

  it('reads a file re-saved as UTF-16 with a BOM', async () => {
    const text = readFileSync(join(FIXTURES, 'group-notices.json'), 'utf8');
    const file = join(tmp, 'utf16.json');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const run = await runSource(messengerJson, file);
    const original = await runSource(messengerJson, join(FIXTURES, 'group-notices.json'));
    expect(run.events.map((e) => e.text)).toEqual(original.events.map((e) => e.text));
  });
});

describe('channel', () => {
  const doc = {
    participants: [{ name: 'S' }],
    messages: [{ sender_name: 'S', timestamp_ms: 1700000000000, content: 'hi' }],
  };

  it('warns when the path names neither app, and counts the thread as Messenger', async () => {
    const run = await runScratch(doc, 'case-evidence');
    expect(run.events[0]!.channel).toBe('messenger');
    expect(run.warnings.map((w) => w.code)).toEqual(['MESSENGER_CHANNEL_ASSUMED']);
  });

  it('takes the deepest folder that names an app, and never a thread folder named after a person', async () => {
    expect(
      (await runScratch(doc, 'instagram-case/facebook-jo-2024/your_facebook_activity/messages/inbox'))
        .events[0]!.channel,
    ).toBe('messenger');
    expect((await runScratch(doc, 'instagram-jo-2024/messages/inbox')).events[0]!.channel).toBe('instagram');
    const thread = await runScratch(doc, 'evidence/messages/inbox/instagramfan_123');
    expect(thread.events[0]!.channel).toBe('messenger');
    expect(thread.warnings.map((w) => w.code)).toEqual(['MESSENGER_CHANNEL_ASSUMED']);
  });
});

describe('a damaged thread file among good ones', () => {
  // As in Meta's archive, where one message_N.json can be cut or overwritten while its siblings are intact.
  const damaged = Buffer.from('{this is not: valid json, missing quotes and structure\n');
  const reason =
    'named and placed like a Messenger or Instagram thread file (messages/inbox/…/message_N.json), but it does not hold the thread JSON Meta writes: it is damaged or was changed, so its messages were not read; download the archive again to read them';

  it('is listed as a damaged Messenger file, not as a format chronolog does not read', () => {
    for (const path of [
      'facebook-jo/your_activity_across_facebook/messages/inbox/samsample_1234/message_1.json',
      'instagram-jo.zip!/your_instagram_activity/messages/archived_threads/sam_99/message_12.json',
      'C:\\evidence\\messages\\message_requests\\sam_99\\message_2.json',
    ]) {
      expect(detect(makeProbe(path.split(/[/\\!]/).pop()!, path, damaged)), path).toEqual({
        kind: 'none',
        reason,
      });
    }
  });

  it('says nothing more of a file that is not named or placed as a thread file', () => {
    for (const path of [
      'evidence/message_1.json',
      'evidence/messages/inbox/samsample_1234/notes.json',
      'evidence/messages/samsample_1234/message_1.json',
    ]) {
      expect(detect(makeProbe(path.split('/').pop()!, path, damaged)), path).toEqual({
        kind: 'none',
        reason: 'not a supported export format',
      });
    }
  });
});

describe('other records', () => {
  it('warns once about a type it does not know and reads the record by its content', async () => {
    const run = await runScratch(
      {
        participants: [],
        messages: [
          { sender_name: 'S', timestamp_ms: 1700000000000, content: 'sent you £5', type: 'Payment' },
          { sender_name: 'S', timestamp_ms: 1700000001000, content: 'again', type: 'Payment' },
        ],
        title: 'S',
      },
      'facebook',
    );
    expect(run.events.map((e) => e.kind)).toEqual(['message', 'message']);
    expect(run.warnings).toEqual([
      {
        code: 'MESSENGER_UNKNOWN_TYPE',
        locator: 'messages[0]',
        message: 'Message type "Payment" is not a known type; read by its content.',
      },
    ]);
  });

  it('keeps a message without sender_name, with no sender', async () => {
    const run = await runScratch(
      { messages: [{ timestamp_ms: 1700000000000, content: 'who?' }] },
      'facebook',
    );
    expect(run.events[0]!.sender).toBeUndefined();
    expect(run.events[0]!.kind).toBe('message');
  });
});

describe('detect', () => {
  it('claims every classic fixture, also from a head cut in the middle of the JSON', () => {
    for (const f of [
      'facebook-bom-mojibake-media-calls.json',
      'group-notices.json',
      'missing-timestamp.json',
      'truncated.json',
    ])
      expect(messengerJson.detect(probeOf(join(FIXTURES, f)))).toBe(true);
    expect(messengerJson.detect(probeOf(INSTAGRAM))).toBe(true);
    const head = readFileSync(join(FIXTURES, 'group-notices.json')).subarray(0, 300);
    expect(messengerJson.detect(probeOf('x.json', head))).toBe(true);
  });

  it('claims an empty thread by its Meta thread keys', () => {
    const empty = Buffer.from(
      '{"participants": [{"name": "S"}], "messages": [], "title": "S", "thread_path": "inbox/s_1"}',
    );
    expect(messengerJson.detect(probeOf('message_1.json', empty))).toBe(true);
  });

  it('leaves the E2EE export, HTML pages and other JSON to their own sources', () => {
    expect(messengerJson.detect(probeOf('fixtures/messenger-e2ee-json/Renee Sample_12.json'))).toBe(false);
    expect(messengerJson.detect(probeOf('fixtures/messenger-html/layout-2023/message_1.html'))).toBe(false);
    const telegram = Buffer.from(
      '{"name": "S", "type": "personal_chat", "messages": [{"id": 1, "type": "message", "date": "2024-01-01T10:00:00"}]}',
    );
    expect(messengerJson.detect(probeOf('result.json', telegram))).toBe(false);
    for (const f of ['facebook-bom-mojibake-media-calls.json', 'group-notices.json'])
      expect(
        messengerE2eeJson.detect(probeOf(join(FIXTURES, f))) ||
          messengerHtml.detect(probeOf(join(FIXTURES, f))),
      ).toBe(false);
  });
});

describe('bytes that are no UTF-8', () => {
  const FILE =
    'fixtures/messenger-json-cp1252/your_facebook_activity/messages/inbox/samsample_1234567890/message_1.json';

  it('warns once, with the line, when a thread file re-saved as Windows-1252 lost letters to U+FFFD', async () => {
    const whole = await runSource(messengerJson, FILE);
    expect(whole.events.map((e) => e.text)).toEqual([
      'R\uFFFDponds-moi, je suis devant le caf\uFFFD',
      'Please stop contacting me.',
      'Where are you tonight?',
    ]);
    expect(whole.warnings).toEqual([expect.objectContaining({ code: 'TEXT_INVALID_UTF8', locator: 14 })]);
    for (const size of [1, 2, 5, 64, 1000]) {
      const out = await everything(messengerJson, chunked(FILE, size));
      expect(out.events, `chunks of ${size}`).toEqual(whole.events);
      expect(out.warnings.map((w) => [w.code, w.locator])).toEqual([['TEXT_INVALID_UTF8', 14]]);
    }
  });

  it('says nothing of bad bytes after the point where a damaged thread file stops, and names those before it', async () => {
    const good = readFileSync(FILE).toString('latin1');
    // The colon after "participants" removed (line 2): the file stops before the bad bytes of line 14.
    const early = Buffer.from(good.replace('"participants": [', '"participants" ['), 'latin1');
    // A comma after messages[0] replaced (line 16): the bad bytes of line 14 were read before it stopped.
    const late = Buffer.from(good.replace('false\r\n    },', 'false\r\n    }x'), 'latin1');
    for (const size of [1, 7, 64, 4096]) {
      const before = await everything(messengerJson, inPieces(early, size, FILE));
      expect(before.failure).toMatchObject({ code: 'MESSENGER_JSON_INVALID', locator: 2 });
      expect(before.warnings.map((w) => w.code)).toEqual([]);
      const after = await everything(messengerJson, inPieces(late, size, FILE));
      expect(after.failure).toMatchObject({ code: 'MESSENGER_JSON_INVALID', locator: 'messages' });
      expect(after.warnings.map((w) => [w.code, w.locator])).toEqual([['TEXT_INVALID_UTF8', 14]]);
    }
  });
});

describe('calls, from the owner’s side', () => {
  const CALLS = 'fixtures/messenger-json-calls';
  const ONE_TO_ONE = `${CALLS}/your_facebook_activity/messages/inbox/samsample_5550001111/message_1.json`;
  const GROUP = `${CALLS}/group/your_facebook_activity/messages/inbox/flatfour_5550002222/message_1.json`;
  const calls = (run: SourceRun) =>
    run.events.map((e) => ({ sender: e.sender?.name, text: e.text, call: e.call, details: e.details }));

  it('never calls the owner’s own unanswered call missed; a 0-second call of the other person is', async () => {
    const run = await runSource(messengerJson, ONE_TO_ONE);
    // Newest first in the file: the owner (Zoë, whom the title does not name) called twice unanswered, once for 47 s.
    expect(calls(run)).toEqual([
      {
        sender: 'Zoë Example',
        text: 'Sam Sample missed your call.',
        call: { status: 'outgoing', durationSec: 0 },
        details: { calleeMissed: 'true' },
      },
      {
        sender: 'Zoë Example',
        text: undefined,
        call: { status: 'outgoing', durationSec: 0 },
        details: undefined,
      },
      {
        sender: 'Zoë Example',
        text: 'You called Sam Sample.',
        call: { status: 'outgoing', durationSec: 47 },
        details: undefined,
      },
      {
        sender: 'Sam Sample',
        text: undefined,
        call: { status: 'missed', durationSec: 0 },
        details: undefined,
      },
      {
        sender: 'Sam Sample',
        text: 'You missed a call from Sam Sample.',
        call: { status: 'missed', durationSec: 0 },
        details: undefined,
      },
      {
        sender: 'Sam Sample',
        text: 'Sam Sample called you.',
        call: { status: 'answered', durationSec: 312 },
        details: undefined,
      },
    ]);
    expect(run.events.every((e) => e.kind === 'call')).toBe(true);
  });

  it('in a group, where the owner is not shown, a 0-second call is unknown unless marked missed', async () => {
    const run = await runSource(messengerJson, GROUP);
    expect(run.events.map((e) => e.call)).toEqual([
      { status: 'unknown', durationSec: 0 },
      { status: 'missed', durationSec: 0 },
    ]);
  });
});

describe('calls in a group thread, where the owner is not shown', () => {
  const FILE =
    'fixtures/messenger-group-calls/your_facebook_activity/messages/inbox/flatfour_5550003333/message_1.json';

  it('never calls a call missed unless someone else placed it: the owner’s own unanswered call stays unknown', async () => {
    const run = await runSource(messengerJson, FILE);
    expect(
      run.events
        .filter((e) => e.kind === 'call')
        .map((e) => [e.locator, e.sender?.name, e.text, e.call, e.details]),
    ).toEqual([
      // Zoë is the owner, but a group thread does not say so: her own call nobody answered is not "missed",
      // and the export's mark is kept.
      [
        'messages[1]',
        'Zoë Example',
        undefined,
        { status: 'unknown', durationSec: 0 },
        { calleeMissed: 'true' },
      ],
      // The words name the owner ("You") as the one who missed Sam's call.
      [
        'messages[2]',
        'Sam Sample',
        'You missed a call from Sam Sample.',
        { status: 'missed', durationSec: 0 },
        undefined,
      ],
      // Jo missed a call; whose, the words do not say. The words mark it missed, as the `missed` field would.
      [
        'messages[3]',
        'Jo Example',
        'Jo Example missed a video chat.',
        { status: 'unknown', durationSec: 0 },
        { calleeMissed: 'true' },
      ],
      // Sam's call lasted 254 s: someone joined it, but nothing shows the owner did (a group of three).
      ['messages[4]', 'Sam Sample', undefined, { status: 'unknown', durationSec: 254 }, undefined],
    ]);
    expect(
      run.warnings.filter((w) => w.code === 'MESSENGER_GROUP_CALL_JOIN_UNKNOWN').map((w) => w.locator),
    ).toEqual(['messages[4]']);
  });

  it('says once per file why a call marked missed is listed as unknown', async () => {
    const run = await runSource(messengerJson, FILE);
    const notes = run.warnings.filter((w) => w.code === 'MESSENGER_CALLER_UNKNOWN');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.locator).toBe('messages[1]');
    expect(notes[0]!.message).toContain('listed with status "unknown", not "missed"');
    expect(notes[0]!.message).toContain('a group thread does not say which participant is the account');
  });

  it('still calls the other person’s unanswered call missed in a one-to-one thread, without the warning', async () => {
    const run = await runSource(
      messengerJson,
      'fixtures/messenger-json-calls/your_facebook_activity/messages/inbox/samsample_5550001111/message_1.json',
    );
    expect(run.events.filter((e) => e.call?.status === 'missed')).toHaveLength(2);
    expect(run.warnings.map((w) => w.code)).not.toContain('MESSENGER_CALLER_UNKNOWN');
  });
});

describe('a group a member left and another never wrote in', () => {
  // "Flat 4" as exported after Sam left: `participants` lists Zoë (the owner) and Jo, who never wrote; Sam wrote,
  // placed a 412-second video call, then left.
  const FILE =
    'fixtures/messenger-group-leaver/your_facebook_activity/messages/inbox/flatfour_5550005555/message_1.json';
  const GROUP_CALL = 'MESSENGER_GROUP_CALL_JOIN_UNKNOWN';

  it('does not call Sam’s group call answered: it lasted, but nothing shows the owner joined it', async () => {
    const run = await runSource(messengerJson, FILE);
    expect(
      run.events.filter((e) => e.kind === 'call').map((e) => [e.sender?.name, e.call, e.details]),
    ).toEqual([['Sam Sample', { status: 'unknown', durationSec: 412 }, undefined]]);
    expect(run.skipped).toEqual([{ reason: 'membership-notice', locator: 'messages[1]' }]);
    const notes = run.warnings.filter((w) => w.code === GROUP_CALL);
    expect(notes.map((w) => w.locator)).toEqual(['messages[2]']);
    expect(notes[0]!.message).toContain('412');
    expect(run.warnings.map((w) => w.code)).not.toContain('MESSENGER_CALLER_UNKNOWN');
  });

  it('words the warning as a group’s when thread_type says so', async () => {
    const run = await runSource(messengerJson, FILE);
    const note = run.warnings.find((w) => w.code === GROUP_CALL)!;
    expect(note.message).toMatch(/^A group call that lasted 412 seconds/);
    expect(note.message).not.toContain('may be a group');
  });

  it('is still a group without thread_type (Instagram writes none): Sam is never taken for Jo', async () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8'));
    delete doc.thread_type;
    const run = await runScratch(doc, 'your_instagram_activity/messages/inbox/flatfour_1');
    // Paired with Jo, Sam would make the thread look like one of two, and his call look answered by the owner.
    expect(run.events.find((e) => e.kind === 'call')?.call).toEqual({ status: 'unknown', durationSec: 412 });
    // Only the names show it: three appear (Jo, Zoë, Sam), so the warning says it may be a group.
    expect(run.warnings.find((w) => w.code === GROUP_CALL)?.message).toContain(
      'may be a group (more than two names appear in it)',
    );
  });

  it('leaves a one-to-one call that lasted answered, without the warning', async () => {
    const run = await runSource(
      messengerJson,
      'fixtures/messenger-json-calls/your_facebook_activity/messages/inbox/samsample_5550001111/message_1.json',
    );
    expect(run.events.filter((e) => e.call?.status === 'answered').map((e) => e.call?.durationSec)).toEqual([
      312,
    ]);
    expect(run.warnings.map((w) => w.code)).not.toContain(GROUP_CALL);
  });
});

describe('Instagram sentences worded with the username', () => {
  const FILE =
    'fixtures/instagram-json-usernames/your_instagram_activity/messages/inbox/samsample_17841455500000000/message_1.json';

  it('are recognised when the thread lists the sender by that username', async () => {
    const run = await runSource(messengerJson, FILE);
    expect(run.events.map((e) => [e.locator, e.kind, e.sender?.name, e.text])).toEqual([
      ['messages[0]', 'media', 'Zoë Example', 'You sent an attachment.'],
      ['messages[2]', 'media', 'Sam Sample', 'samsample sent an attachment.'],
      ['messages[3]', 'call', 'Sam Sample', 'Sam Sample started a video chat'],
      ['messages[4]', 'message', 'Sam Sample', 'why did you block me'],
    ]);
    expect(run.skipped).toEqual([{ reason: 'reaction', locator: 'messages[1]' }]);
    // Sam placed the call (the owner, Zoë, is the participant the title does not name) and nobody answered it.
    expect(run.events[2]!.call).toEqual({ status: 'missed', durationSec: 0 });
    expect(run.events[2]!.channel).toBe('instagram');
  });

  it('stay one-to-one when the thread is titled by the username (a call that lasted is answered)', async () => {
    // Listed "samsample", signed "Sam Sample", titled "samsample"; Sam's 412-second call is the newest record.
    const run = await runSource(
      messengerJson,
      'fixtures/instagram-json-username-title/your_instagram_activity/messages/inbox/samsample_17841455500000000/message_1.json',
    );
    expect(run.events.map((e) => [e.locator, e.kind, e.sender?.name, e.call])).toEqual([
      ['messages[0]', 'call', 'Sam Sample', { status: 'answered', durationSec: 412 }],
      ['messages[1]', 'media', 'Zoë Example', undefined],
      ['messages[3]', 'media', 'Sam Sample', undefined],
      ['messages[4]', 'call', 'Sam Sample', { status: 'missed', durationSec: 0 }],
      ['messages[5]', 'message', 'Sam Sample', undefined],
    ]);
    // "samsample liked a message" is Sam's reaction, not a message.
    expect(run.skipped).toEqual([{ reason: 'reaction', locator: 'messages[2]' }]);
    expect(run.warnings.map((w) => w.code)).not.toContain('MESSENGER_GROUP_CALL_JOIN_UNKNOWN');
  });

  it('say a thread whose names cannot be linked only may be a group', async () => {
    const doc = JSON.parse(
      readFileSync(
        'fixtures/instagram-json-username-title/your_instagram_activity/messages/inbox/samsample_17841455500000000/message_1.json',
        'utf8',
      ),
    );
    // Titled after neither name: "samsample" and "Sam Sample" could be two people, so three names appear.
    doc.title = 'Sam';
    const run = await runScratch(doc, 'your_instagram_activity/messages/inbox/samsample_2');
    expect(run.events[0]!.call).toEqual({ status: 'unknown', durationSec: 412 });
    const notes = run.warnings.filter((w) => w.code === 'MESSENGER_GROUP_CALL_JOIN_UNKNOWN');
    expect(notes.map((w) => w.locator)).toEqual(['messages[0]']);
    expect(notes[0]!.message).toContain('may be a group (more than two names appear in it)');
    expect(notes[0]!.message).not.toContain('A group call');
  });

  it('stay messages when nothing in the thread ties the username to the sender', async () => {
    const doc = JSON.parse(readFileSync(FILE, 'utf8'));
    // A third participant: "samsample" could be anyone, so nothing is linked.
    doc.participants.push({ name: 'Jo Example' });
    const run = await runScratch(doc, 'your_instagram_activity/messages/inbox/samsample_1');
    expect(run.events.find((e) => e.locator === 'messages[1]')?.kind).toBe('message');
    expect(run.events.find((e) => e.locator === 'messages[2]')?.kind).toBe('message');
  });
});
