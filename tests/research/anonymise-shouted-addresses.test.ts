/**
 * An address written in capitals after its house number, as threats are shouted ("I KNOW YOU LIVE AT 12 ELM
 * ROAD"), was left in clear: the address patterns read a street's name capitalised or in lower case, not in
 * capitals. After a house number, one or two words in capitals and a street word that is nothing else (ROAD,
 * STREET, LANE, AVENUE…) are now `[ADDRESS]`; counts and times in capitals keep their words ("10 MINUTES DOWN THE
 * ROAD", "3 TIMES ON MY STREET").
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: addresses written in capitals', () => {
  it('redacts one after its house number', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['I KNOW YOU LIVE AT 12 ELM ROAD', 'I KNOW YOU LIVE AT [ADDRESS]'],
      ["I'LL BE AT 221B BAKER STREET TONIGHT", "I'LL BE AT [ADDRESS] TONIGHT"],
      ['FLAT 3, 7 ST JOHNS AVENUE. SEE YOU', '[ADDRESS]. SEE YOU'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.address).toBe(3);
  });

  it('keeps counts and times in capitals', () => {
    const r = new Redactor([], 'GB');
    for (const text of [
      '10 MINUTES DOWN THE ROAD',
      '3 TIMES ON MY STREET',
      'SAW 2 CARS IN THE LANE',
      'A 2 WAY STREET',
    ])
      expect(r.redact(text), text).toBe(text);
    expect(r.counts.address).toBe(0);
  });

  it('reads long runs of near-addresses once', () => {
    const r = new Redactor([], 'GB');
    for (const text of [
      `1 ${'A'.repeat(100_000)} ROAD`,
      '1 AB CD '.repeat(20_000),
      '1 THE ROAD '.repeat(10_000),
    ])
      expect(r.redact(text)).toBe(text);
  });
});
