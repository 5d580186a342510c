/**
 * Hostile content in every output: message texts, a sender name and a file name written to attack whoever opens
 * the report — HTML/script injection, Markdown links, spreadsheet formulas, terminal escapes (SGR and OSC 8
 * hyperlinks), bidi overrides and NUL — are run through every report and timeline format, which must keep them
 * as inert data.
 */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { ReportSchema, TimelineRowSchema } from '../../src/model/index.js';
import { cli, NOW, STACK } from '../helpers/cli.js';
import { scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-hostile-');
afterAll(() => s.cleanup());

/** Every hostile message text, in file order. */
const HOSTILE_TEXTS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(2)</script>',
  '[click](javascript:alert(3))',
  '<a href="javascript:alert(4)">x</a>',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '\tTAB-LEAD',
  '\rCR-LEAD',
  '\u001b[31mRED-FROM-DATA',
  '\u001b]8;;http://evil.example\u0007OSC-LINK\u001b]8;;\u0007',
  'abc\u202Eevil\u2066isolate',
  'nul\u0000byte',
];
const SENDER = '=cmd|<b>Sam</b>\u001b[32m';
const FILE_NAME = '<img src=x onerror=alert(9)>\u202Echat.txt';

const file = s.file(
  FILE_NAME,
  `${HOSTILE_TEXTS.map((t, i) => `12/03/2024, 10:${String(i).padStart(2, '0')} - ${SENDER}: ${t}`).join('\n')}\n`,
);
// A copy with an ordinary name, so the file name's own hostility doesn't mask the texts' in path-free checks.
const plain = path.join(s.dir, 'plain.txt');
copyFileSync(file, plain);

const OPTS = ['--tz', 'Europe/London', '--date-order', 'dmy', '--subject', SENDER];
const report = (format: string, env: Record<string, string> = {}) => {
  const r = cli(['report', file, '--format', format, '--now', NOW, ...OPTS], env);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).not.toMatch(STACK);
  return r.stdout;
};
const timeline = (format: string) => {
  const r = cli(['timeline', file, '--format', format, ...OPTS]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

/** Raw terminal controls and bidi controls that must never reach a terminal or document from data. */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

describe('hostile content in every output', () => {
  it('json keeps every text verbatim as data, with controls and bidi as \\u escapes', () => {
    const out = report('json');
    expect(out).not.toMatch(UNSAFE);
    expect(out).toMatch(/\\u202e/i);
    expect(out).toMatch(/\\u001b/i);
    const r = ReportSchema.parse(JSON.parse(out));
    expect(r.inputs[0]!.path).toBe(file);
    expect(r.accounting.incidents).toBe(HOSTILE_TEXTS.length);
  });

  it('jsonl keeps every text verbatim, escaped', () => {
    const out = timeline('jsonl');
    expect(out).not.toMatch(UNSAFE);
    const rows = out
      .trim()
      .split('\n')
      .map((l) => TimelineRowSchema.parse(JSON.parse(l)));
    // A lone CR is a line break in a WhatsApp export, so that message continues on the next line.
    expect(rows.map((r) => r.text)).toEqual(HOSTILE_TEXTS.map((t) => (t === '\rCR-LEAD' ? '\nCR-LEAD' : t)));
    expect(new Set(rows.map((r) => r.sender))).toEqual(new Set([SENDER]));
    expect(rows[0]!.file).toBe(file);
  });

  it('csv: every cell starting with = + - @ tab or CR is defused with an apostrophe; controls shown as <U+XXXX>', () => {
    const out = timeline('csv');
    expect(out).not.toMatch(UNSAFE);
    const rows: string[][] = parseCsv(out, { relaxQuotes: false });
    const cells = rows.flat();
    for (const c of cells) expect(c, JSON.stringify(c)).not.toMatch(/^[=+\-@\t\r]/);
    const text = rows.slice(1).map((r) => r[rows[0]!.indexOf('text')]);
    expect(text).toContain('\'=HYPERLINK("http://evil.example","x")');
    expect(text).toContain("'+cmd|' /C calc'!A0");
    expect(text).toContain("'@SUM(1+1)");
    expect(text).toContain("'-2+3");
    expect(text.some((t) => t?.startsWith("'") && t.includes('TAB-LEAD'))).toBe(true);
    expect(text).toContain('<U+001B>[31mRED-FROM-DATA');
    expect(text.some((t) => t?.includes('<U+202E>'))).toBe(true);
    const sender = rows.slice(1).map((r) => r[rows[0]!.indexOf('sender')]);
    expect(new Set(sender)).toEqual(new Set(["'=cmd|<b>Sam</b><U+001B>[32m"]));
  });

  it('text: no escape or bidi from data reaches the terminal, even with FORCE_COLOR=1', () => {
    const out = report('text', { FORCE_COLOR: '1' });
    // Only chronolog's own SGR colour codes may remain.
    const own = out.replace(/\u001b\[(?:1|2|22|3\d|39)m/g, '');
    expect(own).not.toMatch(UNSAFE);
    expect(out).not.toContain('\u001b]8;;');
    expect(out).not.toContain('\u001b[31mRED');
    expect(out).not.toContain('\u001b[32m'.concat('\n'));
    const noColour = report('text', { NO_COLOR: '1' });
    expect(noColour).not.toMatch(UNSAFE);
  });

  it('markdown: no raw HTML tags or links from data', () => {
    const out = report('markdown');
    expect(out).not.toMatch(UNSAFE);
    // Markdown's own backslash escapes make `\<img` literal text; an unescaped `<` + letter would be a raw tag.
    // A command line the report suggests (the paths and options it was made with) is a code span, whose text is
    // literal and where a backslash would show: the data is in it as the shell reads it back, and each span's fence
    // is longer than any run of backticks inside, so nothing in it can close it early. Outside the spans, none.
    const spans = [...out.matchAll(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g)];
    for (const [, fence, text] of spans) {
      const longestInside = Math.max(0, ...[...text!.matchAll(/`+/g)].map((m) => m[0].length));
      expect(fence!.length).toBeGreaterThan(longestInside);
      expect(text).not.toMatch(/\n\n/);
    }
    expect(spans.some(([, , text]) => text!.includes("--subject $'=cmd|<b>Sam</b>\\x1b[32m'"))).toBe(true);
    expect(out.replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, '')).not.toMatch(/(?<!\\)<[a-zA-Z/]/);
    expect(out).not.toMatch(/(?<!\\)\]\((?<!\\)javascript:/);
    expect(out).toContain('\\<img src=x onerror=alert\\(1\\)\\>');
    // The texts are there, as text.
    expect(out).toMatch(/RED-FROM-DATA/);
  });

  it('html: no tag or attribute from data is live; hostile strings appear only as escaped text', () => {
    const out = report('html');
    expect(out).not.toMatch(UNSAFE);
    // Scan every tag the document really has: none may come from data.
    const tags = [...out.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)];
    expect(tags.length).toBeGreaterThan(0);
    for (const [whole, name, attrs] of tags) {
      expect(name!.toLowerCase(), whole).not.toBe('img');
      for (const [, attr, v1, v2, v3] of attrs!.matchAll(
        /([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
      )) {
        const value = v1 ?? v2 ?? v3 ?? '';
        // Attribute values may hold data (e.g. a file name in a title), but only as quoted, escaped text.
        expect(attr!.toLowerCase(), whole).not.toMatch(/^on/);
        if (v3 !== undefined) expect(value, whole).not.toMatch(/[<>]/);
        expect(value, whole).not.toMatch(/[<>]/);
        if (/^(?:href|src|action|formaction|xlink:href)$/i.test(attr!))
          expect(value, whole).not.toMatch(/^\s*javascript:/i);
      }
    }
    // Data-originated <script> would carry alert(2); chronolog's own scripts (if any) never do.
    for (const m of out.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi))
      expect(m[1]).not.toMatch(/alert\(/);
    expect(out).not.toContain('<b>Sam</b>');
    const lt = '(?:&lt;|&#60;|&#x3c;)';
    const gt = '(?:&gt;|&#62;|&#x3e;)';
    expect(out).toMatch(new RegExp(`${lt}img src=x onerror=alert\\(1\\)${gt}`, 'i'));
    expect(out).toMatch(new RegExp(`${lt}script${gt}alert\\(2\\)${lt}/script${gt}`, 'i'));
  });

  it('a plainly named copy of the file gives one row per hostile message too', () => {
    const a = cli(['timeline', plain, '--format', 'jsonl', ...OPTS]);
    expect(a.code).toBe(0);
    expect(a.stdout.trim().split('\n')).toHaveLength(HOSTILE_TEXTS.length);
  });
});

describe('file names with terminal escapes', () => {
  // An OSC window-title sequence and colours: shown, like every control, as the CSV shows them.
  const dir = path.join(s.dir, 'escaped');
  const long = s.file(
    'escaped/x\u001b]0;PWNED\u0007\u001b[31mred.txt',
    '13/03/2024, 10:00 - Sam: Answer me\n',
  );
  s.file('escaped/y\u001b[2Jb.txt', '14/03/2024, 10:00 - Sam: Answer me\n');
  const shown = 'x<U+001B>]0;PWNED<U+0007><U+001B>[31mred.txt';
  const run = (format: string) => {
    const r = cli(['report', dir, '--subject', 'Sam', '--tz', 'UTC', '--format', format]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE);
    return r.stdout;
  };

  it('text and Markdown show them with the same <U+…> markers as the CSV, never raw', () => {
    const csv: string[][] = parseCsv(cli(['timeline', long, '--subject', 'Sam', '--tz', 'UTC']).stdout);
    expect(csv[1]![csv[0]!.indexOf('file')]).toBe(path.join(dir, shown));
    const text = run('text');
    expect(text).toMatch(/\n {2}y<U\+001B>\[2Jb\.txt +whatsapp-txt +1 +1 /);
    // Too long for its column (100 characters wide): shortened in the middle, start and end of the name kept, cut
    // beside a marker, not inside one.
    expect(text).toMatch(/\n {2}x<U\+001B>\]0;PWNED…<U\+001B>\[31mred\.txt +whatsapp-txt +1 +1 /);
    // Markdown: the full path, its Markdown characters escaped, in the table of inputs and in the chronology.
    const md = run('markdown');
    const mdPath = (name: string) => path.join(dir, name).replace(/[[\]<>+]/g, '\\$&');
    expect(md).toContain(`| ${mdPath(shown)} | \``);
    expect(md).toContain(`| ${mdPath('y<U+001B>[2Jb.txt')} | \``);
    expect(md).toContain(`| Answer me | ${mdPath(shown)} line 1 |`);
  });
});
