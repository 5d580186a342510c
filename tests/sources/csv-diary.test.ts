import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ParsedEvent } from '../../src/model/index.js';
import { isCalendarDate, outOfRange, realDate } from '../../src/sources/csv-diary/calendar.js';
import { classifyContactType, DIARY_CONTACT_TYPES } from '../../src/sources/csv-diary/channels.js';
import {
  applyOrder,
  collectOrder,
  decideOrder,
  type OrderStats,
} from '../../src/sources/csv-diary/date-order.js';
import { readDateCell } from '../../src/sources/csv-diary/dates.js';
import { DATE_HINT, DIARY_COLUMNS, fieldOf, readHeaderLine } from '../../src/sources/csv-diary/headers.js';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { MAX_DIARY_BYTES } from '../../src/sources/csv-diary/read.js';
import { clockStyle, readTimeCell } from '../../src/sources/csv-diary/times.js';
import { makeProbe } from '../../src/sources/detect.js';
import { type SourceContext, SourceFailure, type SourceOptions } from '../../src/sources/index.js';
import { clock, diaryTimes } from '../helpers/diary.js';
import { inPieces, runInput, runSource, type SourceRun } from '../helpers/run-source.js';

const FIXTURES = 'fixtures/csv-diary';
const tmp = mkdtempSync(join(tmpdir(), 'csv-diary-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Writes a scratch CSV (not a fixture: a one-line variation of one) and runs the source over it. */
async function runText(text: string | Buffer, options: Partial<SourceOptions> = {}): Promise<SourceRun> {
  const file = join(tmp, `t${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, text);
  return runSource(csvDiary, file, options);
}

function probe(text: string | Buffer, name = 'diary.csv') {
  const head = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return makeProbe(name, name, head.subarray(0, 64 * 1024));
}

describe('csv-diary fixtures match their goldens', () => {
  const cases = [
    'uk-bom-crlf-dmy.csv',
    'us-sparc-mdy.csv',
    'de-excel-semicolon-cp1252.csv',
    'bad-rows.csv',
    'unmapped-types-who.csv',
    'excel-serial-dates.csv',
    'quoted-multiline-lf.csv',
    'utf16le-tab-iso.txt',
    'month-names-sep-line.csv',
    'unclosed-quote.csv',
    'ambiguous-order.csv',
    'ambiguous-order-mixed.csv',
    'year-typo-2204.csv',
  ];
  for (const name of cases)
    it(name, async () => {
      const file = join(FIXTURES, name);
      const run = await runSource(csvDiary, file);
      const golden = `${file.replace(/\.[a-z0-9]+$/, '')}.expected.json`;
      if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, `${JSON.stringify(run, null, 2)}\n`);
      expect(JSON.parse(JSON.stringify(run))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
      expect(csvDiary.detect(probe(readFileSync(file), name))).toBe(true);
    });
});

describe('detect', () => {
  it('claims a header with a Date column and a Time, Description or Type column', () => {
    expect(csvDiary.detect(probe('Date,Time,Notes\n2024-01-01,10:00,x\n'))).toBe(true);
    expect(csvDiary.detect(probe('\n\n"Date";"What happened"\n'))).toBe(true);
    expect(csvDiary.detect(probe('sep=;\nDatum;Art;Beschreibung\n'))).toBe(true);
    expect(csvDiary.detect(probe('fecha\thora\tdescripción\n'))).toBe(true);
  });

  it('does not claim a DiscordChatExporter CSV, whose header has Date and Attachments', () => {
    const dce =
      'AuthorID,Author,Date,Content,Attachments,Reactions\n"1","a#0001","2024-01-01T10:00:00+00:00","hi","",""\n';
    expect(csvDiary.detect(probe(dce))).toBe(false);
  });

  it('does not claim CSVs without a diary header', () => {
    expect(csvDiary.detect(probe(''))).toBe(false);
    expect(csvDiary.detect(probe('Date,Amount,Balance\n2024-01-01,10.00,20.00\n'))).toBe(false);
    expect(csvDiary.detect(probe('Date\n2024-01-01\n'))).toBe(false);
    expect(csvDiary.detect(probe('Time,Type,Description\n10:00,Text,hi\n'))).toBe(false);
    expect(csvDiary.detect(probe('Incident log kept by J. Example\nDate,Time,Type\n'))).toBe(false);
    expect(csvDiary.detect(probe('[03/02/2024, 21:40:00] Sam: Date, time and place?\n'))).toBe(false);
    expect(csvDiary.detect(probe('Date reported,Amount paid,Description\n'))).toBe(false);
  });

  it('reads a 10,000-column header without error', () => {
    const header = ['Date', 'Time', ...Array.from({ length: 10_000 }, (_, i) => `Column ${i}`)].join(',');
    expect(csvDiary.detect(probe(`${header}\n`))).toBe(true);
  });
});

describe('header synonyms', () => {
  it.each([
    ['Date', 'date'],
    [' DATE ', 'date'],
    ['Date (dd/mm/yyyy)', 'date'],
    ['Date/Time', 'date'],
    ['Date reported', undefined],
    ['Date this entry was written', 'recorded_at'],
    ['Time (approx)', 'time'],
    ['Type of contact', 'contact_type'],
    ['How', 'contact_type'],
    ['How it made me feel', 'effect'],
    ['What happened', 'description'],
    ['What', 'contact_type'],
    ['Description of Incident', 'description'],
    ['Witness Name(s) (attach address and phone #)', 'witnesses'],
    ['Police Called (Y/N)', 'reported'],
    ['Reported to police (Y/N)', 'reported'],
    ['Report #', 'police_ref'],
    ['Crime reference number', 'police_ref'],
    ['Incident number', 'police_ref'],
    ['Officer Name & Badge #', 'officer'],
    ['Officer name / collar no.', 'officer'],
    ['Number of calls', undefined],
    ['Who', 'who'],
    ['Phone number', 'identifier'],
    ['Datum', 'date'],
    ['Uhrzeit', 'time'],
    ['Art', 'contact_type'],
    ['Beschreibung', 'description'],
    ['Zeugen', 'witnesses'],
    ['Anzeige erstattet', 'reported'],
    ['Aktenzeichen', 'police_ref'],
    ['Fecha', 'date'],
    ['Hora', 'time'],
    ['Descripción', 'description'],
    ['Lugar', 'location'],
    ['Lieu', 'location'],
    ['Témoins', 'witnesses'],
  ])('%s → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('has a quick date hint that every Date synonym passes', () => {
    for (const h of DIARY_COLUMNS.find((c) => c.field === 'date')!.headers) expect(h).toMatch(DATE_HINT);
  });

  it('lists every synonym under one field only, and every synonym finds its own field', () => {
    for (const col of DIARY_COLUMNS)
      for (const h of col.headers) expect(fieldOf(h.replace(/\*$/, ''))).toBe(col.field);
  });

  it('picks the delimiter under which the header names the most columns', () => {
    expect(readHeaderLine('Datum;Uhrzeit;Art;Beschreibung')?.delimiter).toBe(';');
    expect(readHeaderLine('Date;Time;Officer name, badge')?.delimiter).toBe(';');
    expect(readHeaderLine('Date,Time,Type;Method')?.delimiter).toBe(',');
    expect(readHeaderLine('Date\tTime\tWhat happened')?.delimiter).toBe('\t');
    expect(readHeaderLine('Amount;Balance')).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['03/02/2024', 'dmy', '2024-02-03'],
    ['03/02/2024', 'mdy', '2024-03-02'],
    ['3.2.24', 'dmy', '2024-02-03'],
    ['03-02-2024', 'dmy', '2024-02-03'],
    ['2024-02-03', 'mdy', '2024-02-03'],
    ['2024/2/3', 'dmy', '2024-02-03'],
    ['03-Feb-24', 'mdy', '2024-02-03'],
    ['Saturday, 3 February 2024', 'dmy', '2024-02-03'],
    ['Sat 3rd Feb 2024', 'dmy', '2024-02-03'],
    ['February 3rd, 2024', 'dmy', '2024-02-03'],
    ['3 de febrero de 2024', 'dmy', '2024-02-03'],
    ['3. Februar 2024', 'dmy', '2024-02-03'],
    ['3 févr. 2024', 'dmy', '2024-02-03'],
    ['45325', 'dmy', '2024-02-03'],
    ['1/1/69', 'dmy', '2069-01-01'],
    ['1/1/70', 'dmy', '1970-01-01'],
    ['24/02/03', 'ymd', '2024-02-03'],
    ['29/02/2024', 'dmy', '2024-02-29'],
  ] as const)('%s read %s is %s', (raw, order, expected) => {
    const cell = readDateCell(raw);
    expect(cell && realDate(applyOrder(cell, order))).toBe(expected);
  });

  it.each([
    ['31/02/2024', 'dmy'],
    ['29/02/2023', 'dmy'],
    ['13/13/2024', 'dmy'],
    ['02/14/2024', 'dmy'],
    ['03/02/2024', 'ymd'],
    ['3 Feb 1850', 'dmy'],
  ] as const)('%s read %s is not a real date', (raw, order) => {
    const cell = readDateCell(raw);
    expect(cell).toBeDefined();
    expect(realDate(applyOrder(cell!, order))).toBeUndefined();
  });

  it.each([
    ['15/03/2204', 'dmy'],
    ['2204-03-15', 'dmy'],
    ['3 Feb 1850', 'dmy'],
    ['29/02/2400', 'dmy'],
    ['01/01/1899', 'mdy'],
    ['80000', 'dmy'],
  ] as const)('%s read %s is a real date outside the accepted years', (raw, order) => {
    const ymd = applyOrder(readDateCell(raw)!, order);
    expect(isCalendarDate(ymd)).toBe(true);
    expect(outOfRange(ymd)).toBe(true);
    expect(realDate(ymd)).toBeUndefined();
  });

  it('accepts the first and last accepted years, and knows leap years in any century', () => {
    expect(realDate({ y: 1900, m: 1, d: 1 })).toBe('1900-01-01');
    expect(realDate({ y: 2100, m: 12, d: 31 })).toBe('2100-12-31');
    expect(isCalendarDate({ y: 2100, m: 2, d: 29 })).toBe(false);
    expect(isCalendarDate({ y: 2000, m: 2, d: 29 })).toBe(true);
    expect(outOfRange({ y: 2204, m: 2, d: 30 })).toBe(false);
  });

  it.each(['next Tuesday', '3 Feb', '2024', '03/02', 'Feb 2024', '45325abc'])('%s cannot be read', (raw) => {
    expect(readDateCell(raw)).toBeUndefined();
  });

  it('keeps the time written after a date', () => {
    expect(readDateCell('03/02/2024 21:40')).toMatchObject({ kind: 'numeric', rest: '21:40' });
    expect(readDateCell('2024-02-03T21:40:00')).toMatchObject({ kind: 'fixed', rest: '21:40:00' });
    expect(readDateCell('3 Feb 2024 at 9pm')).toMatchObject({ kind: 'fixed', rest: '9pm' });
    expect(readDateCell('45326.875')).toMatchObject({ kind: 'serial', seconds: 75_600 });
  });

  const ambiguous = { allDotted: false, firstAmbiguous: { line: 2, value: '03/02/2024' } };
  it('decides the day/month order from the file, the option, the dots or the region, else fails', () => {
    // A day above 12 settles the order: a decision, not a guess, so no warning comes with it.
    expect(decideOrder({ ...ambiguous, dmy: { line: 5, value: '14/02/2024' } }, {})).toEqual({
      order: 'dmy',
    });
    expect(decideOrder({ ...ambiguous, mdy: { line: 5, value: '2/14/2024' } }, {})).toEqual({ order: 'mdy' });
    expect(decideOrder(ambiguous, { dateOrder: 'mdy' })).toEqual({ order: 'mdy' });
    expect(decideOrder({ ...ambiguous, allDotted: true }, {})).toMatchObject({
      order: 'dmy',
      code: 'DIARY_DATE_ORDER_ASSUMED',
    });
    expect(decideOrder(ambiguous, { region: 'US' })).toMatchObject({
      order: 'mdy',
      code: 'DIARY_DATE_ORDER_ASSUMED',
    });
    expect(decideOrder(ambiguous, { region: 'GB' })).toMatchObject({
      order: 'dmy',
      code: 'DIARY_DATE_ORDER_ASSUMED',
    });
    expect(decideOrder(ambiguous, { region: 'CA' }).undecided?.failure).toBeInstanceOf(SourceFailure);
    expect(decideOrder(ambiguous, {}).undecided?.failure).toMatchObject({
      code: 'DIARY_DATE_ORDER_AMBIGUOUS',
      message: expect.stringMatching(/day\/month or month\/day/),
      hint: expect.stringMatching(/--date-order/),
    });
    expect(decideOrder({ allDotted: true }, {})).toEqual({ order: 'dmy' });
  });

  it('leaves undecided a file that writes dates both ways, naming both lines', () => {
    const { undecided } = decideOrder(
      { ...ambiguous, dmy: { line: 3, value: '14/02/2024' }, mdy: { line: 9, value: '02/15/2024' } },
      {},
    );
    expect(undecided?.failure.code).toBe('DIARY_DATE_ORDER_CONFLICT');
    expect(undecided?.failure.message).toContain('line 3');
    expect(undecided?.failure.message).toContain('line 9');
    expect(undecided?.why).toBe('this file writes dates both day-first (line 3) and month-first (line 9)');
  });

  it('asks for no order where day equals month: the date is the same either way', () => {
    const stats: OrderStats = { allDotted: true };
    for (const [line, value] of [
      [2, '03/03/2024'],
      [3, '12/12/2023'],
    ] as const)
      collectOrder(stats, readDateCell(value)!, line, value);
    expect(stats.firstAmbiguous).toBeUndefined();
    expect(decideOrder(stats, {})).toEqual({ order: 'dmy' });
  });
});

describe('times', () => {
  const clock = (h: number, m: number, extra: Record<string, unknown> = {}) => ({
    kind: 'clock',
    h,
    m,
    s: 0,
    approx: false,
    range: false,
    ...extra,
  });
  it.each([
    ['14:30', clock(14, 30)],
    ['2:30pm', clock(14, 30)],
    ['2.30 pm', clock(14, 30)],
    ['2:30 p.m.', clock(14, 30)],
    ['14h30', clock(14, 30)],
    ['1430hrs', clock(14, 30)],
    ['0815', clock(8, 15)],
    ['8 Uhr', clock(8, 0)],
    ['14.30 Uhr', clock(14, 30)],
    ['12am', clock(0, 0)],
    ['12pm', clock(12, 0)],
    ['12:30 a.m.', clock(0, 30)],
    ['8 in the evening', clock(20, 0)],
    ['2 at night', clock(2, 0)],
    ['11 at night', clock(23, 0)],
    ['8 Uhr abends', clock(20, 0)],
    ['8.30 Uhr abends', clock(20, 30)],
    ['7 Uhr morgens', clock(7, 0)],
    ['3 Uhr nachts', clock(3, 0)],
    ['11 Uhr nachts', clock(23, 0)],
    ['4 Uhr nachmittags', clock(16, 0)],
    ['gegen 9 Uhr abends', clock(21, 0, { approx: true })],
    ['8 de la tarde', clock(20, 0)],
    ['10 de la noche', clock(22, 0)],
    ['2 de la madrugada', clock(2, 0)],
    ['9 de la mañana', clock(9, 0)],
    ['8h du soir', clock(20, 0)],
    ['8h30 du soir', clock(20, 30)],
    ['7h du matin', clock(7, 0)],
    ["3h de l'après-midi", clock(15, 0)],
    ['at 21:40', clock(21, 40)],
    ['21:40:00', clock(21, 40)],
    ['21:40:30', clock(21, 40, { s: 30 })],
    ['approx 8am', clock(8, 0, { approx: true })],
    ['Approx. 8 am', clock(8, 0, { approx: true })],
    ['ca. 8 Uhr', clock(8, 0, { approx: true })],
    ['gegen 19 Uhr', clock(19, 0, { approx: true })],
    ['around 9.15am', clock(9, 15, { approx: true })],
    ['~22:00', clock(22, 0, { approx: true })],
    ['8pm-ish', clock(20, 0, { approx: true })],
    ['9pm?', clock(21, 0, { approx: true })],
    ['noon', clock(12, 0, { approx: true })],
    ['between 14:00-15:00', clock(14, 0, { approx: true, range: true })],
    ['between 2pm and 3pm', clock(14, 0, { approx: true, range: true })],
    ['14:00 – 15:00', clock(14, 0, { approx: true, range: true })],
    ['2-3pm', clock(14, 0, { approx: true, range: true })],
    ['11-1pm', clock(11, 0, { approx: true, range: true })],
    ['from 10am to 11am', clock(10, 0, { approx: true, range: true })],
    ['zwischen 14 und 15 Uhr', clock(14, 0, { approx: true, range: true })],
    ['22:00-01:00', clock(22, 0, { approx: true, range: true })],
  ])('%s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it.each([
    ['', { kind: 'day', approx: false, how: 'blank' }],
    ['?', { kind: 'day', approx: false, how: 'blank' }],
    ['unknown', { kind: 'day', approx: false, how: 'blank' }],
    ['evening', { kind: 'day', approx: false, how: 'part-of-day' }],
    ['Morning', { kind: 'day', approx: false, how: 'part-of-day' }],
    ['approx evening', { kind: 'day', approx: true, how: 'part-of-day' }],
    ['nachts', { kind: 'day', approx: false, how: 'part-of-day' }],
    ['por la tarde', { kind: 'day', approx: false, how: 'part-of-day' }],
    ['midnight', { kind: 'day', approx: false, how: 'part-of-day' }],
    ['after the school run', { kind: 'day', approx: false, how: 'free-text' }],
    ['christmas party', { kind: 'day', approx: false, how: 'free-text' }],
  ])('%s keeps only the date', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it.each([
    '25:61',
    '24:00',
    '14am',
    '0pm',
    '8am and 9pm',
    '3 times',
    '12:7',
    '20 Uhr morgens',
    '14 de la mañana',
  ])('%s is refused', (raw) => {
    expect(readTimeCell(raw).kind).toBe('bad');
  });

  // Were refused, the row with them: the incident happened on that date, only its hour is unknown.
  it.each(['8', 'approx 8', '9-10', 'around 9-10', '9-10:30', 'half past 8', '12'])(
    '%s, an hour without am/pm, keeps only the date, approximate',
    (raw) => {
      expect(readTimeCell(raw)).toEqual({ kind: 'day', approx: true, how: 'no-meridiem' });
    },
  );

  it('marks a range with no am/pm and hours up to 12 as open, as it marks "7:30"', () => {
    expect(readTimeCell('7:30-8:30')).toEqual({ ...clock(7, 30, { approx: true, range: true }), open: true });
    expect(readTimeCell('7:30')).toEqual({ ...clock(7, 30), open: true });
    // A 24-hour hour or a leading zero shows the clock; am/pm on either end settles it.
    expect(readTimeCell('11:30-13:00')).toEqual(clock(11, 30, { approx: true, range: true }));
    expect(readTimeCell('07:30-08:30')).toEqual(clock(7, 30, { approx: true, range: true }));
    expect(readTimeCell('7:30-8:30pm')).toEqual(clock(19, 30, { approx: true, range: true }));
  });
});

describe('times written as a bound or an open start', () => {
  // These were refused as "cannot be read as a time", the hint asking the victim to rewrite a contemporaneous
  // record whose words were clear. A bound keeps only the date; an open start is read like a range's start.
  const day = { kind: 'day', approx: true, how: 'bound' };
  it.each([
    ['after 10pm', day],
    ['just after 8pm', day],
    ['shortly before 9 p.m.', day],
    ['before 7am', day],
    ['gone 10pm', day],
    ['by 6pm', day],
    ['until 3am', day],
    ['no later than 18:00', day],
    ['9pm or later', day],
    ['after 10', day],
    ['nach 22 Uhr', day],
    ['después de las 10 de la noche', day],
    ['après 22h', day],
    // Were rejected: the "a " was taken for Spanish "a" ("a las 9") and cut, leaving "bit after 10pm".
    ['a bit after 10pm', day],
    ['a little after 10pm', day],
    ['a little before 7am', day],
    ['A bit before 9:30 p.m.', day],
  ])('%s keeps only the date, approximate', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  const start = (h: number, m = 0) => ({ kind: 'clock', h, m, s: 0, approx: true, range: true });
  it.each([
    ['from 9pm', start(21)],
    ['10pm onwards', start(22)],
    ['since 20:15', start(20, 15)],
    ['ab 21 Uhr', start(21)],
    ['a partir de las 9 de la noche', start(21)],
    ['10pm+', start(22)],
  ])('%s is the start of an open range', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  // "from 9" was a bound, so the summary called it a before/after time: it is an hour without am/pm, as "9" is.
  it.each(['from 9', '9 onwards', 'since 9', 'ab 9'])('%s is an hour without am/pm', (raw) => {
    expect(readTimeCell(raw)).toEqual({ kind: 'day', approx: true, how: 'no-meridiem' });
  });

  // "from 7:30" was read as 07:30 even in a diary that writes its times with am/pm: it is open as "7:30" is.
  it.each([
    ['from 7:30', { ...start(7, 30), open: true }],
    ['7:30 onwards', { ...start(7, 30), open: true }],
    ['since 7:30', { ...start(7, 30), open: true }],
    ['from 07:30', start(7, 30)],
    ['from 19:30', start(19, 30)],
    ['from 7:30pm', start(19, 30)],
  ])('%s is open as its time alone would be', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it.each([
    ['9ish pm', 21],
    ['9-ish p.m.', 21],
    ['about 11:30pm', 23],
    ['around half past 8pm', 20],
  ])('%s is an approximate clock time', (raw, h) => {
    expect(readTimeCell(raw)).toMatchObject({ kind: 'clock', h, approx: true, range: false });
  });

  it.each([
    ['half past 8pm', clock(20, 30)],
    ['quarter to 9pm', clock(20, 45)],
    ['quarter past 7 in the morning', clock(7, 15)],
    ['20 past 10pm', clock(22, 20)],
    ['5 past 9 in the evening', clock(21, 5)],
    ['10 minutes to 9pm', clock(20, 50)],
    ['1 minute to 8am', clock(7, 59)],
    // Number words are read as digits are (csv-diary-number-words.test.ts): "10 to midnight" is the range from 22:00
    // to midnight, flagged, which holds 23:50, as "10 to 2am" is from 22:00. (It kept only its date while the
    // words were not read.)
    ['ten to midnight', { kind: 'clock', h: 22, m: 0, s: 0, approx: true, range: true }],
    ['10 to midnight', { kind: 'clock', h: 22, m: 0, s: 0, approx: true, range: true }],
  ])('the spoken clock %s', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  // Were read as "minutes to": 21:52, 20:55 and 13:48, exact and unflagged, times nobody wrote. A number before
  // "to" without "minutes" is the start of a range, as "8-10pm" is.
  const range = (h: number) => ({ kind: 'clock', h, m: 0, s: 0, approx: true, range: true });
  it.each([
    ['8 to 10pm', range(20)],
    ['5 to 9pm', range(17)],
    ['12 to 2pm', range(12)],
    ['about 8 to 10pm', range(20)],
    ['8 to 10', { kind: 'day', approx: true, how: 'no-meridiem' }],
  ])('%s is a range, not a time made up from it', (raw, expected) => {
    expect(readTimeCell(raw)).toEqual(expected);
  });

  it('names six distinct bounds rather than five, and eleven unrecognised columns rather than ten "and 1 more"', async () => {
    const bounds = ['after 10pm', 'gone 10pm', 'by 6pm', 'until 3am', 'before 7am', 'a bit after 9pm'];
    const run = await runText(
      'Date,Time,Type,Description,Car,Colour,Plate,Weather,Shoes,Mood,Jacket,Hat,Bag,Dog,Bike\n' +
        bounds.map((t, i) => `2024-03-0${i + 1},${t},Call,x,,,,,,,,,,,\n`).join(''),
    );
    const [bound] = run.warnings.filter((w) => w.code === 'DIARY_TIME_BOUND');
    expect(bound?.message).toContain(
      '(6 rows: "after 10pm" on line 2, "gone 10pm" on line 3, "by 6pm" on line 4, "until 3am" on line 5, "before 7am" on line 6, "a bit after 9pm" on line 7)',
    );
    const [columns] = run.warnings.filter((w) => w.code === 'DIARY_UNRECOGNISED_COLUMNS');
    expect(columns?.message).toBe(
      'Columns kept as details without being interpreted: "Car", "Colour", "Plate", "Weather", "Shoes", "Mood", "Jacket", "Hat", "Bag", "Dog", "Bike"',
    );
  });

  it('says in plain words why a bound gives no time', async () => {
    // The hint said "a bound is not the time", jargon to a victim reading the problem list.
    const bytes = readFileSync('fixtures/csv-diary-time-words/incident-log.csv');
    const out = await runInput(csvDiary, inPieces(bytes, bytes.length, 'incident-log.csv'));
    expect(out.warnings.find((w) => w.code === 'DIARY_TIME_BOUND')?.hint).toBe(
      'Nothing to change: "after 10pm" does not say when it happened, so no time is given; each entry keeps its date and the words as written',
    );
  });

  it('keeps a row whose time is "a bit after 10pm" at its date, flagged, as other bounds', async () => {
    const run = await runText(
      'Date,Time,Type,Description\n2024-03-02,a bit after 10pm,Call,Withheld number\n',
    );
    expect(run.rejected).toEqual([]);
    expect(run.events.map((e) => [e.time, e.flags, e.details?.['time_as_written']])).toEqual([
      [{ type: 'local', local: '2024-03-02', precision: 'day' }, ['time-approximate'], 'a bit after 10pm'],
    ]);
    expect(run.warnings.map((w) => w.code)).toContain('DIARY_TIME_BOUND');
  });

  // ("quarter to 12am" was here: it is now 23:45 on the row's date, as "quarter to midnight" is; see
  // csv-diary-spoken-spans.test.ts. Hour 0 of the 24-hour clock is the start of the date, so "10 to 00:00" stays.)
  it.each(['after 14am', 'after 3 times', 'before 25:00', '10 to 00:00'])('%s is still refused', (raw) => {
    expect(readTimeCell(raw).kind).toBe('bad');
  });

  it('reads a diary of such times: dates kept, words kept, no time made up, one summary warning', async () => {
    const run = await runSource(csvDiary, 'fixtures/csv-diary-time-words/incident-log.csv');
    const rows = diaryTimes(run);
    expect(rows).toEqual([
      [2, '2024-03-02', 'day', ['time-approximate'], 'after 10pm'],
      // An hour with no am/pm: morning or evening cannot be told, so only the date is kept, as for "evening".
      [3, '2024-03-03', 'day', ['time-approximate'], 'around 9ish'],
      [4, '2024-03-05T23:30', 'min', ['time-approximate'], 'about 11:30pm'],
      [5, '2024-03-07', 'day', ['time-part-of-day'], 'late evening'],
      [6, '2024-03-09', 'day', ['time-approximate'], 'just before 7am'],
      [7, '2024-03-10T21:00', 'min', ['time-approximate'], '9ish pm'],
      [8, '2024-03-12T21:00', 'min', ['time-approximate', 'time-range'], 'from 9pm'],
      [9, '2024-03-14T22:00', 'min', ['time-approximate', 'time-range'], '10pm onwards'],
      [10, '2024-03-16', 'day', ['time-approximate'], 'gone 10pm'],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.warnings.filter((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM')).toEqual([
      {
        code: 'DIARY_HOUR_WITHOUT_AMPM',
        message:
          'Times whose hour could be morning or evening (no am or pm) keep only their date, flagged approximate, with the time as written (1 row: "around 9ish" on line 3)',
      },
    ]);
    expect(run.warnings.filter((w) => w.code === 'DIARY_TIME_BOUND')).toEqual([
      {
        code: 'DIARY_TIME_BOUND',
        message:
          'Times that say only before or after when something happened keep only their date, flagged approximate, with the time as written (3 rows: "after 10pm" on line 2, "just before 7am" on line 6, "gone 10pm" on line 10)',
      },
    ]);
    expect(run.accounting).toEqual({ records: 9, events: 9, skipped: 0, rejected: 0 });
  });
});

describe('a time with no am/pm in a diary written on the 12-hour clock', () => {
  it('keeps "7:30" at its date only when every other time says AM or PM, rather than reading it as 07:30', async () => {
    // Was read as 07:30 and 11:15 on the 24-hour clock: in this log an evening call would move twelve hours.
    // Then rejected; the call did happen on 5 April, so it is counted there, its hour left open.
    const run = await runSource(csvDiary, 'fixtures/csv-diary-twelve-hour/stalking-log.csv');
    expect(diaryTimes(run)).toEqual([
      [2, '2024-04-02T21:40', 'min', undefined, undefined],
      [3, '2024-04-03T08:00', 'min', undefined, undefined],
      [4, '2024-04-05', 'day', ['time-approximate'], '7:30'],
      [5, '2024-04-06', 'day', ['time-approximate'], 'around 11:15'],
      [6, '2024-04-19T22:05', 'min', undefined, undefined],
    ]);
    expect(run.rejected).toEqual([]);
    expect(run.warnings.filter((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM')).toEqual([
      {
        code: 'DIARY_HOUR_WITHOUT_AMPM',
        message:
          'Times whose hour could be morning or evening (no am or pm) keep only their date, flagged approximate, with the time as written (2 rows: "7:30" on line 4, "around 11:15" on line 5); a time such as "7:30" would be read on the 24-hour clock, but this diary writes times with am or pm (first on line 2) and none on the 24-hour clock',
      },
    ]);
    expect(run.accounting).toEqual({ records: 5, events: 5, skipped: 0, rejected: 0 });
  });

  it('treats "7:30-8:30" in such a diary as it treats "7:30", and names five examples at most', async () => {
    const run = await runText(
      'Date,Time,Type,Description\n' +
        '2024-04-02,9:40 PM,Text,a\n' +
        '2024-04-03,7:30-8:30,Text,b\n' +
        ['8', '9', '10', '11', '9-10', '12'].map((t, i) => `2024-04-1${i},${t},Text,c${i}\n`).join(''),
    );
    expect(run.events.map((e) => [e.locator, e.time.precision, e.details?.['time_as_written']])).toEqual([
      [2, 'min', undefined],
      [3, 'day', '7:30-8:30'],
      [4, 'day', '8'],
      [5, 'day', '9'],
      [6, 'day', '10'],
      [7, 'day', '11'],
      [8, 'day', '9-10'],
      [9, 'day', '12'],
    ]);
    const [warning] = run.warnings.filter((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM');
    expect(warning?.message).toContain(
      '(7 rows: "7:30-8:30" on line 3, "8" on line 4, "9" on line 5, "10" on line 6, "11" on line 7 and 2 more); a time such as "7:30-8:30" would be read',
    );
  });

  it('treats "from 7:30", "7:30 onwards", "since 7:30" and "from 9" in such a diary as "7:30" and "9"', async () => {
    // Were read as 07:30 (and "from 9" summarised as a before/after time): in this diary 7:30 may be evening.
    const run = await runText(
      'Date,Time,Type,Description\n' +
        '2024-04-02,9:40 PM,Text,a\n' +
        '2024-04-03,from 7:30,Call,b\n' +
        '2024-04-04,7:30 onwards,Call,c\n' +
        '2024-04-05,since 7:30,Call,d\n' +
        '2024-04-06,from 9,Call,e\n' +
        '2024-04-07,from 9pm,Call,f\n',
    );
    expect(
      run.events.map((e) => [
        e.locator,
        e.time.type === 'local' ? e.time.local : '',
        e.flags,
        e.details?.['time_as_written'],
      ]),
    ).toEqual([
      [2, '2024-04-02T21:40', undefined, undefined],
      [3, '2024-04-03', ['time-approximate'], 'from 7:30'],
      [4, '2024-04-04', ['time-approximate'], '7:30 onwards'],
      [5, '2024-04-05', ['time-approximate'], 'since 7:30'],
      [6, '2024-04-06', ['time-approximate'], 'from 9'],
      [7, '2024-04-07T21:00', ['time-approximate', 'time-range'], 'from 9pm'],
    ]);
    expect(run.warnings.map((w) => w.code)).not.toContain('DIARY_TIME_BOUND');
    const [warning] = run.warnings.filter((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM');
    expect(warning?.message).toContain(
      '(4 rows: "from 7:30" on line 3, "7:30 onwards" on line 4, "since 7:30" on line 5, "from 9" on line 6); a time such as "from 7:30" would be read',
    );
    // Without am/pm anywhere in the diary, "from 7:30" is the 24-hour 07:30, as "7:30" is.
    const plain = await runText('Date,Time,Type,Description\n2024-04-03,from 7:30,Call,b\n');
    expect(plain.events.map((e) => (e.time.type === 'local' ? e.time.local : ''))).toEqual([
      '2024-04-03T07:30',
    ]);
  });

  it('counts "9ish pm", "8 in the evening", "11 at night" and "8 Uhr abends" as the 12-hour clock', async () => {
    // Were counted as the 24-hour clock (their hour read as 21, 20, 23), because only "am"/"pm" after a digit
    // was looked for: one such row turned the protection off, and "7:30" below was read as 07:30.
    const run = await runSource(csvDiary, 'fixtures/csv-diary-evening-words/diary.csv');
    expect(
      run.events.map((e) => [
        e.locator,
        e.time.type === 'local' ? e.time.local : '',
        e.details?.['time_as_written'],
      ]),
    ).toEqual([
      [2, '2024-05-12T21:40', undefined],
      [3, '2024-05-14T20:00', undefined],
      [4, '2024-05-15T23:00', undefined],
      [5, '2024-05-17T21:00', '9ish pm'],
      [6, '2024-05-18', '7:30'],
    ]);
    const [warning] = run.warnings.filter((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM');
    expect(warning?.message).toContain('(1 row: "7:30" on line 6)');
    expect(warning?.message).toContain('(first on line 2)');
    // The same without any "am"/"pm": the words alone say the 12-hour clock.
    const words = await runText(
      'Datum;Uhrzeit;Beschreibung\n12.05.2024;8 Uhr abends;Anruf\n18.05.2024;7:30;vor der Tür\n',
    );
    expect(words.events.map((e) => (e.time.type === 'local' ? e.time.local : ''))).toEqual([
      '2024-05-12T20:00',
      '2024-05-18',
    ]);
  });

  it.each([
    ['9ish pm', '12h'],
    ['8 in the evening', '12h'],
    ['11 at night', '12h'],
    ['8 Uhr abends', '12h'],
    ['quarter past 7 in the morning', '12h'],
    ['from 9pm', '12h'],
    ['2-3pm', '12h'],
    ['9:40 P.M.', '12h'],
    ['21:40', '24h'],
    ['09:30', '24h'],
    ['0815', '24h'],
    ['from 20:15', '24h'],
    ['9:30', undefined],
    ['8 Uhr', undefined],
    ['evening', undefined],
    ['after 10pm', undefined],
  ])('clockStyle(%s) is %s', (raw, style) => {
    expect(clockStyle(raw)).toBe(style);
  });

  it('names all six rows rather than five "and 1 more"', async () => {
    const run = await runText(
      'Date,Time,Type,Description\n' +
        '2024-04-02,9:40 PM,Text,a\n' +
        ['8', '9', '10', '11', '9-10', '12'].map((t, i) => `2024-04-1${i},${t},Text,c${i}\n`).join(''),
    );
    const [warning] = run.warnings.filter((w) => w.code === 'DIARY_HOUR_WITHOUT_AMPM');
    expect(warning?.message).toContain(
      '(6 rows: "8" on line 3, "9" on line 4, "10" on line 5, "11" on line 6, "9-10" on line 7, "12" on line 8)',
    );
  });

  it('keeps "9:30" as 09:30 when the diary also writes the 24-hour clock, or never writes am/pm', async () => {
    const times = async (rows: string) =>
      (await runText(`Date,Time,Type,Description\n${rows}`)).events.map((e) =>
        e.time.type === 'local' ? e.time.local : '',
      );
    expect(
      await times('2024-03-01,21:40,Text,a\n2024-03-02,8:15 pm,Text,b\n2024-03-03,9:30,Text,c\n'),
    ).toEqual(['2024-03-01T21:40', '2024-03-02T20:15', '2024-03-03T09:30']);
    expect(
      await times('2024-03-02,08:15 AM,Text,b\n2024-03-03,09:30,Text,c\n2024-03-04,9:30,Text,d\n'),
    ).toEqual(['2024-03-02T08:15', '2024-03-03T09:30', '2024-03-04T09:30']);
    expect(await times('2024-03-03,9:30,Text,c\n')).toEqual(['2024-03-03T09:30']);
  });
});

describe('type of contact', () => {
  it.each([
    ['Text message', 'sms', 'message'],
    ['SMS', 'sms', 'message'],
    ['Texted me', 'sms', 'message'],
    ['Picture message', 'sms', 'media'],
    ['Phone call', 'call', 'call'],
    ['Called me', 'call', 'call'],
    ['Phone call x 3', 'call', 'call'],
    ['WhatsApp', 'whatsapp', 'message'],
    ['WhatsApp call', 'whatsapp', 'call'],
    ['WhatsApp voice note', 'whatsapp', 'media'],
    ['Facebook', 'messenger', 'message'],
    ['Messenger', 'messenger', 'message'],
    ['Instagram DM', 'instagram', 'message'],
    ['Followed me on Instagram', 'instagram', 'message'],
    ['Email', 'email', 'message'],
    ['E-mail', 'email', 'message'],
    ['Telegram', 'telegram', 'message'],
    ['Signal', 'signal', 'message'],
    ['iMessage', 'imessage', 'message'],
    ['Discord', 'discord', 'message'],
    ['Twitter', 'twitter', 'message'],
    ['X', 'twitter', 'message'],
    ['Posted about me', 'social', 'message'],
    ['Social media post', 'social', 'message'],
    ['Followed me', 'in-person', 'visit'],
    ['Turned up at my house', 'in-person', 'visit'],
    ['Turned up with flowers', 'in-person', 'visit'],
    ['Waiting outside work', 'in-person', 'visit'],
    ['Visit', 'in-person', 'visit'],
    ['Approached me', 'in-person', 'visit'],
    ['Called round', 'in-person', 'visit'],
    ['Letter through the door', 'post', 'delivery'],
    ['Letter', 'post', 'delivery'],
    ['Card', 'post', 'delivery'],
    ['Parcel', 'post', 'delivery'],
    ['Gift', 'post', 'delivery'],
    ['Flowers', 'post', 'delivery'],
    ['Delivery', 'post', 'delivery'],
    ['Post', 'post', 'delivery'],
    ['Snapchat', 'other', 'message'],
    ['Anruf', 'call', 'call'],
    ['persönlich', 'in-person', 'visit'],
    ['Brief', 'post', 'delivery'],
    ['Mensaje de texto', 'sms', 'message'],
  ])('%s → %s %s', (value, channel, kind) => {
    expect(classifyContactType(value)).toMatchObject({ channel, kind });
  });

  it.each([
    ['Missed call', 'missed'],
    ['Voicemail', 'voicemail'],
    ['Call - declined', 'rejected'],
    ['Llamada perdida', 'missed'],
    ['Anruf (verpasst)', 'missed'],
  ])('%s is a call with status %s', (value, status) => {
    expect(classifyContactType(value)).toEqual({ channel: 'call', kind: 'call', callStatus: status });
  });

  it.each([
    'Called my mum',
    'Rang my work',
    'Texted my best friend',
    'Letter to my mum',
    'Via a friend',
    'Anruf bei meiner Mutter',
  ])('%s is contact through a third party, not a contact the victim received', (value) => {
    expect(classifyContactType(value)).toEqual({ channel: 'other', kind: 'other', viaThirdParty: true });
  });

  it("keeps a visit at the victim's own workplace a direct visit", () => {
    expect(classifyContactType('Turned up at my work')).toEqual({ channel: 'in-person', kind: 'visit' });
  });

  it('reads a type past invisible characters pasted into it (soft hyphen, word joiner, variation selector)', () => {
    for (const hidden of ['\u00AD', '\u2060', '\uFE0F', '\u200B'])
      expect(classifyContactType(`Tur${hidden}ned up at my ho${hidden}use`), JSON.stringify(hidden)).toEqual({
        channel: 'in-person',
        kind: 'visit',
      });
  });

  it('leaves a call without a stated outcome without a status', () => {
    expect(classifyContactType('Phone call')).toEqual({ channel: 'call', kind: 'call' });
  });

  it.each(['Carrier pigeon', 'Drone', '', '???'])('%s is unmapped', (value) => {
    expect(classifyContactType(value)).toBeUndefined();
  });

  it('exports the table as data with a known channel and keywords on every rule', () => {
    expect(DIARY_CONTACT_TYPES.length).toBeGreaterThan(10);
    for (const rule of DIARY_CONTACT_TYPES) expect(rule.keywords.length).toBeGreaterThan(0);
    expect(DIARY_CONTACT_TYPES.map((r) => r.channel)).toContain('in-person');
  });
});

describe('parse', () => {
  const HEADER = 'Date,Time,Type,Description\n';

  it('does not claim a bank statement even though it has Date and Description', () => {
    expect(csvDiary.detect(probe('Date,Description,Amount,Balance\n2024-01-01,Shop,1.00,2.00\n'))).toBe(
      false,
    );
  });

  it('numbers lines correctly with old Mac CR line ends and a CRLF inside a quoted cell', async () => {
    const run = await runText(
      `${HEADER}2024-01-01,10:00,Text,one\r2024-01-02,11:00,Text,"two\r\nlines"\r2024-01-03,12:00,Text,three\r`,
    );
    expect(run.events.map((e) => e.locator)).toEqual([2, 3, 5]);
    expect(run.events[1]!.text).toBe('two\nlines');
  });

  it('rejects each row of a file whose dates are written both ways, and fails it as read to the end', async () => {
    const run = await runText(`${HEADER}14/02/2024,10:00,Text,a\n02/15/2024,10:00,Text,b\n`);
    expect(run.failure).toMatchObject({ code: 'DIARY_DATE_ORDER_CONFLICT', readToEnd: true });
    expect(run.events).toEqual([]);
    expect(run.rejected).toEqual([
      {
        code: 'DIARY_DATE_ORDER_UNKNOWN',
        locator: 2,
        message:
          'Date "14/02/2024" is 14 February 2024 read day-first but no date read month-first, and this file writes dates both day-first (line 2) and month-first (line 3)',
        hint: 'Correct the dates that are the wrong way round, or re-run with --date-order dmy (day/month/year) or --date-order mdy (month/day/year)',
      },
      expect.objectContaining({ code: 'DIARY_DATE_ORDER_UNKNOWN', locator: 3 }),
    ]);
    expect(run.accounting).toEqual({ records: 2, events: 0, skipped: 0, rejected: 2 });
  });

  it('reads the rows of an undecidable diary whose dates need no order, and rejects the others with their lines', async () => {
    const run = await runSource(csvDiary, join(FIXTURES, 'ambiguous-order-mixed.csv'));
    // Was: no record at all, the file failing before its first row.
    expect(run.accounting).toEqual({ records: 6, events: 2, skipped: 1, rejected: 3 });
    expect(run.events.map((e) => [e.locator, e.time])).toEqual([
      [5, { type: 'local', local: '2024-05-05T19:10', precision: 'min' }],
      [6, { type: 'local', local: '2024-05-06', precision: 'day' }],
    ]);
    expect(run.skipped).toEqual([{ reason: 'empty-row', locator: 7 }]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual(
      [2, 3, 8].map((l) => ['DIARY_DATE_ORDER_UNKNOWN', l]),
    );
    expect(run.rejected[0]).toEqual({
      code: 'DIARY_DATE_ORDER_UNKNOWN',
      locator: 2,
      message:
        'Date "03/02/2024" is 3 February 2024 read day-first but 2 March 2024 read month-first, and this file\'s dates do not tell which order it uses',
      hint: 'Re-run with --date-order dmy (day/month/year) or --date-order mdy (month/day/year)',
    });
    expect(run.failure).toEqual({
      code: 'DIARY_DATE_ORDER_AMBIGUOUS',
      message:
        'Cannot tell whether dates are day/month or month/day: every date could be either (e.g. "03/02/2024" on line 2); the 3 rows whose dates depend on it (the first on line 2) were rejected with their lines, not placed in time',
      locator: 2,
      readToEnd: true,
    });
    // With the order given, every dated row is an event.
    const dmy = await runSource(csvDiary, join(FIXTURES, 'ambiguous-order-mixed.csv'), { dateOrder: 'dmy' });
    expect(dmy.failure).toBeUndefined();
    expect(dmy.accounting).toEqual({ records: 6, events: 5, skipped: 1, rejected: 0 });
  });

  it('reads an undecidable file with --date-order, and rejects rows that do not fit it', async () => {
    const mdy = await runSource(csvDiary, join(FIXTURES, 'ambiguous-order.csv'), { dateOrder: 'mdy' });
    expect(mdy.failure).toBeUndefined();
    expect(mdy.events.map((e) => e.time)).toEqual([
      { type: 'local', local: '2024-03-02T21:40', precision: 'min' },
      { type: 'local', local: '2024-04-02T08:00', precision: 'min' },
    ]);
    expect(mdy.warnings).toEqual([]);
    // A diary that writes dates both ways is read as the option says; a row it leaves no date is told of the
    // option, not asked to correct its date. (A diary whose only telling date is month-first keeps that order:
    // tests/sources/csv-diary-date-order-option.test.ts.)
    const dmy = await runText(
      `${HEADER}03/02/2024,10:00,Text,a\n14/02/2024,10:00,Text,b\n02/15/2024,10:00,Text,c\n`,
      { dateOrder: 'dmy' },
    );
    expect(dmy.events).toHaveLength(2);
    expect(dmy.warnings).toEqual([]);
    expect(dmy.rejected).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        locator: 4,
        message:
          'Date "02/15/2024" is not a real date read day/month/year, as --date-order dmy asks; read month/day/year it is 15 February 2024',
        hint: 'Re-run with --date-order mdy if the diary writes its dates month/day/year; this diary writes dates both day-first (line 3) and month-first (line 4), so either order leaves the rows written the other way rejected',
      },
    ]);
  });

  it('rejects dates real in neither order with their lines, instead of asking for --date-order', async () => {
    const run = await runText(`${HEADER}32/01/2024,21:40,Text,six texts\n33/01/2024,08:00,Call,rang twice\n`);
    expect(run.failure).toBeUndefined();
    expect(run.warnings).toEqual([]);
    expect(run.events).toEqual([]);
    expect(run.rejected).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        locator: 2,
        message: 'Date "32/01/2024" is not a real date whether read day-first or month-first',
        hint: 'Correct the date in the diary as the original record gives it (a day, month and year, written like the other rows, or as YYYY-MM-DD) and re-run',
      },
      expect.objectContaining({
        locator: 3,
        message: 'Date "33/01/2024" is not a real date whether read day-first or month-first',
      }),
    ]);
    // Nor is such a date evidence for the order: the real dates beside it decide (here they cannot).
    const mixed = await runText(`${HEADER}31/02/2024,10:00,Text,a\n03/02/2024,10:00,Text,b\n`);
    expect(mixed.failure).toMatchObject({
      code: 'DIARY_DATE_ORDER_AMBIGUOUS',
      message: expect.stringContaining('"03/02/2024" on line 3'),
      readToEnd: true,
    });
    expect(mixed.rejected.map((r) => [r.code, r.locator])).toEqual([
      ['DIARY_BAD_DATE', 2],
      ['DIARY_DATE_ORDER_UNKNOWN', 3],
    ]);
  });

  it('reads a file whose one day above 12 settles the order without a warning, the other dates by it', async () => {
    const run = await runText(`${HEADER}14/02/2024,18:30,Visit,at the door\n03/02/2024,10:00,Text,a\n`);
    expect(run.warnings).toEqual([]);
    expect(run.rejected).toEqual([]);
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'local', local: '2024-02-14T18:30', precision: 'min' },
      { type: 'local', local: '2024-02-03T10:00', precision: 'min' },
    ]);
    const us = await runText(`${HEADER}2/14/2024,18:30,Visit,at the door\n3/2/2024,10:00,Text,a\n`);
    expect(us.warnings).toEqual([]);
    expect(us.events[1]!.time).toEqual({ type: 'local', local: '2024-03-02T10:00', precision: 'min' });
  });

  it('keeps the warning and its hint when the order is a guess', async () => {
    const dotted = await runText(`${HEADER}03.02.2024,10:00,Text,a\n04.02.2024,10:00,Text,b\n`);
    expect(dotted.warnings).toEqual([
      {
        code: 'DIARY_DATE_ORDER_ASSUMED',
        locator: 2,
        message:
          'Every date could be day- or month-first (e.g. "03.02.2024" on line 2); read as day.month.year, the convention for dates written with dots',
      },
    ]);
    const ctxWarnings: [string, string | undefined][] = [];
    const ctx = {
      options: { timezone: 'UTC', region: 'GB' },
      emit: () => {},
      skip: () => {},
      reject: () => {},
      warn: (code: string, _l: unknown, _m: string, hint?: string) => void ctxWarnings.push([code, hint]),
      progress: () => {},
    } satisfies SourceContext;
    const file = join(tmp, 'guessed.csv');
    writeFileSync(file, `${HEADER}03/02/2024,10:00,Text,a\n`);
    await csvDiary.parse(
      { path: file, name: 'guessed.csv', bytes: 0, open: () => Readable.from([readFileSync(file)]) },
      ctx,
    );
    expect(ctxWarnings).toEqual([
      [
        'DIARY_DATE_ORDER_ASSUMED',
        'If this is wrong, re-run with --date-order dmy (day/month/year) or --date-order mdy (month/day/year)',
      ],
    ]);
  });

  it('says a real date outside the accepted years is out of range, and suggests the year the other rows are in', async () => {
    const run = await runSource(csvDiary, join(FIXTURES, 'year-typo-2204.csv'));
    expect(run.events).toHaveLength(3);
    expect(run.rejected).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        locator: 5,
        message: 'Date "15/03/2204" is 15 March 2204, outside the years chronolog accepts (1900 to 2100)',
        hint: 'Did you mean 2024? 3 other rows are dated 2024. Correct the year in the diary and re-run',
      },
    ]);
    // One wrong digit, and a year-first date, are slips too; the suggestion is never applied.
    const one = await runText(`${HEADER}0024-02-03,10:00,Text,a\n2024-02-04,10:00,Text,b\n`);
    expect(one.events.map((e) => e.locator)).toEqual([3]);
    expect(one.rejected[0]).toMatchObject({
      message: 'Date "0024-02-03" is 3 February 0024, outside the years chronolog accepts (1900 to 2100)',
      hint: 'Did you mean 2024? Another row is dated 2024. Correct the year in the diary and re-run',
    });
  });

  it('suggests no year when none or several of the other rows are one slip away', async () => {
    const far = await runText(`${HEADER}3 Feb 1850,10:00,Text,a\n14/02/2024,10:00,Text,b\n`);
    expect(far.rejected).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        locator: 2,
        message: 'Date "3 Feb 1850" is 3 February 1850, outside the years chronolog accepts (1900 to 2100)',
        hint: 'Correct the year in the diary and re-run',
      },
    ]);
    // 2203 is 2023 with two digits swapped and 2003 with one digit wrong: either could be meant.
    const two = await runText(
      `${HEADER}14/02/2003,10:00,Text,a\n14/02/2023,10:00,Text,b\n15/03/2203,10:00,Text,c\n`,
    );
    expect(two.rejected).toEqual([
      expect.objectContaining({ locator: 4, hint: 'Correct the year in the diary and re-run' }),
    ]);
    // 2240 is more than one slip from 2024 (three digits differ), so it suggests nothing either.
    const scrambled = await runText(`${HEADER}14/02/2024,10:00,Text,a\n15/03/2240,10:00,Text,c\n`);
    expect(scrambled.rejected[0]!.hint).toBe('Correct the year in the diary and re-run');
    // An Excel serial number has no year anyone typed.
    const serial = await runText(`${HEADER}80000,10:00,Text,a\n45325,10:00,Text,b\n`);
    expect(serial.rejected).toEqual([
      {
        code: 'DIARY_BAD_DATE',
        locator: 2,
        message:
          'Date "80000" (an Excel serial number) is 11 January 2119, outside the years chronolog accepts (1900 to 2100)',
        hint: 'Correct the date in the diary as the original record gives it (a day, month and year, written like the other rows, or as YYYY-MM-DD) and re-run',
      },
    ]);
  });

  it('still calls a date with no day or month of that number not a real date, in the order it was read', async () => {
    const both = await runText(`${HEADER}31/02/2204,10:00,Text,a\n`, { dateOrder: 'dmy' });
    expect(both.rejected[0]!.message).toBe(
      'Date "31/02/2204" is not a real date whether read day-first or month-first',
    );
    // Real only day-first (and then out of range), but the file is month-first: the order is what fails.
    const mdy = await runText(`${HEADER}15/03/2204,10:00,Text,a\n`, { dateOrder: 'mdy' });
    expect(mdy.rejected[0]!.message).toBe('Date "15/03/2204" is not a real date (read as month/day/year)');
  });

  it('reads Windows-1252 behind a UTF-8 byte-order mark as Windows-1252, with the warning and its line', async () => {
    const body = iconv.encode(`${HEADER}13/02/2024,10:00,Text,"café “hi”"\n`, 'win1252');
    const run = await runText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]));
    expect(run.events.map((e) => e.text)).toEqual(['café “hi”']);
    expect(run.warnings).toContainEqual({
      code: 'DIARY_ENCODING_CP1252',
      locator: 2,
      message:
        'The file is not valid UTF-8 (first on line 2) although it starts with a UTF-8 byte-order mark; read as Windows-1252, the encoding Excel uses on Western Windows',
    });
  });

  it('takes the order from the case region when the dates cannot decide, with a warning', async () => {
    const run = await runSource(csvDiary, join(FIXTURES, 'ambiguous-order.csv'), { region: 'US' });
    expect(run.events[0]!.time).toEqual({ type: 'local', local: '2024-03-02T21:40', precision: 'min' });
    expect(run.warnings.map((w) => w.code)).toEqual(['DIARY_DATE_ORDER_ASSUMED']);
  });

  it('fails with a hint when the first row names no Date column (e.g. a title row)', async () => {
    const run = await runText(`Incident diary of J. Example\n${HEADER}2024-01-01,10:00,Text,a\n`);
    expect(run.failure).toEqual({
      code: 'DIARY_NO_DATE_COLUMN',
      message: 'The header row "Incident diary of J. Example" names no Date column',
      locator: 1,
    });
    expect((await runText('')).failure?.code).toBe('DIARY_NO_DATE_COLUMN');
  });

  it('does not count blank lines and an Excel sep= line above the header as records', async () => {
    const run = await runText(`\n;;;\nsep=;\nDatum;Uhrzeit;Art\n2024-01-01;10:00;SMS\n`);
    expect(run.accounting).toEqual({ records: 1, events: 1, skipped: 0, rejected: 0 });
    expect(run.events[0]).toMatchObject({ locator: 5, channel: 'sms' });
  });

  it('allows empty trailing cells but rejects a row with more filled cells than the header has columns', async () => {
    const run = await runText(`${HEADER}2024-01-01,10:00,Text,a,,,\n2024-01-02,10:00,Text,b,c\n`);
    expect(run.events.map((e) => e.locator)).toEqual([2]);
    expect(run.rejected.map((r) => [r.code, r.locator])).toEqual([['DIARY_TOO_MANY_CELLS', 3]]);
  });

  it('rejects every way of writing "same as above" in the Date column', async () => {
    // Excel writes a cell holding one " as """" — that is how a ditto mark looks in its CSV.
    const rows = ['""""', '〃', 'Same as above', 'same day', 'dito']
      .map((d) => `${d},10:00,Text,x`)
      .join('\n');
    const run = await runText(`${HEADER}${rows}\n`);
    expect(run.rejected.map((r) => r.code)).toEqual(Array(5).fill('DIARY_MISSING_DATE'));
  });

  it('uses a Number column as the sender id and a Who column as the name', async () => {
    const run = await runText(
      'Date,Time,Type,Number used,Who\n2024-01-01,10:00,Text,07700 900123,\n2024-01-02,10:00,Text,,Sam Example\n2024-01-03,10:00,Text,,my ex\n',
    );
    expect(run.events.map((e) => e.sender)).toEqual([
      { id: '07700 900123' },
      { name: 'Sam Example' },
      { name: 'my ex', role: 'subject' },
    ]);
  });

  it('lists at most 20 unmapped contact types one by one, then one summary', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `2024-01-01,10:00,Oddity ${i},x`).join('\n');
    const run = await runText(`${HEADER}${rows}\n`);
    const unmapped = run.warnings.filter((w) => w.code === 'DIARY_UNMAPPED_CONTACT_TYPE');
    expect(unmapped).toHaveLength(21);
    expect(unmapped[20]!.message).toMatch(/^5 more unmapped contact types/);
    expect(run.events.every((e: ParsedEvent) => e.flags?.includes('contact-type-unmapped'))).toBe(true);
    // 21 types: each its own warning, not 20 and "1 more unmapped contact types".
    const rows21 = Array.from({ length: 21 }, (_, i) => `2024-01-01,10:00,Oddity ${i},x`).join('\n');
    const run21 = await runText(`${HEADER}${rows21}\n`);
    const each = run21.warnings.filter((w) => w.code === 'DIARY_UNMAPPED_CONTACT_TYPE');
    expect(each.map((w) => w.message.startsWith('Unmapped contact type "Oddity'))).toEqual(
      Array(21).fill(true),
    );
  });

  it('parses a file whose header has 10,000 columns', async () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `Extra ${i}`);
    const run = await runText(
      `Date,Time,${names.join(',')}\n2024-01-01,10:00,${names.map(() => '').join(',')}\n`,
    );
    expect(run.events).toHaveLength(1);
    expect(run.warnings.find((w) => w.code === 'DIARY_UNRECOGNISED_COLUMNS')?.message).toMatch(
      /and 9990 more$/,
    );
  });

  it('reads the date and time from one cell when there is no time column', async () => {
    const run = await runText('Date and time,What happened\n03/02/2024 21:40,a\n14/02/2024,b\n');
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'local', local: '2024-02-03T21:40', precision: 'min' },
      { type: 'local', local: '2024-02-14', precision: 'day' },
    ]);
  });

  it('refuses a file over the size cap before reading it', async () => {
    const input = {
      path: 'huge.csv',
      name: 'huge.csv',
      bytes: MAX_DIARY_BYTES + 1,
      open: () => Readable.from([Buffer.from(HEADER)]),
    };
    const ctx = { options: { timezone: 'UTC' } } as SourceContext;
    await expect(csvDiary.parse(input, ctx)).rejects.toMatchObject({ code: 'DIARY_TOO_LARGE' });
  });

  it('stops reading at the size cap when the stream is longer than the input said', async () => {
    const chunk = Buffer.alloc(16 * 1024 * 1024, 0x41);
    let served = 0;
    const input = {
      path: 'lying.csv',
      name: 'lying.csv',
      bytes: 100,
      open: () =>
        Readable.from(
          (function* () {
            for (; served * chunk.length <= MAX_DIARY_BYTES + chunk.length; served++) yield chunk;
          })(),
        ),
    };
    const ctx = { options: { timezone: 'UTC' }, progress: () => {} } as unknown as SourceContext;
    await expect(csvDiary.parse(input, ctx)).rejects.toMatchObject({ code: 'DIARY_TOO_LARGE' });
    expect(served * chunk.length).toBeLessThanOrEqual(MAX_DIARY_BYTES + 2 * chunk.length);
  });

  it('keeps Y/N answers readable and unknown answers as written', async () => {
    const run = await runText(
      'Date,Time,Police called,Type\n2024-01-01,10:00,Y,Text\n2024-01-02,10:00,Yes - 101 call,Text\n',
    );
    expect(run.events.map((e) => e.details?.['reported'])).toEqual(['yes', 'Yes - 101 call']);
  });
});
