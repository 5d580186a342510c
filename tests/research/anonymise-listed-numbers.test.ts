/**
 * Phone numbers listed with commas or semicolons ("07911 123456, 07911 654321") lost only part of the second:
 * libphonenumber-js reads digits after a comma or semicolon as a dialling extension (`0161 496 0000,204`), so it
 * took "07911 123456, 07911" for one number and "654321" was left in clear. A comma "extension" that goes on
 * into more digits, or holds five or more, is the next number of a list: it is cut off, and each number of the
 * list is `[PHONE]` with the comma between them kept. A real extension after a comma stays the number's.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: phone numbers in a list', () => {
  it('redacts each number of a list and keeps the commas', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      [
        'he rang from 07911 123456, 07911 654321 and a withheld one',
        'he rang from [PHONE], [PHONE] and a withheld one',
      ],
      ['numbers: 07911 123456,07911 654321', 'numbers: [PHONE],[PHONE]'],
      ['07911 123456; 07911 654321', '[PHONE]; [PHONE]'],
      ['07911 123456 , 07911 654321', '[PHONE] , [PHONE]'],
      ['ring 020 7946 0958, 0113 496 0000 or 07911 123456', 'ring [PHONE], [PHONE] or [PHONE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.phone).toBe(11);
  });

  it('keeps an extension written after a comma with its number', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('office 0161 496 0000,204 then')).toBe('office [PHONE] then');
    expect(r.redact('dial 0161 496 0000,,204')).toBe('dial [PHONE]');
    expect(r.counts.phone).toBe(2);
  });
});
