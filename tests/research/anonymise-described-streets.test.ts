/**
 * A lower-case street after a word of place ("on king's road") is `[ADDRESS]`, but so was a street described by
 * who lives there ("on nan's road", "outside mum's street"), which names no street, as "on my street" does not:
 * the words were lost for nothing. A relationship or place word with "'s" (streets.ts, from EVERYDAY_WORDS) is
 * now no street name; a possessive that is one ("king's road", "st john's road") still is.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a street described by who lives there ("mum\'s street")', () => {
  it('keeps described streets and redacts named ones in an SMS backup', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-described-streets', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      "saw your car parked on nan's road again. tell her i said hi",
      "You were outside mum's street at 2am. I have it on camera.",
      'i was on [ADDRESS] for work, not following anyone',
    ]);
  });

  it('tells a possessive that names a street from one that describes it', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ["he was seen on st john's road", 'he was seen on [ADDRESS]'],
      ['he was on king’s road', 'he was on [ADDRESS]'],
      ["he lives at 12 King's Road", 'he lives at [ADDRESS]'],
      ["he was on sister's lane", "he was on sister's lane"],
      ["walked along my friend's street", "walked along my friend's street"],
      ["i saw him on boss's street", "i saw him on boss's street"],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.address).toBe(3);
  });
});
