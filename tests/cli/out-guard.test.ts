/**
 * `--out` never replaces an original: a report, timeline, anonymised case or batch table aimed at one of the input
 * files (by any path to it, or a link) or at the case file is refused with exit 2 before anything is written, and
 * the file keeps its bytes. A new file inside the case folder is still allowed.
 */
import { cpSync, existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, expectUsageError, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-out-guard-');
afterAll(() => s.cleanup());

/** A fresh copy of the demo case under the scratch folder; returns its folder name (cwd is the scratch folder). */
function freshCase(name: string): string {
  cpSync(path.join(ROOT, DEMO), path.join(s.dir, name), { recursive: true });
  return name;
}

const run = (args: string[]) => {
  const r = cli(args, {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

function expectRefused(
  r: { code: number; stdout: string; stderr: string },
  out: string,
  what: string,
  file: string,
) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(`error: --out ${out} would overwrite ${what} ${file}\n`);
  expect(r.stderr).toMatch(/hint: Nothing was written\. Write the \w+( \w+)? somewhere else/);
}

describe('--out naming an input', () => {
  it('report refuses to overwrite the diary it reads, which keeps its bytes', () => {
    const c = freshCase('report-diary');
    const diary = path.join(s.dir, c, 'incident-diary.csv');
    const before = readFileSync(diary);
    const r = run(['report', c, '--out', `${c}/incident-diary.csv`]);
    expectRefused(r, `${c}/incident-diary.csv`, 'the input file', `${c}/incident-diary.csv`);
    expect(r.stderr).toMatch(/e\.g\. --out report\.txt/);
    expect(readFileSync(diary)).toEqual(before);
  });

  it('timeline refuses the WhatsApp chat, also given by another spelling of its path', () => {
    const c = freshCase('timeline-chat');
    const chat = path.join(s.dir, c, 'WhatsApp Chat with Sam.txt');
    const before = readFileSync(chat);
    const direct = run(['timeline', c, '--out', `${c}/WhatsApp Chat with Sam.txt`]);
    expectRefused(
      direct,
      `${c}/WhatsApp Chat with Sam.txt`,
      'the input file',
      `${c}/WhatsApp Chat with Sam.txt`,
    );
    expect(direct.stderr).toMatch(/e\.g\. --out timeline\.csv/);
    const roundabout = `./${c}/whatsapp-iphone/../WhatsApp Chat with Sam.txt`;
    const other = run(['timeline', c, '--format', 'jsonl', '--out', path.join(s.dir, roundabout)]);
    expectRefused(other, path.join(s.dir, roundabout), 'the input file', `${c}/WhatsApp Chat with Sam.txt`);
    expect(readFileSync(chat)).toEqual(before);
  });

  it('refuses a symbolic link or a hard link to an input, and a file that is no export (notes.txt)', () => {
    const c = freshCase('links');
    symlinkSync(path.join(s.dir, c, 'sms-20240315120000.xml'), path.join(s.dir, 'soft.xml'));
    linkSync(path.join(s.dir, c, 'incident-diary.csv'), path.join(s.dir, 'hard.csv'));
    expectRefused(
      run(['report', c, '--out', 'soft.xml']),
      'soft.xml',
      'the input file',
      `${c}/sms-20240315120000.xml`,
    );
    expectRefused(
      run(['report', c, '--out', 'hard.csv']),
      'hard.csv',
      'the input file',
      `${c}/incident-diary.csv`,
    );
    const notes = readFileSync(path.join(s.dir, c, 'notes.txt'));
    expectRefused(
      run(['timeline', c, '--out', `${c}/notes.txt`]),
      `${c}/notes.txt`,
      'the input file',
      `${c}/notes.txt`,
    );
    expect(readFileSync(path.join(s.dir, c, 'notes.txt'))).toEqual(notes);
  });

  it("refuses the folder's case file and a case file given with --case", () => {
    const c = freshCase('case-file');
    const kase = readFileSync(path.join(s.dir, c, 'case.json'));
    expectRefused(
      run(['report', c, '--format', 'json', '--out', `${c}/case.json`]),
      `${c}/case.json`,
      'the case file',
      `${c}/case.json`,
    );
    writeFileSync(path.join(s.dir, 'other-case.json'), kase);
    expectRefused(
      run(['report', `${c}/incident-diary.csv`, '--case', 'other-case.json', '--out', 'other-case.json']),
      'other-case.json',
      'the case file',
      'other-case.json',
    );
    expect(readFileSync(path.join(s.dir, c, 'case.json'))).toEqual(kase);
    expect(readFileSync(path.join(s.dir, 'other-case.json'))).toEqual(kase);
  });

  it('anonymise refuses an --out folder where it would replace the case file or an input', () => {
    const c = freshCase('anon');
    s.file('study.key', 'k'.repeat(40));
    const kase = readFileSync(path.join(s.dir, c, 'case.json'));
    const r = run(['anonymise', c, '--key-file', 'study.key', '--out', c]);
    expectRefused(r, c, 'the case file', `${c}/case.json`);
    expect(readFileSync(path.join(s.dir, c, 'case.json'))).toEqual(kase);
    expect(existsSync(path.join(s.dir, c, 'manifest.json'))).toBe(false);
    // An anonymised case anonymised again into its own folder would replace its inputs.
    expect(run(['anonymise', c, '--key-file', 'study.key', '--out', 'anon-1']).code).toBe(0);
    const first = readFileSync(path.join(s.dir, 'anon-1/input-001.jsonl'));
    const again = run(['anonymise', 'anon-1', '--key-file', 'study.key', '--out', 'anon-1']);
    expectRefused(again, 'anon-1', 'the input file', 'anon-1/input-001.jsonl');
    expect(readFileSync(path.join(s.dir, 'anon-1/input-001.jsonl'))).toEqual(first);
  });

  it('batch refuses an --out that is a case folder, where a table would replace an input', () => {
    freshCase('cases/alice');
    const diary = readFileSync(path.join(s.dir, 'cases/alice/incident-diary.csv'));
    s.file('cases/alice/daily.csv', diary);
    const r = run(['batch', 'cases', '--out', 'cases/alice', '--jobs', '1', '--quiet']);
    expectUsageError(
      r,
      "error: --out cases/alice is the case folder cases/alice, which holds that case's inputs (cases/alice/README.md, …)\n" +
        'hint: Nothing was written. Write the tables to a folder of their own, e.g. --out results.\n',
    );
    expect(readFileSync(path.join(s.dir, 'cases/alice/daily.csv'))).toEqual(diary);
    expect(existsSync(path.join(s.dir, 'cases/alice/cases.csv'))).toBe(false);
  });

  it('batch refuses an --out folder outside the cases whose table is a hard link to an input', () => {
    freshCase('hard-cases/bob');
    const diary = path.join(s.dir, 'hard-cases/bob/incident-diary.csv');
    const before = readFileSync(diary);
    s.file('hard-results/cases.csv', 'case\n');
    linkSync(diary, path.join(s.dir, 'hard-results/daily.csv'));
    const r = run(['batch', 'hard-cases', '--out', 'hard-results', '--jobs', '1', '--quiet']);
    expectRefused(r, 'hard-results', 'the input file', 'hard-cases/bob/incident-diary.csv');
    expect(readFileSync(diary)).toEqual(before);
    expect(readFileSync(path.join(s.dir, 'hard-results/cases.csv'), 'utf8')).toBe('case\n');
  });

  it('still writes a new file inside the case folder', () => {
    const c = freshCase('new-file');
    const r = run(['report', c, '--format', 'json', '--now', NOW, '--out', `${c}/report.json`]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(path.join(s.dir, c, 'report.json'), 'utf8')).schemaVersion).toBe(1);
    const t = run(['timeline', c, '--out', `${c}/timeline.csv`]);
    expect(t.code, t.stderr).toBe(0);
    expect(readFileSync(path.join(s.dir, c, 'timeline.csv'), 'utf8')).toMatch(/^id,utc,local,/);
  });
});
