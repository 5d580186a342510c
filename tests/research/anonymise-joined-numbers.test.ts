/**
 * A phone number whose groups are joined by something the phone library breaks a candidate at, or does not know
 * as a number's punctuation, was left whole or in part: a wide dash (`07700–900123`, as autocorrect turns "-"
 * into), a dash with spaces on both sides (`07700 - 900123`), a slash (`07700/900123`; a German area code,
 * `0151/23456789`, lost only the part after it: `0151/[PHONE]`), a backslash, an underscore, commas, a colon or
 * middle dots. Such a number, from a trunk 0 or a `+`, is now one `[PHONE]`, with and without a case region; a
 * count after it stays, and times, ranges of hours, amounts, lists and scores are left as they were.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: phone numbers joined by other punctuation', () => {
  it('redacts them in a diary, keeping the count and the times', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-joined-numbers', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      'New number again, [PHONE]. Rang it 5 times, no answer.',
      'He left [PHONE] on the voicemail, said ring back before 21:07',
      "His cousin's German mobile [PHONE] texted me too",
      'Note on the car: [PHONE], open 0900 - 1700 he wrote',
    ]);
  });

  it.each([
    ['call 07700 - 900123', 'call [PHONE]'],
    ['call +44 7700 - 900 123 now', 'call [PHONE] now'],
    ['call 07700–900123', 'call [PHONE]'],
    ['call 07700—900123', 'call [PHONE]'],
    ['call 07700 \u2212 900123', 'call [PHONE]'],
    ['call 07700/900123', 'call [PHONE]'],
    ['call me 07700\\900123', 'call me [PHONE]'],
    ['call 07700_900123', 'call [PHONE]'],
    ['call 07700,900,123', 'call [PHONE]'],
    ['call 07700:900123', 'call [PHONE]'],
    ['call 07700·900·123', 'call [PHONE]'],
    ['call 0 7 7 0 0 - 9 0 0 1 2 3', 'call [PHONE]'],
    ['meine Nummer 0151/23456789', 'meine Nummer [PHONE]'],
    ['ruf an: 030/1234567', 'ruf an: [PHONE]'],
    ['Handy 0171 / 1234567', 'Handy [PHONE]'],
    ['rang 07700/900123 5 times', 'rang [PHONE] 5 times'],
    ['call 07700_900123 or 07700 – 900 456', 'call [PHONE] or [PHONE]'],
  ])('%s', (text, expected) => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text), `${text} (${region})`).toBe(expected);
      expect(r.counts.phone, `${text} (${region})`).toBe(expected.split('[PHONE]').length - 1);
    }
  });

  // The hyphen bullet ⁃ (U+2043) and the two- and three-em dashes ⸺ ⸻ (U+2E3A, U+2E3B) join groups as the other
  // wide dashes do; the North American rule knew them, the joined-number step did not: each number stayed in clear,
  // or lost only the part after the dash (`0151⸺[PHONE]`).
  it.each([
    ['call 07700⁃900123', 'call [PHONE]'],
    ['call 07700⸺900123', 'call [PHONE]'],
    ['call 07700⸻900123', 'call [PHONE]'],
    ['call 07700 ⁃ 900 123', 'call [PHONE]'],
    ['call +44 7700⸻900⸻123 now', 'call [PHONE] now'],
    ['meine Nummer 0151⸺23456789', 'meine Nummer [PHONE]'],
    ['rang 07700⁃900123 5 times', 'rang [PHONE] 5 times'],
  ])('%s (a rarer dash)', (text, expected) => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text), `${text} (${region})`).toBe(expected);
      expect(r.counts.phone, `${text} (${region})`).toBe(1);
    }
  });

  // A number not from a 0 or a + joined by a wide dash, a tilde or a wave dash, or the Japanese long-vowel mark ー:
  // the digit step knew only the hyphen, the library breaks a number at a wide dash and knows no ⁃ ⸺ ⸻ 〜, and the
  // joined-number step wants a 0 or a +, so each stayed in clear where the same with hyphens was [PHONE].
  it.each([
    ['IN', '98765⸺43210'],
    ['IN', '98765–43210'],
    ['GB', '9876–5432'],
    ['GB', '99876–5432'],
    ['GB', '7700–900123'],
    ['US', '555⁃123⁃4567'],
    ['GB', '555⁃123⁃4567'],
    ['GB', '98765~43210'],
    ['GB', '98765〜43210'],
    ['GB', '98765～43210'],
    ['GB', '98765⁓43210'],
    ['GB', '98765∼43210'],
    ['GB', '03ー1234ー5678'],
    ['JP', '03〜1234〜5678'],
    ['GB', '07700〜900123'],
    ['GB', '07700 ~ 900 123'],
    [undefined, '9876⸻5432'],
  ])('(%s) redacts %s as with hyphens', (region, number) => {
    const r = new Redactor([], region);
    expect(r.redact(`call ${number} now`)).toBe('call [PHONE] now');
    expect(r.counts.phone).toBe(1);
    // With hyphens it was so already.
    expect(new Redactor([], region).redact(`call ${number.replace(/[^\d ]/gu, '-')} now`)).toBe(
      'call [PHONE] now',
    );
  });

  it('redacts them in a diary, keeping a range of hours', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-joined-number-marks', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      'New number again: [PHONE], he says I have to answer this one',
      "His brother's US cell [PHONE] texted the same photo",
      'From a Tokyo number [PHONE] and again from [PHONE]',
      'Said he is outside until 2000–2300, then sent [PHONE] to call',
    ]);
  });

  // Ranges so joined stay, as the North American rule reads them: to a round hundred, to a year, from one time of
  // day to another, or before a word of count; and years going up, as with hyphens.
  it.each([
    'between 200–1000 people',
    'open 0900〜1700, 1000~2000 visitors',
    'from 2019〜2024 we lived there',
    'she ran 400 800–1500 metres',
  ])('keeps %s', (text) => {
    for (const region of ['GB', 'JP', undefined]) expect(new Redactor([], region).redact(text)).toBe(text);
  });

  it('takes a range for a number where the library calls its digits one, as with a hyphen', () => {
    // 250 300 1050 is a valid Japanese number; in a British case it is a count and a range.
    expect(new Redactor([], 'JP').redact('between 250 300–1050 people')).toBe('between [PHONE] people');
    expect(new Redactor([], 'JP').redact('between 250 300-1050 people')).toBe('between [PHONE] people');
    expect(new Redactor([], 'GB').redact('between 250 300–1050 people')).toBe('between 250 300–1050 people');
  });

  it.each([
    'at 21:07 he rang, then 21:15',
    'open 0900 - 1700 daily, 0830–1730 on Saturdays',
    'open 0900⸺1700 daily, 0830⁃1730 on Saturdays',
    'from 2019⸻2024 we lived there',
    'it cost £1,000,000 in total',
    'numbers 1,2,3,4,5,6,7,8 and 01,15,22,34,45,49',
    'score 0:1 then 0:2 then 0:3, ratio 3:2:1:4:5:6:7',
    'lines 120, 121, 122, 123',
    'from 2019–2024 we lived there',
    'the log says 07:30:45,123',
    'he said 0/10 would not recommend',
  ])('keeps %s', (text) => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text), `${text} (${region})`).toBe(text);
    }
  });

  it('keeps two numbers a slash or a comma apart as two, and an extension with its number', () => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact('rang 07700 900123 / 07700 900456')).toBe('rang [PHONE] / [PHONE]');
      expect(r.redact('rang 07700900123/07700900456')).toBe('rang [PHONE]/[PHONE]');
    }
    expect(new Redactor([], 'GB').redact('office 0161 496 0000,204 then')).toBe('office [PHONE] then');
  });
});
