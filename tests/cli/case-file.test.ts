/**
 * The case file and the options that go with it, through the built CLI: a region code that is unknown is an error
 * (it would silently stop national numbers from matching), several case files without --case are an error (the
 * choice would depend on the order of the paths), a reversed window is an error (the statistics would vanish),
 * and a syntax error is named by line and column.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-case-file-');
afterAll(() => s.cleanup());

/** An SMS Backup & Restore file: three texts from Sam (+447700900456), one from someone else. */
const SMS = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="4">
  <sms protocol="0" address="+447700900456" date="1709312640000" type="1" body="where are you" read="1" contact_name="Sam" />
  <sms protocol="0" address="+447700900456" date="1709312700000" type="1" body="answer me" read="1" contact_name="Sam" />
  <sms protocol="0" address="+447700900777" date="1709312760000" type="1" body="see you at 6" read="1" contact_name="Jo" />
  <sms protocol="0" address="+447700900456" date="1709399160000" type="1" body="I know where you work" read="1" contact_name="Sam" />
</smses>
`;

/** A folder `name` in the scratch area with the SMS file and the given case files. */
function caseFolder(name: string, files: Record<string, string | object>): string {
  s.file(`${name}/sms-20240302.xml`, SMS);
  for (const [file, body] of Object.entries(files)) {
    s.file(`${name}/${file}`, typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  }
  return name;
}

/** Runs the CLI in the scratch folder, so paths in messages are relative to it. */
const run = (args: string[], env: Record<string, string | undefined> = {}) => cli(args, env, s.dir);
const report = (args: string[], env: Record<string, string | undefined> = {}) => {
  const r = run(['report', ...args, '--format', 'json', '--now', NOW, '-q'], env);
  expect(r.code, r.stderr).toBe(0);
  return ReportSchema.parse(JSON.parse(r.stdout)) as Report;
};

const NATIONAL = { subject: { identifiers: ['07700 900456'] }, timezone: 'Europe/London' };
caseFolder('no-region', { 'case.json': NATIONAL });

describe('region', () => {
  it('accepts a lower-case region in the case file as in --region, so national numbers match', () => {
    caseFolder('lower', { 'case.json': { ...NATIONAL, region: 'gb' } });
    const fromFile = report(['lower']);
    expect(fromFile.case.region).toBe('GB');
    expect(fromFile.incidents.total).toBe(3);
    const fromFlag = report(['no-region', '--region', 'gb']);
    expect(fromFlag.case.region).toBe('GB');
    expect(fromFlag.incidents.total).toBe(3);
  });

  it('refuses "UK" in the case file, saying the United Kingdom is GB', () => {
    caseFolder('uk', { 'case.json': { ...NATIONAL, region: 'UK' } });
    const r = run(['report', 'uk']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: case file uk/case.json has an invalid field',
        '  - line 8, region: "UK" is not an ISO 3166 alpha-2 code: the United Kingdom is GB',
        'hint: Write "region": "GB". See README "The case file".',
        '',
      ].join('\n'),
    );
  });

  it('refuses "uk" in a YAML case file with the YAML spelling of the fix', () => {
    caseFolder('uk-yaml', {
      'case.yaml': 'timezone: Europe/London\nregion: uk\nsubject:\n  identifiers: ["07700 900456"]\n',
    });
    const r = run(['report', 'uk-yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ {2}- line 2, region: "uk" is not an ISO 3166 alpha-2 code: the United Kingdom is GB$/m,
    );
    expect(r.stderr).toMatch(/^hint: Write region: GB\. See README "The case file"\.$/m);
  });

  it('refuses --region XX and --region uk, naming the value', () => {
    caseFolder('flag', { 'case.json': NATIONAL });
    const xx = run(['report', 'flag', '--region', 'XX']);
    expect(xx.code).toBe(2);
    expect(xx.stderr).toBe(
      'error: --region "XX" is not a known ISO 3166 alpha-2 country code\nhint: Use the two-letter ISO 3166 alpha-2 code of the country, e.g. GB, US, DE, FR, IE, IN.\n',
    );
    const uk = run(['report', 'flag', '--region', 'uk']);
    expect(uk.code).toBe(2);
    expect(uk.stderr).toBe(
      'error: --region "uk" is not an ISO 3166 alpha-2 code: the United Kingdom is GB\nhint: Use --region GB.\n',
    );
    const three = run(['report', 'flag', '--region', 'GBR']);
    expect(three.code).toBe(2);
    expect(three.stderr).toMatch(/^error: --region "GBR" is not a two-letter ISO 3166 alpha-2 code$/m);
  });

  it('refuses an unknown region in the case file even when --region overrides it', () => {
    caseFolder('zz', { 'case.json': { ...NATIONAL, region: 'ZZ' } });
    const r = run(['report', 'zz', '--region', 'GB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ {2}- line 8, region: "ZZ" is not a known ISO 3166 alpha-2 country code$/m);
  });
});

describe('time zone names', () => {
  it('writes a zone given in lower case as the tz database does, from --tz and from the case file', () => {
    expect(report(['no-region', '--tz', 'europe/london']).case.timezone).toBe('Europe/London');
    caseFolder('lower-zone', { 'case.json': { ...NATIONAL, timezone: 'EUROPE/LONDON' } });
    expect(report(['lower-zone']).case.timezone).toBe('Europe/London');
    // A link is kept as it was written: it is the name asked for.
    expect(report(['no-region', '--tz', 'US/Eastern']).case.timezone).toBe('US/Eastern');
  });
});

describe('time zone abbreviations', () => {
  // Intl (ICU) accepts old Java ids that the IANA database does not have, with meanings nobody typing them
  // expects: BST is Asia/Dhaka. Accepted, the report would count days six hours off UK time and print "(BST)".
  it('refuses --tz BST, saying what it would be read as and naming Europe/London', () => {
    const r = run(['report', 'no-region', '--tz', 'BST']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: --tz "BST" is an abbreviation, not an IANA time zone: it would be read as Asia/Dhaka',
        'hint: An abbreviation means different zones in different places. Give the zone as region/city: Europe/London (UK time: GMT in winter, BST in summer).',
        '',
      ].join('\n'),
    );
  });

  it('refuses an abbreviation in the case file by its line, in any case, listing the zones it may mean', () => {
    caseFolder('ist', { 'case.json': { ...NATIONAL, timezone: 'ist' } });
    const r = run(['report', 'ist', '--region', 'GB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ {2}- line 7, timezone: "ist" is an abbreviation, not an IANA time zone: it would be read as Asia\/\w+\. An abbreviation means different zones in different places\. Give the zone as region\/city: Europe\/Dublin, Asia\/Kolkata or Asia\/Jerusalem, whichever is meant\.$/m,
    );
    caseFolder('cst-yaml', {
      'case.yaml': 'timezone: CST\nsubject:\n  identifiers: ["07700 900456"]\n',
    });
    expect(run(['report', 'cst-yaml']).stderr).toMatch(
      /^ {2}- line 1, timezone: "CST" is an abbreviation, not an IANA time zone: it would be read as America\/Chicago\..*America\/Chicago or Asia\/Shanghai, whichever is meant\.$/m,
    );
  });

  it('still reads the IANA database own short names (UTC, GMT, EST, CET) and links such as GB', () => {
    for (const tz of ['UTC', 'GMT', 'EST', 'CET', 'GB']) {
      expect(report(['no-region', '--region', 'GB', '--tz', tz]).case.timezone).toBe(tz);
    }
  });
});

describe('several case files', () => {
  caseFolder('fa', { 'case.json': { ...NATIONAL, region: 'GB' } });
  caseFolder('fb', {
    'case.json': { subject: { identifiers: ['+447700900777'] }, timezone: 'America/New_York' },
    'sms-jo.xml': `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <sms protocol="0" address="+447700900777" date="1709485560000" type="1" body="running late" read="1" contact_name="Jo" />
  <sms protocol="0" address="+447700900777" date="1709571960000" type="1" body="call me" read="1" contact_name="Jo" />
</smses>
`,
  });

  it('stops whatever the order of the folders, listing both and asking for --case', () => {
    const expected = [
      'error: found 2 case files and will not guess which one to use',
      '  - fa/case.json',
      '  - fb/case.json',
      'hint: Choose the one for this report with --case FILE, e.g. --case fa/case.json, or merge them into one file.',
      '',
    ].join('\n');
    for (const order of [
      ['fa', 'fb'],
      ['fb', 'fa'],
    ]) {
      const r = run(['report', ...order, '--format', 'json', '--now', NOW]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(expected);
    }
    for (const command of ['timeline', 'inspect']) expect(run([command, 'fa', 'fb']).stderr).toBe(expected);
  });

  it('uses the one named with --case, the same in either order', () => {
    const ab = report(['fa', 'fb', '--case', 'fb/case.json']);
    const ba = report(['fb', 'fa', '--case', 'fb/case.json']);
    expect(ab.case.timezone).toBe('America/New_York');
    // Jo's text in the SMS file both folders hold counts once (a duplicate), plus the two in fb only.
    expect(ab.incidents.total).toBe(3);
    expect({ ...ba, run: null }).toEqual({ ...ab, run: null });
  });

  it('stops when one folder holds both case.json and case.yaml', () => {
    caseFolder('both', {
      'case.json': NATIONAL,
      'case.yaml': 'timezone: Asia/Tokyo\nsubject:\n  identifiers: [Sam]\n',
    });
    const r = run(['report', 'both']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ {2}- both\/case\.json\n {2}- both\/case\.yaml$/m);
    expect(report(['both', '--case', 'both/case.yaml']).case.timezone).toBe('Asia/Tokyo');
  });

  it('still uses the one case file of a single folder without --case', () => {
    expect(report(['fa']).case.caseFile?.path).toMatch(/fa[/\\]case\.json$/);
  });
});

describe('window and milestones', () => {
  caseFolder('w', { 'case.json': { ...NATIONAL, region: 'GB', window: { to: '2024-03-31' } } });

  it('refuses a reversed --from/--to, naming both dates', () => {
    const r = run(['report', 'no-region', '--region', 'GB', '--from', '2024-06-01', '--to', '2024-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'error: the window starts after it ends: 2024-06-01 (--from) is after 2024-01-01 (--to)\nhint: Give the earlier date as the start, e.g. --from 2024-01-01 --to 2024-06-01.\n',
    );
  });

  it('refuses a reversed window in the case file', () => {
    caseFolder('rev', {
      'case.json': { ...NATIONAL, region: 'GB', window: { from: '2024-06-01', to: '2024-01-01' } },
    });
    const r = run(['report', 'rev']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ {2}- line 9, window: from 2024-06-01 is after to 2024-01-01: the window must start on or before the day it ends$/m,
    );
  });

  it('refuses --from after the case file window.to, naming where each date came from', () => {
    const r = run(['report', 'w', '--from', '2024-04-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: the window starts after it ends: 2024-04-01 \(--from\) is after 2024-03-31 \(window\.to in case file w\/case\.json\)$/m,
    );
  });

  it('keeps a one-day window and an in-order window', () => {
    const one = report(['w', '--from', '2024-03-01', '--to', '2024-03-01']);
    expect(one.escalation?.window).toMatchObject({ from: '2024-03-01', to: '2024-03-01', days: 1 });
    expect(report(['w', '--from', '2024-03-01']).escalation?.window).toMatchObject({
      from: '2024-03-01',
      to: '2024-03-31',
    });
  });

  it('refuses a milestone whose offset names no instant, instead of dropping it', () => {
    caseFolder('bad-offset', {
      'case.json': {
        ...NATIONAL,
        region: 'GB',
        milestones: [{ date: '2024-03-02T10:00+99:00', label: 'Warning' }],
      },
    });
    const r = run(['report', 'bad-offset']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^ {2}- line 11, milestones\.0\.date: "2024-03-02T10:00\+99:00" is not a real date and time: an offset from UTC is at most 14:00 either way, e\.g\. \+01:00$/m,
    );
    const flag = run([
      'report',
      'no-region',
      '--region',
      'GB',
      '--milestone',
      '2024-03-02T10:00+15:00=Warning',
    ]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toBe(
      [
        'error: --milestone "2024-03-02T10:00+15:00=Warning": 2024-03-02T10:00+15:00 is not a real date and time: an offset from UTC is at most 14:00 either way, e.g. +01:00',
        'hint: Write a real date and time, year-month-day: --milestone YYYY-MM-DDTHH:MM+HH:MM=Warning.',
        '',
      ].join('\n'),
    );
    const ok = report(['no-region', '--region', 'GB', '--milestone', '2024-03-02T10:00+14:00=Warning']);
    expect(ok.escalation?.milestones.map((m) => m.startsAt)).toEqual(['2024-03-01T20:00:00.000Z']);
  });
});

describe('--now and SOURCE_DATE_EPOCH', () => {
  const generatedAt = (args: string[], env: Record<string, string | undefined> = {}) => {
    const r = run(['report', 'no-region', '--region', 'GB', '--format', 'json', '-q', ...args], env);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as Report).generatedAt;
  };

  it('refuses a date-time without an offset, on every machine, with an example', () => {
    for (const TZ of ['UTC', 'Asia/Tokyo']) {
      const r = run(['report', 'no-region', '--now', '2024-07-01T09:00'], { TZ });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'error: --now "2024-07-01T09:00" has no Z or offset, so it would mean a different instant on each computer\nhint: Add Z for UTC or the offset meant, e.g. --now 2024-07-01T09:00Z or --now 2024-07-01T09:00+01:00\n',
      );
    }
  });

  it('reads an offset and a date alone (00:00 UTC) the same in another zone', () => {
    const env = { TZ: 'Asia/Tokyo' };
    expect(generatedAt(['--now', '2024-07-01T10:00:00+01:00'], env)).toBe('2024-07-01T09:00:00.000Z');
    expect(generatedAt(['--now', '2024-07-01'], env)).toBe('2024-07-01T00:00:00.000Z');
  });

  it('refuses an impossible date instead of rolling it over to the next month', () => {
    const feb = run(['report', 'no-region', '--now', '2024-02-30T09:00:00Z']);
    expect(feb.code).toBe(2);
    expect(feb.stderr).toMatch(/^error: --now "2024-02-30T09:00:00Z" is not a real date$/m);
  });

  it('refuses a SOURCE_DATE_EPOCH that is too large or not a whole number, naming it', () => {
    const big = run(['report', 'no-region', '--format', 'json'], { SOURCE_DATE_EPOCH: '99999999999999' });
    expect(big.code).toBe(2);
    expect(big.stderr).toBe(
      'error: SOURCE_DATE_EPOCH "99999999999999" is too large: it would be after the year 9999 (at most 253402300799)\nhint: Set it to a whole number of seconds since 1970-01-01 UTC, e.g. SOURCE_DATE_EPOCH=1719824400, or unset it.\n',
    );
    expect(big.stderr).not.toMatch(/bug|Invalid time value/);
    const frac = run(['report', 'no-region', '--format', 'json'], { SOURCE_DATE_EPOCH: '1.5' });
    expect(frac.code).toBe(2);
    expect(frac.stderr).toMatch(/^error: SOURCE_DATE_EPOCH "1\.5" is not a whole number of seconds$/m);
  });
});

describe('case file syntax', () => {
  it('names a JSON mistake by line and column, with a hint that needs no demo files', () => {
    caseFolder('syntax', {
      'case.json':
        '{\n  "timezone": "Europe/London",\n  "region": "GB"\n  "subject": { "identifiers": ["Sam"] }\n}\n',
    });
    const r = run(['report', 'syntax']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: case file syntax/case.json:4:3 is not valid JSON: expected "," or "}" after a value, found a quote mark ("): is a comma missing?',
        'hint: Check that line and the end of the one before it: names and text go in double quotes and a comma separates each field from the next, e.g. { "timezone": "Europe/London", "region": "GB" }. See README "The case file".',
        '',
      ].join('\n'),
    );
    expect(r.stderr).not.toMatch(/fixtures|position/);
  });

  it('names a mistake V8 gives no position for (single quotes), after a byte order mark', () => {
    caseFolder('quotes', { 'case.json': '\uFEFF{\n  "timezone": \'Europe/London\'\n}\n' });
    const r = run(['report', 'quotes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: case file quotes\/case\.json:2:15 is not valid JSON: text must be in double quotes \("\), not single quotes$/m,
    );
    expect(r.stderr).not.toMatch(STACK);
  });

  it('names a YAML mistake by line and column', () => {
    caseFolder('yaml', {
      'case.yaml': 'timezone: Europe/London\nsubject:\n  identifiers: [Sam\nregion: GB\n',
    });
    const r = run(['report', 'yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: case file yaml\/case\.yaml:4:1 is not valid YAML: [^\n]+$/m);
    expect(r.stderr).toMatch(/^hint: Check that line: .*See README "The case file"\.$/m);
    expect(r.stderr).not.toMatch(/fixtures/);
  });
});

describe('every problem at once', () => {
  /** The reviewer's case file, as an advocate would type it. */
  const REVIEWED = {
    title: 'Jo Bennett — contact from Sam Reed',
    timezone: 'Europe/London',
    region: 'UK',
    victim: { name: 'Jo Bennett', identifiers: ['+447700900777'] },
    subject: { name: 'Sam Reed', identifiers: ['+447700900456', 'Sam'] },
    milestones: [{ date: '02/04/2024', label: 'Harassment warning issued', type: 'warning' }],
  };

  it('lists a bad milestone date and a bad region together, in the order they are written', () => {
    caseFolder('two-bad', { 'case.json': REVIEWED });
    const r = run(['report', 'two-bad', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: case file two-bad/case.json has 2 invalid fields',
        '  - line 4, region: "UK" is not an ISO 3166 alpha-2 code: the United Kingdom is GB',
        '  - line 20, milestones.0.date: "02/04/2024" is not written YYYY-MM-DD (year-month-day), and could be 2 April or 4 February 2024: write the one meant as "YYYY-MM-DD"',
        'hint: Fix each field listed above; see README "The case file".',
        '',
      ].join('\n'),
    );
    caseFolder('two-fixed', {
      'case.json': {
        ...REVIEWED,
        region: 'GB',
        milestones: [{ ...REVIEWED.milestones[0], date: '2024-03-02' }],
      },
    });
    const fixed = report(['two-fixed']);
    expect(fixed.case.region).toBe('GB');
    expect(fixed.case.milestones).toEqual([
      { date: '2024-03-02', label: 'Harassment warning issued', type: 'warning' },
    ]);
  });

  it('names each field in plain words, with the value as written', () => {
    caseFolder('many-bad', {
      'case.json': [
        '{',
        '  "timezone": "Europe/Londn",',
        '  "colour": "red",',
        '  "subject": { "nam": "Sam", "identifiers": ["+447700900456", ""] },',
        '  "victim": "Jo",',
        '  "milestones": [',
        '    { "date": "25/04/2024", "type": "warn" },',
        '    { "date": "2024-02-30", "label": "Visit" }',
        '  ],',
        '  "window": { "from": "2024-05-01T10:00", "to": "2024-13-01" },',
        '  "ceasePhrases": "stop"',
        '}',
        '',
      ].join('\n'),
    });
    const r = run(['report', 'many-bad']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: case file many-bad/case.json has 12 invalid fields',
        '  - line 2, timezone: "Europe/Londn" is not a time zone name: zones are named region/city, as in the IANA time zone database. Did you mean Europe/London?',
        '  - line 3, colour: is not a field of the case file: check the spelling or remove it (the fields are title, timezone, region, victim, subject, milestones, window, ceasePhrases, lexicon)',
        '  - line 4, subject.nam: is not a field of subject: check the spelling or remove it (the fields are name, identifiers)',
        '  - line 4, subject.identifiers.1: is empty: write a value or remove it',
        '  - line 5, victim: must be a group of fields in braces { }, not text',
        '  - line 7, milestones.0.label: is missing: each milestone needs a label saying what happened, e.g. "label": "Police warning"',
        '  - line 7, milestones.0.date: "25/04/2024" is not written YYYY-MM-DD (year-month-day): write "2024-04-25"',
        '  - line 7, milestones.0.type: "warn" is not one of warning, report, order, arrest, other',
        '  - line 8, milestones.1.date: "2024-02-30" is not a real date: February 2024 has 29 days',
        '  - line 10, window.from: "2024-05-01T10:00" is not written YYYY-MM-DD (year-month-day): write "2024-05-01"',
        '  - line 10, window.to: "2024-13-01" is not a real date: there is no month 13',
        '  - line 11, ceasePhrases: must be a list in square brackets, e.g. ["a", "b"], not text',
        'hint: Fix each field listed above; see README "The case file".',
        '',
      ].join('\n'),
    );
  });

  it('lists bad option values with the bad fields, each option with what to write', () => {
    caseFolder('file-and-flags', {
      'case.json': { ...NATIONAL, region: 'XX', window: { to: '2024-03-01' } },
    });
    const r = run([
      'report',
      'file-and-flags',
      '--region',
      'UK',
      '--from',
      '2024-06-01',
      '--milestone',
      '2024-04-01',
    ]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: found 4 problems in case file file-and-flags/case.json and the options',
        '  - line 8, region: "XX" is not a known ISO 3166 alpha-2 country code',
        '  - --region "UK" is not an ISO 3166 alpha-2 code: the United Kingdom is GB. Use --region GB.',
        '  - the window starts after it ends: 2024-06-01 (--from) is after 2024-03-01 (window.to in case file file-and-flags/case.json). Give the earlier date as the start, e.g. --from 2024-03-01 --to 2024-06-01.',
        '  - --milestone "2024-04-01" has no label: a label saying what happened is needed after the date and "=". Add "=" and what happened, e.g. --milestone "2024-04-01=Police warning".',
        'hint: Fix each one listed above; see README "The case file".',
        '',
      ].join('\n'),
    );
  });

  it('lists several bad options together, and one alone keeps its own message', () => {
    const r = run(['report', 'no-region', '--tz', 'Europe/Londn', '--to', '2024-02-30', '--milestone', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: found 3 problems in the options',
        '  - --tz "Europe/Londn" is not a time zone name: zones are named region/city, as in the IANA time zone database. Did you mean Europe/London?',
        '  - --to "2024-02-30" is not a real date: February 2024 has 29 days. Write a real date, year-month-day, e.g. --from 2024-01-01 --to 2024-06-30.',
        '  - --milestone "x" has no date. Write the date year-month-day, "=" and what happened: --milestone YYYY-MM-DD=x.',
        'hint: Fix each one listed above.',
        '',
      ].join('\n'),
    );
    expect(run(['report', 'no-region', '--tz', 'Europe/Londn']).stderr).toBe(
      'error: --tz "Europe/Londn" is not a time zone name: zones are named region/city, as in the IANA time zone database\nhint: Did you mean Europe/London?\n',
    );
  });
});

describe('numbers where text is meant', () => {
  it('says an unquoted phone number in YAML was read as a number, showing it as written', () => {
    caseFolder('yaml-numbers', {
      'case.yaml': [
        'timezone: Europe/London',
        'region: GB',
        'subject:',
        '  name: Sam Reed',
        '  identifiers: [+447700900123, 07700900456, Sam]',
        '',
      ].join('\n'),
    });
    const r = run(['report', 'yaml-numbers']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: case file yaml-numbers/case.yaml has 2 invalid fields',
        '  - line 5, subject.identifiers.0: +447700900123 was read as a number, not as text: write it in quotes, "+447700900123"',
        '  - line 5, subject.identifiers.1: 07700900456 was read as a number, not as text: write it in quotes, "07700900456"',
        'hint: Write phone numbers in quotes, e.g. "+447700900123": without them YAML reads +447700900123 as a number, and a leading 0 is lost. Fix each field listed above; see README "The case file".',
        '',
      ].join('\n'),
    );
  });

  it('reads the same numbers in quotes, as written', () => {
    caseFolder('yaml-quoted', {
      'case.yaml':
        'timezone: Europe/London\nregion: GB\nsubject:\n  identifiers: ["+447700900123", "07700900456", Sam]\n',
    });
    const r = report(['yaml-quoted']);
    expect(r.case.subject.identifiers).toEqual(['+447700900123', '07700900456', 'Sam']);
    expect(r.incidents.total).toBe(3);
  });

  it('says the same of a number in a JSON case file, and of true where text is meant', () => {
    caseFolder('json-number', {
      'case.json': '{\n  "title": true,\n  "subject": { "identifiers": [447700900456] }\n}\n',
    });
    const r = run(['report', 'json-number']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: case file json-number/case.json has 2 invalid fields',
        '  - line 2, title: true was read as a yes/no value (true or false), not as text: write it in quotes, "true"',
        '  - line 3, subject.identifiers.0: 447700900456 was read as a number, not as text: write it in quotes, "447700900456"',
        'hint: Write phone numbers in quotes, e.g. "+447700900123". Fix each field listed above; see README "The case file".',
        '',
      ].join('\n'),
    );
  });
});

describe('milestone dates', () => {
  it('says dates are written YYYY-MM-DD, keeping the label, without turning round 02/04/2024', () => {
    const r = run(['report', 'no-region', '--milestone', '02/04/2024=Harassment warning']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'error: --milestone "02/04/2024=Harassment warning": 02/04/2024 is not written YYYY-MM-DD (year-month-day), and could be 2 April or 4 February 2024',
        'hint: Write the date meant year-month-day: --milestone "YYYY-MM-DD=Harassment warning".',
        '',
      ].join('\n'),
    );
  });

  it('shows a date that can be read one way only rewritten, with the label as given', () => {
    const r = run(['report', 'no-region', '--milestone', '25/03/2024=Harassment warning']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: --milestone "25/03/2024=Harassment warning": 25/03/2024 is not written YYYY-MM-DD (year-month-day)',
        'hint: Write --milestone "2024-03-25=Harassment warning".',
        '',
      ].join('\n'),
    );
    const ok = report(['no-region', '--region', 'GB', '--milestone', '2024-03-25=Harassment warning']);
    expect(ok.case.milestones).toEqual([{ date: '2024-03-25', label: 'Harassment warning', type: null }]);
  });

  it('says a label is needed when "=LABEL" is left out', () => {
    const r = run(['report', 'no-region', '--milestone', '2024-04-02']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: --milestone "2024-04-02" has no label: a label saying what happened is needed after the date and "="',
        'hint: Add "=" and what happened, e.g. --milestone "2024-04-02=Police warning".',
        '',
      ].join('\n'),
    );
    const empty = run(['report', 'no-region', '--milestone', '2024-04-02=  ']);
    expect(empty.stderr).toMatch(/^error: --milestone "2024-04-02= {2}" has no label: /m);
  });

  it('says the date comes first when date and label are the wrong way round', () => {
    const r = run(['report', 'no-region', '--milestone', 'Harassment warning=2024-04-02']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: --milestone "Harassment warning=2024-04-02": the date comes first, then "=" and the label',
        'hint: Write --milestone "2024-04-02=Harassment warning".',
        '',
      ].join('\n'),
    );
  });

  it('rewrites a milestone date in the case file that can be read one way only', () => {
    caseFolder('file-date', {
      'case.yaml':
        'timezone: Europe/London\nsubject:\n  identifiers: [Sam]\nmilestones:\n  - date: 2 March 2024\n    label: Police warning\n',
    });
    const r = run(['report', 'file-date']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      [
        'error: case file file-date/case.yaml has an invalid field',
        '  - line 5, milestones.0.date: "2 March 2024" is not written YYYY-MM-DD (year-month-day): write "2024-03-02"',
        'hint: Fix each field listed above; see README "The case file".',
        '',
      ].join('\n'),
    );
  });
});
