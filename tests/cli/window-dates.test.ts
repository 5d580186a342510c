/**
 * `--from` and `--to` written otherwise than YYYY-MM-DD get the advice `--milestone` gets (date-advice.ts): a date
 * written another way is no "not a real date" (01/05/2024 is one, in either order), the two days it could be are
 * both offered and neither chosen, one that can be read only one way is rewritten, and an impossible day says why.
 */
import { describe, it } from 'vitest';
import { cli, DEMO, expectUsageError } from '../helpers/cli.js';

const report = (...window: string[]) => cli(['report', DEMO, ...window]);

describe('--from and --to not written YYYY-MM-DD', () => {
  it('offers both days a date could be, and turns neither round', () => {
    expectUsageError(
      report('--from', '01/05/2024'),
      'error: --from "01/05/2024" is not written YYYY-MM-DD (year-month-day), and could be 1 May or 5 January 2024\n' +
        'hint: Write the date meant year-month-day: --from 2024-05-01 for 1 May 2024, or --from 2024-01-05 for 5 January 2024.\n',
    );
  });

  it('rewrites a date that can be read only one way', () => {
    expectUsageError(
      report('--to', '30/06/2024'),
      'error: --to "30/06/2024" is not written YYYY-MM-DD (year-month-day)\nhint: Write --to 2024-06-30.\n',
    );
    expectUsageError(
      report('--from', '2 May 2024'),
      'error: --from "2 May 2024" is not written YYYY-MM-DD (year-month-day)\nhint: Write --from 2024-05-02.\n',
    );
  });

  it('says why a day written YYYY-MM-DD does not exist', () => {
    expectUsageError(
      report('--from', '2024-02-30'),
      'error: --from "2024-02-30" is not a real date: February 2024 has 29 days\n' +
        'hint: Write a real date, year-month-day, e.g. --from 2024-01-01 --to 2024-06-30.\n',
    );
  });
});
