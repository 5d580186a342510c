/**
 * How a diary's dates reach the person reading the Problems list: a date whose order is settled by a day above
 * 12 is no problem at all, and a real date in a year chronolog does not accept is named as such, with the year
 * the other rows suggest as a hint (never applied).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-diary-dates-');
afterAll(() => s.cleanup());
const TYPO = 'fixtures/csv-diary/year-typo-2204.csv';

describe('diary dates in inspect and report', () => {
  it('lists a year outside the accepted range as that, and no warning for an order a day above 12 settles', () => {
    const r = cli(['inspect', TYPO]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(
      'Problems  1 error, 0 warnings\n' +
        `  ✖ ${TYPO}:line 5: Date "15/03/2204" is 15 March 2204, outside the years chronolog accepts (1900 to 2100)\n` +
        '    Did you mean 2024? 3 other rows are dated 2024. Correct the year in the diary and re-run\n',
    );
    expect(r.stdout).not.toContain('not a real date');
    expect(r.stdout).not.toContain('can only be read');
  });

  it('gives the suggested year as the hint in the report, and rejects the row all the same', () => {
    const r = cli(['report', TYPO, '--subject', 'Sam', '--format', 'json', '--now', '2024-07-01T09:00:00Z']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.problems).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        severity: 'error',
        file: TYPO,
        locator: 'line 5',
        message: 'Date "15/03/2204" is 15 March 2204, outside the years chronolog accepts (1900 to 2100)',
        hint: 'Did you mean 2024? 3 other rows are dated 2024. Correct the year in the diary and re-run',
      },
    ]);
    expect(report.accounting).toMatchObject({ records: 4, events: 3, rejected: 1 });
    expect(cli(['report', TYPO, '--subject', 'Sam', '--strict']).code).toBe(1);
  });

  it('reports nothing for a diary whose order one date settles, and still warns when the order is guessed', () => {
    const header = 'Date,Time,Type of contact,What happened\n';
    const settled = s.file(
      'settled.csv',
      `${header}14/02/2024,18:30,Visit,at the door\n03/02/2024,10:00,Text,hi\n`,
    );
    const r = cli(['inspect', settled, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).problems).toEqual([]);
    const guessed = s.file('guessed.csv', `${header}03/02/2024,10:00,Text,hi\n`);
    const g = JSON.parse(cli(['inspect', guessed, '--region', 'GB', '--format', 'json']).stdout);
    expect(g.problems).toEqual([
      expect.objectContaining({
        code: 'DIARY_DATE_ORDER_ASSUMED',
        severity: 'warning',
        hint: 'If this is wrong, re-run with --date-order dmy (day/month/year) or --date-order mdy (month/day/year)',
      }),
    ]);
  });
});
