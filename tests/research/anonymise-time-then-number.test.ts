/**
 * A time of day written just before a phone number, as diaries log calls ("21:30 07911 123456 rang again"),
 * lost its minutes: the digit pattern took "30 07911 123456" as one number, and the copy read "21:[PHONE]", a
 * time of day no longer (times are kept as written, with the dates shifted too). Times are now set aside before
 * the number steps, so the time stays whole and the number is `[PHONE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: a time just before a phone number', () => {
  it.each([false, true])('keeps the time whole (dates shifted: %s)', (shiftedDates) => {
    const r = new Redactor([], 'GB', { shiftedDates });
    const cases: [string, string][] = [
      ['at 21:30 07911 123456 rang again', 'at 21:30 [PHONE] rang again'],
      ['9:05 0161 496 0000 withheld after', '9:05 [PHONE] withheld after'],
      ['21:30:05 07911 123456', '21:30:05 [PHONE]'],
      ['23:59 4111 1111 1111 1111', '23:59 [CARD]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ phone: 3, card: 1 });
  });

  it('leaves the time of an ISO timestamp to its date', () => {
    const r = new Redactor([], 'GB', { shiftedDates: true });
    expect(r.redact('2024-03-12T21:30 he rang, then 3 May 10:30')).toBe(
      '[DATE]T21:30 he rang, then [DATE] 10:30',
    );
    expect(r.counts).toMatchObject({ date: 2, phone: 0 });
  });

  it('takes no time out of a longer number or a network address', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('from 00:1A:2B:3C:4D:5E and 2001:db8::1:23')).toBe('from [MAC] and [IP]');
    // "1:2345678" is no time (a digit goes on after the minutes): the number is taken as before.
    expect(r.redact('ref 1:2345678')).toBe('ref 1:[PHONE]');
  });
});
