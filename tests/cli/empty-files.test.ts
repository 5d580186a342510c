/**
 * An empty file given to read: forcing a format (--format-of) cannot make it readable, so the hint says it is
 * empty and to export or copy it again; --format-of is offered only when another file is unrecognised.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-empty-files-');
afterAll(() => s.cleanup());

const hintOf = (stderr: string) => stderr.split('\n').find((l) => l.startsWith('hint: ')) ?? '';

describe('empty files given to report', () => {
  it('one empty file: the hint says it is empty and to export or copy it again, not to force a format', () => {
    const empty = s.file('one/empty.txt', '');
    const r = cli(['report', empty, '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`  ${empty}: empty file (0 bytes)\n`);
    expect(hintOf(r.stderr)).toBe(
      'hint: The file is empty: the export may have been cut off, or not finished copying. Export it again from the app, or copy the file again from where it was saved, then re-run.',
    );
    expect(r.stderr).not.toContain('--format-of');
  });

  it('several empty files, blank-only among them: said in the plural, still without --format-of', () => {
    const a = s.file('two/a.txt', '');
    const b = s.file('two/b.txt', '\ufeff\n\n');
    const r = cli(['report', a, b, '--subject', 'x']);
    expect(r.code).toBe(1);
    expect(hintOf(r.stderr)).toMatch(/^hint: These files are empty: .*Export them again from the app/);
    expect(r.stderr).not.toContain('--format-of');
  });

  it('an empty file beside an unrecognised one: --format-of is kept for that one, and the empty one is named as such', () => {
    const empty = s.file('mixed/empty.txt', '');
    const other = s.file('mixed/notes.txt', 'hello\n');
    const r = cli(['report', empty, other, '--subject', 'x']);
    expect(r.code).toBe(1);
    const hint = hintOf(r.stderr);
    expect(hint).toContain('force a format with --format-of "GLOB=FORMAT"');
    expect(hint).toContain('The empty file may be an export cut off, or not finished copying');
  });
});
