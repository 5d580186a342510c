/**
 * The region for national phone numbers, as a user meets it: without one, `inspect` and `report` say that the
 * numbers written in national form cannot be matched to international ones and name --region GB; with it, the
 * subject's number written both ways counts as one identifier. Fixture: tests/pipeline/national-numbers.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { cli, NOW, STACK } from '../helpers/cli.js';

const DIR = 'fixtures/national-numbers';
const SPELLINGS = 'fixtures/national-spellings';
const SUBJECT = ['--subject', '+447700900123', '--subject', '07700 900456'];
// No case file: located at the first record with a number in national form, which the message calls "here".
const WARNING =
  "fixtures/national-numbers/sms-20240306120000.xml:sms[2] (line 6): 2 phone numbers are written in national form, without a country code (07700900123, 07700 900456), in 3 records (the first here), and no region is set, so they cannot be matched to the same numbers written in international form: one person's contacts may be counted under two identifiers, or missed.";
const HINT =
  'The other numbers are +44: set the region with --region GB, or "region": "GB" in a case file (this run used none).';

describe('national phone numbers and --region', () => {
  it('report without a region: 4 incidents (07700 900456 matches the sender written alike), the warning with its hint', () => {
    const r = cli(['report', DIR, ...SUBJECT, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Incidents {3}4; /m);
    expect(r.stdout).toContain(`  ! ${WARNING}\n    ${HINT}\n`);
    expect(r.stdout).not.toContain('matched no sender');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('report without a region: a national number no sender used says to set the region', () => {
    const r = cli(['report', DIR, '--subject', '+447700900123', '--subject', '07700 900789', '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Incidents {3}3; /m);
    expect(r.stdout).toContain(
      '  i The subject identifier "07700 900789" matched no sender in these inputs.\n    It is written in national form and no region is set, so it cannot match the same number written in international form. The other numbers are +44: set the region with --region GB, or "region": "GB" in a case file (this run used none).\n',
    );
    expect(r.stdout).not.toContain('check how it is written');
    expect(r.stderr).not.toMatch(STACK);
  });

  it('without a region, a number in national form matches however it is spaced (national-spellings fixture)', () => {
    // One SMS backup: Sam texts 3 times from 07700900123 and once from "07700 900123"; Mum from 07700900321.
    for (const subject of ['07700 900123', '07700-900123', '(07700) 900123', '07700900123']) {
      const r = cli(['report', SPELLINGS, '--subject', subject, '--format', 'json', '--now', NOW]);
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout) as {
        incidents: { total: number };
        identifiers: { identifier: string; incidents: number; names: string[] }[];
        problems: { code: string; message: string }[];
      };
      expect(report.incidents.total).toBe(3);
      expect(report.identifiers.map((i) => [i.identifier, i.incidents, i.names])).toEqual([
        ['07700900123', 3, ['Sam']],
      ]);
      expect(report.problems.map((p) => p.code)).toEqual(['CASE_REGION_NOT_SET']);
      expect(report.problems[0]?.message).toContain(
        '2 phone numbers are written in national form, without a country code (07700900123, 07700900321), in 4 records (the first here),',
      );
    }
    const text = cli(['report', SPELLINGS, '--subject', '07700 900123', '--now', NOW]).stdout;
    expect(text).toMatch(/^Identifiers 1\n {2}07700900123 +3 /m);
  });

  it('inspect without a region lists the warning among the problems', () => {
    const r = cli(['inspect', DIR]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Problems  0 errors, 1 warning\n  ! ${WARNING}\n    ${HINT}\n`);
    const json = JSON.parse(cli(['inspect', DIR, '--format', 'json']).stdout) as {
      problems: { code: string; hint?: string }[];
    };
    expect(json.problems).toEqual([expect.objectContaining({ code: 'CASE_REGION_NOT_SET', hint: HINT })]);
  });

  it('report --region GB merges each number written two ways: 6 incidents from 2 identifiers, no warning', () => {
    const r = cli(['report', DIR, ...SUBJECT, '--region', 'GB', '--format', 'json', '--now', NOW]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      incidents: { total: number };
      identifiers: { identifier: string; incidents: number }[];
      problems: { code: string }[];
    };
    expect(report.incidents.total).toBe(6);
    expect(report.identifiers.map((i) => [i.identifier, i.incidents])).toEqual([
      ['+447700900123', 5],
      ['+447700900456', 1],
    ]);
    expect(report.problems).toEqual([]);
  });

  it('the HTML methods text claims one identifier per number only when the region is set', () => {
    const methods = (args: string[]) => {
      const page = cli(['report', DIR, ...SUBJECT, '--format', 'html', '--now', NOW, ...args]).stdout;
      const at = page.indexOf('<dt>Identifiers</dt><dd>', page.indexOf('<dl class="methods">'));
      return page.slice(at, page.indexOf('</dd>', at));
    };
    expect(methods([])).toContain('No region was set for phone numbers');
    expect(methods([])).not.toContain('one number written two ways counts as one identifier');
    expect(methods(['--region', 'GB'])).toContain('one number written two ways counts as one identifier');
  });
});

describe('where the numbers in national form were seen (national-numbers-records fixture)', () => {
  it('report: the warning stays on the case file and names the first record and how many hold such numbers', () => {
    const dir = 'fixtures/national-numbers-records';
    const r = cli(['report', dir, '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `  ! ${dir}/case.json: 2 phone numbers are written in national form, without a country code (07700 900123, 07700 900555), in 5 records, the first at sms[1] (line 5) in ${dir}/sms-20240410090000.xml, and no region is set, so they cannot be matched to the same numbers written in international form: one person's contacts may be counted under two identifiers, or missed.\n    The other numbers are +44: set the region with --region GB, or "region": "GB" in the case file.\n`,
    );
    expect(r.stderr).not.toMatch(STACK);
  });
});
