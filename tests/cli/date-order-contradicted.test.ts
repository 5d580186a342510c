/**
 * Thin proof of a file's day/month order, as the person running chronolog meets it: the file is listed as read in
 * part with an error that names `--date-order` and the lines that prove each reading, `--strict` makes that exit
 * 1, a file left with no event at all exits 1 naming the option, and `--date-order` reads the file as asked with
 * the contradicting line rejected. Needs `npm run build`. Fixtures in fixtures/date-order-contradicted-*.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const WA = 'fixtures/date-order-contradicted-whatsapp';
const DIARY = 'fixtures/date-order-contradicted-diary';
const CHAT = `${WA}/joined-chat.txt`;
const ROWS = `${DIARY}/joined-diary.csv`;
const TZ = ['--tz', 'Europe/London'];

describe('a WhatsApp chat whose only day above 12 is one joined line', () => {
  it('is read in part with an error naming the option and both lines; --strict exits 1', () => {
    const args = ['timeline', CHAT, `${WA}/day-first-few-over-12.txt`, ...TZ];
    const r = cli(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `✖ Cannot tell whether dates are day-first or month-first: only 1 date of the 7 that read differently in the two orders can only be read as day/month/year (dmy) (the first at ${CHAT}:8: 25/12/23)`,
    );
    expect(r.stderr).toContain(`(the first at ${CHAT}:7: 4/1/24 after 3/6/24 on line 6)`);
    expect(r.stderr).toContain(
      '    Re-run with --date-order dmy (day/month/year) or --date-order mdy (month/day/year)\n',
    );
    expect(r.stderr).toContain(
      '37 records from 2 files: 29 events (29 kept, 0 duplicates), 0 skipped, 8 rejected',
    );
    expect(cli([...args, '--strict']).code).toBe(1);
  });

  it('alone, leaves no event: exit 1, naming the option', () => {
    const r = cli(['timeline', CHAT, ...TZ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: no events could be read.');
    expect(r.stderr).toContain('--date-order dmy (day/month/year) or --date-order mdy (month/day/year)');
  });

  it('with --date-order mdy, reads the chat month-first and rejects line 8 with its line', () => {
    const r = cli(['timeline', CHAT, ...TZ, '--date-order', 'mdy']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `✖ ${CHAT}:line 8: Impossible date or time "25/12/23, 10:00 AM" in a message header: there is no month 25 when read as month/day/year (mdy).\n` +
        '    Line 8 was read as --date-order mdy asks; read as day/month/year (dmy) it would be 25 December 2023. If the chat writes its dates that way, re-run with --date-order dmy; if not, check line 8 of the export.\n',
    );
    expect(r.stderr).toContain(
      '8 records from 1 file: 7 events (7 kept, 0 duplicates), 0 skipped, 1 rejected',
    );
    expect(r.stdout).toContain('2024-03-01 21:05');
    expect(r.stdout).toContain('2024-04-01 21:45');
  });
});

describe('a diary whose only day above 12 is one row', () => {
  it('is read in part with an error naming the option and the lines; --strict exits 1', () => {
    const args = ['timeline', ROWS, `${DIARY}/day-first-few-over-12.csv`, ...TZ];
    const r = cli(args);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `✖ ${ROWS}:line 6: Cannot tell whether dates are day/month or month/day: only 1 date of the 6 whose reading depends on the order can only be read day/month/year ("25/04/2024" at ${ROWS}:6), but read that way the other rows step back in time 1 time, against 0 times read month/day/year ("04/01/2024" at ${ROWS}:5 after "03/05/2024" at ${ROWS}:4)`,
    );
    expect(r.stderr).toContain(
      '29 records from 2 files: 23 events (23 kept, 0 duplicates), 0 skipped, 6 rejected',
    );
    expect(cli([...args, '--strict']).code).toBe(1);
  });

  it('with --date-order mdy, reads the diary month-first and rejects line 6 with its line', () => {
    const r = cli(['timeline', ROWS, ...TZ, '--date-order', 'mdy']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `✖ ${ROWS}:line 6: Date "25/04/2024" is not a real date read month/day/year, as --date-order mdy asks; read day/month/year it is 25 April 2024\n` +
        '    Re-run with --date-order dmy if the diary writes its dates day/month/year\n',
    );
    expect(r.stderr).toContain(
      '6 records from 1 file: 5 events (5 kept, 0 duplicates), 0 skipped, 1 rejected',
    );
  });
});
