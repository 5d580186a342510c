/**
 * A bank account number of 7 or 10 digits after "account" was `[PHONE]` (only 8 digits were read as an account),
 * and a passport number laid out other than letters then digits (French `12AB34567`, German `C01X00T47`,
 * Spanish `PAA123456`) was left in clear or cut. After the word that names them they are now `[ACCOUNT]` and
 * `[PASSPORT]`; a word after "passport" (no digits in it) and the same numbers without the word stay as before.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: other account and passport layouts', () => {
  it('labels 7- and 10-digit accounts after their word', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['he moved money out of account 1234567 again', 'he moved money out of account [ACCOUNT] again'],
      ['acct no. 12345 67890', 'acct no. [ACCOUNT]'],
      ['a/c 0012345678.', 'a/c [ACCOUNT].'],
      ['account 1234567890123', 'account [PHONE]'],
      ['ring 1234567 or 0161 496 0000', 'ring [PHONE] or [PHONE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ account: 3, phone: 3 });
  });

  it('labels passport numbers of other layouts after their word', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['he took my passport no. 12AB34567', 'he took my passport no. [PASSPORT]'],
      ['Passport: C01X00T47 (German)', 'Passport: [PASSPORT] (German)'],
      ['passport number PAA123456', 'passport number [PASSPORT]'],
      ['passport 12345678X, expired', 'passport [PASSPORT], expired'],
      ['my passport expired 2019', 'my passport expired 2019'],
      ['passport photos taken', 'passport photos taken'],
      ['passport in drawer B4 the kitchen', 'passport in drawer B4 the kitchen'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.passport).toBe(4);
  });

  it('reads a long run of letters and digits after the word once', () => {
    const text = `passport ${'a1'.repeat(50_000)} passport ${'1a'.repeat(50_000)}`;
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
  });
});
