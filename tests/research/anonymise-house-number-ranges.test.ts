/**
 * A building numbered as a range, "14-16 Elm Road" (a shop with flats above, a block, a terrace of two), lost only
 * its last number: "14-[ADDRESS]" kept the first in clear, part of the address beside the placeholder. The range
 * is now the house number, whichever dash or spaces part it.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a range of house numbers goes with its address', () => {
  it('takes the whole range in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-house-number-ranges', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'He was waiting outside [ADDRESS], the shop under my flat, when I left for work.',
      'Card posted to [ADDRESS] with no stamp.',
      'Saw him again by [ADDRESS] and then at [ADDRESS], Leeds.',
    ]);
  });

  it.each([
    ['he came to 14-16 Elm Road', 'he came to [ADDRESS]'],
    ['at 14 - 16 ELM ROAD', 'at [ADDRESS]'],
    ['outside 2-4 Abbey Green', 'outside [ADDRESS]'],
    ['on 10-12 elm road', 'on [ADDRESS]'],
    // A count or a time range before a road stays as written.
    ['5-10 minutes down the road', '5-10 minutes down the road'],
    ['2-3 cars drive past', '2-3 cars drive past'],
  ])('%s', (text, expected) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(expected);
  });
});
