/**
 * A parcel tracking number, an order number or a booking reference finds the victim's address as surely as a
 * phone number finds them. The digit steps took only the run of digits inside one, leaving its letters in clear:
 * "JD0123456789GB" became "JD[PHONE]GB", "ABC123456789" "ABC[PHONE]", and Evri's "H00AB12345678901"
 * "[POSTCODE][PHONE]". They are now `[ORDER-REF]`, whole (parcels.ts; police references keep `[REFERENCE]`), while counts, times and dates stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: tracking, order and booking numbers are redacted whole', () => {
  it('redacts the numbers of delivery texts in an SMS backup, keeping counts and times', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-parcel-numbers', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      'Got your address now. Your parcel [ORDER-REF] came to mine by mistake x',
      'That parcel was ordered in my name. DPD tracking no. [ORDER-REF], Evri tracking [ORDER-REF]',
      'Check your emails, order [ORDER-REF] and booking ref [ORDER-REF] are yours now',
      'Royal Mail tracking [ORDER-REF]. Rang them 3 times at 10:30 on 4 June.',
      'Order no. 5 of 12, 2 parcels left. Ring [PHONE] for delivery.',
    ]);
  });

  it('takes letters glued to 7 digits or more, in capitals, and a Royal Mail number in any case', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['parcel JD0123456789GB arrived', 'parcel [ORDER-REF] arrived'],
      ['Royal Mail AB123456789GB', 'Royal Mail [ORDER-REF]'],
      ['it said jd0123456789gb', 'it said [ORDER-REF]'],
      ['UPS 1Z999AA10123456784', 'UPS [ORDER-REF]'],
      ['order ABC123456789 confirmed', 'order [ORDER-REF] confirmed'],
      ['order no 112-1234567-1234567', 'order no [ORDER-REF]'],
      ['order #12345678 came', 'order #[ORDER-REF] came'],
      ['tracking: 1550 1234 5678 90', 'tracking: [ORDER-REF]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.order).toBe(cases.length);
    // Police references are counted apart: parcels and orders are not among them.
    expect(r.counts.reference).toBe(0);
    expect(r.counts.phone).toBe(0);
  });

  it('leaves counts, years and words alone, and a phone number after a word is still a phone number', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['order no. 5', 'order no. 5'],
      ['parcel 2024 was late', 'parcel 2024 was late'],
      ['parcel tracking 5 times', 'parcel tracking 5 times'],
      ['CALL ME ON 07700 900123 OR ELSE', 'CALL ME ON [PHONE] OR ELSE'],
      ['RANG 12 TIMES AT 10:30', 'RANG 12 TIMES AT 10:30'],
      ['delivery no 07700 900123', 'delivery no [PHONE]'],
      ['tracking 07700 900123', 'tracking [PHONE]'],
      // A lower-case word glued to a number is a typo: the word stays, the number is a phone number.
      ['text me07700900123', 'text me[PHONE]'],
      ['his van AB12 CDE', 'his van [PLATE]'],
      ['QQ123456C', '[ID]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.order).toBe(0);
  });
});
