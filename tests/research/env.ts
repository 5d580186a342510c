/** Helpers for the research-mode tests: a quiet in-process environment and a scratch folder with a study key. */
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Chalk } from 'chalk';
import { expect } from 'vitest';
import { anonymiseCommand } from '../../src/cli/commands/anonymise.js';
import type { Environment } from '../../src/cli/environment.js';
import { tempDirs } from '../helpers/temp-dirs.js';

export const NOW = '2024-07-01T09:00:00Z';

export const env: Environment = {
  stdoutChalk: new Chalk({ level: 0 }),
  stderrChalk: new Chalk({ level: 0 }),
  plainChalk: new Chalk({ level: 0 }),
  stdoutIsTTY: false,
  stderrIsTTY: false,
  width: 100,
  stderrWidth: 100,
  systemZone: 'UTC',
  tzdata: null,
};

/**
 * A fresh temporary folder, removed after the last test of the file that made it (the hook is registered when a
 * test file imports this module, so no test has to clean up after itself).
 */
export const scratch: () => string = tempDirs('chronolog-research-');

/** Writes a key file holding `key` and returns its path. */
export function keyFile(dir: string, key: string, name = 'study.key'): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${key}\n`);
  return file;
}

export const KEY_A = 'k4Jq9vX2mR7tY1pL8sD3fG6hZ0cV5bN2wE9uI4oA7yT=';
export const KEY_B = 'Qm3nB8vC1xZ6lK9jH2gF5dS0aP7oI4uY1tR8eW3qE6r=';

/**
 * Writes `kase` as the case file of the input folder `dir`, anonymises the folder into `out` with the key file
 * `key`, and returns the message texts of the anonymised timelines (the `.jsonl` files, in file and line order).
 */
export async function anonymisedFolderTexts(
  dir: string,
  kase: object,
  out: string,
  key: string,
  flags: { readonly shiftDates?: boolean } = {},
): Promise<string[]> {
  writeFileSync(path.join(dir, 'case.json'), `${JSON.stringify(kase)}\n`);
  expect(await anonymiseCommand([dir], { keyFile: key, out, quiet: true, ...flags } as never, env)).toBe(0);
  return readdirSync(out)
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(out, f), 'utf8').split('\n').slice(1).filter(Boolean))
    .map((l) => (JSON.parse(l) as { text?: string | null }).text)
    .filter((t): t is string => typeof t === 'string');
}

/**
 * `anonymisedFolderTexts` of a copy of the fixture folder `fixture` (so the case file it writes stays out of the
 * repository), with the key KEY_A, in a fresh scratch folder; `flags` are anonymise's (`shiftDates`).
 */
export async function anonymisedFixtureTexts(
  fixture: string,
  kase: object,
  flags: { readonly shiftDates?: boolean } = {},
): Promise<string[]> {
  const tmp = scratch();
  const dir = path.join(tmp, 'in');
  mkdirSync(dir, { recursive: true });
  cpSync(fixture, dir, { recursive: true });
  return anonymisedFolderTexts(dir, kase, path.join(tmp, 'out'), keyFile(tmp, KEY_A), flags);
}

const londonFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * `YYYY-MM-DD HH:mm:ss` in London of a UTC instant, told by the platform's time zone data rather than chronolog's
 * own zone code, which the tests check.
 */
export function londonTime(ms: number): string {
  const p = Object.fromEntries(londonFormat.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
