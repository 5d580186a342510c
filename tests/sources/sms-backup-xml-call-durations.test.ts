/**
 * A call's `duration` that cannot be a length (fixtures/sms-backup-xml-call-durations: "-5", "abc", "99999999")
 * leaves that call on the timeline with its length unknown, and one warning for the file names the first such call
 * and counts them; good lengths, 0 included, are kept as read, and "null" is no length without a word.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CALL_SECONDS, seconds } from '../../src/sources/sms-backup-xml/fields.js';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { readBackup } from '../../src/sources/sms-backup-xml/reader.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';

const DIR = 'fixtures/sms-backup-xml-call-durations';
const FILE = join(DIR, 'calls-20240316081500.xml');

describe('the call log of fixtures/sms-backup-xml-call-durations', () => {
  it('matches its golden', async () => {
    const result = await runSource(smsBackupXml, FILE);
    const golden = join(DIR, 'calls-20240316081500.expected.json');
    if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(result, null, 2)}\n`);
    expect(JSON.parse(JSON.stringify(result))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });

  it('keeps every call, the three with a length no call can have and the one with none as of unknown length', async () => {
    const r = await runSource(smsBackupXml, FILE);
    expect(r.accounting).toEqual({ records: 9, events: 9, skipped: 0, rejected: 0 });
    expect(r.events.map((e) => [e.locator, e.call])).toEqual([
      ['call[0] (line 5)', { status: 'answered', durationSec: 252 }],
      ['call[1] (line 6)', { status: 'outgoing', durationSec: 0 }],
      ['call[2] (line 7)', { status: 'missed', durationSec: 0 }],
      ['call[3] (line 8)', { status: 'voicemail', durationSec: 31 }],
      ['call[4] (line 9)', { status: 'answered', durationSec: 3725 }],
      ['call[5] (line 10)', { status: 'answered' }],
      ['call[6] (line 11)', { status: 'answered' }],
      ['call[7] (line 12)', { status: 'missed' }],
      ['call[8] (line 13)', { status: 'rejected' }],
    ]);
  });

  it('warns once for the file, at the first bad call, counting all three', async () => {
    const r = await runSource(smsBackupXml, FILE);
    expect(r.warnings).toEqual([
      {
        code: 'SMS_BAD_CALL_DURATION',
        locator: 'call[5] (line 10)',
        message:
          '3 calls have a duration that cannot be a call\'s length, so their length is unknown; they are kept (their time is good). The first is here: duration="-5" is negative',
      },
    ]);
  });

  it('says the same whatever size the chunks are, on the fast path and through saxes alone', async () => {
    const bytes = readFileSync(FILE);
    const whole = await runInput(smsBackupXml, inPieces(bytes, bytes.length, FILE));
    for (const size of [1, 7, 64, 1000]) {
      expect(await runInput(smsBackupXml, inPieces(bytes, size, FILE))).toEqual(whole);
    }
    const warnings: string[] = [];
    await readBackup(
      inPieces(bytes, 13, FILE),
      {
        options: { timezone: 'Europe/London' },
        emit: () => {},
        skip: () => {},
        reject: () => {},
        warn: (code, locator, message) => void warnings.push(`${code} ${locator} ${message}`),
        progress: () => {},
      },
      false,
    );
    expect(warnings).toEqual(whole.warnings.map((w) => `${w.code} ${w.locator} ${w.message}`));
  });
});

/** A call log of the given `<call>` elements, in memory. */
const callLog = (calls: string[], end = '</calls>\n') =>
  Buffer.from(
    `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<calls count="${calls.length}">\n${calls.join('\n')}\n${end}`,
  );
const call = (duration: string, k: number) =>
  `  <call number="+447700900123" duration="${duration}" date="${1710450130000 + k * 60_000}" type="1" presentation="1" />`;

describe('one bad length', () => {
  it('is named alone, without a count', async () => {
    const out = await runInput(smsBackupXml, inPieces(callLog([call('60', 0), call('abc', 1)]), 4096));
    expect(out.events.map((e) => e.call)).toEqual([
      { status: 'answered', durationSec: 60 },
      { status: 'answered' },
    ]);
    expect(out.warnings.map((w) => [w.code, w.locator, w.message])).toEqual([
      [
        'SMS_BAD_CALL_DURATION',
        'call[1] (line 4)',
        'duration="abc" is not a whole number of seconds, so the call\'s length is unknown; the call is kept (its time is good)',
      ],
    ]);
  });

  it('is still told when the file is cut short after it', async () => {
    const cut = callLog([call('99999999', 0), call('12', 1)], '  <call number="+4477009');
    const out = await runInput(smsBackupXml, inPieces(cut, 4096));
    expect(out.events).toHaveLength(2);
    expect(out.failure?.code).toBe('SMS_TRUNCATED_XML');
    expect(out.warnings.map((w) => [w.code, w.locator, w.message])).toEqual([
      [
        'SMS_BAD_CALL_DURATION',
        'call[0] (line 3)',
        `duration="99999999" is longer than a day (86400 seconds), longer than a call log plausibly records, so the call's length is unknown; the call is kept (its time is good)`,
      ],
    ]);
  });

  it('is not noted for a call rejected for its date: that call is not kept', async () => {
    const out = await runInput(
      smsBackupXml,
      inPieces(callLog(['  <call number="+447700900123" duration="-1" date="null" type="1" />']), 4096),
    );
    expect(out.rejected.map((r) => r.code)).toEqual(['SMS_BAD_DATE']);
    expect(out.warnings).toEqual([]);
  });
});

describe('seconds()', () => {
  it('reads whole seconds from 0 to a day, and nothing from an absent, empty or "null" value', () => {
    expect(['0', '007', ' 12 ', '3725', String(MAX_CALL_SECONDS)].map(seconds)).toEqual([
      0, 7, 12, 3725, 86_400,
    ]);
    expect([undefined, '', ' ', 'null'].map(seconds)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('says why any other value cannot be a length, naming it', () => {
    expect(['-5', '1.5', 'abc', '1e3', '86401', '99999999'].map(seconds)).toEqual([
      'duration="-5" is negative',
      'duration="1.5" is not a whole number of seconds',
      'duration="abc" is not a whole number of seconds',
      'duration="1e3" is not a whole number of seconds',
      'duration="86401" is longer than a day (86400 seconds), longer than a call log plausibly records',
      'duration="99999999" is longer than a day (86400 seconds), longer than a call log plausibly records',
    ]);
  });
});
