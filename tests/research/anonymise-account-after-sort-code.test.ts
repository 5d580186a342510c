/**
 * Bank details written as a sort code then the account number ("12-34-56 12345678", as banking apps show them
 * and victims copy them) kept the sort code's label but gave the account number `[PHONE]` when no "account"
 * word came just before the number itself. Right after a sort code, 7, 8 or 10 digits are now `[ACCOUNT]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: an account number just after its sort code', () => {
  it('labels it [ACCOUNT]', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['acct: 12-34-56 12345678', 'acct: [SORT-CODE] [ACCOUNT]'],
      ['he sent it to 40-47-84 / 1234 5678 not mine', 'he sent it to [SORT-CODE] / [ACCOUNT] not mine'],
      ['sort code 20 00 00, 1234567', 'sort code [SORT-CODE], [ACCOUNT]'],
      // Anything else after a sort code keeps its own label.
      ['sort code 20 00 00 and call 07911 123456', 'sort code [SORT-CODE] and call [PHONE]'],
      ['12-34-56 07911 123456', '[SORT-CODE] [PHONE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ sortcode: 5, account: 3, phone: 2 });
  });
});
