/**
 * `--out` may replace chronolog's own earlier output inside the folder being read: a report or timeline written
 * there before is passed over by reading ("not read: … a chronolog report"), so it is no input, and running the
 * same command again must not be refused as if it were evidence. The exports themselves, and an output that
 * `--format-of` forces to be read, stay protected (exit 2, the file keeps its bytes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chat, range } from '../helpers/chats.js';
import { type CliResult, cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-out-replace-own-');
afterAll(() => s.cleanup());

s.file('clob/WhatsApp Chat with Sam.txt', chat(5, range(14, 18), 3, 'dmy'));

const run = (args: string[]): CliResult => {
  const r = cli([...args, '--subject', 'Sam', '--quiet'], {}, s.dir);
  expect(r.stderr).not.toMatch(STACK);
  return r;
};

describe('an earlier output in the folder being read is replaced', () => {
  it.each([
    ['report', 'report.html'],
    ['report', 'report.md'],
    ['report', 'report.json'],
    ['report', 'summary.txt'],
    ['timeline', 'timeline.csv'],
    ['timeline', 'timeline.jsonl'],
  ])('%s --out clob/%s, run twice', (command, name) => {
    const out = `clob/${name}`;
    const now = (at: string) => (command === 'report' ? ['--now', at] : []);
    const first = run([command, 'clob', '--out', out, ...now(NOW)]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const again = run([command, 'clob', '--out', out, ...now('2024-08-01T09:00:00Z')]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    // The text report does not state when it was made; the others show that the second run replaced the first.
    if (command === 'report' && !name.endsWith('.txt'))
      expect(readFileSync(path.join(s.dir, out), 'utf8')).toContain('2024-08-01');
  });

  it('the earlier outputs are listed as not read, and one kind of output may replace another', () => {
    const listed = cli(['report', 'clob', '--subject', 'Sam', '--now', NOW], {}, s.dir);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/not read: .*clob\/report\.html.* — a chronolog report, not an export/);
    expect(listed.stdout).toMatch(
      /not read: clob\/timeline\.csv, clob\/timeline\.jsonl — a chronolog timeline/,
    );
    // Not under the other's name, though: a report in timeline.csv is refused (CSV is the timeline's format)…
    const csv = readFileSync(path.join(s.dir, 'clob/timeline.csv'));
    const named = run(['report', 'clob', '--now', NOW, '--format', 'text', '--out', 'clob/timeline.csv']);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('is named as a CSV file, which report does not write');
    expect(readFileSync(path.join(s.dir, 'clob/timeline.csv'))).toEqual(csv);
    // …and replaces an earlier timeline under a name that says no format.
    expect(run(['timeline', 'clob', '--out', 'clob/rows.out']).code).toBe(0);
    const r = run(['report', 'clob', '--now', NOW, '--format', 'text', '--out', 'clob/rows.out']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(s.dir, 'clob/rows.out'), 'utf8')).toMatch(/^chronolog — /);
  });
});

describe('inputs stay protected', () => {
  it('the chat export itself', () => {
    const chatFile = path.join(s.dir, 'clob/WhatsApp Chat with Sam.txt');
    const before = readFileSync(chatFile);
    const r = run(['report', 'clob', '--out', 'clob/WhatsApp Chat with Sam.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'error: --out clob/WhatsApp Chat with Sam.txt would overwrite the input file clob/WhatsApp Chat with Sam.txt\n',
    );
    expect(readFileSync(chatFile)).toEqual(before);
  });

  it('an earlier timeline that --format-of makes an input', () => {
    s.file('forced/WhatsApp Chat with Sam.txt', chat(5, range(14, 18), 3, 'dmy'));
    expect(run(['timeline', 'forced', '--out', 'forced/rows.jsonl']).code).toBe(0);
    const before = readFileSync(path.join(s.dir, 'forced/rows.jsonl'));
    const r = run([
      'timeline',
      'forced',
      '--format-of',
      'rows.jsonl=chronolog-jsonl',
      '--out',
      'forced/rows.jsonl',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('would overwrite the input file forced/rows.jsonl');
    expect(readFileSync(path.join(s.dir, 'forced/rows.jsonl'))).toEqual(before);
  });
});
