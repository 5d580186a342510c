/**
 * `chronolog batch` on awkward case folders: names that a spreadsheet would run as formulas.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { batchCommand } from '../../src/cli/commands/batch.js';
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
