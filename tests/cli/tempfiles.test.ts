/**
 * Outputs are written to a private temporary folder and moved into place when finished (src/cli/tempfiles.ts);
 * Ctrl-C or SIGTERM removes the folder and says what was written. A batch publishes each case's outputs as it
 * finishes them, so a run stopped part-way has written some: the message must not say "no output was written"
 * then.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { stoppedMessage } from '../../src/cli/tempfiles.js';
import { ROOT } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'chronolog-stopped-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs the built tempfiles module in a child that publishes `finished` files into `dir`, starts one more, and
 * stops itself with `signal`; returns its exit code, stderr and the temporary file it had started.
 */
function stopped(finished: number, signal: 'SIGTERM' | 'SIGINT') {
  const module = pathToFileURL(path.join(ROOT, 'dist/cli/tempfiles.js')).href;
  const script = `
    import { writeFileSync } from 'node:fs';
    import { publish, tempPath } from ${JSON.stringify(module)};
    for (let i = 0; i < ${finished}; i++) {
      const tmp = tempPath('out.json');
      writeFileSync(tmp, '{}');
      await publish(tmp, ${JSON.stringify(dir)} + '/out-' + i + '.json');
    }
    const unfinished = tempPath('last.json');
    writeFileSync(unfinished, '{');
    process.stdout.write(unfinished);
    process.kill(process.pid, ${JSON.stringify(signal)});
    setTimeout(() => {}, 10000);
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr, unfinished: r.stdout };
}

describe('a run stopped by a signal', () => {
  it('says no output was written when none was, and removes its temporary files', () => {
    const r = stopped(0, 'SIGTERM');
    expect(r.code).toBe(143);
    expect(r.stderr.trim()).toBe('chronolog: stopped (SIGTERM); no output was written.');
    expect(r.unfinished).toContain('chronolog-');
    expect(existsSync(r.unfinished)).toBe(false);
  });

  it('keeps and names what it had finished, and says nothing else was written', () => {
    const r = stopped(2, 'SIGINT');
    expect(r.code).toBe(130);
    expect(r.stderr.trim()).toBe(
      'chronolog: stopped (Ctrl-C, SIGINT); the 2 output files finished before it were kept, and nothing else was written.',
    );
    expect(readFileSync(path.join(dir, 'out-1.json'), 'utf8')).toBe('{}');
    expect(existsSync(r.unfinished)).toBe(false);
  });

  it('words one file and many', () => {
    expect(stoppedMessage('SIGTERM', 1)).toBe(
      'chronolog: stopped (SIGTERM); the output file finished before it was kept, and nothing else was written.',
    );
    expect(stoppedMessage('SIGTERM', 1200)).toContain('the 1,200 output files finished before it were kept');
  });

  it('says whether output on standard output was cut short, and names SIGINT as Ctrl-C', () => {
    expect(stoppedMessage('SIGINT', 0, 'none')).toBe(
      'chronolog: stopped (Ctrl-C, SIGINT); no output was written.',
    );
    expect(stoppedMessage('SIGTERM', 0, 'part')).toBe(
      'chronolog: stopped (SIGTERM) while writing to standard output: what was written there is cut short and incomplete. Do not use it; run the command again and let it finish.',
    );
    expect(stoppedMessage('SIGINT', 0, 'all')).toBe(
      'chronolog: stopped (Ctrl-C, SIGINT) after the output was written in full.',
    );
  });
});
