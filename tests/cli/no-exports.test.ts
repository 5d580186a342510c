/**
 * Paths that hold no export at all: an empty folder, a folder holding only its case file, or only a link back to a
 * folder already read (a loop). The message says no files were found, with what the folder did hold, and points at
 * the folder, not at formats: "the file is not a supported export" would send a person looking for a file that is
 * not there, and "--format-of" cannot help when there is nothing to read.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, cli, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-no-exports-');
afterAll(() => s.cleanup());

const run = (args: string[]): CliResult => cli(args, {}, s.dir);

const HINT =
  'hint: Give the folder the exports were saved or unzipped to (a WhatsApp chat, an SMS backup, an incident diary, …). Run `chronolog formats` to see what can be read and how to export it.\n';

function expectNoFiles(r: CliResult, first: string): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`error: ${first}\n${HINT}`);
}

describe('paths that hold no export', () => {
  it('an empty folder: no files found, and which folder to give', () => {
    mkdirSync(path.join(s.dir, 'empty'));
    expectNoFiles(run(['report', 'empty', '--subject', 'Sam']), 'no files found in empty');
  });

  it('a folder holding only a link back to itself: not "the file is not a supported export"', () => {
    mkdirSync(path.join(s.dir, 'loop'));
    symlinkSync('../loop', path.join(s.dir, 'loop', 'self'));
    expectNoFiles(
      run(['report', 'loop', '--subject', 'Sam']),
      'no exports found in loop: it holds nothing but a link back to a folder already read',
    );
  });

  it('a folder holding only its case file', () => {
    s.file('only-case/case.json', JSON.stringify({ subject: { identifiers: ['Sam'] } }));
    expectNoFiles(
      run(['report', 'only-case']),
      'no exports found in only-case: it holds nothing but a case file',
    );
  });

  it('a file that is no export is still named with its reason', () => {
    s.file('photos/IMG_0001.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0, 1]));
    const r = run(['report', 'photos', '--subject', 'Sam']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^error: the file is not a supported export:\n {2}photos\/IMG_0001\.jpg: a picture or screenshot, not a message export\nhint: Screenshots, photos, letters and other documents cannot be read/,
    );
  });
});
