/**
 * A dash and a time after a clock time is a range unless only an offset can explain it, the same whatever the
 * date's form and in the Time cell as in the Date cell; a zone or an unknown word after a time is named when the
 * row is rejected. Fixture: fixtures/csv-diary-zone-or-range/diary.csv (its README says what each line holds).
 */
import { describe, expect, it } from 'vitest';
import { csvDiary } from '../../src/sources/csv-diary/index.js';
import { readTimeCell } from '../../src/sources/csv-diary/times.js';
import { clockBefore, zoneAfterTime, zoneNotRead } from '../../src/sources/csv-diary/zones.js';
import { runSource } from '../helpers/run-source.js';

const FILE = 'fixtures/csv-diary-zone-or-range/diary.csv';
const RANGE = ['time-approximate', 'time-range'];

describe('a dash or a zone after a diary time', () => {
  it('reads ranges, reads stamps, and rejects the rest naming what was not read', async () => {
    const run = await runSource(csvDiary, FILE);
    expect(
      run.events.map((e) => [
        e.locator,
        e.time.type === 'local' ? e.time.local : new Date(e.time.ms).toISOString(),
        e.flags,
      ]),
    ).toEqual([
      // Line 2 was rejected as a possible UTC offset of -11:00; line 3, the same in the Time cell, was a range.
      [2, '2023-07-13T09:00', RANGE],
      [3, '2023-07-14T09:00', RANGE],
      [4, '2023-07-15T21:30', RANGE],
      [6, '2023-07-17T22:35', RANGE],
      [7, '2023-07-18T22:35', RANGE],
      [8, '2023-07-19T22:35', RANGE],
      [9, '2023-07-20T22:35', RANGE],
      [13, '2023-07-24T23:35:00.000Z', undefined],
      [14, '2023-07-25T23:35:00.000Z', undefined],
      // "9pm EST" in a diary kept in London: "estimated" (it was rejected as the zone EST).
      [18, '2023-07-29T21:00', ['time-approximate']],
      // Lines 20, 22 and 23 were rejected as the time zone "-23:00", which no zone is.
      [20, '2023-07-31T21:00', RANGE],
      [22, '2023-08-02T21:00', RANGE],
      [23, '2023-08-03T21:00', RANGE],
    ]);
    const why = Object.fromEntries(run.rejected.map((r) => [r.locator, [r.code, r.message, r.hint]]));
    expect(Object.keys(why).map(Number)).toEqual([5, 10, 11, 12, 15, 16, 17, 19, 21]);
    expect(new Set(run.rejected.map((r) => r.code))).toEqual(new Set(['DIARY_BAD_TIME']));
    expect(why[5]![1]).toBe(
      'Date "16/07/2023 22:35 -01:00" gives "-01:00" after its time, which could be a UTC offset or the end of a time range (to 01:00); the row is not read by a guess',
    );
    expect(why[5]![2]).toBe(
      'If it is a range, write the dash without a space before it or with spaces on both sides (22:35-01:00, 22:35 - 01:00); if it is a UTC offset, write the date and time as an ISO 8601 stamp in the Date cell (2023-07-16T22:35-01:00); then re-run',
    );
    // Lines 10 and 11 were ranges from 22:35, while the same after a year-first date (line 13) was an offset.
    const offsetNotRead = '("-01:00"), which is read only in an ISO 8601 stamp';
    expect(why[10]![1]).toContain(
      `Date "21/07/2023 22:35:00-01:00" gives its time with a time zone ${offsetNotRead}`,
    );
    expect(why[11]![1]).toContain(
      `Date "22 Jul 2023 22:35:00-01:00" gives its time with a time zone ${offsetNotRead}`,
    );
    // Lines 12 and 21, typed by hand in the Time cell, could be ranges: line 12 was rejected as a zone, line 21
    // as well (it had been read as a range before that).
    expect(why[12]![1]).toBe(
      'Time "22:35:00-01:00" gives "-01:00" after its time, which could be a UTC offset or the end of a time range (to 01:00); the row is not read by a guess',
    );
    expect(why[21]![1]).toBe(
      'Time "10:00:00-11:00" gives "-11:00" after its time, which could be a UTC offset or the end of a time range (to 11:00); the row is not read by a guess',
    );
    expect(why[21]![2]).toContain(
      'If it is a range, write the dash without a space before it or with spaces on both sides (10:00-11:00, 10:00 - 11:00)',
    );
    // Lines 15 to 18 said only "cannot be read as a time" (line 17's Date cell as well), naming neither zone nor word.
    expect(why[15]![1]).toBe(
      'Time "21:00 XYZ" has "XYZ" after its time, which is neither a time zone chronolog knows nor a word it reads for a time; the row is not read without knowing what it means',
    );
    // The hint led with "ISO 8601 stamp" and showed "Thh:mm+01:00" whatever the time and zone.
    expect(why[15]![2]).toBe(
      'If "XYZ" is a note, move it to the description. If it is a time zone and the time is local time in the case\'s time zone (Europe/London), delete it; if it is another zone, write the date and time as an ISO 8601 stamp with its UTC offset in the Date cell and leave the Time cell blank: 2023-07-26T21:00+hh:mm, with the offset from UTC the original record gives in place of +hh:mm (e.g. +01:00 or -05:00). Then re-run',
    );
    expect(why[16]![2]).toBe(
      'If the time is local time in the case\'s time zone (Europe/London), delete "BST" from the Time cell and re-run. If it is not, write the date and time as an ISO 8601 stamp with its UTC offset in the Date cell and leave the Time cell blank: 2023-07-27T21:00+hh:mm, with the offset from UTC the original record gives in place of +hh:mm (e.g. +01:00 or -05:00); then re-run',
    );
    expect(why[16]![1]).toBe(
      'Time "21:00 BST" gives its time with a time zone name ("BST"), which is not read (several zones share some names); the row is not read without its zone',
    );
    expect(why[17]![1]).toContain('Date "28/07/2023 21:00 XYZ" has "XYZ" after its time');
    // Line 19 was a range from 22:35 in the Time cell, while the Date cell's "10:35pm -01:00" was rejected.
    expect(why[19]![1]).toContain(
      'Time "10:35pm -01:00" gives "-01:00" after its time, which could be a UTC offset',
    );
    expect(run.accounting).toEqual({ records: 22, events: 13, skipped: 0, rejected: 9 });
  });

  it('reads "EST" as the zone in a case kept in the Americas, where it is one', async () => {
    const run = await runSource(csvDiary, FILE, { timezone: 'America/New_York' });
    expect(run.events.map((e) => e.locator)).not.toContain(18);
    expect(run.rejected.find((r) => r.locator === 18)?.message).toContain(
      'Time "9pm EST" gives its time with a time zone name ("EST")',
    );
  });

  it.each([
    // The end later the same day: a range, whatever the half of the day the start is in.
    ['9:00 -11:00', undefined],
    ['08:00 -12:00', undefined],
    ['9:30pm -11:00', undefined],
    ['9pm -11:30', undefined],
    // No space before the dash, or spaces on both sides: a range, across midnight too.
    ['22:35-01:00', undefined],
    ['22:35 - 01:00', undefined],
    // The end earlier, or the same: either.
    ['22:35 -01:00', { zone: '-01:00', orRange: { from: '22:35', to: '01:00' } }],
    ['10:35 pm -0400', { zone: '-0400', orRange: { from: '10:35 pm', to: '04:00' } }],
    ['9:00 -09:00', { zone: '-09:00', orRange: { from: '9:00', to: '09:00' } }],
    // After seconds: an offset, as a stamp writes it, if one that exists (none is 23 hours behind UTC).
    ['22:35:00-01:00', { zone: '-01:00' }],
    ['22:35:00 -01', { zone: '-01' }],
    ['21:00:00-23:00', undefined],
    ['10:00:00-14:30', undefined],
    // After words that say the time is approximate, or "at": the zone all the same (was no zone, "cannot be read").
    ['approx 9pm est', { zone: 'EST' }],
    ['at 21:00 bst', { zone: 'BST' }],
    ['@ 21:00 +01:00', { zone: '+01:00' }],
    ['about 9:00 -11:00', undefined],
    // No offset is 25 hours from UTC: left to the range reader, which refuses hour 25 (it was taken for a zone).
    ['9:00 -25:00', undefined],
    ['22:35 -15:00', undefined],
  ])('%s', (t, zone) => {
    expect(zoneAfterTime(t)).toEqual(zone);
  });

  it.each([
    ['22:35:00-01:00', { zone: '-01:00', orRange: { from: '22:35', to: '01:00' } }],
    ['10:00:00-11', { zone: '-11', orRange: { from: '10:00', to: '11:00' } }],
    ['21:00:00-23:00', undefined],
  ])('%s in the Time cell, typed by hand, could be a range', (t, zone) => {
    expect(zoneAfterTime(t, 'Time')).toEqual(zone);
  });

  it('refuses "9:00 -25:00" for its hour 25, not as a zone', () => {
    expect(readTimeCell('9:00 -25:00')).toEqual({
      kind: 'bad',
      why: 'is not a valid time range (there is no hour 25)',
    });
  });

  it.each(['9pm est', '9pm est.', '9pm EST', 'approx 9pm est', '21:00 est'])(
    'reads "%s" as an approximate time ("estimated")',
    (raw) => {
      expect(readTimeCell(raw)).toMatchObject({ kind: 'clock', h: 21, m: 0, approx: true, range: false });
    },
  );

  it.each([
    ['21:00 GMT', '2024-06-14T21:00Z'],
    ['9pm utc', '2024-06-14T21:00Z'],
    ['21:00:30 +0100', '2024-06-14T21:00:30+01:00'],
    ['9:15pm +5', '2024-06-14T21:15+05:00'],
  ])(
    'gives the stamp of "%s" with its own time and offset (it showed +01:00 for every zone)',
    (raw, stamp) => {
      const t = raw.toLowerCase();
      const { hint } = zoneNotRead(
        'Time',
        raw,
        zoneAfterTime(t, 'Time')!,
        '2024-06-14',
        clockBefore(t),
        'Europe/London',
      );
      expect(hint).toContain(`in the Date cell and leave the Time cell blank: ${stamp};`);
    },
  );

  it('reads "9:00 -11:00" as the range it is', () => {
    expect(readTimeCell('9:00 -11:00')).toEqual({
      kind: 'clock',
      h: 9,
      m: 0,
      s: 0,
      approx: true,
      range: true,
      open: true,
    });
  });
});
