/**
 * Arabic-language WhatsApp exports: Arabic-Indic digits with RLMs after the date numbers, the Arabic comma and
 * ص / م for AM / PM (`١٤‏/٣‏/٢٠٢٤، ٩:٠٥ م - Name: text`), and Persian/Urdu Extended Arabic-Indic digits.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detect, makeProbe } from '../../src/sources/detect.js';
import type { SourceOptions } from '../../src/sources/index.js';
import { whatsappTxt } from '../../src/sources/whatsapp-txt/index.js';
import { Framing, HeaderScanner, Scan } from '../../src/sources/whatsapp-txt/scan.js';
import { scanHeader } from '../helpers/header-scan.js';
import { runSource, type SourceRun } from '../helpers/run-source.js';
import { timelineOf } from '../helpers/timeline.js';

const FIXTURE = 'fixtures/whatsapp-txt/android-ar-12h.txt';
const tmp = mkdtempSync(join(tmpdir(), 'whatsapp-ar-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const RLM = '\u200f';
const NNBSP = '\u202f';

/** Writes `text` as a scratch export and runs the source over it. */
async function runText(text: string, options: Partial<SourceOptions> = {}): Promise<SourceRun> {
  const file = join(tmp, 'chat.txt');
  writeFileSync(file, text);
  return runSource(whatsappTxt, file, options);
}

describe('an Arabic Android export', () => {
  it('is detected, also by the whole detection', () => {
    const head = Buffer.from(
      '١٤‏/٣‏/٢٠٢٤، ٩:٠٥ ص - سامي خوري: صباح الخير، أين أنتِ؟\n١٤‏/٣‏/٢٠٢٤، ١٢:٣٠ م - سامي خوري: لماذا لا تردين؟\n',
    );
    const probe = makeProbe('chat.txt', 'chat.txt', head);
    expect(whatsappTxt.detect(probe)).toBe(true);
    expect(detect(probe)).toMatchObject({ kind: 'source', source: { id: 'whatsapp-txt' } });
  });

  it('is read with the right kinds, texts and accounting', async () => {
    const run = await runSource(whatsappTxt, FIXTURE, { timezone: 'Asia/Beirut' });
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(run.rejected).toEqual([]);
    // The Android encryption notice has no author: skipped whatever its language.
    expect(run.skipped).toEqual([{ reason: 'system-notice', locator: 1 }]);
    expect(run.events.map((e) => [e.locator, e.kind, e.sender?.name, e.text])).toEqual([
      [2, 'message', 'سامي خوري', 'صباح الخير، أين أنتِ؟'],
      [3, 'message', 'سامي خوري', 'لماذا لا تردين؟'],
      [4, 'message', 'سامي خوري', 'أعرف أين تعملين.\nسأنتظرك عند الباب.'],
      [6, 'message', 'ليلى حداد', 'توقف عن مراسلتي.'],
      [7, 'media', 'سامي خوري', '<تم استبعاد الوسائط>'],
      [8, 'message', 'سامي خوري', 'رأيتك اليوم في المقهى'],
    ]);
    // ص is AM and م PM: 12:30 م is half past noon, 12:15 ص a quarter past midnight; minute precision.
    expect(run.events.map((e) => e.time)).toEqual(
      [
        '2024-03-14T09:05',
        '2024-03-14T12:30',
        '2024-03-14T21:47',
        '2024-03-14T22:02',
        '2024-03-15T00:15',
        '2024-04-02T19:30',
      ].map((local) => expect.objectContaining({ type: 'local', local, precision: 'min' })),
    );
    expect(run.accounting).toEqual({ records: 7, events: 6, skipped: 1, rejected: 0 });
  });

  it('gives the instants of Asia/Beirut, before and after its change to summer time', async () => {
    const dir = join(tmp, 'beirut');
    mkdirSync(dir);
    copyFileSync(FIXTURE, join(dir, 'WhatsApp Chat with سامي خوري.txt'));
    const { events } = await timelineOf([dir], (c) => ({
      ...c,
      timezone: 'Asia/Beirut',
      subject: { name: undefined, identifiers: ['سامي خوري'] },
    }));
    expect(events.map((e) => [e.locator, new Date(e.ms).toISOString()])).toEqual([
      [2, '2024-03-14T07:05:00.000Z'],
      [3, '2024-03-14T10:30:00.000Z'],
      [4, '2024-03-14T19:47:00.000Z'],
      [6, '2024-03-14T20:02:00.000Z'],
      [7, '2024-03-14T22:15:00.000Z'],
      [8, '2024-04-02T16:30:00.000Z'],
    ]);
  });

  it('decides the day/month order as for Latin digits: without a day above 12 it asks', async () => {
    const run = await runText(
      `٣${RLM}/٤${RLM}/٢٠٢٤، ٩:٠٥ م - سامي: مرحبا\n٣${RLM}/٤${RLM}/٢٠٢٤، ٩:٠٦ م - سامي: ردي\n`,
    );
    expect(run.events).toEqual([]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['WHATSAPP_DATE_ORDER_UNKNOWN', 1],
      ['WHATSAPP_DATE_ORDER_UNKNOWN', 2],
    ]);
    // Quoted as written, minus the invisible marks (as every stamp is quoted).
    expect(run.rejected[0]!.message).toContain('"٣/٤/٢٠٢٤، ٩:٠٥ م"');
    expect(run.failure?.code).toBe('WHATSAPP_DATE_ORDER_AMBIGUOUS');
    const dmy = await runText(`٣${RLM}/٤${RLM}/٢٠٢٤، ٩:٠٥ م - سامي: مرحبا\n`, { dateOrder: 'dmy' });
    expect(dmy.events.map((e) => e.time)).toEqual([expect.objectContaining({ local: '2024-04-03T21:05' })]);
  });

  it('reads Extended Arabic-Indic (Persian, Urdu) digits, 24-hour and iOS brackets with seconds', async () => {
    const run = await runText('[۱۴/۳/۲۰۲۴، ۲۱:۰۵:۰۹] Sam: سلام\n[۱۵/۳/۲۰۲۴، ۰۸:۰۰:۰۰] Sam: کجایی؟\n');
    expect(run.events.map((e) => [e.locator, e.time])).toEqual([
      [1, expect.objectContaining({ local: '2024-03-14T21:05:09', precision: 's' })],
      [2, expect.objectContaining({ local: '2024-03-15T08:00:00', precision: 's' })],
    ]);
  });

  it('rejects a header dated in a Hijri year instead of placing it centuries back', async () => {
    const run = await runText(
      `١٤${RLM}/٩${RLM}/١٤٤٥، ٩:٠٥ م - سامي: مرحبا\n٢٤${RLM}/٣${RLM}/٢٠٢٤، ٩:٠٥ م - سامي: ردي\n`,
    );
    expect(run.events.map((e) => e.locator)).toEqual([2]);
    expect(run.rejected).toEqual([
      expect.objectContaining({
        code: 'WHATSAPP_BAD_TIMESTAMP',
        locator: 1,
        message: expect.stringContaining(
          'the year 1445 is before WhatsApp existed (2009); it may be a Hijri or Solar Hijri calendar year',
        ),
      }),
    ]);
    expect(run.accounting).toEqual({ records: 2, events: 1, skipped: 0, rejected: 1 });
  });

  it('keeps a line that starts with Arabic digits but is no header as text of the message above', async () => {
    const run = await runText(`١٤${RLM}/٣${RLM}/٢٠٢٤، ٩:٠٥ م - سامي: موعدنا\n٣ مرات اتصلت\n`);
    expect(run.events.map((e) => e.text)).toEqual(['موعدنا\n٣ مرات اتصلت']);
    expect(run.warnings).toEqual([]);
  });
});

describe('Arabic header grammar', () => {
  const sc = new HeaderScanner();
  const scan = (line: string) => scanHeader(sc, line, true);

  it.each([
    [`٢٤${RLM}/٤${RLM}/٢٠٢٢، ٢:٠٧ م - Sam: hi`, [24, 4, 2022], [2, 7, -1], 2, Framing.Dash],
    [`${RLM}٢٤${RLM}/٤${RLM}/٢٠٢٢، ٩:٠٠ ص - Sam: hi`, [24, 4, 2022], [9, 0, -1], 1, Framing.Dash],
    [`٢٤${RLM}/٤${RLM}/٢٠٢٢، ٢:٠٧${NNBSP}م - Sam: hi`, [24, 4, 2022], [2, 7, -1], 2, Framing.Dash],
    [`[٢٤${RLM}/٤${RLM}/٢٠٢٢، ١٤:٠٧:٣٥] Sam: hi`, [24, 4, 2022], [14, 7, 35], 0, Framing.Bracket],
    ['٢٤/٠٤/٢٢, ٢:٠٧ PM - Sam: hi', [24, 4, 22], [2, 7, -1], 2, Framing.Dash],
    ['۲۴/۴/۲۰۲۲, ۲۳:۵۹ - Sam: hi', [24, 4, 2022], [23, 59, -1], 0, Framing.Dash],
  ])('reads %j', (line, date, time, ampm, framing) => {
    expect(scan(line)).toMatchObject({ date, time, ampm, framing, rest: 'Sam: hi' });
  });

  it('quotes the stamp as written', () => {
    expect(scan(`٢٤${RLM}/٤${RLM}/٢٠٢٢، ٢:٠٧ م - Sam: hi`)).toMatchObject({
      stamp: `٢٤${RLM}/٤${RLM}/٢٠٢٢، ٢:٠٧ م`,
    });
  });

  it('reads an ASCII header after an Arabic one as before (the memo is for ASCII lines only)', () => {
    expect(scan(`٢٤${RLM}/٤${RLM}/٢٠٢٢، ٢:٠٧ م - Sam: hi`)).toMatchObject({ date: [24, 4, 2022] });
    expect(scan('12/07/2017, 22:35 - Sam: hi')).toMatchObject({ date: [12, 7, 2017], ampm: 0 });
    expect(scan('12/07/2017, 22:36 - Sam: hi')).toMatchObject({ date: [12, 7, 2017], time: [22, 36, -1] });
    expect(sc.native).toBe(false);
    expect(scan(`٢٤${RLM}/٤${RLM}/٢٠٢٢، ٢:٠٧ م - Sam: hi`)).toMatchObject({ date: [24, 4, 2022] });
    expect(sc.native).toBe(true);
  });

  it('does not take a word starting with م (مساء, evening) for the PM marker', () => {
    expect(scan('٢٤/٤/٢٠٢٢، ٢:٠٧ مساء - Sam: hi')).toMatchObject({ ampm: 0, rest: 'مساء - Sam: hi' });
  });

  it.each([
    ['٣ مرات', Scan.NotDate],
    ['١٢:٣٠ موعد', Scan.NotDate],
    // One header, one digit set.
    ['٢٤/٤/۲۰۲۲، ٢:٠٧ م - Sam: hi', Scan.NotDate],
    ['٢٤/٤/2022، ٢:٠٧ م - Sam: hi', Scan.NotDate],
    ['٢٤/٤/٢٠٢٢، ٢:۰۷ م - Sam: hi', Scan.DateLike],
    ['٢٤/٤/٢٠٢٢،٢:٠٧ م - Sam: hi', Scan.DateLike],
    ['٢٤/٤/٢٠٢٢، ٢٠٧ م - Sam: hi', Scan.DateLike],
  ])('tells %j apart from a header', (line, expected) => {
    expect(scan(line)).toBe(expected);
  });
});

describe('a file named like a WhatsApp export in a layout not read', () => {
  it('says so instead of only "not a supported export format"', () => {
    const head = Buffer.from('2024/3/14 下午9:05 - Sam: 你好\n');
    expect(detect(makeProbe('WhatsApp Chat with Sam.txt', 'x', head))).toEqual({
      kind: 'none',
      reason:
        'named like a WhatsApp chat export, but none of its first lines is a message header in a layout chronolog reads (numeric dates in Latin or Arabic-Indic digits, the date before the time)',
    });
    expect(detect(makeProbe('notes.txt', 'x', head))).toEqual({
      kind: 'none',
      reason: 'not a supported export format',
    });
  });
});
