/**
 * Determinism: the same inputs, options and SOURCE_DATE_EPOCH give byte-identical output in every format, on a
 * second run and under another machine time zone (TZ), so a report can be regenerated and compared byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { cli, DEMO, STACK } from '../helpers/cli.js';

// A fixed build time, as reproducible-builds tooling would set it; no --now, so the epoch is what pins the date.
const EPOCH = { SOURCE_DATE_EPOCH: '1719824400' };
const INPUTS = [DEMO, 'fixtures/csv-diary/bad-rows.csv', 'fixtures/sms-backup-xml/truncated-mid-sms.xml'];
const OPTS = ['--tz', 'Europe/London', '--date-order', 'dmy', '--case', `${DEMO}/case.json`];

const runs: [string, string[]][] = [
  ['report json', ['report', ...INPUTS, '--format', 'json', '--chronology', ...OPTS]],
  ['report html', ['report', ...INPUTS, '--format', 'html', ...OPTS]],
  ['report markdown', ['report', ...INPUTS, '--format', 'markdown', ...OPTS]],
  ['report text', ['report', ...INPUTS, '--format', 'text', '--no-color', ...OPTS]],
  ['timeline csv', ['timeline', ...INPUTS, '--format', 'csv', ...OPTS]],
  ['timeline jsonl', ['timeline', ...INPUTS, '--format', 'jsonl', ...OPTS]],
];

describe('byte-identical output', () => {
  for (const [name, args] of runs) {
    it(`${name}: twice, and under TZ=America/New_York with a German locale`, { timeout: 120_000 }, () => {
      const first = cli(args, EPOCH);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).not.toMatch(STACK);
      expect(first.stdout.length).toBeGreaterThan(1000);
      if (name.startsWith('report json') || name.startsWith('report html'))
        expect(first.stdout).toContain('2024-07-01');
      expect(cli(args, EPOCH).stdout).toBe(first.stdout);
      // Another machine zone and locale: neither may leak into any output.
      const other = { ...EPOCH, TZ: 'America/New_York', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' };
      expect(cli(args, other).stdout).toBe(first.stdout);
    });
  }

  it('the input order does not change the JSON report either', { timeout: 60_000 }, () => {
    const a = cli(['report', ...INPUTS, '--format', 'json', ...OPTS], EPOCH);
    const b = cli(['report', ...[...INPUTS].reverse(), '--format', 'json', ...OPTS], EPOCH);
    expect(a.code).toBe(0);
    // Not even the record of the paths given (run.paths), which lists them in the order they are read.
    expect(b.stdout).toBe(a.stdout);
  });
});
