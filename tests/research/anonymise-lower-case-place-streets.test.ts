/**
 * After a house number, a street typed with a lower-case street word that is also the name of a place or a thing
 * ("rise", "park", "view", "walk", "way", "row", "green", "hill", "court"…) was left in clear: "walked to 23 chapel
 * rise", "7 elm park". So was a capitalised name before a lower-case street word ("23 Chapel rise", "12 Elm
 * road"). They are now `[ADDRESS]`, unless the word after the number makes it a count, a measure, a price or a
 * time, or names a kind of place rather than a street ("a 10 minute walk", "a 3 hour drive", "2 car park", "a 5
 * star view", "a 10 percent rise", "at 3 school gate", "at 10 crown court"), or "court" is a court's business
 * ("2 separate court dates"). Review: counts and times went too ("and 1 lovely view", "meet at 5 Sunday park
 * run", "at 10 magistrates' court"); an everyday street word in lower case now needs more to show an address, a
 * weekday or a month is no street's name, and an hour before a court of law after a word of time is a hearing's
 * time in any case ("at 10 Crown Court"). Review of that: "the house at 4 Crown Court", "he is at 4 Crown
 * Court" and "he walked from 4 Crown Court" were kept as hearing times; a hearing must now be spoken of nearby in
 * the sentence, with no home before and no town or postcode after ("my trial is at 10 Crown Court" stays).
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
      'hearing at 10 crown court',
      'the hearing is at 10 Family court',
      'my case is at 2 magistrates court',
      'the 2 tennis court',
      'he has 2 separate court dates',
      '1 final court hearing',
      'the 2 theme park rides',
    ];
    for (const text of kept) expect(r.redact(text), text).toBe(text);
    expect(r.counts.address).toBe(0);
  });

  it.each([
    ["the hearing is at 10 magistrates' court on Friday"],
    ['the hearing is at 10 magistrates’ court on Friday'],
    ['hearing at 10 district court'],
    ['his trial starts at 9 juvenile court'],
    ["the inquest hearing is at 9 coroner's court"],
    ["the inquest hearing is at 9 coroners' court"],
    ['Hearing at 10 crown court'],
    ['my trial is at 10 Crown Court'],
    ['Hearing at 10 Crown Court tomorrow'],
    ['Hearing at 10 Leeds Crown Court tomorrow'],
    ["he has to appear by 2 Magistrates' Court"],
    ['sentencing is at 10 Crown Court'],
    ['bail hearing before 11 Crown Court'],
    ['the judge sits at 10 Crown Court'],
    ['it took place at 10 Crown Court, the case was listed that morning'],
    ['case listed at 9.30 at crown court'],
    ['at 10 am Crown Court'],
    ["at 10 o'clock crown court"],
    // The minutes of a time are no house number.
    ['at 9.30 Crown Court'],
    ['at 9.30 crown court'],
    ['at 9:45 crown court'],
    ['1 crown court judge'],
  ])('keeps a hearing’s time before a court of law, in any case: %s', (text) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(text);
    expect(r.counts.address).toBe(0);
  });

  it.each([
    // A number before a court of law that is no hearing time is an address, capitalised or not: streets are
    // named Crown Court.
    [
      'Note through the door at my new place, 4 Crown Court.',
      'Note through the door at my new place, [ADDRESS].',
    ],
    [
      'Note through the door at my new place, 4 crown court.',
      'Note through the door at my new place, [ADDRESS].',
    ],
    ['he lives at 4 Crown Court', 'he lives at [ADDRESS]'],
    ['he lives at 4 crown court', 'he lives at [ADDRESS]'],
    ['Flat 2, 7 crown court', '[ADDRESS]'],
    ['at 30 Crown Court', 'at [ADDRESS]'],
  ])('redacts a court of law’s name as a street after a house number: %s', (text, expected) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(expected);
  });

  it.each([
    // Review of 16e97a1: a word of time and an hour before a court of law were read as a hearing's time
    // whatever came around them. Without a hearing spoken of in the sentence, after a home, or before a town
    // or a postcode, it is a street named Crown Court; "from", "for", "around" and "about" are no words of time.
    ['the house at 4 Crown Court', 'the house at [ADDRESS]'],
    ['he was waiting outside the house at 4 Crown Court', 'he was waiting outside the house at [ADDRESS]'],
    ['he walked from 4 Crown Court', 'he walked from [ADDRESS]'],
    ['he is at 4 Crown Court', 'he is at [ADDRESS]'],
    ['he is at 3 Crown Court, Leeds LS1 1AA', 'he is at [ADDRESS], Leeds [POSTCODE]'],
    ['at 10 crown court', 'at [ADDRESS]'],
    ["by 2 Magistrates' Court", 'by [ADDRESS]'],
    ['he went round for 4 Crown Court again', 'he went round for [ADDRESS] again'],
    ['the hearing is at 10 Crown Court, Leeds LS1 1AA', 'the hearing is at [ADDRESS], Leeds [POSTCODE]'],
    [
      'my trial is next week, but he lives at 4 Crown Court',
      'my trial is next week, but he lives at [ADDRESS]',
    ],
    ['just in case he is at 4 crown court', 'just in case he is at [ADDRESS]'],
    // A hearing in the sentence before is not this one's.
    [
      'Hearing at 10 Crown Court tomorrow. He is at 4 Crown Court now',
      'Hearing at 10 Crown Court tomorrow. He is at [ADDRESS] now',
    ],
  ])('redacts a court of law’s name as a street where nothing speaks of a hearing: %s', (text, expected) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.address).toBe(1);
  });

  it.each([
    // Counts and times before a street word that is also an everyday word.
    ['got 2 parking fines and 1 lovely view'],
    ['1 thing way worse than before'],
    ['he said meet at 5 Sunday park run'],
    ['pay me 50 quid by 5 Friday green light'],
    ['by 5 Friday Green light'],
    ['at 3 SUNDAY park'],
    ['on 3 march way'],
    ['2 nasty row'],
    ['2 hard hill'],
    ['1 mate walk'],
    ['1 cat walk'],
    ['went up 1 steep hill'],
    ['walked to 1 lovely view'],
    ['meet at 5 village green'],
    ["at 3 parents' place"],
  ])('keeps a count or a time before an everyday street word: %s', (text) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(text);
    expect(r.counts.address).toBe(0);
  });

  it.each([
    // A usual street name (a tree is one), a capitalised name, a flat, a word of place or a town or postcode after.
    ['12 oak view', '[ADDRESS]'],
    ['23 chapel rise', '[ADDRESS]'],
    ['4 elm road', '[ADDRESS]'],
    ['12 Hazelmere view', '[ADDRESS]'],
    ['Flat 1, 12 hazelmere view', '[ADDRESS]'],
    ['moved to 12 hazelmere view', 'moved to [ADDRESS]'],
    ['he lives at 12 hazelmere view', 'he lives at [ADDRESS]'],
    ['12 hazelmere view, Leeds', '[ADDRESS], Leeds'],
    ['12 hazelmere view LS1 4AB', '[ADDRESS] [POSTCODE]'],
    ['5 Friday Street', '[ADDRESS]'],
    // Being at a place: an uncommon lower-case name after "was at", "is at", "he's at".
    ['he was at 12 hazelmere view again', 'he was at [ADDRESS] again'],
    ['he’s at 12 hazelmere view', 'he’s at [ADDRESS]'],
  ])('redacts an everyday street word with more to show an address: %s', (text, expected) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(expected);
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
