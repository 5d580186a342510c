/**
 * `report --chronology` asks for every incident. The text report (the default format) is a one-screen summary with
 * no chronology, so the flag would go unanswered there: it is a usage error naming the formats that have one and
 * the command that gives it, before anything is read. HTML and Markdown always include the chronology, so the flag
 * is already granted there; the JSON includes it only with the flag.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, DEMO, expectUsageError, NOW, ROOT, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-chronology-format-');
afterAll(() => s.cleanup());

const refusal = (paths: string, what = 'the default format, a one-screen summary') =>
  `error: --chronology adds every incident to the JSON report; the text report (${what}) has no chronology\n` +
  `hint: The HTML and Markdown reports always include it, the JSON with --chronology: chronolog report ${paths} --format html --out report.html\n` +
  `      or chronolog report ${paths} --format json --chronology --out report.json\n`;

describe('report --chronology and the report format', () => {
  it('refuses --chronology with the default text format, saying which formats have a chronology', () => {
    expectUsageError(cli(['report', DEMO, '--chronology', '--now', NOW]), refusal(DEMO));
  });

  it('refuses it with --format text too, writing no --out file, and quotes a path with a space', () => {
    const out = path.join(s.dir, 'report.txt');
    const r = cli([
      'report',
      `${DEMO}/`,
      'fixtures/calls-diary-dst/Jo diary.csv',
      '--format',
      'text',
      '--chronology',
      '--out',
      out,
    ]);
    // Asked for by name, text is not called the default.
    expectUsageError(r, refusal(`${DEMO}/ "fixtures/calls-diary-dst/Jo diary.csv"`, 'a one-screen summary'));
    expect(() => readFileSync(out)).toThrow();
  });

  it('says so in report --help', () => {
    const r = cli(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      '--chronology include every incident in JSON output (HTML and Markdown always include it; the text summary has none, so it is refused there)',
    );
  });

  it('gives the JSON a chronology with the flag, and not without it', () => {
    const json = (args: string[]) => {
      const r = cli(['report', DEMO, '--format', 'json', '--now', NOW, ...args], {}, ROOT);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.code).toBe(0);
      return JSON.parse(r.stdout) as { chronology?: unknown[]; incidents: { total: number } };
    };
    const withIt = json(['--chronology', '--quiet']);
    expect(withIt.chronology?.length).toBeGreaterThanOrEqual(withIt.incidents.total);
    expect(json(['--quiet']).chronology).toBeUndefined();
  });

  it('accepts the flag with Markdown and HTML, which always include the chronology', () => {
    for (const [format, file] of [
      ['markdown', 'report.md'],
      ['html', 'report.html'],
    ] as const) {
      const out = path.join(s.dir, file);
      const r = cli([
        'report',
        DEMO,
        '--format',
        format,
        '--chronology',
        '--out',
        out,
        '--now',
        NOW,
        '--quiet',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toMatch(/Chronology/);
    }
  });
});
