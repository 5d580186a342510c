/**
 * The case file's handles and e-mail addresses, and hyphenated names, as texts write them. The copy left in clear
 * a handle without its `@` ("add me samokc88 on snap", "SAMOKC88"), an address's user part beside a domain
 * mangled or cut (`scarter1990@outlook`, `sam.okc@example .com`), and the parts of a hyphenated name ("Okonkwo"
 * of "Okonkwo-Carter"; "Mary", "Mary Jane" of "Mary-Jane O'Brien"; "Jean", "Luc", "JeanLuc" of "Jean-Luc Van der
 * Berg"), as a name was split at spaces only; and it redacted the particles "van" and "der" everywhere, so "his
 * van a123 bcd" lost the word "van" against the rule that an ordinary word goes only where written capitalised.
 */
import { describe, expect, it } from 'vitest';
import { anonymisedFixtureTexts } from './env.js';

const NAME = /\[NAME:p[0-9a-f]{4}\]/.source;
const n = (s: string) => new RegExp(`^${s.replace(/[.?]/g, '\\$&').replace(/NAME/g, NAME)}$`);

const KASE = {
  timezone: 'Europe/London',
  region: 'GB',
  subject: {
    name: 'Samuel Okonkwo-Carter',
    identifiers: ['Sam', '@samokc88', 'mailto:sam.okc@example.com', 'scarter1990@outlook.com'],
  },
  victim: {
    name: "Mary-Jane O'Brien",
    identifiers: ["Mary-Jane O'Brien", '@mj_obrien', 'info@obrienlettings.co.uk'],
  },
};

describe('anonymise: handles, e-mail user parts and hyphenated names', () => {
  it('redacts each as its person, and keeps particles and mailbox words as words', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-handles-and-hyphens', KASE);
    const all = texts.join('\n');
    for (const leaked of [
      /samokc|scarter|1990|sam\.okc|okonkwo|carter|mj_obrien/i,
      /mary|jane|jean|luc|berg/i,
    ])
      expect(all).not.toMatch(leaked);
    expect(texts).toEqual([
      expect.stringMatching(n('add me NAME on snap, I know you blocked the other one')),
      expect.stringMatching(n('or NAME on insta if you prefer')),
      expect.stringMatching(n("email me at NAME@outlook if you won't answer here")),
      expect.stringMatching(n('NAME@examplecom works too, or NAME@example .com')),
      'Stop contacting me.',
      expect.stringMatching(n('Leave her alone NAME, I mean it')),
      expect.stringMatching(n('Tell NAME to check her DMs. NAME knows what she did')),
      expect.stringMatching(n('NAME has blocked you. NAME is my name to you')),
      expect.stringMatching(n('Whatever NAME. NAME and NAME and NAME can all do one')),
      // The particles are no names: the word "van" stays, and the plate after it is still found.
      'I saw his van [PLATE] outside her flat again',
      expect.stringMatching(n('Ask Mr NAME then, NAME knows everything')),
      'The van was there at 9 and I have told the police',
      expect.stringMatching(n('everyone follows realNAME and NAME now')),
      // A mailbox named by its role ("info@…") is no one's name: the word stays.
      'I have sent the info to the police',
    ]);
    const names = (k: number) => texts[k]!.match(new RegExp(NAME, 'g'))!;
    // One person, one placeholder per identifier: the handle in any case, the address's user part twice.
    expect(names(0)[0]).toBe(names(1)[0]);
    expect(names(3)[0]).toBe(names(3)[1]);
    // The parts of a hyphenated name are that person's: "Okonkwo" and "OkonkwoCarter" (the subject's name),
    // "Mary" and "Mary Jane" and the name glued in a longer word (the victim), every part of Jean-Luc's.
    expect(names(5)[0]).toBe(names(12)[1]);
    expect(new Set([names(6)[1], names(7)[0], names(12)[0]]).size).toBe(1);
    expect(new Set([...names(7).slice(1), ...names(8), ...names(10)]).size).toBe(1);
    expect(names(7)[1]).not.toBe(names(7)[0]);
  });
});
