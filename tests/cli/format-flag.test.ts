/**
 * `--format` as people type it: any letter case, and `md` for markdown. A format the command does not write is
 * refused (exit 2) with the advice an --out name in that format gets: the command line that writes it, or what to
 * use where no command does, and the formats the command writes; not commander's "argument 'pdf' is invalid.
 * Allowed choices are …". `--help` lists the choices as before.
 */
import { describe, expect, it } from 'vitest';
import { cli, DEMO, expectUsageError, NOW, STACK } from '../helpers/cli.js';

const WA = `${DEMO}/WhatsApp Chat with Sam.txt`;

describe('a --format the command does not write', () => {
  it('report --format pdf points to the HTML report, which prints to one', () => {
    expectUsageError(
      cli(['report', DEMO, '--format', 'pdf']),
      'error: report writes HTML, JSON, Markdown or text, not PDF: --format pdf\n' +
        `hint: Nothing was written. No chronolog command writes a PDF file; the HTML report prints to one from a browser: chronolog report ${DEMO} --format html --out report.html\n`,
    );
  });

  it('report --format csv gives the timeline line, with the options given and the --out name renamed', () => {
    expectUsageError(
      cli(['report', WA, '--subject', 'Sam', '--format', 'CSV', '--out', 'sam.csv']),
      'error: report writes HTML, JSON, Markdown or text, not CSV: --format CSV\n' +
        `hint: Nothing was written. A CSV file is written by timeline: chronolog timeline "${WA}" --subject Sam --format csv --out sam.csv\n` +
        '      or give a format report writes: --format html, --format json, --format markdown or --format text\n',
    );
  });

  it('timeline --format json points to the JSON report, and to JSON Lines', () => {
    expectUsageError(
      cli(['timeline', DEMO, '--format', 'json']),
      'error: timeline writes CSV or JSON Lines, not JSON: --format json\n' +
        `hint: Nothing was written. A JSON file is written by report: chronolog report ${DEMO} --format json --out report.json\n` +
        '      or give a format timeline writes: --format csv or --format jsonl\n',
    );
  });

  it('inspect --format html points to the HTML report', () => {
    expectUsageError(
      cli(['inspect', DEMO, '--format', 'html', '--tz', 'Europe/London']),
      'error: inspect writes text or JSON, not HTML: --format html\n' +
        `hint: An HTML file is written by report: chronolog report ${DEMO} --tz Europe/London --format html --out report.html\n` +
        '      or give a format inspect writes: --format text or --format json\n',
    );
  });

  it('a format no one knows lists the ones there are', () => {
    expectUsageError(
      cli(['report', DEMO, '--format', 'banana']),
      'error: report writes HTML, JSON, Markdown or text; --format banana is none of them\n' +
        'hint: Nothing was written. Give --format html, --format json, --format markdown or --format text (or md for markdown).\n',
    );
  });
});

describe('a --format the command writes, however it is typed', () => {
  const ok = (args: string[]) => {
    const r = cli(args);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('md is markdown, HTML is html, JSONL is jsonl, JSON is json', () => {
    expect(ok(['report', WA, '--subject', 'Sam', '--now', NOW, '--quiet', '--format', 'md'])).toMatch(/^# /);
    expect(ok(['report', WA, '--subject', 'Sam', '--now', NOW, '--quiet', '--format', 'HTML'])).toMatch(
      /^<!DOCTYPE html>/,
    );
    expect(ok(['timeline', WA, '--quiet', '--format', 'JSONL'])).toMatch(/^\{"id":"/);
    expect(JSON.parse(ok(['inspect', WA, '--format', 'JSON'])).schemaVersion).toBe(1);
  });

  it('--help still lists the choices', () => {
    // As the help wraps its lines.
    const help = (command: string) => ok([command, '--help']).replace(/\s+/g, ' ');
    expect(help('report')).toContain('(choices: "text", "json", "markdown", "html")');
    expect(help('timeline')).toContain('(choices: "csv", "jsonl")');
    expect(help('inspect')).toContain('(choices: "text", "json", default: "text")');
  });
});
