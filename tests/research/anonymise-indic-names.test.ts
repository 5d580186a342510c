/**
 * In Devanagari (and the other Indic scripts) a vowel sign is a combining mark, and often ends a word: "प्रिया"
 * (Priya) is "प्रिय" (dear) with the sign "ा". Name parts were cut at the first mark from the end, so the case's
 * "प्रिया शर्मा" gave the terms "प्रिय" and "शर्म" (shame): the copy redacted those everyday words and left a
 * stray "ा" after each name ("[NAME]ा"), and "अमित" (Amit) was found inside "अमिता" (Amita), another name.
 * A mark of the name's script now belongs to the word on either side; a zero-width joiner inside a name is
 * still read past.
 */
import { describe, expect, it } from 'vitest';
import { anonymisedFixtureTexts } from './env.js';

const NAME = /\[NAME:p[0-9a-f]{4}\]/.source;

describe('anonymise: names in Devanagari', () => {
  it('redacts the names whole, and keeps the words and other names they begin', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-indic-names', {
      timezone: 'Asia/Kolkata',
      region: 'IN',
      victim: { name: 'प्रिया शर्मा', identifiers: ['प्रिया शर्मा'] },
      subject: { name: 'अमित कुमार', identifiers: ['अमित कुमार'] },
    });
    expect(texts).toEqual([
      expect.stringMatching(new RegExp(`^${NAME}, मैं ${NAME} हूँ। जवाब दो$`)),
      'मुझे संदेश मत भेजो',
      expect.stringMatching(new RegExp(`^प्रिय ${NAME}, अमिता दीदी को सब पता है$`)),
      expect.stringMatching(new RegExp(`^शर्म करो, ${NAME}$`)),
      expect.stringMatching(new RegExp(`^${NAME}, सुअमित नहीं, ${NAME}$`)),
    ]);
    const [priya, amit] = texts[0]!.match(new RegExp(NAME, 'g'))!;
    expect(texts[2]).toContain(priya);
    expect(texts[3]).toContain(amit);
    expect(texts[4]!.match(new RegExp(NAME, 'g'))).toEqual([priya, amit]);
  });
});
