/**
 * A passport number, a UK bank account number and an HMRC Unique Taxpayer Reference were all written `[PHONE]`
 * (each is a run of 7 or more digits), so a researcher counting the phone numbers shared in a case counted a
 * passport and a bank account among them. After the word that names them they are now `[PASSPORT]`,
 * `[ACCOUNT]` and `[UTR]`, the word kept; the same digits without it stay `[PHONE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: passport, bank account and UTR numbers', () => {
  it('labels them in a diary by the word before them', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-references', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Found he had photographed my passport, number [PASSPORT], and left the photo on the kitchen table.',
      'He texted: "nice savings in a/c no. [ACCOUNT], shame if they froze it"',
      'HMRC letter opened and resealed. My UTR: [UTR] was on a sticky note in his writing.',
      'Message from a new number read out [PHONE] and [PHONE], nothing else.',
    ]);
  });

  it('reads the forms people write, and keeps [PHONE] without the word or with the wrong length', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['Passport: 12 3456 789', 'Passport: [PASSPORT]'],
      ['passport no. AB1234567', 'passport no. [PASSPORT]'],
      ['account number is 1234 5678', 'account number is [ACCOUNT]'],
      ['sort code 12-34-56 acc 12345678', 'sort code [SORT-CODE] acc [ACCOUNT]'],
      ['unique taxpayer reference 1234567890K', 'unique taxpayer reference [UTR]'],
      // Written 3-3-4 and passing the NHS check, but named a UTR.
      ['UTR 943 476 5919', 'UTR [UTR]'],
      ['call 123456789 or 12345678', 'call [PHONE] or [PHONE]'],
      ['passport is at home, ring 07911123456', 'passport is at home, ring [PHONE]'],
      ['account 123456789', 'account [PHONE]'],
      ['passport 1234567890', 'passport [PHONE]'],
      ['my account was hacked from 12345678', 'my account was hacked from [PHONE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ passport: 2, account: 2, utr: 2, sortcode: 1, nhs: 0, phone: 6 });
  });

  it('reads a long run of separators after the word once', () => {
    const text = `passport${' '.repeat(100_000)}1 account${':'.repeat(100_000)}2 UTR${'-'.repeat(100_000)}3`;
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
  });
});
