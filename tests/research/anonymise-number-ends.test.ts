/**
 * A run of digits the phone library took no number from ("07700 900123 5", the library finding the run too long
 * for one number) became one `[PHONE]`, so "rang from 07700 900123 5 times" lost its count ("[PHONE] times") and
 * two numbers one space apart were counted as one. A run is now cut where a whole number ends (phone-ends.ts);
 * the groups after it stay when they hold fewer than 7 digits, and a run in which no number ends stays whole.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a phone number ends where a real number ends', () => {
  it('keeps the count after a number and parts two numbers in an SMS backup', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-number-ends', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      'You rang from [PHONE] 5 times before 8am. Stop.',
      'Blocked? I have [PHONE] [PHONE] and more',
      '[PHONE] called 12 times in 2 hours. Keeping a log.',
    ]);
  });

  it('cuts only where a number ends, and keeps a run whole where none does', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['he rang 0161 496 0000 2 times', 'he rang [PHONE] 2 times'],
      ['07700 900123 12 34 56', '[PHONE] 12 34 56'],
      ['07700900123 20 24 times', '[PHONE] 20 24 times'],
      // One number however it is grouped.
      ['07700 900 123', '[PHONE]'],
      ['(07700) 900-123 now', '[PHONE] now'],
      // A dash is no end: "07700-900123-5" could be one number written oddly.
      ['07700-900123-5', '[PHONE]'],
      // Digits spaced one by one show no end; a number of another country's length is not cut short.
      ['0 7 7 0 0 9 0 0 1 2 3 5', '[PHONE]'],
      ['0151 2345 6704', '[PHONE]'],
      // A leading count is no number's: the run starts there and stays whole.
      ['5 07700 900123', '[PHONE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.phone).toBe(cases.length);
  });

  it('without a region, cuts after a number in international form, or a national one before a count word', () => {
    const r = new Redactor([], undefined);
    expect(r.redact('rang 07700 900123 5 times')).toBe('rang [PHONE] 5 times');
    expect(r.redact('rang 07700 900123 5 then hung up')).toBe('rang [PHONE] then hung up');
    expect(r.redact('rang +44 7700 900123 5 times')).toBe('rang [PHONE] 5 times');
  });
});
