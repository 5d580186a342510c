/**
 * Case names are folder names, chosen by whoever assembled the cases (or copied from a seized phone): a name
 * holding ESC sequences or a bidi override must not reach a terminal or a spreadsheet raw through the batch
 * tables. Every text cell is made inert as in `timeline --format csv` (controls shown as `<U+001B>`, formulas
 * quoted); the state files and events.parquet keep the name exactly.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { stateNames } from '../../src/cli/batch/outputs.js';
import { batchCommand } from '../../src/cli/commands/batch.js';
import { env, scratch } from './env.js';

const DEMO = 'fixtures/demo-case';
const ESC = 'esc\x1b[31mRED\x1b]0;pwned\x07';
const BIDI = 'bidi\u202etxt.exe';
const FORMULA = '=HYPERLINK("x")';
/** Controls and bidi overrides, as raw bytes would show them under `cat -A` (^[ and M-bM-^@M-.). */
const RAW = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('batch tables with hostile case names', () => {
  const tmp = scratch();
  const cases = path.join(tmp, 'cases');
  const out = path.join(tmp, 'out');

  beforeAll(async () => {
    for (const name of [ESC, FORMULA]) {
      mkdirSync(path.join(cases, name), { recursive: true });
      for (const f of ['case.json', 'sms-20240315120000.xml'])
        copyFileSync(path.join(DEMO, f), path.join(cases, name, f));
    }
    // Nothing recognisable: listed in errors.csv, whose reason may quote the folder too.
    for (const name of [BIDI, `${ESC}-broken`]) {
      mkdirSync(path.join(cases, name), { recursive: true });
      writeFileSync(path.join(cases, name, 'notes.bin'), Buffer.from([0, 1, 2, 3, 255]));
    }
    expect(await batchCommand(cases, { out, jobs: '1', quiet: true }, env)).toBe(0);
  });

  const text = (f: string) => readFileSync(path.join(out, f), 'utf8');
  const rows = (f: string) => parse(text(f), { columns: true }) as Record<string, string>[];

  it('shows control and bidi characters as <U+…> in every table', () => {
    for (const f of ['cases.csv', 'channels.csv', 'daily.csv', 'errors.csv'])
      expect(text(f)).not.toMatch(RAW);
    const shown = 'esc<U+001B>[31mRED<U+001B>]0;pwned<U+0007>';
    expect(rows('cases.csv').map((r) => r['case'])).toEqual(['\'=HYPERLINK("x")', shown]);
    expect(new Set(rows('channels.csv').map((r) => r['case']))).toEqual(
      new Set(['\'=HYPERLINK("x")', shown]),
    );
    expect(new Set(rows('daily.csv').map((r) => r['case']))).toEqual(new Set(['\'=HYPERLINK("x")', shown]));
    expect(rows('errors.csv').map((r) => r['case'])).toEqual(['bidi<U+202E>txt.exe', `${shown}-broken`]);
    for (const r of rows('errors.csv')) expect(r['reason']).toMatch(/^INPUT_NOTHING_RECOGNISED/);
  });

  it('keeps the exact names in the state files (what --resume and merge read)', async () => {
    expect((await stateNames(out)).sort()).toEqual([BIDI, FORMULA, ESC, `${ESC}-broken`].sort());
  });
});
