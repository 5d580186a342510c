/** Runs the built CLI (`bin/chronolog.cjs`) as a user would, capturing exit code, stdout and stderr. */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/chronolog.cjs');
export const DEMO = 'fixtures/demo-case';
export const NOW = '2024-07-01T09:00:00Z';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const AS_ROOT = process.getuid?.() === 0;

/**
 * `unprivileged`: for permission tests. Root reads any file whatever its mode, so under root the CLI runs through
 * util-linux's `setpriv --bounding-set=-all`: still root (so the checkout stays readable wherever CI clones it,
 * even in a private temp folder), but without the capabilities that bypass file modes.
 */
export function cli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = ROOT,
  opts: { unprivileged?: boolean } = {},
): CliResult {
  const drop = opts.unprivileged === true && AS_ROOT;
  const [cmd, argv] = drop
    ? ['setpriv', ['--bounding-set=-all', '--', process.execPath, BIN, ...args]]
    : [process.execPath, [BIN, ...args]];
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', env: cliEnv(env), maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `cli` without waiting: for tests that compare two runs, which then run at once (vitest runs one test file at a
 * time on a two-core machine, so a second run beside the first costs little time).
 */
export function cliAsync(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(env) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

/** The CLI's environment in tests: the machine's, in UTC, without colour or a fixed "now" unless `env` sets them. */
function cliEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    SOURCE_DATE_EPOCH: undefined,
    TZ: 'UTC',
    ...env,
  };
}

/** Nothing that looks like a JavaScript stack trace. */
export const STACK = /\n\s+at .+\(.*:\d+:\d+\)|\bat file:\/\/|node:internal/;

/** A usage error (exit 2) that printed exactly `stderr`, nothing on stdout and no stack trace. */
export function expectUsageError(r: CliResult, stderr: string): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(stderr);
}
