/**
 * Case folder names that look like the marks batch shows other things with, and a folder of cases named in bytes
 * that are not UTF-8. A byte that is not UTF-8 is shown as `<0xE9>`, so a valid name spelling "<0x" is shown as
 * "<0x3C>0x" and still read by its own name; a tab or line break in a name is shown as `<U+0009>` like the other
 * controls, so it splits no row of the tables; a link that loops back is named relative to DIR, never by a path of
 * this machine; and a DIR whose path is not UTF-8 is refused with what to do before anything is written.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, type CliResult, cli, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-batch-marks-');
afterAll(() => s.cleanup());

const CASES = path.join(ROOT, 'fixtures/batch-case-provenance');

/** `dir` joined with `name` given as bytes (`\xE9` in a JavaScript string is the byte 0xE9), as a Buffer path. */
const at = (dir: string, name: string) =>
  Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);

/** A case that is analysed (four texts, a case file without a zone: run with --tz UTC), in `folder` made here. */
function good(folder: string | Buffer): void {
  mkdirSync(folder, { recursive: true });
  for (const f of ['case.json', 'sms-20240317090000.xml']) {
    const to =
      typeof folder === 'string' ? path.join(folder, f) : Buffer.concat([folder, Buffer.from(`/${f}`)]);
    writeFileSync(to, readFileSync(path.join(CASES, 'no-zone', f)));
  }
}
/** A case that fails: a case file and notes.txt, no export. */
const broken = (folder: string) => cpSync(path.join(CASES, 'no-export'), folder, { recursive: true });

const batch = (dir: string, out: string, ...more: string[]) => {
  const r = cli(['batch', dir, '--out', out, '--jobs', '1', '--tz', 'UTC', ...more], {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};
const table = (out: string, f: string) => readFileSync(path.join(s.dir, out, f), 'utf8');
/** The first cell of each row after the header (no cell here is quoted). */
const firstCells = (csv: string) =>
  csv
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]);

describe('a case folder whose name holds a literal "<0x"', () => {
  const dir = path.join(s.dir, 'marks');
  good(path.join(dir, 'case <0x41> one'));
  broken(path.join(dir, 'bad <0x41>'));
  // A valid name spelling a byte mark, beside a folder named with that byte: two cases, never one name.
  good(path.join(dir, 'c<0xE9>'));
  good(at(dir, 'c\xE9'));
  good(path.join(s.dir, 'kept'));
  symlinkSync('../kept', path.join(dir, 'link <0x42>'));

  it('is read by its own name, and named with the "<" shown as <0x3C>', () => {
    const r = batch('marks', 'out-marks');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      '4 cases: 3 analysed, 0 unchanged, 1 failed; 1 folder named in bytes that are not UTF-8 not read (see errors.csv); tables in out-marks\n',
    );
    expect(firstCells(table('out-marks', 'cases.csv'))).toEqual([
      'c<0x3C>0xE9>',
      'case <0x3C>0x41> one',
      'link <0x3C>0x42>',
    ]);
    expect(table('out-marks', 'errors.csv')).toBe(
      'case,reason\n' +
        'bad <0x3C>0x41>,INPUT_NOTHING_RECOGNISED: the file is not a supported export: bad <0x3C>0x41>/notes.txt: not a supported export format\n' +
        'c<0xE9>,"BATCH_NAME_NOT_UTF8: the folder\'s name holds bytes that are not valid UTF-8 (shown as <0x..>), so it cannot name a case in the tables; it was not read: rename it (for example in the file manager) and re-run"\n',
    );
  });

  it('is left unchanged by --resume when its files are', () => {
    const r = batch('marks', 'out-marks', '--resume');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^4 cases: 0 analysed, 3 unchanged, 1 failed;/);
  });
});

describe('a case folder whose name holds a tab or a line break', () => {
  const dir = path.join(s.dir, 'breaks');
  for (const name of ['tab\there', 'cr\rhere', 'lf\nhere', 'sep\u2028here', '=sum\n(1)', '\t=cmd'])
    good(path.join(dir, name));
  broken(path.join(dir, 'bad\tone'));
  broken(path.join(dir, 'bad\none'));

  it('is shown as <U+0009>, <U+000A>, <U+000D> in every table, formulas still quoted', () => {
    const r = batch('breaks', 'out-breaks');
    expect(r.code, r.stderr).toBe(0);
    // A raw line break would make its cell quoted.
    for (const f of ['cases.csv', 'channels.csv', 'daily.csv', 'problems.csv', 'errors.csv'])
      expect(table('out-breaks', f), f).not.toMatch(/[\t\r\u2028"]/);
    // In byte order of the names as they are: the tab first.
    expect(firstCells(table('out-breaks', 'cases.csv'))).toEqual([
      '<U+0009>=cmd',
      "'=sum<U+000A>(1)",
      'cr<U+000D>here',
      'lf<U+000A>here',
      'sep<U+2028>here',
      'tab<U+0009>here',
    ]);
    expect(new Set(firstCells(table('out-breaks', 'daily.csv')))).toEqual(
      new Set(firstCells(table('out-breaks', 'cases.csv'))),
    );
    // The reason names the folder as the case column does, not with a space for its tab or line break.
    expect(table('out-breaks', 'errors.csv')).toBe(
      'case,reason\n' +
        'bad<U+0009>one,INPUT_NOTHING_RECOGNISED: the file is not a supported export: bad<U+0009>one/notes.txt: not a supported export format\n' +
        'bad<U+000A>one,INPUT_NOTHING_RECOGNISED: the file is not a supported export: bad<U+000A>one/notes.txt: not a supported export format\n',
    );
  });
});

describe('a link that leads back to the folder of cases', () => {
  const dir = path.join(s.dir, 'loops', 'cases');
  good(path.join(dir, 'a'));
  // Absolute targets: the reason must still not tell where the cases lie on this machine.
  symlinkSync(dir, path.join(dir, 'self'));
  symlinkSync(path.dirname(dir), path.join(dir, 'up'));
  symlinkSync('/', path.join(dir, 'root'));

  it('is named relative to DIR in errors.csv, never by its absolute path', () => {
    const r = batch(dir, 'out-loops');
    expect(r.code, r.stderr).toBe(0);
    const toRoot = path.relative(realpathSync(dir), '/');
    const why = 'reading it would read every case again, so it was not read';
    expect(table('out-loops', 'errors.csv')).toBe(
      'case,reason\n' +
        `root,"BATCH_LINK_LOOP: a symbolic link to ${toRoot} (relative to the batch folder), which holds it; ${why}"\n` +
        `self,"BATCH_LINK_LOOP: a symbolic link to the batch folder itself; ${why}"\n` +
        `up,"BATCH_LINK_LOOP: a symbolic link to .. (relative to the batch folder), which holds it; ${why}"\n`,
    );
    expect(table('out-loops', 'errors.csv')).not.toContain(s.dir);
  });
});

/**
 * The CLI run by a shell in `into`, so that `into` and `words` can hold bytes that are not UTF-8
 * (`"$(printf 'caf\\351')"`).
 */
function shell(words: string, into = '.'): CliResult {
  const r = spawnSync('/bin/sh', ['-c', `cd ${into} && exec "$0" "$1" ${words}`, process.execPath, BIN], {
    cwd: s.dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TZ: 'UTC' },
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('a folder of cases whose path is not valid UTF-8', () => {
  mkdirSync(at(s.dir, 'caf\xE9'));
  good(at(s.dir, 'caf\xE9/alice'));
  mkdirSync(at(s.dir, 'caf\xE9/cases'));
  good(at(s.dir, 'caf\xE9/cases/bob'));
  const why =
    'the path of the folder of cases holds bytes that are not valid UTF-8 (shown as <0x..>), and a case file in a folder so named is not used, so no case could be read; nothing was written';
  const hint =
    'hint: Rename the folder whose name shows <0x..> (for example in the file manager) and re-run; the case names in the tables do not change.\n';

  it('is refused before anything is written, naming it and what to do', () => {
    const r = shell(`batch "$(printf 'caf\\351')" --out out-latin1 --tz UTC`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`error: caf<0xE9>: ${why}\n${hint}`);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(s.dir, 'out-latin1'))).toBe(false);
  });

  it('is refused so when only the current folder is so named, not failed case by case for want of case.json', () => {
    const r = shell(`batch cases --out ${path.join(s.dir, 'out-inside')} --tz UTC`, `"$(printf 'caf\\351')"`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toBe(`error: cases (${realpathSync(s.dir)}/caf<0xE9>/cases): ${why}\n${hint}`);
    expect(r.code).toBe(1);
    expect(existsSync(path.join(s.dir, 'out-inside'))).toBe(false);
  });
});
