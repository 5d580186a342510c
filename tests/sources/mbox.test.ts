import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MboxMessage, MboxSplitter, separatorDate } from '../../src/sources/email/mbox-split.js';
import { eml } from '../../src/sources/eml.js';
import { createMboxSource, mbox } from '../../src/sources/mbox.js';
import { decodeHead } from '../../src/sources/text.js';
import { runSource } from '../helpers/run-source.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('chronolog-mbox-');

const dir = 'fixtures/mbox';
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.mbox'));

function probe(file: string) {
  const head = readFileSync(file).subarray(0, 65536);
  return { name: basename(file), path: file, head, text: decodeHead(head) };
}

/** Every fixture file of every format, except this source's own and the goldens. */
function otherFixtures(root = 'fixtures'): string[] {
  return readdirSync(root).flatMap((n) => {
    const p = join(root, n);
    if (statSync(p).isDirectory())
      // mixed-case holds one file of every format, e-mail included; mbox-unquoted-from and mbox-cut-short are
      // mbox too, and email-cr-cr-lf, email-long-headers and messy-case-wording/email hold an mbox and an .eml.
      return [
        'fixtures/mbox',
        'fixtures/mbox-unquoted-from',
        'fixtures/mbox-cut-short',
        'fixtures/email-cr-cr-lf',
        'fixtures/email-long-headers',
        'fixtures/eml',
        'fixtures/mixed-case',
        'fixtures/messy-case-wording/email',
      ].includes(p)
        ? []
        : otherFixtures(p);
    return p.endsWith('.expected.json') ? [] : [p];
  });
}

describe('mbox goldens', () => {
  for (const f of fixtures) {
    it(`matches ${f}.expected.json`, async () => {
      const run = JSON.parse(JSON.stringify(await runSource(mbox, join(dir, f))));
      const golden = join(dir, f.replace(/\.mbox$/, '.expected.json'));
      if (process.env.UPDATE_GOLDENS) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(run).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});

describe('mbox behaviour', () => {
  it('splits on genuine separators only, undoes one level of >From quoting and keeps prose From lines', async () => {
    const run = await runSource(mbox, join(dir, 'mboxrd-encodings.mbox'));
    expect(run.accounting).toEqual({ records: 4, events: 3, skipped: 0, rejected: 1 });
    const text = run.events[0]!.text!;
    expect(text).toContain('\nFrom now on I will be wherever you are.\n');
    expect(text).toContain('\n>From the quoted line of an old reply.\n');
    expect(text).toContain('\nFrom the station I saw you get on the train.\n');
    expect(run.events.map((e) => e.locator)).toEqual([
      'message[0] (line 1)',
      'message[1] (line 22)',
      'message[2] (line 36)',
    ]);
  });

  it('takes the Received time for an unreadable Date and rejects a message with neither', async () => {
    const run = await runSource(mbox, join(dir, 'mboxrd-encodings.mbox'));
    expect(run.events[1]!.flags).toEqual(['time-from-received']);
    expect(run.events[1]!.time).toEqual({
      type: 'instant',
      ms: Date.UTC(2024, 0, 2, 7, 45, 12),
      precision: 's',
    });
    expect(run.warnings).toContainEqual(
      expect.objectContaining({ code: 'EMAIL_BAD_DATE', locator: 'message[1] (line 22)' }),
    );
    expect(run.rejected).toEqual([
      expect.objectContaining({ code: 'EMAIL_BAD_DATE', locator: 'message[3] (line 51)' }),
    ]);
    expect(run.rejected[0]!.message).toContain('31 Febtober 2024 25:61');
  });

  it('reads the first of two Date headers and warns when the other says something else', async () => {
    const tmp = tempDir();
    const message = (n: number, dates: string[]) =>
      [
        `From sam@example.com Wed Jan 10 10:00:00 2024`,
        ...dates.map((d) => `Date: ${d}`),
        'From: Sam <sam@example.com>',
        `Message-ID: <m${n}@example.com>`,
        '',
        `body ${n}`,
        '',
        '',
      ].join('\n');
    const file = join(tmp, 'box.mbox');
    writeFileSync(
      file,
      [
        message(1, ['Wed, 10 Jan 2024 10:00:00 +0000', 'Thu, 11 Jan 2024 10:00:00 +0000']),
        // The same instant written two ways, and a plain copy: nothing to say.
        message(2, ['Wed, 10 Jan 2024 10:00:00 +0000', 'Wed, 10 Jan 2024 11:00:00 +0100']),
        message(3, ['Wed, 10 Jan 2024 10:00:00 GMT', 'Wed,  10 Jan 2024 10:00:00 GMT']),
        message(4, ['Wed, 10 Jan 2024 10:00:00 +0000', 'Wed, 10 Jan 2024 10:00:00 +0000', 'not a date']),
      ].join(''),
    );
    const run = await runSource(mbox, file);
    expect(run.events.map((e) => [e.locator, e.time])).toEqual(
      [1, 9, 17, 25].map((line, i) => [
        `message[${i}] (line ${line})`,
        { type: 'instant', ms: Date.UTC(2024, 0, 10, 10), precision: 's' },
      ]),
    );
    expect(run.warnings).toEqual([
      {
        code: 'EMAIL_DATE_REPEATED',
        locator: 'message[0] (line 1)',
        message:
          'The message has 2 Date headers: the first, "Wed, 10 Jan 2024 10:00:00 +0000", is the one read; "Thu, 11 Jan 2024 10:00:00 +0000" differs from it.',
      },
      {
        code: 'EMAIL_DATE_REPEATED',
        locator: 'message[3] (line 25)',
        message:
          'The message has 3 Date headers: the first, "Wed, 10 Jan 2024 10:00:00 +0000", is the one read; "not a date" differs from it.',
      },
    ]);
  });

  it('reads Gmail Takeout: CRLF, labels kept, Spam flagged, Chat on channel other, drafts and bounces skipped', async () => {
    const run = await runSource(mbox, join(dir, 'gmail-takeout-crlf.mbox'));
    expect(run.accounting).toEqual({ records: 7, events: 5, skipped: 2, rejected: 0 });
    expect(run.skipped.map((s) => s.reason)).toEqual(['draft', 'delivery-status']);
    const spam = run.events.find((e) => e.flags?.includes('spam'))!;
    expect(spam.sender?.id).toBe('new.account.4471@example.org');
    expect(spam.flags).toContain('time-from-mbox-separator');
    expect(run.events.find((e) => e.flags?.includes('gmail-chat'))!.channel).toBe('other');
    expect(run.events[0]!.details?.['labels']).toBe(
      'Inbox,Opened,Category Personal,"Evidence, keep",Belästigung',
    );
    for (const e of run.events) expect(e.text).not.toMatch(/\r/);
  });

  it('accepts a separator without an empty line before it only when a header follows, and warns', async () => {
    const run = await runSource(mbox, join(dir, 'thunderbird-edge-cases.mbox'));
    expect(run.warnings.filter((w) => w.code === 'MBOX_SEPARATOR_WITHOUT_BLANK_LINE')).toHaveLength(1);
    expect(run.events[0]!.text).toContain('\nFrom ex.partner@example.net Sat Jan  6 10:00:00 2024\n');
    expect(run.skipped).toEqual([{ reason: 'mailbox-internal-data', locator: 'message[0] (line 1)' }]);
  });

  it('rejects a message with no Date saying the separator has a time but no zone, not that nothing has a time', async () => {
    const run = await runSource(mbox, join(dir, 'thunderbird-edge-cases.mbox'));
    const rejected = run.rejected.find((r) => r.locator === 'message[6] (line 67)');
    expect(rejected).toEqual({
      code: 'EMAIL_NO_DATE',
      locator: 'message[6] (line 67)',
      message:
        "No Date header, no Received header, and the mbox separator line's time (2024-01-10 07:30:00) has no time zone, so it is not used.",
      hint: expect.stringContaining('no zone is guessed for it'),
    });
    expect(rejected!.hint).not.toContain('Nothing else');
    expect(run.accounting.rejected).toBe(1);
  });

  it('detects its own fixtures and nothing else', () => {
    for (const f of fixtures) expect(mbox.detect(probe(join(dir, f))), f).toBe(true);
    for (const f of readdirSync('fixtures/eml').filter((n) => n.endsWith('.eml'))) {
      expect(mbox.detect(probe(join('fixtures/eml', f))), f).toBe(false);
    }
    for (const f of otherFixtures()) expect(mbox.detect(probe(f)), f).toBe(false);
    const prose = (text: string) => ({ name: 'x.txt', path: 'x.txt', head: Buffer.from(text), text });
    expect(mbox.detect(prose('From the station I saw you.\n'))).toBe(false);
    expect(mbox.detect(prose('\r\nFrom a@example.org Mon Jan  1 10:00:00 2024\r\nDate: x\r\n'))).toBe(true);
    expect(mbox.detect(prose('From: sam@example.org\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n'))).toBe(false);
  });

  it('fails honestly on a file with no separator and warns about text before the first one', async () => {
    const tmp = tempDir();
    writeFileSync(join(tmp, 'notes.mbox'), 'Just some notes.\nFrom the station I saw you.\n');
    const none = await runSource(mbox, join(tmp, 'notes.mbox'));
    expect(none.failure?.code).toBe('MBOX_NO_SEPARATOR');
    expect(none.warnings).toEqual([]);
    writeFileSync(
      join(tmp, 'pre.mbox'),
      'preamble line\n\nFrom a@example.org Mon Jan  1 10:00:00 2024\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nhi\n',
    );
    const pre = await runSource(mbox, join(tmp, 'pre.mbox'));
    expect(pre.accounting.events).toBe(1);
    expect(pre.warnings.map((w) => w.code)).toEqual(['MBOX_TEXT_BEFORE_FIRST_MESSAGE']);
    writeFileSync(join(tmp, 'empty.mbox'), '');
    expect((await runSource(mbox, join(tmp, 'empty.mbox'))).accounting.records).toBe(0);
  });

  it('keeps the headers of an oversized message, skips its body with a warning, and reads the next one', async () => {
    const tmp = tempDir();
    const msg = (n: number, body: string) =>
      `From a@example.org Mon Jan  1 10:0${n}:00 2024\nDate: Mon, 1 Jan 2024 10:0${n}:00 +0000\n` +
      `From: a@example.org\nSubject: message ${n}\n\n${body}\n\n`;
    const big = `${'x'.repeat(99)}\n`.repeat(3000);
    writeFileSync(join(tmp, 'big.mbox'), msg(1, 'small') + msg(2, big) + msg(3, 'after'));
    const run = await runSource(createMboxSource(16 * 1024), join(tmp, 'big.mbox'));
    expect(run.accounting).toEqual({ records: 3, events: 3, skipped: 0, rejected: 0 });
    expect(run.events[1]!.text).toBe('Subject: message 2');
    expect(run.events[1]!.flags).toEqual(['body-skipped']);
    expect(Number(run.events[1]!.details?.['bytes'])).toBeGreaterThan(300_000);
    expect(run.warnings.map((w) => w.code)).toEqual(['EMAIL_MESSAGE_TOO_LARGE']);
    expect(run.events[2]!.text).toBe('Subject: message 3\n\nafter');
  });

  it('passes a line longer than 1 MiB through without splitting on it', async () => {
    const tmp = tempDir();
    const head = 'From a@example.org Mon Jan  1 10:00:00 2024\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\n';
    writeFileSync(join(tmp, 'long.mbox'), `${head}${'y'.repeat(3 << 20)}\n\n${head}second\n`);
    const run = await runSource(mbox, join(tmp, 'long.mbox'));
    expect(run.accounting.events).toBe(2);
    expect(run.events[0]!.details?.['textLength']).toBe(String(3 << 20));
    expect(run.events[1]!.locator).toBe('message[1] (line 6)');
  });

  it('takes a cut last line as a separator only when it has "From " after an empty line', () => {
    const first =
      'From a@x Mon Jan  1 10:00:00 2024\nFrom: Sam <sam@x.com>\nDate: Mon, 1 Jan 2024 10:00:00 +0000\n\nI will wait outside.\n\n';
    const cut = (last: string) => {
      const out: number[] = [];
      const s = new MboxSplitter({
        maxMessageBytes: 1 << 20,
        onMessage: (m) => out.push(m.ordinal),
        onWarn: () => {},
      });
      s.push(Buffer.from(first + last, 'latin1'));
      return { ...s.endCut(), handedOn: out };
    };
    // A body line ("Frodo…", "Fine", "From") cut short: the message it ends is the one cut, and not handed on.
    for (const last of ['F', 'Fi', 'Fro', 'From', 'Frodo']) {
      expect(cut(last)).toEqual({ line: 7, dropped: { ordinal: 0, line: 1 }, handedOn: [] });
    }
    // A separator cut short: the message before it is whole, and the one it begins is the next, at its line.
    for (const last of ['From ', 'From a@x Mon Ja']) {
      expect(cut(last)).toEqual({ line: 7, begun: { ordinal: 1, line: 7 }, handedOn: [0] });
    }
  });

  it('splits the same way whatever the chunk boundaries (streaming invariance)', () => {
    const bytes = Buffer.concat(fixtures.map((f) => readFileSync(join(dir, f))));
    const split = (sizes: number[]) => {
      const out: (Omit<MboxMessage, 'bytes'> & { text: string })[] = [];
      const s = new MboxSplitter({
        maxMessageBytes: 1 << 20,
        onMessage: ({ bytes: b, ...m }) => out.push({ ...m, text: b.toString('latin1') }),
        onWarn: () => {},
      });
      let pos = 0;
      let i = 0;
      while (pos < bytes.length) {
        const n = Math.max(1, sizes[i++ % sizes.length]!);
        s.push(bytes.subarray(pos, pos + n));
        pos += n;
      }
      s.end();
      return out;
    };
    const whole = split([bytes.length]);
    expect(whole.length).toBe(4 + 7 + 7);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 20 }), (sizes) => {
        expect(split(sizes)).toEqual(whole);
      }),
      { numRuns: 60 },
    );
  });

  it('splits a file with lines over 1 MiB the same way at any chunk size', () => {
    const head = (n: number) =>
      `From a@example.org Mon Jan  1 10:0${n}:00 2024\nDate: Mon, 1 Jan 2024 10:0${n}:00 +0000\n\n`;
    const bytes = Buffer.from(
      `${head(1)}${'y'.repeat((1 << 20) + 5000)}\nFrom here on\n\n${head(2)}short\n${'z'.repeat(3 << 19)}\n\n${head(3)}end\n`,
    );
    const split = (sizes: number[]) => {
      const out: string[] = [];
      const s = new MboxSplitter({
        maxMessageBytes: 1 << 22,
        onMessage: (m) => out.push(`${m.ordinal} ${m.line} ${m.size} ${m.bytes.toString('latin1')}`),
        onWarn: () => {},
      });
      for (let pos = 0, i = 0; pos < bytes.length; i++) {
        const n = sizes[i % sizes.length]!;
        s.push(bytes.subarray(pos, pos + n));
        pos += n;
      }
      s.end();
      return out;
    };
    const whole = split([bytes.length]);
    expect(whole).toHaveLength(3);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1000, max: 400_000 }), { minLength: 1, maxLength: 6 }),
        (sizes) => {
          expect(split(sizes)).toEqual(whole);
        },
      ),
      { numRuns: 15 },
    );
  });

  it('recognises separator dates in the common layouts and refuses prose', () => {
    expect(separatorDate('From sam@example.org Mon Jan  1 00:00:00 2024')?.local).toBe('2024-01-01T00:00:00');
    expect(separatorDate('From 1780000000000000001@xxx Mon Jan 01 12:00:00 +0000 2024')?.ms).toBe(
      Date.UTC(2024, 0, 1, 12),
    );
    expect(separatorDate('From - Sat Jan 06 10:00:00 2024')).toBeDefined();
    expect(separatorDate('From MAILER-DAEMON Fri Jul  8 12:08:34 2011')).toBeDefined();
    expect(separatorDate('From sam Tue Jul 24 18:55:07 2007 remote from gateway')?.local).toBe(
      '2007-07-24T18:55:07',
    );
    expect(separatorDate('From sam@example.org Mon Jan  1 00:00 2024')).toBeDefined();
    expect(separatorDate('From sam@example.org Mon Jan  1 00:00:00 PST 2024')?.ms).toBe(
      Date.UTC(2024, 0, 1, 8),
    );
    expect(separatorDate('From the station I saw you.')).toBeUndefined();
    expect(separatorDate('From me Mon Jan  1 then nothing')).toBeUndefined();
    expect(separatorDate('From 3 Jan 2024 10:00 on, I watched')).toBeUndefined();
    expect(separatorDate('From sam@example.org')).toBeUndefined();
  });

  it('never lets the eml source claim an mbox', () => {
    for (const f of fixtures) expect(eml.detect(probe(join(dir, f))), f).toBe(false);
  });
});
