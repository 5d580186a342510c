/**
 * A Date (or Received) value is quoted in warnings and rejections (EMAIL_BAD_DATE, EMAIL_DATE_ZONE_UNCERTAIN,
 * EMAIL_DATE_IMPLAUSIBLE, EMAIL_DATE_REPEATED) and kept in details when the time carries a flag. A damaged message
 * can have a Date of a megabyte, or many of them, and a run keeps 50 warnings of each code: each value is quoted by
 * its first 80 characters, with "…" when it is longer, and so is the value kept in details. Every real Date is
 * shorter, and quoted whole.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eml } from '../../src/sources/eml.js';
import { runSource } from '../helpers/run-source.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('chronolog-mail-date-');

const RECEIVED = 'Received: from mail.example.net by mx.example.org; Wed, 14 Feb 2024 07:41:09 +0000\n';

async function read(name: string, header: string) {
  const file = join(tempDir(), name);
  writeFileSync(file, `From: ex@example.net\nSubject: tonight\n${header}\nI am outside.\n`);
  return runSource(eml, file, { timezone: 'UTC' });
}

const NINES = `${'9'.repeat(80)}…`;

describe('a long Date quoted in warnings and details', () => {
  it('quotes the start of a Date of 3 MiB that cannot be read, and keeps that start in details', async () => {
    const run = await read('nines.eml', `${RECEIVED}Date: ${'9'.repeat(3 << 20)}\n`);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
    const e = run.events[0]!;
    expect(e.flags).toEqual(['time-from-received', 'EMAIL_HEADER_CUT']);
    expect(e.details).toEqual({ date: NINES, received: 'Wed, 14 Feb 2024 07:41:09 +0000' });
    expect(run.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'EMAIL_BAD_DATE',
        `The Date header "${NINES}" could not be read; the time is taken from the Received stamp ("Wed, 14 Feb 2024 07:41:09 +0000") instead (flagged time-from-received).`,
      ],
      [
        'EMAIL_HEADER_TOO_LONG',
        `This message's Date field is ${((3 << 20) + 6).toLocaleString('en-GB')} bytes long. chronolog reads at most 1 MiB of a header field, so only its first 1,048,576 bytes were read; the rest is only in the original file.`,
      ],
    ]);
  });

  it('quotes the start of a long Date in the rejection of a message with no other time', async () => {
    const run = await read('nines-only.eml', `Date: ${'9'.repeat(500_000)}\n`);
    expect(run.accounting).toEqual({ records: 1, events: 0, skipped: 0, rejected: 1 });
    expect(run.rejected.map((r) => [r.code, r.message])).toEqual([
      ['EMAIL_BAD_DATE', `Unreadable Date header "${NINES}" and no Received header.`],
    ]);
    expect(run.warnings).toEqual([]);
  });

  it('quotes the start of each of five Date fields of 1 MiB, and names three', async () => {
    const repeated = [1, 2, 3, 4, 5].map((i) => `Date: ${String(i).repeat(MAX - 7)}\n`).join('');
    const run = await read('dates.eml', `Date: Wed, 14 Feb 2024 08:41:02 +0100\n${repeated}`);
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'instant', ms: Date.parse('2024-02-14T07:41:02Z'), precision: 's' },
    ]);
    const q = (i: number) => `"${String(i).repeat(80)}…"`;
    expect(run.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'EMAIL_DATE_REPEATED',
        `The message has 6 Date headers: the first, "Wed, 14 Feb 2024 08:41:02 +0100", is the one read; ${q(1)}, ${q(2)}, ${q(3)} and 2 more differ from it.`,
      ],
    ]);
  });

  it('quotes the start of an implausible Date and of the Received stamp used instead', async () => {
    const comment = 'x'.repeat(300_000);
    const run = await read(
      'epoch.eml',
      `Received: from a by b; Wed, 14 Feb 2024 07:41:09 +0000 (${comment})\nDate: Thu, 1 Jan 1970 00:00:00 +0000 (${comment})\n`,
    );
    const e = run.events[0]!;
    expect(e.time).toEqual({ type: 'instant', ms: Date.parse('2024-02-14T07:41:09Z'), precision: 's' });
    const date = `Thu, 1 Jan 1970 00:00:00 +0000 (${'x'.repeat(48)}…`;
    const received = `Wed, 14 Feb 2024 07:41:09 +0000 (${'x'.repeat(47)}…`;
    expect(e.details).toEqual({ date, received });
    expect(run.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'EMAIL_DATE_IMPLAUSIBLE',
        `The Date header "${date}" is before 1990, earlier than any mail a case holds (a sending clock set to zero or reset writes such dates); the time is taken from the Received stamp ("${received}") instead.`,
      ],
    ]);
  });

  it('quotes the start of a long Date whose zone is not certain', async () => {
    const run = await read('zone.eml', `Date: Wed, 14 Feb 2024 08:41:02 QQQ (${'z'.repeat(300_000)})\n`);
    expect(run.events.map((e) => e.flags)).toEqual([['date-zone-unknown']]);
    expect(run.warnings.map((w) => [w.code, w.message])).toEqual([
      [
        'EMAIL_DATE_ZONE_UNCERTAIN',
        `The Date header "Wed, 14 Feb 2024 08:41:02 QQQ (${'z'.repeat(49)}…" has the zone "QQQ", which chronolog does not recognise, so it is not applied; the time is read as written, as a time in the case's time zone, UTC (flagged date-zone-unknown).`,
      ],
    ]);
  });

  it('quotes a real Date whole', async () => {
    const date = 'Thu, 15 Feb 2024 08:41:02 +0100 (Mitteleuropäische Normalzeit, Westeuropa)';
    const run = await read('real.eml', `Date: ${date}\nDate: Wed, 14 Feb 2024 08:41:02 +0100\n`);
    expect(run.warnings.map((w) => w.message)).toEqual([
      `The message has 2 Date headers: the first, "${date}", is the one read; "Wed, 14 Feb 2024 08:41:02 +0100" differs from it.`,
    ]);
  });
});

const MAX = 1 << 20;
