/**
 * Standard output that cannot be written: a full disk (`> /dev/full`) fails every command that writes to stdout the
 * way an unwritable --out file does (exit 1, what happened and what to do, no stack trace); a reader that stops
 * early (`| head`) ends the run quietly with exit 0; messages that cannot be shown (`2> /dev/full`, `2>&1 | head`)
 * never change the outcome of a run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-stdout-');
afterAll(() => s.cleanup());

const ENV = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TZ: 'UTC' };

/** Runs the CLI with stdout (or stderr) opened on `device`, the other stream captured. */
function onDevice(args: readonly string[], device: string, stream: 'stdout' | 'stderr' = 'stdout') {
  const fd = openSync(device, 'w');
  try {
    const stdio: ('ignore' | 'pipe' | number)[] =
      stream === 'stdout' ? ['ignore', fd, 'pipe'] : ['ignore', 'pipe', fd];
    const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', stdio });
    return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
  } finally {
    closeSync(fd);
  }
}

/**
 * Runs the CLI with stdout a pipe whose reader stops: at once (`| true`), or after the first chunk (`| head -c1`).
 */
function readerStops(args: readonly string[], after: 'at once' | 'first chunk') {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  if (after === 'at once') child.stdout.destroy();
  else child.stdout.once('data', () => child.stdout.destroy());
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

const FULL = [
  'error: cannot write to standard output: the disk is full',
  'hint: Free some space, or send the output to a file on another disk (> FILE, or --out FILE where the command has it).',
  '',
].join('\n');

const COMMANDS: [string, string[]][] = [
  ['report', ['report', DEMO, '--format', 'json', '--now', NOW]],
  ['report (text)', ['report', DEMO, '--now', NOW]],
  ['timeline', ['timeline', DEMO]],
  ['inspect', ['inspect', DEMO]],
  ['inspect --format json', ['inspect', DEMO, '--format', 'json']],
  ['schema', ['schema']],
  ['formats', ['formats']],
  ['formats --json', ['formats', '--json']],
  ['--help', ['--help']],
  ['timeline --help', ['timeline', '--help']],
];

describe('stdout on a full disk', () => {
  it.each(COMMANDS)('%s: exit 1, the reason and a hint, nothing else', (_name, args) => {
    const r = onDevice(args, '/dev/full');
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toBe(FULL);
    expect(r.code).toBe(1);
  });

  it('verify: the same', () => {
    const report = path.join(s.dir, 'report.json');
    const made = spawnSync(
      process.execPath,
      [BIN, 'report', DEMO, '-f', 'json', '--now', NOW, '--out', report],
      {
        cwd: ROOT,
        env: ENV,
      },
    );
    expect(made.status).toBe(0);
    const r = onDevice(['verify', report], '/dev/full');
    expect(r.stderr).toBe(FULL);
    expect(r.code).toBe(1);
  });

  it('names an error it has no words for by its code', async () => {
    const { cannotWriteStdout } = await import('../../src/cli/output.js');
    const err = cannotWriteStdout(Object.assign(new Error('EIO'), { code: 'EIO' }));
    expect(err.message).toBe('cannot write to standard output: an error occurred (EIO)');
    expect(err.hint).toBe(
      'Check where the output goes (the file after > or the program after |), or send it to a file instead (> FILE).',
    );
  });
});

describe('a reader that stops early', () => {
  it.each(COMMANDS)('%s, reader gone at once: exit 0, nothing said', async (_name, args) => {
    const r = await readerStops(args, 'at once');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('a long timeline, reader gone after the first chunk: exit 0, nothing said', async () => {
    const r = await readerStops(['timeline', DEMO], 'first chunk');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('a reader slower than the run', () => {
  // The bin ends the process itself once the command is done (bin/chronolog.cjs): never before what was written
  // to stdout has all reached the reader.
  it('gets every byte of a long timeline, read only after a pause', async () => {
    const args = ['timeline', DEMO, '--format', 'jsonl'];
    const whole = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV, maxBuffer: 1 << 26 });
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: ENV });
    child.stdout.pause();
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    child.stdout.resume();
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(whole.stdout.length).toBeGreaterThan(256 << 10);
    expect(Buffer.concat(chunks).equals(whole.stdout)).toBe(true);
  });
});

describe('stderr that cannot be written', () => {
  it('leaves the run as it was: the report written, exit 0', () => {
    const out = path.join(s.dir, 'report.txt');
    const r = onDevice(['report', DEMO, '--now', NOW, '--out', out], '/dev/full', 'stderr');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^chronolog — /);
  });

  it('keeps the exit code of --strict when it fails', () => {
    const bad = s.file(
      'bad.xml',
      `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <sms protocol="0" address="+447700900123" date="1709312640000" type="1" body="answer me" contact_name="Sam" />
  <sms protocol="0" address="+447700900123" date="abc" type="1" body="are you ignoring me" contact_name="Sam" />
</smses>
`,
    );
    const r = onDevice(['timeline', bad, '--strict'], '/dev/full', 'stderr');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^id,utc,local,/);
  });
});
