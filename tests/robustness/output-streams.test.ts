/**
 * Writing --out: a large timeline streams to a file without Node warnings (one 'error' listener for the stream's
 * life, not one per wait for 'drain'); a named pipe or this process's own stdout is written to directly, never
 * replaced by a regular file; a failure after the temporary file was made removes it and says why in words.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToolError } from '../../src/model/errors.js';
import { cli, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-output-');
afterAll(() => s.cleanup());

const MESSAGES = 50_000;
const chat = path.join(s.dir, 'big-chat.txt');
beforeAll(() => {
  const r = spawnSync(process.execPath, [
    path.join(ROOT, 'scripts/bench/gen-whatsapp.mjs'),
    chat,
    String(MESSAGES),
  ]);
  expect(r.status).toBe(0);
});

describe('a large timeline to --out', () => {
  for (const format of ['jsonl', 'csv']) {
    it(`writes ${format} with nothing at all on stderr under --quiet`, () => {
      const out = path.join(s.dir, `timeline.${format}`);
      const r = cli(['timeline', chat, '--format', format, '--out', out, '--quiet']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe('');
      const text = readFileSync(out, 'utf8');
      // Far more than the 16 × 64 KiB of stream buffer it takes to wait for 'drain' more than ten times.
      expect(text.length).toBeGreaterThan(4 << 20);
      if (format === 'jsonl') {
        const last = JSON.parse(text.trimEnd().split('\n').at(-1)!);
        expect(last.file).toBe(chat);
      }
    });
  }
});

describe('--out that is not a regular file', () => {
  it('writes into a named pipe, which stays a pipe', async () => {
    const fifo = path.join(s.dir, 'pipe');
    const received = path.join(s.dir, 'from-pipe.jsonl');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, received]);
    const ended = new Promise<number | null>((resolve) => reader.on('exit', resolve));
    const r = cli(['timeline', DEMO, '--format', 'jsonl', '--out', fifo, '--quiet']);
    expect(await ended).toBe(0);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(statSync(fifo).isFIFO()).toBe(true);
    const direct = cli(['timeline', DEMO, '--format', 'jsonl']);
    expect(readFileSync(received, 'utf8')).toBe(direct.stdout);
  });

  it("writes to the process's own stdout when --out names it", () => {
    const r = cli(['report', DEMO, '--now', NOW, '--out', '/proc/self/fd/1', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(cli(['report', DEMO, '--now', NOW, '--quiet', '--no-color']).stdout);
  });

  it('says in words that a folder is a folder', () => {
    const r = cli(['timeline', DEMO, '--out', s.dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: cannot write ${s.dir}: it is a folder\nhint: --out needs a file name: add one after the folder, e.g. --out ${path.join(s.dir, 'report.txt')}\n`,
    );
    expect(r.stderr).not.toMatch(STACK);
  });
});

describe('a write that fails after the temporary file was made', () => {
  // The temp folder's module stops the process on SIGINT/SIGTERM; this worker's own handlers are put back after.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = signals.map((sig) => process.listeners(sig));
  afterAll(() => {
    signals.forEach((sig, i) => {
      for (const l of process.listeners(sig)) if (!before[i]!.includes(l)) process.off(sig, l);
    });
  });

  it('removes the temporary file and names the reason', async () => {
    const tmp = path.join(s.dir, 'os-tmp');
    mkdirSync(tmp);
    process.env.TMPDIR = tmp;
    const { fileSink } = await import('../../src/cli/output.js');
    const target = path.join(s.dir, 'late.json');
    const sink = fileSink(target);
    await sink.write('{"partial": true}\n');
    // The target becomes a folder while the report is being written: the move into place must fail.
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    const err = await sink.close().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ToolError);
    expect((err as ToolError).message).toBe(`cannot write ${target}: it is a folder`);
    const [folder] = readdirSync(tmp);
    expect(readdirSync(path.join(tmp, folder!))).toEqual([]);
    expect(readdirSync(target)).toEqual(['inside']);
  });
});

describe('error codes in words', () => {
  it('never shows a bare errno code for the common failures', async () => {
    const { cannotWrite } = await import('../../src/cli/output.js');
    const words = (code: string) => cannotWrite('/srv/out/r.json', Object.assign(new Error(code), { code }));
    expect(words('EACCES').message).toBe('cannot write /srv/out/r.json: permission denied');
    expect(words('EPERM').message).toBe('cannot write /srv/out/r.json: permission denied');
    expect(words('EROFS').message).toBe('cannot write /srv/out/r.json: the disk is read-only');
    expect(words('ENOSPC').message).toBe('cannot write /srv/out/r.json: the disk is full');
    expect(words('ENOENT').message).toBe('cannot write /srv/out/r.json: the folder /srv/out does not exist');
    expect(words('ENOENT').hint).toBe('Create the folder first, or choose another --out path.');
    expect(words('EISDIR').hint).not.toMatch(/folder exists/);
    // A code without words is still named, in parentheses.
    expect(words('EIO').message).toBe('cannot write /srv/out/r.json (EIO)');
  });
});
