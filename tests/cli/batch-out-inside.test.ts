/**
 * `chronolog batch cases --out cases/results`, run twice: the results folder inside the folder of cases is batch's
 * own, so it is no case and its tables are no inputs; the second run replaces them as a run outside would. An
 * --out that is a case folder, lies inside one, or is the folder of cases is still refused (exit 2), and a file
 * batch did not write is never replaced.
 */
import {
  cpSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, expectUsageError, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-batch-out-inside-');
afterAll(() => s.cleanup());

const TABLES = ['cases.csv', 'channels.csv', 'daily.csv', 'errors.csv', 'events.parquet'];
const HINT = 'hint: Nothing was written. Write the tables to a folder of their own, e.g. --out results.\n';

/** BASE/cases/case-1 (an SMS backup) and BASE/cases/case-2 (a call log), each with the demo case file. */
function makeCases(base: string): void {
  const files = { 'case-1': 'sms-20240315120000.xml', 'case-2': 'calls-20240601090000.xml' };
  for (const [name, file] of Object.entries(files)) {
    mkdirSync(path.join(s.dir, base, 'cases', name), { recursive: true });
    for (const f of ['case.json', file])
      cpSync(path.join(ROOT, DEMO, f), path.join(s.dir, base, 'cases', name, f));
  }
}

const run = (base: string, args: string[]) => {
  const r = cli(['batch', 'cases', '--jobs', '1', ...args], {}, path.join(s.dir, base));
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe('');
  return r;
};

/** Every file batch wrote under OUT (tables and states), by relative path, with its bytes. */
function written(out: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const f of [...TABLES, ...readdirSync(path.join(out, 'cases')).map((n) => `cases/${n}`)])
    files.set(f, readFileSync(path.join(out, f)));
  return files;
}

const caseNames = (out: string) =>
  readFileSync(path.join(out, 'cases.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);

describe('batch --out inside the folder of cases', () => {
  it('runs twice with exit 0, the same tables and the same cases; the results folder is no case', () => {
    makeCases('twice');
    const base = path.join(s.dir, 'twice');
    const results = path.join(base, 'cases/results');
    expect(run('twice', ['--out', 'outside']).code).toBe(0);
    const first = run('twice', ['--out', 'cases/results']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe('2 cases: 2 analysed, 0 unchanged, 0 failed; tables in cases/results\n');
    const before = written(results);
    expect(caseNames(results)).toEqual(['case-1', 'case-2']);

    const second = run('twice', ['--out', 'cases/results']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toBe(
      '2 cases: 2 analysed, 0 unchanged, 0 failed; tables in cases/results (not read as a case)\n',
    );
    expect(written(results)).toEqual(before);
    expect(readFileSync(path.join(results, 'errors.csv'), 'utf8')).toBe('case,reason\n');
    expect(readdirSync(path.join(results, 'cases')).sort()).toEqual([
      'case-1.json',
      'case-1.parquet',
      'case-2.json',
      'case-2.parquet',
    ]);

    // The same tables as a run outside the cases (made first, before there was a results folder to pass over).
    for (const f of TABLES) expect(readFileSync(path.join(base, 'outside', f))).toEqual(before.get(f));

    // --resume, and a .DS_Store the file manager left there, change nothing.
    s.file('twice/cases/results/.DS_Store', 'finder');
    const resumed = run('twice', ['--out', 'cases/results', '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toBe(
      '2 cases: 0 analysed, 2 unchanged, 0 failed; tables in cases/results (not read as a case)\n',
    );
    expect(written(results)).toEqual(before);
  });

  it('passes over the results folder of an earlier run with another --out, and says so in errors.csv', () => {
    makeCases('earlier');
    expect(run('earlier', ['--out', 'cases/results']).code).toBe(0);
    const other = run('earlier', ['--out', 'elsewhere']);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).toBe(
      '2 cases: 2 analysed, 0 unchanged, 0 failed; 1 earlier results folder not read (see errors.csv); tables in elsewhere\n',
    );
    const elsewhere = path.join(s.dir, 'earlier/elsewhere');
    expect(caseNames(elsewhere)).toEqual(['case-1', 'case-2']);
    expect(readFileSync(path.join(elsewhere, 'errors.csv'), 'utf8')).toBe(
      'case,reason\nresults,"BATCH_EARLIER_OUTPUT: the tables of an earlier chronolog batch run (its cases.csv), not a case, so it was not read; move it out of the folder of cases if it is no longer needed"\n',
    );
    // A file batch did not write makes it a case again: evidence is never passed over as a results folder.
    s.file('earlier/cases/results/chat.txt', '12/07/2023, 22:35 - Sam: hi\n');
    const mixed = run('earlier', ['--out', 'elsewhere']);
    expect(mixed.stderr).toBe('3 cases: 2 analysed, 0 unchanged, 1 failed; tables in elsewhere\n');
    expect(readFileSync(path.join(elsewhere, 'errors.csv'), 'utf8')).toMatch(
      /^case,reason\nresults,USAGE_NO_SUBJECT: /,
    );
  });

  it('refuses an --out whose cases/ folder (where batch keeps its state files) is the folder of cases', () => {
    makeCases('dot');
    const r = run('dot', ['--out', '.']);
    expectUsageError(
      r,
      "error: --out . would keep batch's state files in cases, which is the folder of cases being read\n" +
        HINT,
    );
    // Nothing was written, among the cases or beside them.
    expect(readdirSync(path.join(s.dir, 'dot')).sort()).toEqual(['cases']);
    expect(readdirSync(path.join(s.dir, 'dot/cases')).sort()).toEqual(['case-1', 'case-2']);
  });

  it('leaves out a symbolic link in the folder of cases to the --out folder too', () => {
    makeCases('linked');
    symlinkSync(path.join(s.dir, 'linked/results'), path.join(s.dir, 'linked/cases/results'));
    expect(run('linked', ['--out', 'results']).code).toBe(0);
    const again = run('linked', ['--out', 'results']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe(
      '2 cases: 2 analysed, 0 unchanged, 0 failed; tables in results (not read as a case)\n',
    );
    expect(caseNames(path.join(s.dir, 'linked/results'))).toEqual(['case-1', 'case-2']);
  });

  it('refuses an --out that is a case folder, and writes nothing there', () => {
    makeCases('is-case');
    const r = run('is-case', ['--out', 'cases/case-1']);
    expectUsageError(
      r,
      "error: --out cases/case-1 is the case folder cases/case-1, which holds that case's inputs (cases/case-1/case.json, …)\n" +
        HINT,
    );
    expect(readdirSync(path.join(s.dir, 'is-case/cases/case-1')).sort()).toEqual([
      'case.json',
      'sms-20240315120000.xml',
    ]);
  });

  it('refuses an --out inside a case folder or equal to the folder of cases', () => {
    makeCases('inside');
    const r = run('inside', ['--out', 'cases/case-2/results']);
    expectUsageError(
      r,
      "error: --out cases/case-2/results is inside the case folder cases/case-2, so the tables would become that case's inputs\n" +
        HINT,
    );
    expect(existsSync(path.join(s.dir, 'inside/cases/case-2/results'))).toBe(false);
    const all = run('inside', ['--out', './cases/']);
    expectUsageError(all, `error: --out ./cases/ is the folder of cases being read\n${HINT}`);
    expect(existsSync(path.join(s.dir, 'inside/cases/cases.csv'))).toBe(false);
  });

  it('reads a results folder that holds a file batch did not write as a case, and refuses to write there', () => {
    makeCases('notes');
    expect(run('notes', ['--out', 'cases/results']).code).toBe(0);
    s.file('notes/cases/results/notes.txt', 'Called the police on 3 June.\n');
    const tables = written(path.join(s.dir, 'notes/cases/results'));
    const r = run('notes', ['--out', 'cases/results']);
    expectUsageError(
      r,
      "error: --out cases/results is the case folder cases/results, which holds that case's inputs (cases/results/notes.txt, …)\n" +
        HINT,
    );
    expect(written(path.join(s.dir, 'notes/cases/results'))).toEqual(tables);
  });

  it("never replaces a case's input that a file of the results folder links to", () => {
    makeCases('links');
    expect(run('links', ['--out', 'cases/results']).code).toBe(0);
    const results = path.join(s.dir, 'links/cases/results');
    // A symbolic link is never batch's own file: the folder is then a case, and refused.
    const sms = path.join(s.dir, 'links/cases/case-1/sms-20240315120000.xml');
    const smsBytes = readFileSync(sms);
    rmSync(path.join(results, 'errors.csv'));
    symlinkSync(sms, path.join(results, 'errors.csv'));
    const soft = run('links', ['--out', 'cases/results']);
    expectUsageError(
      soft,
      "error: --out cases/results is the case folder cases/results, which holds that case's inputs (cases/results/errors.csv, …)\n" +
        HINT,
    );
    expect(readFileSync(sms)).toEqual(smsBytes);
    // A hard link looks like batch's own table, but the same file is also an input of case-1: the guard refuses.
    rmSync(path.join(results, 'errors.csv'));
    s.file('links/cases/results/errors.csv', 'case,reason\n');
    const copied = path.join(s.dir, 'links/cases/case-1/daily.csv');
    cpSync(path.join(results, 'daily.csv'), copied);
    rmSync(path.join(results, 'daily.csv'));
    linkSync(copied, path.join(results, 'daily.csv'));
    const copiedBytes = readFileSync(copied);
    const hard = run('links', ['--out', 'cases/results']);
    expectUsageError(
      hard,
      'error: --out cases/results would overwrite the input file cases/case-1/daily.csv\n' +
        'hint: Nothing was written. Write the tables somewhere else, preferably outside the folders being read, e.g. --out results.\n',
    );
    expect(readFileSync(copied)).toEqual(copiedBytes);
  });
});
