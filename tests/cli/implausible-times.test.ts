/**
 * A record dated where no phone or app could have stamped it (an SMS `date="9999999999999"`, year 2286) is an
 * error naming its file and locator, counted as rejected, and never an incident: the period and the gaps of the
 * report stay those of the real records. Runs the built CLI as a user would.
 */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-implausible-');
afterAll(() => s.cleanup());
s.file(
  'sms/sms-1.xml',
  `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+447700900123" date="1709312640000" type="1" body="Answer me" contact_name="Sam" />
  <sms protocol="0" address="+447700900123" date="9999999999999" type="1" body="far future" contact_name="Sam" />
  <sms protocol="0" address="+447700900123" date="1709312900000" type="1" body="last" contact_name="Sam" />
</smses>
`,
);
const DIR = path.join(s.dir, 'sms');
const ARGS = ['--subject', '+447700900123', '--tz', 'Europe/London', '--now', NOW];

describe('a record dated in 2286', () => {
  it('is rejected with its locator and left out of the period, in the text report', () => {
    const r = cli(['report', DIR, ...ARGS]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'Period      2024-03-01 17:04:00 → 2024-03-01 17:08:20 (Europe/London): 1 day',
    );
    expect(r.stdout).toContain('rejected: TIMELINE_IMPLAUSIBLE_TIME 1');
    expect(r.stdout).toContain(
      `✖ ${DIR}/sms-1.xml:sms[1] (line 4): the record's time 2286-11-20 17:46:39.999 UTC is outside the dates accepted for records a phone, app or mail server stamped (1990-01-01 to 2099-12-31)`,
    );
    expect(r.stderr).toBe(
      'chronolog: 3 records from 1 file: 2 events (2 kept, 0 duplicates), 0 skipped, 1 rejected; 2 incidents; 1 error, 0 warnings (listed in the report)\n',
    );
  });

  it('is counted in the JSON accounting, and fails a --strict run', () => {
    const r = cli(['report', DIR, ...ARGS, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.accounting).toMatchObject({ records: 3, events: 2, kept: 2, rejected: 1, incidents: 2 });
    expect(report.inputs[0].rejectedReasons).toEqual({ TIMELINE_IMPLAUSIBLE_TIME: 1 });
    expect(report.incidents.last).toBe('2024-03-01T17:08:20.000Z');
    expect(cli(['report', DIR, ...ARGS, '--strict']).code).toBe(1);
  });
});
