/**
 * What `batch` and `merge` tell the person running them: exit 0 when at least one case was analysed (some broken
 * cases are normal in a batch, errors.csv lists them), exit 1 when every case tried failed or DIR holds no case
 * (a shard with none of them is no failure); a --resume summary
 * that tells analysed cases from unchanged ones; and a merge conflict that names both folders and what to do.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { shardOf } from '../../src/cli/commands/batch.js';
import { VERSION } from '../../src/cli/version.js';
import { cli, DEMO, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-batch-exit-');
afterAll(() => s.cleanup());

/** BASE/cases/<name> holding the demo case file and one demo export. */
function good(base: string, name: string, file = 'sms-20240315120000.xml'): void {
  mkdirSync(path.join(s.dir, base, 'cases', name), { recursive: true });
  for (const f of ['case.json', file])
    cpSync(path.join(ROOT, DEMO, f), path.join(s.dir, base, 'cases', name, f));
}

/** BASE/cases/<name> with nothing chronolog recognises. */
function broken(base: string, name: string): void {
  s.file(`${base}/cases/${name}/notes.bin`, Buffer.from([0, 1, 2, 3, 255]));
}

const run = (base: string, args: string[]) => {
  const r = cli(args, {}, path.join(s.dir, base));
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe('');
  return r;
};

const csvLines = (base: string, file: string) =>
  readFileSync(path.join(s.dir, base, file), 'utf8')
    .trim()
    .split('\n');

describe('batch exit codes', () => {
  it('exits 1 when every case failed, with the tables still written and the reason in errors.csv', () => {
    broken('all-failed', 'case-1');
    broken('all-failed', 'case-2');
    const r = run('all-failed', ['batch', 'cases', '--out', 'out', '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '2 cases: 0 analysed, 0 unchanged, 2 failed; tables in out\n' +
        `error: all 2 cases in cases failed, so the tables hold no case; ${path.join('out', 'errors.csv')} gives the reason for each\n` +
        'hint: A case folder needs an export chronolog reads and a case.json naming the subject or the victim. Fix the cases and run the same command again.\n',
    );
    expect(csvLines('all-failed', 'out/cases.csv')).toHaveLength(1);
    const errors = csvLines('all-failed', 'out/errors.csv');
    expect(errors.slice(1).map((l) => l.split(',')[0])).toEqual(['case-1', 'case-2']);
    expect(errors[1]).toMatch(/^case-1,"INPUT_NOTHING_RECOGNISED: .*notes.bin: binary file/);

    // --quiet drops the summary, never the error.
    const quiet = run('all-failed', ['batch', 'cases', '--out', 'out', '--quiet']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toMatch(/^error: all 2 cases in cases failed/);
  });

  it('exits 1 for a single case that failed, and names it as the one case', () => {
    broken('one-failed', 'case-1');
    const r = run('one-failed', ['batch', 'cases', '--out', 'out', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: the one case in cases failed, so the tables hold no case;/);
  });

  it('names the shard when every case of a shard failed, not the whole folder', () => {
    // case-1 fails; the other cases are good and fall in the other shard (shardOf hashes the name alone).
    const mine = shardOf('case-1', 2);
    const others = ['case-2', 'case-3', 'case-4', 'case-5'].filter((n) => shardOf(n, 2) !== mine);
    expect(others.length).toBeGreaterThan(0);
    broken('shard-failed', 'case-1');
    for (const n of others) good('shard-failed', n);
    const r = run('shard-failed', ['batch', 'cases', '--out', 'out', '--shard', `${mine}/2`, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`^error: the one case of shard ${mine}/2 in cases failed, so the tables hold no case;`),
    );
  });

  it('exits 0 when some cases failed and others were analysed', () => {
    good('some-failed', 'case-1');
    broken('some-failed', 'case-2');
    const r = run('some-failed', ['batch', 'cases', '--out', 'out', '--jobs', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('2 cases: 1 analysed, 0 unchanged, 1 failed; tables in out\n');
    expect(csvLines('some-failed', 'out/errors.csv')).toHaveLength(2);
  });

  // An empty folder of cases is almost always the wrong folder: "0 cases" with exit 0 passed for a batch done.
  it('exits 1, writing nothing, for a folder that holds no case folder', () => {
    mkdirSync(path.join(s.dir, 'empty', 'cases', '.git'), { recursive: true });
    s.file('empty/cases/.DS_Store', 'hidden');
    const r = run('empty', ['batch', 'cases', '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: cases holds no case folders: batch reads each subfolder of the folder it is given as one case; nothing was written\n' +
        'hint: Give the folder that holds one subfolder per case (e.g. cases, holding cases/alice and cases/bob); to report on one case: chronolog report FOLDER.\n',
    );
    expect(existsSync(path.join(s.dir, 'empty', 'out'))).toBe(false);
    // --quiet drops the summary, never the error; batch's own --out folder inside is no case either.
    mkdirSync(path.join(s.dir, 'empty', 'cases', 'results'));
    const inside = run('empty', ['batch', 'cases', '--out', 'cases/results', '--quiet']);
    expect(inside.code).toBe(1);
    expect(inside.stderr).toMatch(
      /^error: cases holds no case folders, only the --out folder results: batch reads each subfolder/,
    );
    expect(existsSync(path.join(s.dir, 'empty', 'cases', 'results', 'cases.csv'))).toBe(false);
  });

  it('exits 1 when its only subfolder is a link that cannot be followed, with the reason in errors.csv', () => {
    mkdirSync(path.join(s.dir, 'links-only', 'cases'), { recursive: true });
    symlinkSync(
      path.join(s.dir, 'links-only', 'unmounted', 'alice'),
      path.join(s.dir, 'links-only', 'cases', 'alice'),
    );
    const r = run('links-only', ['batch', 'cases', '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      '0 cases: 0 analysed, 0 unchanged, 0 failed; 1 link not read (see errors.csv); tables in out\n' +
        `error: cases holds no case that could be read, only 1 link not read; ${path.join('out', 'errors.csv')} gives the reason for each\n` +
        'hint: Give the folder that holds one subfolder per case; a link to a case on another disk is read once that disk is mounted.\n',
    );
    expect(csvLines('links-only', 'out/errors.csv')[1]).toMatch(/^alice,"?BATCH_LINK_BROKEN: /);
  });

  it('exits 0 for a shard none of the cases falls in: the other shards have them', () => {
    good('empty-shard', 'case-1');
    const other = (shardOf('case-1', 2) % 2) + 1;
    const r = run('empty-shard', ['batch', 'cases', '--out', 'out', '--shard', `${other}/2`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('0 cases: 0 analysed, 0 unchanged, 0 failed; tables in out\n');
    expect(csvLines('empty-shard', 'out/cases.csv')).toHaveLength(1);
  });

  it('exits 1, writing nothing, when given one case folder instead of the folder of cases', () => {
    // The demo case as it is: exports, a case.json, and the subfolder of an iPhone export, which batch would
    // otherwise take for a case of its own while passing over every export beside it.
    cpSync(path.join(ROOT, DEMO), path.join(s.dir, 'one-case', 'cases', 'demo'), { recursive: true });
    const r = run('one-case', ['batch', 'cases/demo', '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: cases/demo holds case.json, so it is one case: batch reads each subfolder of the folder it is given as one case\n' +
        'hint: To report on it as one case: chronolog report cases/demo. For a batch, give the folder that holds one subfolder per case.\n',
    );
    expect(existsSync(path.join(s.dir, 'one-case', 'out'))).toBe(false);
    // The folder of cases it belongs in is a batch of one.
    expect(run('one-case', ['batch', 'cases', '--out', 'out', '--jobs', '1']).code).toBe(0);
  });

  it('exits 1, writing nothing, when given a folder of exports with no case file and no subfolder', () => {
    for (const f of [
      'calls-20240601090000.xml',
      'sms-20240315120000.xml',
      'incident-diary.csv',
      'notes.txt',
    ]) {
      cpSync(path.join(ROOT, DEMO, f), path.join(s.dir, 'exports-only', 'exports', f));
    }
    const r = run('exports-only', ['batch', 'exports', '--out', 'out']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: exports holds no case folders, only 4 files (calls-20240601090000.xml, incident-diary.csv, notes.txt and sms-20240315120000.xml): batch reads each subfolder of the folder it is given as one case\n' +
        'hint: To report on it as one case: chronolog report exports. For a batch, give the folder that holds one subfolder per case.\n',
    );
    expect(existsSync(path.join(s.dir, 'exports-only', 'out'))).toBe(false);
    // Five or more: three named, and how many more.
    cpSync(path.join(ROOT, DEMO, 'README.md'), path.join(s.dir, 'exports-only', 'exports', 'README.md'));
    expect(run('exports-only', ['batch', 'exports', '--out', 'out']).stderr).toContain(
      'only 5 files (README.md, calls-20240601090000.xml, incident-diary.csv and 2 more)',
    );
    // One file is named alone.
    cpSync(path.join(ROOT, DEMO, 'notes.txt'), path.join(s.dir, 'one-file', 'exports', 'notes.txt'));
    expect(run('one-file', ['batch', 'exports', '--out', 'out']).stderr).toContain(
      'only 1 file (notes.txt):',
    );
  });

  it('documents the exit codes in batch --help', () => {
    const r = cli(['batch', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '1  every case tried failed (the tables are still written, errors.csv says why)',
    );
  });
});

describe('batch --resume summary', () => {
  it('counts the cases analysed apart from those left unchanged', () => {
    good('resume', 'case-1');
    good('resume', 'case-2', 'calls-20240601090000.xml');
    good('resume', 'case-3');
    expect(run('resume', ['batch', 'cases', '--out', 'out', '--jobs', '1']).stderr).toBe(
      '3 cases: 3 analysed, 0 unchanged, 0 failed; tables in out\n',
    );
    s.file('resume/cases/case-2/notes.txt', 'added later\n');
    const r = run('resume', ['batch', 'cases', '--out', 'out', '--jobs', '1', '--resume']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('3 cases: 1 analysed, 2 unchanged, 0 failed; tables in out\n');
    // Every case unchanged is a success too.
    const again = run('resume', ['batch', 'cases', '--out', 'out', '--resume']);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('3 cases: 0 analysed, 3 unchanged, 0 failed; tables in out\n');
    // A case another version analysed is analysed again: that version may have counted differently.
    const state = path.join(s.dir, 'resume/out/cases/case-3.json');
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { generator?: string };
    expect(saved.generator).toBe(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    writeFileSync(state, JSON.stringify({ ...saved, generator: '0.0.1' }));
    expect(run('resume', ['batch', 'cases', '--out', 'out', '--resume']).stderr).toBe(
      '3 cases: 1 analysed, 2 unchanged, 0 failed; tables in out\n',
    );
  });
});

describe('merge conflict', () => {
  it('names both folders and says what to do', () => {
    good('conflict', 'case-001');
    expect(run('conflict', ['batch', 'cases', '--out', 'run-a', '--quiet']).code).toBe(0);
    s.file('conflict/cases/case-001/notes.txt', 'added later\n');
    expect(run('conflict', ['batch', 'cases', '--out', 'run-b', '--quiet']).code).toBe(0);
    const r = run('conflict', ['merge', 'run-a', 'run-b', '--out', 'merged']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: case "case-001" differs between run-a and run-b (its files changed between the two runs); nothing was written to merged\n' +
        'hint: Each case should come from one folder: merge the shards of one batch run (--shard 1/N to N/N, the same N), or leave out the folder with the older result. To bring a folder up to date, run the same batch command again with --resume.\n',
    );
    // Every state is compared before any is copied: the target was not even made.
    expect(existsSync(path.join(s.dir, 'conflict/merged'))).toBe(false);
  });

  it('says when the same files gave different results', () => {
    good('conflict-same', 'case-001');
    expect(run('conflict-same', ['batch', 'cases', '--out', 'run-a', '--quiet']).code).toBe(0);
    expect(run('conflict-same', ['batch', 'cases', '--out', 'run-b', '--quiet']).code).toBe(0);
    // A state another version would have written: the same inputs, another row.
    const file = path.join(s.dir, 'conflict-same/run-b/cases/case-001.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...state, row: [...state.row.slice(0, -1), 99] }));
    const r = run('conflict-same', ['merge', 'run-a', 'run-b', '--out', 'merged']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: case "case-001" differs between run-a and run-b \(the same files gave different results, as another chronolog version would\); nothing was written to merged\n/,
    );
  });

  it('names the tz database and the version when the states say they differ', () => {
    // run-b's state as another version with another tz database would have written it.
    const file = path.join(s.dir, 'conflict-same/run-b/cases/case-001.json');
    const state = JSON.parse(readFileSync(file, 'utf8'));
    const tzdata = JSON.parse(
      readFileSync(path.join(s.dir, 'conflict-same/run-a/cases/case-001.json'), 'utf8'),
    ).tzdata as string;
    writeFileSync(file, JSON.stringify({ ...state, tzdata: '2019a', generator: '0.1.0' }));
    const r = run('conflict-same', ['merge', 'run-a', 'run-b', '--out', 'merged']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^error: case "case-001" differs between run-a and run-b \\(the same files were analysed with tz database ${tzdata} in run-a and 2019a in run-b, and analysed by chronolog ${VERSION.replaceAll('.', '\\.')} in run-a and 0\\.1\\.0 in run-b\\); nothing was written to merged\n`,
      ),
    );
  });
});

describe('merge of a folder an earlier version wrote', () => {
  it('refuses it by name, and merges it once batch --resume has run its cases again', () => {
    cpSync(path.join(ROOT, 'fixtures/batch-case-provenance'), path.join(s.dir, 'earlier/cases'), {
      recursive: true,
    });
    expect(run('earlier', ['batch', 'cases', '--out', 'run-new', '--tz', 'UTC', '--quiet']).code).toBe(0);
    expect(run('earlier', ['batch', 'cases', '--out', 'run-old', '--tz', 'UTC', '--quiet']).code).toBe(0);
    // run-old's states as the version before the timezone … files_not_read columns wrote them: no zone, tz
    // database or problem counts, 12 cells in a row, and a failed case's state without the version.
    const states = path.join(s.dir, 'earlier/run-old/cases');
    for (const name of ['few-texts', 'no-export', 'no-zone', 'subject-typo']) {
      const file = path.join(states, `${name}.json`);
      const { zone, zoneSource, tzdata, problems, generator, ...state } = JSON.parse(
        readFileSync(file, 'utf8'),
      );
      writeFileSync(
        file,
        JSON.stringify(
          state.error === undefined ? { ...state, generator, row: state.row.slice(0, 12) } : state,
        ),
      );
    }
    const r = run('earlier', ['merge', 'run-new', 'run-old', '--out', 'merged']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: run-old: all 4 cases ("few-texts", "no-export", "no-zone", …) were analysed by an earlier chronolog version, whose state files lack the time zone, tz database and problem counts the tables now hold; nothing was written to merged\n' +
        'hint: Run the batch command that wrote run-old again with this version and --resume (it analyses those cases again), then merge.\n',
    );
    expect(existsSync(path.join(s.dir, 'earlier/merged'))).toBe(false);

    // A failed case alone (its reason in the earlier version's words) is enough.
    expect(
      run('earlier', ['batch', 'cases', '--out', 'run-old', '--tz', 'UTC', '--resume', '--quiet']).code,
    ).toBe(0);
    const failed = path.join(states, 'no-export.json');
    const { generator: _, ...state } = JSON.parse(readFileSync(failed, 'utf8'));
    writeFileSync(failed, JSON.stringify(state));
    expect(run('earlier', ['merge', 'run-old', '--out', 'merged']).stderr).toMatch(
      /^error: run-old: 1 of its 4 cases \("no-export"\) was analysed by an earlier chronolog version.*\nhint: Run the batch command that wrote run-old again with this version and --resume \(it analyses that case again\), then merge\.\n$/s,
    );

    // As the hint says: --resume runs them again, and the merge is the unsharded run's.
    expect(
      run('earlier', ['batch', 'cases', '--out', 'run-old', '--tz', 'UTC', '--resume', '--quiet']).code,
    ).toBe(0);
    expect(run('earlier', ['merge', 'run-old', '--out', 'merged', '--quiet']).code).toBe(0);
    for (const f of ['cases.csv', 'problems.csv', 'errors.csv', 'channels.csv', 'daily.csv'])
      expect(readFileSync(path.join(s.dir, 'earlier/merged', f), 'utf8'), f).toBe(
        readFileSync(path.join(s.dir, 'earlier/run-new', f), 'utf8'),
      );
  });
});

describe('merge of a folder that is not a whole batch output', () => {
  const HINT =
    'hint: Give the folders batch wrote with --out, each whole: merge rebuilds the tables from its cases/ folder.\n';

  it('refuses the tables copied without their cases/ folder, instead of merging their cases away', () => {
    good('tables-only', 'case-001');
    broken('tables-only', 'case-002');
    expect(run('tables-only', ['batch', 'cases', '--out', 'run', '--quiet']).code).toBe(0);
    mkdirSync(path.join(s.dir, 'tables-only/copy'));
    for (const f of ['cases.csv', 'errors.csv'])
      cpSync(path.join(s.dir, 'tables-only/run', f), path.join(s.dir, 'tables-only/copy', f));
    const r = run('tables-only', ['merge', 'run', 'copy', '--out', 'merged']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'error: copy holds the tables of 2 cases but not the cases/ folder they are made from, so they would be left out; nothing was written\n' +
        HINT,
    );
    expect(existsSync(path.join(s.dir, 'tables-only/merged'))).toBe(false);
  });

  it('says a folder that does not exist does not exist, and merges an empty shard output', () => {
    const r = run('tables-only', ['merge', 'no-such-run', '--out', 'merged']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: no-such-run: cannot read batch results: there is no such file or folder\n${HINT}`,
    );
    // A shard that none of the cases falls in writes empty tables, which merge joins like any other.
    good('tables-only/none', 'case-1');
    const other = `${(shardOf('case-1', 2) % 2) + 1}/2`;
    expect(
      run('tables-only', ['batch', 'none/cases', '--out', 'empty-run', '--shard', other, '--quiet']).code,
    ).toBe(0);
    expect(run('tables-only', ['merge', 'empty-run', '--out', 'merged-empty', '--quiet']).code).toBe(0);
  });

  it('documents examples and exit codes in merge --help', () => {
    const r = cli(['merge', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Examples:\n {2}\$ chronolog batch cases\/ --out results-1\/ --shard 1\/2$/m);
    expect(r.stdout).toMatch(/^Exit codes:\n {2}0 {2}merged$/m);
    expect(r.stdout).toMatch(
      /holds cases an earlier\n {5}version analysed \(run its batch command again with --resume\)/,
    );
  });
});
