import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastLayouts, isCertain, parseEmailDate } from '../../src/sources/email/date.js';

const utc = (...a: [number, number, number, number, number, number?]) => Date.UTC(...a);

describe('parseEmailDate', () => {
  it.each([
    ['Mon, 1 Jan 2024 13:00:00 +0100', utc(2024, 0, 1, 12, 0, 0), 'numeric'],
    ['Mon, 1 Jan 2024 13:00:00 +0100 (CET)', utc(2024, 0, 1, 12, 0, 0), 'numeric'],
    ['Thu, 4 Jan 2024 00:59:59 +0100 (GMT+01:00)', utc(2024, 0, 3, 23, 59, 59), 'numeric'],
    ['1 Jan 2024 13:00:00 -0000', utc(2024, 0, 1, 13, 0, 0), 'numeric'],
    ['Sun, 27 Oct 2002 23:57:07 EST', utc(2002, 9, 28, 4, 57, 7), 'rfc'],
    ['Sun, 27 Oct 2002 23:57:07 EDT', utc(2002, 9, 28, 3, 57, 7), 'rfc'],
    ['Tue, 2 Jan 2024 09:30:00 PST', utc(2024, 0, 2, 17, 30, 0), 'rfc'],
    ['Tue, 2 Jan 2024 09:30:00 MDT', utc(2024, 0, 2, 15, 30, 0), 'rfc'],
    ['Tue, 2 Jan 2024 09:30:00 CDT', utc(2024, 0, 2, 14, 30, 0), 'rfc'],
    ['Tue, 2 Jan 2024 09:30:00 GMT', utc(2024, 0, 2, 9, 30, 0), 'rfc'],
    ['Tue, 2 Jan 2024 09:30:00 UT', utc(2024, 0, 2, 9, 30, 0), 'rfc'],
    ['Tue, 2 Jan 2024 09:30:00 Z', utc(2024, 0, 2, 9, 30, 0), 'rfc'],
    ['2 Jan 24 09:30 EST', utc(2024, 0, 2, 14, 30, 0), 'rfc'],
    ['2 Jan 99 09:30 +0000', utc(1999, 0, 2, 9, 30, 0), 'numeric'],
    ['2 Jan 104 09:30 +0000', utc(2004, 0, 2, 9, 30, 0), 'numeric'],
    ['Monday, 01-Jan-2024 10:00:00 +05:30', utc(2024, 0, 1, 4, 30, 0), 'numeric'],
    ['Mon Jan 01 12:00:00 +0000 2024', utc(2024, 0, 1, 12, 0, 0), 'numeric'],
    ['Mon, 1 Jan 2024 1:05:09 PM +0000', utc(2024, 0, 1, 13, 5, 9), 'numeric'],
    ['Mon, 1 Jan 2024 12:00:00 +0000 GMT', utc(2024, 0, 1, 12, 0, 0), 'numeric'],
    ['Mon, 1 Jan 2024 12:00:00 UTC+0100', utc(2024, 0, 1, 11, 0, 0), 'numeric'],
    ['Tue, 2 Jan 2024 09:30:00 CEST', utc(2024, 0, 2, 7, 30, 0), 'abbreviation'],
    ['Tue, 2 Jan 2024 09:30:00 (Mitteleuropäische Zeit) +0100', utc(2024, 0, 2, 8, 30, 0), 'numeric'],
    ['Tue, 9 Jan 2024 22:45:00 A', utc(2024, 0, 9, 22, 45, 0), 'military'],
    ['Thu, 29 Feb 2024 10:00:00 +0000', utc(2024, 1, 29, 10, 0, 0), 'numeric'],
    ['Tue, 29 Feb 2000 10:00:00 +0000', utc(2000, 1, 29, 10, 0, 0), 'numeric'],
    ['Fri, 31 Dec 1999 23:59:60 +0000', utc(1999, 11, 31, 23, 59, 59), 'numeric'],
  ])('reads %s', (raw, ms, zone) => {
    const d = parseEmailDate(raw)!;
    expect(d).toBeDefined();
    expect(d.ms).toBe(ms);
    expect(d.zone).toBe(zone);
  });

  it('leaves only a wall-clock time when the zone is missing or unknown', () => {
    expect(parseEmailDate('Tue Jul 24 18:55:07 2007')).toEqual({
      local: '2007-07-24T18:55:07',
      zone: 'none',
      hasSeconds: true,
      weekdayMismatch: false,
    });
    const ist = parseEmailDate('Tue, 2 Jan 2024 09:30:00 IST')!;
    expect(ist.ms).toBeUndefined();
    expect(ist.zone).toBe('unknown');
    expect(isCertain(ist)).toBe(false);
  });

  it('does not take a word that names a property of every JavaScript object for a POSIX zone', () => {
    // A lookup in a plain object found Object.prototype.constructor for "constructor" and handed a function to
    // Intl as a time zone, which threw instead of leaving the date unread.
    for (const word of ['constructor', 'toString', 'hasOwnProperty', '__proto__'])
      expect(() => parseEmailDate(`Tue, 5 Mar 2024 16:14:03 ${word}`)).not.toThrow();
    expect(parseEmailDate('Tue, 5 Mar 2024 16:14:03 constructor')).toBeUndefined();
  });

  it('reads a POSIX TZ name written as the zone (EST5EDT) by the date: winter, summer and both clock changes', () => {
    // Was unreadable, so a message saved from a Sent folder (no Received header) was rejected.
    const read = (raw: string) => {
      const d = parseEmailDate(raw)!;
      return [d.zone, d.zoneText, d.ms];
    };
    expect(read('Tue, 5 Mar 2024 16:14:03 EST5EDT')).toEqual([
      'abbreviation',
      'EST5EDT',
      utc(2024, 2, 5, 21, 14, 3),
    ]);
    expect(read('Fri, 5 Jul 2024 16:14:03 est5edt')).toEqual([
      'abbreviation',
      'EST5EDT',
      utc(2024, 6, 5, 20, 14, 3),
    ]);
    expect(read('Fri, 5 Jul 2024 16:14:03 PST8PDT')[2]).toBe(utc(2024, 6, 5, 23, 14, 3));
    expect(read('Mon, 1 Jan 2024 10:00:00 CST6CDT')[2]).toBe(utc(2024, 0, 1, 16, 0, 0));
    // 2006 summer time ran from April: 1 April 2006 was still winter time, 5 April summer time.
    expect(read('Sat, 1 Apr 2006 12:00:00 MST7MDT')[2]).toBe(utc(2006, 3, 1, 19, 0, 0));
    expect(read('Wed, 5 Apr 2006 12:00:00 MST7MDT')[2]).toBe(utc(2006, 3, 5, 18, 0, 0));
    // As for every wall-clock time: one that occurs twice is the earlier instant, one that never occurred is read
    // with the offset in force before the change.
    expect(read('Sun, 3 Nov 2024 01:30:00 EST5EDT')[2]).toBe(utc(2024, 10, 3, 5, 30, 0));
    expect(read('Sun, 10 Mar 2024 02:30:00 EST5EDT')[2]).toBe(utc(2024, 2, 10, 7, 30, 0));
    // …and says so, as the timeline flags a wall-clock time at a clock change (dst-ambiguous, dst-gap).
    expect(parseEmailDate('Sun, 3 Nov 2024 01:30:00 EST5EDT')!.dst).toBe('overlap');
    expect(parseEmailDate('Sun, 10 Mar 2024 02:30:00 EST5EDT')!.dst).toBe('gap');
    expect(parseEmailDate('Sun, 10 Mar 2024 03:30:00 EST5EDT')!.dst).toBeUndefined();
    expect(parseEmailDate('Sun, 3 Nov 2024 02:30:00 EST5EDT')!.dst).toBeUndefined();
    // A numeric offset beside it is certain and wins.
    expect(read('Sun, 3 Nov 2024 01:30:00 -0500 EST5EDT')).toEqual([
      'numeric',
      '-0500',
      utc(2024, 10, 3, 6, 30, 0),
    ]);
    expect(isCertain(parseEmailDate('Tue, 5 Mar 2024 16:14:03 EST5EDT')!)).toBe(false);
  });

  it('records missing seconds and a weekday that does not match the date', () => {
    expect(parseEmailDate('2 Jan 2024 09:30 +0000')!.hasSeconds).toBe(false);
    expect(parseEmailDate('Mon, 9 Jan 2024 08:00:00 +0000')!.weekdayMismatch).toBe(true);
    expect(parseEmailDate('Tue, 9 Jan 2024 08:00:00 +0000')!.weekdayMismatch).toBe(false);
  });

  it.each([
    '',
    'sometime on Tuesday morning',
    '31 Febtober 2024 25:61',
    '30 Feb 2024 10:00:00 +0000',
    '29 Feb 2023 10:00:00 +0000',
    '29 Feb 1900 10:00:00 +0000',
    '31 Apr 2024 10:00:00 +0000',
    '0 Jan 2024 10:00:00 +0000',
    '1 Jan 2024 24:00:00 +0000',
    '1 Jan 2024 10:60:00 +0000',
    '1 Jan 2024 +0000',
    'Jan 2024 10:00:00 +0000',
    '1 Jan 2024 10:00:00 +2500',
    '1st Jan 2024 10:00:00 +0000',
    '2024-01-01T10:00:00Z',
    '1 Jan 1850 10:00:00 +0000',
    '1 Jan 2024 13:00:00 PM +0000',
  ])('refuses %j', (raw) => {
    expect(parseEmailDate(raw)).toBeUndefined();
  });

  it('is certain only for numeric offsets and RFC zones', () => {
    expect(isCertain(parseEmailDate('1 Jan 2024 10:00:00 +0000')!)).toBe(true);
    expect(isCertain(parseEmailDate('1 Jan 2024 10:00:00 EST')!)).toBe(true);
    expect(isCertain(parseEmailDate('1 Jan 2024 10:00:00 CET')!)).toBe(false);
    expect(isCertain(parseEmailDate('1 Jan 2024 10:00:00 B')!)).toBe(false);
    expect(isCertain(parseEmailDate('1 Jan 2024 10:00:00')!)).toBe(false);
  });
});

describe('parseEmailDate over generated dates', () => {
  const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p2 = (n: number) => String(n).padStart(2, '0');

  it('reads every RFC 5322 and asctime rendering of an instant back to that instant, in any spacing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }),
        fc.integer({ min: -12 * 4, max: 14 * 4 }),
        fc.constantFrom(' ', '  ', '\t'),
        (sec, quarters, gap) => {
          const offset = quarters * 15;
          const l = new Date(sec * 1000 + offset * 60_000);
          const zone = `${offset < 0 ? '-' : '+'}${p2(Math.floor(Math.abs(offset) / 60))}${p2(Math.abs(offset) % 60)}`;
          const clock = `${p2(l.getUTCHours())}:${p2(l.getUTCMinutes())}:${p2(l.getUTCSeconds())}`;
          const [d, m, y] = [l.getUTCDate(), MONTHS[l.getUTCMonth()]!, l.getUTCFullYear()];
          const rfc = `${DAYS[l.getUTCDay()]},${gap}${d}${gap}${m}${gap}${y}${gap}${clock}${gap}${zone}`;
          const asc = `${DAYS[l.getUTCDay()]} ${m} ${String(d).padStart(2, ' ')} ${clock} ${zone} ${y}`;
          for (const raw of [rfc, asc, `${rfc} (comment)`]) {
            const parsed = parseEmailDate(raw);
            expect(parsed?.ms, raw).toBe(sec * 1000);
            expect(parsed?.weekdayMismatch, raw).toBe(false);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the character-by-character fast layouts', () => {
  // The regular expressions the fast path used to be, kept as the reference it must agree with.
  const RFC =
    /^(?:([A-Za-z]{3}), ?)?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-])(\d{2})(\d{2})(?: \([^()\\]*\))?$/;
  const ASCTIME =
    /^([A-Za-z]{3}) ([A-Za-z]{3}) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (?:([+-])(\d{2})(\d{2}) )?(\d{4})$/;
  const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  function reference(raw: string) {
    let m = RFC.exec(raw);
    if (m) {
      const weekday = m[1] === undefined ? -1 : days.indexOf(m[1].toLowerCase());
      const month = months.indexOf(m[3]!.toLowerCase());
      if (weekday === -1 && m[1] !== undefined) return undefined;
      if (month < 0 || Number(m[9]) > 14 || Number(m[10]) > 59) return undefined;
      return {
        weekday,
        month,
        day: Number(m[2]),
        year: Number(m[4]),
        hour: Number(m[5]),
        minute: Number(m[6]),
        second: m[7] === undefined ? undefined : Number(m[7]),
        zone: 'numeric',
        offset: (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])),
        zoneText: `${m[8]}${m[9]}${m[10]}`,
      };
    }
    m = ASCTIME.exec(raw);
    if (!m) return undefined;
    const weekday = days.indexOf(m[1]!.toLowerCase());
    const month = months.indexOf(m[2]!.toLowerCase());
    if (weekday < 0 || month < 0 || (m[7] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)))
      return undefined;
    return {
      weekday,
      month,
      day: Number(m[3]),
      year: Number(m[10]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: Number(m[6]),
      zone: m[7] === undefined ? 'none' : 'numeric',
      offset: m[7] === undefined ? undefined : (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])),
      zoneText: m[7] === undefined ? undefined : `${m[7]}${m[8]}${m[9]}`,
    };
  }

  it('agrees with the reference expressions on near-valid dates of both layouts', () => {
    // Each piece is usually right and sometimes subtly wrong, so both matches and near misses are common.
    const piece = (right: string[], wrong: string[]) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...right) },
        { weight: 1, arbitrary: fc.constantFrom(...wrong) },
      );
    const rfc = fc
      .tuple(
        piece(['Mon, ', 'Tue,', 'mON, ', ''], ['Xyz, ', 'Mon ', 'Mo, ', 'Mon,  ']),
        piece(['1', '01', '31', '7'], ['123', 'x', '']),
        piece([' '], ['  ', '']),
        piece(['Jan', 'feb', 'DEC'], ['Foo', 'Ja', 'Janu']),
        piece([' 2024', ' 1999'], [' 24', ' 20245', '']),
        piece([' 10:00', ' 09:30:05'], [' 9:30', ' 10:00:0', ' 10:00:60', ' 10-00']),
        piece([' +0100', ' -0530'], [' +1500', ' +0160', ' +010', ' 0100', ' GMT', '']),
        piece(['', ' (CET)', ' (GMT+01:00)', ' ()'], [' (a(b)', ' (x\\y)', ' (', ' (CET) ', '(CET)', ' x']),
      )
      .map((p) => p.join(''));
    const asc = fc
      .tuple(
        piece(['Mon', 'sat'], ['Foo', 'Mo']),
        piece([' '], ['  ']),
        piece(['Jan', 'dec'], ['Bar', 'Ja']),
        piece([' ', '  '], ['   ', '']),
        piece(['1', '01', '9'], ['123', 'x']),
        piece([' 10:00:00'], [' 10:00', ' 1:00:00', ' 10:00:00:00']),
        piece([' +0000', ' -1300', ''], [' +1460', ' +000', ' x', ' +0000 +0000']),
        piece([' 2024'], [' 24', ' 20245', '2024', ' 2024 ']),
      )
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(rfc, asc, fc.string({ maxLength: 40 })), (raw) => {
        expect(fastLayouts(raw), raw).toEqual(reference(raw));
      }),
      { numRuns: 5000 },
    );
  });
});
