/**
 * "Park" and "Hill" were street words like "Road": "in Roundhay Park" and "up Primrose Hill" became "in [ADDRESS]"
 * and "up [ADDRESS]". Without a house number they name a place, as a town or a district does, which the research
 * copy keeps knowingly (README, Research mode: place names and towns are not redacted; domain.md §5.4 asks for
 * street addresses to be), and where a victim walks, runs or is followed is what a researcher of stalking reads.
 * They are now street words only after a house number, as "Green" and "Rise" are: `12 Ludgate Hill` and
 * `Flat 2, 7 Belsize Park` are addresses; "Hill Street" and "Park Lane" end in a street word and still are.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: parks and hills are places, and addresses only after a house number', () => {
  it('keeps the places of a diary and redacts its addresses', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-parks-and-hills', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900456'] },
    });
    expect(texts).toEqual([
      'Walking the dog in Roundhay Park, he was on the bench by the lake again.',
      'Saw him up Primrose Hill watching me, then again outside [ADDRESS] where I work.',
      'Letter left at my old flat, [ADDRESS], and he wrote [ADDRESS] on the envelope.',
    ]);
  });

  it.each([
    ['in Roundhay Park', 'in Roundhay Park'],
    ['up Primrose Hill', 'up Primrose Hill'],
    ['sat in Victoria Park all afternoon', 'sat in Victoria Park all afternoon'],
    ['at the top of Richmond Hill', 'at the top of Richmond Hill'],
    ['outside 12 Ludgate Hill', 'outside [ADDRESS]'],
    ['3 Clarendon Park', '[ADDRESS]'],
    ['Flat 4, 18 Belsize Park', '[ADDRESS]'],
    ['on Hill Street', 'on [ADDRESS]'],
    ['down Park Lane', 'down [ADDRESS]'],
    ['12 Primrose Hill Road', '[ADDRESS]'],
  ])('%s', (text, expected) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(expected);
  });
});
