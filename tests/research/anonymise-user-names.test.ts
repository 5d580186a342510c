/**
 * User names and tags are built from a person's name: run together ("SamCarter", "#samcarter") or with digits at
 * the end ("sam_carter88", often a year of birth). The anonymised copy left them in clear ("SamCarter on snap")
 * or in part ("[NAME]_carter88"), since a name was matched only as a whole word and only with spaces between its
 * parts. Each is now redacted as that person's name, digits included.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

const NAME = /\[NAME:p[0-9a-f]{4}\]/.source;

describe('anonymise: user names and tags made of a name', () => {
  it('redacts the subject and victim run together, with digits after, and tagged', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-user-names', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Carter', identifiers: ['Sam Carter'] },
    });
    const all = texts.join('\n');
    for (const leaked of [/sam/i, /carter/i, /alex/i, /morgan/i, /88|1994/]) expect(all).not.toMatch(leaked);
    expect(texts).toEqual([
      expect.stringMatching(new RegExp(`^You blocked me on insta\\. Add ${NAME}_${NAME} instead$`)),
      expect.stringMatching(new RegExp(`^Or ${NAME} on snap, ${NAME}\\.official on tiktok$`)),
      'Stop contacting me.',
      expect.stringMatching(new RegExp(`^Everyone saw #${NAME} last night\\. ${NAME}_${NAME} can't hide$`)),
      expect.stringMatching(new RegExp(`^Check ${NAME}'s page, or ${NAME} if you prefer$`)),
    ]);
    // The run-together name has the person's one pseudonym.
    const sam = texts[1]!.match(new RegExp(NAME, 'g'))!;
    expect(sam[0]).toBe(sam[1]);
    expect(texts[0]).toContain(sam[0]);
  });

  it('keeps the pseudonym of the name the digits follow, and takes no name inside a longer word', () => {
    const r = new Redactor(
      [
        { term: 'Sam', placeholder: '[NAME:p0001]' },
        { term: 'Will', placeholder: '[NAME:p0002]' },
      ],
      'GB',
    );
    expect(r.redact('Sam99 and Will2 said it')).toBe('[NAME:p0001] and [NAME:p0002] said it');
    expect(r.redact('Samantha99, same2 and you will2')).toBe('Samantha99, same2 and you will2');
  });
});
