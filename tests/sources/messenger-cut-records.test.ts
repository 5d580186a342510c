/**
 * The record a Meta thread file breaks off in (meta/json-thread.ts, messenger-html/index.ts): a message whose start
 * was read when the file ends, or whose text breaks off at a syntax error, is counted, rejected at its own locator
 * (MESSENGER_JSON_RECORD_CUT_SHORT / _MALFORMED, MESSENGER_HTML_RECORD_CUT_SHORT / _MALFORMED), before the file's
 * failure, and never emitted in part. Each realistic fixture is cut after every byte: records = events + skipped +
 * rejected, every message begun has exactly one outcome, and only the one the cut falls strictly inside is
 * rejected for it. A cut between two messages rejects nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/sources/index.js';
import { messengerE2eeJson } from '../../src/sources/messenger-e2ee-json.js';
import { messengerHtml } from '../../src/sources/messenger-html/index.js';
import { messengerJson } from '../../src/sources/messenger-json/index.js';
import { inPieces, type Outcome, runInput } from '../helpers/run-source.js';

/**
 * Where one message lies in the file's bytes: it is begun once `begun` bytes are read, whole at `stop`; `locator`
 * is the one its reader gives it.
 */
interface Span {
  readonly begun: number;
  readonly stop: number;
  readonly locator: string;
}

/** The elements of a thread file's top-level `messages` array (structural characters are ASCII, so bytes do). */
function jsonSpans(bytes: Buffer): Span[] {
  const text = bytes.toString('latin1');
  let i = text.indexOf('[', text.indexOf('"messages"')) + 1;
  const spans: Span[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}' || c === ']') {
      if (--depth < 0) break;
      // The value's first character read, the record is begun; its last read, it is whole.
      if (depth === 0) spans.push({ begun: start + 1, stop: i + 1, locator: `messages[${spans.length}]` });
    }
  }
  return spans;
}

/**
 * The message blocks of a 2023 page (`<div class="_a6-g">`): begun once the start tag is read, and located where
 * that tag starts, as line and column (counted in the decoded text's UTF-16 units, not in bytes).
 */
function htmlSpans(bytes: Buffer): Span[] {
  const position = (at: number) => {
    const before = bytes.subarray(0, at).toString('utf8');
    const lines = before.split('\n');
    return `line ${lines.length}, column ${lines.at(-1)!.length + 1}`;
  };
  const text = bytes.toString('latin1');
  const spans: Span[] = [];
  for (
    let at = text.indexOf('<div class="_a6-g">');
    at >= 0;
    at = text.indexOf('<div class="_a6-g">', at + 1)
  ) {
    const tags = /<(\/?)div\b[^>]*>/g;
    tags.lastIndex = at;
    let depth = 0;
    for (let m = tags.exec(text); m; m = tags.exec(text)) {
      depth += m[1] === '/' ? -1 : 1;
      if (depth === 0) {
        spans.push({ begun: text.indexOf('>', at) + 1, stop: m.index + m[0].length, locator: position(at) });
        break;
      }
    }
  }
  return spans;
}

/** Every locator of an outcome, sorted: each message counted once shows once. */
const counted = (r: Outcome) =>
  [...r.events.map((e) => e.locator), ...r.skipped.map((s) => s.locator), ...r.rejected.map((x) => x.locator)]
    .map(String)
    .sort();

/** The locators of messages `ks`, sorted as `counted` sorts them. */
const locatorsOf = (spans: readonly Span[], ks: number[]) => ks.map((k) => spans[k]!.locator).sort();

const CASES = [
  {
    title: 'a Facebook thread (JSON, with a BOM, double-encoded text, media and calls)',
    source: messengerJson as Source,
    file: 'fixtures/messenger-json/facebook-bom-mojibake-media-calls.json',
    path: 'exports/your_facebook_activity/messages/inbox/reneesample_1234567890/message_1.json',
    spans: jsonSpans,
    prefix: 'MESSENGER_JSON',
    firstKnown: 0,
  },
  {
    title: 'an Instagram thread (JSON)',
    source: messengerJson,
    file: 'fixtures/messenger-json/your_instagram_activity/messages/inbox/samsample99_17841400000000000/message_1.json',
    path: 'exports/your_instagram_activity/messages/inbox/samsample99_17841400000000000/message_1.json',
    spans: jsonSpans,
    prefix: 'MESSENGER_JSON',
    firstKnown: 0,
  },
  {
    title: 'an end-to-end encrypted thread (JSON)',
    source: messengerE2eeJson,
    file: 'fixtures/messenger-e2ee-json/Renee Sample_12.json',
    path: 'exports/Renee Sample_12.json',
    spans: jsonSpans,
    prefix: 'MESSENGER_JSON',
    firstKnown: 0,
  },
  {
    title: 'a 2023 thread page (HTML)',
    source: messengerHtml,
    file: 'fixtures/messenger-html/layout-2023/message_1.html',
    path: 'exports/your_facebook_activity/messages/inbox/reneesample_1234567890/message_1.html',
    spans: htmlSpans,
    prefix: 'MESSENGER_HTML',
    // A block is known by the shape of the page's whole ones: a page cut inside its first knows none.
    firstKnown: 1,
  },
] as const;

describe.each(CASES)('$title, cut after every byte', (c) => {
  const whole = readFileSync(c.file);
  const spans = c.spans(whole);
  const locators = (ks: number[]) => locatorsOf(spans, ks);
  const read = (bytes: Buffer, size = 4096) =>
    runInput(c.source, inPieces(bytes, size, c.path), { timezone: 'UTC' });
  // A cut at or after this point leaves the file whole: only white space follows the JSON, and a page is whole
  // once its </body> is read.
  const text = whole.toString('latin1');
  const end = c.source === messengerHtml ? text.indexOf('</body>') + 7 : text.trimEnd().length;
  // A JSON file cut at or after `arrayOpen` bytes and at or before `arrayClose` ends inside the messages array.
  const arrayOpen = text.indexOf('[', text.indexOf('"messages"')) + 1;
  const arrayClose = text.indexOf(']', spans.at(-1)?.stop ?? arrayOpen);

  it('finds every message of the intact file', async () => {
    const r = await read(whole);
    expect(r.failure).toBeUndefined();
    expect(counted(r)).toEqual(locators(spans.map((_, k) => k)));
    expect(spans.length).toBeGreaterThan(3);
  });

  it('counts every message begun exactly once, and rejects the one the cut falls inside', async () => {
    for (let cut = 0; cut < whole.length; cut++) {
      const r = await read(whole.subarray(0, cut));
      const at = `cut after ${cut} bytes`;
      const inside = spans.findIndex((s) => s.begun <= cut && cut < s.stop);
      const rejectedCut = inside >= c.firstKnown ? inside : -1;
      const wholeBefore = spans.flatMap((s, k) => (s.stop <= cut ? [k] : []));
      // Each message read whole has its outcome; the one cut inside is rejected; none is counted twice.
      expect(counted(r), at).toEqual(
        locators(rejectedCut >= 0 ? [...wholeBefore, rejectedCut] : wholeBefore),
      );
      const cutShort = r.rejected.filter((x) => x.code === `${c.prefix}_RECORD_CUT_SHORT`);
      if (rejectedCut >= 0) {
        expect(cutShort, at).toEqual([
          {
            code: `${c.prefix}_RECORD_CUT_SHORT`,
            locator: spans[rejectedCut]!.locator,
            message: expect.stringMatching(
              /^the file ends inside this record \(line \d+, column \d+\); the part of it read is not used, as the rest is missing$/,
            ),
            hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
          },
        ]);
        // The part read is never emitted.
        expect(
          r.events.map((e) => e.locator),
          at,
        ).not.toContain(spans[rejectedCut]!.locator);
      } else expect(cutShort, at).toEqual([]);
      if (cut < end) {
        expect(r.failure?.code, at).toMatch(new RegExp(`^${c.prefix}_(TRUNCATED|INVALID)$`));
        // The failure points at the message rejected; a cut in none points at no message, never at one the file
        // was cut before: between two JSON messages, at their array.
        if (rejectedCut >= 0) expect(r.failure?.locator, at).toBe(spans[rejectedCut]!.locator);
        else if (c.source !== messengerHtml && cut >= arrayOpen && cut <= arrayClose && inside < 0)
          expect(r.failure?.locator, at).toBe('messages');
        else {
          expect(String(r.failure?.locator), at).not.toMatch(/^messages\[/);
          expect(
            spans.map((s) => s.locator),
            at,
          ).not.toContain(r.failure?.locator);
        }
      } else expect(r.failure, at).toBeUndefined();
    }
  });

  it('says the same at any chunk size', async () => {
    const cut = Math.floor((spans[2]!.begun + spans[2]!.stop) / 2);
    const bytes = whole.subarray(0, cut);
    const one = await read(bytes);
    expect(one.rejected.map((x) => [x.code, x.locator])).toEqual([
      [`${c.prefix}_RECORD_CUT_SHORT`, spans[2]!.locator],
    ]);
    for (const size of [1, 7, 64]) expect(await read(bytes, size)).toEqual(one);
  });
});

describe('a JSON message that breaks off at a syntax error', () => {
  const file = CASES[0];
  const whole = readFileSync(file.file);
  const spans = jsonSpans(whole);
  const read = (bytes: Buffer) =>
    runInput(messengerJson, inPieces(bytes, 4096, file.path), { timezone: 'UTC' });
  /** The file with the byte at `at` (ASCII) replaced by `by`. */
  const damaged = (at: number, by: string) =>
    Buffer.concat([whole.subarray(0, at), Buffer.from(by), whole.subarray(at + 1)]);

  it('rejects that message, never emitted, beside the failure, wherever it lies', async () => {
    for (let k = 0; k < spans.length; k++) {
      // The colon after the message's first key: its brackets still match, so it is read to its end.
      const colon = whole.indexOf(':', spans[k]!.begun);
      const r = await read(damaged(colon, ' '));
      expect(counted(r), `messages[${k}]`).toEqual(
        locatorsOf(
          spans,
          Array.from({ length: k + 1 }, (_, i) => i),
        ),
      );
      const broken = r.rejected.filter((x) => x.code === 'MESSENGER_JSON_RECORD_MALFORMED');
      expect(broken).toEqual([
        {
          code: 'MESSENGER_JSON_RECORD_MALFORMED',
          locator: `messages[${k}]`,
          message: expect.stringMatching(
            /^reading stopped inside this record at an error \(line \d+, column \d+\): [^;]+; the rest of the file cannot be read, so the part of this record read is not used$/,
          ),
          hint: expect.stringContaining('damaged in this copy of the export'),
        },
      ]);
      expect(r.failure).toMatchObject({ code: 'MESSENGER_JSON_INVALID', locator: `messages[${k}]` });
      // The place is the one the failure gives.
      const place = /line \d+, column \d+/.exec(broken[0]!.message)![0];
      expect(r.failure!.message).toContain(`at ${place} in messages[${k}]`);
    }
  });

  it('rejects nothing for an error between two messages (a missing comma)', async () => {
    const r = await read(damaged(whole.indexOf(',', spans[1]!.stop), ' '));
    expect(counted(r)).toEqual(locatorsOf(spans, [0, 1]));
    expect(r.rejected.filter((x) => x.code.endsWith('_RECORD_MALFORMED'))).toEqual([]);
    expect(r.failure).toMatchObject({ code: 'MESSENGER_JSON_INVALID', locator: 'messages' });
    expect(r.failure!.message).toContain('after messages[1]');
  });
});

describe('an HTML page that breaks off in a tag that never ends', () => {
  const file = CASES[3];
  const whole = readFileSync(file.file);
  const spans = htmlSpans(whole);

  it('rejects the message block it lies in, at the place the tag starts', async () => {
    // A comment begun inside the third block's body and never closed: more than the scanner carries (1 MiB).
    const at = whole.indexOf('<div>', spans[2]!.begun);
    const bytes = Buffer.concat([
      whole.subarray(0, at),
      Buffer.from(`<!--${'x'.repeat(1_100_000)}`),
      whole.subarray(at),
    ]);
    const r = await runInput(messengerHtml, inPieces(bytes, 65536, file.path), { timezone: 'UTC' });
    expect(counted(r)).toEqual(locatorsOf(spans, [0, 1, 2]));
    const column = whole.subarray(0, at).toString('utf8').length + 1;
    expect(r.rejected).toEqual([
      {
        code: 'MESSENGER_HTML_RECORD_MALFORMED',
        locator: spans[2]!.locator,
        message: `reading stopped inside this record at an error (line 1, column ${column}): a tag or comment that starts there never ends; the rest of the file cannot be read, so the part of this record read is not used`,
        hint: expect.stringContaining('damaged in this copy of the export'),
      },
    ]);
    expect(r.failure).toEqual({
      code: 'MESSENGER_HTML_INVALID',
      message: `A tag or comment that starts at line 1, column ${column} never ends, inside the message that starts at ${spans[2]!.locator}; the markup is broken, so that message is not used and the rest of the page cannot be read.`,
      locator: spans[2]!.locator,
      hint: expect.stringContaining('messages before this point were kept'),
    });
  });

  it('names no message, and has no locator, when the tag starts between two blocks', async () => {
    const at = spans[2]!.stop;
    const bytes = Buffer.concat([
      whole.subarray(0, at),
      Buffer.from(`<!--${'x'.repeat(1_100_000)}`),
      whole.subarray(at),
    ]);
    const r = await runInput(messengerHtml, inPieces(bytes, 65536, file.path), { timezone: 'UTC' });
    expect(counted(r)).toEqual(locatorsOf(spans, [0, 1, 2]));
    expect(r.rejected.filter((x) => x.code === 'MESSENGER_HTML_RECORD_MALFORMED')).toEqual([]);
    const column = whole.subarray(0, at).toString('utf8').length + 1;
    expect(r.failure).toEqual({
      code: 'MESSENGER_HTML_INVALID',
      message: `A tag or comment that starts at line 1, column ${column} never ends; the markup is broken, so the rest of the page cannot be read.`,
      hint: expect.stringContaining('messages before this point were kept'),
    });
  });
});

describe('an HTML page cut short', () => {
  const file = CASES[3];
  const whole = readFileSync(file.file);
  const spans = htmlSpans(whole);
  const read = (bytes: Buffer) =>
    runInput(messengerHtml, inPieces(bytes, 4096, file.path), { timezone: 'UTC' });

  it('names the message block it ends inside, rejected beside it, and takes its locator', async () => {
    const at = Math.floor((spans[2]!.begun + spans[2]!.stop) / 2);
    const r = await read(whole.subarray(0, at));
    const column = whole.subarray(0, at).toString('utf8').length + 1;
    expect(r.rejected.map((x) => [x.code, x.locator])).toEqual([
      ['MESSENGER_HTML_RECORD_CUT_SHORT', spans[2]!.locator],
    ]);
    expect(r.failure).toEqual({
      code: 'MESSENGER_HTML_TRUNCATED',
      message: `The page ends before </body> or </html> (line 1, column ${column}), inside the message that starts at ${spans[2]!.locator}: the file was cut short, so that message is not used and any messages after it are missing.`,
      locator: spans[2]!.locator,
      hint: expect.stringContaining('messages before this point were kept'),
    });
  });

  it('names no message, and has no locator, when it ends between two blocks', async () => {
    const at = spans[2]!.stop;
    const r = await read(whole.subarray(0, at));
    expect(counted(r)).toEqual(locatorsOf(spans, [0, 1, 2]));
    const column = whole.subarray(0, at).toString('utf8').length + 1;
    expect(r.failure).toEqual({
      code: 'MESSENGER_HTML_TRUNCATED',
      message: `The page ends before </body> or </html> (line 1, column ${column}): the file was cut short, so any message not whole before this point is missing.`,
      hint: expect.stringContaining('messages before this point were kept'),
    });
  });
});
