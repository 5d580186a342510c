/**
 * Without a case region, a number in national form showed no end (phone-ends.ts), so the count after it was
 * taken into the one `[PHONE]`: "rang 07700 900123 5 times" became "rang [PHONE] times", and a researcher lost
 * how often he rang. A count is now kept after a complete UK or North American national number when a count word
 * ("times", "missed calls", "x") follows it, so the digits kept can only be a count; a run that might be one longer
 * number, or two numbers a space apart, stays one `[PHONE]` as before.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a count after a national number, without a case region', () => {
  it('keeps the counts of a diary whose case names no region', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-regionless-counts', {
      timezone: 'Europe/London',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      "He rang [PHONE] 5 times between 10 and 11, I didn't answer.",
      'Same number again: [PHONE] 3 missed calls before work',
      'Withheld, then [PHONE] 2 times from his work landline',
      'New number [PHONE] both his, keep both',
    ]);
  });

  it('cuts only before a count of 1 to 3 digits that a count word follows', () => {
    const r = new Redactor([], undefined);
    const cases: [string, string][] = [
      ['rang 07700 900123 5 times', 'rang [PHONE] 5 times'],
      ['rang 07700 900123 12 times today', 'rang [PHONE] 12 times today'],
      ['07700 900123 5x last night', '[PHONE] 5x last night'],
      ['020 7946 0018 3 calls', '[PHONE] 3 calls'],
      ['(555) 010-9999 4 times', '[PHONE] 4 times'],
      // No count word: the last group may be the end of a longer number, so nothing is left in clear.
      ['rang 07700 900123 5 then stopped', 'rang [PHONE] then stopped'],
      ['030 1234567 89', '[PHONE]'],
      // Not a complete number before the count: a longer number of another country is never cut short.
      ['0151 2345 6704 2 times', '[PHONE] times'],
      ['0049 30 1234567 8 times', '[PHONE] 8 times'],
      // Four digits or more is no count.
      ['07700 900123 1234 times', '[PHONE] times'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
  });
});
