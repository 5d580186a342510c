/**
 * Header fields longer than any mail program writes (a damaged or hand-joined message: a `To:` of megabytes on one
 * line or folded over a hundred thousand): each field is read up to MAX_FIELD_BYTES as written and the rest only
 * counted, so it costs the cap in memory, not its size (five 60 MB Subject lines in a 300 MB mailbox took 1.5 GB).
 * The message is still one record, read with the start of the field, flagged EMAIL_HEADER_CUT and named in an
 * EMAIL_HEADER_TOO_LONG warning at its locator with the field's size and lines; the outcome is the same wherever
 * the mailbox's chunks end. Real mail with as many recipients as a mail service allows is read whole. Fixtures in
 * fixtures/email-long-headers; the long fields are made from them here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CutField, capFields, MAX_FIELD_BYTES } from '../../src/sources/email/headers.js';
import { eml } from '../../src/sources/eml.js';
import { mbox } from '../../src/sources/mbox.js';
import { inPieces, type Outcome, runInput, runSource } from '../helpers/run-source.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const DIR = 'fixtures/email-long-headers';
const MAILBOX = readFileSync(join(DIR, 'mailbox.mbox'), 'latin1');
const tempDir = tempDirs('chronolog-mail-headers-');

// The To field of the mailbox's second message, on its two lines.
const TO =
  'To: "Alex Byrne" <alex@example.com>, "Sam Byrne" <sam.byrne@example.com>,\n "Priya Byrne" <priya@example.org>\n';
const SAM = '"Sam Byrne" <sam.byrne@example.com>,';

/** The mailbox with the second message's To holding Sam's address `n` times, on its line or one per line. */
function mailboxWithLongTo(n: number, folded: boolean): Buffer {
  expect(MAILBOX).toContain(TO);
  const sams = folded ? `\n ${SAM}`.repeat(n) : ` ${SAM}`.repeat(n);
  const to = `To: "Alex Byrne" <alex@example.com>,${sams}\n "Priya Byrne" <priya@example.org>\n`;
  return Buffer.from(MAILBOX.replace(TO, to), 'latin1');
}

const HINT =
  'Mail programs write header fields of a few kilobytes (2,000 recipients, the most Google Workspace takes on one message, fill about 100 KB): a damaged or edited file, or another file joined into the message, can make one this long. Check this message in the mailbox or mail program it came from.';

/** What a run says, with each text measured rather than printed. */
const summary = (out: Outcome) => ({
  events: out.events.map((e) => ({
    locator: e.locator,
    time: e.time,
    text: e.text,
    conversation: e.conversation,
    flags: e.flags,
    to: e.details?.['to'],
    toBytes: e.details?.['to'] === undefined ? undefined : Buffer.byteLength(e.details['to']),
  })),
  skipped: out.skipped,
  rejected: out.rejected,
  warnings: out.warnings,
  failure: out.failure,
});

/** The mailbox read whole and in chunks of several sizes, which must all agree. */
async function sameInAnyChunks(file: Buffer) {
  const whole = summary(await runInput(mbox, inPieces(file, file.length, 'mailbox.mbox')));
  for (const size of [4096, 65_536, 1 << 20]) {
    expect(summary(await runInput(mbox, inPieces(file, size, 'mailbox.mbox'))), `chunks of ${size}`).toEqual(
      whole,
    );
  }
  return whole;
}

describe('a header field longer than any mail program writes', () => {
  it('reads a To of 3 MiB on one line with its first MiB, and every field after it', async () => {
    const file = mailboxWithLongTo(90_000, false);
    const bytes =
      'To: "Alex Byrne" <alex@example.com>,'.length +
      90_000 * (SAM.length + 1) +
      ' "Priya Byrne" <priya@example.org>'.length;
    expect(bytes).toBeGreaterThan(3 * MAX_FIELD_BYTES);
    const run = await sameInAnyChunks(file);
    expect(run.events.map((e) => e.locator)).toEqual([
      'message[0] (line 1)',
      'message[1] (line 10)',
      'message[2] (line 21)',
    ]);
    const [before, cut, after] = run.events;
    expect(before!.flags).toBeUndefined();
    expect(after!.flags).toBeUndefined();
    expect(after!.text).toBe('Subject: Last chance\n\nI am outside.');
    // Subject, Message-ID and Content-Type come after the long field: all read.
    const { to, ...rest } = cut!;
    expect(rest).toEqual({
      locator: 'message[1] (line 10)',
      time: { type: 'instant', ms: Date.parse('2024-02-14T07:41:02Z'), precision: 's' },
      text: 'Subject: Everyone should know — read this\n\nThey will all know by tonight.',
      conversation: 'Everyone should know — read this',
      flags: ['EMAIL_HEADER_CUT'],
      // The first MiB of the field, less its name, the colon and the space after it.
      toBytes: MAX_FIELD_BYTES - 'To: '.length,
    });
    const kept = `"Alex Byrne" <alex@example.com>,${` ${SAM}`.repeat(90_000)}`.slice(0, MAX_FIELD_BYTES - 4);
    expect(to === kept, 'the first MiB of To, as written').toBe(true);
    expect(run.skipped).toEqual([]);
    expect(run.rejected).toEqual([]);
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_HEADER_TOO_LONG',
        locator: 'message[1] (line 10)',
        message: `This message's To field is ${bytes.toLocaleString('en-GB')} bytes long (2 lines). chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes are in the timeline; the rest is only in the original file.`,
        hint: `${HINT} The message carries the EMAIL_HEADER_CUT flag.`,
      },
    ]);
  });

  it('reads a To folded over 100,000 lines the same way, counting its lines', async () => {
    const file = mailboxWithLongTo(100_000, true);
    const run = await sameInAnyChunks(file);
    expect(run.events.map((e) => [e.locator, e.flags])).toEqual([
      ['message[0] (line 1)', undefined],
      ['message[1] (line 10)', ['EMAIL_HEADER_CUT']],
      // The folded lines still count as lines of the mailbox.
      ['message[2] (line 100021)', undefined],
    ]);
    expect(run.events[1]!.text).toBe(
      'Subject: Everyone should know — read this\n\nThey will all know by tonight.',
    );
    // Unfolded, each line break is gone and the space that began the line stays.
    expect(run.events[1]!.toBytes).toBeLessThanOrEqual(MAX_FIELD_BYTES - 'To: '.length);
    expect(run.events[1]!.toBytes).toBeGreaterThan(MAX_FIELD_BYTES - 'To: '.length - SAM.length - 1);
    const bytes =
      'To: "Alex Byrne" <alex@example.com>,'.length +
      100_000 * (SAM.length + 1) +
      ' "Priya Byrne" <priya@example.org>'.length;
    expect(run.warnings.map((w) => [w.code, w.locator, w.message])).toEqual([
      [
        'EMAIL_HEADER_TOO_LONG',
        'message[1] (line 10)',
        `This message's To field is ${bytes.toLocaleString('en-GB')} bytes long (100,002 lines). chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes are in the timeline; the rest is only in the original file.`,
      ],
    ]);
  });

  it('reads a field just at the cap whole, and one byte more with its first MiB', async () => {
    for (const extra of [0, 1]) {
      const subject = `Subject: ${'w'.repeat(MAX_FIELD_BYTES - 'Subject: '.length + extra)}`;
      const file = join(tempDir(), 'cap.eml');
      writeFileSync(file, `From: ex@example.net\nDate: Wed, 14 Feb 2024 08:41:02 +0100\n${subject}\n\nHi\n`);
      const run = await runSource(eml, file);
      expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
      const e = run.events[0]!;
      expect(e.conversation?.length).toBe(MAX_FIELD_BYTES - 'Subject: '.length);
      expect(e.flags).toEqual(extra === 0 ? undefined : ['EMAIL_HEADER_CUT']);
      expect(run.warnings.map((w) => w.code)).toEqual(extra === 0 ? [] : ['EMAIL_HEADER_TOO_LONG']);
    }
  });

  it('does not flag a field at the cap whose folded lines after it are only white space', async () => {
    // Unfolded and trimmed, the value is the same with those lines or without them: nothing was lost.
    const subject = `Subject: ${'w'.repeat(MAX_FIELD_BYTES - 'Subject: '.length)}`;
    const file = join(tempDir(), 'cap-blank-folds.eml');
    writeFileSync(
      file,
      `From: ex@example.net\nDate: Wed, 14 Feb 2024 08:41:02 +0100\n${subject}   \n \n\t\n   \t \nMessage-ID: <w1@example.net>\n\nHi\n`,
    );
    const run = await runSource(eml, file);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
    const e = run.events[0]!;
    expect(e.conversation).toBe('w'.repeat(MAX_FIELD_BYTES - 'Subject: '.length));
    expect(e.nativeId).toBe('w1@example.net');
    expect(e.flags).toBeUndefined();
    expect(run.warnings).toEqual([]);
  });

  it('cuts a UTF-8 Subject before a whole character, in the text and the conversation', async () => {
    // "Subject: xy" is 11 bytes, so the cap falls in the middle of a two-byte "é", which is left out whole.
    const file = join(tempDir(), 'utf8.eml');
    writeFileSync(
      file,
      `From: Ex Partner <ex@example.net>\nDate: Wed, 14 Feb 2024 08:41:02 +0100\nSubject: xy${'é'.repeat(MAX_FIELD_BYTES)}\nMessage-ID: <u1@example.net>\n\nRead it.\n`,
    );
    const run = await runSource(eml, file);
    const e = run.events[0]!;
    expect(Buffer.byteLength(e.conversation!)).toBe(MAX_FIELD_BYTES - 1 - 'Subject: '.length);
    expect(e.conversation!.endsWith('é')).toBe(true);
    expect(e.text).toBe(`Subject: ${e.conversation}\n\nRead it.`);
    expect(e.nativeId).toBe('u1@example.net');
    expect(run.warnings.map((w) => w.message)).toEqual([
      `This message's Subject field is ${(11 + 2 * MAX_FIELD_BYTES).toLocaleString('en-GB')} bytes long. chronolog reads at most 1 MiB of a header field, so only its first 1,048,575 bytes are in the timeline; the rest is only in the original file.`,
    ]);
  });

  it('reads the other fields of a Windows-1252 header as Windows-1252 when one is cut', async () => {
    // 0xE9 alone is no UTF-8: the whole block is Windows-1252, and the cut falls on the cap exactly.
    const head = Buffer.from(
      'From: J\xf6rg <j@example.net>\nDate: Wed, 14 Feb 2024 08:41:02 +0100\nX-Junk: ',
      'latin1',
    );
    const file = join(tempDir(), 'cp1252.eml');
    writeFileSync(
      file,
      Buffer.concat([
        head,
        Buffer.alloc(2 * MAX_FIELD_BYTES, 0xe9),
        Buffer.from('\nSubject: caf\xe9\n\nHi\n', 'latin1'),
      ]),
    );
    const run = await runSource(eml, file);
    const e = run.events[0]!;
    expect(e.sender).toEqual({ id: 'j@example.net', idType: 'email', name: 'Jörg' });
    expect(e.text).toBe('Subject: café\n\nHi');
    expect(e.flags).toEqual(['EMAIL_HEADER_CUT']);
    expect(run.warnings.map((w) => w.message)).toEqual([
      `This message's X-Junk field is ${(8 + 2 * MAX_FIELD_BYTES).toLocaleString('en-GB')} bytes long. chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes were read; the rest is only in the original file.`,
    ]);
  });

  it('reads a UTF-8 header as Windows-1252 when a byte that is not UTF-8 is only in the part cut off', async () => {
    // The block as a whole is not UTF-8, so it is read as Windows-1252, as it was before fields were cut: the
    // same file gives the same sender and subject whether or not the byte that decides it is kept.
    const file = join(tempDir(), 'cp1252-in-cut.eml');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(
          'From: Jörg <j@example.net>\nDate: Wed, 14 Feb 2024 08:41:02 +0100\nSubject: café\nX-Junk: ',
        ),
        Buffer.alloc(2 * MAX_FIELD_BYTES, 'a'),
        Buffer.from([0xff]),
        Buffer.from('\n\nHi\n'),
      ]),
    );
    const run = await runSource(eml, file);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
    const e = run.events[0]!;
    expect(e.sender).toEqual({ id: 'j@example.net', idType: 'email', name: 'JÃ¶rg' });
    expect(e.text).toBe('Subject: cafÃ©\n\nHi');
    expect(e.flags).toEqual(['EMAIL_HEADER_CUT']);
  });

  it('names a long field in a part header, and counts the attachment', async () => {
    const name = `${'n'.repeat(2 * MAX_FIELD_BYTES)}.pdf`;
    const file = join(tempDir(), 'part.eml');
    writeFileSync(
      file,
      [
        'From: ex@example.net',
        'Date: Wed, 14 Feb 2024 08:41:02 +0100',
        'Subject: see attached',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Open it.',
        '--b1',
        'Content-Type: application/pdf',
        `Content-Disposition: attachment; filename="${name}"`,
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0=',
        '--b1--',
        '',
      ].join('\n'),
    );
    const run = await runSource(eml, file);
    const e = run.events[0]!;
    expect(e.text).toBe('Subject: see attached\n\nOpen it.');
    expect(e.flags).toEqual(['EMAIL_HEADER_CUT']);
    expect(e.details?.['attachments']).toBe('1');
    expect(run.warnings.map((w) => w.message)).toEqual([
      `The Content-Disposition field of a part of this message's body is ${(
        'Content-Disposition: attachment; filename=""'.length + name.length
      ).toLocaleString(
        'en-GB',
      )} bytes long. chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes were read; the rest is only in the original file.`,
    ]);
  });

  it('warns of a cut field in a message that is skipped, without a flag', async () => {
    const file = join(tempDir(), 'bounce.eml');
    writeFileSync(
      file,
      `From: MAILER-DAEMON@mx.example.org\nDate: Wed, 14 Feb 2024 08:41:02 +0100\nTo: ${'alex@example.com, '.repeat(70_000)}x@example.com\nSubject: Undelivered Mail\n\nbounce\n`,
    );
    const run = await runSource(eml, file);
    expect(run.accounting).toEqual({ records: 1, events: 0, skipped: 1, rejected: 0 });
    expect(run.skipped).toEqual([{ reason: 'delivery-status', locator: 1 }]);
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_HEADER_TOO_LONG',
        locator: 1,
        // Nothing of a skipped message is in the timeline: the field is said to be read, no more.
        message: `This message's To field is ${(4 + 70_000 * 18 + 13).toLocaleString('en-GB')} bytes long. chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes were read; the rest is only in the original file.`,
      },
    ]);
    const out = await runInput(eml, inPieces(readFileSync(file), 1 << 16, file));
    expect(out.warnings[0]!.hint).toBe(HINT);
  });

  it('warns of a cut field in a message rejected for having no header field left, without a flag', async () => {
    // The only header line has a name of 2 MiB: its first MiB holds no colon, so no field is left to read.
    const file = join(tempDir(), 'long-name.eml');
    writeFileSync(file, `X${'n'.repeat(2 * MAX_FIELD_BYTES)}: value\n\nHi\n`);
    const run = await runSource(eml, file);
    expect(run.accounting).toEqual({ records: 1, events: 0, skipped: 0, rejected: 1 });
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['EMAIL_NO_HEADERS', 1]]);
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_HEADER_TOO_LONG',
        locator: 1,
        message: `This message's X${'n'.repeat(78)}… field is ${(2 * MAX_FIELD_BYTES + 8).toLocaleString('en-GB')} bytes long. chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes were read; the rest is only in the original file.`,
      },
    ]);
    const out = await runInput(eml, inPieces(readFileSync(file), 1 << 16, file));
    expect(out.warnings.map((w) => w.hint)).toEqual([HINT]);
  });

  it('warns of a cut field in a message rejected for its time, without a flag', async () => {
    const file = join(tempDir(), 'bad-date.eml');
    writeFileSync(
      file,
      `From: ex@example.net\nDate: the day after Valentine's\nTo: ${'alex@example.com, '.repeat(70_000)}x@example.com\nSubject: tonight\n\nHi\n`,
    );
    const run = await runSource(eml, file);
    expect(run.accounting).toEqual({ records: 1, events: 0, skipped: 0, rejected: 1 });
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      ['EMAIL_BAD_DATE', 1, 'Unreadable Date header "the day after Valentine\'s" and no Received header.'],
    ]);
    expect(run.warnings.map((w) => [w.code, w.locator, w.message])).toEqual([
      [
        'EMAIL_HEADER_TOO_LONG',
        1,
        `This message's To field is ${(4 + 70_000 * 18 + 13).toLocaleString('en-GB')} bytes long. chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes were read; the rest is only in the original file.`,
      ],
    ]);
    const out = await runInput(eml, inPieces(readFileSync(file), 1 << 16, file));
    expect(out.warnings.map((w) => w.hint)).toEqual([HINT]);
  });

  it('reads every one of 2,000 recipients, the most Google Workspace takes on one message', async () => {
    const run = await runSource(eml, join(DIR, 'many-recipients.eml'));
    expect(run.warnings).toEqual([]);
    const e = run.events[0]!;
    expect(e.flags).toBeUndefined();
    const to = e.details!['to']!.split(', ');
    const cc = e.details!['cc']!.split(', ');
    expect([to.length, cc.length]).toEqual([1500, 500]);
    expect(to[0]).toBe('"Alex Smith" <alex.smith@staff.example.org>');
    expect(to[4]).toBe('Jörg Smith <joerg.smith@staff.example.org>');
    expect(cc.at(-1)).toBe('"Olu Popescu" <olu.popescu4@staff.example.org>');
  });
});

describe('capFields', () => {
  const cap = (text: string, max: number) => {
    const cuts: CutField[] = [];
    const out = capFields(Buffer.from(text, 'utf8'), max, cuts);
    return { text: Buffer.from(out).toString('utf8'), cuts };
  };

  it('leaves a block no longer than the cap as it is', () => {
    const block = Buffer.from('To: a@example.org\n');
    expect(capFields(block, block.length, [])).toBe(block);
  });

  it('keeps a folded field up to the cap and leaves its later lines out', () => {
    expect(cap('A: 1\nTo: abcdefgh\n ijkl\n mnop\nB: 2\n', 12)).toEqual({
      text: 'A: 1\nTo: abcdefgh\nB: 2\n',
      cuts: [{ name: 'To', bytes: 22, lines: 3, kept: 12 }],
    });
    expect(cap('A: 1\nTo: abcdef\n ijkl\n mnop\nB: 2\n', 12)).toEqual({
      text: 'A: 1\nTo: abcdef\n i\nB: 2\n',
      cuts: [{ name: 'To', bytes: 20, lines: 3, kept: 12 }],
    });
  });

  it('cuts a line in the middle, ending it with a line break, and counts no line break', () => {
    expect(cap('To: abcdefghijklmnop\r\nB: 2\r\n', 10)).toEqual({
      text: 'To: abcdef\nB: 2\r\n',
      cuts: [{ name: 'To', bytes: 20, lines: 1, kept: 10 }],
    });
  });

  it('notes no cut when what is left out is only white space', () => {
    expect(cap('To: abcdef   \n \n\t\nB: 2\n', 10)).toEqual({ text: 'To: abcdef\nB: 2\n', cuts: [] });
    expect(cap('To: abcdef  x\nB: 2\n', 10)).toEqual({
      text: 'To: abcdef\nB: 2\n',
      cuts: [{ name: 'To', bytes: 13, lines: 1, kept: 10 }],
    });
    expect(cap('To: abcdef\n \n x\nB: 2\n', 10)).toEqual({
      text: 'To: abcdef\nB: 2\n',
      cuts: [{ name: 'To', bytes: 13, lines: 3, kept: 10 }],
    });
  });

  it('cuts UTF-8 before a whole character', () => {
    expect(cap('S: ééé\nT: 1\n', 6)).toEqual({
      text: 'S: é\nT: 1\n',
      cuts: [{ name: 'S', bytes: 9, lines: 1, kept: 5 }],
    });
  });
});
