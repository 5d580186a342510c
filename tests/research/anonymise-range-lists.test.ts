/**
 * Ranges written with a hyphen in every range and a space between ranges ("open 9-12 2-5 7-9", "rooms 101-105
 * 201-205"), and years joined by hyphens ("2019-2020-2021", "1990-1995"), hold 7 digits or more, and the digit step,
 * which takes any run of them as a phone number however it is spelt, made them `[PHONE]`; with the dates shifted
 * the years were so no `[YEAR]`. They now stay (`[YEAR]` with the dates shifted). Numbers keep being redacted
 * however their groups are dashed, also beside such ranges, and so does anything a number is written like: a
 * number before a range ("Bus 212 830-1030", as a New York number is written), one range (`830-1030`), a run from
 * a 0 that is not all times of day ("09-12 14-17"), or single digits only ("3-1 2-2 4-0 1-1").
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

const kase = {
  timezone: 'Europe/London',
  region: 'GB',
  victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
  subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
};

describe('anonymise: lists of ranges written with hyphens', () => {
  it('keeps the ranges of a diary and redacts its numbers', async () => {
    expect(await anonymisedFixtureTexts('fixtures/anonymise-range-lists', kase)).toEqual([
      'He texted that he knows my shifts, open 9-12 2-5 7-9 at the shop, and will wait outside',
      'He went along rooms 101-105 201-205 knocking on every door looking for me',
      'He said he has watched me every season 2019-2020-2021 and since 1990-1995 for my mum',
      "New number again [PHONE], and his friend's is [PHONE]",
    ]);
  });

  it('makes the years [YEAR] with the dates shifted', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-range-lists', kase, { shiftDates: true });
    expect(texts[2]).toBe(
      'He said he has watched me every season [YEAR]-[YEAR]-[YEAR] and since [YEAR]-[YEAR] for my mum',
    );
    expect(texts[0]).toBe(
      'He texted that he knows my shifts, open 9-12 2-5 7-9 at the shop, and will wait outside',
    );
  });

  it.each([
    'open 9-12 2-5 7-9',
    'rooms 101-105 201-205',
    'ranges 10-12 14-16 18-20',
    'flats 1-3 5-7 9-11',
    'pages 120-135 140-155',
    'shifts 6-2 2-10 10-6',
    'open 0900-1200 1400-1700',
    'open 900-1200 1400-1700',
    'seasons 2019-2020-2021',
    'seasons 2019-2020-2021-2022',
    'years 2019-2020 2021-2022',
    'from 1990-1995',
    'from 2019-2024 we lived there',
  ])('keeps %s', (text) => {
    for (const region of ['GB', 'US', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text), `${text} (${region})`).toBe(text);
      expect(r.counts.phone).toBe(0);
    }
  });

  it.each([
    ['07700-900-123', '[PHONE]'],
    ['call 07700-900-123', 'call [PHONE]'],
    ['555-123-4567', '[PHONE]'],
    ['+44-7700-900-123', '[PHONE]'],
    ['0161-496-0000', '[PHONE]'],
    ['020-7946-0000', '[PHONE]'],
    ['1-202-555-0147', '[PHONE]'],
    ['07700 900-123', '[PHONE]'],
    ['call 7700-900 123', 'call [PHONE]'],
    ['call 01-23-45-67-89', 'call [PHONE]'],
    ['call 123-45-67', 'call [PHONE]'],
    ['call 0-7-7-0-0-9-0-0-1-2-3', 'call [PHONE]'],
    // Shaped like ranges, but a number is written so.
    ['Bus 212 830-1030', 'Bus [PHONE]'],
    ['call 830-1030', 'call [PHONE]'],
    ['call 555-1234 555-5678', 'call [PHONE]'],
    ['open 09-12 14-17', 'open [PHONE]'],
    ['call 07-70 09-00 12-3', 'call [PHONE]'],
    ['call 0-7 7-0 0-9 0-0 12-3', 'call [PHONE]'],
    ['scores 3-1 2-2 4-0 1-1', 'scores [PHONE]'],
    ['from 2024-2019', 'from [PHONE]'],
    ['2019-2021-2023', '[PHONE]'],
  ])('redacts %s', (text, expected) => {
    for (const region of ['GB', 'US', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text), `${text} (${region})`).toBe(expected);
    }
  });

  // A local number is written like a range of years in Brazil and Hong Kong (2xxx-xxxx, 3xxx-xxxx), and a word
  // that gives a number out says which it is: each was left in clear, where it was [PHONE] before ranges were kept.
  it.each([
    ['liga 2019-2045', 'liga [PHONE]'],
    ['me liga no 2019-2045', 'me liga no [PHONE]'],
    ['call 2015-2030 now', 'call [PHONE] now'],
    ['office 2019-2045 ext 12', 'office [PHONE] ext 12'],
    ['his number is 2013-2014', 'his number is [PHONE]'],
    ['phone: 1998-1999', 'phone: [PHONE]'],
    ['text me on 2019-2020-2021', 'text me on [PHONE]'],
    ['his numbers 12-34 56-78', 'his numbers [PHONE]'],
    ['call 830-1030 845-1015', 'call [PHONE]'],
    ['numbers 830-1030 930-1145', 'numbers [PHONE]'],
    ['call 200-1200 215-1215', 'call [PHONE]'],
    ['ring me back on 9-12 2-5 7-9', 'ring me back on [PHONE]'],
    ['WhatsApp: 2019-2045', 'WhatsApp: [PHONE]'],
    ['llámame al 2019-2045', 'llámame al [PHONE]'],
    ['appelle-moi au 2019-2045', 'appelle-moi au [PHONE]'],
    ['ruf mich an: 2019-2045', 'ruf mich an: [PHONE]'],
    ['Handy 2019-2045', 'Handy [PHONE]'],
  ])('redacts %s: a word gives a number out', (text, expected) => {
    for (const region of ['GB', 'US', 'BR', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text), `${text} (${region})`).toBe(expected);
      expect(r.counts.phone).toBe(1);
    }
  });

  it.each([
    ['BR', '2019-2045'],
    ['BR', 'from 1990-1995'],
    ['BR', 'ele 99876-5432'],
    ['HK', '2019-2045'],
    ['SG', '2019-2045'],
    ['SG', 'from 1990-1995'],
  ])('redacts %s %s: a local number is so written there', (region, text) => {
    expect(new Redactor([], region).redact(text)).toBe(text.replace(/[\d-]+$/, '[PHONE]'));
  });

  // Only lists clearly of ranges: a number typed in pairs, or times of day that overlap, are no opening hours.
  it.each([
    'he wrote 12-34 56-78',
    'he wrote 830-1030 845-1015',
    'he wrote 830-1030 930-1145',
    'he wrote 200-1200 215-1215',
    'he wrote 123-456 789-999',
    'he wrote 101-105 2019-2020',
    'he wrote 2021-2022 2019-2020',
  ])('redacts %s: no list of ranges', (text) => {
    for (const region of ['GB', 'US', undefined])
      expect(new Redactor([], region).redact(text), `${text} (${region})`).toBe('he wrote [PHONE]');
  });

  it('keeps the ranges of a Brazilian diary and redacts the local numbers written like them', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-range-local-numbers', {
      timezone: 'America/Sao_Paulo',
      region: 'BR',
      victim: { name: 'Ana Souza', identifiers: ['Ana Souza'] },
      subject: { name: 'Caio Lima', identifiers: ['Caio Lima'] },
    });
    expect(texts).toEqual([
      'Ele mandou: me liga [PHONE] hoje, senão eu vou aí',
      'Outro recado com o fixo do escritório [PHONE] e o celular dele [PHONE]',
      'Disse que me segue desde 2019-2020-2021 e sabe meus horários 9-12 2-5 7-9',
      'Mandou de novo [PHONE], agora com foto da minha porta',
    ]);
  });

  it('keeps a number beside ranges a number, and the ranges with it', () => {
    // With a region a number ends where a whole number does (phone-ends.ts), and the ranges after it stay; without
    // one a number in national form shows no end, and the run is one [PHONE] (README).
    expect(new Redactor([], 'GB').redact('rang 07700 900123 9-12 2-5 7-9')).toBe('rang [PHONE] 9-12 2-5 7-9');
    expect(new Redactor([], undefined).redact('rang 07700 900123 9-12 2-5 7-9')).toBe('rang [PHONE]');
    expect(new Redactor([], 'GB').redact('rang 07700 900123, open 9-12 2-5 7-9')).toBe(
      'rang [PHONE], open 9-12 2-5 7-9',
    );
  });
});
