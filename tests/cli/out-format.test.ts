/**
 * The --out name chooses the format when --format is not given: `report --out report.html` writes HTML, not a text
 * report inside a .html file. A --format that disagrees with the name is a usage error (exit 2) naming both and the
 * fix, with nothing written; so is a name in a format the command does not write (`timeline --out t.json`,
 * `report --out report.csv`, `.xlsx`, `.pdf`…), whose hint gives the command line that writes it. A name that says
 * nothing known keeps the default (text for report, CSV for timeline).
 */
import { execFileSync } from 'node:child_process';
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
    ['guess.out', /^chronolog — /],
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
    ['notes', (t: string) => t.startsWith(header)],
    ['evidence.out', (t: string) => t.startsWith(header)],
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

describe('an --out name in a format the command does not write', () => {
  it('timeline named as a report: refused, naming the formats it writes and the report line', () => {
    const r = cli(['timeline', demo, '--out', out('t.json')]);
    expectUsageError(
      r,
      `error: timeline writes CSV or JSON Lines, not JSON: --out ${out('t.json')} is named as a JSON file\n` +
        `hint: Nothing was written. A JSON file is written by report: chronolog report ${demo} --out ${out('t.json')}\n` +
        `      or name the file for a format timeline writes: --out ${out('t.csv')} or --out ${out('t.jsonl')}\n`,
    );
    expect(existsSync(out('t.json'))).toBe(false);
  });

  it.each([
    ['t.html', 'HTML'],
    ['t.HTM', 'HTML'],
    ['t.md', 'Markdown'],
    ['t.markdown', 'Markdown'],
    ['t.txt', 'text'],
  ])('timeline --out %s', (name, words) => {
    const r = cli(['timeline', demo, '--out', out(name)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: timeline writes CSV or JSON Lines, not ${words}: --out ${out(name)}`);
    expect(r.stderr).toContain(`is written by report: chronolog report ${demo} --out ${out(name)}\n`);
    expect(existsSync(out(name))).toBe(false);
  });

  it('a report named .csv: the timeline command writes CSV', () => {
    const r = cli(['report', demo, '--subject', 'Sam', '--out', out('report.csv')]);
    expectUsageError(
      r,
      `error: report writes HTML, JSON, Markdown or text, not CSV: --out ${out('report.csv')} is named as a CSV file\n` +
        `hint: Nothing was written. A CSV file is written by timeline: chronolog timeline ${demo} --subject Sam --out ${out('report.csv')}\n` +
        `      or name the file for a format report writes: --out ${out('report.html')}, --out ${out('report.json')}, --out ${out('report.md')} or --out ${out('report.txt')}\n`,
    );
    expect(existsSync(out('report.csv'))).toBe(false);
  });

  it.each(['r.jsonl', 'r.NDJSON'])('report --out %s', (name) => {
    const r = cli(['report', demo, '--subject', 'Sam', '--out', out(name)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`not JSON Lines: --out ${out(name)} is named as a JSON Lines file\n`);
    expect(r.stderr).toContain(
      `A JSON Lines file is written by timeline: chronolog timeline ${demo} --subject Sam --out`,
    );
    expect(existsSync(out(name))).toBe(false);
  });

  it('formats no command writes: the nearest output, as the same command or the other line', () => {
    const say = (args: string[]) => {
      const r = cli([...args, '--subject', 'Sam']);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      return r.stderr;
    };
    expect(say(['timeline', demo, '--out', out('t.xlsx')])).toBe(
      `error: timeline writes CSV or JSON Lines, not Excel: --out ${out('t.xlsx')} is named as an Excel file\n` +
        `hint: Nothing was written. No chronolog command writes an Excel file; Excel opens the timeline as CSV, and with --excel shows its accents and emoji as written: --excel --out ${out('t.csv')}\n`,
    );
    expect(say(['report', demo, '--out', out('r.xls')])).toContain(
      `as written: chronolog timeline ${demo} --subject Sam --excel --out ${out('r.csv')}\n      or name the file for a format report writes:`,
    );
    expect(say(['report', demo, '--out', out('r.pdf')])).toBe(
      `error: report writes HTML, JSON, Markdown or text, not PDF: --out ${out('r.pdf')} is named as a PDF file\n` +
        `hint: Nothing was written. No chronolog command writes a PDF file; the HTML report prints to one from a browser: --out ${out('r.html')}\n`,
    );
    expect(say(['timeline', demo, '--out', out('t.pdf')])).toContain(
      `from a browser: chronolog report ${demo} --subject Sam --out ${out('t.html')}\n`,
    );
    expect(say(['report', demo, '--out', out('r.docx')])).toContain(
      `No chronolog command writes a Word file; Word opens the HTML report: --out ${out('r.html')}\n`,
    );
    expect(say(['report', demo, '--out', out('r.parquet')])).toContain(
      `No chronolog command writes a Parquet file for one case (batch writes events.parquet, of a folder of cases); the timeline as JSON Lines loads into the same tools: chronolog timeline ${demo} --subject Sam --out ${out('r.jsonl')}\n`,
    );
    for (const name of ['t.xlsx', 'r.xls', 'r.pdf', 't.pdf', 'r.docx', 'r.parquet']) {
      expect(existsSync(out(name)), name).toBe(false);
    }
  });

  it('with --format, names the file for the format, and the line for the one the name asks for', () => {
    expectUsageError(
      cli(['timeline', demo, '--format', 'jsonl', '--out', out('f.json')]),
      `error: --format jsonl writes JSON Lines, but --out ${out('f.json')} is named as a JSON file, which timeline does not write\n` +
        `hint: Nothing was written. Name the file for the format (--out ${out('f.jsonl')}). A JSON file is written by report: chronolog report ${demo} --out ${out('f.json')}\n`,
    );
    // The output to use instead is the report's HTML: with --format json, it needs --format html too.
    expect(cli(['report', demo, '--format', 'json', '--out', out('f.pdf')]).stderr).toContain(
      `(--out ${out('f.json')}). No chronolog command writes a PDF file; the HTML report prints to one from a browser: --format html --out ${out('f.html')}\n`,
    );
    // --format html is already that output: said once.
    expect(cli(['report', demo, '--format', 'html', '--out', out('f.pdf')]).stderr).toContain(
      `(--out ${out('f.html')}). No chronolog command writes a PDF file; the HTML report prints to one from a browser.\n`,
    );
    expect(existsSync(out('f.json'))).toBe(false);
    expect(existsSync(out('f.pdf'))).toBe(false);
  });

  it('is said before --chronology is refused for the default text format the name left', () => {
    const r = cli(['report', demo, '--subject', 'Sam', '--chronology', '--out', out('chrono.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: report writes HTML, JSON, Markdown or text, not CSV: /);
    expect(existsSync(out('chrono.csv'))).toBe(false);
  });

  it('a path with a space is quoted in the suggested line', () => {
    const r = cli(['timeline', demo, '--out', 'my rows.json'], {}, s.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`chronolog report ${demo} --out "my rows.json"\n`);
    expect(r.stderr).toContain('--out "my rows.csv" or --out "my rows.jsonl"\n');
  });
});

describe('the suggested line keeps the options the other command takes', () => {
  /** The words bash makes of the command line a hint suggests, as a pasted line gives them to chronolog. */
  const pasted = (line: string): string[] =>
    execFileSync('bash', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8' })
      .split('\0')
      .slice(0, -1);
  const lineIn = (stderr: string, command: string): string =>
    new RegExp(`(chronolog ${command} .*) --out `).exec(stderr)?.[1] ?? '';

  it('timeline to report: the reading and case options carried, each value quoted; its own options left', () => {
    const reading = [
      ...['--case', 'my case.json', '--tz', 'Europe/London', '--region', 'GB'],
      ...['--subject', 'Sam!', '--subject', '+447700900123', '--victim', "Jo's phone"],
      ...[
        '--milestone',
        '2024-06-01=Police warning',
        '--date-order',
        'dmy',
        '--format-of',
        '*.txt=whatsapp-txt',
      ],
      '--strict',
    ];
    const r = cli([
      'timeline',
      demo,
      ...reading,
      '--incidents-only',
      '--format',
      'csv',
      '--out',
      out('t.html'),
    ]);
    expect(r.code).toBe(2);
    expect(existsSync(out('t.html'))).toBe(false);
    const line = lineIn(r.stderr, 'report');
    expect(line).toBe(
      `chronolog report ${demo} --case "my case.json" --tz Europe/London --region GB --subject 'Sam!' --subject +447700900123 --victim "Jo's phone" --milestone "2024-06-01=Police warning" --date-order dmy --format-of "*.txt=whatsapp-txt" --strict`,
    );
    // Pasted, the shell gives chronolog every option as it was given (--incidents-only and --format left behind).
    expect(pasted(line)).toEqual(['chronolog', 'report', demo, ...reading]);
  });

  it('report to timeline: --from and --to, which timeline does not take, and the output options left', () => {
    const r = cli([
      ...['report', demo, '--subject', 'dan', '--tz', 'UTC', '--from', '2024-01-01', '--to', '2024-06-30'],
      ...['--chronology', '--now', NOW, '--out', out('r.tsv')],
    ]);
    expect(r.code).toBe(2);
    expect(lineIn(r.stderr, 'timeline')).toBe(`chronolog timeline ${demo} --tz UTC --subject dan`);
  });

  it('no options given: none added', () => {
    expect(lineIn(cli(['timeline', demo, '--out', out('t.md')]).stderr, 'report')).toBe(
      `chronolog report ${demo}`,
    );
  });
});

describe('a name that is only an ending, and more formats no command writes', () => {
  it('--out .json is a JSON name: written by report, refused by timeline', () => {
    expect(written(['report', demo], out('.json'))).toMatch(/^\{\s*"schemaVersion": 1,/);
    expectUsageError(
      cli(['timeline', demo, '--out', '.json'], {}, s.dir),
      'error: timeline writes CSV or JSON Lines, not JSON: --out .json is named as a JSON file\n' +
        `hint: Nothing was written. A JSON file is written by report: chronolog report ${demo} --out .json\n` +
        '      or name the file for a format timeline writes: --out .csv or --out .jsonl\n',
    );
    expect(cli(['report', demo, '--subject', 'Sam', '--out', out('.XLSX')]).stderr).toContain(
      `as written: chronolog timeline ${demo} --subject Sam --excel --out ${out('.csv')}\n`,
    );
    expect(existsSync(out('.XLSX'))).toBe(false);
  });

  it.each([
    [
      't.ods',
      'timeline',
      'an OpenDocument spreadsheet',
      `LibreOffice and other spreadsheets open the timeline as CSV: --out ${out('t.csv')}`,
    ],
    [
      't.tsv',
      'timeline',
      'a TSV',
      `the timeline is written as CSV, which the same tools read: --out ${out('t.csv')}`,
    ],
    [
      'r.ods',
      'report',
      'an OpenDocument spreadsheet',
      `open the timeline as CSV: chronolog timeline ${demo} --out ${out('r.csv')}`,
    ],
    [
      'r.TSV',
      'report',
      'a TSV',
      `which the same tools read: chronolog timeline ${demo} --out ${out('r.csv')}`,
    ],
    [
      'r.odt',
      'report',
      'an OpenDocument text',
      `LibreOffice and other word processors open the HTML report: --out ${out('r.html')}`,
    ],
    ['r.rtf', 'report', 'an RTF', `word processors open the HTML report: --out ${out('r.html')}`],
    [
      't.odt',
      'timeline',
      'an OpenDocument text',
      `open the HTML report: chronolog report ${demo} --out ${out('t.html')}`,
    ],
    ['t.rtf', 'timeline', 'an RTF', `open the HTML report: chronolog report ${demo} --out ${out('t.html')}`],
  ])('--out %s (%s)', (name, command, a, hint) => {
    const r = cli([command, demo, '--out', out(name)]);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is named as ${a} file\n`);
    expect(r.stderr).toContain(`No chronolog command writes ${a} file; `);
    expect(r.stderr).toContain(`${hint}\n`);
    expect(existsSync(out(name))).toBe(false);
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
