import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { TIME_FLAG_WORDS } from '../../src/model/time-flags.js';
import { parseEmailDate } from '../../src/sources/email/date.js';
import { MAX_TEXT, parseLabels, type RawMessage, readMessage } from '../../src/sources/email/message.js';
import type { SourceContext } from '../../src/sources/index.js';

function read(raw: string, extra: Partial<RawMessage> = {}) {
  const out = {
    events: [] as ParsedEvent[],
    skipped: [] as string[],
    rejected: [] as { code: string; message: string }[],
    warnings: [] as { code: string; message: string }[],
  };
  const ctx: SourceContext = {
    options: { timezone: 'Europe/London' },
    emit: (e) => void out.events.push(e),
    skip: (r) => void out.skipped.push(r),
    reject: (code, _l, message) => void out.rejected.push({ code, message }),
    warn: (code, _l, message) => void out.warnings.push({ code, message }),
    progress: () => {},
  };
  const bytes = Buffer.from(raw);
  readMessage({ bytes, locator: 'm', size: bytes.length, truncated: false, ...extra }, ctx);
  const total = out.events.length + out.skipped.length + out.rejected.length;
  expect(total, 'exactly one outcome per message').toBe(1);
  return out;
}

const received = 'Received: from a by b; Tue, 2 Jan 2024 07:45:12 +0000\n';

describe('time of a message', () => {
  afterEach(() => void vi.useRealTimers());

  it('uses a Date with a certain zone, and flags a Received stamp more than a day away', () => {
    const ok = read(`${received}Date: Tue, 2 Jan 2024 07:45:00 +0000\nFrom: a@example.org\n\nx`);
    expect(ok.events[0]!.time).toEqual({ type: 'instant', ms: Date.UTC(2024, 0, 2, 7, 45), precision: 's' });
    expect(ok.events[0]!.flags).toBeUndefined();
    const far = read(`${received}Date: Fri, 29 Dec 2023 07:45:00 +0000\n\nx`);
    expect(far.events[0]!.flags).toEqual(['date-received-mismatch']);
  });

  it('takes the Received time, keeping the raw Date, when the Date is before 1990 or after its receipt', () => {
    const zeroed = read(`${received}Date: Thu, 01 Jan 1970 00:00:00 +0000\nFrom: a@example.org\n\nx`);
    expect(zeroed.events[0]).toMatchObject({
      time: { type: 'instant', ms: Date.UTC(2024, 0, 2, 7, 45, 12), precision: 's' },
      flags: ['time-from-received', 'date-received-mismatch'],
      details: { date: 'Thu, 01 Jan 1970 00:00:00 +0000', received: 'Tue, 2 Jan 2024 07:45:12 +0000' },
    });
    expect(zeroed.warnings).toEqual([
      {
        code: 'EMAIL_DATE_IMPLAUSIBLE',
        message: expect.stringContaining('"Thu, 01 Jan 1970 00:00:00 +0000" is before 1990'),
      },
    ]);
    // A clock set years ahead: sent, by its Date, 1,095 whole days after it arrived.
    const ahead = read(`${received}Date: Fri, 2 Jan 2027 07:45:00 +0000\n\nx`);
    expect(ahead.events[0]!.time).toMatchObject({ ms: Date.UTC(2024, 0, 2, 7, 45, 12) });
    expect(ahead.events[0]!.flags).toEqual(['time-from-received', 'date-received-mismatch']);
    expect(ahead.warnings[0]!.message).toContain('is 1,095 days after the message was received');
    // More than a day after: a wrong clock, whatever the zone said.
    const dayAhead = read(`${received}Date: Wed, 3 Jan 2024 09:00:00 +0000\n\nx`);
    expect(dayAhead.events[0]!.flags).toEqual(['time-from-received', 'date-received-mismatch']);
  });

  it('keeps a Date that could be true: hours after its receipt, or long before it (a queue, an import)', () => {
    const hours = read(`${received}Date: Tue, 2 Jan 2024 20:45:00 +0000\n\nx`);
    expect(hours.events[0]!.time).toMatchObject({ ms: Date.UTC(2024, 0, 2, 20, 45) });
    expect(hours.events[0]!.flags).toBeUndefined();
    const imported = read(`${received}Date: Mon, 3 Feb 2020 10:00:00 +0000\n\nx`);
    expect(imported.events[0]!.time).toMatchObject({ ms: Date.UTC(2020, 1, 3, 10) });
    expect(imported.events[0]!.flags).toEqual(['date-received-mismatch']);
    expect(imported.warnings).toEqual([]);
  });

  it('uses a zoned mbox separator for a 1970 Date without Received, and else keeps the Date, inventing nothing', () => {
    const line = 'From 1@xxx Tue Jan 02 08:30:00 +0000 2024';
    const gmail = read('Date: Thu, 01 Jan 1970 00:00:00 +0000\n\nx', {
      envelope: { line, date: parseEmailDate('Tue Jan 02 08:30:00 +0000 2024')! },
    });
    expect(gmail.events[0]!.time).toMatchObject({ ms: Date.UTC(2024, 0, 2, 8, 30) });
    expect(gmail.events[0]!.flags).toEqual(['time-from-mbox-separator']);
    expect(gmail.warnings[0]!.message).toContain('taken from the mbox separator line instead');
    // Nothing else to go by: the Date stays, for the timeline to reject as outside the accepted dates.
    const alone = read('Date: Thu, 01 Jan 1970 00:00:00 +0000\n\nx');
    expect(alone.events[0]!.time).toEqual({ type: 'instant', ms: 0, precision: 's' });
    expect(alone.warnings).toEqual([]);
  });

  it('never replaces an unreadable Date with the current time', () => {
    vi.useFakeTimers({ now: Date.UTC(2030, 5, 1) });
    const bad = read('Date: Tue, 2 Jan 2024 09:30:00 CEST-ish\nFrom: a@example.org\n\nx');
    expect(bad.events).toEqual([]);
    expect(bad.rejected).toEqual([{ code: 'EMAIL_BAD_DATE', message: expect.stringContaining('CEST-ish') }]);
    const none = read('From: a@example.org\n\nx');
    expect(none.rejected.map((r) => r.code)).toEqual(['EMAIL_NO_DATE']);
    expect(none.warnings).toEqual([]);
  });

  it('prefers the Received stamp over a Date with a non-standard zone abbreviation', () => {
    const r = read(`${received}Date: Tue, 2 Jan 2024 09:30:00 CEST\n\nx`);
    expect(r.events[0]!.flags).toEqual(['time-from-received']);
    expect(r.warnings.map((w) => w.code)).toEqual(['EMAIL_DATE_ZONE_UNCERTAIN']);
  });

  it('times a message with no Received header by a Date in EST5EDT, flagged and warned, instead of rejecting it', () => {
    const sent = read('From: sam@example.com\nDate: Tue, 5 Mar 2024 16:14:03 EST5EDT\n\nYou will answer me.');
    expect(sent.rejected).toEqual([]);
    expect(sent.events[0]!.time).toEqual({
      type: 'instant',
      ms: Date.UTC(2024, 2, 5, 21, 14, 3),
      precision: 's',
    });
    expect(sent.events[0]!.flags).toEqual(['date-zone-abbreviation']);
    expect(sent.warnings).toEqual([
      {
        code: 'EMAIL_DATE_ZONE_UNCERTAIN',
        message:
          'The Date header "Tue, 5 Mar 2024 16:14:03 EST5EDT" has the non-standard zone "EST5EDT"; it was read as UTC-05:00, that zone\'s offset on that date (flagged date-zone-abbreviation).',
      },
    ]);
    // At a clock change its time is flagged as the timeline flags a wall-clock time there.
    const repeated = read('From: sam@example.com\nDate: Sun, 3 Nov 2024 01:30:00 EST5EDT\n\nx');
    expect(repeated.events[0]!.flags).toEqual(['date-zone-abbreviation', 'dst-ambiguous']);
    const skipped = read('From: sam@example.com\nDate: Sun, 10 Mar 2024 02:30:00 EST5EDT\n\nx');
    expect(skipped.events[0]!.flags).toEqual(['date-zone-abbreviation', 'dst-gap']);
    // A Received stamp still comes first.
    const delivered = read(`${received}Date: Tue, 2 Jan 2024 02:45:00 EST5EDT\n\nx`);
    expect(delivered.events[0]!.flags).toEqual(['time-from-received']);
  });

  it('uses a zoned mbox separator date before a guessed zone, but never a zone-less one', () => {
    const line = 'From 1@xxx Tue Jan 02 08:30:00 +0000 2024';
    const gmail = read('Date: Tue, 2 Jan 2024 09:30:00 CEST\n\nx', {
      envelope: { line, date: parseEmailDate('Tue Jan 02 08:30:00 +0000 2024')! },
    });
    expect(gmail.events[0]!.flags).toEqual(['time-from-mbox-separator']);
    expect(gmail.events[0]!.time).toMatchObject({ ms: Date.UTC(2024, 0, 2, 8, 30) });
    const plain = read('Date: nonsense\n\nx', {
      envelope: {
        line: 'From a Tue Jan  2 08:30:00 2024',
        date: parseEmailDate('Tue Jan  2 08:30:00 2024')!,
      },
    });
    expect(plain.rejected.map((r) => r.code)).toEqual(['EMAIL_BAD_DATE']);
  });

  it('applies a known abbreviation, reads military letters as UTC, and keeps a zone-less Date as local time', () => {
    expect(read('Date: Tue, 2 Jan 2024 09:30:00 CET\n\nx').events[0]).toMatchObject({
      time: { type: 'instant', ms: Date.UTC(2024, 0, 2, 8, 30) },
      flags: ['date-zone-abbreviation'],
    });
    expect(read('Date: Tue Jan  2 09:30:00 2024\n\nx').events[0]).toMatchObject({
      time: { type: 'local', local: '2024-01-02T09:30:00', precision: 's' },
      flags: ['date-zone-missing'],
    });
    // "A" is UTC+1 in military use, but RFC 822's letters were written with their signs reversed: read as UTC, and
    // the report's words for the flag say so (they said "read by its usual meaning", the opposite).
    expect(read('Date: Tue, 2 Jan 2024 09:30:00 A\n\nx').events[0]).toMatchObject({
      time: { type: 'instant', ms: Date.UTC(2024, 0, 2, 9, 30) },
      flags: ['date-zone-military'],
    });
    expect(TIME_FLAG_WORDS['date-zone-military']).toMatch(/read as UTC/);
  });

  it('reads a Date whose zone is ambiguous or unknown as case-zone time, flagged and warned as such, not as zone-less', () => {
    // "IST" is India (+05:30), Ireland (+01:00) or Israel (+02:00) time: no offset is picked for it.
    const ist = read('From: sam@example.org\nDate: Tue, 2 Jan 2024 09:30 IST\n\nI saw you at the station.');
    expect(ist.events[0]).toMatchObject({
      time: { type: 'local', local: '2024-01-02T09:30', precision: 'min' },
      flags: ['date-zone-unknown'],
      details: { date: 'Tue, 2 Jan 2024 09:30 IST' },
    });
    expect(ist.warnings).toEqual([
      {
        code: 'EMAIL_DATE_ZONE_UNCERTAIN',
        message:
          'The Date header "Tue, 2 Jan 2024 09:30 IST" has the zone "IST", which can mean India, Ireland or Israel time, so it is not applied; the time is read as written, as a time in the case\'s time zone, Europe/London (flagged date-zone-unknown).',
      },
    ]);
    // Western Indonesia Time, in no table: named as written.
    const wib = read('Date: Tue, 2 Jan 2024 15:30:00 WIB\n\nx');
    expect(wib.events[0]!.flags).toEqual(['date-zone-unknown']);
    expect(wib.warnings[0]!.message).toBe(
      'The Date header "Tue, 2 Jan 2024 15:30:00 WIB" has the zone "WIB", which chronolog does not recognise, so it is not applied; the time is read as written, as a time in the case\'s time zone, Europe/London (flagged date-zone-unknown).',
    );
    // A Received stamp with a certain zone still gives the time; the warning still names the zone.
    const relayed = read(`${received}Date: Tue, 2 Jan 2024 13:15:00 IST\n\nx`);
    expect(relayed.events[0]!.flags).toEqual(['time-from-received']);
    expect(relayed.warnings[0]!.message).toContain('"IST", which can mean India, Ireland or Israel time');
  });
});

describe('what a message becomes', () => {
  it('builds text from subject and body, strips reply prefixes for the conversation, and unwraps Message-ID', () => {
    const e = read(
      'Date: Tue, 2 Jan 2024 09:30:00 +0000\nFrom: "Sam" <sam@example.org>\nSubject: RE: Fwd: AW: hello\n' +
        'Message-ID:  <abc@example.org> \n\nbody',
    ).events[0]!;
    expect(e).toMatchObject({
      text: 'Subject: RE: Fwd: AW: hello\n\nbody',
      conversation: 'hello',
      nativeId: 'abc@example.org',
      sender: { id: 'sam@example.org', idType: 'email', name: 'Sam' },
      channel: 'email',
      kind: 'message',
      direction: 'unknown',
    });
    const noSubject = read('Date: Tue, 2 Jan 2024 09:30:00 +0000\n\nonly body').events[0]!;
    expect(noSubject.text).toBe('only body');
    expect(noSubject.sender).toBeUndefined();
  });

  it.each([
    ['Content-Type: multipart/report; report-type=delivery-status; boundary=x', 'delivery-status'],
    ['From: postmaster@example.org', 'delivery-status'],
    ['Content-Type: multipart/report; report-type="disposition-notification"; boundary=x', 'read-receipt'],
    ['X-Gmail-Labels: Draft,Opened', 'draft'],
  ])('skips %s as %s', (field, reason) => {
    expect(read(`Date: Tue, 2 Jan 2024 09:30:00 +0000\n${field}\n\nx`).skipped).toEqual([reason]);
  });

  it('keeps in details only what the event does not already say', () => {
    const date = 'Date: Tue, 2 Jan 2024 09:30:00 +0000\n';
    // From, Subject, a certain Date, an agreeing Received and no attachment: all already in the event.
    const plain = read(
      `${received.replace('07:45:12', '09:30:02')}${date}From: "Sam" <sam@example.org>\nSubject: hi\n\nbody`,
    ).events[0]!;
    expect(plain.details).toBeUndefined();
    expect(plain.sender).toEqual({ id: 'sam@example.org', idType: 'email', name: 'Sam' });
    // Recipients, sender evidence, threading and attachments are kept.
    const rich = read(
      `${date}From: Sam <sam@example.org>\nTo: Alex <alex@example.com>\nCc: b@example.org\n` +
        'Reply-To: other@example.net\nReturn-Path: <bounce@example.net>\nIn-Reply-To: <a@example.org>\n' +
        'Authentication-Results: mx.example.com; spf=fail\nContent-Type: multipart/mixed; boundary=b\n\n' +
        '--b\n\nhello\n--b\nContent-Type: image/png; name=p.png\n\nxx\n--b--\n',
    ).events[0]!;
    expect(rich.details).toEqual({
      to: 'Alex <alex@example.com>',
      cc: 'b@example.org',
      replyTo: 'other@example.net',
      returnPath: '<bounce@example.net>',
      inReplyTo: '<a@example.org>',
      authenticationResults: 'mx.example.com; spf=fail',
      attachments: '1',
      attachmentNames: 'p.png',
    });
    // A From header that says more than the sender (a second mailbox, a comment) is kept as written.
    const two = read(`${date}From: sam@example.org, kim@example.org\n\nx`).events[0]!;
    expect(two.sender).toEqual({ id: 'sam@example.org', idType: 'email' });
    expect(two.details).toEqual({ from: 'sam@example.org, kim@example.org' });
    expect(read(`${date}From: sam@example.org (Sam)\n\nx`).events[0]!.details).toEqual({
      from: 'sam@example.org (Sam)',
    });
    // The raw Date and Received stamps stay when the time is flagged because of them.
    expect(read(`${received}Date: Tue, 2 Jan 2024 09:30:00 CEST\n\nx`).events[0]!.details).toEqual({
      date: 'Tue, 2 Jan 2024 09:30:00 CEST',
      received: 'Tue, 2 Jan 2024 07:45:12 +0000',
    });
    expect(read(`${received}Date: Fri, 29 Dec 2023 07:45:00 +0000\n\nx`).events[0]!.details).toEqual({
      date: 'Fri, 29 Dec 2023 07:45:00 +0000',
      received: 'Tue, 2 Jan 2024 07:45:12 +0000',
    });
  });

  it('gives every message of one sender the same sender object', () => {
    const msg = (n: number) => `Date: Tue, 2 Jan 2024 09:3${n}:00 +0000\nFrom: Sam <sam@example.org>\n\nx`;
    expect(read(msg(1)).events[0]!.sender).toBe(read(msg(2)).events[0]!.sender);
  });

  it('rejects data with no header block', () => {
    expect(read('just words\n\nmore').rejected.map((r) => r.code)).toEqual(['EMAIL_NO_HEADERS']);
  });

  it('splits Gmail labels on commas outside quotes and decodes encoded words', () => {
    expect(parseLabels('Inbox,"Evidence, keep",=?UTF-8?Q?Bel=C3=A4stigung?=,Spam')).toEqual([
      'Inbox',
      'Evidence, keep',
      'Belästigung',
      'Spam',
    ]);
  });
});

describe('robustness', () => {
  const seeds = [
    ...readFileSync('fixtures/mbox/mboxrd-encodings.mbox', 'latin1').split(/\n(?=From )/),
    ...readdirSync('fixtures/eml')
      .filter((f) => f.endsWith('.eml'))
      .map((f) => readFileSync(join('fixtures/eml', f), 'latin1')),
  ].map((m) => m.replace(/^From [^\n]*\n/, ''));
  const noise = [
    '=?',
    '?=',
    '\r\n',
    '\n\n',
    '--',
    ':',
    ';',
    '"',
    '<',
    '>',
    '=',
    '=\n',
    '&',
    '&#',
    '\u00ff',
    '\t',
    'boundary=',
    ' ',
  ];

  it('turns any mutation of a real message into exactly one outcome, never an internal error', () => {
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(80), fc.constantFrom(...noise)),
          {
            maxLength: 12,
          },
        ),
        (seed, edits) => {
          let m = seeds[seed]!;
          for (const [at, cut, insert] of edits) {
            const pos = Math.floor(at * m.length);
            m = m.slice(0, pos) + insert + m.slice(pos + cut);
          }
          const out = read(m);
          expect(out.rejected.map((r) => r.code)).not.toContain('EMAIL_UNREADABLE');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const out = read(Buffer.from(bytes).toString('latin1'));
        expect(out.rejected.map((r) => r.code)).not.toContain('EMAIL_UNREADABLE');
      }),
      { numRuns: 300 },
    );
  });
});

describe('limits and markers', () => {
  it('cuts body text beyond 64 Ki characters, flags it and records the full length', () => {
    const e = read(`Date: Tue, 2 Jan 2024 09:30:00 +0000\n\n${'a'.repeat(MAX_TEXT + 10)}`).events[0]!;
    expect(e.text).toHaveLength(MAX_TEXT);
    expect(e.flags).toEqual(['text-truncated']);
    expect(e.details?.['textLength']).toBe(String(MAX_TEXT + 10));
  });

  it('keeps auto-submitted mail but marks it', () => {
    const e = read('Date: Tue, 2 Jan 2024 09:30:00 +0000\nAuto-Submitted: auto-replied\n\nI am away')
      .events[0]!;
    expect(e.flags).toEqual(['auto-submitted']);
    expect(
      read('Date: Tue, 2 Jan 2024 09:30:00 +0000\nAuto-Submitted: no\n\nx').events[0]!.flags,
    ).toBeUndefined();
  });
});
