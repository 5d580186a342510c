/**
 * Every rejected record is named by its file and locator, however many there are. The report lists the first 50
 * problems of each code in full; the JSON gives the file and locator of every other one
 * (`problemsOmittedLocations`), and the text, Markdown and HTML reports say how many they do not list and where
 * to find them, in the same words.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type OmittedLocations, type Problem, ReportSchema } from '../../src/model/index.js';
import { cli } from '../helpers/cli.js';
import { measuredCli, scratch } from '../helpers/robustness.js';

const s = scratch('chronolog-problems-omitted-');
afterAll(() => s.cleanup());

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A WhatsApp chat with `bad` messages at hour 25 (rejected), a good message first, and one after every 40th bad
 * one; returns the lines of the bad ones.
 */
function chat(name: string, bad: number): { file: string; lines: number[] } {
  const out = ['12/02/2024, 09:15 - Sam: ok'];
  const lines: number[] = [];
  for (let k = 0; k < bad; k++) {
    out.push(`12/02/2024, 25:${two(k % 60)} - Sam: bad ${k}`);
    lines.push(out.length);
    if (k % 40 === 39) out.push(`13/02/2024, 09:${two(k % 60)} - Sam: fine ${k}`);
  }
  return { file: s.file(name, `${out.join('\n')}\n`), lines };
}

/** The one good message of the Telegram chats below. */
const HI = {
  id: 1,
  type: 'message',
  date: '2024-03-01T18:04:22',
  date_unixtime: '1709316262',
  from: 'Sam',
  from_id: 'user1',
  text: 'hi',
  text_entities: [],
};

/** A Telegram chat with one message and `bad` entries of an unknown type (rejected as messages[1] …). */
function telegram(name: string, bad: number): string {
  const messages: object[] = [HI];
  for (let k = 0; k < bad; k++) messages.push({ id: k + 2, type: 'bogus', date_unixtime: '1709316262' });
  return s.file(name, JSON.stringify({ name: 'Sam', type: 'personal_chat', id: 44, messages }, null, 1));
}

const many = path.join(s.dir, 'many');
const whatsapp = chat('many/chat.txt', 130);
const tg = telegram('many/result.json', 60);
const report = (format: string, dir = many) =>
  cli(['report', dir, '--subject', 'Sam', '--tz', 'UTC', '-f', format]);

/** Each problem's "file @ locator", from the full entries and from the omitted ones' runs and locators. */
function located(problems: readonly Problem[], omitted: readonly OmittedLocations[]): string[] {
  const out = problems.map((p) => `${p.file} @ ${p.locator}`);
  for (const o of omitted) {
    for (const [from, to] of o.lines) for (let n = from; n <= to; n++) out.push(`${o.file} @ line ${n}`);
    for (const { locator, runs } of o.indexed) {
      for (const [from, to, line = 0, last = 0] of runs) {
        const step = to > from ? (last - line) / (to - from) : 0;
        for (let n = from; n <= to; n++) {
          const at = locator.replace('{n}', String(n)).replace('{line}', String(line + (n - from) * step));
          out.push(`${o.file} @ ${at}`);
        }
      }
    }
    for (const l of o.locators) out.push(`${o.file} @ ${l}`);
    for (const [line, column, lastLine = line, lastColumn = column, n = 1] of o.positions ?? []) {
      for (let k = 0; k < n; k++) {
        const at = (from: number, to: number) => from + (n > 1 ? (k * (to - from)) / (n - 1) : 0);
        out.push(`${o.file} @ line ${at(line, lastLine)}, column ${at(column, lastColumn)}`);
      }
    }
  }
  return out.sort();
}

const expected = [
  ...whatsapp.lines.map((n) => `${whatsapp.file} @ line ${n}`),
  ...Array.from({ length: 60 }, (_, k) => `${tg} @ messages[${k + 1}]`),
].sort();

describe('a case with more rejected records than the report lists in full', () => {
  it('JSON: gives the file and locator of every rejected record, in numbers that add up', () => {
    const r = report('json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'chronolog: 195 records from 2 files: 5 events (5 kept, 0 duplicates), 0 skipped, 190 rejected; 5 incidents; 190 errors, 0 warnings (listed in the report)\n',
    );
    const json = ReportSchema.parse(JSON.parse(r.stdout));
    expect(json.problems).toHaveLength(100);
    expect(json.problemsOmitted).toEqual({ TELEGRAM_UNKNOWN_TYPE: 10, WHATSAPP_BAD_TIMESTAMP: 80 });
    expect(json.problemsOmittedLocations).toEqual([
      {
        code: 'TELEGRAM_UNKNOWN_TYPE',
        severity: 'error',
        file: tg,
        count: 10,
        lines: [],
        indexed: [{ locator: 'messages[{n}]', runs: [[51, 60]] }],
        locators: [],
      },
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: whatsapp.file,
        count: 80,
        // The 51st bad message is on line 53 (line 42 is a good one); good ones on lines 83 and 124.
        lines: [
          [53, 82],
          [84, 123],
          [125, 134],
        ],
        indexed: [],
        locators: [],
      },
    ]);
    // Each rejected record exactly once, and nothing else.
    expect(located(json.problems, json.problemsOmittedLocations)).toEqual(expected);
    // The books agree: listed + omitted = rejected, per code and in all.
    for (const code of ['TELEGRAM_UNKNOWN_TYPE', 'WHATSAPP_BAD_TIMESTAMP']) {
      const listed = json.problems.filter((p) => p.code === code).length;
      const omitted = json.problemsOmittedLocations
        .filter((o) => o.code === code)
        .reduce((n, o) => n + o.count, 0);
      expect(omitted).toBe(json.problemsOmitted[code]);
      expect(listed + omitted).toBe(json.inputs.reduce((n, i) => n + (i.rejectedReasons[code] ?? 0), 0));
    }
    expect(json.accounting.rejected).toBe(expected.length);
  });

  it('text: counts every problem and says how many it does not show and where they are', () => {
    const r = report('text');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nProblems  190 errors, 0 warnings\n');
    expect(r.stdout.match(/ ✖ /g)).toHaveLength(12);
    expect(r.stdout).toContain(
      '\n  Not listed here: 178 more problems (TELEGRAM_UNKNOWN_TYPE 60, WHATSAPP_BAD_TIMESTAMP 118).\n' +
        '    The JSON report (--format json) gives the file and location of each one.\n',
    );
  });

  it('Markdown and HTML: list the first 50 of each code and say how many more there are', () => {
    const md = report('markdown');
    expect(md.code).toBe(0);
    expect(md.stdout.match(/^\| error \|/gm)).toHaveLength(100);
    expect(md.stdout).toContain(
      '\nNot listed here: 90 more problems (TELEGRAM\\_UNKNOWN\\_TYPE 10, WHATSAPP\\_BAD\\_TIMESTAMP 80). The JSON report (`--format json`) gives the file and location of each one.\n',
    );
    const html = report('html');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(
      '<p>Not listed here: 90 more problems (<code><span class="brk">TELEGRAM_UNKNOWN_TYPE</span></code> 10, <code><span class="brk">WHATSAPP_BAD_TIMESTAMP</span></code> 80). The JSON report (<code>--format json</code>) gives the file and location of each one.</p>',
    );
  });

  it('inspect: its JSON locates every problem too, and its listing says how many it leaves out', () => {
    const r = cli(['inspect', many, '--subject', 'Sam', '--tz', 'UTC', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.problemsOmitted).toEqual({ TELEGRAM_UNKNOWN_TYPE: 10, WHATSAPP_BAD_TIMESTAMP: 80 });
    expect(located(json.problems, json.problemsOmittedLocations)).toEqual(expected);
    const text = cli(['inspect', many, '--subject', 'Sam', '--tz', 'UTC']);
    expect(text.stdout).toContain('\nProblems  190 errors, 0 warnings\n');
    expect(text.stdout).toContain(
      '\n  Not listed here: 160 more problems (TELEGRAM_UNKNOWN_TYPE 60, WHATSAPP_BAD_TIMESTAMP 100).\n' +
        '    The JSON report (--format json) gives the file and location of each one.\n',
    );
  });
});

describe('one problem more than the cap', () => {
  const one = path.join(s.dir, 'one');
  const c = chat('one/chat.txt', 51);

  it('is named in the singular, with its line in the JSON', () => {
    const json = ReportSchema.parse(JSON.parse(report('json', one).stdout));
    expect(json.problemsOmittedLocations).toEqual([
      {
        code: 'WHATSAPP_BAD_TIMESTAMP',
        severity: 'error',
        file: c.file,
        count: 1,
        lines: [[53, 53]],
        indexed: [],
        locators: [],
      },
    ]);
    expect(report('markdown', one).stdout).toContain(
      '\nNot listed here: 1 more problem (WHATSAPP\\_BAD\\_TIMESTAMP 1). The JSON report (`--format json`) gives its file and location.\n',
    );
    expect(report('html', one).stdout).toContain(
      '<p>Not listed here: 1 more problem (<code><span class="brk">WHATSAPP_BAD_TIMESTAMP</span></code> 1). The JSON report (<code>--format json</code>) gives its file and location.</p>',
    );
    expect(report('text', one).stdout).toContain(
      '\n  Not listed here: 39 more problems (WHATSAPP_BAD_TIMESTAMP 39).\n' +
        '    The JSON report (--format json) gives the file and location of each one.\n',
    );
  });
});

describe('one problem more than inspect lists', () => {
  it('lists all 31 rather than 30 and "1 more problem"', () => {
    const c = chat('inspect-31/chat.txt', 31);
    // Every date of this chat could be either order (no day above 12): the order is given.
    const r = cli(['inspect', c.file, '--subject', 'Sam', '--tz', 'UTC', '--date-order', 'dmy']);
    expect(r.code, r.stderr).toBe(0);
    const listedLines = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('  ✖ '))
      .map((l) => Number(/:line (\d+):/.exec(l)?.[1]));
    expect(listedLines).toEqual(c.lines);
    expect(r.stdout).not.toContain('Not listed here');
  });
});

describe('a million rejected records that are not lines', () => {
  it('are located by one run of their index, in a JSON report that stays small', { timeout: 120_000 }, () => {
    // A Telegram chat of one message and a million entries that are not message objects: messages[1] … [1000000].
    const chat = JSON.stringify({
      name: 'Sam',
      type: 'personal_chat',
      id: 44,
      messages: [HI],
    });
    const file = s.file('million/result.json', `${chat.slice(0, -2)}${',0'.repeat(1_000_000)}]}`);
    const out = path.join(s.dir, 'million.json');
    const r = measuredCli(['report', file, '--subject', 'Sam', '--tz', 'UTC', '-f', 'json', '-q', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    // A locator kept as text for each took 370 MB here, and wrote a 28 MB report.
    expect(r.maxRssBytes).toBeLessThan(200 * 1024 * 1024);
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeLessThan(64 * 1024);
    const json = ReportSchema.parse(JSON.parse(text));
    expect(json.accounting.rejected).toBe(1_000_000);
    expect(json.problems.map((p) => p.locator)).toEqual(
      Array.from({ length: 50 }, (_, k) => `messages[${k + 1}]`),
    );
    expect(json.problemsOmitted).toEqual({ TELEGRAM_NOT_A_MESSAGE: 999_950 });
    expect(json.problemsOmittedLocations).toEqual([
      {
        code: 'TELEGRAM_NOT_A_MESSAGE',
        severity: 'error',
        file,
        count: 999_950,
        lines: [],
        indexed: [{ locator: 'messages[{n}]', runs: [[51, 1_000_000]] }],
        locators: [],
      },
    ]);
  });
});

describe('rejected SMS backup records, each locator with its index and line', () => {
  it('are located by runs of index and line: one a line, and all on one line', () => {
    const sms = (date: string) =>
      `<sms protocol="0" address="+447700900123" date="${date}" type="1" body="hello" read="1" status="-1" contact_name="Sam" />`;
    // sms[0] is good (line 3); sms[1]–[69] are one a line (lines 4–72); sms[70]–[99] share line 73.
    const lines = [
      "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>",
      '<smses count="100">',
      sms('1709312640000'),
      ...Array.from({ length: 69 }, () => sms('abc')),
      Array.from({ length: 30 }, () => sms('abc')).join(''),
      '</smses>',
    ];
    const file = s.file('backup/sms-20240301.xml', `${lines.join('\n')}\n`);
    const r = cli(['report', file, '--subject', '+447700900123', '--tz', 'UTC', '-f', 'json']);
    expect(r.code).toBe(0);
    const json = ReportSchema.parse(JSON.parse(r.stdout));
    expect(json.problemsOmittedLocations).toEqual([
      {
        code: 'SMS_BAD_DATE',
        severity: 'error',
        file,
        count: 49,
        lines: [],
        indexed: [
          {
            locator: 'sms[{n}] (line {line})',
            // sms[70], the first on line 73, still follows one a line.
            runs: [
              [51, 70, 54, 73],
              [71, 99, 73, 73],
            ],
          },
        ],
        locators: [],
      },
    ]);
    const want = Array.from(
      { length: 99 },
      (_, k) => `${file} @ sms[${k + 1}] (line ${Math.min(k + 4, 73)})`,
    );
    expect(located(json.problems, json.problemsOmittedLocations)).toEqual(want.sort());
  });
});

describe('rejected Messenger HTML message blocks, each located by line and column', () => {
  it('are located by runs of positions, in a JSON report that stays small', { timeout: 120_000 }, () => {
    // Meta's page of one line: a readable message, then 20,000 blocks of one size whose dates are in French,
    // then 30 whose texts differ in length (each its own position, two numbers).
    const head =
      '<html><head><meta charset="utf-8" /><title>Sam Sample</title></head><body><div class="_a706" role="main"><div class="_3b0d">Participants: Sam Sample and Zoe Example</div>';
    const block = (text: string, date: string) =>
      `<div class="_a6-g"><div class="_2ph_ _a6-h _a6-i">Sam Sample</div><div class="_2ph_ _a6-p"><div>${text}</div></div><div class="_3-94 _a6-o"><div class="_a72d">${date}</div></div></div>`;
    const blocks = [block('ok', 'Mar 14, 2024 11:52:07 pm')];
    for (let k = 0; k < 20_000; k++)
      blocks.push(block(`b${String(k).padStart(5, '0')}`, `14 mars 2024 23:${two(k % 60)}`));
    for (let k = 0; k < 30; k++) blocks.push(block('x'.repeat(k * k), `14 mars 2024 23:${two(k)}`));
    const html = `${head}${blocks.join('')}</div></body></html>`;
    const file = s.file('facebook/messages/inbox/sam_1/message_1.html', html);
    const columns = [...html.matchAll(/<div class="_a6-g">/g)].map((m) => m.index + 1);
    const out = path.join(s.dir, 'messenger.json');
    const r = cli(['report', file, '--subject', 'Sam Sample', '--tz', 'UTC', '-f', 'json', '-q', '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    // 67 KB, most of it the 50 problems listed in full; a locator kept as text for each took 740 KB.
    expect(text.length).toBeLessThan(100 * 1024);
    const json = ReportSchema.parse(JSON.parse(text));
    expect(json.accounting.rejected).toBe(20_030);
    expect(json.problemsOmitted).toEqual({ MESSENGER_HTML_BAD_TIMESTAMP: 19_980 });
    const [omitted] = json.problemsOmittedLocations;
    expect(omitted).toMatchObject({
      code: 'MESSENGER_HTML_BAD_TIMESTAMP',
      file,
      count: 19_980,
      locators: [],
    });
    // The blocks of one size start one run, from the 51st rejected (the 52nd block) to the block after the last.
    expect(omitted!.positions![0]).toEqual([1, columns[51], 1, columns[20_001], 19_951]);
    expect(omitted!.positions!.length).toBeLessThanOrEqual(1 + 30);
    // Each rejected block exactly once.
    const rejected = columns.slice(1).map((c) => `${file} @ line 1, column ${c}`);
    const bad = json.problems.filter((p) => p.code === 'MESSENGER_HTML_BAD_TIMESTAMP');
    expect(located(bad, json.problemsOmittedLocations)).toEqual(rejected.sort());
  });
});
