/**
 * Diary Date cells holding an ISO 8601 stamp with its UTC offset, as diary apps and spreadsheets export them
 * (`2024-03-02T21:40:00Z`, `2024-04-06T22:05:30+01:00`, `2024-04-07 19:20:00+0100`): read as the instant they
 * state, checked against a filled Time cell. Fixture: fixtures/csv-diary-iso-stamps/app-export.csv.
 */
import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../src/sources/csv-diary/dates.js';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-iso-stamps/app-export.csv';

describe('a Date cell written as an ISO 8601 stamp with a UTC offset', () => {
  it('is read as the instant it states, to the precision written, and a stamp that does not parse is rejected', async () => {
    // Every zoned stamp was rejected: 'Time "21:40:00z" cannot be read as a time'.
    const run = await runSource(csvDiary, FILE);
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(
      run.events.map((e) => [
        e.locator,
        e.time.type === 'instant' ? iso(e.time.ms) : e.time.local,
        e.time.type,
        e.time.precision,
        e.flags,
        e.details?.['date_as_written'],
        e.details?.['time_as_written'],
      ]),
    ).toEqual([
      [2, '2024-03-02T21:40:00.000Z', 'instant', 'min', undefined, '2024-03-02T21:40:00Z', undefined],
      // The Time cell agrees with the stamp: nothing more to keep.
      [3, '2024-03-03T08:15:00.000Z', 'instant', 'min', undefined, '2024-03-03T08:15+00:00', undefined],
      // Seconds written and not zero: kept.
      [4, '2024-04-06T21:05:30.000Z', 'instant', 's', undefined, '2024-04-06T22:05:30+01:00', undefined],
      [5, '2024-04-07T18:20:00.000Z', 'instant', 'min', undefined, '2024-04-07 19:20:00+0100', undefined],
      // 18:45 UTC is 19:45 in London (BST), the time the Time cell gives: it agrees.
      [6, '2024-04-08T18:45:00.000Z', 'instant', 'min', undefined, '2024-04-08T18:45:00Z', undefined],
      // The Time cell contradicts the stamp: the stamp is used, flagged, the Time cell kept, a warning names the
      // line.
      [
        7,
        '2024-04-09T19:10:00.000Z',
        'instant',
        'min',
        ['time-local-mismatch'],
        '2024-04-09T20:10+01:00',
        '10:15pm',
      ],
      // Midnight beside a filled Time cell is a date-only value: the row is read from its date and Time cell.
      [8, '2024-04-10T21:00', 'local', 'min', ['time-approximate'], '2024-04-10T00:00:00Z', 'approx 9pm'],
      // No offset: wall-clock time in the case zone, as other diary times are.
      [9, '2024-04-11T21:30', 'local', 'min', undefined, undefined, undefined],
      // The instant, on the next day in UTC.
      [10, '2024-04-13T03:30:00.000Z', 'instant', 'min', undefined, '2024-04-12T23:30-04:00', undefined],
      // A part of the day says less than the stamp: kept as written beside it.
      [13, '2024-04-15T20:40:00.000Z', 'instant', 'min', undefined, '2024-04-15T21:40+01:00', 'evening'],
      // A fraction of a second is dropped; its seconds are zero.
      [14, '2024-04-16T21:40:00.000Z', 'instant', 'min', undefined, '2024-04-16T21:40:00.000Z', undefined],
    ]);
    expect(run.warnings).toEqual([
      {
        code: 'DIARY_TIME_DISAGREES',
        locator: 7,
        message:
          'Date "2024-04-09T20:10+01:00" gives the time 20:10 (20:10 in Europe/London), but the Time cell says "10:15pm"; the Date cell\'s time is used, and the Time cell is kept as written (time_as_written)',
      },
    ]);
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      ['DIARY_BAD_TIME', 11, 'Date "2024-04-13T24:10Z" is not a time that exists: there is no hour 24'],
      // A zone name is not read (BST is British Summer Time, and also Bangladesh Standard Time).
      // (It said only 'The time in Date "2024-04-14T21:00 BST" cannot be read as a time'.)
      [
        'DIARY_BAD_TIME',
        12,
        'Date "2024-04-14T21:00 BST" gives its time with a time zone name ("BST"), which is not read (several zones share some names); the row is not read without its zone',
      ],
    ]);
    expect(run.accounting).toEqual({ records: 13, events: 11, skipped: 0, rejected: 2 });
  });

  it('reads the same stamp as the same instant whatever the case zone', async () => {
    const run = await runSource(csvDiary, FILE, { timezone: 'America/New_York' });
    const line2 = run.events.find((e) => e.locator === 2)!.time;
    expect(line2).toEqual({ type: 'instant', ms: Date.UTC(2024, 2, 2, 21, 40), precision: 'min' });
    // 20:10+01:00 is 15:10 in New York: the Time cell "10:15pm" agrees with neither. "19:45" was the London time
    // of 18:45Z (line 6); in New York that is 14:45, so it too agrees with neither.
    expect(run.warnings.map((w) => [w.code, w.locator])).toEqual([
      ['DIARY_TIME_DISAGREES', 6],
      ['DIARY_TIME_DISAGREES', 7],
    ]);
    expect(run.warnings[0]!.message).toBe(
      'Date "2024-04-08T18:45:00Z" gives the time 18:45 (14:45 in America/New_York), but the Time cell says "19:45"; the Date cell\'s time is used, and the Time cell is kept as written (time_as_written)',
    );
  });

  it('rejects an offset no zone has, and a stamp on a date that does not exist', async () => {
    const text =
      'Date,Time,What happened\n2024-04-20T21:40+15:00,,a\n2024-02-30T21:40Z,,b\n2024-04-21T21:40:60Z,,c\n2024-04-22T21:40:05-03:30,,d\n';
    const run = await runInput(csvDiary, inPieces(Buffer.from(text), 1 << 16, 'stamps.csv'));
    expect(run.rejected.map((r) => [r.locator, r.message])).toEqual([
      [
        2,
        'Date "2024-04-20T21:40+15:00" is not a time that exists: its UTC offset is none a time zone has (they run from -12:00 to +14:00)',
      ],
      [3, 'Date "2024-02-30T21:40Z" is not a real date'],
      [4, 'Date "2024-04-21T21:40:60Z" is not a time that exists: there is no second 60'],
    ]);
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'instant', ms: Date.UTC(2024, 3, 23, 1, 10, 5), precision: 's' },
    ]);
  });

  it('keeps every offset form apps write and leaves a stamp without one as wall-clock time', () => {
    const zoned = (t: string) => {
      const c = readDateCell(t);
      return c?.kind === 'fixed' ? c.zoned : 'not fixed';
    };
    expect(zoned('2024-02-03T21:40:00Z')).toMatchObject({ h: 21, m: 40, s: 0, offsetMin: 0 });
    expect(zoned('2024-02-03T21:40+01:00')).toMatchObject({ h: 21, m: 40, s: undefined, offsetMin: 60 });
    expect(zoned('2024-02-03 21:40:00+0100')).toMatchObject({ offsetMin: 60 });
    expect(zoned('2024-02-03 21:40:00 +01')).toMatchObject({ offsetMin: 60 });
    expect(zoned('2024-02-03T21:40:00.123456-05:30')).toMatchObject({ s: 0, offsetMin: -330 });
    expect(zoned('2024-02-03T21:40 UTC')).toMatchObject({ offsetMin: 0 });
    expect(zoned('2024-02-03T21:40 \u22120300')).toMatchObject({ offsetMin: -180 });
    expect(zoned('2024-02-03T21:40')).toBeUndefined();
    // "GMT+1" is POSIX's way of writing UTC-1: not read, so the row is rejected, never read an hour off.
    expect(readDateCell('2024-02-03T21:40 GMT+1')).toMatchObject({ rest: '21:40 gmt+1' });
    expect(readDateCell('2024-02-03T21:40:00.000')).toMatchObject({ rest: '21:40:00' });
  });

  it('reads a 100,000-character cell in the shape of a stamp without a catastrophic match', () => {
    const digits = '1'.repeat(100_000);
    expect(readDateCell(`2024-02-03T21:40:00.${digits}Z`)).toMatchObject({
      kind: 'fixed',
      rest: `21:40:00.${digits}z`,
    });
    expect(readDateCell(`2024-02-03T21:40:00.${digits}x`)).toMatchObject({
      kind: 'fixed',
      rest: `21:40:00.${digits}x`,
    });
    const offsets = '+01'.repeat(33_334);
    expect(readDateCell(`2024-02-03T21:40:00${offsets}`)).toEqual({
      kind: 'fixed',
      ymd: { y: 2024, m: 2, d: 3 },
      rest: `21:40:00${offsets}`,
    });
    const clocks = '21:40'.repeat(20_000);
    expect(readDateCell(`2024-02-03T${clocks}Z`)).toEqual({
      kind: 'fixed',
      ymd: { y: 2024, m: 2, d: 3 },
      rest: `${clocks}z`,
    });
  });
});
