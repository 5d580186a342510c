/**
 * The summary chronolog writes on stderr after a report, broken to fit a terminal (continuing under the text after
 * "chronolog: "), and left whole when stderr is a file or a pipe, which is what a script reads.
 */
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { forStderr } from '../../src/cli/stderr-lines.js';
import { summaryLine } from '../../src/cli/summary.js';
import { displayWidth } from '../../src/reports/format.js';
import { plainChalk } from '../helpers/environment.js';
import { reportOf } from '../helpers/report.js';

const terminal = { stderrIsTTY: true, stderrWidth: 80 };

describe('stderr lines on a terminal', () => {
  it('breaks the summary line to 80 columns under its text, with nothing lost or changed', async () => {
    const line = summaryLine(await reportOf(['fixtures/demo-case']), plainChalk, '/tmp/case/report.json');
    expect(displayWidth(line.split('\n')[0]!)).toBeGreaterThan(150);
    const out = forStderr(line, terminal);
    expect(out.split('\n')).toEqual([
      'chronolog: 1,978 records from 6 files: 1,975 events (1,737 kept, 238',
      '           duplicates), 3 skipped, 0 rejected; 690 incidents; 0 errors, 1',
      '           warning, 2 files not read (listed in the report); written to',
      '           /tmp/case/report.json',
      '',
    ]);
    expect(out.replace(/\n {11}/g, ' ')).toBe(line);
  });

  it('measures without colours and keeps them', async () => {
    const c = new Chalk({ level: 1 });
    const line = summaryLine(await reportOf(['fixtures/demo-case']), c, undefined);
    const out = forStderr(line, terminal);
    expect(out.startsWith('\u001b[2mchronolog:\u001b[22m 1,978 records')).toBe(true);
    const lines = out.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(lines[1]).toMatch(/^ {11}\S/);
  });

  it('leaves every line whole when stderr is not a terminal', async () => {
    const line = summaryLine(await reportOf(['fixtures/demo-case']), plainChalk, '/tmp/case/report.json');
    expect(forStderr(line, { stderrIsTTY: false, stderrWidth: 80 })).toBe(line);
  });
});
