/**
 * Table-driven bad-input suite: each case builds (or generates, for the large and hostile ones) an input in the
 * OS temp folder, runs the built CLI as a user would, and checks the exit code, that a failure names the file and
 * says what to do, the per-input accounting where the run succeeds, that no stack trace leaks, and that peak
 * memory and wall time stay within safety bounds.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { type Report, ReportSchema } from '../../src/model/index.js';
import { NOW, STACK } from '../helpers/cli.js';
import { type MeasuredRun, measuredCli, scratch, zipBomb } from '../helpers/robustness.js';
import { makeZip } from '../helpers/zip-writer.js';

const s = scratch();
afterAll(() => s.cleanup());

const MB = 1024 * 1024;
const RSS_LIMIT = 1.5 * 1024 * MB;
const TIME_LIMIT_MS = 60_000;
const COMMON = [
  '--format',
  'json',
  '--now',
  NOW,
  '--tz',
  'Europe/London',
  '--region',
  'GB',
  '--subject',
  'Sam',
];
const fixture = (rel: string) => readFileSync(path.join('fixtures', rel));

const sms = (rows: string[], count = rows.length) =>
  `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${count}">\n${rows.join('\n')}\n</smses>\n`;
const smsRow = (date: string, body: string) =>
  `  <sms protocol="0" address="+447700900123" date="${date}" type="1" body="${body}" read="1" contact_name="Sam" />`;

interface Case {
  name: string;
  /** Builds the inputs and returns the CLI arguments (the common JSON-report options are appended). */
  args: () => string[] | Promise<string[]>;
  code: 0 | 1 | 2;
  /** On failure: what stderr must say (the file name is checked separately via `names`). */
  stderr?: RegExp;
  /** Text stderr must contain on failure (usually the file name). */
  names?: () => string;
  /** Extra checks on the parsed JSON report (exit 0 only). */
  report?: (r: Report, run: MeasuredRun) => void;
  /** Extra checks on the raw run. */
  run?: (run: MeasuredRun) => void;
  /** The report is still written to stdout although the exit code is 1 (--strict). */
  reportOnFailure?: boolean;
  /** Leave out the common report options (e.g. for usage errors where they'd be irrelevant). */
  raw?: boolean;
}

const errorsAt = (r: Report, code: string) => r.problems.filter((p) => p.code === code).map((p) => p.locator);

const cases: Case[] = [
  {
    name: 'an empty file',
    args: () => [s.file('empty.txt', '')],
    code: 1,
    stderr: /empty file \(0 bytes\)/,
    names: () => 'empty.txt',
  },
  {
    name: 'a file holding only a byte-order mark and blank lines',
    args: () => [s.file('WhatsApp Chat with Sam.txt', '\ufeff\r\n\r\n  \n')],
    code: 1,
    stderr: /WhatsApp Chat with Sam\.txt: no text \(only blank lines or a byte-order mark\)/,
    names: () => 'WhatsApp Chat with Sam.txt',
  },
  {
    name: 'a file in UTF-16 holding only its byte-order mark and a line break',
    args: () => [s.file('sms.xml', Buffer.from([0xff, 0xfe, 0x0a, 0x00]))],
    code: 1,
    stderr: /sms\.xml: no text \(only blank lines or a byte-order mark\)/,
    names: () => 'sms.xml',
  },
  {
    name: 'a binary file',
    args: () => [
      s.file('photo.dat', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37 + 11) % 256))),
    ],
    code: 1,
    stderr: /binary file/,
    names: () => 'photo.dat',
  },
  {
    name: 'a WhatsApp chat forced as an SMS backup with --format-of',
    args: () => [
      s.file('forced.txt', '12/03/2024, 10:00 - Sam: hi\n13/03/2024, 10:01 - Sam: yo\n'),
      '--format-of',
      '*.txt=sms-backup-xml',
    ],
    code: 1,
    stderr: /XML/,
    names: () => 'forced.txt',
  },
  {
    name: 'truncated SMS XML keeps the records before the cut and marks the file incomplete',
    args: () => {
      const full = sms([
        smsRow('1709312640000', 'one'),
        smsRow('1709312700000', 'two'),
        smsRow('1709312760000', 'three'),
      ]);
      return [s.file('sms-truncated.xml', full.slice(0, full.indexOf('three') - 30))];
    },
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!.incomplete).toBe(true);
      expect(r.inputs[0]!.events).toBe(2);
      expect(r.problems.some((p) => p.severity === 'error' && p.file?.endsWith('sms-truncated.xml'))).toBe(
        true,
      );
    },
  },
  {
    name: 'truncated Telegram JSON keeps what was read and marks the file incomplete',
    args: () => {
      const full = fixture('telegram-json/single-chat-mixed.json').toString('utf8');
      return [s.file('result.json', full.slice(0, Math.floor(full.length * 0.6)))];
    },
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!.format).toBe('telegram-json');
      expect(r.inputs[0]!.incomplete).toBe(true);
      expect(r.inputs[0]!.events).toBeGreaterThan(0);
    },
  },
  {
    name: 'truncated Messenger JSON',
    args: () => {
      mkdirSync(path.join(s.dir, 'messenger-trunc'), { recursive: true });
      const full = fixture('messenger-json/correctly-encoded.json').toString('utf8');
      return [s.file('messenger-trunc/message_1.json', full.slice(0, Math.floor(full.length * 0.7)))];
    },
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!.format).toBe('messenger-json');
      expect(r.inputs[0]!.incomplete).toBe(true);
    },
  },
  {
    name: 'a UTF-16LE WhatsApp chat with a byte-order mark is read correctly',
    args: () => {
      const text = '12/03/2024, 10:00 - Sam: Grüße ☃\n13/03/2024, 22:01 - Sam: zweite\n';
      return [s.file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))];
    },
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!.format).toBe('whatsapp-txt');
      expect(r.inputs[0]!).toMatchObject({ records: 2, events: 2, rejected: 0 });
      expect(r.identifiers.map((i) => i.identifier)).toContain('Sam');
      expect(r.identifiers[0]!.names).toEqual(['Sam']);
    },
  },
  {
    name: 'a cp1252 diary CSV',
    args: () => [
      s.file(
        'diary-1252.csv',
        iconv.encode(
          'Date,Time,Type,Description\n01/03/2024,09:00,Text,Café – “watching”\n02/03/2024,10:00,Call,Rang €5 times\n',
          'win1252',
        ),
      ),
      '--date-order',
      'dmy',
    ],
    code: 0,
    report: (r) =>
      expect(r.inputs[0]!).toMatchObject({ format: 'csv-diary', records: 2, events: 2, rejected: 0 }),
  },
  {
    name: 'mixed line endings and U+2028 inside a WhatsApp message',
    args: () => [
      s.file(
        'mixed-eol.txt',
        '12/03/2024, 10:00 - Sam: one\r\n13/03/2024, 10:01 - Sam: two\u2028still two\n14/03/2024, 10:02 - Sam: three\rcontinued\r\n15/03/2024, 10:03 - Sam: four\n',
      ),
    ],
    code: 0,
    report: (r) => expect(r.inputs[0]!).toMatchObject({ format: 'whatsapp-txt', records: 4, events: 4 }),
  },
  {
    name: 'WhatsApp dates whose day/month order cannot be decided',
    args: () => [s.file('ambiguous.txt', fixture('whatsapp-txt/ambiguous-order.txt'))],
    code: 1,
    stderr: /--date-order/,
    names: () => 'ambiguous.txt',
  },
  {
    name: '--date-order dmy settles the ambiguous WhatsApp file',
    args: () => [
      s.file('ambiguous2.txt', fixture('whatsapp-txt/ambiguous-order.txt')),
      '--date-order',
      'dmy',
      '--subject',
      'Sam Carter',
    ],
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!.rejected).toBe(0);
      expect(r.incidents.firstLocal).toMatch(/^2024-04-03/);
    },
  },
  {
    name: 'diary rows with impossible dates and times are rejected with line numbers, others kept',
    args: () => [s.file('bad-rows.csv', fixture('csv-diary/bad-rows.csv')), '--chronology'],
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!).toMatchObject({ records: 11, events: 3, skipped: 2, rejected: 6 });
      expect(errorsAt(r, 'DIARY_BAD_DATE')).toEqual(['line 3', 'line 8']);
      expect(errorsAt(r, 'DIARY_BAD_TIME')).toEqual(['line 4']);
      // "8" (no am/pm) could be morning or evening: the row counts on its date, its hour left open.
      expect(r.chronology!.find((e) => e.locator === 'line 9')).toMatchObject({
        local: '2024-03-03',
        flags: ['time-approximate'],
        details: { time_as_written: '8' },
      });
      expect(r.problems.filter((p) => p.code === 'DIARY_HOUR_WITHOUT_AMPM')).toEqual([
        expect.objectContaining({
          severity: 'warning',
          message: expect.stringContaining('(1 row: "8" on line 9)'),
          hint: 'Add am or pm to place these within the day; each is counted on its date',
        }),
      ]);
    },
  },
  {
    name: 'SMS elements with date="abc" or an empty date are rejected with element locators',
    args: () => [
      s.file(
        'sms-bad-dates.xml',
        sms([
          smsRow('1709312640000', 'ok'),
          smsRow('abc', 'bad'),
          smsRow('', 'empty'),
          smsRow('1709312760000', 'ok2'),
        ]),
      ),
    ],
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!).toMatchObject({ records: 4, events: 2, rejected: 2 });
      const locs = r.problems.filter((p) => p.severity === 'error').map((p) => p.locator);
      // Element indexes count from 0; the line number is given as well.
      expect(locs).toEqual(['sms[1] (line 4)', 'sms[2] (line 5)']);
    },
  },
  {
    name: 'an mbox message with an unparseable Date takes its time from Received, or is rejected (never "now")',
    args: () => [
      s.file(
        'bad-date.mbox',
        [
          'From sam@example.org Mon Jan 15 03:12:44 2024',
          'Received: from relay.example.org by mx.example.com; Mon, 15 Jan 2024 03:12:44 +0000',
          'From: sam@example.org',
          'To: alex@example.com',
          'Date: next Tuesday-ish',
          'Subject: one',
          '',
          'with a Received header',
          '',
          'From sam@example.org Tue Jan 16 03:12:44 2024',
          'From: sam@example.org',
          'To: alex@example.com',
          'Date: not a date',
          'Subject: two',
          '',
          'without a Received header',
          '',
        ].join('\n'),
      ),
      '--subject',
      'sam@example.org',
    ],
    code: 0,
    report: (r) => {
      const i = r.inputs[0]!;
      expect(i.format).toBe('mbox');
      expect(i.records).toBe(2);
      // The generated-at time (NOW) must never appear as an event time.
      expect(r.incidents.last?.startsWith('2024-07-01')).toBe(false);
      expect(r.incidents.first).toBe('2024-01-15T03:12:44.000Z');
    },
  },
  {
    name: 'Messenger JSON with a byte-order mark',
    args: () => {
      mkdirSync(path.join(s.dir, 'messenger-bom'), { recursive: true });
      const body = fixture('messenger-json/correctly-encoded.json');
      return [s.file('messenger-bom/message_1.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]))];
    },
    code: 0,
    report: (r) => expect(r.inputs[0]!).toMatchObject({ format: 'messenger-json', incomplete: false }),
  },
  {
    name: 'Telegram with from: null',
    args: () => [
      s.file(
        'tg-null/result.json',
        JSON.stringify({
          name: 'Sam',
          type: 'personal_chat',
          id: 1,
          messages: [
            {
              id: 1,
              type: 'message',
              date: '2024-03-01T18:04:22',
              date_unixtime: '1709316262',
              from: null,
              from_id: 'user1',
              text: 'deleted account',
            },
            {
              id: 2,
              type: 'message',
              date: '2024-03-01T18:05:22',
              date_unixtime: '1709316322',
              from: 'Sam',
              from_id: 'user1',
              text: 'hi',
            },
          ],
        }),
      ),
    ],
    code: 0,
    report: (r) => expect(r.inputs[0]!).toMatchObject({ format: 'telegram-json', records: 2 }),
  },
  {
    name: 'a 60 MB single line (generated)',
    args: () => [s.file('one-line.txt', Buffer.alloc(60 * MB, 'a'))],
    code: 1,
    stderr: /not a supported export format/,
    names: () => 'one-line.txt',
  },
  {
    name: 'JSON nested 200,000 deep (generated) inside a Telegram export',
    args: () => {
      const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
      const head =
        '{"name":"Sam","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","date":"2024-03-01T18:04:22","date_unixtime":"1709316262","from":"Sam","from_id":"user1","text":"hi"},{"id":2,"type":"message","date":"2024-03-01T18:05:22","from":"Sam","text":';
      return [s.file('deep/result.json', `${head}${deep}}]}`)];
    },
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!.format).toBe('telegram-json');
      expect(r.inputs[0]!.events).toBeGreaterThanOrEqual(1);
      expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
    },
  },
  {
    name: 'a diary CSV with 10,000 columns (generated)',
    args: () => {
      const extra = Array.from({ length: 9_996 }, (_, i) => `c${i}`);
      const header = ['Date', 'Time', 'Type', 'Description', ...extra].join(',');
      const row = (d: string) => [d, '09:00', 'Text', 'message', ...extra.map(() => 'x')].join(',');
      return [
        s.file('wide.csv', `${header}\n${row('01/03/2024')}\n${row('02/03/2024')}\n`),
        '--date-order',
        'dmy',
      ];
    },
    code: 0,
    report: (r) => {
      const i = r.inputs[0]!;
      expect(i.records).toBe(2);
    },
  },
  {
    name: 'a symlink loop in the input folder is listed as not read, without hanging',
    args: () => {
      const dir = path.join(s.dir, 'loop');
      mkdirSync(path.join(dir, 'sub'), { recursive: true });
      s.file('loop/chat.txt', '12/03/2024, 10:00 - Sam: hi\n13/03/2024, 10:01 - Sam: yo\n');
      symlinkSync('..', path.join(dir, 'sub', 'up'));
      symlinkSync('self', path.join(dir, 'self'));
      return [dir];
    },
    code: 0,
    report: (r) => {
      expect(r.inputs.map((i) => path.basename(i.path))).toEqual(['chat.txt']);
      expect(r.ignoredFiles.length).toBeGreaterThan(0);
    },
  },
  {
    name: 'a file name with a newline appears escaped',
    args: () => [s.file('evil\nname.txt', '')],
    code: 1,
    run: (r) => {
      expect(r.stderr).not.toContain('evil\nname');
      // The message lists the file on its own line, under the heading; the name stays on that one line.
      expect(r.stderr.split('\n')[1]).toContain('evil name.txt');
      expect(r.stderr).toMatch(/evil.+name\.txt/);
    },
  },
  {
    name: 'a file name with a right-to-left override appears inert',
    args: () => [s.file('invoice\u202Etxt.exe', '')],
    code: 1,
    run: (r) => {
      // The override is shown as a marker, as in CSV and HTML, so the name cannot flip the text around it.
      expect(r.stderr).not.toContain('\u202E');
      expect(r.stderr).toContain('invoice<U+202E>txt.exe');
    },
  },
  {
    name: 'a file name with a right-to-left mark is read, kept as data in JSON and dropped from the terminal',
    args: () => [
      s.file('rlm/chat\u200Frtl.txt', '12/03/2024, 10:00 - Sam: hi\n13/03/2024, 10:01 - Sam: yo\n'),
    ],
    code: 0,
    report: (r) => {
      expect(r.inputs[0]!).toMatchObject({ format: 'whatsapp-txt', records: 2, events: 2 });
      expect(r.inputs[0]!.path).toContain('chat\u200Frtl.txt');
    },
    run: (r) => expect(r.stderr).not.toContain('\u200F'),
  },
  {
    name: 'a UTF-16BE diary CSV with a byte-order mark is read correctly',
    args: () => {
      const text =
        'Date,Time,Type,Description\n01/03/2024,09:00,Text,Grüße – “watching”\n02/03/2024,10:00,Call,Rang 5 times\n';
      const le = Buffer.from(text, 'utf16le');
      const be = Buffer.alloc(le.length);
      for (let i = 0; i < le.length; i += 2) {
        be[i] = le[i + 1]!;
        be[i + 1] = le[i]!;
      }
      return [
        s.file('diary-utf16be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])),
        '--date-order',
        'dmy',
      ];
    },
    code: 0,
    report: (r) =>
      expect(r.inputs[0]!).toMatchObject({ format: 'csv-diary', records: 2, events: 2, rejected: 0 }),
  },
  // One 60 MB line: csv-parse is given a record cap (the DCE reader keeps a row over 16 MiB from it; this one is
  // its header), and line readers keep an unfinished line as pieces joined once, so no parser copies it per chunk.
  ...(
    [
      ['discord-csv', 'csv', /header, is 62,914,560 characters long, over 16 MiB; this is not a DCE CSV/],
      ['csv-diary', 'csv', /names no Date column/],
      ['whatsapp-txt', 'txt', /No line of the file is a WhatsApp message header/],
      ['signal-chat', 'txt', /line 1 is not a message header/],
      ['imessage-txt', 'txt', /line 1 is outside any message block/],
    ] as const
  ).map(
    ([id, ext, stderr]): Case => ({
      name: `a 60 MB single line forced through the ${id} parser fails fast and bounded`,
      args: () => [
        s.file(`forced-${id}.${ext}`, Buffer.alloc(60 * MB, 'a')),
        '--format-of',
        `forced-${id}.${ext}=${id}`,
      ],
      code: 1,
      stderr,
      names: () => `forced-${id}.${ext}`,
    }),
  ),
  {
    name: 'an invalid case file lists every bad field, exit 2',
    args: () => [
      s.file('case-chat.txt', '12/03/2024, 10:00 - Sam: hi\n'),
      '--case',
      s.file(
        'bad-case.json',
        JSON.stringify({
          timezone: 'Mars/Olympus',
          subject: { identifiers: 42 },
          milestones: [{ date: '2024-02-30', label: 'x' }],
        }),
      ),
    ],
    raw: true,
    code: 2,
    names: () => 'bad-case.json',
    stderr: /timezone[\s\S]*identifiers[\s\S]*milestones/,
  },
  {
    name: 'a path that does not exist',
    args: () => [path.join(s.dir, 'no-such-folder')],
    code: 1,
    stderr: /no such file or folder[\s\S]*hint:/,
    names: () => 'no-such-folder',
  },
  {
    name: 'zip members whose paths escape the archive are refused and nothing is written anywhere',
    args: () => {
      mkdirSync(path.join(s.dir, 'slip'), { recursive: true });
      return [
        s.file(
          'slip/escape.zip',
          makeZip([
            { name: '../../evil.txt', data: '12/03/2024, 10:00 - Sam: escaped\n' },
            { name: '..\\..\\evil-backslash.txt', data: '12/03/2024, 10:00 - Sam: escaped\n' },
            { name: `${tmpdir()}/chronolog-evil-absolute.txt`, data: '12/03/2024, 10:00 - Sam: escaped\n' },
            { name: 'C:\\evil-drive.txt', data: '12/03/2024, 10:00 - Sam: escaped\n' },
            {
              name: 'WhatsApp Chat with Sam.txt',
              data: '12/03/2024, 10:00 - Sam: hi\n13/03/2024, 10:01 - Sam: yo\n',
            },
            // A folder written with a backslash, as Windows tools do: no escape, read as `Chats/…`.
            {
              name: 'Chats\\WhatsApp Chat with Kim.txt',
              data: '14/03/2024, 11:00 - Kim: are you home\n',
            },
          ]),
        ),
      ];
    },
    code: 0,
    report: (r) => {
      expect(r.inputs.map((i) => i.path)).toEqual([
        expect.stringMatching(/escape\.zip!\/Chats\/WhatsApp Chat with Kim\.txt$/),
        expect.stringMatching(/escape\.zip!\/WhatsApp Chat with Sam\.txt$/),
      ]);
      for (const evil of ['evil.txt', 'evil-backslash.txt', 'chronolog-evil-absolute.txt', 'evil-drive.txt'])
        expect(
          r.ignoredFiles.some((f) => f.path.includes(evil)),
          evil,
        ).toBe(true);
    },
    run: () => {
      // The archive is read in place: no member is ever written, inside the scratch folder or outside it.
      expect(readdirSync(path.join(s.dir, 'slip'))).toEqual(['escape.zip']);
      for (const p of [
        path.join(s.dir, 'evil.txt'),
        path.join(s.dir, '..', 'evil.txt'),
        path.join(s.dir, 'evil-backslash.txt'),
        path.join(tmpdir(), 'chronolog-evil-absolute.txt'),
      ])
        expect(existsSync(p), p).toBe(false);
    },
  },
  {
    name: 'a zip bomb of 1 GB of zeros (generated by streaming deflate) is refused by its limits',
    args: async () => [s.file('bomb.zip', await zipBomb('zeros.txt', 1024 * MB))],
    code: 1,
    stderr: /ratio|too large|limit/i,
    names: () => 'bomb.zip',
  },
  {
    name: 'XXE in SMS XML (general, parameter and external-DTD entities) never resolves a file',
    args: () => [
      s.file(
        'xxe.xml',
        `<?xml version="1.0"?>\n<!DOCTYPE smses SYSTEM "file:///etc/passwd" [<!ENTITY % pe SYSTEM "file:///etc/passwd"> %pe; <!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<smses count="2">\n${smsRow('1709312640000', '&xxe;')}\n${smsRow('1709312700000', 'plain')}\n</smses>\n`,
      ),
    ],
    code: 0,
    report: (r) => {
      // Both records are accounted for; the entity reference is never replaced by a file's content.
      expect(r.inputs[0]!).toMatchObject({ format: 'sms-backup-xml', records: 2 });
      expect(JSON.stringify(r)).not.toContain('/bin/');
    },
    run: (r) => {
      expect(r.stdout).not.toMatch(/root:.*:0:0:/);
      expect(r.stderr).not.toMatch(/root:.*:0:0:/);
    },
  },
  {
    name: 'billion laughs stays bounded',
    args: () => {
      const ents = ['<!ENTITY lol "lol">'];
      for (let i = 1; i <= 9; i++)
        ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
      return [
        s.file(
          'laughs.xml',
          `<?xml version="1.0"?>\n<!DOCTYPE smses [${ents.join('')}]>\n<smses count="2">\n${smsRow('1709312640000', '&lol9;')}\n${smsRow('1709312700000', 'plain')}\n</smses>\n`,
        ),
      ];
    },
    code: 0,
    run: (r) => expect(r.stdout.length).toBeLessThan(5 * MB),
  },
  {
    name: 'NUL bytes inside a WhatsApp file',
    args: () => [
      s.file(
        'nul.txt',
        '12/03/2024, 10:00 - Sam: hi\u0000there\n13/03/2024, 10:01 - Sam: \u0000\u0000\n14/03/2024, 10:02 - Sam: ok\n',
      ),
    ],
    code: 0,
    report: (r) => expect(r.inputs[0]!).toMatchObject({ format: 'whatsapp-txt', records: 3 }),
  },
  {
    name: 'a diary with only a header',
    args: () => [s.file('header-only.csv', 'Date,Time,Type,Description\n')],
    code: 1,
    names: () => 'header-only.csv',
  },
  {
    name: 'an SMS backup with 0 records',
    args: () => [s.file('sms-empty.xml', sms([], 0))],
    code: 1,
    names: () => 'sms-empty.xml',
  },
  {
    name: '--strict exits 1 when records were rejected, and says so',
    args: () => [s.file('strict.csv', fixture('csv-diary/bad-rows.csv')), '--strict'],
    code: 1,
    reportOnFailure: true,
    stderr: /6 rejected/,
  },
  {
    name: '--strict exits 1 when a file could be read only in part, though no record was rejected',
    args: () => {
      // Cut between the two records: one cut inside a record would reject that record.
      const full = sms([smsRow('1709312640000', 'one'), smsRow('1709312700000', 'two')]);
      return [s.file('strict-cut.xml', full.slice(0, full.lastIndexOf('<sms'))), '--strict'];
    },
    code: 1,
    reportOnFailure: true,
    report: (r) => {
      expect(r.accounting.rejected).toBe(0);
      expect(r.inputs[0]!.incomplete).toBe(true);
    },
  },
  {
    name: '--strict exits 0 when every record of every file was read and used',
    args: () => [s.file('strict-ok.xml', sms([smsRow('1709312640000', 'one')])), '--strict'],
    code: 0,
    report: (r) => expect(r.accounting).toMatchObject({ records: 1, rejected: 0 }),
  },
  {
    name: 'a folder with only unsupported files lists them, exit 1',
    args: () => {
      s.file('unsupported/notes.md', '# my notes\n');
      s.file(
        'unsupported/photo.jpg',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0, 0, 0, 0]),
      );
      return [path.join(s.dir, 'unsupported')];
    },
    code: 1,
    stderr: /notes\.md[\s\S]*photo\.jpg|photo\.jpg[\s\S]*notes\.md/,
    names: () => 'unsupported',
  },
  {
    name: 'a truncated mbox (cut inside the headers)',
    args: () => [
      s.file(
        'cut.mbox',
        'From sam@example.org Mon Jan 15 03:12:44 2024\nFrom: sam@example.org\nDate: Mon, 15 Jan 2024 03:12:44 +0000\nSubject: one\n\nbody\n\nFrom sam@example.org Tue Jan 16 03:12:44 2024\nFrom: sam@exa',
      ),
      '--subject',
      'sam@example.org',
    ],
    code: 0,
    report: (r) => expect(r.inputs[0]!.events).toBeGreaterThanOrEqual(1),
  },
];

describe('bad input', () => {
  it('has at least 30 cases', () => expect(cases.length).toBeGreaterThanOrEqual(30));

  for (const c of cases) {
    it(c.name, { timeout: 120_000 }, async () => {
      const args = await c.args();
      const run = measuredCli(['report', ...args, ...(c.raw ? [] : COMMON)]);
      expect(run.stderr).not.toMatch(STACK);
      expect(run.stdout).not.toMatch(STACK);
      expect(run.code, run.stderr).toBe(c.code);
      expect(run.maxRssBytes).toBeLessThan(RSS_LIMIT);
      expect(run.ms).toBeLessThan(TIME_LIMIT_MS);
      if (c.code === 0 || c.reportOnFailure) {
        const report = ReportSchema.parse(JSON.parse(run.stdout));
        for (const i of report.inputs) {
          expect(i.records).toBe(i.events + i.skipped + i.rejected);
          expect(i.events).toBe(i.kept + i.duplicates);
        }
        // Every rejected record is listed (up to the per-code cap) with the file and where in it.
        const listed = report.problems.filter(
          (p) => p.severity === 'error' && p.locator !== undefined,
        ).length;
        const omitted = Object.values(report.problemsOmitted).reduce((a, b) => a + b, 0);
        expect(listed + omitted).toBeGreaterThanOrEqual(report.accounting.rejected);
        c.report?.(report, run);
      }
      if (c.code !== 0 && !c.reportOnFailure) {
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/error:/);
        expect(run.stderr).toMatch(/hint:/);
        if (c.names) expect(run.stderr).toContain(c.names());
      }
      if (c.stderr) expect(run.stderr).toMatch(c.stderr);
      c.run?.(run);
    });
  }
});
