/**
 * UK number plates without an age part were left in clear: Northern Irish marks (`ABZ 1234`: a letter, a
 * two-letter Northern Irish code holding an I or a Z, up to four digits) and dateless marks (`1 ABC`, `ABC 123`,
 * `AB 1234`) written after the word that names them ("reg", "registration", "plate", "VRM"). A Northern Irish mark
 * is `[PLATE]` anywhere, written in capitals, unless its letters are a word ("A BIG 1000", "OIL 2000"); a dateless
 * mark only after its word, since alone it is any code ("ABC 123", "PIN 1234" stay).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: Northern Irish and dateless number plates', () => {
  it('redacts a Northern Irish mark written in capitals', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['his van ABZ 1234 was outside again', 'his van [PLATE] was outside again'],
      ['Silver Astra, KIG 9876.', 'Silver Astra, [PLATE].'],
      ['the car was LXI4321 i think', 'the car was [PLATE] i think'],
      ['GOT A BIG 1000 POUND BILL', 'GOT A BIG 1000 POUND BILL'],
      ['OIL 2000 LITRES', 'OIL 2000 LITRES'],
      ['go VIA 2 then', 'go VIA 2 then'],
      ['WAIT TIL 5 THEN', 'WAIT TIL 5 THEN'],
      ['A KIA 2019 MODEL', 'A KIA 2019 MODEL'],
      ['abz 1234', 'abz 1234'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.plate).toBe(3);
  });

  it('redacts a dateless mark after the word that names it', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['his reg is 1 ABC', 'his reg is [PLATE]'],
      ['Registration: ABC 123, a black Range Rover', 'Registration: [PLATE], a black Range Rover'],
      ['number plate AB 1234 on the bike', 'number plate [PLATE] on the bike'],
      ['reg no. 99 XY', 'reg no. [PLATE]'],
      ['PIN 1234 and code ABC 123', 'PIN 1234 and code ABC 123'],
      ['the plate is on 2 bolts', 'the plate is on 2 bolts'],
      ['reg was A 1 and a bit', 'reg was A 1 and a bit'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.plate).toBe(4);
  });

  it('reads long runs of near-plates once', () => {
    const r = new Redactor([], 'GB');
    for (const text of [
      'reg '.repeat(30_000),
      `reg ${'is '.repeat(30_000)}ABC 1`,
      'ABZ12345 '.repeat(20_000),
    ])
      expect(r.redact(text)).toBe(text);
  });
});
