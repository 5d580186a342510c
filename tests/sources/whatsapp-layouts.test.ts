/**
 * The WhatsApp source against lines written in another date layout than the file's (a pasted ISO-dated log line
 * must not decide the day/month order nor become a message), against `--date-order` where the file's own dates
 * prove another order (a day above 12, a four-digit year, or dates that cannot be year-first: the option still
 * decides, and each header it cannot read is rejected), and against a file cut
 * short inside a message header. Goldens live beside their fixtures (fixtures/whatsapp-pasted-headers,
 * whatsapp-date-order-proven, whatsapp-date-order-ymd-contradicted, whatsapp-cut-short); UPDATE_GOLDEN=1 rewrites
 * them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProbe } from '../../src/sources/detect.js';
import type { SourceOptions } from '../../src/sources/index.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { inPieces, runInput, runSource, type SourceRun } from '../helpers/run-source.js';

const tmp = mkdtempSync(join(tmpdir(), 'whatsapp-layouts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const PASTED = 'fixtures/whatsapp-pasted-headers';
const PROVEN = 'fixtures/whatsapp-date-order-proven';
const CUT = 'fixtures/whatsapp-cut-short';
const MAJORITY = 'fixtures/whatsapp-pasted-log-majority';
const NOT_YMD = 'fixtures/whatsapp-date-order-ymd-contradicted';

/** Writes a scratch export and runs the source over it. */
async function runText(text: string, options: Partial<SourceOptions> = {}): Promise<SourceRun> {
  const file = join(tmp, 'chat.txt');
  writeFileSync(file, text);
  return runSource(whatsappTxt, file, options);
}

const locals = (run: SourceRun) => run.events.map((e) => (e.time as { local: string }).local);

/** Fixture, options and golden, with the records (header lines) counted by hand in each fixture. */
const GOLDENS: { file: string; options?: Partial<SourceOptions>; golden: string; records: number }[] = [
  { file: `${PASTED}/uk-android-24h.txt`, golden: `${PASTED}/uk-android-24h.expected.json`, records: 9 },
  { file: `${PASTED}/de-android-24h.txt`, golden: `${PASTED}/de-android-24h.expected.json`, records: 7 },
  { file: `${PASTED}/us-android-12h.txt`, golden: `${PASTED}/us-android-12h.expected.json`, records: 7 },
  { file: `${PASTED}/ios-en-gb.txt`, golden: `${PASTED}/ios-en-gb.expected.json`, records: 5 },
  { file: `${MAJORITY}/uk-android-24h.txt`, golden: `${MAJORITY}/uk-android-24h.expected.json`, records: 3 },
  { file: `${PROVEN}/de-android-24h.txt`, golden: `${PROVEN}/de-android-24h.expected.json`, records: 6 },
  {
    file: `${PROVEN}/de-android-24h.txt`,
    options: { dateOrder: 'mdy' },
    golden: `${PROVEN}/de-android-24h.date-order-mdy.expected.json`,
    records: 6,
  },
  { file: `${NOT_YMD}/us-android-12h.txt`, golden: `${NOT_YMD}/us-android-12h.expected.json`, records: 7 },
  {
    file: `${NOT_YMD}/us-android-12h.txt`,
    options: { dateOrder: 'ymd' },
    golden: `${NOT_YMD}/us-android-12h.date-order-ymd.expected.json`,
    records: 7,
  },
  { file: `${NOT_YMD}/uk-android-24h.txt`, golden: `${NOT_YMD}/uk-android-24h.expected.json`, records: 6 },
  {
    file: `${NOT_YMD}/uk-android-24h.txt`,
    options: { dateOrder: 'ymd' },
    golden: `${NOT_YMD}/uk-android-24h.date-order-ymd.expected.json`,
    records: 6,
  },
  { file: `${CUT}/android-cut-in-time.txt`, golden: `${CUT}/android-cut-in-time.expected.json`, records: 3 },
  { file: `${CUT}/ios-cut-after-stamp.txt`, golden: `${CUT}/ios-cut-after-stamp.expected.json`, records: 4 },
];

describe('goldens', () => {
  for (const { file, options, golden, records } of GOLDENS) {
    it(`${golden.split('/').slice(-2).join('/')}`, async () => {
      const run = await runSource(whatsappTxt, file, options);
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
      const name = file.split('/').pop()!;
      expect(whatsappTxt.detect(makeProbe(name, file, readFileSync(file).subarray(0, 65536)))).toBe(true);
      // Every record ends exactly once, as an event, a skip or a reject.
      expect(run.accounting.records).toBe(records);
      const locators = [...run.events, ...run.skipped, ...run.rejected].map((r) => r.locator);
      expect(new Set(locators).size).toBe(locators.length);
    });
  }
});

describe('a header in another date layout than the file', () => {
  it('neither decides the order nor becomes a message: the UK chat stays 2024, the pasted line is text', async () => {
    // The reviewer's case: one pasted ISO line made every 13/03/24 read as 2013-03-24, without a warning.
    let text = '';
    for (let n = 1; n <= 6; n++) text += `${n + 12}/03/24, 21:05 - Sam: msg ${n}\n`;
    text += '19/03/24, 07:01 - Sam: pasted:\n2023-12-25 10:00 - Sam: merry xmas\n';
    const run = await runText(text);
    expect(locals(run)).toEqual([
      '2024-03-13T21:05',
      '2024-03-14T21:05',
      '2024-03-15T21:05',
      '2024-03-16T21:05',
      '2024-03-17T21:05',
      '2024-03-18T21:05',
      '2024-03-19T07:01',
    ]);
    expect(run.events.at(-1)!.text).toBe('pasted:\n2023-12-25 10:00 - Sam: merry xmas');
    expect(run.warnings).toEqual([
      {
        code: 'WHATSAPP_OTHER_DATE_LAYOUT',
        locator: 8,
        message:
          '"2023-12-25 10:00 - Sam: merry xmas" looks like a message header, but its date is written in another layout than the file\'s message headers (such as 13/03/24 on line 1), so it was read as part of the record above (line 7).',
      },
    ]);
    expect(run.rejected).toEqual([]);
  });

  it('keeps every message of a US 12-hour chat, where the pasted line used to be the only one read', async () => {
    const run = await runSource(whatsappTxt, `${PASTED}/us-android-12h.txt`);
    expect(run.rejected).toEqual([]);
    expect(run.failure).toBeUndefined();
    expect(locals(run)).toEqual([
      '2024-03-14T21:05',
      '2024-03-14T21:31',
      '2024-03-15T07:01',
      '2024-03-15T07:02',
      '2024-03-16T23:59',
      '2024-03-17T00:04',
    ]);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['WHATSAPP_OTHER_DATE_LAYOUT', 5]]);
  });

  it('reads German and UK chats day-first with their pasted router logs inside the message before', async () => {
    const de = await runSource(whatsappTxt, `${PASTED}/de-android-24h.txt`);
    expect(locals(de)[0]).toBe('2024-03-14T21:05');
    expect(de.events.find((e) => e.locator === 4)!.text).toBe(
      'Hier ist das Log von deinem Router:\n2024-03-15 07:00 - Router: Anmeldung von 192.0.2.5\n2024-03-15 07:00 - Router: WLAN-Gerät "Handy" verbunden',
    );
    expect(de.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['WHATSAPP_OTHER_DATE_LAYOUT', 5],
      ['WHATSAPP_OTHER_DATE_LAYOUT', 6],
    ]);
    const uk = await runSource(whatsappTxt, `${PASTED}/uk-android-24h.txt`);
    expect(locals(uk).every((l) => l.startsWith('2024-03-'))).toBe(true);
    expect(uk.events.map((e) => e.sender?.name)).not.toContain('admin');
  });

  it('tells iOS layouts apart within one framing: a bracketed ISO date in a d/m/yyyy chat is text', async () => {
    const run = await runSource(whatsappTxt, `${PASTED}/ios-en-gb.txt`);
    expect(run.events.find((e) => e.locator === 2)!.text).toBe(
      'Remember this?\n[2023-12-25, 10:00:00] Sam Carter: merry xmas, see you at yours',
    );
    expect(locals(run).every((l) => l.startsWith('2024-03-'))).toBe(true);
  });

  it('takes a year first in the same separator for another layout, and 2- and 4-digit years in place for one', async () => {
    const yearFirst = await runText(
      '14/03/24, 10:00 - Sam: a\n15/03/24, 10:00 - Sam: log:\n2024/03/15 07:00 - Router: login\n16/03/24, 10:00 - Sam: b\n',
    );
    expect(locals(yearFirst)).toEqual(['2024-03-14T10:00', '2024-03-15T10:00', '2024-03-16T10:00']);
    expect(yearFirst.warnings.map((w) => w.code)).toEqual(['WHATSAPP_OTHER_DATE_LAYOUT']);
    // Two exports of one phone joined, before and after it wrote four-digit years: the same dates either way.
    const joined = await runText(
      '14/03/24, 10:00 - Sam: a\n15/03/24, 10:00 - Sam: b\n16/03/2025, 10:00 - Sam: c\n',
    );
    expect(locals(joined)).toEqual(['2024-03-14T10:00', '2024-03-15T10:00', '2025-03-16T10:00']);
    expect(joined.warnings).toEqual([]);
  });

  it('takes the layout the file starts with when two are as common', async () => {
    const run = await runText('14/03/24, 10:00 - Sam: look\n2023-12-25 10:00 - Sam: merry xmas\n');
    expect(locals(run)).toEqual(['2024-03-14T10:00']);
    expect(run.events[0]!.text).toBe('look\n2023-12-25 10:00 - Sam: merry xmas');
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['WHATSAPP_OTHER_DATE_LAYOUT', 2]]);
  });

  it('keeps the layout of the first header against a longer pasted log, unless outnumbered more than twice', async () => {
    // The reviewer's case: 3 real headers and 4 pasted router lines; the majority made the log the messages.
    const run = await runSource(whatsappTxt, `${MAJORITY}/uk-android-24h.txt`);
    expect(locals(run)).toEqual(['2024-03-15T07:01', '2024-03-15T07:02', '2024-03-16T23:59']);
    expect(run.events[0]!.text!.split('\n')).toHaveLength(5);
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual(
      [2, 3, 4, 5].map((n) => ['WHATSAPP_OTHER_DATE_LAYOUT', n]),
    );
    // Exactly twice as many: still the first header's layout.
    const twice = await runText(
      '14/03/24, 10:00 - Sam: log:\n2023-12-25 10:00 - R: a\n2023-12-25 10:01 - R: b\n',
    );
    expect(locals(twice)).toEqual(['2024-03-14T10:00']);
  });

  it('rejects such a line before the first message header, saying it is dated in another layout', async () => {
    // Outnumbered more than twice, the first header's layout gives way: it is the pasted one.
    const run = await runText(
      '2023-12-25 10:00 - Sam: merry xmas\n14/03/24, 10:00 - Sam: a\n15/03/24, 10:00 - Sam: b\n16/03/24, 10:00 - Sam: c\n',
    );
    expect(locals(run)).toEqual(['2024-03-14T10:00', '2024-03-15T10:00', '2024-03-16T10:00']);
    expect(run.rejected).toEqual([
      {
        code: 'WHATSAPP_UNDATED_LINE',
        locator: 1,
        message:
          'Text before the first message header: "2023-12-25 10:00 - Sam: merry xmas", dated in another layout than the file\'s message headers (such as 14/03/24 on line 2).',
        hint: 'Check the start of the export; lines above the first dated message cannot be placed in time.',
      },
    ]);
  });

  it('reads a chat over a megabyte with pasted lines in one pass, as two passes read it', async () => {
    let text = '';
    for (let d = 13; d <= 28; d++) {
      for (let k = 0; k < 800; k++) {
        text += `${d}/03/24, ${String(Math.floor(k / 60) % 24).padStart(2, '0')}:${String(k % 60).padStart(2, '0')} - Sam: message ${k} of the day, with enough words to make the chat long\n`;
        if (k % 200 === 7) text += `2023-12-${d} 10:00 - router: login ${k}\n`;
      }
    }
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const restarts = { count: 0 };
    const guessed = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'), {}, restarts);
    const twoPasses = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'));
    expect(restarts.count).toBe(0);
    expect(guessed).toEqual(twoPasses);
    expect(guessed.events).toHaveLength(16 * 800);
    expect(guessed.warnings).toHaveLength(16 * 4);
    expect(guessed.warnings.every((w) => w.code === 'WHATSAPP_OTHER_DATE_LAYOUT')).toBe(true);
  });
});

/** The rejections of a run, as [code, line, hint]. */
const rejections = (run: SourceRun) => run.rejected.map((r) => [r.code, r.locator, r.hint]);

describe('--date-order always decides, even where the file proves another order', () => {
  it('reads a day-first chat month-first as asked, rejecting each header that has no date that way', async () => {
    const file = `${PROVEN}/de-android-24h.txt`;
    const asked = await runSource(whatsappTxt, file, { dateOrder: 'mdy' });
    // Every header has a day above 12: none is a date month-first, and none is read another way.
    expect(asked.events).toEqual([]);
    expect(asked.warnings).toEqual([]);
    expect(asked.rejected.map((r) => r.locator)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(asked.rejected[0]).toEqual({
      code: 'WHATSAPP_BAD_TIMESTAMP',
      locator: 1,
      message:
        'Impossible date or time "14.03.24, 21:05" in a message header: there is no month 14 when read as month/day/year (mdy).',
      hint: 'Line 1 was read as --date-order mdy asks; read as day/month/year (dmy) it would be 14 March 2024. If the chat writes its dates that way, re-run with --date-order dmy; if not, check line 1 of the export.',
    });
  });

  it('leaves a year written with four digits first where it is: the option orders the day and month only', async () => {
    // Was (before 0.8.2's four-digit rule): each header rejected, an ISO-dated chat voided by an option given for a
    // folder of diaries.
    const run = await runText('[2024/03/05, 10:00:00] Sam: a\n[2024/03/06, 10:00:00] Sam: b\n', {
      dateOrder: 'dmy',
    });
    expect(locals(run)).toEqual(['2024-03-05T10:00:00', '2024-03-06T10:00:00']);
    expect(run.warnings).toEqual([]);
    expect(run.rejected).toEqual([]);
  });

  it('is applied where the file cannot tell, or where its dates contradict each other', async () => {
    const ambiguous = await runText('01/02/24, 10:00 - Sam: a\n03/04/24, 10:01 - Sam: b\n', {
      dateOrder: 'mdy',
    });
    expect(locals(ambiguous)).toEqual(['2024-01-02T10:00', '2024-03-04T10:01']);
    expect(ambiguous.warnings).toEqual([]);
    // Two day-first dates against one month-first: the option decides.
    const mixed = await runText(
      '13/01/24, 10:00 - Sam: a\n14/01/24, 10:00 - Sam: b\n01/15/24, 10:00 - Sam: c\n',
      { dateOrder: 'mdy' },
    );
    expect(mixed.warnings).toEqual([]);
    expect(locals(mixed)).toEqual(['2024-01-15T10:00']);
    expect(mixed.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['WHATSAPP_BAD_TIMESTAMP', 1],
      ['WHATSAPP_BAD_TIMESTAMP', 2],
    ]);
  });
});

describe('--date-order ymd where the dates cannot be year-first', () => {
  it('rejects each header of a US chat with two-digit years (3/14/24 has no month 14 year-first)', async () => {
    const file = `${NOT_YMD}/us-android-12h.txt`;
    const asked = await runSource(whatsappTxt, file, { dateOrder: 'ymd' });
    expect(asked.events).toEqual([]);
    expect(asked.warnings).toEqual([]);
    expect(asked.rejected.map((r) => r.locator)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(asked.rejected[1]!.hint).toBe(
      'Line 2 was read as --date-order ymd asks; read as month/day/year (mdy) it would be 14 March 2024. If the chat writes its dates that way, re-run with --date-order mdy; if not, check line 2 of the export.',
    );
  });

  it('rejects a header of a UK chat that would fall before WhatsApp (02/03/24 as 2002), reading the others', async () => {
    // Read year-first, 28/02/24 is 24 February 2028 and 14/03/24 24 March 2014: as asked, if not as meant.
    const file = `${NOT_YMD}/uk-android-24h.txt`;
    const asked = await runSource(whatsappTxt, file, { dateOrder: 'ymd' });
    expect(asked.warnings).toEqual([]);
    expect(locals(asked)[0]).toBe('2028-02-24T21:05');
    expect(asked.rejected.map((r) => r.locator)).toEqual([4, 5]);
    expect(asked.rejected[0]!.hint).toContain(
      'read as day/month/year (dmy) it would be 2 March 2024, or read as month/day/year (mdy) it would be 3 February 2024',
    );
  });

  it('names both orders in the hint when a date may be day- or month-first', async () => {
    const text = '5/6/24, 10:00 - Sam: a\n5/6/24, 10:01 - Sam: b\n';
    const run = await runText(text, { dateOrder: 'ymd' });
    expect(run.events).toEqual([]);
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(run.rejected.map((r) => r.locator)).toEqual([1, 2]);
    expect(run.rejected[0]!.hint).toContain('re-run with --date-order dmy or --date-order mdy');
    // With the order named, the same file is read.
    expect(locals(await runText(text, { dateOrder: 'dmy' }))).toEqual([
      '2024-06-05T10:00',
      '2024-06-05T10:01',
    ]);
  });

  it('is applied to two-digit dates that can all be read year-first, and where no reading fits every date', async () => {
    // 24/03/14 is 14 March 2024 year-first and 24 March 2014 day-first: the option decides.
    const yearFirst = await runText('24/03/14, 10:00 - Sam: a\n24/03/15, 10:00 - Sam: b\n', {
      dateOrder: 'ymd',
    });
    expect(yearFirst.warnings).toEqual([]);
    expect(locals(yearFirst)).toEqual(['2024-03-14T10:00', '2024-03-15T10:00']);
    // 13/13/24 fits no order: its hint says so; 03/14/24 is rejected naming the order that reads it.
    const broken = await runText('03/14/24, 10:00 - Sam: a\n13/13/24, 10:00 - Sam: b\n', {
      dateOrder: 'ymd',
    });
    expect(broken.warnings).toEqual([]);
    expect(broken.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['WHATSAPP_BAD_TIMESTAMP', 1],
      ['WHATSAPP_BAD_TIMESTAMP', 2],
    ]);
    expect(broken.rejected[1]!.hint).toBe(
      'Line 2 was read as --date-order ymd asks, and is no date in any order: check it in the export.',
    );
  });

  it('dmy and mdy read an ISO-dated chat as written, its four-digit years first', async () => {
    const text = '2024-03-14, 21:04 - Sam: hi\n2024-03-15, 09:10 - Sam: again\n';
    for (const order of ['dmy', 'mdy'] as const) {
      const run = await runText(text, { dateOrder: order });
      expect(locals(run)).toEqual(['2024-03-14T21:04', '2024-03-15T09:10']);
      expect(run.warnings).toEqual([]);
      expect(run.rejected).toEqual([]);
    }
  });

  it('reads a chat over a megabyte in one pass as two passes read it', async () => {
    let text = '';
    for (let d = 14; d <= 28; d++) {
      for (let k = 0; k < 800; k++) {
        text += `3/${d}/24, ${(k % 12) + 1}:${String(k % 60).padStart(2, '0')}\u202fPM - Sam: message ${k} of the day, with enough words to make the chat long\n`;
      }
    }
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const restarts = { count: 0 };
    const options = { dateOrder: 'ymd' } as const;
    const guessed = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'), options, restarts);
    const twoPasses = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'), options);
    expect(restarts.count).toBe(0);
    expect(guessed).toEqual(twoPasses);
    expect(guessed.events).toHaveLength(0);
    expect(guessed.rejected).toHaveLength(15 * 800);
    expect(guessed.warnings).toEqual([]);
  });
});

describe('a file cut short inside a message header', () => {
  it('keeps the messages before it whole, and fails as read in part, naming the line', async () => {
    const run = await runSource(whatsappTxt, `${CUT}/android-cut-in-time.txt`);
    expect(run.events.map((e) => e.text)).toEqual(['Where are you?', "I'm outside\nI can see your light on"]);
    expect(run.warnings).toEqual([]);
    expect(run.failure).toEqual({
      code: 'WHATSAPP_TRUNCATED',
      locator: 4,
      message:
        'The file ends in the middle of line 4 ("14/03/2024, 21:"), the start of a message header: the export was cut short (an interrupted copy or download), so the message that line begins is not used. The messages before it were kept.',
    });
    // The message that line begins was met: it is counted, rejected at its line, beside the failure.
    expect(run.rejected).toEqual([
      {
        code: 'WHATSAPP_RECORD_CUT_SHORT',
        locator: 4,
        message:
          'the file ends inside this record (line 4, after "14/03/2024, 21:"); the part of it read is not used, as the rest is missing',
        hint: 'Only the start of this record is in the file. A whole copy of the export may hold it.',
      },
    ]);
    expect(run.accounting).toEqual({ records: 3, events: 2, skipped: 0, rejected: 1 });
    // Not `readToEnd`: the file is listed as read in part, its counts covering what was read.
    expect(run.failure).not.toHaveProperty('readToEnd');
  });

  it('knows a header cut after its stamp, in iOS and Android framing', async () => {
    const ios = await runSource(whatsappTxt, `${CUT}/ios-cut-after-stamp.txt`);
    expect(ios.skipped).toEqual([]);
    expect(ios.failure).toMatchObject({ code: 'WHATSAPP_TRUNCATED', locator: 4 });
    const android = await runText('14/03/2024, 21:05 - Sam: a\n14/03/2024, 21:06 -');
    expect(android.skipped).toEqual([]);
    expect(android.events.map((e) => e.text)).toEqual(['a']);
    expect(android.failure).toMatchObject({ code: 'WHATSAPP_TRUNCATED', locator: 2 });
    for (const tail of [
      '14/03/2024,',
      '14/03/2024, 9',
      '14/03/2024, 9:0',
      '14/03/2024, 9:05 P',
      '14/03/2024, 9:05 PM ',
    ]) {
      const r = await runText(`14/03/2024, 21:05 - Sam: a\n${tail}`);
      expect(r.failure?.code, tail).toBe('WHATSAPP_TRUNCATED');
      expect(r.events.map((e) => e.text)).toEqual(['a']);
    }
  });

  it('leaves a last line that may end a message as part of it', async () => {
    const tails: [string, string][] = [
      ['14/03/2024', ''],
      ['14.50', ''],
      ['14/03/2024 was the day', ''],
      // Another layout's date: pasted text, whatever follows it.
      ['2023-12-25 10:', ''],
      // Followed by a line break: the file did not end inside it.
      ['14/03/2024, 21:', '\n'],
      // A whole date and time, with or without the header's comma: a message may end with one.
      ['15/03/2024, 21:05', ''],
      ['15/03/2024 21:05', ''],
      ['15/03/2024, 9:05 PM', ''],
      ['15/03/2024, 21:05:02', ''],
    ];
    for (const [tail, end] of tails) {
      const r = await runText(`14/03/2024, 21:05 - Sam: see you on\n${tail}${end}`);
      expect(r.failure, tail).toBeUndefined();
      expect(r.events.map((e) => e.text)).toEqual([`see you on\n${tail}`]);
    }
  });

  it('warns, naming the line, where the last line may be cut inside the sender name', async () => {
    for (const text of [
      '14/03/2024, 21:05 - Sam: a\n15/03/2024, 07:00 - Sam',
      '[14/03/2024, 21:05:01] Sam: a\n[15/03/2024, 07:00:03] Sa',
    ]) {
      const run = await runText(text);
      expect(run.events.map((e) => e.text)).toEqual(['a']);
      expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([['WHATSAPP_LAST_LINE_NO_SENDER', 2]]);
    }
    // With a line break after it, a header without a sender is a notice as usual.
    const ended = await runText('14/03/2024, 21:05 - Sam: a\n15/03/2024, 07:00 - Sam\n');
    expect(ended.warnings).toEqual([]);
  });

  it('says both when the cut file also cannot tell its order', async () => {
    const run = await runText('03/04/24, 21:40 - Sam: a\n03/04/24, 21:41 - Sam: b\n03/04/24, 21:');
    // The two messages without a date, then the one the file ends in.
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['WHATSAPP_DATE_ORDER_UNKNOWN', 1],
      ['WHATSAPP_DATE_ORDER_UNKNOWN', 2],
      ['WHATSAPP_RECORD_CUT_SHORT', 3],
    ]);
    expect(run.failure?.code).toBe('WHATSAPP_TRUNCATED');
    expect(run.failure?.message).toContain(
      'The messages before it were kept. Cannot tell whether dates are day-first',
    );
    expect(run.failure).not.toHaveProperty('readToEnd');
  });

  it('fails the same in one pass as in two for a chat over a megabyte', async () => {
    let text = '';
    for (let d = 13; d <= 28; d++) {
      for (let k = 0; k < 800; k++) {
        text += `${d}/03/24, 10:${String(k % 60).padStart(2, '0')} - Sam: message ${k} of the day, with enough words to make the chat long\n`;
      }
    }
    const bytes = Buffer.from(`${text}29/03/24, 10:`, 'utf8');
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const restarts = { count: 0 };
    const guessed = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'), {}, restarts);
    const twoPasses = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'));
    expect(restarts.count).toBe(0);
    expect(guessed).toEqual(twoPasses);
    expect(guessed.failure).toMatchObject({ code: 'WHATSAPP_TRUNCATED', locator: 16 * 800 + 1 });
    expect(guessed.events).toHaveLength(16 * 800);
  });
});
