/**
 * Body lines that start "From " without the ">From " quoting (mboxo writers that do not quote, mailboxes joined by
 * hand): a line is a message separator only when header lines follow it; any other stays in the message before
 * it, with one MBOX_UNQUOTED_FROM_LINE warning per file. Fixtures in fixtures/mbox-unquoted-from.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MboxMessage, MboxSplitter } from '../../src/sources/email/mbox-split.js';
import { readMessage } from '../../src/sources/email/message.js';
import { eml } from '../../src/sources/eml.js';
import { mbox } from '../../src/sources/mbox.js';
import type { SourceContext } from '../../src/sources/source.js';
import { runSource } from '../helpers/run-source.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const DIR = 'fixtures/mbox-unquoted-from';
const FILE = join(DIR, 'unquoted-from-lines.mbox');

const tempDir = tempDirs('chronolog-mbox-from-');

/** Writes `text` to a new temporary .mbox file and returns its path. */
function mboxFile(text: string): string {
  const file = join(tempDir(), 'box.mbox');
  writeFileSync(file, text);
  return file;
}

/** A whole message: separator, headers, an empty line, the body and the empty line that ends it. */
const message = (day: number, body: string) =>
  `From sam@example.com Fri Mar ${day} 07:00:00 2024\nFrom: Sam <sam@example.com>\n` +
  `Date: ${day} Mar 2024 07:00:00 +0000\nMessage-ID: <m${day}@example.com>\n\n${body}\n\n`;

/** Splits `bytes` pushed in chunks of the given sizes (cycled); the messages, and the warnings. */
function split(bytes: Buffer, sizes: number[]) {
  const out: (Omit<MboxMessage, 'bytes'> & { text: string })[] = [];
  const warnings: string[] = [];
  const s = new MboxSplitter({
    maxMessageBytes: 1 << 20,
    onMessage: ({ bytes: b, ...m }) => out.push({ ...m, text: b.toString('latin1') }),
    onWarn: (code, locator, text) => warnings.push(`${code} ${locator} ${text}`),
  });
  for (let pos = 0, i = 0; pos < bytes.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]!);
    s.push(bytes.subarray(pos, pos + n));
    pos += n;
  }
  s.end();
  return { out, warnings };
}

describe('mbox unquoted From lines goldens', () => {
  for (const f of readdirSync(DIR).filter((n) => n.endsWith('.mbox'))) {
    it(`matches ${f.replace(/\.mbox$/, '.expected.json')}`, async () => {
      const run = JSON.parse(JSON.stringify(await runSource(mbox, join(DIR, f))));
      const golden = join(DIR, f.replace(/\.mbox$/, '.expected.json'));
      if (process.env.UPDATE_GOLDENS) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(run).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('mbox unquoted From lines', () => {
  it('is detected as an mbox, and not as an .eml', () => {
    const head = readFileSync(FILE);
    const probe = { name: 'unquoted-from-lines.mbox', path: FILE, head, text: head.toString('utf8') };
    expect(mbox.detect(probe)).toBe(true);
    expect(eml.detect(probe)).toBe(false);
  });

  it('keeps a dated "From " line after an empty line in the message when no header follows it', async () => {
    const run = await runSource(mbox, FILE);
    expect(run.accounting).toEqual({ records: 3, events: 3, skipped: 0, rejected: 0 });
    expect(run.events.map((e) => e.locator)).toEqual([
      'message[0] (line 1)',
      'message[1] (line 20)',
      'message[2] (line 32)',
    ]);
    // The piece after line 15 was rejected as a message with no headers, and cut message[0] there.
    expect(run.events[0]!.text).toContain(
      '\n\nFrom sam.harper@example.net Wed Mar 13 10:00:00 2024\nI know where you are.\n\nFrom now on you will',
    );
    expect(run.events[1]!.text).toContain('working from home today.\nFrom the bus stop I could see');
    // A pasted separator followed by an empty line is no separator either.
    expect(run.events[2]!.text).toMatch(
      /again:\n\nFrom sam\.harper\S+ Wed Mar 13 10:00:00 2024\n\nI know where you are\.$/,
    );
    expect(run.warnings).toEqual([
      {
        code: 'MBOX_UNQUOTED_FROM_LINE',
        locator: 'message[0] (line 1)',
        message:
          'Line 15, "From sam.harper@example.net Wed Mar 13 10:00:00 2024", starts with "From " but is not a message ' +
          'separator (no header lines follow it); it was kept in the text of the message before it, message[0] ' +
          '(line 1). 3 more lines starting with "From " were kept the same way (lines 18, 30, 43).',
      },
    ]);
  });

  it("splits the reviewer's mailbox in two, the forwarded text kept in the first message", async () => {
    const text =
      'From sam@example.com Thu Mar 14 21:05:00 2024\nFrom: Sam <sam@example.com>\nTo: me@example.com\n' +
      'Subject: first\nDate: Thu, 14 Mar 2024 21:05:00 +0000\nMessage-ID: <e1@example.com>\n\n' +
      'Forwarding what I wrote before:\n\nFrom sam@example.com Wed Mar 13 10:00:00 2024\nI know where you are.\n\n' +
      'From sam@example.com Fri Mar 15 07:00:00 2024\nFrom: Sam <sam@example.com>\nSubject: second\n' +
      'Date: Fri, 15 Mar 2024 07:00:00 +0000\nMessage-ID: <e2@example.com>\n\nSecond body.\n';
    const run = await runSource(mbox, mboxFile(text));
    expect(run.accounting).toEqual({ records: 2, events: 2, skipped: 0, rejected: 0 });
    expect(run.events[0]!.text).toBe(
      'Subject: first\n\nForwarding what I wrote before:\n\nFrom sam@example.com Wed Mar 13 10:00:00 2024\nI know where you are.',
    );
    expect(run.events[1]!.locator).toBe('message[1] (line 13)');
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['MBOX_UNQUOTED_FROM_LINE', 'message[0] (line 1)'],
    ]);
  });

  it('warns once per file, listing a few more lines by number and counting the rest', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `From line ${i + 1} of the letter.`).join('\n');
    const run = await runSource(mbox, mboxFile(message(15, body) + message(16, 'From then on.')));
    expect(run.accounting.events).toBe(2);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]!.message).toMatch(
      /^Line 6, "From line 1 of the letter\.", starts with "From " but is not a message separator \(no sender and date follow "From "\); .*message\[0\] \(line 1\)\. 20 more lines starting with "From " were kept the same way \(lines 7, 8, 9, 10, 11, 12, 13, 14, and 12 more\)\.$/,
    );
  });

  it('quotes a long line in the warning shortened to 80 characters, whole ones', async () => {
    const line = `From me to you: ${'😀'.repeat(100)}`;
    const run = await runSource(mbox, mboxFile(message(15, line)));
    expect(run.warnings[0]!.message).toContain(`Line 6, "From me to you: ${'😀'.repeat(63)}…", starts with`);
  });

  it('still splits on a separator without an empty line before it when headers follow, and on none without', async () => {
    const run = await runSource(
      mbox,
      mboxFile(
        `${message(15, 'first').trimEnd()}\n${message(16, 'second')}` +
          `${message(17, 'third').trimEnd()}\nFrom sam@example.com Sun Mar 17 08:00:00 2024\nno headers here\n`,
      ),
    );
    expect(run.events.map((e) => e.locator)).toEqual([
      'message[0] (line 1)',
      'message[1] (line 7)',
      'message[2] (line 14)',
    ]);
    expect(run.events[2]!.text).toContain(
      'third\nFrom sam@example.com Sun Mar 17 08:00:00 2024\nno headers here',
    );
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['MBOX_SEPARATOR_WITHOUT_BLANK_LINE', 'message[1] (line 7)'],
      ['MBOX_UNQUOTED_FROM_LINE', 'message[2] (line 14)'],
    ]);
    expect(run.warnings[1]!.message).toContain('(no header lines follow it)');
  });

  it('keeps a dated "From " line on the last line of the file in the last message', async () => {
    const run = await runSource(
      mbox,
      mboxFile(`${message(15, 'bye')}From sam@example.com Sun Mar 17 08:00:00 2024\n`),
    );
    expect(run.accounting.events).toBe(1);
    expect(run.events[0]!.text).toMatch(/bye\n\nFrom sam@example\.com Sun Mar 17 08:00:00 2024$/);
    expect(run.warnings.map((w) => w.code)).toEqual(['MBOX_UNQUOTED_FROM_LINE']);
  });

  it('rejects a first message with no headers, with a hint, and reads the rest', async () => {
    const run = await runSource(
      mbox,
      mboxFile(
        `From sam@example.com Wed Mar 13 10:00:00 2024\nI know where you are.\n\n${message(15, 'later')}`,
      ),
    );
    expect(run.accounting).toEqual({ records: 2, events: 1, skipped: 0, rejected: 1 });
    expect(run.rejected).toEqual([
      {
        code: 'EMAIL_NO_HEADERS',
        locator: 'message[0] (line 1)',
        message: 'No header fields at the start of the message ("I know where you are.").',
        hint: expect.stringContaining('header lines (From:, Date:, Subject:) follow the "From " line'),
      },
    ]);
  });

  it('gives a saved message without headers a hint about saving it again', () => {
    const rejected: { code: string; hint?: string }[] = [];
    const ctx = {
      options: { timezone: 'Europe/London' },
      emit: () => {},
      skip: () => {},
      reject: (code: string, _l: unknown, _m: string, hint?: string) => void rejected.push({ code, hint }),
      warn: () => {},
      progress: () => {},
    } as unknown as SourceContext;
    readMessage({ bytes: Buffer.from('just words\n\nmore\n'), locator: 1, size: 17, truncated: false }, ctx);
    expect(rejected).toEqual([
      { code: 'EMAIL_NO_HEADERS', hint: expect.stringContaining('Download message') },
    ]);
  });

  it('decides a separator before a cut last line by what the cut line can still be', () => {
    const cut = (last: string) => {
      const out: number[] = [];
      const s = new MboxSplitter({
        maxMessageBytes: 1 << 20,
        onMessage: (m) => out.push(m.ordinal),
        onWarn: () => {},
      });
      s.push(Buffer.from(`${message(15, 'I will wait outside.')}From a@x Sat Mar 16 10:00:00 2024\n${last}`));
      return { ...s.endCut(), handedOn: out };
    };
    // A header cut short: the separator starts message[1], which is the one cut; message[0] is whole.
    for (const last of ['R', 'Subj', 'Subject: I', 'X-Mozilla-Status']) {
      expect(cut(last)).toEqual({ line: 9, dropped: { ordinal: 1, line: 8 }, handedOn: [0] });
    }
    // Body text cut short: the "From " line belongs to message[0], and message[0] is the one cut.
    for (const last of ['I know wh', 'Subject is ']) {
      expect(cut(last)).toEqual({ line: 9, dropped: { ordinal: 0, line: 1 }, handedOn: [] });
    }
  });

  it('splits the same way whatever the chunk boundaries', () => {
    const bytes = Buffer.concat([
      readFileSync(FILE),
      Buffer.from(`${message(17, 'x').trimEnd()}\n${message(18, 'y')}From z@x Tue Mar 19 10:00:00 2024\n`),
    ]);
    const whole = split(bytes, [bytes.length]);
    expect(whole.out.map((m) => m.line)).toEqual([1, 20, 32, 47, 53]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 12 }), (sizes) => {
        expect(split(bytes, sizes)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });
});
