/**
 * `quoted` writes words for the command lines hints and reports suggest: whatever the word, a POSIX shell must
 * read back exactly that word. Checked by asking bash itself, for awkward names and for arbitrary strings.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoted } from '../../src/model/shell-quote.js';
import { terminalSafe } from '../../src/reports/sanitize.js';

/**
 * The words bash makes of `line`, one per argument, as printf prints them. With `history`, as an interactive bash
 * reads a pasted line: `set -o history -H` turns on history expansion (`!` inside double quotes) in `bash -c`
 * too, from the next line on, and a line it fails to expand is not run at all ("event not found" on stderr).
 */
function bashWords(line: string, history = false, env: NodeJS.ProcessEnv = process.env): string[] {
  const script = `${history ? 'set -o history -H\n' : ''}printf '%s\\0' ${line}`;
  const out = execFileSync('bash', ['-c', script], {
    encoding: 'utf8',
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return out.split('\0').slice(0, -1);
}

/**
 * Characters that, printed raw, drive a terminal (C0 and C1 controls, DEL) or reorder or hide text on it (the
 * direction marks, embeddings, overrides and isolates, zero-width characters, line and paragraph separators).
 */
const RAW = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/;

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

  it("writes a word holding controls or direction marks in $'…' quotes, shown safely and read back exactly", () => {
    const words = [
      'bidi\u202Etxt.chat', // right-to-left override: the rest of the line would show reversed
      'esc\u001B[31mred', // ESC starts a colour sequence
      'cr\rover', // a carriage return writes over the start of the line
      'bell\u0007.txt',
      'two\nlines',
      'tab\there',
      'lrm\u200E.txt', // shown as "lrm.txt" by terminalSafe, which is another file
      'rlm\u200F!.txt',
      'pdf\u202A\u202B\u202C\u202D', // embeddings and the pop
      'iso\u2066\u2067\u2068\u2069',
      'zw\u200Bsp',
      'nel\u0085c1',
      'q\'\\\u202E$`"!x',
      '\u3164', // a Hangul filler: a letter to the shell, blank on screen
    ];
    const cLocale = { ...process.env, LC_ALL: 'C', LANG: 'C' };
    for (const w of words) {
      const q = quoted(w);
      expect(q, JSON.stringify(w)).toMatch(/^\$'.*'$/s);
      expect(q, JSON.stringify(w)).not.toMatch(RAW);
      expect(terminalSafe(q), JSON.stringify(w)).toBe(q);
      expect(bashWords(q), JSON.stringify(w)).toEqual([w]);
      expect(bashWords(q, true), JSON.stringify(w)).toEqual([w]);
      expect(bashWords(q, false, cLocale), JSON.stringify(w)).toEqual([w]);
    }
    expect(quoted('bidi\u202Etxt.chat')).toBe("$'bidi\\xe2\\x80\\xaetxt.chat'");
    expect(quoted('esc\u001B[31mred')).toBe("$'esc\\x1b[31mred'");
    expect(quoted('two\nlines\r')).toBe("$'two\\nlines\\r'");
    expect(quoted("Jo's \u200F")).toBe("$'Jo\\'s \\xe2\\x80\\x8f'");
  });

  it('never gives a terminal a character it would not show as it is', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }), (w) => {
        fc.pre((w as string & { isWellFormed(): boolean }).isWellFormed());
        const q = quoted(w);
        expect(q).not.toMatch(RAW);
        expect(terminalSafe(q)).toBe(q);
      }),
      { numRuns: 2000 },
    );
  });
});
