/**
 * `timeline --excel`: the CSV starts with the UTF-8 byte-order mark, so Excel on Windows shows the demo case's
 * curly quotes and emoji as written instead of mojibake; every byte after the mark is the CSV written without
 * --excel, which stays as it was (no mark: pandas and R would keep it in the first column's name). JSON Lines
 * with --excel is a usage error (exit 2, nothing written). A timeline saved with the mark among the evidence is
 * still chronolog's own output: passed over by reading, replaced by the next run, and not an input to `verify`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chat, range } from '../helpers/chats.js';
import { cli, DEMO, expectUsageError, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-timeline-excel-');
afterAll(() => s.cleanup());

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const demo = path.join(ROOT, DEMO);
const out = (name: string) => path.join(s.dir, name);

/** The timeline of the demo case written to `name` with `args`; its bytes. */
function written(name: string, args: string[] = []): Buffer {
  const r = cli(['timeline', demo, '--quiet', '--out', out(name), ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(out(name));
}

describe('timeline --excel', () => {
  it('starts the CSV with EF BB BF, then the bytes written without it', () => {
    const plain = written('plain.csv');
    const excel = written('excel.csv', ['--excel']);
    expect(excel.subarray(0, 3)).toEqual(BOM);
    expect(excel.subarray(3)).toEqual(plain);
    // The same with --format csv given, and on stdout.
    expect(written('given.csv', ['--format', 'csv', '--excel'])).toEqual(excel);
    const stdout = cli(['timeline', demo, '--quiet', '--excel']);
    expect(stdout.code).toBe(0);
    expect(stdout.stdout).toBe(`\uFEFF${plain.toString('utf8')}`);
  });

  it('leaves the CSV without --excel as it was: no mark, the header first, text as UTF-8', () => {
    const plain = written('plain.csv');
    expect(plain.toString('latin1').startsWith('id,utc,local,')).toBe(true);
    // The demo's curly apostrophe and emoji are there as UTF-8 bytes, in both files.
    const text = plain.toString('utf8');
    expect(text).toContain('Can’t this week sorry');
    expect(text).toContain('😘');
    expect(plain.includes(Buffer.from('’', 'utf8'))).toBe(true);
    expect(written('excel.csv', ['--excel']).toString('utf8')).toBe(`\uFEFF${text}`);
  });

  it('keeps formula neutralisation with --excel', () => {
    // The demo's numbers start with +, so their cells start with an apostrophe.
    const text = written('excel.csv', ['--excel']).toString('utf8');
    expect(text).toMatch(/,'\+447700900003,/);
    expect(text).not.toMatch(/,\+447700900003,/);
  });

  it('with JSON Lines, by --format or by the --out name, is a usage error and writes nothing', () => {
    expectUsageError(
      cli(['timeline', demo, '--format', 'jsonl', '--excel']),
      'error: --excel starts a CSV timeline with the mark Excel needs to read it as UTF-8, but --format jsonl writes JSON Lines\n' +
        'hint: Nothing was written. For Excel, write the CSV: --format csv --excel; for JSON Lines, leave out --excel.\n',
    );
    expectUsageError(
      cli(['timeline', demo, '--excel', '--out', out('rows.jsonl')]),
      `error: --excel starts a CSV timeline with the mark Excel needs to read it as UTF-8, but --out ${out('rows.jsonl')} is named as a JSON Lines file\n` +
        `hint: Nothing was written. For Excel, write the CSV: --excel --out ${out('rows.csv')}; for JSON Lines, leave out --excel.\n`,
    );
    expectUsageError(
      cli(['timeline', demo, '--format', 'jsonl', '--excel', '--out', out('rows.jsonl')]),
      `error: --excel starts a CSV timeline with the mark Excel needs to read it as UTF-8, but --format jsonl writes JSON Lines\n` +
        `hint: Nothing was written. For Excel, write the CSV: --format csv --excel --out ${out('rows.csv')}; for JSON Lines, leave out --excel.\n`,
    );
    expect(existsSync(out('rows.jsonl'))).toBe(false);
    // JSON Lines without --excel is as it was.
    const jsonl = cli(['timeline', demo, '--format', 'jsonl', '--quiet']);
    expect(jsonl.code).toBe(0);
    expect(jsonl.stdout.startsWith('{"id":')).toBe(true);
  });

  it('is in timeline --help, with an example', () => {
    const r = cli(['timeline', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--excel\s+start the CSV with a UTF-8 byte-order mark/);
    expect(r.stdout).toContain('$ chronolog timeline ~/exports --excel --out timeline.csv\n');
  });
});

describe('a timeline saved with --excel is read back as chronolog output', () => {
  s.file('kept/WhatsApp Chat with Sam.txt', chat(5, range(14, 18), 3, 'dmy'));
  const run = (args: string[]) => {
    const r = cli([...args, '--subject', 'Sam'], {}, s.dir);
    expect(r.stderr).not.toMatch(STACK);
    return r;
  };

  it('is passed over by reading and replaced by the same command run again', () => {
    for (let i = 0; i < 2; i++) {
      const r = run(['timeline', 'kept', '--excel', '--quiet', '--out', 'kept/timeline.csv']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    expect(readFileSync(path.join(s.dir, 'kept/timeline.csv')).subarray(0, 3)).toEqual(BOM);
    // And by a run without --excel, which leaves the CSV without the mark.
    expect(run(['timeline', 'kept', '--quiet', '--out', 'kept/timeline.csv']).code).toBe(0);
    expect(readFileSync(path.join(s.dir, 'kept/timeline.csv')).subarray(0, 3)).toEqual(Buffer.from('id,'));
    expect(run(['timeline', 'kept', '--excel', '--quiet', '--out', 'kept/timeline.csv']).code).toBe(0);
    const report = run(['report', 'kept', '--now', NOW]);
    expect(report.code).toBe(0);
    expect(report.stdout).toMatch(/not read: kept\/timeline\.csv — a chronolog timeline, not an export/);
  });

  it('saved beside the evidence after a JSON report, is no input to verify: named as chronolog output, exit 0', () => {
    s.file('added/WhatsApp Chat with Sam.txt', chat(5, range(14, 18), 3, 'dmy'));
    const json = run(['report', 'added', '--now', NOW, '--format', 'json', '--out', 'added.json']);
    expect(json.code).toBe(0);
    expect(run(['timeline', 'added', '--excel', '--quiet', '--out', 'added/timeline.csv']).code).toBe(0);
    const v = cli(['verify', 'added.json'], {}, s.dir);
    expect(v.stderr).toBe('');
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('  not an input: added/timeline.csv (a chronolog timeline)\n');
  });
});
