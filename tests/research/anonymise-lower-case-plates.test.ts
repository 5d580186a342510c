/**
 * A number plate of an older format, a Northern Irish one or a dateless one was `[PLATE]` in capitals ("A123
 * BCD") but stayed as written in lower case ("his van a123 bcd"), as people type on a phone: the keeper of the car
 * was a DVLA lookup away. In lower case such a code is a plate just after the word that names one ("reg") or a
 * vehicle ("van", "car"); alone it is as often a word and a number ("an a4 pad") and stays.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: number plates typed in lower case', () => {
  it('redacts older, Northern Irish and dateless plates after "reg" or a vehicle in an SMS backup', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-lower-case-plates', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['07700 900 456'] },
    });
    expect(texts).toEqual([
      'Your black van [PLATE] was outside work again at 5',
      'not my van. check the reg, its [PLATE] you liar',
      'Your mate in the car reg [PLATE] followed me from the a12 to tesco',
      'get an a4 pad and write it all down then lol',
    ]);
  });

  it('takes them after their word, in any case, and no word after "reg" for a plate', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['his reg is a123 bcd', 'his reg is [PLATE]'],
      ['the car is abz 1234', 'the car is [PLATE]'],
      ['reg: abc 123', 'reg: [PLATE]'],
      ['reg was 1 abc', 'reg was [PLATE]'],
      ['plate Abc 123d', 'plate [PLATE]'],
      // Capitals need no word, as before.
      ['A123 BCD outside', '[PLATE] outside'],
      // Lower case without the word: codes and counts.
      ['k9 unit arrived', 'k9 unit arrived'],
      ['got my p60 tax back', 'got my p60 tax back'],
      ['reg 2 hrs ago', 'reg 2 hrs ago'],
      ['his car b4 you', 'his car b4 you'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.plate).toBe(6);
  });
});
