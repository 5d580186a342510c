/**
 * A country code in brackets with a space inside them, `( +44) 7700 900123` (as phones' autocorrect and hurried
 * typing leave it), lost only part of itself: the library found the number from its `+`, so "rang ( [PHONE]" kept
 * a lone bracket, and where the space came before the closing bracket, `( +44 ) 7911 123456`, the code stayed in
 * clear beside the `[PHONE]` ("( +44 ) [PHONE]"): part of the identifier, and a sign of the country. The brackets
 * and the code now go with the number.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a bracketed country code with spaces goes with its number', () => {
  it('takes the brackets and the code in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-spaced-country-codes', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      'He rang [PHONE] again, 4 missed calls.',
      'Texts from [PHONE] all morning',
      "Foreign number this time [PHONE], didn't answer",
    ]);
  });

  it('with a region and without one', () => {
    for (const region of ['GB', undefined]) {
      const r = new Redactor([], region);
      const cases: [string, string][] = [
        ['rang ( +44) 7700 900123', 'rang [PHONE]'],
        ['rang ( +44 ) 7700 900123', 'rang [PHONE]'],
        ['rang (+44 ) 7700 900123', 'rang [PHONE]'],
        ['rang (  +44)7700 900123 today', 'rang [PHONE] today'],
        // A bracket that closes nothing of the number stays: it is the text's own.
        ['(rang +44 7700 900123)', '(rang [PHONE])'],
        ['( +44 7700 900123 )', '( [PHONE] )'],
      ];
      for (const [text, expected] of cases) expect(r.redact(text), `${text} (${region})`).toBe(expected);
      expect(r.counts.phone).toBe(cases.length);
    }
  });
});
