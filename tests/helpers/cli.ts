/** Runs the built CLI (`bin/chronolog.js`) as a user would, capturing exit code, stdout and stderr. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/chronolog.js');
export const DEMO = 'fixtures/demo-case';
export const NOW = '2024-07-01T09:00:00Z';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `user` runs it as another account (uid and gid), e.g. `nobody` for permission tests under root. */
export function cli(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  cwd = ROOT,
  user?: { uid: number; gid: number },
): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      NO_COLOR: undefined,
      FORCE_COLOR: undefined,
      SOURCE_DATE_EPOCH: undefined,
      TZ: 'UTC',
      ...env,
    },
    maxBuffer: 1 << 28,
    ...user,
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Nothing that looks like a JavaScript stack trace. */
export const STACK = /\n\s+at .+\(.*:\d+:\d+\)|\bat file:\/\/|node:internal/;
