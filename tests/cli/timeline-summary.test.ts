/**
 * `chronolog timeline` writes only events, so nothing else it read may vanish: stderr lists the rejected records
 * (and other problems) with their hints and the files not read, then the summary line `report` writes; --quiet
 * leaves all of it out, and --strict exits 1 when a record was rejected, as `report --strict` does.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-timeline-summary-');
afterAll(() => s.cleanup());

/** An SMS backup of three messages, the second with a date no phone writes: 2 events and 1 rejected record. */
const SMS = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="3">
  <sms protocol="0" address="+447700900123" date="1709312640000" type="1" body="answer me" readable_date="1 Mar 2024 17:04:00" contact_name="Sam" />
  <sms protocol="0" address="+447700900123" date="abc" type="1" body="are you ignoring me" contact_name="Sam" />
  <sms protocol="0" address="+447700900123" date="1709312700000" type="2" body="leave me alone" readable_date="1 Mar 2024 17:05:00" contact_name="Sam" />
</smses>
`;
const dir = `${s.dir}/case`;
s.file('case/sms.xml', SMS);
s.file('case/notes.txt', 'call the police if it happens again\n');
const clean = s.file(
  'clean/sms.xml',
  SMS.replace('count="3"', 'count="2"').replace(/\n {2}<sms[^\n]*date="abc"[^\n]*/, ''),
);

const OPTS = ['--subject', '+447700900123', '--tz', 'Europe/London'];
const HINT =
  'SMS Backup & Restore writes `date` as milliseconds since 1970 (e.g. 1709312640000). The record was edited or written by another tool; its readable_date is not used because it has no time zone.';

describe('timeline: what was not turned into an event is said on stderr', () => {
  it('lists the rejected record with its hint and the file not read, then the summary line', () => {
    const r = cli(['timeline', dir, ...OPTS]);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
    expect(r.stderr).toBe(
      [
        `  ✖ ${dir}/sms.xml:sms[1] (line 4): date="abc" is not a number of milliseconds since 1970`,
        `    ${HINT}`,
        `  not read: ${dir}/notes.txt — not a supported export format`,
        'chronolog: 3 records from 1 file: 2 events (2 kept, 0 duplicates), 0 skipped, 1 rejected; 1 incident; 1 error, 0 warnings, 1 file not read (listed above)',
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toMatch(STACK);
  });

  it('gives the same counts as report, which lists the same problems in the report', () => {
    const t = cli(['timeline', dir, ...OPTS]);
    const r = cli(['report', dir, ...OPTS]);
    expect(r.code).toBe(0);
    const summary = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('chronolog: '));
    expect(summary(r.stderr)).toBe(
      'chronolog: 3 records from 1 file: 2 events (2 kept, 0 duplicates), 0 skipped, 1 rejected; 1 incident; 1 error, 0 warnings, 1 file not read (listed in the report)',
    );
    expect(summary(t.stderr)).toBe(summary(r.stderr)!.replace('(listed in the report)', '(listed above)'));
  });

  it('says where the rows were written with --out', () => {
    const out = `${s.dir}/timeline.jsonl`;
    const r = cli(['timeline', clean, ...OPTS, '--format', 'jsonl', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `chronolog: 2 records from 1 file: 2 events (2 kept, 0 duplicates), 0 skipped, 0 rejected; 1 incident; written to ${out}\n`,
    );
  });

  it('says nothing on stderr with --quiet, and writes the same rows', () => {
    const r = cli(['timeline', dir, ...OPTS, '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(cli(['timeline', dir, ...OPTS]).stdout);
  });
});

describe('timeline --strict', () => {
  it('exits 1 when a record was rejected, after writing every row and the summary', () => {
    const r = cli(['timeline', dir, ...OPTS, '--strict']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(cli(['timeline', dir, ...OPTS]).stdout);
    expect(r.stderr).toMatch(/^chronolog: 3 records from 1 file: .* 1 rejected; 1 incident; 1 error/m);
    // The last line says why the run fails, which the summary alone does not.
    expect(r.stderr).toMatch(
      /\nchronolog: exit 1 \(--strict\): 1 record rejected, 1 error listed; the output was written all the same\n$/,
    );
  });

  it('exits 1 under --quiet too, saying nothing', () => {
    const r = cli(['timeline', dir, ...OPTS, '--strict', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
  });

  it('exits 0 when every record was read', () => {
    const r = cli(['timeline', clean, ...OPTS, '--strict']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/--strict/);
    expect(r.stderr).toBe(
      'chronolog: 2 records from 1 file: 2 events (2 kept, 0 duplicates), 0 skipped, 0 rejected; 1 incident\n',
    );
  });

  it('lists the first 20 problems and says how many more, by code, and where each one is given', () => {
    const many = SMS.replace('count="3"', 'count="63"').replace(
      '</smses>',
      `${Array.from({ length: 60 }, () => '  <sms protocol="0" address="+447700900123" date="abc" type="1" body="x" />').join('\n')}\n</smses>`,
    );
    const r = cli(['timeline', s.file('many/sms.xml', many), ...OPTS]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('  ✖ '))).toHaveLength(20);
    // 61 rejected: 20 listed, 30 more of the 50 the report lists in full, 11 beyond them (their locations only).
    expect(lines).toContain(
      '  Not listed here: 41 more problems (SMS_BAD_DATE 41). The JSON report (chronolog report --format json) gives the file and location of each one.',
    );
    expect(lines.at(-2)).toMatch(
      /^chronolog: 63 records from 1 file: 2 events .*61 rejected; \d+ incidents?; 61 errors, 0 warnings/,
    );
  });

  it('lists all 21 problems when there is one more than 20, not 20 and "1 more problem"', () => {
    // The backup's own bad date and 20 more: 21 rejected.
    const many = SMS.replace('count="3"', 'count="23"').replace(
      '</smses>',
      `${Array.from({ length: 20 }, () => '  <sms protocol="0" address="+447700900123" date="abc" type="1" body="x" />').join('\n')}\n</smses>`,
    );
    const r = cli(['timeline', s.file('twenty-one/sms.xml', many), ...OPTS]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('  ✖ '))).toHaveLength(21);
    expect(r.stderr).not.toContain('Not listed here');
  });

  it('is in the help, with what stderr shows', () => {
    const r = cli(['timeline', '--help']);
    expect(r.stdout).toMatch(/--strict +exit 1 if any record was rejected/);
    expect(r.stdout).toContain('Stderr lists the rest: rejected records and other problems');
  });
});
