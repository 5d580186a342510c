/**
 * `batch --excel` and `merge --excel`: each CSV table (cases, channels, daily, errors) starts with the UTF-8
 * byte-order mark, as `timeline --excel` does, so Excel shows a case named José as written; every byte after it is
 * the table written without --excel, which keeps no mark. A results folder written with --excel inside the folder
 * of cases is still batch's own: the next run replaces it, and a run with another --out passes it over.
 */
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-batch-excel-');
afterAll(() => s.cleanup());

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CSVS = ['cases.csv', 'channels.csv', 'daily.csv', 'errors.csv'];

// cases/José (an SMS backup) and cases/Zoë (a call log), each with the demo case file.
for (const [name, file] of [
  ['José', 'sms-20240315120000.xml'],
  ['Zoë', 'calls-20240601090000.xml'],
] as const) {
  mkdirSync(path.join(s.dir, 'cases', name), { recursive: true });
  for (const f of ['case.json', file]) cpSync(path.join(ROOT, DEMO, f), path.join(s.dir, 'cases', name, f));
}

const run = (args: string[]) => {
  const r = cli([...args], {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).toBe('');
  return r;
};
const table = (out: string, f: string) => readFileSync(path.join(s.dir, out, f));

describe('batch --excel', () => {
  it('starts each CSV table with EF BB BF, then the bytes written without it', () => {
    expect(run(['batch', 'cases', '--jobs', '1', '--quiet', '--out', 'plain']).code).toBe(0);
    expect(run(['batch', 'cases', '--jobs', '1', '--quiet', '--out', 'excel', '--excel']).code).toBe(0);
    for (const f of CSVS) {
      const plain = table('plain', f);
      const excel = table('excel', f);
      expect(plain.subarray(0, 3), f).not.toEqual(BOM);
      expect(plain.toString('utf8').startsWith('case,'), f).toBe(true);
      expect(excel.subarray(0, 3), f).toEqual(BOM);
      expect(excel.subarray(3), f).toEqual(plain);
    }
    expect(table('plain', 'cases.csv').toString('utf8')).toMatch(/\nJosé,.*\nZoë,/s);
    expect(table('excel', 'events.parquet')).toEqual(table('plain', 'events.parquet'));
  });

  it('inside the folder of cases, is batch own output: replaced by the next run, passed over by another', () => {
    const args = ['batch', 'cases', '--jobs', '1', '--excel', '--out', 'cases/results'];
    expect(run(args).code).toBe(0);
    const again = run(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toBe(
      '2 cases: 2 analysed, 0 unchanged, 0 failed; tables in cases/results (not read as a case)\n',
    );
    for (const f of CSVS) expect(table('cases/results', f).subarray(3), f).toEqual(table('plain', f));
    // Without --excel, the same folder is replaced by tables without the mark.
    expect(run(['batch', 'cases', '--jobs', '1', '--quiet', '--out', 'cases/results']).code).toBe(0);
    for (const f of CSVS) expect(table('cases/results', f), f).toEqual(table('plain', f));
    expect(run(args).code).toBe(0);
    const other = run(['batch', 'cases', '--jobs', '1', '--out', 'elsewhere']);
    expect(other.code, other.stderr).toBe(0);
    expect(other.stderr).toBe(
      '2 cases: 2 analysed, 0 unchanged, 0 failed; 1 earlier results folder not read (see errors.csv); tables in elsewhere\n',
    );
    expect(table('elsewhere', 'errors.csv').toString('utf8')).toMatch(
      /^case,reason\nresults,"BATCH_EARLIER_OUTPUT: /,
    );
  });
});

describe('merge --excel', () => {
  it('writes the tables with the mark only when given, whichever way the shards were written', () => {
    expect(run(['merge', 'excel', '--quiet', '--out', 'merged-excel', '--excel']).code).toBe(0);
    expect(run(['merge', 'excel', '--quiet', '--out', 'merged-plain']).code).toBe(0);
    for (const f of CSVS) {
      expect(table('merged-excel', f), f).toEqual(table('excel', f));
      expect(table('merged-plain', f), f).toEqual(table('plain', f));
    }
  });
});

describe('--help', () => {
  it.each(['batch', 'merge'])('%s lists --excel', (command) => {
    const r = cli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--excel\s+start each CSV table with a UTF-8 byte-order mark/);
  });
});
