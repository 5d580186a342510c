/**
 * What a person is told when files cannot be read: an unreadable file or folder is an error (counted, failing
 * --strict) with the reason in words and what to do, and a failure of the only input says what went wrong
 * instead of "not a supported export" or "no files found". Permissions are real: the files are made
 * unreadable with chmod, and as root (who may read anything) the CLI runs without the capabilities that bypass
 * file modes (tests/helpers/cli.ts).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../src/model/index.js';
import { NESTED as NESTED_REASON } from '../../src/sources/zip.js';
import { type CliResult, cli, NOW, ROOT, STACK } from '../helpers/cli.js';
import { makeZip } from '../helpers/zip-writer.js';

const dir = mkdtempSync(path.join(tmpdir(), 'chronolog-unreadable-'));
afterAll(() => {
  chmodTree(dir);
  rmSync(dir, { recursive: true, force: true });
});

const SMS = readFileSync('fixtures/demo-case/sms-20240315120000.xml');
const DIARY = 'Date,Time,Type of contact,What happened\n13/01/2024,21:40,Text,six texts\n';

function chmodTree(p: string): void {
  spawnSync('chmod', ['-R', 'u+rwX', p]);
}

function file(rel: string, data: string | Buffer, mode = 0o644): string {
  const p = path.join(dir, rel);
  mkdirSync(path.dirname(p), { recursive: true, mode: 0o755 });
  writeFileSync(p, data);
  chmodSync(p, mode);
  return p;
}

/** Runs the CLI so that file modes apply to it (under root, without the capabilities that bypass them). */
function run(args: readonly string[]): CliResult {
  return cli(args, {}, ROOT, { unprivileged: true });
}

const REPORT = ['--format', 'json', '--now', NOW, '--victim', 'Alex'];
const PERMISSION_HINT =
  /^hint: Your user account is not allowed to open this (file|folder)\. Ask whoever owns it for a copy you can open/m;

describe('files and folders that cannot be read', () => {
  it('counts an unreadable file in a folder as an error, so --strict fails', () => {
    file('mixed/sms.xml', SMS);
    const diary = file('mixed/diary.csv', DIARY, 0o000);
    const r = run(['report', path.join(dir, 'mixed'), '--strict', ...REPORT]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/; 1 error, /);
    expect(r.stderr).toMatch(
      /\nchronolog: exit 1 \(--strict\): 1 error listed; the output was written all the same\n$/,
    );
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.problems).toContainEqual({
      code: 'INPUT_UNREADABLE',
      severity: 'error',
      file: diary,
      message: 'could not be read: permission denied',
      hint: expect.stringContaining('chmod u+r'),
    });
    expect(report.ignoredFiles).toContainEqual({
      path: diary,
      reason: 'could not be read: permission denied',
    });
  });

  it('says a single unreadable file is unreadable, not an unsupported format', () => {
    const diary = file('single/diary.csv', DIARY, 0o000);
    const r = run(['report', diary, ...REPORT]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(`error: ${diary}: could not be read: permission denied`);
    expect(r.stderr).toMatch(PERMISSION_HINT);
    expect(r.stderr).not.toMatch(/supported export|chronolog formats/);
  });

  it('says an unreadable folder cannot be opened, not that it holds no files', () => {
    file('locked/diary.csv', DIARY);
    const locked = path.join(dir, 'locked');
    chmodSync(locked, 0o000);
    const r = run(['report', locked, ...REPORT]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${locked}: folder could not be opened: permission denied`);
    expect(r.stderr).toMatch(PERMISSION_HINT);
    expect(r.stderr).not.toMatch(/no files found/);
  });

  it('counts an unreadable subfolder as an error beside files that were read', () => {
    file('withsub/sms.xml', SMS);
    file('withsub/private/diary.csv', DIARY);
    const sub = path.join(dir, 'withsub', 'private');
    chmodSync(sub, 0o000);
    const r = run(['report', path.join(dir, 'withsub'), '--strict', ...REPORT]);
    expect(r.code, r.stderr).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([
      {
        code: 'INPUT_UNREADABLE',
        severity: 'error',
        file: sub,
        message: 'folder could not be opened: permission denied',
        hint: expect.stringContaining('chmod -R u+rX'),
      },
    ]);
  });

  it('inspect marks an unreadable file as an error among the problems', () => {
    file('inspected/sms.xml', SMS);
    const diary = file('inspected/diary.csv', DIARY, 0o000);
    const r = run(['inspect', path.join(dir, 'inspected')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`not read: ${diary} — could not be read: permission denied`);
    expect(r.stdout).toContain(`✖ ${diary}: could not be read: permission denied`);
  });
});

describe('archives that cannot be read', () => {
  it('explains a truncated zip given alone, with the hint to download it again', () => {
    const whole = makeZip([{ name: '_chat.txt', data: '12/01/2024, 18:04 - Sam: Answer me\n'.repeat(200) }]);
    const cut = file('tz.zip', whole.subarray(0, Math.floor(whole.length / 2)));
    const r = run(['report', cut, ...REPORT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `error: ${cut}: the zip file is damaged or was cut short: it could not be opened (details: End of central directory record signature not found. Either not a zip file, or file is truncated)\n` +
        'hint: Download or copy the export again; if the phone or app made it, export it again from there. Then re-run with the new zip file.\n',
    );
  });

  it('lists each file with its own reason when none could be used, and gives both remedies', () => {
    const whole = makeZip([{ name: '_chat.txt', data: '13/01/2024, 18:04 - Sam: Answer me\n'.repeat(200) }]);
    file('two/cut.zip', whole.subarray(0, 100));
    file('two/notes.md', '# my notes\n');
    const r = run(['report', path.join(dir, 'two'), ...REPORT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: none of the 2 files could be read as a supported export:/);
    expect(r.stderr).toContain(
      `${path.join(dir, 'two', 'cut.zip')}: the zip file is damaged or was cut short: it could not be opened (details: `,
    );
    expect(r.stderr).toContain(`${path.join(dir, 'two', 'notes.md')}: not a supported export format`);
    expect(r.stderr).toMatch(
      /^hint: Download or copy the export again; .* Then re-run with the new zip file\. Run `chronolog formats`/m,
    );
  });

  it('inspect names a damaged zip as such in plain words, with its code and file name, and what to do', () => {
    const damaged = file('damaged/cut.zip', Buffer.from('PK\x03\x04garbage', 'latin1'));
    const r = run(['inspect', damaged]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `  not read: ${damaged} — the zip file is damaged or was cut short: it could not be opened (ZIP_UNREADABLE)\n`,
    );
    expect(r.stdout).toContain(
      `✖ ${damaged}: the zip file is damaged or was cut short: it could not be opened`,
    );
    expect(r.stdout).toContain(
      'Download or copy the export again; if the phone or app made it, export it again from there.',
    );
    expect(r.stdout).not.toContain('archive not read');
  });

  it('reports a member with a bad CRC-32 as damaged and fails --strict', () => {
    const chat = '13/01/2024, 18:04 - Sam: Answer me\n13/01/2024, 18:05 - Sam: Now\n';
    const zip = makeZip([
      { name: '_chat.txt', data: chat, store: true },
      { name: 'sms.xml', data: SMS },
    ]);
    const at = 30 + '_chat.txt'.length + chat.indexOf('Answer');
    zip[at] = zip[at]! ^ 0x20;
    const archive = file('damaged.zip', zip);
    const r = run(['report', archive, '--strict', ...REPORT]);
    expect(r.code, r.stderr).toBe(1);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    const member = `${archive}!/_chat.txt`;
    expect(report.inputs.find((i) => i.path === member)).toMatchObject({ incomplete: true });
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([
      expect.objectContaining({
        code: 'ZIP_MEMBER_DAMAGED',
        file: member,
        message: expect.stringMatching(
          /^this file inside the archive is damaged: its content does not match/,
        ),
      }),
    ]);
  });
  it('names a zip inside a zip as not read, instead of passing it over as an attachment', () => {
    const chat = '13/01/2024, 18:04 - Sam: Answer me\n';
    const inner = makeZip([{ name: '_chat.txt', data: chat }]);
    const archive = file(
      'nested/outer.zip',
      makeZip([
        { name: 'inner.zip', data: inner, store: true },
        { name: 'sms.xml', data: SMS },
      ]),
    );
    const r = run(['report', archive, ...REPORT]);
    expect(r.code, r.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.ignoredFiles).toEqual([{ path: `${archive}!/inner.zip`, reason: NESTED_REASON }]);
    expect(report.problems).toContainEqual({
      code: 'ZIP_NESTED',
      severity: 'warning',
      file: `${archive}!/inner.zip`,
      message: `${archive}!/inner.zip is an archive inside an archive; it was not read`,
      hint: 'If it holds exports (it may also be a file sent as an attachment), unzip the outer archive and give chronolog the inner one, which is read in place.',
    });
  });
  it('says a zip holding only another zip holds an archive not opened, not that it is empty', () => {
    const inner = makeZip([{ name: '_chat.txt', data: '13/01/2024, 18:04 - Sam: Answer me\n' }]);
    const archive = file('only-nested/outer.zip', makeZip([{ name: 'ios.zip', data: inner, store: true }]));
    const r = run(['inspect', archive, '--format', 'json']);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).not.toMatch(/no files found/);
    expect(r.stderr).toContain(
      `error: no export could be read: ${archive} holds only another archive (ios.zip), which is not opened: a zip inside a zip is not read\n`,
    );
    expect(r.stderr).toContain(
      `hint: Unzip ${archive} and give chronolog the archive inside (ios.zip), which is read in place.`,
    );
    const shown = JSON.parse(r.stdout) as {
      ignoredFiles: unknown;
      problems: { code: string; file: string }[];
    };
    expect(shown.ignoredFiles).toEqual([{ path: `${archive}!/ios.zip`, reason: NESTED_REASON }]);
    expect(shown.problems).toEqual([
      expect.objectContaining({ code: 'ZIP_NESTED', severity: 'warning', file: `${archive}!/ios.zip` }),
    ]);
    // In words too: the inner archive is counted and named as not read.
    const text = run(['inspect', archive]);
    expect(text.stdout).toContain('Inputs: 0 files read, 1 not read');
    expect(text.stdout).toContain(`not read: ${archive}!/ios.zip — ${NESTED_REASON}`);
  });

  it('names the other files beside a nested zip (a macOS resource fork) when nothing could be read', () => {
    const inner = makeZip([{ name: '_chat.txt', data: '13/01/2024, 18:04 - Sam: Answer me\n' }]);
    const archive = file(
      'nested-mac/outer.zip',
      makeZip([
        { name: 'ios.zip', data: inner, store: true },
        { name: '__MACOSX/._ios.zip', data: Buffer.alloc(82, 1) },
      ]),
    );
    const r = run(['inspect', archive]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(
      `error: no export could be read: ${archive} holds another archive (ios.zip), which is not opened: a zip inside a zip is not read; the other file is not an export:\n  ${archive}!/__MACOSX/._ios.zip: macOS resource fork, not an export\n`,
    );
  });
});
