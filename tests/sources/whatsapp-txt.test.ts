import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { fileInput } from '../../src/cli/inputs.js';
import { makeProbe } from '../../src/sources/detect.js';
import { SourceFailure, type SourceInput, type SourceOptions } from '../../src/sources/index.js';
import { forEachLine } from '../../src/sources/text.js';
import { DateStats, LAYOUTS, layoutName } from '../../src/sources/whatsapp-txt/date-order.js';
import { firstPass, HeaderDates } from '../../src/sources/whatsapp-txt/first-pass.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { classify, firstCharTable, Special } from '../../src/sources/whatsapp-txt/notices.js';
import { Framing, HeaderScanner, Scan } from '../../src/sources/whatsapp-txt/scan.js';
import { conversationFromFileName, Senders } from '../../src/sources/whatsapp-txt/senders.js';
import { scanHeader, scanLine, utf8Line } from '../helpers/header-scan.js';
import { inPieces, runInput, runSource, type SourceRun } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';

const FIXTURES = 'fixtures/whatsapp-txt';
const tmp = mkdtempSync(join(tmpdir(), 'whatsapp-txt-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const LRM = '\u200e';
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** Writes a scratch export (a variation too small to deserve a fixture) and runs the source over it. */
async function runText(
  text: string | Buffer,
  options: Partial<SourceOptions> = {},
  name = 'chat.txt',
): Promise<SourceRun> {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return runSource(whatsappTxt, file, options);
}

function detects(text: string, name = 'chat.txt'): boolean {
  const head = Buffer.from(text, 'utf8').subarray(0, 64 * 1024);
  return whatsappTxt.detect(makeProbe(name, name, head));
}

/** What the header dates of a pass say, group by group (framing and date shape), for comparing two passes. */
function summary(dates: HeaderDates) {
  return dates.groups.map((d) => d && [d.headers, d.dates, d.firstLine, d.firstText, d.infer()]);
}

/** Records (header lines plus a block of undated text) counted by hand in each fixture. */
const RECORDS: Record<string, number> = {
  'android-24h-dmy.txt': 13,
  'android-12h-mdy-nnbsp.txt': 7,
  'android-es-12h-nbsp.txt': 6,
  'android-fi-klo.txt': 3,
  'android-fr-a.txt': 9,
  'android-pt-br.txt': 8,
  'ios-en-gb-seconds-crlf.txt': 15,
  'ios-de-24h.txt': 9,
  'ios-year-first.txt': 4,
  'stray-boms-mixed-eol.txt': 6,
  'impossible-date.txt': 4,
  'broken-header-line.txt': 4,
  'uk-dst-crossing.txt': 7,
  'ambiguous-order.txt': 3,
  'ambiguous-order-group.txt': 8,
  'day-equals-month.txt': 3,
  'android-ar-12h.txt': 7,
};

describe('whatsapp-txt fixtures match their goldens', () => {
  for (const name of Object.keys(RECORDS)) {
    it(name, async () => {
      const file = join(FIXTURES, name);
      const run = await runSource(whatsappTxt, file);
      const golden = file.replace(/\.txt$/, '.expected.json');
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
      expect(whatsappTxt.detect(makeProbe(name, file, readFileSync(file).subarray(0, 65536)))).toBe(true);
    });
  }
});

describe('accounting', () => {
  for (const [name, records] of Object.entries(RECORDS)) {
    it(`${name}: every record ends exactly once as an event, a skip or a reject`, async () => {
      const run = await runSource(whatsappTxt, join(FIXTURES, name));
      const locators = [
        ...run.events.map((e) => e.locator),
        ...run.skipped.map((s) => s.locator),
        ...run.rejected.map((r) => r.locator),
      ];
      expect(run.accounting.records).toBe(records);
      expect(run.accounting.events + run.accounting.skipped + run.accounting.rejected).toBe(records);
      expect(new Set(locators).size).toBe(locators.length);
      const lines = readFileSync(join(FIXTURES, name), 'utf8').split(/\r\n|\r|\n/).length;
      for (const l of locators) {
        expect(l).toBeGreaterThanOrEqual(1);
        expect(l).toBeLessThanOrEqual(lines);
      }
    });
  }
});

describe('day/month order', () => {
  it('rejects every message with its line when nothing decides the order, and fails the file as read to the end', async () => {
    const run = await runSource(whatsappTxt, join(FIXTURES, 'ambiguous-order.txt'));
    expect(run.events).toEqual([]);
    // Each message is accounted for where it is, not lost with the file (it was 0 records, 3 messages unread).
    expect(run.rejected).toEqual(
      [1, 2, 3].map((locator) => expect.objectContaining({ code: 'WHATSAPP_DATE_ORDER_UNKNOWN', locator })),
    );
    expect(run.rejected[0]).toEqual({
      code: 'WHATSAPP_DATE_ORDER_UNKNOWN',
      locator: 1,
      message:
        'The message dated "03/04/24, 21:40" cannot be placed in time: the day/month order of this file cannot be told from its dates.',
      hint: 'Re-run with --date-order dmy (day/month/year) or --date-order mdy (month/day/year): the order the phone that exported the chat writes dates in.',
    });
    expect(run.accounting).toEqual({ records: 3, events: 0, skipped: 0, rejected: 3 });
    expect(run.failure?.code).toBe('WHATSAPP_DATE_ORDER_AMBIGUOUS');
    expect(run.failure?.readToEnd).toBe(true);
    expect(run.failure?.message).toContain(
      'Line 1 (03/04/24) is 3 April 2024 day-first but 4 March 2024 month-first',
    );
    expect(run.failure?.message).toContain(
      'The 3 messages and calls that need a date (the first on line 1) were rejected with their lines',
    );
    expect(run.failure).not.toHaveProperty('locator');
  });

  it('reads the notices of an undecidable group chat and rejects its messages, continuation lines going with them', async () => {
    const run = await runSource(whatsappTxt, join(FIXTURES, 'ambiguous-order-group.txt'));
    expect(run.events).toEqual([]);
    expect(run.skipped.map((s) => s.locator)).toEqual([1, 2, 3]);
    // Line 6 continues the message of line 5: one record, rejected once.
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual(
      [4, 5, 7, 8, 9].map((l) => ['WHATSAPP_DATE_ORDER_UNKNOWN', l]),
    );
    expect(run.failure).toMatchObject({ code: 'WHATSAPP_DATE_ORDER_AMBIGUOUS', readToEnd: true });
    expect(run.failure?.message).toContain('all 8 message headers are dated 12/9/20');
    // Those messages reach no count of senders: the failure names who sent them.
    expect(run.failure?.message).toContain('Their senders: Sam Carter (4), You (1).');
  });

  it('reads a file whose only records are notices although nothing decides the order: they need no date', async () => {
    const run = await runText(
      '12/07/2023, 22:35 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.\n' +
        '12/07/2023, 22:36 - You blocked this contact. Tap to unblock.\n',
    );
    expect(run.failure).toBeUndefined();
    expect(run.events).toEqual([]);
    expect(run.skipped).toEqual([
      { reason: 'system-notice', locator: 1 },
      { reason: 'block-notice', locator: 2 },
    ]);
    // The block's date is given as written: which day it was is exactly what the file cannot say.
    expect(run.warnings).toEqual([
      {
        code: 'WHATSAPP_BLOCK_NOTICE',
        locator: 2,
        message:
          '"You blocked this contact. Tap to unblock." at 12/07/2023, 22:36 (Europe/London; day/month order unknown): a block or unblock, kept out of the contact counts.',
      },
    ]);
  });

  it('rejects each message when nothing decides the order, after the notices before it', async () => {
    const run = await runText(
      '12/07/2023, 22:35 - Messages and calls are end-to-end encrypted. Tap to learn more.\n' +
        '12/07/2023, 22:36 - Sam: hello\n12/07/2023, 22:37 - Sam: answer me\n',
    );
    expect(run.events).toEqual([]);
    expect(run.skipped).toEqual([{ reason: 'system-notice', locator: 1 }]);
    expect(run.rejected.map((r) => r.locator)).toEqual([2, 3]);
    expect(run.failure).toMatchObject({
      code: 'WHATSAPP_DATE_ORDER_AMBIGUOUS',
      message: expect.stringContaining(
        'Line 1 (12/07/2023) is 12 July 2023 day-first but 7 December 2023 month-first',
      ),
    });
  });

  it('needs no decision when every date has day equal to month: both orders give the same dates', async () => {
    const run = await runSource(whatsappTxt, join(FIXTURES, 'day-equals-month.txt'));
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(run.events.map((e) => (e.time as { local: string }).local)).toEqual([
      '2024-03-03T10:00',
      '2024-03-03T10:05',
      '2024-04-04T09:00',
    ]);
  });

  it('follows --date-order when given, for an undecidable file and for a decided one', async () => {
    const dmy = await runSource(whatsappTxt, join(FIXTURES, 'ambiguous-order.txt'), { dateOrder: 'dmy' });
    expect(dmy.failure).toBeUndefined();
    expect(dmy.events.map((e) => e.time)).toEqual([
      { type: 'local', local: '2024-04-03T21:40', precision: 'min' },
      { type: 'local', local: '2024-04-03T21:41', precision: 'min' },
      { type: 'local', local: '2024-04-03T21:55', precision: 'min' },
    ]);
    const mdy = await runSource(whatsappTxt, join(FIXTURES, 'ambiguous-order.txt'), { dateOrder: 'mdy' });
    expect(mdy.events[0]!.time).toEqual({ type: 'local', local: '2024-03-04T21:40', precision: 'min' });
    const text = '01/02/24, 10:00 - Sam: a\n01/02/24, 10:01 - Sam: b\n';
    const asDmy = await runText(text, { dateOrder: 'dmy' });
    const asMdy = await runText(text, { dateOrder: 'mdy' });
    expect(asDmy.events[0]!.time).toEqual({ type: 'local', local: '2024-02-01T10:00', precision: 'min' });
    expect(asMdy.events[0]!.time).toEqual({ type: 'local', local: '2024-01-02T10:00', precision: 'min' });
    expect(asDmy.warnings).toEqual([]);
  });

  it('applies the option even to a file whose dates prove another order, rejecting what it cannot read', async () => {
    const file = join(FIXTURES, 'android-12h-mdy-nnbsp.txt');
    const run = await runSource(whatsappTxt, file, { dateOrder: 'dmy' });
    // Read day-first, every date of this US file has a month of 13, 14 or 15: each header is rejected with its
    // line and the month-first reading, none read month-first behind the person's back.
    expect(run.events).toEqual([]);
    expect(run.warnings.map((w) => w.code)).not.toContain('WHATSAPP_DATE_ORDER_NOT_APPLIED');
    expect(run.rejected.length).toBeGreaterThan(0);
    expect(run.rejected.every((r) => r.code === 'WHATSAPP_BAD_TIMESTAMP')).toBe(true);
    expect(run.rejected[0]!.hint).toBe(
      'Line 1 was read as --date-order dmy asks; read as month/day/year (mdy) it would be 13 February 2024. If the chat writes its dates that way, re-run with --date-order mdy; if not, check line 1 of the export.',
    );
  });

  it('guesses from the order of the messages and says so', async () => {
    // 1/4, 2/2, 2/4 run forwards only month-first (4 Jan, 2 Feb, 4 Feb).
    const run = await runText('1/4/23, 10:00 - Sam: a\n2/2/23, 10:00 - Sam: b\n2/4/23, 10:00 - Sam: c\n');
    expect(run.events.map((e) => (e.time as { local: string }).local.slice(0, 10))).toEqual([
      '2023-01-04',
      '2023-02-02',
      '2023-02-04',
    ]);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]!.code).toBe('WHATSAPP_DATE_ORDER_INFERRED');
    expect(run.warnings[0]!.message).toContain('month/day/year (mdy)');
    expect(run.warnings[0]!.message).toContain('Line 1 (1/4/23) is read as 4 January 2023.');
    // What to do is said once, as the hint: reports print the message and then the hint.
    expect(run.warnings[0]!.message).not.toContain('--date-order');
    const full = await runInput(
      whatsappTxt,
      fileInput(join(tmp, 'chat.txt'), statSync(join(tmp, 'chat.txt')).size),
    );
    expect(full.warnings[0]!.hint).toBe('If that is wrong, re-run with --date-order dmy (day/month/year).');
  });

  it('reads the odd year-in-the-middle layout, the day found by a number above 12', async () => {
    const run = await runText('[06/2018/13, 21:25:15] Sam: a\n[06/2018/14, 09:00:00] Sam: b\n');
    expect(run.events.map((e) => (e.time as { local: string }).local)).toEqual([
      '2018-06-13T21:25:15',
      '2018-06-14T09:00:00',
    ]);
    expect(run.warnings).toEqual([]);
  });

  it('needs no guess for year-first dates or a number above 12', () => {
    const stats = (dates: [number, number, number, number][]) => {
      const s = new DateStats();
      const sc = new HeaderScanner();
      dates.forEach(([a, b, c, yw], i) => {
        const line = yw === 4 ? `[${a}/${b}/${c}, 10:00:00] x` : `${a}/${b}/${c}, 10:00 - x`;
        expect(scanLine(sc, line)).toBe(Scan.Header);
        s.add(sc, utf8Line(line), i + 1);
      });
      return s.infer();
    };
    const ymd = stats([[2024, 3, 5, 4]]);
    expect(ymd.ok && layoutName(ymd.layout)).toBe('ymd');
    expect(ymd.ok && ymd.warn).toBeUndefined();
    const dmy = stats([
      [3, 5, 24, 2],
      [13, 5, 24, 2],
    ]);
    expect(dmy.ok && layoutName(dmy.layout)).toBe('dmy');
    expect(dmy.ok && dmy.warn).toBeUndefined();
    // Days change more often than months: 5 Jan, 6 Jan, 7 Jan rather than 1 May, 1 June, 1 July.
    const changes = stats([
      [1, 5, 24, 2],
      [1, 6, 24, 2],
      [1, 7, 24, 2],
    ]);
    expect(changes.ok && layoutName(changes.layout)).toBe('mdy');
    expect(changes.ok && changes.warn?.code).toBe('WHATSAPP_DATE_ORDER_INFERRED');
  });

  it('takes the majority when dates contradict each other, and gives up on a tie', () => {
    const s = new DateStats();
    const sc = new HeaderScanner();
    const lines = ['13/01/24, 10:00 - a', '14/01/24, 10:00 - a', '01/15/24, 10:00 - a'];
    lines.forEach((l, i) => {
      scanLine(sc, l);
      s.add(sc, utf8Line(l), i + 1);
    });
    const majority = s.infer();
    expect(majority.ok && layoutName(majority.layout)).toBe('dmy');
    expect(majority.ok && majority.warn?.code).toBe('WHATSAPP_DATE_ORDER_CONFLICT');
    const tie = new DateStats();
    [lines[0]!, lines[2]!].forEach((l, i) => {
      scanLine(sc, l);
      tie.add(sc, utf8Line(l), i + 1);
    });
    expect(tie.infer().ok).toBe(false);
  });

  it('maps the three option values to layouts', () => {
    expect(layoutName(LAYOUTS.dmy)).toBe('dmy');
    expect(layoutName(LAYOUTS.mdy)).toBe('mdy');
    expect(layoutName(LAYOUTS.ymd)).toBe('ymd');
  });
});

describe('times handed to the timeline', () => {
  it('reads every local time as the timeline would parse it, and leaves a year before 1000 (four digits, ISO) to the timeline to reject', async () => {
    const dir = mkdtempSync(join(tmp, 'years-'));
    writeFileSync(
      join(dir, 'chat.txt'),
      '13/07/2024, 10:00 - Sam: hi\n14/07/0999, 10:01 - Sam: old\n15/07/2024, 23:59 - Sam: bye\n',
    );
    const { t, events } = await timelineOf([dir], (c) => ({
      ...c,
      timezone: 'Europe/London',
      subject: { name: undefined, identifiers: ['Sam'] },
    }));
    expect(events.map((e) => new Date(e.ms).toISOString())).toEqual([
      '2024-07-13T09:00:00.000Z',
      '2024-07-15T22:59:00.000Z',
    ]);
    expect(t.problems.list.map((p) => [p.code, p.locator, p.message])).toEqual([
      [
        'TIMELINE_IMPLAUSIBLE_TIME',
        'line 2',
        "the record's date and time 0999-07-14 10:01 (local time as read) is outside the dates accepted for records a phone, app or mail server stamped (1990-01-01 to 2099-12-31)",
      ],
    ]);
  });
});

describe('a year before 1000 from the source', () => {
  it('is handed over as an ISO local time with four digits, not "24-06-13"', async () => {
    // A damaged byte turned 2024 into 0024 (the property test's counterexample, a Finnish "klo" layout).
    const r = await runText(
      '13.6.2024 klo 21.25 - Sam Carter: Missä olet?\n13.6.0024 klo 21.26 - Sam Carter: Vastaa\n14.6.2024 klo 7.05 - Alex Kim: Lopeta.\n',
    );
    const times = r.events.map((e) => (e.time.type === 'local' ? e.time.local : ''));
    expect(times).toEqual(['2024-06-13T21:25', '0024-06-13T21:26', '2024-06-14T07:05']);
  });
});

describe('header grammar', () => {
  const sc = new HeaderScanner();
  const scan = (line: string) => scanHeader(sc, line);

  it.each([
    ['12/07/2017, 22:35 - Sam: hi', [12, 7, 2017], [22, 35, -1], 0, Framing.Dash],
    ['[20.06.19, 15:58:53] Sam: hi', [20, 6, 19], [15, 58, 53], 0, Framing.Bracket],
    [`3/6/18, 1:55${NNBSP}PM - Sam: hi`, [3, 6, 18], [1, 55, -1], 2, Framing.Dash],
    ['3/6/18, 1:55 p.m. - Sam: hi', [3, 6, 18], [1, 55, -1], 2, Framing.Dash],
    [`20/6/2017 8:28 p.${NBSP}m. - Sam: hi`, [20, 6, 2017], [8, 28, -1], 2, Framing.Dash],
    [`09/10/2023, 11:11${NNBSP}am - Sam: hi`, [9, 10, 2023], [11, 11, -1], 1, Framing.Dash],
    [`${LRM}[3/6/18 1:55:00 p.${NBSP}m.] Sam: hi`, [3, 6, 18], [1, 55, 0], 2, Framing.Bracket],
    ['03-06-2018, 01.55 PM - Sam: hi', [3, 6, 2018], [1, 55, -1], 2, Framing.Dash],
    ['13.06.18 21.25.15: Sam: hi', [13, 6, 18], [21, 25, 15], 0, Framing.Colon],
    ['13.6.2018 klo 21.25.15 - Sam: hi', [13, 6, 2018], [21, 25, 15], 0, Framing.Dash],
    ['26/09/2019 à 22:39 - Sam: hi', [26, 9, 2019], [22, 39, -1], 0, Framing.Dash],
    ['13. 6. 2018. 21:25:15 Sam: hi', [13, 6, 2018], [21, 25, 15], 0, Framing.Bare],
    ['[2018/06/13, 21:25:15] Sam: hi', [2018, 6, 13], [21, 25, 15], 0, Framing.Bracket],
    ['[06/2018/13, 21:25:15] Sam: hi', [6, 2018, 13], [21, 25, 15], 0, Framing.Bracket],
    ['[23.09.2016 17:00:28] Sam: hi', [23, 9, 2016], [17, 0, 28], 0, Framing.Bracket],
    ['[1/30/18, 00:13:03 AM] Sam: hi', [1, 30, 18], [0, 13, 3], 1, Framing.Bracket],
    ['[\ufeff29.01.18,\ufeff 12:24:03] Sam: hi', [29, 1, 18], [12, 24, 3], 0, Framing.Bracket],
    ['\ufeff\ufeff29.01.18, 12:24 - Sam: hi', [29, 1, 18], [12, 24, -1], 0, Framing.Dash],
  ])('reads %j', (line, date, time, ampm, framing) => {
    expect(scan(line)).toEqual({ date, time, ampm, framing, rest: 'Sam: hi' });
  });

  it('does not take a name starting with "Am" for a marker', () => {
    expect(scan('13. 6. 2018. 21:25 Amy: hi')).toMatchObject({ ampm: 0, rest: 'Amy: hi' });
  });

  it.each([
    ['hello', Scan.NotDate],
    ['2 apples', Scan.NotDate],
    ['12:30 meeting', Scan.NotDate],
    ['12/07 is the date', Scan.NotDate],
    ['14/02/2024 and then', Scan.DateLike],
    ['[14/02/2024, 21:00 Sam: x', Scan.DateLike],
    ['14/02/2024, 21:00:x', Scan.DateLike],
    ['14/02/2024, 2100 - Sam: x', Scan.DateLike],
  ])('tells %j apart from a header', (line, expected) => {
    expect(scanLine(sc, line)).toBe(expected);
  });
});

describe('text classification', () => {
  it.each([
    ['<Media omitted>', Special.Media],
    ['image omitted', Special.Media],
    ['Report • 2 pages document omitted', Special.Media],
    ['<attached: 00000001-PHOTO-2024-01-01-12-00-00.jpg>', Special.Media],
    ['IMG-20240101-WA0000.jpg (file attached)', Special.Media],
    ['<Medien ausgeschlossen>', Special.Media],
    ['This message was deleted', Special.Deleted],
    ['You deleted this message.', Special.Deleted],
    ['Missed video call', Special.MissedCall],
    ['Llamada perdida', Special.MissedCall],
    ['Video call, 12 min', Special.Call],
    ['Los mensajes y las llamadas están cifrados de extremo a extremo.', Special.Encryption],
    ['You unblocked this contact.', Special.Block],
    ['Waiting for this message. This may take a while.', Special.Waiting],
    ['Video call tomorrow?', Special.None],
    ['I deleted this message lol', Special.None],
    ['my image omitted from the report', Special.None],
  ])('%j', (text, special) => {
    expect(classify(text)).toBe(special);
  });

  it('prefilters on the characters a phrase can start with, and refuses patterns it cannot read', () => {
    const table = firstCharTable([
      '(?:Group )?(?:[Vv]oice|Video) call',
      '<Media omitted>',
      '\\(file attached\\)',
    ]);
    const starts = [...'GVvo<('].map((c) => table[c.charCodeAt(0)]);
    expect(starts).toEqual([1, 1, 1, 0, 1, 1]);
    expect(table['x'.charCodeAt(0)]).toBe(0);
    expect(() => firstCharTable(['.*document omitted'])).toThrow(/cannot tell/);
    expect(() => firstCharTable(['(?:a)?'])).toThrow(/empty/);
  });

  it('skips iOS notices attributed to a contact but keeps messages that start with U+200E', async () => {
    const run = await runText(
      `[14/08/2024, 21:00:11] Group: ${LRM}Boris added you\n[14/08/2024, 21:01:00] Boris: ${LRM}No idea why\n` +
        `[14/08/2024, 21:02:00] Boris: Boris added you\n`,
    );
    expect(run.skipped).toEqual([{ reason: 'system-notice', locator: 1 }]);
    expect(run.events.map((e) => e.text)).toEqual(['No idea why', 'Boris added you']);
  });
});

describe('block notices', () => {
  it('name the case zone the time is in, not just "local time"', async () => {
    const run = await runText(
      '13/03/2024, 09:00 - Sam: hi\n13/03/2024, 10:12 - You blocked this contact. Tap to unblock.\n',
      { timezone: 'America/New_York' },
    );
    expect(run.skipped).toEqual([{ reason: 'block-notice', locator: 2 }]);
    expect(run.warnings).toEqual([
      {
        code: 'WHATSAPP_BLOCK_NOTICE',
        locator: 2,
        message:
          '"You blocked this contact. Tap to unblock." at 2024-03-13 10:12 (America/New_York): a block or unblock, kept out of the contact counts.',
      },
    ]);
  });
});

describe('hostile text', () => {
  it('keeps long crafted text a message without running the notice patterns over it', async () => {
    const crafted = `${LRM}Nachrichten, die du ${' hat sendest, '.repeat(40_000)}`;
    const run = await runText(`12/02/2024, 09:15 - Sam: ${crafted}\n13/02/2024, 09:16 - Sam: ok\n`);
    expect(run.events.map((e) => e.kind)).toEqual(['message', 'message']);
    expect(run.events[0]!.text).toBe(crafted.slice(1));
  });

  it('does not take a long run of text before ": " for a name', async () => {
    const notice = `${'x '.repeat(80)}changed the description: see below`;
    const run = await runText(`12/02/2024, 09:15 - ${notice}\n13/02/2024, 09:16 - Sam: ok\n`);
    expect(run.skipped).toEqual([{ reason: 'system-notice', locator: 1 }]);
    expect(run.events).toHaveLength(1);
  });
});

describe('senders and conversations', () => {
  it('reads phone numbers as ids, "~ " names as names and You/Du/Tú as the victim', () => {
    const s = new Senders();
    expect(s.get(`\u202a+1 (777) 777\u20117777\u202c`)).toEqual({
      id: '+1 (777) 777\u20117777',
      idType: 'phone',
    });
    expect(s.get('+44 7700 900123')).toEqual({ id: '+44 7700 900123', idType: 'phone' });
    expect(s.get(`~${NNBSP}Nev`)).toEqual({ name: 'Nev' });
    expect(s.get('~ Nev')).toEqual({ name: 'Nev' });
    expect(s.get('Du')).toEqual({ name: 'You', role: 'victim' });
    expect(s.get('Tú')).toBe(s.get('You'));
    expect(s.get('Agent 007')).toEqual({ name: 'Agent 007' });
    expect(s.get('Sam')).toBe(s.get('Sam'));
    expect(s.get('Alice changed the subject from "a" to "b')).toBeNull();
  });

  it('names the conversation from the export file name', async () => {
    expect(conversationFromFileName('WhatsApp Chat with Sam Carter.txt')).toBe('Sam Carter');
    expect(conversationFromFileName('WhatsApp Chat mit Sam.txt')).toBe('Sam');
    expect(conversationFromFileName('Chat de WhatsApp con Sam (1).txt')).toBe('Sam');
    expect(conversationFromFileName('_chat.txt')).toBeUndefined();
    const named = join(tmp, 'WhatsApp Chat with Sam Carter.txt');
    copyFileSync(join(FIXTURES, 'uk-dst-crossing.txt'), named);
    const run = await runSource(whatsappTxt, named);
    expect(new Set(run.events.map((e) => e.conversation))).toEqual(new Set(['Sam Carter']));
  });
});

describe('a chat larger than a megabyte, read in one pass with the date order its start shows', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  /** Headers for each day of `days` ([year, month, day] in calendar order), `perDay` messages a day. */
  function chat(days: [number, number, number][], perDay: number, order: 'dmy' | 'mdy'): string {
    let out = '';
    let i = 0;
    for (const [y, m, d] of days) {
      const date = order === 'dmy' ? `${two(d)}/${two(m)}/${y}` : `${two(m)}/${two(d)}/${y}`;
      for (let k = 0; k < perDay; k++, i++) {
        out += `${date}, ${two(Math.floor(k / 100) % 24)}:${two(k % 60)} - ${i % 7 === 0 ? 'You' : 'Sam'}: message number ${i} of the chat\n`;
        if (i % 50 === 0) out += 'a second line\n';
      }
    }
    return out;
  }
  const daysOf = (y: number, m: number, from: number, to: number): [number, number, number][] =>
    Array.from({ length: to - from + 1 }, (_, k) => [y, m, from + k]);

  async function both(text: string, options: Partial<SourceOptions> = {}) {
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const restarts = { count: 0 };
    const guessed = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'), options, restarts);
    const twoPasses = await runInput(whatsappTxt, inPieces(bytes, 65536, 'chat.txt'), options);
    return { guessed, twoPasses, restarts: restarts.count };
  }

  it('gives what two passes give, without reading again, when the whole file agrees with its start', async () => {
    const { guessed, twoPasses, restarts } = await both(chat(daysOf(2024, 1, 1, 31), 600, 'dmy'));
    expect(restarts).toBe(0);
    expect(guessed).toEqual(twoPasses);
    expect(guessed.events).toHaveLength(31 * 600);
    expect(guessed.warnings).toEqual([]);
  });

  it('takes everything back and reads again when the rest of the file decides otherwise', async () => {
    // Day-first January (days above 12 from the 13th on), then more month-first dates that only read month-first
    // (a second export pasted on): the whole file is read month-first, with the conflict warned about.
    const text = `${chat(daysOf(2024, 1, 1, 20), 900, 'dmy')}${chat([...daysOf(2024, 3, 13, 31), ...daysOf(2024, 4, 13, 20)], 300, 'mdy')}`;
    const { guessed, twoPasses, restarts } = await both(text);
    expect(restarts).toBe(1);
    expect(guessed).toEqual(twoPasses);
    expect(guessed.warnings.map((w) => w.code)).toEqual(['WHATSAPP_DATE_ORDER_CONFLICT']);
    expect(guessed.rejected.map((r) => r.code)).toContain('WHATSAPP_BAD_TIMESTAMP');
    expect((guessed.events.at(-1)!.time as { local: string }).local).toBe('2024-04-20T02:59');
  });

  it('reads again in two passes after a failure part-way, keeping what they keep', async () => {
    const bytes = Buffer.from(
      chat([...daysOf(2024, 1, 1, 31), ...daysOf(2024, 2, 1, 29)], 600, 'dmy'),
      'utf8',
    );
    expect(bytes.length).toBeGreaterThan(2_000_000);
    // An archive member whose inflating fails after 1.5 MB: the failure reaches both passes at the same point.
    const failing = (): SourceInput => ({
      ...inPieces(bytes, 65536, 'chat.txt'),
      open: () =>
        Readable.from(
          (function* () {
            for (let i = 0; i < 1_500_000; i += 65536) yield Buffer.from(bytes.subarray(i, i + 65536));
            throw new SourceFailure('ZIP_MEMBER_DAMAGED', 'this file inside the archive is damaged');
          })(),
        ),
    });
    const restarts = { count: 0 };
    const guessed = await runInput(whatsappTxt, failing(), {}, restarts);
    const twoPasses = await runInput(whatsappTxt, failing());
    // The one pass is taken back and the file read in two: the first pass would have counted the unfinished last
    // line's date, which the line reader never delivers.
    expect(restarts.count).toBe(1);
    expect(guessed).toEqual(twoPasses);
    expect(guessed.failure?.code).toBe('ZIP_MEMBER_DAMAGED');
    expect(guessed.events.length).toBeGreaterThan(20_000);
    expect(guessed.events.length).toBeLessThan(60 * 600);
  });

  it('reads in two passes when the start decides nothing for certain, and obeys --date-order', async () => {
    // Only days up to 12 in the first megabyte: no guess is made.
    const undecided = chat([...daysOf(2024, 1, 1, 12), ...daysOf(2024, 1, 13, 14)], 2000, 'dmy');
    const a = await both(undecided);
    expect(a.restarts).toBe(0);
    expect(a.guessed).toEqual(a.twoPasses);
    // Month-first asked of a day-first file: applied, in one pass; the days above 12 are rejected, not turned round.
    const forced = await both(chat(daysOf(2024, 1, 1, 31), 600, 'dmy'), { dateOrder: 'mdy' });
    expect(forced.restarts).toBe(0);
    expect(forced.guessed).toEqual(forced.twoPasses);
    expect(forced.guessed.warnings).toEqual([]);
    expect((forced.guessed.events.at(-1)!.time as { local: string }).local.slice(0, 10)).toBe('2024-12-01');
    expect(forced.guessed.rejected).toHaveLength(19 * 600);
  });
});

describe('reading the file', () => {
  it('reads UTF-16 exports like UTF-8 ones', async () => {
    const text = readFileSync(join(FIXTURES, 'android-24h-dmy.txt'), 'utf8');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const a = await runSource(whatsappTxt, join(FIXTURES, 'android-24h-dmy.txt'));
    expect(await runText(utf16)).toEqual(a);
  });

  it('warns once, with the first line, when a chat saved again as Windows-1252 loses letters', async () => {
    const text =
      '13/03/2024, 10:00 - Sam: hello\n13/03/2024, 10:01 - Sam: café “hi”\n13/03/2024, 10:02 - Sam: naïve\n';
    const run = await runText(iconv.encode(text, 'win1252'));
    expect(run.events.map((e) => e.text)).toEqual(['hello', 'caf\ufffd \ufffdhi\ufffd', 'na\ufffdve']);
    expect(run.warnings).toEqual([
      {
        code: 'TEXT_INVALID_UTF8',
        locator: 2,
        message: expect.stringMatching(
          /^The file is not valid UTF-8 \(first on line 2\): bytes that are no UTF-8/,
        ),
      },
    ]);
  });

  it('numbers lines in the first pass exactly as the line reader does, across chunk boundaries', async () => {
    const endings = ['\n', '\r\n', '\r'];
    let text = '';
    for (let i = 0; i < 6000; i++) {
      const day = (i % 28) + 1;
      text += `${day}/03/2024, 10:${String(i % 60).padStart(2, '0')} - Sam: message ${i} ${'x'.repeat(i % 50)}`;
      text += endings[i % 3]!;
      if (i % 7 === 0) text += `continued ${i}${endings[(i + 1) % 3]}`;
    }
    const file = join(tmp, 'long.txt');
    writeFileSync(file, text);
    const input = fileInput(file, statSync(file).size);
    const first = await firstPass(input, () => {});
    const read = await forEachLine(input, () => {});
    expect(first.lines).toBe(read.lines);
    expect(first.dates.headers(Framing.Dash)).toBe(6000);
    const run = await runSource(whatsappTxt, file);
    expect(run.events).toHaveLength(6000);
    expect(run.warnings).toEqual([]);
    expect(run.events[5998]!.text).toBe(`message 5998 ${'x'.repeat(5998 % 50)}`);
    expect(run.events[5999]!.text).toBe(`message 5999 ${'x'.repeat(5999 % 50)}\ncontinued 5999`);
  });

  it('collects in the first pass, byte by byte, what scanning every decoded line gives', async () => {
    // Some 250 KB over many read chunks: ASCII headers, iOS headers with marks and narrow spaces (another
    // framing), emoji and accents in texts and names, date-like continuation lines, a line of 10,000 characters,
    // CRLF, CR and LF, and a few month-first dates, so that the inferred order quotes lines and their dates.
    const endings = ['\n', '\r\n', '\r'];
    let text = '\ufeff';
    for (let i = 0; i < 3000; i++) {
      const day = (i % 28) + 1;
      const end = endings[i % 3]!;
      if (i % 97 === 0)
        text += `${LRM}[${day}.03.24, 10:00:0${i % 10}${NNBSP}PM] ~${NNBSP}Nev: ${LRM}image omitted${end}`;
      else if (i % 501 === 0) text += `03/${day}/2024, 11:00 - Sam: month first ${i}${end}`;
      else
        text += `${day}/03/2024, 10:${String(i % 60).padStart(2, '0')} - Såm 😡: message ${i} ${'é'.repeat(i % 7)}${end}`;
      if (i % 11 === 0) text += `12/03/2024 was a date in a message 🙂${endings[(i + 1) % 3]}`;
      if (i === 1500) text += `${'x'.repeat(10_000)}${end}`;
    }
    const reference = () => {
      const stats = new HeaderDates();
      const scanner = new HeaderScanner();
      const lines = text.slice(1).split(/\r\n|\r|\n/);
      if (lines.at(-1) === '') lines.pop();
      lines.forEach((line, k) => {
        if (scanLine(scanner, line) === Scan.Header) stats.add(scanner, utf8Line(line), k + 1);
      });
      return { lines: lines.length, stats };
    };
    const expected = reference();
    expect(expected.stats.headers(Framing.Bracket)).toBe(31);
    // Day-first and month-first dates of one shape (d/m/yyyy and m/d/yyyy): they contradict each other.
    expect(expected.stats.of(Framing.Dash, 2).infer()).toMatchObject({
      warn: { code: 'WHATSAPP_DATE_ORDER_CONFLICT' },
    });
    for (const encoding of ['utf8', 'utf16le'] as const) {
      const file = join(tmp, `first-pass-${encoding}.txt`);
      writeFileSync(file, encoding === 'utf8' ? text : Buffer.from(text, 'utf16le'));
      const first = await firstPass(fileInput(file, statSync(file).size), () => {});
      expect(first.lines).toBe(expected.lines);
      expect(first.bytes).toBe(statSync(file).size);
      expect(summary(first.dates)).toEqual(summary(expected.stats));
    }
  });

  it('gives the same first-pass statistics whatever the chunks the bytes arrive in (property)', async () => {
    const pieces = [
      '12/03/2024, 10:05 - Sam: hi',
      '13/03/2024, 22:35 - Såm 😡: où',
      `${LRM}[14.03.24, 10:00:05${NNBSP}PM] ~${NNBSP}Nev: ${LRM}image omitted`,
      '03/15/2024, 11:00 - Sam: month first',
      '12/03/2024 is a date in a message 🙂',
      '\ufeff16/03/2024, 09:00 - Alex: after a BOM',
      'just text',
      '',
    ];
    const reference = (text: string) => {
      const stats = new HeaderDates();
      const scanner = new HeaderScanner();
      const body = text.startsWith('\ufeff') ? text.slice(1) : text;
      const lines = body.split(/\r\n|\r|\n/);
      if (lines.at(-1) === '') lines.pop();
      lines.forEach((line, k) => {
        if (scanLine(scanner, line) === Scan.Header) stats.add(scanner, utf8Line(line), k + 1);
      });
      return { lines: lines.length, stats };
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom('\n', '\r\n', '\r')), {
          maxLength: 40,
        }),
        fc.boolean(),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
        async (lines, bom, sizes) => {
          const text = (bom ? '\ufeff' : '') + lines.map(([l, end]) => l + end).join('');
          const bytes = Buffer.from(text, 'utf8');
          // One buffer filled again for every chunk, in the sizes drawn (cycled), as SourceInput.chunks hands them.
          const input = {
            path: 'chat.txt',
            name: 'chat.txt',
            bytes: bytes.length,
            open: () => Readable.from([bytes]),
            async *chunks() {
              const buf = Buffer.alloc(64);
              for (let at = 0, k = 0; at < bytes.length; k++) {
                const n = bytes.copy(buf, 0, at, at + sizes[k % sizes.length]!);
                at += n;
                yield buf.subarray(0, n);
                buf.fill(0x58);
              }
            },
          };
          const first = await firstPass(input, () => {});
          const expected = reference(text);
          expect(first.lines).toBe(expected.lines);
          expect(first.bytes).toBe(bytes.length);
          expect(summary(first.dates)).toEqual(summary(expected.stats));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds file markers in first lines as classify does, whatever the chunks and byte-order marks (property)', async () => {
    // First lines that end like a placeholder ("d"), so that only a file marker inside them tells them apart; with
    // a BOM inside, the text is copied out of its line into memory filled again for each such text. All of one
    // length in bytes, so that chunks of whole lines can fill the reader's one buffer exactly.
    const texts = [
      'we said and',
      'IMG-1.jpg (file attached)',
      'x <attached: 1.jpg> and',
      '<3 and',
      '(sad',
      'hello\ufeff dad',
      'IMG-2.jpg\ufeff (file attached) and',
      'ok\ufeff (file attached)',
    ];
    const longest = Math.max(...texts.map((t) => Buffer.byteLength(t)));
    const padded = texts.map((t) => 'x'.repeat(longest - Buffer.byteLength(t)) + t);
    const line = (t: string, i: number) =>
      `13/03/2024, ${10 + Math.floor(i / 60)}:${String(i % 60).padStart(2, '0')} - Sam: ${t}\n`;
    const lineBytes = Buffer.byteLength(line(padded[0]!, 0));
    await fc.assert(
      fc.asyncProperty(
        // Past the first KiB, which the reader gathers into a head of its own (text.ts headFirst).
        fc.array(fc.constantFrom(...padded), { minLength: 20, maxLength: 120 }),
        fc.oneof(
          fc.integer({ min: 1, max: 4 }).map((k) => k * lineBytes),
          fc.integer({ min: 8, max: 200 }),
        ),
        async (lines, size) => {
          const bytes = Buffer.from(lines.map(line).join(''), 'utf8');
          // One buffer read into again for every chunk, as SourceInput.chunks hands them.
          const input = {
            path: 'chat.txt',
            name: 'chat.txt',
            bytes: bytes.length,
            open: () => Readable.from([bytes]),
            async *chunks() {
              const buf = Buffer.alloc(size);
              for (let at = 0; at < bytes.length; ) {
                const n = bytes.copy(buf, 0, at, at + size);
                at += n;
                yield n === size ? buf : buf.subarray(0, n);
              }
            },
          };
          const run = await runInput(whatsappTxt, input);
          const kinds = lines.map((t) =>
            classify(t.replaceAll('\ufeff', '')) === Special.Media ? 'media' : 'message',
          );
          expect(run.events.map((e) => e.kind)).toEqual(kinds);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects a file without any header as a whole', async () => {
    const run = await runText('just some notes\nabout nothing\n');
    expect(run.failure?.code).toBe('WHATSAPP_NO_MESSAGES');
  });
});

describe('detect', () => {
  it('claims Android, iOS and year-first exports', () => {
    expect(detects('12/07/2017, 22:35 - Sam: hi\n')).toBe(true);
    expect(detects(`\n\n${LRM}[20.06.19, 15:58:53] Sam: hi\r\n`)).toBe(true);
    expect(detects('2024-03-05 16:17 - Sam: hej\n')).toBe(true);
    expect(detects('[2024-03-05 16:17:13] Sam: hej\n', 'WhatsApp Chat with Sam.txt')).toBe(true);
    expect(detects('Some preamble\n12/07/2017, 22:35 - Sam: hi\n')).toBe(true);
  });

  it('leaves look-alikes to other sources', () => {
    expect(detects('[2024-01-01 12:00:00] Jane: Hello\n[2024-01-01 12:00:05] John: Hi\n', 'chat.md')).toBe(
      false,
    );
    expect(detects('[2019-12-24, 12:23] Jane Doe: Hello John!\n', 'test_export.txt')).toBe(false);
    expect(detects('May 17, 2022  5:29:42 PM (Read by them after 1 hour)\nMe\nHello world\n\n')).toBe(false);
    expect(detects('Date,Time,Type of contact,What happened\n03/02/2024,21:40,Text message,6 texts\n')).toBe(
      false,
    );
    expect(detects('Date,Time,Description\n2/3/2024,9:40 PM,6 texts\n')).toBe(false);
    expect(detects('2024-01-03 12:00:00 server: started\n')).toBe(false);
    expect(detects('')).toBe(false);
  });

  it('claims the layout Signal also writes when the text shows WhatsApp wrote it, in each language read', () => {
    const iso = (text: string) => `[2024-03-05 16:17:13] Sam: hej\n[2024-03-05 16:18:02] Sam: ${text}\n`;
    const signs = [
      `${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat can read them.`,
      `${LRM}Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.`,
      'Los mensajes y las llamadas están cifrados de extremo a extremo.',
      'Les messages et les appels sont chiffrés de bout en bout.',
      'As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta.',
      '<Media omitted>',
      '<media omitted>',
      '<Médias omis>',
      '<Mídia oculta>',
      `${LRM}<attached: 00000012-PHOTO-2024-03-05-16-18-02.jpg>`,
      `${LRM}image omitted`,
      'IMG-20240305-WA0003.jpg (file attached)',
    ];
    for (const sign of signs) expect(detects(iso(sign)), sign).toBe(true);
    expect(detects(iso('see you at the station'))).toBe(false);
  });
});
