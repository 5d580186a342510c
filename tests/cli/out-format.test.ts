/**
 * The --out name chooses the format when --format is not given: `report --out report.html` writes HTML, not a text
 * report inside a .html file. A --format that disagrees with the name is a usage error (exit 2) naming both and the
 * fix, with nothing written. A name that says nothing known keeps the default (text for report, CSV for timeline).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TIMELINE_COLUMNS } from '../../src/model/timeline-columns.js';
import { chat, range } from '../helpers/chats.js';
import { cli, expectUsageError, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-out-format-');
afterAll(() => s.cleanup());

// A small chat keeps the many runs quick; every format is read from the same one.
const demo = path.dirname(s.file('case/WhatsApp Chat with Sam.txt', chat(5, range(14, 20), 3, 'dmy')));
const out = (name: string) => path.join(s.dir, name);

function written(args: string[], file: string): string {
  const now = args[0] === 'report' ? ['--now', NOW, '--subject', 'Sam'] : ['--subject', 'Sam'];
  const r = cli([...args, '--out', file, ...now, '--quiet']);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return readFileSync(file, 'utf8');
}

describe('report: the format follows the --out name', () => {
  it.each([
    ['guess.html', /^<!DOCTYPE html>/],
    ['guess.HTM', /^<!DOCTYPE html>/],
    ['guess.json', /^\{\s*"schemaVersion": 1,/],
    ['guess.md', /^# /],
    ['guess.markdown', /^# /],
    ['guess.txt', /^chronolog — /],
    ['guess', /^chronolog — /],
    ['guess.csv', /^chronolog — /],
  ])('%s', (name, start) => {
    expect(written(['report', demo], out(name))).toMatch(start);
  });

  it('an explicit --format that agrees with the name is fine', () => {
    expect(written(['report', demo, '--format', 'markdown'], out('agree.md'))).toMatch(/^# /);
  });

  it('--chronology is granted when the name asks for HTML, refused for a .txt name with the reason', () => {
    expect(written(['report', demo, '--chronology'], out('chrono.html'))).toMatch(/^<!DOCTYPE html>/);
    const r = cli(['report', demo, '--subject', 'Sam', '--chronology', '--out', out('chrono.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `the text report (a one-screen summary, chosen by the --out name ${out('chrono.txt')}) has no chronology`,
    );
    expect(existsSync(out('chrono.txt'))).toBe(false);
  });
});

describe('report: a --format that disagrees with the --out name', () => {
  it('is a usage error naming both and the fix; nothing is written', () => {
    const r = cli(['report', demo, '--format', 'json', '--out', out('mismatch.html')]);
    expectUsageError(
      r,
      `error: --format json writes JSON, but --out ${out('mismatch.html')} is named as an HTML file\n` +
        `hint: Nothing was written. Name the file for the format (--out ${out('mismatch.json')}), or give --format html; without --format, the format follows the --out name.\n`,
    );
    expect(existsSync(out('mismatch.html'))).toBe(false);
  });

  it('a text report into a .md file, and a name with a space quoted in the hint', () => {
    const r = cli(['report', demo, '--format', 'text', '--out', 'my report.md'], {}, s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: --format text writes text, but --out my report\.md is named as a Markdown file\n/,
    );
    expect(r.stderr).toContain('(--out "my report.txt"), or give --format markdown;');
  });
});

describe('timeline: the format follows the --out name', () => {
  const header = `${TIMELINE_COLUMNS.join(',')}\n`;

  it.each([
    ['rows.csv', (t: string) => t.startsWith(header)],
    ['rows.jsonl', (t: string) => t.startsWith('{"id":')],
    ['rows.ndjson', (t: string) => t.startsWith('{"id":')],
    ['rows', (t: string) => t.startsWith(header)],
  ])('%s', (name, ok) => {
    expect(ok(written(['timeline', demo], out(name)))).toBe(true);
  });

  it('--format csv with a .jsonl name is refused', () => {
    const r = cli(['timeline', demo, '--format', 'csv', '--out', out('rows-mismatch.jsonl')]);
    expectUsageError(
      r,
      `error: --format csv writes CSV, but --out ${out('rows-mismatch.jsonl')} is named as a JSON Lines file\n` +
        `hint: Nothing was written. Name the file for the format (--out ${out('rows-mismatch.csv')}), or give --format jsonl; without --format, the format follows the --out name.\n`,
    );
  });
});

describe('help says how the format is chosen', () => {
  it('report and timeline', () => {
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    expect(flat(cli(['report', '--help']).stdout)).toContain(
      'report format (default: the one the --out name ends in: .html/.htm, .json, .md/.markdown, .txt; else text)',
    );
    expect(flat(cli(['timeline', '--help']).stdout)).toContain(
      'timeline format (default: the one the --out name ends in: .csv, .jsonl/.ndjson; else csv)',
    );
  });
});
