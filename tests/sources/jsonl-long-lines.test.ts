/**
 * A line of a JSONL source (signal-export's data.json, chronolog-jsonl) longer than any record: one string of
 * 90 MB is a single JSON value, so the cap of a million values let it through, and the line was held, joined,
 * trimmed and parsed whole (379 MB of memory for `inspect`, 1.65 GB for a line of 500 MB). A line over
 * MAX_LINE_CHARS (8 MiB) is now never held: the line reader drops it once it is over and counts the rest
 * (text.ts `LineLimit`), and the source rejects it at its line (SIGNAL_TOO_LARGE, CHRONOLOG_JSONL_TOO_LARGE) and
 * reads the lines after it. Fixtures: fixtures/signal-json-long-line (five messages, the third a long pasted
 * rant of 756 characters) and fixtures/chronolog-jsonl-long-line (its anonymised copy's shape: a header, a skip
 * stub and four rows, the row on line 4 853 characters), read with the cap lowered below that line; the real cap
 * is checked on copies built at test time with that line made exactly 8 MiB long, and one character longer.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chronologJsonl, parseAnonymised } from '../../src/sources/chronolog-jsonl.js';
import type { Source, SourceInput } from '../../src/sources/index.js';
import { MAX_LINE_CHARS } from '../../src/sources/json-values.js';
import { createSignalJson, signalJson } from '../../src/sources/signal-json.js';
import { forEachLine } from '../../src/sources/text.js';
import { caseGolden } from '../helpers/case-golden.js';
import { runSource } from '../helpers/run-source.js';

const SIGNAL = 'fixtures/signal-json-long-line/data.json';
const JSONL = 'fixtures/chronolog-jsonl-long-line/input-001.jsonl';
const SIGNAL_HINT = 'Check this line of data.json; other lines were read.';
const EDITED = 'The file was edited or damaged: run `chronolog anonymise` on the original inputs again.';

const tmp = mkdtempSync(join(tmpdir(), 'jsonl-long-lines-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** chronolog-jsonl reading lines of at most `maxLineChars` characters. */
function chronologJsonlUpTo(maxLineChars: number): Source {
  return { ...chronologJsonl, parse: (input, ctx) => parseAnonymised(input, ctx, maxLineChars) };
}

/** `fixture` with its line `line` changed by `change`, written as `name` in a folder of its own; `unended`: the file ends after that line, without its line break. */
function altered(
  fixture: string,
  name: string,
  line: number,
  change: (text: string) => string,
  unended = false,
): string {
  const lines = readFileSync(fixture, 'utf8').split('\n');
  lines[line - 1] = change(lines[line - 1]!);
  const dir = mkdtempSync(join(tmp, 'case-'));
  const file = join(dir, name);
  writeFileSync(file, unended ? lines.slice(0, line).join('\n') : lines.join('\n'));
  return file;
}

/** A line padded inside its longest string value (the text) to exactly `chars` characters. */
function padded(chars: number): (text: string) => string {
  return (text) => {
    const at = text.indexOf('You think you can');
    return text.slice(0, at) + 'x'.repeat(chars - text.length) + text.slice(at);
  };
}

/** An input delivered in pieces of the given sizes (cycled). */
function streamed(file: Buffer, sizes: readonly number[]): SourceInput {
  return {
    path: 'data.json',
    name: 'data.json',
    bytes: file.length,
    open: () =>
      Readable.from(
        (function* () {
          for (let at = 0, k = 0; at < file.length; k++) {
            const n = sizes[k % sizes.length]!;
            yield Buffer.from(file.subarray(at, at + n));
            at += n;
          }
        })(),
      ),
  };
}

type Seen = (string | number | boolean)[];

/** Every line `forEachLine` hands over, and every line it passes over as longer than `maxChars`, in order. */
async function lines(input: SourceInput, maxChars?: number): Promise<Seen[]> {
  const seen: Seen[] = [];
  const r = await forEachLine(
    input,
    (line, n, unended) => void seen.push([n, line, unended]),
    undefined,
    maxChars === undefined
      ? undefined
      : { maxChars, onLong: (n, chars, unended) => void seen.push([n, 'long', chars, unended]) },
  );
  seen.push(['end', r.lines]);
  return seen;
}

describe('forEachLine with a LineLimit', () => {
  it('hands over a line of exactly maxChars and passes over a longer one, numbered and in order', async () => {
    const file = Buffer.from('12345\r\n123456\n\n1234567890\r123\n', 'utf8');
    for (const sizes of [[file.length], [1], [2, 3], [4]]) {
      expect(await lines(streamed(file, sizes), 5)).toEqual([
        [1, '12345', false],
        [2, 'long', 6, false],
        [3, '', false],
        [4, 'long', 10, false],
        [5, '123', false],
        ['end', 5],
      ]);
    }
  });

  it('passes over an unended last line that is too long, and hands over one that is not', async () => {
    expect(await lines(streamed(Buffer.from('ok\n1234567'), [3]), 5)).toEqual([
      [1, 'ok', false],
      [2, 'long', 7, true],
      ['end', 2],
    ]);
    expect(await lines(streamed(Buffer.from('ok\n12345'), [3]), 5)).toEqual([
      [1, 'ok', false],
      [2, '12345', true],
      ['end', 2],
    ]);
  });

  it('hands over what it does without a limit, each line over the cap passed over with its length (property)', async () => {
    const piece = fc.constantFrom('ab', 'x', ' ', '\n', '\r', '\r\n', 'é', '😀', '{"a":1}');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 60 }),
        fc.integer({ min: 0, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }),
        async (parts, maxChars, sizes) => {
          const file = Buffer.from(parts.join(''), 'utf8');
          const whole = await lines(streamed(file, sizes));
          const expected = whole.map((s) =>
            s[0] !== 'end' && (s[1] as string).length > maxChars
              ? [s[0], 'long', (s[1] as string).length, s[2]]
              : s,
          );
          expect(await lines(streamed(file, sizes), maxChars)).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('signal-export data.json: a line longer than any message', () => {
  it('the fixture as it is: five messages, the long one read', async () => {
    const run = await runSource(signalJson, SIGNAL);
    expect(run.events.map((e) => [e.locator, e.kind])).toEqual([
      [1, 'message'],
      [2, 'message'],
      [3, 'message'],
      [4, 'call'],
      [5, 'message'],
    ]);
    expect(run.events[2]!.text).toMatch(/^You think you can .* or I am coming round\.$/);
  });

  it('is rejected at its line unread, the lines after it read, the books closed', async () => {
    const run = await runSource(createSignalJson(700), SIGNAL);
    expect(run.failure).toBeUndefined();
    expect(run.rejected).toEqual([
      {
        code: 'SIGNAL_TOO_LARGE',
        locator: 3,
        message:
          'line 3 is 756 characters long, over 700 characters, which no signal-export message is; it was not read',
        hint: SIGNAL_HINT,
      },
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([1, 2, 4, 5]);
    expect(run.accounting).toEqual({ records: 5, events: 4, skipped: 0, rejected: 1 });
    // A line of exactly the cap is a line like any other.
    expect((await runSource(createSignalJson(756), SIGNAL)).events).toHaveLength(5);
  });

  it('as the last line, without a line break: rejected as too large, not as cut short (it was never parsed)', async () => {
    const file = altered(SIGNAL, 'data.json', 3, (t) => t, true);
    const run = await runSource(createSignalJson(700), file);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['SIGNAL_TOO_LARGE', 3]]);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 3, events: 2, skipped: 0, rejected: 1 });
  });

  it('at the real cap: a line of 8 MiB is read, one of a character more rejected', async () => {
    expect(MAX_LINE_CHARS).toBe(8 * 1024 * 1024);
    const at = await runSource(signalJson, altered(SIGNAL, 'data.json', 3, padded(MAX_LINE_CHARS)));
    expect(at.rejected).toEqual([]);
    expect(at.events).toHaveLength(5);
    const overFile = altered(SIGNAL, 'data.json', 3, padded(MAX_LINE_CHARS + 1));
    const over = await runSource(signalJson, overFile);
    expect(over.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'SIGNAL_TOO_LARGE',
        3,
        'line 3 is 8,388,609 characters long, over 8 MiB, which no signal-export message is; it was not read',
      ],
    ]);
    expect(over.events.map((e) => e.locator)).toEqual([1, 2, 4, 5]);
    const [books] = (await caseGolden([overFile])).inputs;
    expect(books).toMatchObject({ records: 5, events: 4, skipped: 0, rejected: 1, incomplete: false });
    expect(books!.records).toBe(books!.events + books!.skipped + books!.rejected);
  });
});

describe('chronolog-jsonl: a line longer than any record', () => {
  it('the fixture as it is: a skip stub and four rows, the long one read', async () => {
    const run = await runSource(chronologJsonl, JSONL);
    expect(run.failure).toBeUndefined();
    expect(run.events.map((e) => [e.locator, e.kind])).toEqual([
      [2, 'message'],
      [4, 'message'],
      [5, 'call'],
      [6, 'message'],
    ]);
    expect(run.skipped).toEqual([{ reason: 'system-notice', locator: 3 }]);
  });

  it('is rejected at its line unread, the lines after it read, the books closed', async () => {
    const run = await runSource(chronologJsonlUpTo(800), JSONL);
    expect(run.failure).toBeUndefined();
    expect(run.rejected).toEqual([
      {
        code: 'CHRONOLOG_JSONL_TOO_LARGE',
        locator: 4,
        message:
          'line 4 is 853 characters long, over 800 characters, far longer than any real message; it was not read',
        hint: EDITED,
      },
    ]);
    expect(run.events.map((e) => e.locator)).toEqual([2, 5, 6]);
    expect(run.accounting).toEqual({ records: 5, events: 3, skipped: 1, rejected: 1 });
  });

  it('as the last line, without a line break: rejected as too large, the file not called cut short', async () => {
    const file = altered(JSONL, 'input-001.jsonl', 4, (t) => t, true);
    const run = await runSource(chronologJsonlUpTo(800), file);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['CHRONOLOG_JSONL_TOO_LARGE', 4]]);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 3, events: 1, skipped: 1, rejected: 1 });
  });

  it('a last line cut short that is not too long is still rejected as cut short, once', async () => {
    const file = altered(JSONL, 'input-001.jsonl', 4, (t) => t.slice(0, 400), true);
    const run = await runSource(chronologJsonlUpTo(800), file);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['CHRONOLOG_JSONL_RECORD_CUT_SHORT', 4]]);
    expect(run.failure?.code).toBe('CHRONOLOG_JSONL_TRUNCATED');
  });

  it('a header line that long: the file is not read', async () => {
    const run = await runSource(chronologJsonlUpTo(200), JSONL);
    expect(run.failure).toEqual({
      code: 'CHRONOLOG_JSONL_HEADER',
      message: 'the chronolog header line is 264 characters long, over 200 characters',
      locator: 1,
    });
    expect(run.accounting.records).toBe(0);
  });

  it('at the real cap: a line of 8 MiB is read, one of a character more rejected', async () => {
    const at = await runSource(chronologJsonl, altered(JSONL, 'input-001.jsonl', 4, padded(MAX_LINE_CHARS)));
    expect(at.rejected).toEqual([]);
    expect(at.events).toHaveLength(4);
    const overFile = altered(JSONL, 'input-001.jsonl', 4, padded(MAX_LINE_CHARS + 1));
    expect(statSync(overFile).size).toBeGreaterThan(MAX_LINE_CHARS);
    const over = await runSource(chronologJsonl, overFile);
    expect(over.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      [
        'CHRONOLOG_JSONL_TOO_LARGE',
        4,
        'line 4 is 8,388,609 characters long, over 8 MiB, far longer than any real message; it was not read',
      ],
    ]);
    const [books] = (await caseGolden([overFile])).inputs;
    expect(books).toMatchObject({ records: 5, events: 3, skipped: 1, rejected: 1, incomplete: false });
    expect(books!.records).toBe(books!.events + books!.skipped + books!.rejected);
  });
});
