/**
 * A known name glued to other letters, as tags and user names write it ("#JusticeForSam", "realsamsample",
 * "xXSamSampleXx", "#AlexMorganIsALiar", "ItsSamAgain"), came through the anonymised copy as written: the name
 * patterns matched whole words only (and a name run together or with digits after, "SamSample", "samsample123").
 * A full name run together is now found inside any word, and a single part where its capital starts it inside a
 * tag (camel case); a part that is an ordinary word ("GoodWill") and a word that merely starts like a name
 * ("Samsung") stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

const NAME = '\\[NAME:p[0-9a-f]{4}\\]';

describe('anonymise: names glued to other letters', () => {
  it('redacts the names inside tags and user names in a WhatsApp chat', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-glued-names', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    for (const leaked of [/sam(?!sung)/i, /sample/i, /alex/i, /morgan/i])
      expect(texts.join('\n')).not.toMatch(leaked);
    expect(texts).toEqual([
      expect.stringMatching(new RegExp(`^Everyone is posting #JusticeFor${NAME} now\\. You did this$`)),
      expect.stringMatching(
        new RegExp(`^Follow real${NAME} and xX${NAME}Xx, I made new ones since you blocked the old$`),
      ),
      "I don't want to hear from you.",
      expect.stringMatching(
        new RegExp(`^#${NAME}IsALiar is trending\\. Its${NAME}Again on snap if you change your mind$`),
      ),
      'Bought you a Samsung, the one you wanted',
    ]);
    // The glued name has its person's pseudonym.
    const sam = texts[1]!.match(new RegExp(NAME, 'g'))!;
    expect(texts[0]).toContain(sam[0]);
    expect(sam[1]).toBe(sam[0]);
  });

  it('leaves ordinary words and longer names alone', () => {
    const r = new Redactor(
      [
        { term: 'Will Baker', placeholder: '[NAME:p0001]' },
        { term: 'Will', placeholder: '[NAME:p0001]' },
        { term: 'Baker', placeholder: '[NAME:p0001]' },
        { term: 'Sam', placeholder: '[NAME:p0002]' },
      ],
      'GB',
    );
    expect(r.redact('#GoodWill, Samantha, Samsung, SAMPLE')).toBe('#GoodWill, Samantha, Samsung, SAMPLE');
    expect(r.redact('#TeamWillBaker and notwillbaker99 and #FreeSam2')).toBe(
      '#Team[NAME:p0001] and not[NAME:p0001] and #Free[NAME:p0002]',
    );
  });
});
