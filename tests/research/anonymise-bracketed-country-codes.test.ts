/**
 * A number written with its country code in brackets, `(+44) 7700 900123`, is a documented phone spelling, but
 * the end-of-number step (phone-ends.ts) asked the library about "(+44) 7700 900123", which it calls no number at
 * all: no number ended in the run, so "rang (+44) 7700 900123 5 times" lost its count ("[PHONE] times"), where
 * "+44 7700 900123 5 times" kept it. The bracket before the `+` is now left out when the library is asked.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a number with its country code in brackets ends where the number ends', () => {
  it('keeps the count after a bracketed country code in an SMS backup', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-bracketed-country-codes', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      'You rang from [PHONE] 5 times last night.',
      'Which one? [PHONE] or [PHONE]',
      'Then [PHONE] 3 times at work. Logged it.',
    ]);
  });

  it('reads "(+44)" as "+44", with a region and without one', () => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact('rang (+44) 7700 900123 5 times'), region).toBe('rang [PHONE] 5 times');
      expect(r.redact('rang (+44)7700 900123 5 times'), region).toBe('rang [PHONE] 5 times');
      expect(r.redact('(+44) 7911 123456 (+44) 7911 654321'), region).toBe('[PHONE] [PHONE]');
      expect(r.redact('rang (+1) 555 010 9999 3 times'), region).toBe('rang [PHONE] 3 times');
      expect(r.counts.phone, region).toBe(5);
    }
    // A run no number of the country fits stays whole, as it does without the brackets.
    expect(new Redactor([], 'GB').redact('(+44) 0151 2345 6704')).toBe('[PHONE]');
  });
});
