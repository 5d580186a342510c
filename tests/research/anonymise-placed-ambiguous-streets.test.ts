/**
 * A house number and a lower-case street whose street word is also a verb or a noun ("close", "drive", "place"…)
 * was an address only before a comma and a town or a postcode ("4 elm close, Leeds"), so at the end of a text or a
 * sentence ("he was waiting at 4 elm close") it was left in clear. A word of place just before the house number
 * ("at", "on", "outside"…) now makes it an address too; counts, times and pronouns after the number do not
 * ("a 4 wheel drive", "at 5 pm drive home", "by 9 they close", "at 3 o'clock drive").
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: a house number and an ambiguous lower-case street after a word of place', () => {
  it('redacts it at the end of a text or a sentence', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['he was waiting at 4 elm close', 'he was waiting at [ADDRESS]'],
      ['parked on 9 acacia drive. Again.', 'parked on [ADDRESS]. Again.'],
      ['he turned up outside 12 rowan place last night', 'he turned up outside [ADDRESS] last night'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.address).toBe(3);
  });

  it('keeps counts, times and pronouns after a number', () => {
    const r = new Redactor([], 'GB');
    const kept = [
      'it is a 4 wheel drive',
      'at 5 pm drive home',
      'by 9 they close',
      "at 3 o'clock drive over",
      'on 2 guys drive',
      'at 10 we drive back',
      'in 2 days time drive',
      'he sent 3 texts close together',
      'at 12 noon drive to his',
      'at 10 past drive over',
      'at 6 tonight drive by',
      'by 3 quarter close',
    ];
    for (const text of kept) expect(r.redact(text), text).toBe(text);
    expect(r.counts.address).toBe(0);
  });

  it('reads long runs of near-addresses once', () => {
    const r = new Redactor([], 'GB');
    for (const text of [
      `at 1 ${'a'.repeat(100_000)} close`,
      'at 1 cars close '.repeat(10_000),
      'at 1 '.repeat(30_000),
    ])
      expect(r.redact(text)).toBe(text);
  });
});
