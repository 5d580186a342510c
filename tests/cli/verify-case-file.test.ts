/**
 * `chronolog verify` and the case file. The case file decides who counts as the subject, the milestones, the window
 * and the zone, so every figure in a report rests on it: verify re-hashes the one the report names, like an input,
 * and a changed or missing case file fails (exit 1) saying the figures depend on it. The report names the case file
 * the way it names the inputs: under the folder as it was given (relative or absolute), or as given to --case, so a
 * shared report shows no folder the user did not type and verify finds it from the current folder or --root.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-verify-case-file-');
afterAll(() => s.cleanup());

const CHAT = [
  '12/03/2024, 10:00 - Sam: are you there',
  '12/03/2024, 10:05 - Mum: call me when you can',
  '13/03/2024, 22:01 - Sam: answer me',
  '14/03/2024, 08:15 - Sam: I know where you are',
  '',
].join('\n');

const CASE = {
  timezone: 'Europe/London',
  victim: { identifiers: ['Alex'] },
  subject: { name: 'Sam Carter', identifiers: ['Sam'] },
  milestones: [{ date: '2024-03-13', label: 'Police warning', type: 'warning' }],
};

/** `name/case/` holding a chat and case.json; the report is made in `name/` with `args` and written to report.json. */
function reported(name: string, args: string[] = ['case']) {
  const dir = path.join(s.dir, name);
  s.file(`${name}/case/WhatsApp Chat with Sam.txt`, CHAT);
  s.file(`${name}/case/case.json`, `${JSON.stringify(CASE, null, 2)}\n`);
  const r = cli(['report', ...args, '--format', 'json', '--now', NOW, '--out', 'report.json'], {}, dir);
  expect(r.code, r.stderr).toBe(0);
  return { dir, report: JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')) };
}

/** `name/case/` holding only the chat; the report is made in `name/` with --subject instead of a case file. */
function reportedWithoutCaseFile(name: string): string {
  const dir = path.join(s.dir, name);
  s.file(`${name}/case/WhatsApp Chat with Sam.txt`, CHAT);
  const r = cli(
    ['report', 'case', '--subject', 'Sam', '--format', 'json', '--now', NOW, '--out', 'report.json'],
    {},
    dir,
  );
  expect(r.code, r.stderr).toBe(0);
  return dir;
}

function verify(cwd: string, ...extra: string[]) {
  const r = cli(['verify', 'report.json', ...extra], {}, cwd);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).toBe('');
  return { code: r.code, lines: r.stdout.trimEnd().split('\n') };
}

const HINT =
  'Every figure in the report depends on the case file it was made with. ' +
  'If the change was intended, make a new report; if not, put back the case file the report was made with.';
const CHANGED =
  /^ {2}changed: case\/case\.json \(the case file: who counts as the subject, the milestones, the window and the time zone; expected [0-9a-f]{16}…, found [0-9a-f]{16}…\)$/;

describe('verify and the case file', () => {
  it('records the case file of a folder given relatively by a relative path, and verifies it with the inputs', () => {
    const { dir, report } = reported('untouched');
    expect(report.case.caseFile.path).toBe('case/case.json');
    expect(report.case.caseFile.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.inputs.map((i: { path: string }) => i.path)).toEqual(['case/WhatsApp Chat with Sam.txt']);
    const r = verify(dir);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([
      '✔ the 1 input and the case file match the SHA-256 recorded in report.json; figures not recomputed (add --recompute to check them)',
    ]);
  });

  it('fails when the case file changed, naming it as the case file and saying what to do', () => {
    const { dir } = reported('edited');
    // The reviewer's edit: one more identifier for the subject, which changes who counts as the subject.
    const edited = { ...CASE, subject: { ...CASE.subject, identifiers: ['Sam', 'Mum'] } };
    writeFileSync(path.join(dir, 'case/case.json'), `${JSON.stringify(edited, null, 2)}\n`);
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('✖ the case file differs from the one recorded in report.json:');
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([expect.stringMatching(CHANGED)]);
    expect(r.lines.slice(-2)).toEqual([
      HINT,
      `Paths are resolved from ${dir}; use --root DIR to verify a copy kept elsewhere.`,
    ]);
  });

  it('fails when the case file is missing, naming it as the case file', () => {
    const { dir } = reported('deleted');
    rmSync(path.join(dir, 'case/case.json'));
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      '✖ the case file differs from the one recorded in report.json:',
      '  missing: case/case.json (the case file)',
      HINT,
      `Paths are resolved from ${dir}; use --root DIR to verify a copy kept elsewhere.`,
    ]);
  });

  it('names a changed input and a changed case file together', () => {
    const { dir } = reported('both');
    writeFileSync(path.join(dir, 'case/WhatsApp Chat with Sam.txt'), CHAT.replace('answer', 'ANSWER'));
    writeFileSync(path.join(dir, 'case/case.json'), JSON.stringify({ ...CASE, timezone: 'UTC' }));
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines[0]).toBe('✖ the inputs and the case file differ from those recorded in report.json:');
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(/^ {2}changed: case\/WhatsApp Chat with Sam\.txt \(expected /),
      expect.stringMatching(CHANGED),
    ]);
    expect(r.lines).toContain(HINT);
  });

  it('finds a relative case file from --root, like the inputs, when the report is checked elsewhere', () => {
    const { dir } = reported('moved');
    const copy = path.join(s.dir, 'police-copy');
    mkdirSync(copy);
    cpSync(path.join(dir, 'case'), path.join(copy, 'case'), { recursive: true });
    const lost = cli(['verify', path.join(dir, 'report.json')], {}, s.dir);
    expect(lost.code).toBe(1);
    expect(lost.stdout).toContain('  missing: case/case.json (the case file)\n');
    rmSync(path.join(dir, 'case'), { recursive: true });
    const found = cli(['verify', path.join(dir, 'report.json'), '--root', copy], {}, s.dir);
    expect(found.code, found.stdout).toBe(0);
    expect(found.stdout).toMatch(/^✔ the 1 input and the case file match/);
  });

  it('names the case file under the folder exactly as the inputs are named, whatever form the folder was given in', () => {
    const dotted = reported('dotted', ['./case/']).report;
    expect(dotted.case.caseFile.path).toBe('case/case.json');
    const inside = cli(
      ['report', '.', '--format', 'json', '--now', NOW],
      {},
      path.join(s.dir, 'dotted/case'),
    );
    expect(inside.code, inside.stderr).toBe(0);
    expect(JSON.parse(inside.stdout).case.caseFile.path).toBe('case.json');
    const up = cli(
      ['report', '../case', '--format', 'json', '--now', NOW],
      {},
      path.join(s.dir, 'dotted/case'),
    );
    const upReport = JSON.parse(up.stdout);
    expect(upReport.case.caseFile.path).toBe('../case/case.json');
    expect(upReport.inputs[0].path).toBe('../case/WhatsApp Chat with Sam.txt');
  });

  it('records an absolute path only when the folder was given as one, and verifies it from anywhere', () => {
    const dir = path.join(s.dir, 'absolute');
    const { report } = reported('absolute', [path.join(dir, 'case')]);
    expect(report.case.caseFile.path).toBe(path.join(dir, 'case/case.json'));
    const r = cli(['verify', path.join(dir, 'report.json')], {}, s.dir);
    expect(r.code, r.stdout).toBe(0);
    writeFileSync(path.join(dir, 'case/case.json'), JSON.stringify({ ...CASE, milestones: [] }));
    const changed = cli(['verify', path.join(dir, 'report.json')], {}, s.dir);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain(`  changed: ${path.join(dir, 'case/case.json')} (the case file: `);
    expect(changed.stdout).toContain('absolute paths, so they are checked where they were');
  });

  it('speaks of inputs only when the report was made without a case file', () => {
    const dir = reportedWithoutCaseFile('no-case');
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8')).case.caseFile).toBeNull();
    expect(verify(dir).lines).toEqual([
      '✔ the 1 input matches the SHA-256 recorded in report.json; figures not recomputed (add --recompute to check them)',
    ]);
  });

  it('names a case file added to an input folder after the report, which a new report would read', () => {
    const dir = reportedWithoutCaseFile('added');
    s.file('added/case/case.json', `${JSON.stringify(CASE, null, 2)}\n`);
    const v = verify(dir);
    expect(v.code).toBe(1);
    expect(v.lines).toEqual([
      '✖ the case file differs from the one recorded in report.json:',
      '  extra:   case/case.json (a case file the report was not made with; a report made again from this folder would use it)',
      'A case file in a folder is read by every report made from that folder. If it was added on purpose, make a new report; if not, remove it.',
      `Paths are resolved from ${dir}; use --root DIR to verify a copy kept elsewhere.`,
    ]);
    // A second case file beside the one the report was made with is named too; the one it was made with is not.
    const { dir: kept } = reported('second');
    s.file('second/case/case.yaml', 'timezone: UTC\n');
    expect(verify(kept).lines.filter((l) => l.startsWith('  '))).toEqual([
      '  extra:   case/case.yaml (a case file the report was not made with; a report made again from this folder would use it)',
    ]);
  });

  it('records --case FILE as it was given, and verifies it', () => {
    const dir = path.join(s.dir, 'named');
    s.file('named/settings/alex.json', JSON.stringify(CASE));
    const { report } = reported('named', ['case', '--case', 'settings/alex.json']);
    expect(report.case.caseFile.path).toBe('settings/alex.json');
    // The case/case.json beside the chat is not named: a run given --case reads no case file from the folders.
    expect(verify(dir).code).toBe(0);
    writeFileSync(path.join(dir, 'settings/alex.json'), JSON.stringify({ ...CASE, region: 'GB' }));
    const r = verify(dir);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.startsWith('  '))).toEqual([
      expect.stringMatching(/^ {2}changed: settings\/alex\.json \(the case file: /),
    ]);
  });
});
