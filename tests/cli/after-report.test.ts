/**
 * The built CLI checks records against the report's own generation time, from --now or SOURCE_DATE_EPOCH
 * (timeline/future.ts; tests/pipeline/after-report.test.ts has the rule): the same inputs and time give the same
 * report, and the demo case is unaffected.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, NOW } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'after-report-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CHAT = 'WhatsApp Chat with Sam.txt';
const file = join(tmp, CHAT);
// The demo chat, then two messages from a phone whose clock was set to 2031.
writeFileSync(
  file,
  `${readFileSync(join(DEMO, CHAT), 'utf8')}01/04/2031, 08:02 - Sam: Why did you block me\n02/04/2031, 22:40 - Sam: Answer me\n`,
);
copyFileSync(join(DEMO, 'case.json'), join(tmp, 'case.json'));

const problems = (stdout: string) =>
  (JSON.parse(stdout) as { problems: { code: string; file?: string; locator?: string }[] }).problems.filter(
    (p) => p.code === 'TIMELINE_AFTER_REPORT',
  );

describe('records dated after the report, through the CLI', () => {
  it('--now and SOURCE_DATE_EPOCH both set the bound, and the same one gives the same report', () => {
    const byNow = cli(['report', tmp, '--format', 'json', '--now', NOW]);
    expect(byNow.code).toBe(0);
    expect(problems(byNow.stdout)).toMatchObject([{ file, locator: 'line 93' }]);
    const byEpoch = cli(['report', tmp, '--format', 'json'], {
      SOURCE_DATE_EPOCH: String(Date.parse(NOW) / 1000),
    });
    expect(byEpoch.stdout).toBe(byNow.stdout);
    // Generated after 2031, nothing is in the future.
    expect(problems(cli(['report', tmp, '--format', 'json', '--now', '2031-06-01']).stdout)).toEqual([]);
  });

  it('leaves the demo case as it was', () => {
    const demo = cli(['report', DEMO, '--format', 'json', '--now', NOW]);
    expect(demo.code).toBe(0);
    expect(problems(demo.stdout)).toEqual([]);
    expect(demo.stdout).not.toContain('time-after-report');
  });
});
