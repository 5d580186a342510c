/**
 * Paths that do not exist: every one is named, not only the first; a path with spaces given without quotes (split
 * by the shell into words, none of which exists) is named whole, with the advice to quote it; and the example in
 * the hint is the command that was run.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chat, range } from '../helpers/chats.js';
import { type CliResult, cli, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-missing-paths-');
afterAll(() => s.cleanup());

s.file('mixed case/My Exports/WhatsApp Chat with Sam.txt', chat(5, range(14, 16), 2, 'dmy'));
mkdirSync(path.join(s.dir, 'mixed case/My'));

const run = (args: string[]): CliResult => cli(args, {}, s.dir);

function expectNotFound(r: CliResult, stderr: string): void {
  expect(r.stderr).not.toMatch(STACK);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(stderr);
}

const QUOTE =
  'Put a path with spaces in quotes: without them, the shell gives each word to chronolog as a path of its own.';

describe('a path with spaces, not quoted', () => {
  it('names each missing word and the path they make together', () => {
    expectNotFound(
      run(['report', 'mixed', 'case/My', 'Exports', '--subject', 'Sam']),
      'error: none of the 3 paths given exists (no such file or folder):\n  mixed\n  case/My\n  Exports\n' +
        `hint: Did you mean "mixed case/My Exports"? ${QUOTE}\n`,
    );
  });

  it('a word that exists on its own (a folder My) is still joined with the missing one after it', () => {
    expectNotFound(
      cli(['inspect', 'My', 'Exports'], {}, path.join(s.dir, 'mixed case')),
      `error: Exports: no such file or folder\nhint: Did you mean "My Exports"? ${QUOTE}\n`,
    );
  });

  it('and another missing path besides: both named, the other left to check', () => {
    expectNotFound(
      run(['timeline', 'mixed', 'case/My', 'Exports', 'nope.txt']),
      'error: none of the 4 paths given exists (no such file or folder):\n  mixed\n  case/My\n  Exports\n  nope.txt\n' +
        `hint: Did you mean "mixed case/My Exports"? ${QUOTE} Check the other paths too.\n`,
    );
  });

  it('the same path quoted is read', () => {
    const r = run(['report', 'mixed case/My Exports', '--subject', 'Sam', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

describe('paths that do not exist', () => {
  it('every missing path is named, beside one that exists', () => {
    expectNotFound(
      run(['report', 'gone-1', 'mixed case', 'gone-2', '--subject', 'Sam']),
      'error: 2 of the 3 paths given do not exist (no such file or folder):\n  gone-1\n  gone-2\n' +
        'hint: Check the path. Give the folder that holds the exports, e.g. chronolog report ~/exports\n',
    );
  });

  it.each(['inspect', 'timeline', 'report'])(
    'the hint of %s gives that command as its example',
    (command) => {
      expectNotFound(
        run([command, 'nope']),
        'error: nope: no such file or folder\n' +
          `hint: Check the path. Give the folder that holds the exports, e.g. chronolog ${command} ~/exports\n`,
      );
    },
  );
});
