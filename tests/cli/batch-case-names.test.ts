/**
 * Batch's tables are meant to be shared and pooled: errors.csv and the state files name a case by its name in DIR,
 * the same whether DIR was typed as `cases`, as `.` from inside it or as an absolute path, and never hold where the
 * cases lie on this machine. And the summary says when cases were read in this computer's zone (no zone in their
 * case file, no --tz), as their tables would differ on a machine set to another.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-batch-names-');
afterAll(() => s.cleanup());

const cases = path.join(s.dir, 'cases');
cpSync(path.join(ROOT, 'fixtures/batch-case-provenance'), cases, { recursive: true });

/** Every file batch wrote that could name a path: the CSV tables and the state files. */
function written(out: string): Map<string, string> {
  const files = [
    ...['cases.csv', 'problems.csv', 'errors.csv'].filter((f) => existsSync(path.join(out, f))),
    ...readdirSync(path.join(out, 'cases'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => path.join('cases', f)),
  ];
  return new Map(files.map((f) => [f, readFileSync(path.join(out, f), 'utf8')]));
}

describe('batch names each case by its name in DIR', () => {
  const runs = [
    { dir: 'cases', cwd: s.dir, out: path.join(s.dir, 'out-relative') },
    { dir: '.', cwd: cases, out: path.join(s.dir, 'out-dot') },
    { dir: cases, cwd: ROOT, out: path.join(s.dir, 'out-absolute') },
  ];

  it('writes the same errors.csv and state files however DIR was given, with no path of this machine', () => {
    const outputs = runs.map(({ dir, cwd, out }) => {
      const r = cli(['batch', dir, '--out', out, '--jobs', '1'], {}, cwd);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code, r.stderr).toBe(0);
      return written(out);
    });
    const errors = outputs[0]!.get('errors.csv')!;
    expect(errors).toBe(
      'case,reason\nno-export,INPUT_NOTHING_RECOGNISED: the file is not a supported export: no-export/notes.txt: not a supported export format\n',
    );
    for (const o of outputs.slice(1)) expect(o).toEqual(outputs[0]);
    for (const [f, t] of outputs[0]!) expect(t, f).not.toContain(s.dir);
  });

  it('names a case folder with a control character by its name however DIR was given', () => {
    // The reader's message shows the folder's ESC as <U+001B>: that shown form is the case's name too.
    const dir = path.join(s.dir, 'controls', 'cases');
    mkdirSync(path.join(dir, 'b\u001bc'), { recursive: true });
    cpSync(path.join(cases, 'no-export', 'notes.txt'), path.join(dir, 'b\u001bc', 'notes.txt'));
    cpSync(path.join(cases, 'no-zone'), path.join(dir, 'no-zone'), { recursive: true });
    const tables = [
      ['cases', path.join(s.dir, 'controls')],
      [dir, ROOT],
    ].map(([d, cwd], k) => {
      const out = path.join(s.dir, 'controls', `out-${k}`);
      const r = cli(['batch', d!, '--out', out, '--jobs', '1', '--tz', 'UTC'], {}, cwd);
      expect(r.code, r.stderr).toBe(0);
      return written(out);
    });
    expect(tables[0]!.get('errors.csv')).toBe(
      'case,reason\nb<U+001B>c,INPUT_NOTHING_RECOGNISED: the file is not a supported export: b<U+001B>c/notes.txt: not a supported export format\n',
    );
    expect(tables[1]).toEqual(tables[0]);
  });

  it("says how many cases were read in this computer's zone, and how to make the tables the same everywhere", () => {
    const r = cli(
      ['batch', 'cases', '--out', 'out-zone', '--jobs', '1'],
      { TZ: 'Pacific/Kiritimati' },
      s.dir,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      '4 cases: 3 analysed, 0 unchanged, 1 failed; tables in out-zone\n' +
        "1 case found no message or call from the subject (CASE_SUBJECT_NOT_FOUND in problems.csv, warnings in cases.csv): check the subject's identifiers in its case file\n" +
        `1 case of 4 has no time zone in its case file and was read in this computer's zone (Pacific/Kiritimati); give --tz ZONE (or "timezone" in each case file) so the tables are the same on every machine\n`,
    );
    const withTz = cli(
      ['batch', 'cases', '--out', 'out-zone', '--tz', 'UTC'],
      { TZ: 'Pacific/Kiritimati' },
      s.dir,
    );
    expect(withTz.stderr).toMatch(
      /^4 cases: 3 analysed, 0 unchanged, 1 failed; tables in out-zone\n1 case found no message or call from the subject \(CASE_SUBJECT_NOT_FOUND[^\n]*\n$/,
    );
  });

  it('merge says when shards read the cases without a zone in different zones', () => {
    // Two shards of cases with no zone in their case files, run on machines set to different zones.
    cpSync(path.join(cases, 'no-zone'), path.join(s.dir, 'shard-a', 'no-zone-a'), { recursive: true });
    cpSync(path.join(cases, 'no-zone'), path.join(s.dir, 'shard-b', 'no-zone-b'), { recursive: true });
    for (const [dir, tz] of [
      ['shard-a', 'UTC'],
      ['shard-b', 'Pacific/Kiritimati'],
    ] as const)
      expect(cli(['batch', dir, '--out', `out-${dir}`, '-q'], { TZ: tz }, s.dir).code).toBe(0);
    const m = cli(['merge', 'out-shard-a', 'out-shard-b', '--out', 'out-merged'], {}, s.dir);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stderr).toBe(
      'merged 2 cases from 2 folders into out-merged\n' +
        'the cases with no time zone in their case file were read in 2 different zones (Pacific/Kiritimati: 1 case, UTC: 1 case), so the merged tables are not those of one run; run each shard again with the same --tz and --resume\n',
    );
    // With the same --tz on both machines, one run's tables and no such line.
    for (const [dir, tz] of [
      ['shard-a', 'UTC'],
      ['shard-b', 'Pacific/Kiritimati'],
    ] as const)
      cli(
        ['batch', dir, '--out', `out-${dir}`, '-q', '--tz', 'Europe/London', '--resume'],
        { TZ: tz },
        s.dir,
      );
    const again = cli(['merge', 'out-shard-a', 'out-shard-b', '--out', 'out-merged'], {}, s.dir);
    expect(again.stderr).toBe('merged 2 cases from 2 folders into out-merged\n');
  });

  it('names the zone when a case read in two zones makes a merge conflict', () => {
    // The same case, run once in this computer's zone and once with --tz: the states record both.
    cpSync(path.join(cases, 'no-zone'), path.join(s.dir, 'twice', 'no-zone'), { recursive: true });
    expect(cli(['batch', 'twice', '--out', 'out-twice-a', '-q'], { TZ: 'UTC' }, s.dir).code).toBe(0);
    expect(
      cli(['batch', 'twice', '--out', 'out-twice-b', '-q', '--tz', 'Pacific/Kiritimati'], {}, s.dir).code,
    ).toBe(0);
    const m = cli(['merge', 'out-twice-a', 'out-twice-b', '--out', 'out-twice'], {}, s.dir);
    expect(m.code).toBe(1);
    expect(m.stderr).toMatch(
      /^error: case "no-zone" differs between out-twice-a and out-twice-b \(the same files were read in UTC \(this computer's zone\) in out-twice-a and in Pacific\/Kiritimati \(--tz\) in out-twice-b\); nothing was written to out-twice\n/,
    );
    // No folder holds an older result here, and --resume would read the case in the same zone again.
    expect(m.stderr).toMatch(
      /\nhint: Each case should be read in one zone: run the shards with the same --tz \(or give every case file a timezone\), then merge\.\n$/,
    );
    expect(existsSync(path.join(s.dir, 'out-twice'))).toBe(false);
  });
});
