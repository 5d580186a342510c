/**
 * What one e-mail keeps of its header fields, all together (src/sources/email/kept-headers.ts): each field is read
 * up to 1 MiB, but a damaged message can have many such fields, or many attachments with names of almost 1 MiB,
 * and the event holds what it keeps (text, conversation, details) to the end of the run. So the header values an
 * event keeps come to at most 2 MiB, taken in a fixed order (the subject first, attachment names near the end);
 * what does not fit is cut or left out, counted, flagged EMAIL_HEADER_CUT and named in the message's one
 * EMAIL_HEADER_TOO_LONG warning. Real mail (2,000 recipients fill 106 KB) is kept whole, and the outcome is the
 * same wherever a mailbox's chunks end.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { MAX_FIELD_BYTES } from '../../src/sources/email/headers.js';
import { MAX_KEPT_BYTES } from '../../src/sources/email/kept-headers.js';
import { eml } from '../../src/sources/eml.js';
import { mbox } from '../../src/sources/mbox.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('chronolog-mail-budget-');

/** 1.1 MiB of `a`: each field below is longer than 1 MiB. */
const A = 'a'.repeat(Math.floor(1.1 * MAX_FIELD_BYTES));
const LONG = [
  'To',
  'Cc',
  'Reply-To',
  'Return-Path',
  'In-Reply-To',
  'Authentication-Results',
  'X-Gmail-Labels',
  'Subject',
];
const HEAD = 'From: ex@example.net\nDate: Wed, 14 Feb 2024 08:41:02 +0100\n';
/** A message whose eight kept fields are 1.1 MiB each (9.2 MB): 9.4 million characters kept before. */
const EIGHT = `${HEAD}${LONG.map((n) => `${n}: ${A}\n`).join('')}Message-ID: <eight@example.net>\n\nLook at the recipients.\n`;

/** Characters an event holds in its text, conversation and details (as the timeline keeps them, JSON). */
const held = (e: ParsedEvent) =>
  (e.text?.length ?? 0) +
  (e.conversation?.length ?? 0) +
  (e.details === undefined ? 0 : JSON.stringify(e.details).length);

const thousands = (n: number) => n.toLocaleString('en-GB');

describe('the header values one e-mail keeps, all together', () => {
  it('keeps 2 MiB of eight fields of 1.1 MiB, the subject first, naming what it left out', async () => {
    const file = join(tempDir(), 'eight.eml');
    writeFileSync(file, EIGHT);
    const run = await runSource(eml, file);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
    const e = run.events[0]!;
    const subject = 'a'.repeat(MAX_FIELD_BYTES - 'Subject: '.length);
    expect(e.conversation === subject, 'the subject read, whole').toBe(true);
    expect(e.text === `Subject: ${subject}\n\nLook at the recipients.`).toBe(true);
    expect(e.nativeId).toBe('eight@example.net');
    expect(e.flags).toEqual(['EMAIL_HEADER_CUT']);
    // To fits in what is left after the subject; 13 bytes are left for Cc, none for the rest.
    const to = 'a'.repeat(MAX_FIELD_BYTES - 'To: '.length);
    expect(Object.keys(e.details!)).toEqual(['to', 'cc']);
    expect(e.details!['to'] === to).toBe(true);
    const room = MAX_KEPT_BYTES - subject.length - to.length;
    expect(room).toBe(13);
    expect(e.details!['cc']).toBe('a'.repeat(room));
    expect(held(e)).toBeLessThan(3.2e6);
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_HEADER_TOO_LONG',
        locator: 1,
        message: `This message has 8 header fields longer than 1 MiB: To (${thousands(A.length + 4)} bytes), Cc (${thousands(A.length + 4)} bytes), Reply-To (${thousands(A.length + 10)} bytes), Return-Path (${thousands(A.length + 13)} bytes) and 4 more. chronolog reads at most 1 MiB of a header field, so only the first 1 MiB of each was read. It keeps at most 2 MiB of one message's header fields, so the timeline has only the first 13 bytes of its Cc field and none of its Reply-To, Return-Path, In-Reply-To, Authentication-Results and X-Gmail-Labels fields; the rest is only in the original file.`,
      },
    ]);
  });

  it('keeps the same in an mbox in any chunks, one record per message', async () => {
    const message = (i: number) =>
      `From ex@example.net Wed Feb 14 07:4${i}:02 +0000 2024\n${EIGHT.replace('08:41:02', `08:4${i}:02`).replace('<eight@', `<eight${i}@`)}\n`;
    const file = Buffer.from(
      `${message(1)}${message(2)}From ex@example.net Wed Feb 14 07:50:00 +0000 2024\n${HEAD}Subject: after\n\nStill here.\n`,
    );
    const outcome = async (size: number) => {
      const out = await runInput(mbox, inPieces(file, size, 'mailbox.mbox'));
      return {
        events: out.events.map((e) => ({
          locator: e.locator,
          flags: e.flags,
          details: e.details === undefined ? undefined : Object.keys(e.details),
          cc: e.details?.['cc'],
          held: held(e),
        })),
        skipped: out.skipped,
        rejected: out.rejected,
        warnings: out.warnings.map((w) => [w.code, w.locator, w.message.length]),
      };
    };
    const whole = await outcome(file.length);
    expect(whole.events.map((e) => [e.locator, e.flags, e.details, e.cc])).toEqual([
      ['message[0] (line 1)', ['EMAIL_HEADER_CUT'], ['to', 'cc'], 'a'.repeat(13)],
      ['message[1] (line 16)', ['EMAIL_HEADER_CUT'], ['to', 'cc'], 'a'.repeat(13)],
      ['message[2] (line 31)', undefined, undefined, undefined],
    ]);
    expect(whole.skipped).toEqual([]);
    expect(whole.rejected).toEqual([]);
    expect(whole.warnings.map((w) => w.slice(0, 2))).toEqual([
      ['EMAIL_HEADER_TOO_LONG', 'message[0] (line 1)'],
      ['EMAIL_HEADER_TOO_LONG', 'message[1] (line 16)'],
    ]);
    for (const size of [4096, 65_536, 1 << 20])
      expect(await outcome(size), `chunks of ${size}`).toEqual(whole);
  });

  it('keeps 2 MiB of attachment names no field of which is over 1 MiB, counting every attachment', async () => {
    // Five names of 512 KiB: each field is read whole, but together they run past what one message keeps.
    const names = [0, 1, 2, 3, 4].map((i) => `${i}${'n'.repeat(512 * 1024 - 5)}.pdf`);
    const parts = names.flatMap((name) => [
      '--b1',
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; filename="${name}"`,
      'Content-Transfer-Encoding: base64',
      '',
      'JVBERi0=',
    ]);
    const file = join(tempDir(), 'names.eml');
    writeFileSync(
      file,
      [
        HEAD.trimEnd(),
        'Subject: see attached',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'Open them.',
        ...parts,
        '--b1--',
        '',
      ].join('\n'),
    );
    const run = await runSource(eml, file);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
    const e = run.events[0]!;
    expect(e.text).toBe('Subject: see attached\n\nOpen them.');
    expect(e.flags).toEqual(['EMAIL_HEADER_CUT']);
    expect(e.details!['attachments']).toBe('5');
    const room = MAX_KEPT_BYTES - 'see attached'.length;
    const kept = e.details!['attachmentNames']!;
    expect(kept === names.join('; ').slice(0, room), 'the names, joined, up to what is left').toBe(true);
    const all = names.join('; ').length + 'see attached'.length;
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_HEADER_TOO_LONG',
        locator: 1,
        message: `The header fields of this message that the timeline shows come to ${thousands(all)} bytes. chronolog keeps at most 2 MiB of one message's header fields, so the timeline has only the first ${thousands(room)} bytes of its attachment names; the rest is only in the original file.`,
      },
    ]);
  });

  it("keeps 2 MiB of attached messages' Subject, From and Date, however many there are", async () => {
    const subject = (i: number) => `${i}${'q'.repeat(900_000)}`;
    const attached = [1, 2, 3].flatMap((i) => [
      '--b1',
      'Content-Type: message/rfc822',
      '',
      `Subject: ${subject(i)}`,
      `From: someone${i}@example.org`,
      '',
      'Forwarded.',
    ]);
    const file = join(tempDir(), 'attached.eml');
    writeFileSync(
      file,
      [
        HEAD.trimEnd(),
        'Subject: fw',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'See these.',
        ...attached,
        '--b1--',
        '',
      ].join('\n'),
    );
    const run = await runSource(eml, file);
    const e = run.events[0]!;
    expect(e.details!['attachments']).toBe('3');
    const whole = [1, 2, 3].map((i) => `Subject: ${subject(i)}, From: someone${i}@example.org`).join('; ');
    const room = MAX_KEPT_BYTES - 'fw'.length;
    expect(e.details!['attachedMessages'] === whole.slice(0, room)).toBe(true);
    expect(e.flags).toEqual(['EMAIL_HEADER_CUT']);
    expect(run.warnings.map((w) => w.message)).toEqual([
      `The header fields of this message that the timeline shows come to ${thousands(whole.length + 2)} bytes. chronolog keeps at most 2 MiB of one message's header fields, so the timeline has only the first ${thousands(room)} bytes of its attached messages' Subject, From and Date; the rest is only in the original file.`,
    ]);
  });

  it('keeps every value of a message with 2,000 recipients, many attachments and long stamps', async () => {
    // The most a mail service takes (2,000 recipients, 106 KB), with 200 attachments of long names: whole.
    const base = readFileSync('fixtures/email-long-headers/many-recipients.eml', 'utf8').replace(
      /\r\n/g,
      '\n',
    );
    const split = base.indexOf('\n\n');
    const names = Array.from({ length: 200 }, (_, i) => `Statement ${i} — ${'x'.repeat(200)}.pdf`);
    const body = names.flatMap((name) => [
      '--b1',
      'Content-Type: application/pdf',
      `Content-Disposition: attachment; filename="${name}"`,
      '',
      'JVBERi0=',
    ]);
    const file = join(tempDir(), 'busy.eml');
    writeFileSync(
      file,
      [
        base.slice(0, split).replace(/^Content-Type:.*\n(?:[ \t].*\n)*/im, ''),
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/plain',
        '',
        'All of you.',
        ...body,
        '--b1--',
        '',
      ].join('\n'),
    );
    const run = await runSource(eml, file);
    expect(run.warnings).toEqual([]);
    const e = run.events[0]!;
    expect(e.flags).toBeUndefined();
    expect(e.details!['to']!.split(', ')).toHaveLength(1500);
    expect(e.details!['cc']!.split(', ')).toHaveLength(500);
    expect(e.details!['attachmentNames']).toBe(names.join('; '));
  });
});
