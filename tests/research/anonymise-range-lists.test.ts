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
