/**
 * A building numbered as a range, "14-16 Elm Road" (a shop with flats above, a block, a terrace of two), lost only
 * its last number: "14-[ADDRESS]" kept the first in clear, part of the address beside the placeholder. The range
 * is now the house number, whichever dash or spaces part it. So is a range written with a word ("14 to 16 Elm
 * Road", "14 and 16", "14 & 16", "flats 3 to 5, Elm Court"), which kept "14 to [ADDRESS]", and a range of flats
 * before a house number ("Flat 3-5, 12 High Road"). A range of times before a street goes with it ("from 9 to 5
 * Elm Road"): rare, and a first house number left in clear is part of an address.
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
    // Ranges written with a word, and ranges of flats.
    ['He stood outside 14 to 16 Elm Road', 'He stood outside [ADDRESS]'],
    ['14 and 16 Elm Road', '[ADDRESS]'],
    ['14 & 16 Elm Road', '[ADDRESS]'],
    ['flats 3 to 5, Elm Court', 'flats [ADDRESS]'],
    // In lower case too, where "court" is also an everyday word: "flats" before the numbers shows an address.
    ['flats 3 to 5, elm court', 'flats [ADDRESS]'],
    ['flats 3 to 5, hazelmere court', 'flats [ADDRESS]'],
    ['Flats 3 to 5, 12 High Road', '[ADDRESS]'],
    ['Flat 3-5, 12 High Road', '[ADDRESS]'],
    ['AT 14 TO 16 ELM ROAD', 'AT [ADDRESS]'],
    ['at 5 and 7 elm close', 'at [ADDRESS]'],
    ['12 to 14 elm road', '[ADDRESS]'],
    ['from 9 to 5 Elm Road was closed', 'from [ADDRESS] was closed'],
    // A range of counts or times with no street after it stays as written.
    ['rang 3 and 4 times', 'rang 3 and 4 times'],
    ['5 to 10 minutes down the road', '5 to 10 minutes down the road'],
    ['at 5 and we close', 'at 5 and we close'],
  ])('%s', (text, expected) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(expected);
  });
});
