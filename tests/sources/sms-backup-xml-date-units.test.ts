/**
 * SMS Backup & Restore writes `date` as milliseconds since 1970. A value that is none (another tool's seconds or
 * microseconds, a year-9999 or zero placeholder, a negative number) rejects its record, and the message says what
 * the value may be only when it is: seconds or microseconds only when, read so, it is a time a phone could have
 * stamped. Fixture: fixtures/sms-backup-xml-date-units/other-tools.xml.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { smsBackupXml } from '../../src/sources/sms-backup-xml/index.js';
import { runSource } from '../helpers/run-source.js';

const tmp = mkdtempSync(join(tmpdir(), 'sms-date-units-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function collectFrom(xml: string) {
  const file = join(tmp, 'edited.xml');
  writeFileSync(file, xml);
  return runSource(smsBackupXml, file);
}

describe('an SMS backup date in another unit, or a placeholder', () => {
  it('rejects each record, saying what its value may be only when it can be', async () => {
    const r = await runSource(smsBackupXml, 'fixtures/sms-backup-xml-date-units/other-tools.xml');
    expect(r.events.map((e) => e.text)).toEqual(['Are you home yet', 'Yes, why']);
    expect(r.accounting).toEqual({ records: 9, events: 2, skipped: 0, rejected: 7 });
    expect(r.rejected.map((x) => [x.code, x.locator, x.message])).toEqual([
      // Before: "(it may be microseconds)"; read as microseconds it is 1978-01-12, no time a phone stamped.
      [
        'SMS_BAD_DATE',
        'sms[1] (line 5)',
        'date="253402300799000" is too large for milliseconds since 1970 (it would be 9999-12-31 23:59:59 UTC; it may be a placeholder)',
      ],
      [
        'SMS_BAD_DATE',
        'sms[2] (line 6)',
        'date="1709312700000000" is too large for milliseconds since 1970 (it may be microseconds: read so, it is 2024-03-01 17:05 UTC)',
      ],
      [
        'SMS_BAD_DATE',
        'sms[3] (line 7)',
        'date="1709312760" is too small for milliseconds since 1970 (it may be seconds: read so, it is 2024-03-01 17:06 UTC)',
      ],
      // Before: "(it may be seconds, or a placeholder)"; as seconds 0 is 1970 too.
      [
        'SMS_BAD_DATE',
        'sms[4] (line 8)',
        'date="0" is too small for milliseconds since 1970 (it would be 1970-01-01 00:00 UTC; it may be a placeholder)',
      ],
      // Before: "is not a number of milliseconds since 1970".
      [
        'SMS_BAD_DATE',
        'sms[5] (line 9)',
        'date="-1" is a negative number of milliseconds since 1970 (it would be 1969-12-31 23:59:59.999 UTC; it may be a placeholder)',
      ],
      [
        'SMS_BAD_DATE',
        'sms[6] (line 10)',
        'date="1709312820.5" is not a whole number of milliseconds since 1970 (it may be seconds: read so, it is 2024-03-01 17:07:00.500 UTC)',
      ],
      // Before: "(it may be microseconds)"; it is no time in any unit.
      [
        'SMS_BAD_DATE',
        'sms[7] (line 11)',
        'date="99999999999999999999" is too large for milliseconds since 1970',
      ],
    ]);
    expect(
      r.rejected.every((x) => x.hint?.startsWith('SMS Backup & Restore writes `date` as milliseconds')),
    ).toBe(true);
  });

  it('names the time a number of milliseconds with a fraction would be, without rounding it to one', async () => {
    const file = 'fixtures/sms-backup-xml-date-units/other-tools.xml';
    const xml = readFileSync(file, 'utf8').replace('date="1709312820.5"', 'date="1709312820000.5"');
    const r = await collectFrom(xml);
    expect(r.rejected[5]).toMatchObject({
      locator: 'sms[6] (line 10)',
      message:
        'date="1709312820000.5" is not a whole number of milliseconds since 1970 (read so, it is 2024-03-01 17:07 UTC)',
    });
  });

  it('says how a whole number is written otherwise than SMS Backup & Restore writes one, and still rejects it', async () => {
    // Before: 1709312820000.0, 1.0 and -0 were "not a whole number", and 1e12, 1.709312820e12, +1709312820000 and
    // .5 "not a number". Only digits were ever read as a time, before and since: none of these is.
    const file = 'fixtures/sms-backup-xml-date-units/other-tools.xml';
    const cases: [string, string][] = [
      [
        '1709312820000.0',
        'is written with a decimal point, not as SMS Backup & Restore writes a date (read so, it is 2024-03-01 17:07 UTC)',
      ],
      [
        '1.0',
        'is written with a decimal point, not as SMS Backup & Restore writes a date (it would be 1970-01-01 00:00:00.001 UTC; it may be a placeholder)',
      ],
      [
        '-0',
        'is written with a minus sign, not as SMS Backup & Restore writes a date (it would be 1970-01-01 00:00 UTC; it may be a placeholder)',
      ],
      [
        '+1709312820000',
        'is written with a plus sign, not as SMS Backup & Restore writes a date (read so, it is 2024-03-01 17:07 UTC)',
      ],
      [
        '1e12',
        'is written with an exponent, not as SMS Backup & Restore writes a date (read so, it is 2001-09-09 01:46:40 UTC)',
      ],
      [
        '1.70931282e12',
        'is written with an exponent, not as SMS Backup & Restore writes a date (read so, it is 2024-03-01 17:07 UTC)',
      ],
      [
        '.5',
        'is not a whole number of milliseconds since 1970 (it would be 1970-01-01 00:00 UTC; it may be a placeholder)',
      ],
      ['1e400', 'is written with an exponent, not as SMS Backup & Restore writes a date'],
      ['0x18E0A9A7F20', 'is not a number of milliseconds since 1970'],
    ];
    for (const [value, words] of cases) {
      const r = await collectFrom(
        readFileSync(file, 'utf8').replace('date="1709312820.5"', `date="${value}"`),
      );
      expect(r.accounting).toEqual({ records: 9, events: 2, skipped: 0, rejected: 7 });
      expect(r.rejected[5]).toMatchObject({
        locator: 'sms[6] (line 10)',
        message: `date="${value}" ${words}`,
      });
    }
  });
});
