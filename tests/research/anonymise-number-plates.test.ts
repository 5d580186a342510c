/**
 * UK number plates ("AB12 CDE", "yd63kfl", the older "A123 BCD" and "JKL 456P") were left in the anonymised copy
 * as written: a plate names a car's keeper through the DVLA. They are now `[PLATE]`; roads ("the A12", "the M25"),
 * shouted words after them ("M25 FOR HOURS") and counts stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: UK number plates', () => {
  it('redacts current, prefix and suffix plates in an SMS backup', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-number-plates', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      "Saw you at Tesco. Nice to see you're still driving [PLATE]",
      'Stop following me. I have your reg, [PLATE], and I will give it to the police',
      "My brother's van is [PLATE] if you want to tell them that too",
      'OR THE OLD ONE, [PLATE]. STUCK ON THE M25 FOR HOURS NOW',
      'Took the A12 to yours, 3 times this week',
    ]);
  });

  it('takes no postcode, road, age-less code or word for a plate', () => {
    const r = new Redactor([], 'GB');
    for (const kept of ['ON THE A12 NOW', 'at12 now', 'I took the B1234 home', 'AB00 CDE', 'vitamin B12'])
      expect(r.redact(kept)).toBe(kept);
    expect(r.redact('SW1A 1AA')).toBe('[POSTCODE]');
    expect(r.redact('AB12CDE, ab12 cde.')).toBe('[PLATE], [PLATE].');
    expect(r.counts).toMatchObject({ plate: 2, postcode: 1 });
  });
});
