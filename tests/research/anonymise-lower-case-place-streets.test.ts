/**
 * After a house number, a street typed with a lower-case street word that is also the name of a place or a thing
 * ("rise", "park", "view", "walk", "way", "row", "green", "hill", "court"…) was left in clear: "walked to 23 chapel
 * rise", "7 elm park". So was a capitalised name before a lower-case street word ("23 Chapel rise", "12 Elm
 * road"). They are now `[ADDRESS]`, unless the word after the number makes it a count, a measure, a price or a
 * time, or names a kind of place rather than a street ("a 10 minute walk", "a 3 hour drive", "2 car park", "a 5
 * star view", "a 10 percent rise", "at 3 school gate", "at 10 crown court"), or "court" is a court's business
 * ("2 separate court dates").
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: lower-case streets ending in a word of place after a house number', () => {
  it('redacts the addresses of a diary and keeps its counts, times and courts', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-lower-case-place-streets', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'He stood outside [ADDRESS] and then walked to [ADDRESS]',
      'Followed me the 10 minute walk from [ADDRESS] to the school gate, then sat in the car park.',
      'My friend said he asked her if I still live at flats [ADDRESS] or moved to [ADDRESS].',
      'Hearing at 10 crown court, then a 3 hour drive home. We had 1 massive row about it.',
    ]);
  });

  it.each([
    ['walked to 23 chapel rise', 'walked to [ADDRESS]'],
    ['23 Chapel rise is his mum’s', '[ADDRESS] is his mum’s'],
    ['he lives at 7 elm park now', 'he lives at [ADDRESS] now'],
    ['parked outside 12 ludgate hill', 'parked outside [ADDRESS]'],
    ['2 abbey green, Leeds', '[ADDRESS], Leeds'],
    ['5 sea view', '[ADDRESS]'],
    ['9 river walk, then home', '[ADDRESS], then home'],
    ['he moved to 12 ridge way', 'he moved to [ADDRESS]'],
    ['3 church row', '[ADDRESS]'],
    ['4 oak court', '[ADDRESS]'],
    ['4 mill ln and 6 ocean blvd', '[ADDRESS] and [ADDRESS]'],
    ['Flat 2, 11 canal wharf', '[ADDRESS]'],
    ['14 to 16 chapel rise', '[ADDRESS]'],
    // A capitalised name before a lower-case street word.
    ['12 Elm road', '[ADDRESS]'],
    // Already redacted before: a lower-case name before a street word that is nothing else.
    ['4 elm road, 12 high street and 7 station rd', '[ADDRESS], [ADDRESS] and [ADDRESS]'],
  ])('redacts %s', (text, expected) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.address).toBe(expected.split('[ADDRESS]').length - 1);
  });

  it('keeps counts, measures, prices, times and kinds of place before a street word', () => {
    const r = new Redactor([], 'GB');
    const kept = [
      'a 3 hour drive',
      'it was a 2 long way round',
      'a 5 mile walk',
      'a 10 minute walk',
      'a 10 Minute walk',
      'a 5 to 10 minute walk',
      'a 20 min walk',
      'there were only 2 car park spaces and the 2 car park',
      'he went 3 times round',
      'a 1 way street',
      '2 people walk past',
      '2 cars park outside',
      'a 5 star view',
      'a 360 degree view',
      'a 10 percent rise',
      'a £2 pay rise',
      'at 3 school gate',
      'the 1 good way',
      'we had 1 massive row',
      'it was 2 front row seats',
      'a 1 in 4 hill',
      'at 7 pm walk home',
      "at 3 o'clock walk back",
      'at 9 we walk',
      'at 10 crown court',
      'at 10 Family court',
      'at 2 magistrates court',
      'the 2 tennis court',
      'he has 2 separate court dates',
      '1 final court hearing',
      'the 2 theme park rides',
    ];
    for (const text of kept) expect(r.redact(text), text).toBe(text);
    expect(r.counts.address).toBe(0);
  });

  it('keeps parks and hills without a house number', () => {
    const r = new Redactor([], 'GB');
    for (const text of ['sat in roundhay park', 'up primrose hill', 'in Victoria Park'])
      expect(r.redact(text), text).toBe(text);
  });

  it('reads long runs of near-addresses in time proportional to them', () => {
    const r = new Redactor([], 'GB');
    for (const text of [
      `1 ${'a'.repeat(100_000)} rise`,
      '1 cars park '.repeat(10_000),
      '1 to x '.repeat(30_000),
      '1 x '.repeat(50_000),
    ])
      expect(r.redact(text)).toBe(text);
  });
});
