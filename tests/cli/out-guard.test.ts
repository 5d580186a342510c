/**
 * `--out` never replaces an original: a report, timeline, anonymised case or batch table aimed at one of the input
 * files (by any path to it, or a link) or at the case file is refused with exit 2 before anything is written, and
 * the file keeps its bytes. A new file inside the case folder is still allowed. A report or timeline aimed at any
 * other existing file that chronolog did not write (the diary beside the chat that was read, a call log backup, a
 * picture, someone's notes) is refused too, as is the format a hint about the name suggests for it.
 */
import { cpSync, existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, cli, DEMO, expectUsageError, NOW, ROOT, STACK } from '../helpers/cli.js';
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

/** The error and hint for `--out out`, an existing file chronolog did not write (`what`: how it reads, if known). */
function expectNotOwn(r: CliResult, out: string, what: string | undefined, example: string) {
  expectUsageError(
    r,
    `error: --out ${out} would replace an existing file that chronolog did not write${what === undefined ? '' : ` (${what})`}\n` +
      `hint: Nothing was written. chronolog replaces only a report or timeline it wrote itself. Give --out another name, e.g. --out ${example}; or, if ${out} is not needed there, move it elsewhere (or delete it) first.\n`,
  );
}

describe('--out naming an existing file that chronolog did not write', () => {
  it('timeline of the chat alone refuses the diary beside it, which is no input of that run', () => {
    const c = freshCase('beside');
    const diary = path.join(s.dir, c, 'incident-diary.csv');
    const before = readFileSync(diary);
    const r = run([
      'timeline',
      `${c}/WhatsApp Chat with Sam.txt`,
      '--subject',
      'Sam',
      '--out',
      `${c}/incident-diary.csv`,
    ]);
    expectNotOwn(
      r,
      `${c}/incident-diary.csv`,
      'it reads as Incident diary (CSV, kept by hand)',
      'timeline.csv',
    );
    expect(readFileSync(diary)).toEqual(before);
  });

  it('refuses a call log backup, a picture and plain notes outside the folders read', () => {
    const c = freshCase('outside');
    const calls = readFileSync(path.join(s.dir, c, 'calls-20240601090000.xml'));
    s.file('calls.bak', calls);
    expectNotOwn(
      run(['timeline', c, '--out', 'calls.bak']),
      'calls.bak',
      'it reads as SMS Backup & Restore (Android) XML',
      'timeline.csv',
    );
    expect(readFileSync(path.join(s.dir, 'calls.bak'))).toEqual(calls);
    // A photo's first bytes (JPEG), named as one: said before the name's format is refused.
    const jpeg = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
      Buffer.from('JFIF\0'),
      Buffer.alloc(64),
    ]);
    s.file('bruise.jpg', jpeg);
    expectNotOwn(
      run(['report', c, '--out', 'bruise.jpg']),
      'bruise.jpg',
      'a picture or screenshot',
      'report.txt',
    );
    expect(readFileSync(path.join(s.dir, 'bruise.jpg'))).toEqual(jpeg);
    s.file('my notes', 'Called the police on Friday.\n');
    expectNotOwn(
      run(['report', c, '--format', 'json', '--out', 'my notes']),
      'my notes',
      undefined,
      'report.json',
    );
    expect(readFileSync(path.join(s.dir, 'my notes'), 'utf8')).toBe('Called the police on Friday.\n');
  });

  it('refuses before the name and format disagree, so the hint never leads to replacing the file', () => {
    const c = freshCase('hinted');
    const saved = s.file('saved-report.txt', 'Report as copied from the browser\nSubject: Sam\n');
    const before = readFileSync(saved);
    // Without the file's protection, the mismatch said "…or give --format text", and that replaced it.
    for (const format of ['html', 'text'])
      expectNotOwn(
        run(['report', c, '--format', format, '--out', 'saved-report.txt']),
        'saved-report.txt',
        undefined,
        format === 'html' ? 'report.html' : 'report.txt',
      );
    expect(readFileSync(saved)).toEqual(before);
  });

  it("replaces an empty file, and chronolog's own outputs outside the folders read that other tests leave out", () => {
    // The reports in each format, and the timelines, run again into their own earlier copies: out-replace-own.test.ts.
    const chat = `${freshCase('own-outside')}/WhatsApp Chat with Sam.txt`;
    s.file('empty.txt', '');
    const empty = run(['report', chat, '--subject', 'Sam', '--quiet', '--out', 'empty.txt']);
    expect(empty.code, empty.stderr).toBe(0);
    expect(readFileSync(path.join(s.dir, 'empty.txt'), 'utf8')).toMatch(/^chronolog — /);
    const twice = (command: string, args: string[]) => {
      for (let i = 0; i < 2; i++) {
        const r = run([command, chat, ...args, '--quiet']);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
      }
    };
    twice('timeline', ['--subject', 'Sam', '--excel', '--out', 'excel.csv']);
    expect(readFileSync(path.join(s.dir, 'excel.csv'), 'utf8')).toMatch(/^\uFEFFid,utc,/);
    // A subject never seen: a report without incidents, and an empty timeline of incidents.
    twice('report', ['--subject', 'nobody@example.com', '--out', 'none.txt']);
    expect(readFileSync(path.join(s.dir, 'none.txt'), 'utf8')).toMatch(/\nNo incidents found/);
    twice('timeline', ['--subject', 'nobody@example.com', '--incidents-only', '--out', 'none.jsonl']);
    expect(readFileSync(path.join(s.dir, 'none.jsonl'), 'utf8')).toBe('');
  });
});
