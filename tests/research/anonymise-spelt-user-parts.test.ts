/**
 * An e-mail address spelt out with its user part's dots spelt too ("sam dot sample at gmail dot com",
 * "sam[dot]sample[at]…") lost only its last part: "sam dot [EMAIL]", the first name left beside the placeholder.
 * The user part now takes its spelt dots, so the whole address is `[EMAIL]`; "look at this dot com" still stays.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: an e-mail address whose user part is spelt out', () => {
  it('redacts the whole address in an SMS backup', async () => {
    // No case name holds "sam", so only the address pattern can hide it.
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-spelt-user-parts', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'The subject', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      'you blocked me here so email me. [EMAIL]',
      "or my other one [EMAIL]. you can't hide",
    ]);
  });

  it('takes spelt dots in the user part only where the rest is an address', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['sam (dot) sample (at) gmail (dot) co (dot) uk', '[EMAIL]'],
      ['look at this dot com', 'look at this dot com'],
      ['i said dot dot dot at work dot com', 'i said dot dot dot at work dot com'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.email).toBe(1);
  });
});
