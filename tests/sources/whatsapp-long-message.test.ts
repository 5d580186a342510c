/**
 * A WhatsApp "message" longer than any WhatsApp message can be (65,536 characters): another file joined onto the
 * chat, or a damaged copy. It is one contact, counted once and kept with the first MAX_TEXT_BYTES of its text,
 * flagged WHATSAPP_TEXT_CUT and named in a warning with its full length; the messages after it are read as usual,
 * on their own lines. (An 80 MB one took 400 MB of memory when it was kept whole.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { MAX_TEXT_BYTES } from '../../src/sources/whatsapp-txt/message-text.js';
import { runSource } from '../helpers/run-source.js';

const tmp = mkdtempSync(join(tmpdir(), 'chronolog-wa-long-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function chat(name: string, ...parts: (string | Buffer)[]): string {
  const file = join(tmp, name);
  writeFileSync(file, Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p))));
  return file;
}

const HEAD = '14/03/2024, 21:05 - Sam: ';

describe('a WhatsApp message longer than any WhatsApp message', () => {
  it('keeps a one-line message of 3 MiB as one event with the start of its text, cut at a character', async () => {
    // 'é' is two bytes; 'x' first puts the cap inside one, which is left out whole.
    const body = `x${'é'.repeat((3 * 1024 * 1024) / 2)}`;
    const file = chat(
      'one-line.txt',
      `${HEAD}Answer me\n`,
      `14/03/2024, 21:06 - Sam: ${body}\n`,
      `${HEAD}Last\n`,
    );
    const run = await runSource(whatsappTxt, file);
    expect(run.failure).toBeUndefined();
    expect(run.accounting).toEqual({ records: 3, events: 3, skipped: 0, rejected: 0 });
    const long = run.events[1]!;
    expect(long).toMatchObject({ locator: 2, kind: 'message', flags: ['WHATSAPP_TEXT_CUT'] });
    const kept = Buffer.byteLength(long.text!);
    // MAX_TEXT_BYTES of the text (the header is not counted), ending at a whole 'é'.
    expect(kept).toBe(MAX_TEXT_BYTES - 1);
    expect(long.text).toBe(`x${'é'.repeat((kept - 1) / 2)}`);
    expect(run.events.map((e) => [e.locator, e.flags])).toEqual([
      [1, undefined],
      [2, ['WHATSAPP_TEXT_CUT']],
      [3, undefined],
    ]);
    expect(run.warnings).toEqual([
      {
        code: 'WHATSAPP_TEXT_TOO_LONG',
        locator: 2,
        message: `The message on line 2 has 3,145,729 bytes of text (as UTF-8), more than a WhatsApp message can hold (65,536 characters): it is counted as one message, with the first 1,048,575 bytes of its text.`,
      },
    ]);
  });

  it('stops keeping the lines of a long message at the cap, and counts them all', async () => {
    const line = 'a line pasted into the chat, again and again'; // 44 bytes
    const n = 60_000; // 2.7 MB of lines
    const file = chat(
      'many-lines.txt',
      `${HEAD}start\n`,
      `${`${line}\n`.repeat(n)}`,
      '14/03/2024, 21:07 - Alex: Stop\n',
    );
    const run = await runSource(whatsappTxt, file);
    expect(run.accounting).toEqual({ records: 2, events: 2, skipped: 0, rejected: 0 });
    const long = run.events[0]!;
    expect(Buffer.byteLength(long.text!)).toBeLessThanOrEqual(MAX_TEXT_BYTES);
    expect(long.text!.startsWith(`start\n${line}\n${line}`)).toBe(true);
    expect(long.flags).toEqual(['WHATSAPP_TEXT_CUT']);
    // The message after it still has its own line number and text.
    expect(run.events[1]).toMatchObject({ locator: n + 2, text: 'Stop', sender: { name: 'Alex' } });
    const total = 5 + n * (1 + line.length);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['WHATSAPP_TEXT_TOO_LONG', 1]]);
    expect(run.warnings[0]!.message).toContain(
      `has ${total.toLocaleString('en-GB')} bytes of text on ${(n + 1).toLocaleString('en-GB')} lines`,
    );
    expect(run.warnings[0]!.message).toContain(
      `with the first ${Buffer.byteLength(long.text!).toLocaleString('en-GB')} bytes`,
    );
  });

  it('keeps a message of exactly the cap whole, with no flag', async () => {
    const first = 'x'.repeat(1000);
    const rest = 'y'.repeat(MAX_TEXT_BYTES - first.length - 1); // "first\nrest": exactly MAX_TEXT_BYTES
    const file = chat('at-cap.txt', `${HEAD}${first}\n${rest}\n`, `${HEAD}next\n`);
    const run = await runSource(whatsappTxt, file);
    expect(Buffer.byteLength(run.events[0]!.text!)).toBe(MAX_TEXT_BYTES);
    expect(run.events[0]!.flags).toBeUndefined();
    expect(run.warnings).toEqual([]);

    const over = chat('over-cap.txt', `${HEAD}${first}\n${rest}y\n`, `${HEAD}next\n`);
    const cut = await runSource(whatsappTxt, over);
    expect(cut.events[0]!.text).toBe(`${first}\n${rest}`);
    expect(cut.events[0]!.flags).toEqual(['WHATSAPP_TEXT_CUT']);
    expect(cut.warnings[0]!.message).toContain(
      `has ${(MAX_TEXT_BYTES + 1).toLocaleString('en-GB')} bytes of text on 2 lines (as UTF-8)`,
    );
  });

  it('cuts continuation lines before a whole character, wherever the cap falls in them', async () => {
    // Lines of 4-byte emoji after a first line of 1 to 3 bytes: the cap falls at each place inside a character.
    for (const first of ['a', 'ab', 'abc']) {
      const file = chat(
        `emoji-${first}.txt`,
        `${HEAD}${first}\n`,
        `${'😀'.repeat(1000)}\n`.repeat(400),
        `${HEAD}next\n`,
      );
      const run = await runSource(whatsappTxt, file);
      const text = run.events[0]!.text!;
      expect(text.includes('\ufffd'), first).toBe(false);
      expect(Buffer.byteLength(text), first).toBeGreaterThan(MAX_TEXT_BYTES - 4);
      expect(Buffer.byteLength(text), first).toBeLessThanOrEqual(MAX_TEXT_BYTES);
      expect(text.endsWith('😀'), first).toBe(true);
      expect(run.events[0]!.flags).toEqual(['WHATSAPP_TEXT_CUT']);
    }
  });

  it('keeps the flag beside a clock flag, and cuts a last line that has no line break', async () => {
    const big = 'z'.repeat(2 * MAX_TEXT_BYTES);
    const file = chat(
      'ampm.txt',
      `14/03/2024, 00:05 AM - Sam: hello\n`,
      `14/03/2024, 00:06 AM - Sam: ${big}`,
    );
    const run = await runSource(whatsappTxt, file);
    expect(run.failure).toBeUndefined();
    expect(run.events.map((e) => e.flags)).toEqual([
      ['WHATSAPP_AMPM_MIDNIGHT'],
      ['WHATSAPP_AMPM_MIDNIGHT', 'WHATSAPP_TEXT_CUT'],
    ]);
    expect(run.warnings.map((w) => [w.code, w.locator])).toContainEqual(['WHATSAPP_TEXT_TOO_LONG', 2]);
  });
});
