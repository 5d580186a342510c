/**
 * A street typed in lower case with no house number ("he was waiting on acacia avenue") was left in clear, though
 * written capitalised ("on Acacia Avenue") or after a house number ("12 acacia avenue") it was `[ADDRESS]`. Such a
 * street is now `[ADDRESS]` where a word of place comes just before its name ("on", "at", "outside", "down"…) and
 * it ends in a street word that is nothing else (street, road, lane, avenue, crescent, grove, mews, rd, st): the
 * preposition stays. A street is no address where a determiner, a possessive or a word that only describes a road
 * comes first ("down the road", "on my street", "on the main road", "down memory lane", "in the bus lane").
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: lower-case streets without a house number', () => {
  it('redacts one after a word of place, at the end of a text or inside it', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['he was waiting on acacia avenue', 'he was waiting on [ADDRESS]'],
      ['he was waiting on acacia avenue.', 'he was waiting on [ADDRESS].'],
      ['saw him outside kings road tesco again', 'saw him outside [ADDRESS] tesco again'],
      ['followed me down church lane and along mill st', 'followed me down [ADDRESS] and along [ADDRESS]'],
      ['He parked at st johns road', 'He parked at [ADDRESS]'],
      ['On acacia avenue again', 'On [ADDRESS] again'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.address).toBe(7);
  });

  it('keeps a road that names no street', () => {
    const r = new Redactor([], 'GB');
    const kept = [
      'he followed me down the road',
      'he lives on my street',
      'waiting on our road again',
      'stuck on main road traffic',
      'walked down memory lane',
      'he was in bus lane',
      'I was on a side street',
      'the street was empty',
      'he drove on, road was wet',
      'across the street from work',
      'on easy street now',
      'he sped up in fast lane',
      'on that road',
      'I was at work road was icy',
    ];
    for (const text of kept) expect(r.redact(text), text).toBe(text);
    expect(r.counts.address).toBe(0);
  });

  it('reads a long run of near-streets in time proportional to it', () => {
    const r = new Redactor([], 'GB');
    const text = 'on my road '.repeat(20_000);
    expect(r.redact(text)).toBe(text);
    expect(r.redact(`on ${'a'.repeat(100_000)} road`)).toBe(`on ${'a'.repeat(100_000)} road`);
  });
});
