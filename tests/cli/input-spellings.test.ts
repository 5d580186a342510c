/**
 * A file given on the command line is named, and read in its place, by its path as `path.normalize` spells it:
 * "./case/sms.xml", "case//sms.xml" and "case/./sms.xml" are all "case/sms.xml", as a file found in a folder
 * would be named. Before, the spelling as typed set the order the inputs were read in: of two SMS backups that
 * overlap, "./" put the later backup first, so it kept the 238 texts both hold and the earlier one counted them
 * as duplicates; every per-input figure, the files a report cites and anonymise's numbering followed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { cli, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';
import { KEY_A } from '../research/env.js';

const s = scratch('chronolog-spellings-');
afterAll(() => s.cleanup());

/** The demo case's two SMS backups: the June one holds 238 texts of the March one again. */
const MARCH = `${DEMO}/sms-20240315120000.xml`;
const JUNE = `${DEMO}/sms-20240601090000.xml`;
const CASE = `${DEMO}/case.json`;

/** The JSON report of `args`, as printed (from the checkout, as a user in it would type them). */
function reportOf(args: readonly string[]): string {
  const r = cli(['report', ...args, '--format', 'json', '--now', NOW, '-q']);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const parsed = (json: string): Report => ReportSchema.parse(JSON.parse(json)) as Report;

describe('a file path spelled otherwise', () => {
  const plain = reportOf([JUNE, MARCH, '--case', CASE]);

  it('gives the same report, byte for byte, with the same input kept first', () => {
    for (const june of [`./${JUNE}`, JUNE.replace('/sms', '//sms'), JUNE.replace('/sms', '/./sms')])
      expect(reportOf([june, MARCH, '--case', CASE]), june).toBe(plain);
    const r = parsed(plain);
    expect(r.inputs.map((i) => [i.path, i.kept, i.duplicates])).toEqual([
      [MARCH, 525, 0],
      [JUNE, 514, 238],
    ]);
    expect(r.run.paths).toEqual([MARCH, JUNE]);
  });

  it('names the case file given with --case by the same rule', () => {
    const dotted = parsed(reportOf([JUNE, MARCH, '--case', `./${CASE}`]));
    expect(dotted.run.options['case']).toBe(CASE);
    expect(dotted.case.caseFile?.path).toBe(CASE);
    expect(JSON.stringify(dotted)).toBe(JSON.stringify(parsed(plain)));
  });

  it('still takes a case file given among the paths, spelled otherwise, as the one --case names', () => {
    const r = parsed(reportOf([`./${CASE}`, MARCH, '--case', CASE]));
    expect(r.ignoredFiles).toEqual([
      { path: CASE, reason: 'the case file, given with --case (not an input)' },
    ]);
    expect(r.inputs.map((i) => i.path)).toEqual([MARCH]);
  });

  it('keeps an absolute path absolute, spelled once', () => {
    const abs = path.join(ROOT, JUNE);
    const r = parsed(reportOf([abs.replace('/sms', '//sms'), MARCH, '--case', CASE]));
    // "/" sorts before any letter: the absolute path is read first, as before.
    expect(r.inputs.map((i) => [i.path, i.kept, i.duplicates])).toEqual([
      [abs, 752, 0],
      [MARCH, 287, 238],
    ]);
    expect(r.run.paths).toEqual([abs, MARCH]);
  });

  it('names a folder given with "./" or a trailing "/" by its name alone', () => {
    const a = reportOf([`./${DEMO}`]);
    expect(reportOf([`${DEMO}/`])).toBe(a);
    expect(parsed(a).run.paths).toEqual([DEMO]);
  });

  it('anonymises alike: the same numbering, records and date shift', () => {
    const key = s.file('study.key', `${KEY_A}\n`);
    const written = (june: string, out: string): Map<string, string> => {
      const dir = path.join(s.dir, out);
      const r = cli(
        ['anonymise', june, MARCH, '--case', CASE, '--key-file', key, '--shift-dates', '--out', dir, '-q'],
        {},
      );
      expect(r.code, r.stderr).toBe(0);
      return new Map(readdirSync(dir).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
    };
    const a = written(JUNE, 'plain');
    const b = written(`./${JUNE}`, 'dotted');
    expect([...a.keys()].sort()).toEqual([
      'case.json',
      'input-001.jsonl',
      'input-002.jsonl',
      'manifest.json',
    ]);
    expect(b).toEqual(a);
    const manifest = JSON.parse(a.get('manifest.json')!) as {
      inputs: { kept: number; duplicates: number }[];
    };
    expect(manifest.inputs.map((i) => [i.kept, i.duplicates])).toEqual([
      [525, 0],
      [514, 238],
    ]);
  });
});
