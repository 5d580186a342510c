/** Helpers for the research-mode tests: a quiet in-process environment and a scratch folder with a study key. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Chalk } from 'chalk';
import type { Environment } from '../../src/cli/environment.js';

export const NOW = '2024-07-01T09:00:00Z';

export const env: Environment = {
  stdoutChalk: new Chalk({ level: 0 }),
  stderrChalk: new Chalk({ level: 0 }),
  plainChalk: new Chalk({ level: 0 }),
  stdoutIsTTY: false,
  stderrIsTTY: false,
  width: 100,
  systemZone: 'UTC',
  tzdata: null,
};

/** A fresh temporary folder. */
export function scratch(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'chronolog-research-'));
}

/** Writes a key file holding `key` and returns its path. */
export function keyFile(dir: string, key: string, name = 'study.key'): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${key}\n`);
  return file;
}

export const KEY_A = 'k4Jq9vX2mR7tY1pL8sD3fG6hZ0cV5bN2wE9uI4oA7yT=';
export const KEY_B = 'Qm3nB8vC1xZ6lK9jH2gF5dS0aP7oI4uY1tR8eW3qE6r=';
