/**
 * A time zone written after the time in a Date cell whose date is not an ISO 8601 stamp written year first
 * (`13/07/2023 22:35 +01:00`, `14/07/2023 21:10 BST`), or a zone name after a year-first date: the zone is never
 * dropped. Fixture: fixtures/csv-diary-zoned-dates/day-first.csv.
 */
import { describe, expect, it } from 'vitest';
import { readDateCell } from '../../src/sources/csv-diary/dates.js';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { diaryTimes } from '../helpers/diary.js';
import { inPieces, runInput, runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-zoned-dates/day-first.csv';

describe('a time zone in a Date cell that is not a year-first ISO 8601 stamp', () => {
  it('rejects the row with the reason, whether or not the Time cell is filled, and reads rows without a zone', async () => {
    // Lines 2, 3 and 8 were rejected as 'cannot be read as a time'; line 4 ("20:05 -04:00") was read as the
    // range from 20:05, and lines 5, 6 and 9 as the Time cell's local time: the zone was dropped without a word.
    const run = await runSource(csvDiary, FILE);
    expect(diaryTimes(run)).toEqual([
      [7, '2023-07-18T21:40', 'min', undefined, undefined],
      // A range written with no spaces round its dash is a range, not the UTC offset -23:00 (no zone has one).
      [10, '2023-07-21T21:00', 'min', ['time-approximate', 'time-range'], '21:00-23:00'],
    ]);
    const offset = (raw: string, zone: string) =>
      `Date "${raw}" gives its time with a time zone ("${zone}"), which is read only in an ISO 8601 stamp (the date year first, a 24-hour time and its UTC offset); the row is not read without its zone`;
    const name = (raw: string, zone: string) =>
      `Date "${raw}" gives its time with a time zone name ("${zone}"), which is not read (several zones share some names); the row is not read without its zone`;
    expect(run.rejected.map((r) => [r.code, r.locator, r.message])).toEqual([
      ['DIARY_BAD_TIME', 2, offset('13/07/2023 22:35 +01:00', '+01:00')],
      ['DIARY_BAD_TIME', 3, name('14/07/2023 21:10 BST', 'BST')],
      // A minus after a space, its time earlier than the start: an offset, or a range to 04:00 (zone-or-range test).
      [
        'DIARY_BAD_TIME',
        4,
        'Date "15/07/2023 20:05 -04:00" gives "-04:00" after its time, which could be a UTC offset or the end of a time range (to 04:00); the row is not read by a guess',
      ],
      ['DIARY_BAD_TIME', 5, offset('16/07/2023 19:30 +01:00', '+01:00')],
      ['DIARY_BAD_TIME', 6, name('17 July 2023 23:15 BST', 'BST')],
      ['DIARY_BAD_TIME', 8, offset('19/07/2023 18:00Z', 'Z')],
      ['DIARY_BAD_TIME', 9, name('2023-07-20 21:00 BST', 'BST')],
    ]);
    // The hint first says to delete the zone if the time is local time, then gives the row's own date and time in
    // the form that is read, with the offset written when it is certain (it showed "Thh:mm+01:00" for every zone,
    // "Z" too).
    const hint = (zone: string, cell: string) =>
      `If the time is local time in the case's time zone (Europe/London), delete "${zone}" from the Date cell and re-run. If it is not, write the date and time as an ISO 8601 stamp with its UTC offset in the Date cell: ${cell}; then re-run`;
    expect(run.rejected.map((r) => [r.locator, r.hint])).toEqual([
      [2, hint('+01:00', '2023-07-13T22:35+01:00')],
      [
        3,
        hint(
          'BST',
          '2023-07-14T21:10+hh:mm, with the offset from UTC the original record gives in place of +hh:mm (e.g. +01:00 or -05:00)',
        ),
      ],
      [
        4,
        'If it is a range, write the dash without a space before it or with spaces on both sides (20:05-04:00, 20:05 - 04:00); if it is a UTC offset, write the date and time as an ISO 8601 stamp in the Date cell (2023-07-15T20:05-04:00); then re-run',
      ],
      [5, hint('+01:00', '2023-07-16T19:30+01:00')],
      [
        6,
        hint(
          'BST',
          '2023-07-17T23:15+hh:mm, with the offset from UTC the original record gives in place of +hh:mm (e.g. +01:00 or -05:00)',
        ),
      ],
      [8, hint('Z', '2023-07-19T18:00Z')],
      [
        9,
        hint(
          'BST',
          '2023-07-20T21:00+hh:mm, with the offset from UTC the original record gives in place of +hh:mm (e.g. +01:00 or -05:00)',
        ),
      ],
    ]);
    expect(run.accounting).toEqual({ records: 9, events: 2, skipped: 0, rejected: 7 });
  });

  it.each([
    ['13/07/2023 22:35 +0100', '+0100'],
    ['13/07/2023 10:35pm +01', '+01'],
    ['13/07/2023 22:35 UTC', 'UTC'],
    ['13/07/2023 22:35 GMT+1', 'GMT+1'],
    ['13.07.2023 22:35 MESZ', 'MESZ'],
    ['Jul 13, 2023 at 10:35 PM EDT', 'EDT'],
    ['2023-07-13 22:35 CET', 'CET'],
  ])('%s gives the zone %s', (raw, zone) => {
    expect(readDateCell(raw)).toMatchObject({ zone });
  });

  it('names why "GMT+1" is not read', async () => {
    const text = 'Date,Time,What happened\n2023-07-13 22:35 GMT+1,,Rang\n2023-07-14 9:40+01:00,,Texted\n';
    const run = await runInput(csvDiary, inPieces(Buffer.from(text), 1 << 16, 'gmt.csv'));
    expect(run.rejected.map((r) => [r.locator, r.message])).toEqual([
      [
        2,
        'Date "2023-07-13 22:35 GMT+1" gives its time with a time zone ("GMT+1"), which is not read (an offset from GMT or UTC is written both ways round: POSIX writes GMT+1 for an hour behind UTC); the row is not read without its zone',
      ],
    ]);
    // A year-first stamp whose hour has one digit is read as the stamp it is (it was rejected as unreadable).
    expect(run.events.map((e) => e.time)).toEqual([
      { type: 'instant', ms: Date.UTC(2023, 6, 14, 8, 40), precision: 'min' },
    ]);
  });

  it.each(['13/07/2023 22:35', '13/07/2023 22:35-23:00', '13/07/2023 22:35 - 01:00', '13/07/2023 evening'])(
    '%s gives no zone',
    (raw) => {
      expect(readDateCell(raw)).not.toHaveProperty('zone');
    },
  );
});
