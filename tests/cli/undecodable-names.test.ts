/**
 * Files and folders whose names are not valid UTF-8 (a Windows-1252 "é", the byte 0xE9, in a name copied from an
 * old USB stick or zip): Linux allows any bytes in a name. They are read, and named with each such byte shown as
 * `<0xE9>` alike in every output; found in a folder, given on the command line, read on the second thread, and
 * found again by `verify`. The names are made here, as bytes, when the tests run.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { argumentsAsGiven, givenPath, shownArgument, undecodedArgument } from '../../src/cli/argv-bytes.js';
import { bytesOfShown, joinPath, pathOfShown, shownBytes, shownPath } from '../../src/cli/disk-path.js';
import { ReportSchema } from '../../src/model/index.js';
import { BIN, type CliResult, cli, NOW, STACK } from '../helpers/cli.js';
import { tempDirs } from '../helpers/temp-dirs.js';

const tempDir = tempDirs('chronolog-undecodable-');

const CHAT = readFileSync('fixtures/whatsapp-txt/android-24h-dmy.txt');
/** A diary of one entry on `day` January 2024 (a day past 12: the order of day and month is plain). */
const diary = (day: number) =>
  `Date,Time,Type of contact,What happened\n${day}/01/2024,21:40,Text,six texts on the ${day}th\n`;

/** `dir` joined with `name` given as bytes (`\xE9` in a JavaScript string is the byte 0xE9), as a Buffer path. */
const at = (dir: string, name: string) =>
  Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);

/** The CLI run by a shell, so that `words` can hold bytes that are not UTF-8 (`"$(printf 'chat\\351.txt')"`). */
function shell(words: string, cwd: string, env: Record<string, string> = {}, into = '.'): CliResult {
  const r = spawnSync('/bin/sh', ['-c', `cd ${into} && exec "$0" "$1" ${words}`, process.execPath, BIN], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TZ: 'UTC', ...env },
  });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const REPORT = ['--tz', 'UTC', '--now', NOW, '--victim', 'You'];

describe('names that are not valid UTF-8', () => {
  it('reads a file so named in a folder, and names it with the byte shown as <0xE9> in every output', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(at(dir, 'in/chat\xE9.txt'), CHAT);
    const json = cli(['report', 'in', '--format', 'json', ...REPORT], {}, dir);
    expect(json.stderr).not.toMatch(STACK);
    expect(json.code, json.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(json.stdout));
    expect(report.inputs.map((i) => [i.path, i.format, i.events])).toEqual([
      ['in/chat<0xE9>.txt', 'whatsapp-txt', 9],
    ]);
    expect(report.ignoredFiles).toEqual([]);
    expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(json.stdout).not.toContain('\uFFFD');

    const inspect = cli(['inspect', 'in', '--tz', 'UTC'], {}, dir);
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout).toMatch(
      /^Inputs: 1 file read, 0 not read\n {2}in\/chat<0xE9>\.txt {2}whatsapp-txt /,
    );
    expect(inspect.stdout).not.toMatch(/ENOENT|moved or deleted|\uFFFD/);

    const md = cli(['report', 'in', '--format', 'markdown', '--out', 'r.md', ...REPORT], {}, dir);
    expect(md.code, md.stderr).toBe(0);
    const markdown = readFileSync(path.join(dir, 'r.md'), 'utf8');
    // Escaped for Markdown as any "<" is: a reader sees chat<0xE9>.txt.
    expect(markdown).toContain('in/chat\\<0xE9\\>.txt');
    expect(markdown).not.toContain('\uFFFD');

    const html = cli(['report', 'in', '--format', 'html', '--out', 'r.html', ...REPORT], {}, dir);
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(path.join(dir, 'r.html'), 'utf8');
    expect(page).toContain('in/chat&#60;0xE9&#62;.txt');
    expect(page).not.toContain('\uFFFD');
  });

  it('reads a folder so named and every byte of a name, in the same order every time', () => {
    const dir = tempDir();
    mkdirSync(at(dir, 'd\xE9'));
    mkdirSync(at(dir, 'd\xE9/x'));
    // Sorted by the name shown: "a.csv" < "a<0xE9>.csv" < "aé.csv" (UTF-8 é) < "b<0xFF><0xFE>.csv".
    writeFileSync(at(dir, 'd\xE9/x/b\xFF\xFE.csv'), diary(16));
    writeFileSync(at(dir, 'd\xE9/x/a\xC3\xA9.csv'), diary(15));
    writeFileSync(at(dir, 'd\xE9/x/a\xE9.csv'), diary(14));
    writeFileSync(at(dir, 'd\xE9/x/a.csv'), diary(13));
    // Two bytes that are the start of a character cut short: each is shown on its own.
    writeFileSync(at(dir, 'd\xE9/x/c\xE8\x80.csv'), diary(17));
    const r = shell(`report d* --format json ${REPORT.join(' ')}`, dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(r.stdout));
    expect(report.run?.paths).toEqual(['d<0xE9>']);
    expect(report.inputs.map((i) => [i.path, i.events])).toEqual([
      ['d<0xE9>/x/a.csv', 1],
      ['d<0xE9>/x/a<0xE9>.csv', 1],
      ['d<0xE9>/x/aé.csv', 1],
      ['d<0xE9>/x/b<0xFF><0xFE>.csv', 1],
      ['d<0xE9>/x/c<0xE8><0x80>.csv', 1],
    ]);
    expect(report.inputs.map((i) => i.sha256)).toEqual(
      [13, 14, 15, 16, 17].map((day) => createHash('sha256').update(diary(day)).digest('hex')),
    );
  });

  it('reads a file so named given on the command line, and names it as it is named in a folder', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(at(dir, 'in/chat\xE9.txt'), CHAT);
    const r = shell(`inspect "$(printf 'in/chat\\351.txt')" --tz UTC`, dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Inputs: 1 file read, 0 not read\n {2}in\/chat<0xE9>\.txt {2}whatsapp-txt /);
    // And a glob the shell expands to such a name, as a user would type it.
    const glob = shell(`report in/chat*.txt --format json ${REPORT.join(' ')}`, dir);
    expect(glob.code, glob.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(glob.stdout));
    expect(report.run?.paths).toEqual(['in/chat<0xE9>.txt']);
    expect(report.inputs.map((i) => i.path)).toEqual(['in/chat<0xE9>.txt']);
  });

  it('says why when the bytes of a name given on the command line cannot be had', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(at(dir, 'in/chat\xE9.txt'), CHAT);
    // A wrapper that renames its process overwrites /proc/self/cmdline: only Node's decoding, with U+FFFD, is left.
    const r = spawnSync(
      '/bin/sh',
      [
        '-c',
        `exec "$0" -e 'process.title = "wrapped"; require(process.argv[1])' "$1" inspect "$(printf 'in/chat\\351.txt')"`,
        process.execPath,
        BIN,
      ],
      { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: undefined, TZ: 'UTC' } },
    );
    expect(r.stderr).not.toMatch(STACK);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'error: in/chat\uFFFD.txt: no such file or folder\n' +
        'hint: A name shown with \uFFFD held bytes that are not valid UTF-8 (a letter such as é written by an older computer), which chronolog could not get from the command line as they are. Give the folder that holds the file instead (a file in a folder is read whatever its name), or rename it (for example in the file manager) and re-run.\n',
    );
    // Decoded before chronolog started (`npx chronolog`: npm passes on U+FFFD itself), the same hint.
    const npx = cli(['inspect', 'in/gone\uFFFD.txt'], {}, dir);
    expect(npx.code).toBe(1);
    expect(npx.stderr).toBe(
      'error: in/gone\uFFFD.txt: no such file or folder\n' +
        'hint: A name shown with \uFFFD held bytes that are not valid UTF-8 (a letter such as é written by an older computer), which chronolog could not get from the command line as they are. Give the folder that holds the file instead (a file in a folder is read whatever its name), or rename it (for example in the file manager) and re-run.\n',
    );
    const plain = cli(['inspect', 'in/gone.txt'], {}, dir);
    expect(plain.stderr).toMatch(/^hint: Check the path\./m);
  });

  it('reads such a file on the second thread alike', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(at(dir, 'in/chat\xE9.txt'), CHAT);
    const args = ['report', 'in', '--format', 'json', ...REPORT];
    const here = cli(args, { CHRONOLOG_WORKER_MIN_BYTES: 'off' }, dir);
    const worker = cli(args, { CHRONOLOG_WORKER_MIN_BYTES: '0' }, dir);
    expect(worker.code, worker.stderr).toBe(0);
    expect(worker.stdout).toBe(here.stdout);
    expect(ReportSchema.parse(JSON.parse(worker.stdout)).inputs[0]?.path).toBe('in/chat<0xE9>.txt');
  });

  it('finds such a file again when verifying, and misses it once renamed', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(at(dir, 'in/chat\xE9.txt'), CHAT);
    // A file spelling the shown name is another file: the report names both, and verify finds each.
    writeFileSync(path.join(dir, 'in/chat<0xE9>.csv'), diary(20));
    const made = cli(['report', 'in', '--format', 'json', '--out', 'r.json', ...REPORT], {}, dir);
    expect(made.code, made.stderr).toBe(0);
    const ok = cli(['verify', 'r.json'], {}, dir);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^✔ all 2 inputs match the SHA-256 recorded in r\.json/);
    renameSync(at(dir, 'in/chat\xE9.txt'), path.join(dir, 'in/chat.txt'));
    const gone = cli(['verify', 'r.json'], {}, dir);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toMatch(/missing: in\/chat<0xE9>\.txt\n/);
  });

  it('finds a file added to a folder so named, there or under a --root so named, and makes the report again', () => {
    const dir = tempDir();
    mkdirSync(at(dir, 'f\xE9'));
    writeFileSync(at(dir, 'f\xE9/chat.txt'), CHAT);
    writeFileSync(
      at(dir, 'case\xE9.json'),
      JSON.stringify({ victim: { identifiers: ['You'] }, timezone: 'UTC' }),
    );
    const made = shell(
      `report "$(printf 'f\\351')" --case "$(printf 'case\\351.json')" --format json --out r.json --now ${NOW}`,
      dir,
    );
    expect(made.code, made.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')));
    expect(report.run?.paths).toEqual(['f<0xE9>']);
    expect(report.case.caseFile?.path).toBe('case<0xE9>.json');
    const ok = cli(['verify', 'r.json', '--recompute'], {}, dir);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(
      /^✔ the 1 input and the case file match .*\n✔ made again from these inputs, the report is the same/,
    );
    expect(ok.code).toBe(0);
    writeFileSync(at(dir, 'f\xE9/added.csv'), diary(20));
    const added = cli(['verify', 'r.json'], {}, dir);
    expect(added.stdout).toContain('  extra:   f<0xE9>/added.csv\n');
    expect(added.code).toBe(1);

    // A copy kept in a folder so named, given to --root, and verified from inside it.
    mkdirSync(at(dir, 'copy\xE9/f\xE9'), { recursive: true });
    writeFileSync(at(dir, 'copy\xE9/f\xE9/chat.txt'), CHAT);
    writeFileSync(at(dir, 'copy\xE9/case\xE9.json'), readFileSync(at(dir, 'case\xE9.json')));
    const copy = shell(`verify r.json --root "$(printf 'copy\\351')" --recompute`, dir);
    expect(copy.stderr).toBe('');
    expect(copy.stdout).toMatch(/^✔ .*\n✔ made again from these inputs, the report is the same/);
    expect(copy.code).toBe(0);
    // Inside it: `cd` given to the shell, as Node takes no bytes for a folder to start in.
    const inside = shell('verify ../r.json --recompute', dir, {}, `"$(printf 'copy\\351')"`);
    expect(inside.stdout).toMatch(/^✔ .*\n✔ made again from these inputs, the report is the same/);
    expect(inside.code, inside.stderr).toBe(0);
    writeFileSync(at(dir, 'copy\xE9/f\xE9/added.csv'), diary(20));
    const copyAdded = shell(`verify r.json --root "$(printf 'copy\\351')"`, dir);
    expect(copyAdded.stdout).toContain('  extra:   f<0xE9>/added.csv\n');
    expect(copyAdded.stdout).toContain('Paths are resolved from ');
    expect(copyAdded.stdout).not.toContain('\uFFFD');
    expect(copyAdded.code).toBe(1);
  });

  it('reads from a current folder so named', () => {
    const dir = tempDir();
    mkdirSync(at(dir, 'w\xE9'));
    writeFileSync(at(dir, 'w\xE9/chat.txt'), CHAT);
    const r = shell('inspect . --tz UTC', dir, {}, `"$(printf 'w\\351')"`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Inputs: 1 file read, 0 not read\n {2}chat\.txt {2}whatsapp-txt /);
  });

  it('shows a valid name that spells a mark otherwise than the byte, reads both and verify finds each', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'in'));
    writeFileSync(at(dir, 'in/chat\xE9.txt'), CHAT);
    writeFileSync(path.join(dir, 'in/chat<0xE9>.txt'), diary(20));
    // Given on the command line, both (the byte taken from the command line, the literal as typed).
    const r = shell(
      `report "$(printf 'in/chat\\351.txt')" 'in/chat<0xE9>.txt' --format json --out r.json ${REPORT.join(' ')}`,
      dir,
    );
    expect(r.code, r.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')));
    expect(report.run?.paths).toEqual(['in/chat<0x3C>0xE9>.txt', 'in/chat<0xE9>.txt']);
    expect(report.inputs.map((i) => [i.path, i.format])).toEqual([
      ['in/chat<0x3C>0xE9>.txt', 'csv-diary'],
      ['in/chat<0xE9>.txt', 'whatsapp-txt'],
    ]);
    const ok = cli(['verify', 'r.json', '--recompute'], {}, dir);
    expect(ok.stdout).toMatch(
      /^✔ all 2 inputs match .*\n✔ made again from these inputs, the report is the same/,
    );
    expect(ok.code, ok.stderr).toBe(0);
    // Found in a folder, alike; a file added to a folder so named is found.
    mkdirSync(path.join(dir, 'g<0x41>'));
    writeFileSync(path.join(dir, 'g<0x41>/chat.txt'), CHAT);
    const folder = cli(
      ['report', 'in', 'g<0x41>', '--format', 'json', '--out', 'r2.json', ...REPORT],
      {},
      dir,
    );
    expect(folder.code, folder.stderr).toBe(0);
    const again = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'r2.json'), 'utf8')));
    expect(again.inputs.map((i) => i.path)).toEqual([
      'g<0x3C>0x41>/chat.txt',
      'in/chat<0x3C>0xE9>.txt',
      'in/chat<0xE9>.txt',
    ]);
    writeFileSync(path.join(dir, 'g<0x41>/added.csv'), diary(21));
    const added = cli(['verify', 'r2.json'], {}, dir);
    expect(added.stdout).toContain('  extra:   g<0x3C>0x41>/added.csv\n');
    expect(added.code).toBe(1);
  });
});

describe('a case of batch in a folder so named', () => {
  it('is listed in errors.csv with the reason, and the other cases are read', () => {
    const dir = tempDir();
    for (const name of ['ok', 'c\xE9']) {
      mkdirSync(at(dir, `cases/${name}`), { recursive: true });
      writeFileSync(at(dir, `cases/${name}/case.json`), readFileSync('fixtures/demo-case/case.json'));
      writeFileSync(
        at(dir, `cases/${name}/sms.xml`),
        readFileSync('fixtures/demo-case/sms-20240315120000.xml'),
      );
    }
    const r = cli(['batch', 'cases', '--out', 'out', '--quiet'], {}, dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out/errors.csv'), 'utf8')).toBe(
      'case,reason\nc<0xE9>,"BATCH_NAME_NOT_UTF8: the folder\'s name holds bytes that are not valid UTF-8 (shown as <0x..>), so it cannot name a case in the tables; it was not read: rename it (for example in the file manager) and re-run"\n',
    );
    expect(readFileSync(path.join(dir, 'out/cases.csv'), 'utf8')).toMatch(/^case,[^\n]*\nok,/);
  });

  it('reads a case through a link of a valid name to a folder so named', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'cases'));
    mkdirSync(at(dir, 'kept\xE9'));
    writeFileSync(at(dir, 'kept\xE9/case.json'), readFileSync('fixtures/demo-case/case.json'));
    writeFileSync(at(dir, 'kept\xE9/sms.xml'), readFileSync('fixtures/demo-case/sms-20240315120000.xml'));
    symlinkSync(Buffer.from('../kept\xE9', 'latin1'), path.join(dir, 'cases/linked'));
    const r = cli(['batch', 'cases', '--out', 'out', '--quiet'], {}, dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out/errors.csv'), 'utf8')).toBe('case,reason\n');
    expect(readFileSync(path.join(dir, 'out/cases.csv'), 'utf8')).toMatch(/^case,[^\n]*\nlinked,/);
  });
});

describe('a case file in a folder so named, given on the command line', () => {
  it('is not used, and says why and what to do', () => {
    const dir = tempDir();
    mkdirSync(at(dir, 'd\xE9'));
    writeFileSync(
      at(dir, 'd\xE9/case.json'),
      JSON.stringify({ victim: { identifiers: ['You'] }, timezone: 'UTC' }),
    );
    writeFileSync(at(dir, 'd\xE9/chat.txt'), CHAT);
    const r = shell('inspect d*', dir);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toContain(
      '  not read: d<0xE9>/case.json — a case file in a folder whose name is not valid UTF-8 (shown as <0x..>) is not used: rename the folder, or give the case file with --case\n',
    );
    // Given with --case (its bytes taken from the command line), it is the case file.
    const given = shell(`inspect d* --case "$(printf 'd\\351/case.json')"`, dir);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).toContain(
      '  not read: d<0xE9>/case.json — the case file, given with --case (not an input)\n',
    );
    expect(given.stdout).toMatch(/^Case {2}zone UTC \(case-file\), .*victim: You$/m);
  });
});

describe('names shown and found again', () => {
  it('shows each byte that is no part of a UTF-8 character as <0xE9>, and nothing else changed', () => {
    const show = (latin1: string) => shownBytes(Buffer.from(latin1, 'latin1'));
    expect(show('chat\xE9.txt')).toBe('chat<0xE9>.txt');
    expect(show('caf\xC3\xA9 \xF0\x9F\x98\x80.txt')).toBe('café 😀.txt');
    // A character cut short, an overlong "/", a surrogate and a code point past U+10FFFF: byte by byte.
    expect(show('a\xE8\x80b')).toBe('a<0xE8><0x80>b');
    expect(show('\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80')).toBe(
      '<0xC0><0xAF><0xED><0xA0><0x80><0xF4><0x90><0x80><0x80>',
    );
    expect(show('\xF0\x9F\x98')).toBe('<0xF0><0x9F><0x98>');
    // A literal "<0x" is shown with its "<" as a mark: never as a byte is.
    expect(show('chat<0xE9>.txt')).toBe('chat<0x3C>0xE9>.txt');
    expect(show('a<0x\xE9<0xZ')).toBe('a<0x3C>0x<0xE9><0x3C>0xZ');
    expect(shownPath('a<0x41>')).toBe('a<0x3C>0x41>');
    expect(shownPath('a<0X41>')).toBe('a<0X41>');
  });

  it('finds the bytes of a shown name again, but not of a valid name that spells the marks', () => {
    expect(bytesOfShown('in/chat<0xE9>.txt')).toEqual(Buffer.from('in/chat\xE9.txt', 'latin1'));
    expect(bytesOfShown('in/chat.txt')).toBeUndefined();
    // UTF-8 "é" is shown as é, never as two marks: such a name is the name as written.
    expect(bytesOfShown('<0xC3><0xA9>.txt')).toBeUndefined();
    expect(bytesOfShown('<0xe9>.txt')).toBeUndefined();
    // A "<0x" that starts no mark is no name as shown.
    expect(bytesOfShown('chat<0xE9.txt')).toBeUndefined();
    expect(pathOfShown('chat<0x3C>0xE9>.txt')).toBe('chat<0xE9>.txt');
    expect(pathOfShown('chat<0xE9>.txt')).toEqual(Buffer.from('chat\xE9.txt', 'latin1'));
    expect(pathOfShown('in/chat.txt')).toBe('in/chat.txt');
    expect(pathOfShown('chat<0xE9>.txt<0x3C>0x')).toEqual(Buffer.from('chat\xE9.txt<0x', 'latin1'));
  });

  it('joins a name of bytes to a folder as path.join does', () => {
    expect(joinPath('/a/b', Buffer.from('c.txt'))).toBe('/a/b/c.txt');
    expect(joinPath('/a/b/', Buffer.from('c\xE9', 'latin1'))).toEqual(Buffer.from('/a/b/c\xE9', 'latin1'));
    expect(joinPath(Buffer.from('/d\xE9', 'latin1'), Buffer.from('x'))).toEqual(
      Buffer.from('/d\xE9/x', 'latin1'),
    );
  });

  it('takes the bytes of an argument from the process arguments only when they are this command line', () => {
    const raw = Buffer.from('in/a\xE9.txt', 'latin1');
    const system = [
      Buffer.from('node'),
      Buffer.from('--flag'),
      Buffer.from('bin.cjs'),
      Buffer.from('inspect'),
      raw,
    ];
    expect(argumentsAsGiven(['inspect', 'in/a\uFFFD.txt'], system)).toEqual(['inspect', 'in/a<0xE9>.txt']);
    expect(givenPath('in/a<0xE9>.txt')).toEqual(raw);
    expect(undecodedArgument('in/a<0xE9>.txt')).toBe(false);
    // Another command line (a process renamed, an argument that differs): left as Node decoded it, and said so.
    const other = [Buffer.from('node'), Buffer.from('report'), Buffer.from('in/b\xE9.txt', 'latin1')];
    expect(argumentsAsGiven(['inspect', 'in/b\uFFFD.txt'], other)).toEqual(['inspect', 'in/b\uFFFD.txt']);
    expect(givenPath('in/b\uFFFD.txt')).toBe('in/b\uFFFD.txt');
    expect(undecodedArgument('in/b\uFFFD.txt')).toBe(true);
    expect(argumentsAsGiven(['inspect', 'in/c\uFFFD.txt'], undefined)).toEqual(['inspect', 'in/c\uFFFD.txt']);
    // --case=FILE in one argument: the value is found on its own.
    const joined = Buffer.from('--case=d\xE9/case.json', 'latin1');
    expect(argumentsAsGiven(['report', '--case=d\uFFFD/case.json'], [Buffer.from('report'), joined])).toEqual(
      ['report', '--case=d<0xE9>/case.json'],
    );
    expect(givenPath('d<0xE9>/case.json')).toEqual(Buffer.from('d\xE9/case.json', 'latin1'));
    // A valid argument that spells the mark is handed on as shown, so the two are never taken for each other.
    const both = [Buffer.from('report'), Buffer.from('e<0xE9>'), Buffer.from('e\xE9', 'latin1')];
    expect(argumentsAsGiven(['report', 'e<0xE9>', 'e\uFFFD'], both)).toEqual([
      'report',
      'e<0x3C>0xE9>',
      'e<0xE9>',
    ]);
    expect(givenPath('e<0x3C>0xE9>')).toEqual(Buffer.from('e<0xE9>'));
    expect(givenPath('e<0xE9>')).toEqual(Buffer.from('e\xE9', 'latin1'));
    expect(shownArgument('e<0xE9>')).toBe('e<0xE9>');
    expect(shownArgument('f<0x41>')).toBe('f<0x3C>0x41>');
    // Any other valid argument is handed on as typed, whatever it spells: a milestone's label, an --out name.
    const label = '2024-03-20=Warning <0x1> given';
    const others = [
      Buffer.from('report'),
      Buffer.from('m\xE9', 'latin1'),
      Buffer.from(label),
      Buffer.from('o<0x41>.json'),
    ];
    expect(argumentsAsGiven(['report', 'm\uFFFD', label, 'o<0x41>.json'], others)).toEqual([
      'report',
      'm<0xE9>',
      label,
      'o<0x41>.json',
    ]);
  });

  it('makes again the report of a folder whose valid name spells a mark and holds its case file', () => {
    // The case file's path was compared with the folder as shown ("d<0x3C>0x41>"), found under none, and recorded
    // whole: verify --recompute failed on an untouched folder.
    const dir = tempDir();
    mkdirSync(path.join(dir, 'd<0x41>'));
    writeFileSync(path.join(dir, 'd<0x41>/chat.txt'), CHAT);
    writeFileSync(
      path.join(dir, 'd<0x41>/case.json'),
      JSON.stringify({ timezone: 'UTC', victim: { identifiers: ['You'] } }),
    );
    const made = cli(['report', 'd<0x41>', '--format', 'json', '--out', 'r.json', '--now', NOW], {}, dir);
    expect(made.code, made.stderr).toBe(0);
    const report = ReportSchema.parse(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')));
    expect(report.case.caseFile?.path).toBe('d<0x3C>0x41>/case.json');
    const again = cli(['verify', 'r.json', '--recompute'], {}, dir);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/✔ made again from these inputs, the report is the same/);
  });
});
