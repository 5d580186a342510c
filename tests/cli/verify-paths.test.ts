/**
 * `chronolog verify` reads the report's paths the way they were written: an absolute path (a report made from
 * `~/exports`) is checked where it is, a relative one from the current folder or `--root`. Files the report listed
 * as not read are known, never "extra"; a file added since is extra, named as the report would name it. A report
 * that does not exist is an input failure (exit 1), not a usage error.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-verify-paths-');
afterAll(() => s.cleanup());

const CHAT = '12/03/2024, 10:00 - Sam: are you there\n13/03/2024, 22:01 - Sam: answer me\n';

function freshCase(name: string): string {
  const dir = path.join(s.dir, name);
  cpSync(path.join(ROOT, DEMO), dir, { recursive: true });
  return dir;
}

const run = (args: string[], cwd = s.dir) => {
  const r = cli(args, {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

describe('verify and the form of the report paths', () => {
  it('verifies a report made from an absolute path, from any folder', () => {
    const dir = freshCase('absolute');
    const out = path.join(s.dir, 'absolute.json');
    expect(run(['report', dir, '--format', 'json', '--now', NOW, '--out', out]).code).toBe(0);
    for (const cwd of [s.dir, ROOT]) {
      const r = run(['verify', out], cwd);
      expect(r.code, r.stdout).toBe(0);
      expect(r.stdout).toBe(
        `✔ all 6 inputs and the case file match the SHA-256 recorded in ${out}; figures not recomputed (add --recompute to check them)\n`,
      );
    }
  });

  it('names a file added under an absolute path by its absolute path, and never the files listed as not read', () => {
    const dir = freshCase('absolute-extra');
    const out = path.join(s.dir, 'absolute-extra.json');
    expect(run(['report', dir, '--format', 'json', '--now', NOW, '--out', out]).code).toBe(0);
    writeFileSync(path.join(dir, 'later-chat.txt'), CHAT);
    const r = run(['verify', out], ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      `  extra:   ${path.join(dir, 'later-chat.txt')}`,
    ]);
    expect(r.stdout).not.toMatch(/README\.md|notes\.txt|\.\.\//);
    expect(r.stdout).toContain('absolute paths, so they are checked where they were');
  });

  it('verifies a report made from a relative path from its folder, or from elsewhere with --root', () => {
    freshCase('relative');
    const out = path.join(s.dir, 'relative.json');
    expect(run(['report', 'relative', '--format', 'json', '--now', NOW, '--out', out]).code).toBe(0);
    const here = run(['verify', out]);
    expect(here.code, here.stdout).toBe(0);
    expect(here.stdout).toMatch(/^✔ all 6 inputs and the case file match/);
    const rooted = run(['verify', out, '--root', s.dir], ROOT);
    expect(rooted.code, rooted.stdout).toBe(0);
    writeFileSync(path.join(s.dir, 'relative/later-chat.txt'), CHAT);
    const extra = run(['verify', out]);
    expect(extra.code).toBe(1);
    expect(extra.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  extra:   relative/later-chat.txt',
    ]);
    expect(extra.stdout).toContain(`Paths are resolved from ${s.dir}; use --root DIR`);
  });

  it('exits 1 with "there is no such file or folder" for a report that does not exist', () => {
    const r = run(['verify', 'nope.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: cannot read nope.json: there is no such file or folder\nhint: Give the path of the report written with --format json, e.g. chronolog verify report.json\n',
    );
  });

  it('never names the report being verified, nor other chronolog reports kept with the evidence, as extra', () => {
    freshCase('kept');
    for (const [format, out] of [
      ['json', 'kept/report.json'],
      ['html', 'kept/report.html'],
      ['markdown', 'kept/report.md'],
    ])
      expect(run(['report', 'kept', '--format', format!, '--now', NOW, '--out', out!]).code).toBe(0);
    const r = run(['verify', 'kept/report.json']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toBe(
      [
        '✔ all 6 inputs and the case file match the SHA-256 recorded in kept/report.json; figures not recomputed (add --recompute to check them)',
        '  not an input: kept/report.html (a chronolog report)',
        '  not an input: kept/report.md (a chronolog report)',
        '',
      ].join('\n'),
    );
    // A file that only looks like a report by name is no output: an export a report would read is extra, and
    // fails; one it would not read is named as not read (README: extra is what a new report would read).
    writeFileSync(path.join(s.dir, 'kept/report-notes.html'), '<!DOCTYPE html><p>my notes</p>\n');
    writeFileSync(path.join(s.dir, 'kept/report-chat.html'), CHAT);
    const extra = run(['verify', 'kept/report.json']);
    expect(extra.code).toBe(1);
    expect(extra.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  extra:   kept/report-chat.html',
      '  not read: kept/report-notes.html (not a supported export format)',
      '  not an input: kept/report.html (a chronolog report)',
      '  not an input: kept/report.md (a chronolog report)',
    ]);
  });

  it('names a timeline or a text report saved beside the evidence after the report as outputs, not as extra', () => {
    freshCase('later');
    expect(
      run(['report', 'later', '--format', 'json', '--now', NOW, '--out', 'later/report.json']).code,
    ).toBe(0);
    expect(run(['timeline', 'later', '--out', 'later/timeline.csv']).code).toBe(0);
    expect(run(['timeline', 'later', '--format', 'jsonl', '--out', 'later/timeline.jsonl']).code).toBe(0);
    expect(run(['report', 'later', '--now', NOW, '--out', 'later/summary.txt']).code).toBe(0);
    const r = run(['verify', 'later/report.json']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  not an input: later/summary.txt (a chronolog text report)',
      '  not an input: later/timeline.csv (a chronolog timeline)',
      '  not an input: later/timeline.jsonl (a chronolog timeline)',
    ]);
    // A report run over the folder now says what they are.
    const again = run(['report', 'later', '--format', 'json', '--now', NOW, '--out', 'again.json']);
    expect(again.code).toBe(0);
    const ignored = JSON.parse(readFileSync(path.join(s.dir, 'again.json'), 'utf8')).ignoredFiles;
    expect(ignored).toEqual(
      expect.arrayContaining([
        { path: 'later/report.json', reason: 'a chronolog report, not an export' },
        { path: 'later/summary.txt', reason: 'a chronolog text report, not an export' },
        { path: 'later/timeline.csv', reason: 'a chronolog timeline, not an export' },
        { path: 'later/timeline.jsonl', reason: 'a chronolog timeline, not an export' },
      ]),
    );
  });

  it('says the folder is wrong, and which --root finds the files, when none of them is found', () => {
    freshCase('lost');
    mkdirSync(path.join(s.dir, 'out'));
    expect(run(['report', 'lost', '--format', 'json', '--now', NOW, '--out', 'out/report.json']).code).toBe(
      0,
    );
    const out = path.join(s.dir, 'out');
    const r = run(['verify', 'report.json'], out);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        `✖ none of the files recorded in report.json is under ${out}:`,
        '  missing: lost/WhatsApp Chat with Sam.txt',
        '  missing: lost/calls-20240601090000.xml',
        '  missing: lost/incident-diary.csv',
        '  missing: lost/sms-20240315120000.xml',
        '  missing: lost/sms-20240601090000.xml',
        '  missing: lost/whatsapp-iphone/_chat.txt',
        '  missing: lost/case.json (the case file)',
        `Paths are resolved from ${out} (the current folder), so this is most likely the wrong folder rather than changed files.`,
        `They are all found from ${s.dir}: run chronolog verify report.json --root ..`,
        '',
      ].join('\n'),
    );
    expect(r.stdout).not.toContain('Every figure in the report depends on the case file');
    const rooted = run(['verify', 'report.json', '--root', '..'], out);
    expect(rooted.code, rooted.stdout).toBe(0);
    // A wrong --root is named as such; with the files nowhere near the report, the hint says how to find them.
    const wrong = run(['verify', 'out/report.json', '--root', 'out']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout.split('\n').slice(-3)).toEqual([
      `Paths are resolved from ${out} (the folder given to --root), so this is most likely the wrong folder rather than changed files.`,
      `They are all found from ${s.dir}: run chronolog verify out/report.json --root .`,
      '',
    ]);
    // Far from both the files and the report's own folder, it says how to give the right folder.
    mkdirSync(path.join(s.dir, 'far/deep'), { recursive: true });
    cpSync(path.join(out, 'report.json'), path.join(s.dir, 'far/deep/report.json'));
    const far = run(['verify', 'report.json'], path.join(s.dir, 'far/deep'));
    expect(far.code).toBe(1);
    expect(far.stdout.split('\n').slice(-2)).toEqual([
      'Run verify from the folder the report was made in, or give that folder with --root DIR.',
      '',
    ]);
  });
});
