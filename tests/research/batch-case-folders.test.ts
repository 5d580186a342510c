/**
 * `chronolog batch` on awkward case folders: names that a spreadsheet would run as formulas, and symbolic links
 * (followed when they lead to a folder, listed in errors.csv with the reason when following them would read a
 * case twice or forever, or cannot be done).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { caseFolders } from '../../src/cli/batch/case-folders.js';
import { batchCommand, shardOf } from '../../src/cli/commands/batch.js';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { env, scratch } from './env.js';

const DEMO = 'fixtures/demo-case';
const TABLES = ['cases.csv', 'channels.csv', 'daily.csv', 'errors.csv'];

/** A small real case: the demo case file and one SMS backup. */
function makeCase(dir: string): void {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(DEMO, 'case.json'), path.join(dir, 'case.json'));
  cpSync(path.join(DEMO, 'sms-20240315120000.xml'), path.join(dir, 'sms-20240315120000.xml'));
}

const text = (dir: string, f: string) => readFileSync(path.join(dir, f), 'utf8');
const rows = (dir: string, f: string) => parse(text(dir, f), { columns: true }) as Record<string, string>[];
const cells = (dir: string, f: string) => (parse(text(dir, f)) as string[][]).flat();

describe('batch case folders whose names are spreadsheet formulas', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  const out = path.join(tmp, 'out');
  // A folder name cannot hold "/", so the link target is a bare host.
  const formulas = ['=HYPERLINK("evil.example")', '+cmd', '-2+3', '@SUM(A1)'];

  it('writes every text cell of every table neutralised, and the numbers as numbers', async () => {
    for (const n of [...formulas, 'plain']) makeCase(path.join(cases, n));
    // A case that fails, so its name reaches errors.csv.
    mkdirSync(path.join(cases, '=broken'));
    writeFileSync(path.join(cases, '=broken', 'notes.bin'), Buffer.from([0, 1, 2, 255]));
    expect(await batchCommand(cases, { out, jobs: '2', quiet: true }, env)).toBe(0);

    const named = rows(out, 'cases.csv').map((r) => r['case']);
    expect(named).toEqual(["'+cmd", "'-2+3", '\'=HYPERLINK("evil.example")', "'@SUM(A1)", 'plain']);
    expect(rows(out, 'errors.csv').map((r) => r['case'])).toEqual(["'=broken"]);
    for (const f of ['channels.csv', 'daily.csv']) {
      expect(new Set(rows(out, f).map((r) => r['case']))).toEqual(new Set(named));
    }
    for (const f of TABLES) {
      for (const c of cells(out, f)) expect(c, `${f}: ${c}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    // The same counts for each as for the plain-named copy of the same case: only the text was changed.
    const all = rows(out, 'cases.csv');
    for (const r of all) expect({ ...r, case: '' }).toEqual({ ...all.at(-1), case: '' });
    expect(Number(all[0]!['incidents'])).toBeGreaterThan(0);
  });
});

describe('batch case folders that are symbolic links', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  const elsewhere = path.join(tmp, 'stored-elsewhere');
  const out = path.join(tmp, 'out');
  makeCase(path.join(cases, 'alpha'));
  makeCase(path.join(elsewhere, 'bravo'));
  writeFileSync(path.join(tmp, 'a-file.txt'), 'not a case\n');
  symlinkSync(path.join(elsewhere, 'bravo'), path.join(cases, 'bravo-linked'), 'dir');
  symlinkSync(path.join(cases, 'alpha'), path.join(cases, 'alpha-again'), 'dir');
  symlinkSync(cases, path.join(cases, 'loop'), 'dir');
  symlinkSync(tmp, path.join(cases, 'up'), 'dir');
  symlinkSync(path.join(tmp, 'unmounted'), path.join(cases, 'gone'), 'dir');
  symlinkSync(path.join(cases, 'self'), path.join(cases, 'self'));
  symlinkSync(path.join(tmp, 'a-file.txt'), path.join(cases, 'file-link'));

  it('reads a link to a folder as a case, and lists every link it does not follow with the reason', async () => {
    expect(await batchCommand(cases, { out, quiet: true }, env)).toBe(0);
    const read = rows(out, 'cases.csv');
    expect(read.map((r) => r['case'])).toEqual(['alpha', 'bravo-linked']);
    // Both hold the same SMS backup, so the linked case has the same totals as the real one.
    expect({ ...read[1], case: '' }).toEqual({ ...read[0], case: '' });
    expect(Number(read[1]!['incidents'])).toBeGreaterThan(0);
    expect(rows(out, 'errors.csv').map((r) => [r['case'], r['reason']!.split(':')[0]])).toEqual([
      ['alpha-again', 'BATCH_LINK_REPEAT'],
      ['gone', 'BATCH_LINK_BROKEN'],
      ['loop', 'BATCH_LINK_LOOP'],
      ['self', 'BATCH_LINK_LOOP'],
      ['up', 'BATCH_LINK_LOOP'],
    ]);
    expect(rows(out, 'errors.csv')[0]!['reason']).toContain('same folder as case "alpha"');
    // A link to a plain file is no case, like a plain file.
    expect(text(out, 'errors.csv')).not.toContain('file-link');
  });

  it('lists the links not followed in the shard their name falls in, so shards merge back to the same tables', async () => {
    const shards = [1, 2].map((i) => path.join(tmp, `shard-${i}`));
    for (const [k, d] of shards.entries()) {
      await batchCommand(cases, { out: d, shard: `${k + 1}/2`, quiet: true }, env);
      for (const r of rows(d, 'errors.csv')) expect(shardOf(r['case']!, 2)).toBe(k + 1);
    }
    const merged = path.join(tmp, 'merged');
    await mergeCommand(shards, { out: merged, quiet: true }, env);
    for (const f of TABLES) expect(text(merged, f)).toBe(text(out, f));
  });
});

describe('batch with --out inside the folder of cases', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  makeCase(path.join(cases, 'alpha'));
  makeCase(path.join(cases, 'bravo'));

  it('leaves the --out folder out of the cases and its files out of the inputs, however deep and hidden', async () => {
    const out = path.join(cases, '.batch', 'results');
    const first = await caseFolders(cases, out);
    expect(first.names).toEqual(['alpha', 'bravo']);
    expect(first.out).toEqual({ leftOut: [], outputs: [out], isDir: false });
    expect(await batchCommand(cases, { out, quiet: true }, env)).toBe(0);
    const tables = TABLES.map((f) => text(out, f));
    expect(await batchCommand(cases, { out, quiet: true }, env)).toBe(0);
    expect(TABLES.map((f) => text(out, f))).toEqual(tables);
    expect(rows(out, 'cases.csv').map((r) => r['case'])).toEqual(['alpha', 'bravo']);
  });

  it('says which case an --out lies in, and what there batch did not write', async () => {
    expect((await caseFolders(cases, path.join(cases, 'alpha'))).out).toEqual({
      leftOut: [],
      outputs: [],
      inCase: { name: 'alpha', same: true, foreign: 'case.json' },
      isDir: false,
    });
    expect((await caseFolders(cases, path.join(cases, 'bravo', 'new', 'results'))).out).toEqual({
      leftOut: [],
      outputs: [path.join(cases, 'bravo', 'new', 'results')],
      inCase: { name: 'bravo', same: false },
      isDir: false,
    });
    await expect(batchCommand(cases, { out: path.join(cases, 'bravo', 'new') }, env)).rejects.toMatchObject({
      code: 'USAGE_OUT_IS_INPUT',
    });
    expect(existsSync(path.join(cases, 'bravo', 'new'))).toBe(false);
  });
});
