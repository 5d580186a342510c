/**
 * A Twitter/X archive's DM file cut short, or broken by a byte JSON allows nowhere, at every point: the entry of a
 * conversation's `messages` the fault falls inside (its `{` read, its `}` not) is rejected at its own locator
 * (TWITTER_ARCHIVE_RECORD_CUT_SHORT, TWITTER_ARCHIVE_RECORD_MALFORMED) beside the file's failure, and never
 * emitted; a fault between entries, or outside any `messages`, rejects nothing; every entry begun is counted once.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/sources/discord-json/json-walk.js';
import { twitterArchive } from '../../src/sources/twitter-archive/index.js';
import { brokenAt, checkCut, cutPoints } from '../helpers/cut-anywhere.js';
import { recordSpans } from '../helpers/json-records.js';
import { inPieces, runInput } from '../helpers/run-source.js';

const failures = { cut: 'TWITTER_ARCHIVE_TRUNCATED', broken: 'TWITTER_ARCHIVE_INVALID' };

for (const name of ['direct-messages.js', 'direct-messages-group.js']) {
  const file = `fixtures/twitter-archive/${name}`;
  const bytes = readFileSync(file);
  const spans = recordSpans(
    bytes,
    (p) => p.length === 4 && p[1] === 'dmConversation' && p[2] === 'messages',
    formatPath,
    bytes.indexOf('['),
  );
  const read = (b: Uint8Array, size = 1 << 16) => runInput(twitterArchive, inPieces(b, size, name));
  const base = { spans, prefix: 'TWITTER_ARCHIVE', failures };

  describe(`${file} cut or broken anywhere`, () => {
    it('holds entries to cut in', async () => {
      const whole = await read(bytes);
      expect(spans).toHaveLength(whole.events.length + whole.skipped.length + whole.rejected.length);
      expect(spans.length).toBeGreaterThan(3);
      expect(whole.failure).toBeUndefined();
    });

    it('counts every entry begun once, and rejects the one a cut falls inside', async () => {
      const whole = await read(bytes);
      // Every other byte, and every byte around each entry's brackets.
      for (const at of cutPoints(spans, 0, bytes.length, 2)) {
        checkCut(await read(bytes.subarray(0, at)), { ...base, at, kind: 'cut', whole });
      }
    });

    it('counts every entry begun once, and rejects the one a syntax error falls inside', async () => {
      const whole = await read(bytes);
      for (const at of cutPoints(spans, 0, bytes.length, 5)) {
        checkCut(await read(brokenAt(bytes, at)), { ...base, at, kind: 'broken', whole });
      }
    });

    it('says the same at any chunk size', async () => {
      for (const at of cutPoints(spans, 0, bytes.length, 257).filter((_, i) => i % 3 === 0)) {
        for (const b of [bytes.subarray(0, at), brokenAt(bytes, at)]) {
          const once = await read(b);
          for (const size of [1, 64])
            expect(await read(b, size), `at ${at}, ${size}-byte chunks`).toEqual(once);
        }
      }
    });
  });
}

describe('a conversation whose "messages" is not a list, before a syntax error', () => {
  it('is rejected once, however the file is read in pieces', async () => {
    // Regression: the walk reads the file a second time up to a syntax error and asks the reader about every path
    // again; the conversation was rejected on both readings when the error lay in a later piece of the file.
    const text =
      'window.YTD.direct_messages.part0 = [ {"dmConversation": {"conversationId": "1-2", "messages": {"a": 1}}}, ' +
      '{"dmConversation": {"conversationId": "1-2", "messages": [{"messageCreate": {"id": "1761234567890123456", ' +
      '"senderId": "1", "text": "ok", "createdAt": "2024-02-24T18:04:11.532Z"}}, {"messageCreate": {"id": x';
    for (const size of [1, 7, 1 << 16]) {
      const r = await runInput(twitterArchive, inPieces(Buffer.from(text), size, 'direct-messages.js'));
      expect(r.events).toHaveLength(1);
      expect(
        r.rejected.map((x) => [x.code, x.locator]),
        `${size}-byte pieces`,
      ).toEqual([
        ['TWITTER_ARCHIVE_MESSAGES_NOT_A_LIST', '[0].dmConversation.messages'],
        ['TWITTER_ARCHIVE_RECORD_MALFORMED', '[1].dmConversation.messages[1]'],
      ]);
      expect(r.failure).toMatchObject({
        code: 'TWITTER_ARCHIVE_INVALID',
        locator: '[1].dmConversation.messages[1]',
      });
    }
  });
});
