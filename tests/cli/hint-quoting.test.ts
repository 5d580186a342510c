/**
 * The command lines hints suggest are pasted by people who do not read shell syntax, so every path and identifier
 * in them is written by the one rule (`quoted`, src/model/shell-quote.ts). Each line is checked by giving it to
 * bash as an interactive bash reads a pasted line (history expansion on), and comparing the words it makes with
 * the arguments meant: a `&`, `(`, `$`, `!` or space left bare or in the wrong quotes would split, run or
 * expand them.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-hint-quoting-');
afterAll(() => s.cleanup());

/** A chat whose other sender's name needs quoting too. */
const CHAT = '14/05/2024, 10:00 - Jo & Sam!: are you there\n15/05/2024, 22:01 - Jo & Sam!: answer me\n';
s.file('Sam&Jo!/chat(2).txt', CHAT);
s.file('My Case/WhatsApp Chat with Jordan.txt', CHAT);
s.file('My Case/case.json', JSON.stringify({ subject: { identifiers: ['Jo & Sam!'] } }));
s.file('k$x.key', 'k'.repeat(64));

/** The words bash makes of `line` with history expansion on; none when it cannot expand the line. */
function pasted(line: string): string[] {
  const script = `set -o history -H\nprintf '%s\\0' ${line}`;
  const out = execFileSync('bash', ['-c', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return out.split('\0').slice(0, -1);
}

/** The first `chronolog …` command line in `text`, up to the end of its line or a `, or` / `.` after it. */
function suggested(text: string, until = /\n|, or give /): string {
  const from = text.indexOf('chronolog ', text.indexOf('hint:'));
  expect(from, text).toBeGreaterThan(0);
  const rest = text.slice(from);
  const end = rest.search(until);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Characters that, printed raw, drive a terminal or reorder or hide the text on it. */
const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/;

const run = (args: string[]) => {
  const r = cli(args, {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

describe('command lines in hints read back as the words meant', () => {
  it('report without a subject: the paths and the identifier suggested', () => {
    const r = run(['report', 'Sam&Jo!/chat(2).txt']);
    expect(r.code).toBe(2);
    const line = suggested(r.stderr);
    expect(line).toBe(`chronolog report 'Sam&Jo!/chat(2).txt' --subject 'jo & sam!'`);
    expect(pasted(line)).toEqual(['chronolog', 'report', 'Sam&Jo!/chat(2).txt', '--subject', 'jo & sam!']);
  });

  it('report without a subject: paths and an --out holding controls and direction marks, shown inert, read back', () => {
    // A right-to-left override would show the rest of the hint reversed; ESC, BEL and CR drive the terminal. Shown
    // as <U+202E> they were safe to see but named another folder when pasted.
    const bidi = 'Sam\u202Etxt.chat';
    const esc = 'esc\u001B[31mred\u0007\r';
    s.file(`${bidi}/WhatsApp Chat with Jo.txt`, CHAT);
    s.file(`${esc}/chat.txt`, CHAT);
    const out = 'rep\u200Fort\u2066.html';
    const r = run(['report', bidi, esc, '--format', 'html', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(RAW);
    const line = suggested(r.stderr);
    expect(line).toBe(
      "chronolog report $'Sam\\xe2\\x80\\xaetxt.chat' $'esc\\x1b[31mred\\x07\\r' --format html --out $'rep\\xe2\\x80\\x8fort\\xe2\\x81\\xa6.html' --subject 'jo & sam!'",
    );
    expect(pasted(line)).toEqual([
      ...['chronolog', 'report', bidi, esc, '--format', 'html', '--out', out],
      ...['--subject', 'jo & sam!'],
    ]);
  });

  it('anonymise without a subject: the paths, key file, output folder and identifier', () => {
    const r = run(['anonymise', 'Sam&Jo!/chat(2).txt', '--key-file', 'k$x.key', '--out', 'a&b']);
    expect(r.code).toBe(2);
    const line = suggested(r.stderr);
    expect(pasted(line)).toEqual([
      ...['chronolog', 'anonymise', 'Sam&Jo!/chat(2).txt', '--key-file', 'k$x.key', '--out', 'a&b'],
      ...['--subject', 'jo & sam!'],
    ]);
  });

  it('a case file among the paths: --case with its path', () => {
    const r = run(['report', 'My Case/case.json', 'My Case/WhatsApp Chat with Jordan.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hint: Give it with --case "My Case/case.json", or give');
    const ok = run([
      'report',
      '--case',
      'My Case/case.json',
      'My Case/WhatsApp Chat with Jordan.txt',
      '--now',
      NOW,
    ]);
    expect(ok.code).toBe(0);
  });

  it('verify: the report and the --root that finds its files', () => {
    cpSync(path.join(ROOT, DEMO), path.join(s.dir, 'lost'), { recursive: true });
    mkdirSync(path.join(s.dir, 'out & $more!'));
    const made = run([
      'report',
      'lost',
      '--format',
      'json',
      '--now',
      NOW,
      '--out',
      'out & $more!/report.json',
    ]);
    expect(made.code, made.stderr).toBe(0);
    const r = run(['verify', 'out & $more!/report.json', '--root', 'out & $more!']);
    expect(r.code).toBe(1);
    const line = suggested(r.stdout);
    expect(line).toBe(`chronolog verify 'out & $more!/report.json' --root .`);
    expect(pasted(line)).toEqual(['chronolog', 'verify', 'out & $more!/report.json', '--root', '.']);
  });
});
