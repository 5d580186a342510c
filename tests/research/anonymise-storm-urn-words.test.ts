/**
 * "storm" and "URN" name a police reference (a control-room STORM log, a Unique Reference Number), but they are
 * ordinary words too, and any 4 digits after them were `[REFERENCE]`: "the great storm 1987" lost its year and
 * "the storm 12/03 was bad" its date. After them a reference now needs a word that names one ("ref", "no",
 * "number") or a log number and its day ("STORM 1234 12/03", "1234/12MAR24"), and a year alone is never one.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: storm and URN as ordinary words', () => {
  it('keeps years and dates after them in a diary, and redacts the references', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-storm-urn-words', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Power went off like the great storm 1987, then he was knocking at the back door. Rang 999, given STORM [REFERENCE].',
      'Fence panels down since the storm 12/03 was bad. He stood by the gap filming the garden.',
      "Went to Mum's grave. The URN 2024 was broken, the plaque too. Officer gave me URN no. [REFERENCE] for it.",
    ]);
  });

  it('needs a reference word or a log and its day after storm or URN', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['storm 1234 12/03', 'storm [REFERENCE]'],
      ['STORM 1234/12MAR24', 'STORM [REFERENCE]'],
      ['storm ref 0456 12/03/2024', 'storm ref [REFERENCE]'],
      ['storm number 5521', 'storm number [REFERENCE]'],
      ['URN ref 01/123456/24', 'URN ref [REFERENCE]'],
      // No reference: a year, a date, or digits no reference word names.
      ['the great storm 1987', 'the great storm 1987'],
      ['the storm 12/03 was bad', 'the storm 12/03 was bad'],
      ['the storm 12/03/24 was bad', 'the storm 12/03/24 was bad'],
      ['the URN 2024 was broken', 'the URN 2024 was broken'],
      ['storm no 1987', 'storm no 1987'],
      ['urn 5521 on the shelf', 'urn 5521 on the shelf'],
      ['learnt CAD 2019 at college', 'learnt CAD 2019 at college'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.reference).toBe(5);
  });

  it('reads a long run of separators after storm or URN once', () => {
    const text = `storm${' '.repeat(100_000)}1 urn${':'.repeat(100_000)}2 storm ref${'-'.repeat(100_000)}3`;
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
  });
});
