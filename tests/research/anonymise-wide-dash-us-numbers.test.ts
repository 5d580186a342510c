/**
 * North American numbers written with a wide dash between their groups stayed in clear: `(202) 555–0147`,
 * `202—555—0147`, with a figure dash `‒` or a minus `−`, as word processors and phones' "smart punctuation" write
 * them. The joined-number step wanted a trunk 0 or a `+` (UK and international numbers), and the digit runs and
 * the phone library know only the hyphen-minus. An area code and an exchange starting 2 to 9 then four digits, `1`
 * before them or not, with one wide dash at least, are now `[PHONE]`; a count after it stays, and so do ranges of
 * three or four digits (`200–1000`, `202–210`), which are no such number.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: North American numbers joined by wide dashes', () => {
  it('redacts them in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-wide-dash-us-numbers', {
      timezone: 'America/New_York',
      // Not 'US': the phone library reads such numbers in a US case already, so the rule would go untested.
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      'New number, call me on [PHONE] or I come round',
      'He sent his work line [PHONE] and said ring it 3 times',
      'Voicemail from [PHONE], then a text from [PHONE]',
      'Text from [PHONE]: pick up',
      'Between 200–1000 people at the match, section 202–210, pages 312–355',
      'His new card says Tel:[PHONE], Mobile:[PHONE], or text me,[PHONE]',
      "He rang from [PHONE], then from [PHONE]; his mother's line is [PHONE]",
      'Took bus 212 830–1030 then walked; between 250 300–1000 people at the vigil, invoice (450) 600–2024 unpaid, he ran 400 800–1500 metres behind me',
    ]);
  });

  // A number, a space, then a range: the rule took them for one number. The old code kept them.
  it.each([
    'Bus 212 830–1030 then walk',
    'between 250 300–1000 people',
    'between 250 300–1050 people',
    'Invoice (450) 600–2024',
    'chapter 1 212–213–2024 draft',
    'she ran 400 800–1500 metres',
  ])('keeps %s (a space before the exchange)', (text) => {
    for (const region of ['GB', undefined]) expect(new Redactor([], region).redact(text)).toBe(text);
  });

  it.each([
    '(202) 555–0147',
    '202 555–0147',
    '(202)555–0147',
    '1 (202) 555–0147',
    '1 202–555–0147',
    '(202) 555–7891',
    '(202) 555 – 0147',
  ])('still redacts %s', (text) => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(`call ${text} now`)).toBe('call [PHONE] now');
      expect(r.counts.phone).toBe(1);
    }
  });

  // Each was half redacted: the digit runs took the part before or after the wide dash ("[PHONE]–0147", "202–[PHONE]").
  it.each([
    'call 1(202)555–0147',
    'call 1(202) 555–0147',
    'call 1.202.555–0147',
    'call 1 202.555–0147',
    'call 202.555–0147',
    'call 202–555 0147',
    'call 202–555.0147',
    'call 202⁃555⁃0147',
    'call 202⸺555⸺0147',
  ])('%s whole', (text) => {
    for (const region of ['GB', 'US', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text)).toBe('call [PHONE]');
      expect(r.counts.phone).toBe(1);
    }
  });

  // A label's colon, full stop or comma just before it, no space: the rule wanted no punctuation there at all.
  it.each([
    ['Tel:202–555–0147', 'Tel:[PHONE]'],
    ['call me,202–555–0147', 'call me,[PHONE]'],
    ['tel.202–555–0147', 'tel.[PHONE]'],
    ['Mobile:(202) 555–0147', 'Mobile:[PHONE]'],
    ['Tel:202-555-0147', 'Tel:[PHONE]'],
  ])('%s after a label', (text, expected) => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text)).toBe(expected);
      expect(r.counts.phone).toBe(1);
    }
  });

  it.each([
    ['call me on (202) 555–0147', 'GB'],
    ['call me on 202—555—0147', 'GB'],
    ['call me on 202‒555‒0147', 'GB'],
    ['call me on 202−555−0147', undefined],
    ['call me on 202－555－0147', 'GB'],
    ['call me on 202 – 555 – 0147', 'GB'],
    ['call me on (202)–555–0147', 'GB'],
    ['call me on 1–202–555–0147', 'GB'],
    ['call me on 1 (202) 555–0147', 'GB'],
    ['call me on +1 202–555–0147', 'GB'],
    ['call me on 202-555–0147', 'GB'],
  ])('%s (region %s)', (text, region) => {
    const r = new Redactor([], region);
    expect(r.redact(text)).toBe('call me on [PHONE]');
    expect(r.counts.phone).toBe(1);
  });

  it('keeps a count after it and tells two numbers apart', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('rang from 202—555—0147 5 times, then 312–555–0164.')).toBe(
      'rang from [PHONE] 5 times, then [PHONE].',
    );
    expect(r.counts.phone).toBe(2);
  });

  it.each([
    'between 200–1000 people',
    'pages 202–555 of the bundle',
    'the 2019–2020–2021 seasons',
    'scores of 100–200–3000',
    'flights 1–2–3',
  ])('keeps %s', (text) => {
    expect(new Redactor([], 'US', { shiftedDates: false }).redact(text)).toBe(text);
  });

  // Not this rule's, but the digit step's, which now reads a wide dash between digits as a hyphen: these were left
  // in clear while the same with hyphens was [PHONE] (a local number after "call", digits no range ends in).
  it.each([
    ['call 555–0147 at work', 'call [PHONE] at work'],
    ['rooms 202–555–01 and 4', 'rooms [PHONE] and 4'],
    ['totals 1,202–555–0147', 'totals 1,[PHONE]'],
  ])('redacts %s as with hyphens', (text, expected) => {
    expect(new Redactor([], 'US', { shiftedDates: false }).redact(text)).toBe(expected);
    expect(new Redactor([], 'US', { shiftedDates: false }).redact(text.replace(/–/g, '-'))).toBe(expected);
  });
});
