/**
 * Bank details written account number first ("12345678 12-34-56", as a payee is noted down) gave the account
 * number `[PHONE]`, though the same digits after the sort code were `[ACCOUNT]`; and a sort code written as six
 * digits after its word ("s/c 402030") stayed as written. An account number just before its sort code is now
 * `[ACCOUNT]`, and six digits after "sort code", "s/c" or "sc" are `[SORT-CODE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: an account number before its sort code', () => {
  it('labels both in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-account-before-sort-code', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'He sent my own bank details back to me: "[ACCOUNT] [SORT-CODE], nice balance"',
      'Bank letter opened. Payee added without me: acc [ACCOUNT] s/c [SORT-CODE], name blank.',
    ]);
  });

  it('reads either order alike, and takes no six digits without the word', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['12345678 / 40-47-84', '[ACCOUNT] / [SORT-CODE]'],
      ['40-47-84 / 12345678', '[SORT-CODE] / [ACCOUNT]'],
      ['sort code 123456 acc 12345678', 'sort code [SORT-CODE] acc [ACCOUNT]'],
      // The end of a longer run of digits is no account number.
      ['07911 1234567 12-34-56', '[PHONE] [SORT-CODE]'],
      ['order 123456 arrived', 'order 123456 arrived'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ account: 3, sortcode: 4, phone: 1 });
  });
});
