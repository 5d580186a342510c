/**
 * A Signal message near or over the 1 MiB cap (long-text.ts) in both files signal-export writes for a
 * conversation. chat.md writes more than the body on a message's lines (a reply's quote before it, blank lines,
 * reactions and attachment links after it) and splits the body's CRLF line breaks as lines; data.json holds the
 * body alone, its CRLFs as written. The two copies must keep the same text, cut at the same place, or the
 * timeline counts the message twice; chat.md read the quote, blank lines and CRs into the cap (16 events kept
 * where 15 are right), and left the reactions and attachment links past the cap unread: a reactor named nowhere
 * else was left in clear by `anonymise`, and the kept copy lost its attachment count. The message is warned of
 * once, with the body's length in both files (SIGNAL_TEXT_TOO_LONG's `copy`), and so is an iMessage message in
 * two overlapping exports.
 *
 * Inputs: the padded-calls-quotes-stickers fixtures (chat.md and data.json of one conversation) with one more
 * message written as signal-export writes it to each (`Message.to_md` and `json.dumps`), as the reviewer's
 * generator did (/tmp/rev36c/gen.mjs).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { MAX_TEXT_BYTES } from '../../src/sources/long-text.js';
import { signalChat } from '../../src/sources/signal-chat.js';
import { signalJson } from '../../src/sources/signal-json.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';
import { anonymisedFolderTexts, KEY_A, keyFile } from '../research/env.js';

const TWIN_MD = 'fixtures/signal-chat/padded-calls-quotes-stickers/chat.md';
const TWIN_JSON = 'fixtures/signal-json/padded-calls-quotes-stickers/data.json';
const IMESSAGE = 'fixtures/imessage-txt/+447700900123.txt';
const MiB = MAX_TEXT_BYTES;

const tmp = mkdtempSync(join(tmpdir(), 'chronolog-signal-long-copies-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Added {
  readonly body: string;
  /** data.json's `quote`, written before the body in chat.md as it is. */
  readonly quote?: string;
  readonly attachments?: readonly string[];
}

/** The twin fixtures with `added` sent by Sam Sample at 19:20 after their last message, in a folder of its own. */
function twins({ body, quote = '', attachments = [] }: Added): string {
  const dir = join(mkdtempSync(join(tmp, 'case-')), 'Sam Sample');
  mkdirSync(dir);
  const padded = `${body}  `;
  const links = attachments.map((a) => `![${a}](./media/${a})  `).join('');
  const md = `[2024-05-02 19:20:00] Sam Sample: ${quote}${padded}${links}\n\n`;
  const json = `${JSON.stringify({
    date: '2024-05-02T19:20:00.000000',
    sender: 'Sam Sample',
    body: padded,
    quote,
    sticker: null,
    reactions: [],
    attachments: attachments.map((a) => ({ name: a, path: `media/${a}`, missing_kind: null })),
    deleted: false,
    call: false,
    missed: false,
  })}\n`;
  writeFileSync(join(dir, 'chat.md'), readFileSync(TWIN_MD, 'utf8') + md);
  writeFileSync(join(dir, 'data.json'), readFileSync(TWIN_JSON, 'utf8') + json);
  return dir;
}

const en = (n: number): string => n.toLocaleString('en-GB');
const quoted = (lines: readonly string[]) => `\n\n> ${lines.join('\n> ')}\n\n`;

describe('a Signal message near or over 1 MiB in both chat.md and data.json', () => {
  const cases: [string, Added, { text: string; cut: boolean; lines?: number; quote?: string }][] = [
    [
      'a body of 2 MiB on CRLF lines (chat.md splits them, data.json keeps them)',
      { body: `${'a line typed on windows\r\n'.repeat(90_000)}end` },
      {
        text: `${'a line typed on windows\n'.repeat(90_000)}end`.slice(0, MiB),
        cut: true,
        lines: 90_001,
      },
    ],
    [
      'a body on lines ended by a lone CR',
      { body: 'old mac line\r'.repeat(150_000) },
      { text: 'old mac line\n'.repeat(150_000).slice(0, MiB), cut: true, lines: 150_000 },
    ],
    [
      'a body under the cap replying to a quote of 32,768 short lines',
      { body: 'b'.repeat(MiB - 10 * 1024), quote: quoted(Array(32_768).fill('a')) },
      { text: 'b'.repeat(MiB - 10 * 1024), cut: false, quote: Array(32_768).fill('a').join('\n') },
    ],
    [
      '100,000 blank lines and then 2 MiB',
      { body: `${'\n'.repeat(100_000)}${'c'.repeat(2 * MiB)}` },
      { text: 'c'.repeat(MiB), cut: true },
    ],
    [
      'a short reply quoting a message of 2 MiB',
      { body: 'short reply', quote: quoted(['q'.repeat(2 * MiB)]) },
      { text: 'short reply', cut: false, quote: 'q'.repeat(MiB) },
    ],
    [
      'a body of 3 MiB on one line with two attachments after it',
      { body: 'd'.repeat(3 * MiB), attachments: ['IMG_1.jpg', 'IMG_2.jpg'] },
      { text: 'd'.repeat(MiB), cut: true },
    ],
    [
      'emoji across the cap',
      { body: `${'e'.repeat(MiB - 2)}${'😀'.repeat(10)}` },
      { text: 'e'.repeat(MiB - 2), cut: true },
    ],
  ];

  it.each(cases)('keeps the same text in both and counts it once: %s', async (_what, added, want) => {
    const folder = twins(added);
    const md = await runSource(signalChat, join(folder, 'chat.md'));
    const json = await runSource(signalJson, join(folder, 'data.json'));
    const alike = (e: ParsedEvent) => ({ ...e, locator: 0 });
    expect(md.events.map(alike)).toEqual(json.events.map(alike));
    const last = md.events.at(-1)!;
    // The text is data.json's body trimmed, its line breaks as chat.md reads them, cut to the cap.
    expect(last.text === want.text).toBe(true);
    expect(last.flags).toEqual(want.cut ? ['SIGNAL_TEXT_CUT'] : undefined);
    expect(last.details?.['quote'] === want.quote).toBe(true);
    expect(last.details?.['attachments']).toBe(
      added.attachments ? String(added.attachments.length) : undefined,
    );

    const { t } = await timelineOf([folder]);
    expect(t.inputs.map((i) => [i.path.split('/').pop(), i.events, i.kept, i.duplicates])).toEqual([
      ['chat.md', 15, 15, 0],
      ['data.json', 15, 0, 15],
    ]);
    const warned = t.problems.list.filter((p) => p.code === 'SIGNAL_TEXT_TOO_LONG');
    if (!want.cut) return expect(warned).toEqual([]);
    // Once, with the body's length (not chat.md's quote, padding or links), naming the other copy.
    const full = added.body.trim().replace(/\r\n?/g, '\n');
    const lines = want.lines === undefined ? '' : ` on ${en(want.lines)} lines`;
    expect(warned.map((p) => p.message)).toEqual([
      `The message on line 38 has ${en(Buffer.byteLength(full))} bytes of text${lines} (as UTF-8), more than a Signal message can hold (64 KiB): it is counted as one message, with the first ${en(Buffer.byteLength(want.text))} bytes of its text. The same record is also in ${folder}/data.json, line 15 (an overlapping export): warned once.`,
    ]);
  });

  it('reads the same from chat.md whole and in pieces of any size', async () => {
    const folder = twins({ body: `${'d'.repeat(3 * MiB)}\r\nend`, attachments: ['IMG_1.jpg', 'IMG_2.jpg'] });
    const bytes = readFileSync(join(folder, 'chat.md'));
    const whole = await runInput(signalChat, inPieces(bytes, bytes.length, 'chat.md'));
    expect(whole.events.at(-1)!.details).toEqual({ attachments: '2' });
    for (const size of [4093, 65_536, MAX_TEXT_BYTES + 7]) {
      expect(await runInput(signalChat, inPieces(bytes, size, 'chat.md'))).toEqual(whole);
    }
  });

  it('keeps whole in both a body of CRLF lines over the cap by fewer bytes than it has CRs (data.json keeps its CRLFs)', async () => {
    // Over the cap by fewer bytes than it has CRs: whole in both, data.json's CRLFs kept.
    const body = `${'x'.repeat(MiB - 5)}\r\ny\r\nz`;
    const folder = twins({ body });
    const json = await runSource(signalJson, join(folder, 'data.json'));
    const md = await runSource(signalChat, join(folder, 'chat.md'));
    expect(json.events.at(-1)!.text === body).toBe(true);
    expect(json.events.at(-1)!.flags).toBeUndefined();
    expect(md.events.at(-1)!.text === body.replace(/\r\n/g, '\n')).toBe(true);
    expect(md.events.at(-1)!.flags).toBeUndefined();
    const { t } = await timelineOf([folder]);
    expect(t.inputs.map((i) => i.kept)).toEqual([15, 0]);
  });
});

describe('reactions and attachment links after the cap of a chat.md message', () => {
  const HEAD = '[2024-03-01 18:00:00] Sam: hello\n\n';
  const long = [
    // One line of 3 MiB with a link at its end, then a reaction line that carries another (it starts with the
    // reaction), then one of a reaction alone.
    `[2024-03-01 18:04:50] Sam: ${'x'.repeat(3 * MiB)}  ![IMG_1.jpg](./media/IMG_1.jpg)  `,
    '(- Zelda Quornby: 👍 -)![IMG_2.jpg](./media/IMG_2.jpg)  ',
    '(- Yusuf Brightwater: 😮 -)',
    '',
    // 60,000 lines, then a reaction line with a link not exported, and a sticker with one.
    `[2024-03-01 18:04:55] Sam: ${Array(60_000).fill('a line pasted again and again').join('\n')}  `,
    '(- Wanda Pexley: 👀 -)(media not exported)  ',
    '(( 😀 ))(media not exported)  ',
    '',
    '[2024-03-01 18:05:00] Me: I told Zelda Quornby, Yusuf Brightwater and Wanda Pexley about it',
    '',
  ].join('\n');

  function chat(): string {
    const dir = mkdtempSync(join(tmp, 'reactions-'));
    writeFileSync(join(dir, 'chat.md'), HEAD + long);
    return dir;
  }

  it('reads their names and counts their attachments', async () => {
    const dir = chat();
    const run = await runSource(signalChat, join(dir, 'chat.md'));
    expect(run.events.map((e) => [e.locator, e.flags, e.details])).toEqual([
      [1, undefined, undefined],
      [3, ['SIGNAL_TEXT_CUT'], { attachments: '2' }],
      [7, ['SIGNAL_TEXT_CUT'], { attachments: '2', sticker: '😀' }],
      [60_010, undefined, undefined],
    ]);
    const { t } = await timelineOf([dir]);
    expect([...t.people].sort()).toEqual(['Wanda Pexley', 'Yusuf Brightwater', 'Zelda Quornby']);
  });

  it('anonymise leaves none of their names in clear', async () => {
    const dir = chat();
    const kase = { title: 'Long messages', timezone: 'UTC', subject: { name: 'Sam', identifiers: ['Sam'] } };
    const texts = await anonymisedFolderTexts(dir, kase, join(tmp, 'anon-out'), keyFile(tmp, KEY_A));
    const told = texts.at(-1)!;
    expect(told).toMatch(
      /^I told \[NAME:p[0-9a-f]{4}\], \[NAME:p[0-9a-f]{4}\] and \[NAME:p[0-9a-f]{4}\] about it$/,
    );
    for (const name of ['Zelda', 'Quornby', 'Yusuf', 'Brightwater', 'Wanda', 'Pexley']) {
      expect(texts.join('\n')).not.toContain(name);
    }
  });
});

describe('an iMessage message over 1 MiB in two overlapping exports', () => {
  it('is warned of once, naming the other copy', async () => {
    const lines = readFileSync(IMESSAGE, 'utf8').split('\n');
    lines.splice(8, 0, 'May 17, 2024  6:00:00 PM', '+447700900123', 'z'.repeat(2 * MiB), '');
    const root = mkdtempSync(join(tmp, 'imessage-'));
    for (const copy of ['export-may', 'export-june']) {
      mkdirSync(join(root, copy));
      writeFileSync(join(root, copy, '+447700900123.txt'), lines.join('\n'));
    }
    const { t } = await timelineOf([root]);
    expect(t.inputs.map((i) => i.kept)).toEqual([6, 0]);
    const warned = t.problems.list.filter((p) => p.code === 'IMESSAGE_TEXT_TOO_LONG');
    expect(warned.map((p) => [p.file?.split('/').at(-2), p.locator])).toEqual([['export-june', 'line 9']]);
    expect(warned[0]!.message).toMatch(
      /has 2,097,152 bytes of text .* also in .*export-may.*, line 9 \(an overlapping export\): warned once\.$/,
    );
  });
});
