/**
 * `batch CASES --out res` and `merge res --out m1` where res/ or m1/ already holds a file of the user's own at the
 * name of a table or state file (`res/daily.csv`, `m1/cases.csv`): refused with exit 2 before anything is written,
 * naming the file, and the file keeps its bytes. An earlier results folder of batch or merge (tables, state files
 * and Parquet parts, with --excel's byte-order mark too) is still replaced, and resumed with --resume.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, expectUsageError, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-batch-out-not-own-');
afterAll(() => s.cleanup());

const FIXTURE = path.join(ROOT, 'fixtures/batch-case-provenance');

/** BASE/CASES holding two cases of the fixture (few-texts, no-zone), read with --tz Europe/London. */
function makeBase(base: string): string {
  const dir = path.join(s.dir, base);
  for (const c of ['few-texts', 'no-zone'])
    cpSync(path.join(FIXTURE, c), path.join(dir, 'CASES', c), { recursive: true });
  return dir;
}

const run = (dir: string, args: string[]) => {
  const r = cli(args, { TZ: 'UTC' }, dir);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe('');
  return r;
};
const batch = (dir: string, out: string, ...more: string[]) =>
  run(dir, ['batch', 'CASES', '--out', out, '--jobs', '1', '--tz', 'Europe/London', ...more]);

const refused = (command: string, out: string, file: string) =>
  `error: --out ${out} would replace ${file}, which ${command} did not write\n` +
  `hint: Nothing was written. ${command} replaces only the tables and state files it wrote itself. Choose another --out (e.g. --out results), or move ${file} elsewhere first.\n`;

describe('batch --out: a file batch did not write is never replaced', () => {
  it('refuses res/daily.csv of the user own, exit 2, and writes nothing', () => {
    const dir = makeBase('daily');
    mkdirSync(path.join(dir, 'res'));
    writeFileSync(path.join(dir, 'res/daily.csv'), 'my,own\n');
    expectUsageError(batch(dir, 'res'), refused('batch', 'res', 'res/daily.csv'));
    expect(readFileSync(path.join(dir, 'res/daily.csv'), 'utf8')).toBe('my,own\n');
    expect(readdirSync(path.join(dir, 'res'))).toEqual(['daily.csv']);
  });

  it('refuses a file of the user own where a case state goes (res/cases/few-texts.json), and a link at a table', () => {
    const dir = makeBase('state');
    mkdirSync(path.join(dir, 'res/cases'), { recursive: true });
    writeFileSync(path.join(dir, 'res/cases/few-texts.json'), '{"my": "notes"}\n');
    expectUsageError(batch(dir, 'res'), refused('batch', 'res', 'res/cases/few-texts.json'));
    expect(readFileSync(path.join(dir, 'res/cases/few-texts.json'), 'utf8')).toBe('{"my": "notes"}\n');
    expect(readdirSync(path.join(dir, 'res/cases'))).toEqual(['few-texts.json']);

    // A link is never batch's: writing the table would replace it.
    writeFileSync(path.join(dir, 'diary.csv'), 'date,what\n2024-03-17,he called\n');
    mkdirSync(path.join(dir, 'res2'));
    symlinkSync('../diary.csv', path.join(dir, 'res2/errors.csv'));
    expectUsageError(batch(dir, 'res2'), refused('batch', 'res2', 'res2/errors.csv'));
    expect(readdirSync(path.join(dir, 'res2'))).toEqual(['errors.csv']);
  });

  it('still replaces and resumes its own earlier results folder (with --excel too), and leaves files it does not write', () => {
    const dir = makeBase('own');
    const first = batch(dir, 'res', '--excel');
    expect(first.code, first.stderr).toBe(0);
    writeFileSync(path.join(dir, 'res/notes.txt'), 'mine\n');
    const again = batch(dir, 'res');
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^2 cases: 2 analysed, 0 unchanged, 0 failed; tables in res\n/);
    const resumed = batch(dir, 'res', '--resume');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/^2 cases: 0 analysed, 2 unchanged, 0 failed; tables in res\n/);
    expect(readFileSync(path.join(dir, 'res/notes.txt'), 'utf8')).toBe('mine\n');
    // An empty file holds nothing to lose.
    writeFileSync(path.join(dir, 'res/daily.csv'), '');
    expect(batch(dir, 'res').code).toBe(0);
    expect(readFileSync(path.join(dir, 'res/daily.csv'), 'utf8')).toMatch(/^case,date,channel,incidents\n/);
  });
});

describe('merge --out: a file merge did not write is never replaced', () => {
  it('refuses m1/cases.csv of the user own, exit 2, and writes nothing; an earlier merged set is replaced', () => {
    const dir = makeBase('merge');
    expect(batch(dir, 'res').code).toBe(0);
    mkdirSync(path.join(dir, 'm1'));
    writeFileSync(path.join(dir, 'm1/cases.csv'), 'my,own\n');
    expectUsageError(run(dir, ['merge', 'res', '--out', 'm1']), refused('merge', 'm1', 'm1/cases.csv'));
    expect(readFileSync(path.join(dir, 'm1/cases.csv'), 'utf8')).toBe('my,own\n');
    expect(existsSync(path.join(dir, 'm1/cases'))).toBe(false);

    for (let i = 0; i < 2; i++) {
      const merged = run(dir, ['merge', 'res', '--out', 'm2']);
      expect(merged.code, merged.stderr).toBe(0);
      expect(merged.stderr).toBe('merged 2 cases from 1 folder into m2\n');
    }
    expect(readFileSync(path.join(dir, 'm2/cases.csv'))).toEqual(
      readFileSync(path.join(dir, 'res/cases.csv')),
    );
  });
});
