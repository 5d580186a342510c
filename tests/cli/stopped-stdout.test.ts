/**
 * Ctrl-C while a timeline goes to standard output (`chronolog timeline … > timeline.csv`): the rows written so far
 * stay where they went, and nothing in them says they stop early, so stderr must. Before, the signal's default
 * action ended the run at once with exit 130 and no word, leaving a file that looked complete.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { chat, range } from '../helpers/chats.js';
import { BIN } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-stopped-stdout-');
afterAll(() => s.cleanup());

// 18 days of 1,000 messages: some 4 MB of rows, far more than a pipe holds.
const MESSAGES = 18 * 1000;
const file = s.file('WhatsApp Chat with Sam.txt', chat(5, range(14, 31), 1000, 'dmy'));

/**
 * Runs `timeline` with its rows on a pipe, and sends SIGINT as the first rows arrive. Reading then pauses a
 * moment, so the run is stopped with most rows unwritten however fast it writes: it waits on the full pipe.
 */
function stoppedWhileWriting(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'timeline', file, '--subject', 'Sam'], {
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let sent = false;
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      if (sent) return;
      sent = true;
      child.stdout.pause();
      child.kill('SIGINT');
      setTimeout(() => child.stdout.resume(), 300);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

describe('a timeline on standard output stopped by Ctrl-C', () => {
  it('exits 130 and says on stderr that what standard output holds is cut short', async () => {
    const r = await stoppedWhileWriting();
    expect(r.code).toBe(130);
    expect(r.stderr).toBe(
      '\nchronolog: stopped (Ctrl-C, SIGINT) while writing to standard output: what was written there is cut short and incomplete. Do not use it; run the command again and let it finish.\n',
    );
    const rows = r.stdout.split('\n').length - 2;
    expect(r.stdout).toMatch(/^id,utc,local,/);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(MESSAGES / 2);
  });
});
