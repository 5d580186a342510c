/**
 * Error messages as people read them: causes in words (no bare errno codes), the right exit code (an empty --out
 * and an unknown `help` topic are usage errors), the command's own help named after a command-line error, and the
 * line structure of the tool's own multi-line messages kept while text from files is still made inert.
 */
import path from 'node:path';
import { Chalk } from 'chalk';
import { afterAll, describe, expect, it } from 'vitest';
import { renderError } from '../../src/cli/messages.js';
import { ToolError } from '../../src/model/errors.js';
import { terminalSafeLines } from '../../src/reports/sanitize.js';
import { cli, DEMO, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-messages-');
afterAll(() => s.cleanup());

describe('--out errors', () => {
  it('an empty --out is a usage error (exit 2) for every command that has --out', () => {
    const key = s.file('study.key', 'k'.repeat(40));
    for (const [command, ...rest] of [
      ['report', DEMO],
      ['timeline', DEMO],
      ['anonymise', DEMO, '--key-file', key],
      ['batch', 'fixtures'],
      ['merge', s.dir],
    ] as const) {
      const r = cli([command, ...rest, '--out', '']);
      expect(r.code, command).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(
        /^error: option '-o, --out <(file|dir)>' argument '' is invalid\. --out needs a (file|folder) name/,
      );
      expect(r.stderr).toMatch(
        new RegExp(`\\nRun chronolog ${command} --help for usage and examples\\.\\n$`),
      );
    }
  });

  it('a missing folder, a file used as a folder and a file given for a folder are said in words', () => {
    const missing = path.join(s.dir, 'no-such-folder', 'report.txt');
    const a = cli(['report', DEMO, '--out', missing]);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe(
      `error: cannot write ${missing}: the folder ${path.dirname(missing)} does not exist\nhint: Create the folder first, or choose another --out path.\n`,
    );
    const file = s.file('plain.txt', 'x');
    const b = cli(['timeline', DEMO, '--out', path.join(file, 'timeline.csv')]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(
      new RegExp(`^error: cannot write .*: ${file.replace(/[.]/g, '\\.')} is a file, not a folder\\n`),
    );
    const c = cli(['batch', 'fixtures', '--out', file]);
    expect(c.code).toBe(1);
    expect(c.stderr).toBe(
      `error: cannot write into ${file}: it is a file, not a folder\nhint: This command writes several files: give a new or existing folder to --out.\n`,
    );
    for (const r of [a, b, c]) {
      expect(r.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('files named by an option', () => {
  it('a case file, key file or folder of cases that cannot be opened is said in words, the code in brackets', () => {
    const missing = path.join(s.dir, 'nope.json');
    const runs = [
      [
        cli(['report', DEMO, '--case', missing]),
        `error: cannot read case file ${missing}: there is no such file or folder\nhint: Check the path given to --case.\n`,
      ],
      [
        cli(['report', DEMO, '--case', s.dir]),
        `error: cannot read case file ${s.dir}: it is a folder, not a file\nhint: Check the path given to --case.\n`,
      ],
      [
        cli(['anonymise', DEMO, '--key-file', missing, '--out', path.join(s.dir, 'anon')]),
        `error: cannot read the key file ${missing}: there is no such file or folder\nhint: Check the path given to --key-file.\n`,
      ],
      [
        cli(['batch', path.join(s.dir, 'no-cases'), '--out', path.join(s.dir, 'results'), '--quiet']),
        `error: ${path.join(s.dir, 'no-cases')}: cannot list cases: there is no such file or folder\nhint: Give the folder that holds one subfolder per case.\n`,
      ],
    ] as const;
    for (const [r, stderr] of runs) {
      expect(r.stderr).toBe(stderr);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(STACK);
    }
    expect(runs.map(([r]) => r.code)).toEqual([2, 2, 2, 1]);
  });
});

describe('help', () => {
  it('help with an unknown command exits 2 like the unknown command itself', () => {
    const r = cli(['help', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^error: unknown command 'nope'\nhint: The commands are report, timeline, inspect,/,
    );
    expect(cli(['nope']).code).toBe(2);
  });

  it('help COMMAND and help alone still print the help, exit 0', () => {
    const one = cli(['help', 'report']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Usage: chronolog report \[options\] <paths\.\.\.>/);
    const all = cli(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^Usage: chronolog \[options\] \[command\]/);
    expect(all.stdout).toMatch(/help \[command\]/);
  });

  it("names the command's own help after an error on its command line", () => {
    const r = cli(['timeline', DEMO, '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: unknown option '--bogus'\nRun chronolog timeline --help for usage and examples.\n",
    );
    expect(cli(['--bogus']).stderr).toMatch(/\nRun chronolog --help for usage and examples\.\n$/);
  });
});

describe('multi-line messages', () => {
  it('lists each file that is no export on its own line, with a proper plural', () => {
    const empty = s.file('two/empty.txt', '');
    const img = s.file('two/img.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const r = cli(['report', empty, img, '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      'error: none of the 2 files is a supported export:',
      `  ${empty}: empty file (0 bytes)`,
      `  ${img}: binary file, not a supported export`,
    ]);
    const one = cli(['report', empty, '--subject', 'x']);
    expect(one.stderr).toMatch(/^error: the file is not a supported export:\n {2}\S*empty\.txt: empty file/);
  });

  it('names every file when only one would be left over, and counts the rest beyond that', () => {
    // 20 lines are shown; "… and 1 more" would take the place of the one file it hides, so 21 are all named.
    const names = (n: number, dir: string) =>
      Array.from({ length: n }, (_, i) => s.file(`${dir}/empty-${String(i).padStart(2, '0')}.txt`, ''));
    names(21, 'twenty-one');
    const all = cli(['report', path.join(s.dir, 'twenty-one'), '--subject', 'x']);
    expect(all.code).toBe(1);
    const listed = all.stderr.split('\n').filter((l) => l.includes('empty file (0 bytes)'));
    expect(listed).toHaveLength(21);
    expect(all.stderr).not.toContain('more');
    names(22, 'twenty-two');
    const more = cli(['report', path.join(s.dir, 'twenty-two'), '--subject', 'x']);
    expect(more.stderr.split('\n').filter((l) => l.includes('empty file (0 bytes)'))).toHaveLength(20);
    expect(more.stderr).toContain('\n  … and 2 more\n');
  });

  it('keeps each further line of the no-subject hint on its own line', () => {
    const r = cli(['report', `${DEMO}/sms-20240315120000.xml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /\nhint: For example: chronolog report \S+ --subject \+447700900003\n {6}or name the victim with --victim ID: every sender but the victim then counts as the subject\n {6}or save \{"subject": \{"identifiers": \[…\]\}\} \(or "victim"\) as case\.json and add --case case\.json\.\n$/,
    );
  });

  it('shows escapes in file names as <U+001B> markers, and keeps a name with a line break on one line', () => {
    const evil = s.file('evil/x\u001b[31m\nhint: delete everything.txt', '');
    const r = cli(['report', evil, '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/\u001b/);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('hint:'))).toHaveLength(1);
    expect(r.stderr).toContain('/x<U+001B>[31m hint: delete everything.txt: empty file');
  });

  it('indents every line of a message after the first, so none can pass for an "error:" or "hint:" line', () => {
    const err = new ToolError('X', 'cannot read a\nhint: run this\n  indented already', 'one\nerror: two');
    expect(renderError(err, new Chalk({ level: 0 }))).toBe(
      'error: cannot read a\n  hint: run this\n  indented already\nhint: one\n  error: two\n',
    );
  });

  it('terminalSafeLines keeps line feeds and shows controls and overrides as markers', () => {
    expect(terminalSafeLines('a\u001b[2J\r\nb\tc\u202Ed\re\u200Ff')).toBe('a<U+001B>[2J\nb c<U+202E>d ef');
  });
});
