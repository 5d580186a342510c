/**
 * A hostile text made the phone-number search slow: 200,000 characters of digits between zero-width spaces took
 * about 3 s, because the redactor also reads the text with a boundary where each invisible character was
 * (folded.ts), and libphonenumber-js then parsed every digit as a candidate, building and throwing an error for
 * each. The library now reads only windows that can hold a number, at most BUDGET characters of them per copy
 * of the text (phone-windows.ts). These tests check the structure that keeps it linear (what the library is
 * handed, counted with a spy, stays bounded however long the text), the exact output, and that the numbers in
 * a hostile text are still redacted, including one only the library's punctuation joins (`07911 – 123456`).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { BUDGET, phoneWindows } from '../../src/timeline/anonymise/phone-windows.js';
import { phoneNumbers } from '../../src/timeline/phone-numbers.js';

/** `unit` repeated to `length` characters. */
function run(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** A number libphonenumber-js finds and the digit patterns do not (an en dash between its groups). */
const DASHED = '07911 \u2013 123456';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('anonymise: the phone-number search reads a bounded part of a hostile text', () => {
  it.each([
    [
      'digits between zero-width spaces',
      `${run('1\u200B', 200_000)} or ring ${DASHED}`,
      `[PHONE]\u200B or ring [PHONE]`,
    ],
    [
      'numbers glued by zero-width spaces',
      `ring ${DASHED} ${run('07911123456\u200B', 150_000)}`,
      'ring [PHONE]',
    ],
    ['digits and spaces', `${run('12 ', 200_000)}\n${DASHED}`, '[PHONE]\n[PHONE]'],
    ['digits and dashes', `${run('1-', 200_000)} then ${DASHED}`, '[PHONE]- then [PHONE]'],
    ['one long run of digits', `${run('0123456789', 200_000)}, ${DASHED}`, '[PHONE], [PHONE]'],
    ['groups split by zero-width spaces', `${run('12\u200B34 ', 150_000)}x ${DASHED}`, '[PHONE] x [PHONE]'],
    [
      'short groups on many lines',
      `${DASHED}\n${run('12 34\n', 120_000)}${DASHED}`,
      '[PHONE]\n[PHONE]\n[PHONE]',
    ],
    ['digits, letters and invisible marks', run('07911\u200B123456 a\u2060', 195_000), undefined],
    ['numbers between slashes', run('07911 123456 / ', 195_000), undefined],
  ])('%s', (_what, text, expected) => {
    const spy = vi.spyOn(phoneNumbers(), 'findPhoneNumbersInText');
    const out = new Redactor([], 'GB').redact(text);
    if (expected !== undefined) expect(out).toBe(expected);
    // No digit is left: every number, the one the library alone joins included, is redacted.
    expect(out).not.toMatch(/\d/);
    // At most one search per copy of the text, each handed at most BUDGET characters of windows (so at most that
    // many digits), whatever the text's length: the library's work does not grow with the text.
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    for (const [handed] of spy.mock.calls)
      expect(handed.match(/\d/g)?.length ?? 0).toBeLessThanOrEqual(BUDGET);
  });

  it('gives each number of a long hostile text its own placeholder', () => {
    const text = '07911\u200B123456 a\u2060'.repeat(13_000);
    expect(new Redactor([], 'GB').redact(text)).toBe('[PHONE] a\u2060'.repeat(13_000));
  });

  it('past the budget, splits numbers where the library does, each its own placeholder', () => {
    // A long pasted call log: its windows use up the budget, and the numbers after it are read without the
    // library. They were one [PHONE] per line ("[PHONE]" for "07911 123456 / 07911 654321"), two within the budget.
    const line = '07911 123456 / 07911 654321 - 0161 496 0000 \u2013 020 7946 0958. 0113 496 0000 then 4/5\n';
    const within = new Redactor([], 'GB').redact(line);
    expect(within).toBe('[PHONE] / [PHONE] - [PHONE] \u2013 [PHONE]. [PHONE] then 4/5\n');
    const r = new Redactor([], 'GB');
    expect(r.redact(line.repeat(400))).toBe(within.repeat(400));
    expect(r.counts.phone).toBe(5 * 400);
  });

  it('hands the library nothing for digits it cannot read as a number', () => {
    const spy = vi.spyOn(phoneNumbers(), 'findPhoneNumbersInText');
    // As written: one run of digits (the digit patterns take it); with boundaries: digits one by one.
    expect(new Redactor([], 'GB').redact(run('12\u200B', 150_000))).toBe('[PHONE]');
    for (const [handed] of spy.mock.calls) expect(handed).not.toMatch(/\d\D\d/);
  });
});

describe('anonymise: the windows the phone-number search reads', () => {
  /** What libphonenumber-js finds in `text` as a whole, and in its windows. */
  const find = (text: string) =>
    phoneNumbers()
      .findPhoneNumbersInText(text, { defaultCountry: 'GB' })
      .map((f) => [f.startsAt, f.endsAt]);

  it.each([
    ['New number 07911 123456, save it', ['07911 123456']],
    ['ring 0161 496 0000 ext. 204 before 5', ['0161 496 0000 ext. 204']],
    ['office +44 (0)20 7946 0958 x12 or mobile 07911123456', ['+44 (0)20 7946 0958 x12', '07911123456']],
    ['he rang 3 times from 020 7946 0958 at 21:30 on 12/03/2024', ['020 7946 0958']],
    // A letter beside the digits makes the library refuse them (the digit patterns take them later).
    ['abc07911123456 and 07911123456def', []],
    ['call +1 (202) 555-0143; ext=7', ['+1 (202) 555-0143']],
    ['numbers: 07911 123456 / 07911 123457 / 07911 123458', ['07911 123456', '07911 123457', '07911 123458']],
    ['2024-03-12 21:30 logged 07911 123456', ['07911 123456']],
    ['Zahl +49 30 901820, numéro +33 1 23 45 67 89', ['+49 30 901820', '+33 1 23 45 67 89']],
    ['his new one is ０７９１１ １２３４５６', ['０７９１１ １２３４５６']],
    ['PIN 1234 and 12 34 then 07911 – 123456', ['07911 – 123456']],
  ])('finds what the library finds in the whole text: %s', (text, numbers) => {
    const { searched, unread } = phoneWindows(text);
    expect(searched).toHaveLength(text.length);
    expect(unread).toEqual([]);
    expect(find(text).map(([s, e]) => text.slice(s, e))).toEqual(numbers);
    expect(find(searched!)).toEqual(find(text));
  });

  it('masks windows with fewer than 4 digits, and leaves nothing to search in a text of them', () => {
    expect(phoneWindows('1 of 2 at 9:30 on the 3rd')).toEqual({ searched: undefined, unread: [] });
    const { searched } = phoneWindows('PIN 123, call 0161 496 0000');
    // The window is " 123, ": its spaces and comma could be a number's.
    expect(searched).toBe(`PIN${'\uE002'.repeat(6)}call 0161 496 0000`);
  });

  it('past the budget, takes runs of 7 or more digits without the library', () => {
    const text = `07911 123456\n0161 496 0000\n12 34\n${DASHED}`;
    const { searched, unread } = phoneWindows(text, 13);
    expect(searched).toBe(
      `07911 123456\n${'\uE002'.repeat(13)}\n\uE002\uE002\uE002\uE002\uE002\n${'\uE002'.repeat(14)}`,
    );
    expect(unread.map(([s, e]) => text.slice(s, e))).toEqual(['0161 496 0000', DASHED]);
  });
});
