/**
 * A window that no export covers a day of (a mistyped --from/--to year, or a window chosen after the last export)
 * runs, exit 0, with a warning on stderr that gives the exports' days and asks to check --from/--to: with --format
 * json, markdown or html the report's problem list is not on the screen, and "2 warnings" alone would pass unseen.
 * The terminal report lists it among its problems on stdout, so it is not repeated on stderr there.
 */
import { describe, expect, it } from 'vitest';
import { cli, DEMO, NOW } from '../helpers/cli.js';

const WARNING =
  '  ! No export covers any day of the window 2030-01-01 to 2030-02-01: the exports cover 2023-12-01 to 2024-06-29. The report gives no rate for the window.\n' +
  '    Check --from/--to (or "window" in the case file); the exports cover 2023-12-01 to 2024-06-29.\n';

describe('report with a window no export covers (demo case, --from 2030-01-01 --to 2030-02-01)', () => {
  it('JSON on stdout: exit 0, the warning on stderr under the summary line', () => {
    const r = cli([
      'report',
      DEMO,
      '--from',
      '2030-01-01',
      '--to',
      '2030-02-01',
      '--format',
      'json',
      '--now',
      NOW,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /0 errors, 2 warnings, 2 files not read \(listed in the report\)\n {2}! No export/,
    );
    expect(r.stderr.endsWith(WARNING)).toBe(true);
    const j = JSON.parse(r.stdout);
    expect(j.escalation.rate.perDay).toBeNull();
    expect(j.problems.map((p: { code: string }) => p.code)).toContain('CASE_WINDOW_NOT_EXPORTED');
  });

  it('text on stdout: the warning in the report’s problems, not again on stderr', () => {
    const r = cli(['report', DEMO, '--from', '2030-01-01', '--to', '2030-02-01', '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(WARNING);
    expect(r.stdout).toContain(
      'Rate        not given: no export covers 2030-01-01 → 2030-02-01 (the exports end on 2024-06-29)',
    );
    expect(r.stderr).not.toContain('No export covers');
  });

  it('a window the exports cover gives no such warning', () => {
    const r = cli([
      'report',
      DEMO,
      '--from',
      '2024-03-01',
      '--to',
      '2024-04-30',
      '--format',
      'json',
      '--now',
      NOW,
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('No export covers');
  });
});
