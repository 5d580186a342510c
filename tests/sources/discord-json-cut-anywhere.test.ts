/**
 * A DiscordChatExporter JSON export cut short, or broken by a byte JSON allows nowhere, at every point: the message
 * the fault falls inside (its `{` read, its `}` not) is rejected at its own locator (DISCORD_JSON_RECORD_CUT_SHORT,
 * DISCORD_JSON_RECORD_MALFORMED) beside the file's failure, and never emitted; a fault between messages rejects
 * nothing; every message begun is counted once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { discordJson } from '../../src/sources/discord-json/index.js';
import { formatPath } from '../../src/sources/discord-json/json-walk.js';
import { brokenAt, type CutCase, checkCut, cutPoints } from '../helpers/cut-anywhere.js';
import { recordSpans } from '../helpers/json-records.js';
import { inPieces, runInput } from '../helpers/run-source.js';

const FILE = 'fixtures/discord-json/dm-mixed.json';
const bytes = readFileSync(FILE);
const spans = recordSpans(bytes, (p) => p.length === 2 && p[0] === 'messages', formatPath);
const read = (b: Uint8Array, size = 1 << 16) => runInput(discordJson, inPieces(b, size, 'dm-mixed.json'));
const base = {
  spans,
  prefix: 'DISCORD_JSON',
  failures: { cut: 'DISCORD_JSON_TRUNCATED', broken: 'DISCORD_JSON_INVALID' },
};

describe(`${FILE} cut or broken anywhere`, () => {
  it('holds messages to cut in, of every kind the reader tells apart', async () => {
    const whole = await read(bytes);
    expect(spans).toHaveLength(whole.events.length + whole.skipped.length + whole.rejected.length);
    expect(spans.length).toBeGreaterThan(5);
    expect(whole.failure).toBeUndefined();
  });

  it('counts every message begun once, and rejects the one a cut falls inside', async () => {
    const whole = await read(bytes);
    // Every third byte, and every byte around each message's brackets.
    for (const at of cutPoints(spans, 0, bytes.length, 3)) {
      checkCut(await read(bytes.subarray(0, at)), { ...base, at, kind: 'cut', whole } satisfies CutCase);
    }
  });

  it('counts every message begun once, and rejects the one a syntax error falls inside', async () => {
    const whole = await read(bytes);
    for (const at of cutPoints(spans, 0, bytes.length, 7)) {
      checkCut(await read(brokenAt(bytes, at)), { ...base, at, kind: 'broken', whole });
    }
  });

  it('says the same at any chunk size', async () => {
    for (const at of cutPoints(spans, 0, bytes.length, 331).filter((_, i) => i % 4 === 0)) {
      for (const b of [bytes.subarray(0, at), brokenAt(bytes, at)]) {
        const once = await read(b);
        for (const size of [1, 64])
          expect(await read(b, size), `at ${at}, ${size}-byte chunks`).toEqual(once);
      }
    }
  });

  it('words the rejected message after the shared sentence, with where the file ends', async () => {
    const start = spans[2]!.start;
    const r = await read(bytes.subarray(0, start + 40));
    expect(r.rejected).toEqual([
      {
        code: 'DISCORD_JSON_RECORD_CUT_SHORT',
        locator: 'messages[2]',
        message: expect.stringMatching(
          /^the file ends inside this record \(line \d+, column \d+\); the part of it read is not used, as the rest is missing$/,
        ),
        hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
      },
    ]);
    const broken = await read(brokenAt(bytes, start + 40));
    expect(broken.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['DISCORD_JSON_RECORD_MALFORMED', 'messages[2]'],
    ]);
    expect(broken.rejected[0]!.message).toMatch(
      /^reading stopped inside this record at an error \(line \d+, column \d+\): .+; the rest of the file cannot be read, so the part of this record read is not used$/,
    );
  });
});
