/**
 * One Messenger thread file in two copies of the same download (fixtures/messenger-json-long-values), with one
 * message's text of 2 MiB and one sender name of more than 32 MiB (a damaged copy). Each copy keeps the first MiB
 * of the text, cut at the same character, so the message counts once, flagged MESSENGER_TEXT_CUT, and its
 * MESSENGER_TEXT_TOO_LONG warning is told once; the message over 32 MiB is rejected in each copy and the messages
 * after it are read.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { MAX_VALUE_CHARS } from '../../src/sources/meta/json-thread.js';
import { timelineOf } from '../helpers/timeline.js';

const THREAD = 'fixtures/messenger-json-long-values/message_1.json';
const tmp = mkdtempSync(join(tmpdir(), 'messenger-long-text-copies-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a Messenger thread over its limits, downloaded twice', () => {
  it('keeps the long text once with the same first MiB, and rejects the oversized message in each copy', async () => {
    const text = `answer me ${'é'.repeat(MAX_TEXT_BYTES)}`;
    const json = readFileSync(THREAD, 'utf8');
    // The sender of messages[0] ("Leave me alone.") made a name of more than 32 MiB.
    const first = json.indexOf('"Sam Sample"', json.indexOf('"messages"'));
    const damaged =
      `${json.slice(0, first)}"${'S'.repeat(MAX_VALUE_CHARS + 1)}"${json.slice(first + '"Sam Sample"'.length)}`.replace(
        '"answer me"',
        JSON.stringify(text),
      );
    for (const copy of ['download-1', 'download-2']) {
      const dir = join(tmp, copy, 'messages', 'inbox', 'samsample_1234567890');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'message_1.json'), damaged);
    }
    const { t, events } = await timelineOf([tmp]);
    expect(t.inputs.map((i) => [i.format, i.records, i.kept, i.duplicates, i.rejected])).toEqual([
      ['messenger-json', 3, 2, 0, 1],
      ['messenger-json', 3, 0, 2, 1],
    ]);
    expect(events.map((e) => [e.text?.slice(0, 10), Buffer.byteLength(e.text ?? ''), e.flags])).toEqual([
      ['pick up', 7, undefined],
      ['answer me ', 10 + 2 * Math.floor((MAX_TEXT_BYTES - 10) / 2), ['MESSENGER_TEXT_CUT']],
    ]);
    const warned = t.problems.list.filter((p) => p.code === 'MESSENGER_TEXT_TOO_LONG');
    expect(warned.map((p) => p.message)).toEqual([
      `The message at messages[1] has ${Buffer.byteLength(text).toLocaleString('en-GB')} bytes of text in "content" (as UTF-8), more than the 1 MiB of a message's text kept: it is counted as one message, with the first 1,048,576 bytes of that text. The same record is also in ${join(tmp, 'download-2', 'messages', 'inbox', 'samsample_1234567890', 'message_1.json')}, messages[1] (an overlapping export): warned once.`,
    ]);
    expect(
      t.problems.list.filter((p) => p.code === 'MESSENGER_JSON_MESSAGE_TOO_LARGE').map((p) => p.locator),
    ).toEqual(['messages[0]', 'messages[0]']);
  });
});
