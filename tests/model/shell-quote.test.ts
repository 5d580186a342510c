/**
 * `quoted` writes words for the command lines hints and reports suggest: whatever the word, a POSIX shell must
 * read back exactly that word. Checked by asking bash itself, for awkward names and for arbitrary strings.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoted } from '../../src/model/shell-quote.js';

/**
 * The words bash makes of `line`, one per argument, as printf prints them. With `history`, as an interactive bash
 * reads a pasted line: `set -o history -H` turns on history expansion (`!` inside double quotes) in `bash -c`
 * too, from the next line on, and a line it fails to expand is not run at all ("event not found" on stderr).
 */
function bashWords(line: string, history = false): string[] {
  const script = `${history ? 'set -o history -H\n' : ''}printf '%s\\0' ${line}`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\0').slice(0, -1);
}

describe('quoted', () => {
  it('leaves plain words bare and quotes the rest', () => {
    expect(quoted('exports/chat.txt')).toBe('exports/chat.txt');
    expect(quoted('+447700900123')).toBe('+447700900123');
    expect(quoted('Zoë')).toBe('Zoë');
    expect(quoted('WhatsApp Chat with Sam.txt')).toBe('"WhatsApp Chat with Sam.txt"');
    // Once left bare by the CLI's own rule: the shell would run `Jo.txt` as a second command, or glob the star.
    expect(quoted('Sam&Jo.txt')).toBe('"Sam&Jo.txt"');
    expect(quoted('chat(2).txt')).toBe('"chat(2).txt"');
    expect(quoted('*.txt')).toBe('"*.txt"');
    expect(quoted('a$HOME`b`"c"\\')).toBe('"a\\$HOME\\`b\\`\\"c\\"\\\\"');
    // History expansion happens inside double quotes but not single ones.
    expect(quoted('Sam!Jo.txt')).toBe("'Sam!Jo.txt'");
    expect(quoted("Jo's!")).toBe("'Jo'\\''s!'");
    // zsh expands a word starting with `=` to the path of the command it names.
    expect(quoted('=ls')).toBe('"=ls"');
    expect(quoted('a=b')).toBe('a=b');
  });

  it('checks history expansion is on in the bash the tests ask', () => {
    // Otherwise the test below would pass whatever `quoted` wrote.
    expect(bashWords('"Sam!!Jo"', true)).not.toEqual(['Sam!!Jo']);
  });

  it('gives bash back the very word, whatever it holds', () => {
    const awkward = [
      'Sam&Jo.txt',
      "Jo's chat.txt",
      'a;b',
      'x|y',
      '<in>',
      '#hash',
      '~/x',
      'a\tb',
      'new\nline',
      '$(id)',
      'Sam!Jo.txt',
      'Hi!',
      '!!',
      '!$',
      "Jo's!chat",
      '!"$`\\\'',
      '=ls',
    ];
    for (const w of awkward) {
      expect(bashWords(quoted(w))).toEqual([w]);
      expect(bashWords(quoted(w), true), w).toEqual([w]);
    }
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }), (w) => {
        fc.pre(!w.includes('\0') && (w as string & { isWellFormed(): boolean }).isWellFormed());
        expect(bashWords(quoted(w))).toEqual([w]);
        expect(bashWords(quoted(w), true)).toEqual([w]);
      }),
      { numRuns: 150 },
    );
  });
});
