/**
 * Over-redaction: a version number written like an IPv4 address (`version 10.0.1.2`) became `[IP]`, and a flight
 * (`flight BA12 LHR`: an airline's code, a two-digit flight number, an airport) became `[PLATE]`, so a
 * researcher read of IP addresses and car plates that were neither. A version number is now kept after its word,
 * and a flight where airline, airport and a word about flying all hold; the same digits without the word stay
 * `[IP]`, and a plate whose letters happen to spell an airline and an airport stays `[PLATE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: version numbers and flights are no IP addresses or plates', () => {
  it('keeps them in a diary and still redacts the address and the plate beside them', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-lookalikes', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'Took flight BA12 LHR to see my sister. He texted while we were boarding, so he knew I was away.',
      'His car [PLATE] was parked outside when I got home.',
      'Phone updated to version 10.0.1.2 last night, the tracking app is still on it.',
      'Router log shows his laptop logged in from [IP] and from [IP].',
    ]);
  });

  it('keeps a version number only after its word, with the dates shifted too', () => {
    const r = new Redactor([], 'GB', { shiftedDates: true });
    const cases: [string, string][] = [
      ['build 10.0.1.2', 'build 10.0.1.2'],
      ['Version: 2.1.0.4 on the router', 'Version: 2.1.0.4 on the router'],
      ['Windows 10.0.19045.4170', 'Windows 10.0.19045.4170'],
      ['ver. 1.2.3.4.5.6.7.8.9', 'ver. 1.2.3.4.5.6.7.8.9'],
      // No version word just before: an address, or (longer, grouped as a phone number is) a number; a
      // build number no phone number is shaped like is kept (anonymise-version-numbers.test.ts).
      ['from 10.0.1.2, version 3', 'from [IP], version 3'],
      ['conversion 10.0.1.2', 'conversion [IP]'],
      ['10.0.19045.4170', '10.0.19045.4170'],
      ['1.555.010.9999', '[PHONE]'],
      // A port makes it an address; three parts after "release" are a date.
      ['version 81.2.69.160:8080', 'version [IP]:8080'],
      ['release 12.03.2024', 'release [DATE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ ip: 3, phone: 1, date: 1 });
  });

  it('keeps a flight only with an airline, an airport and a word about flying', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['flying LH20 FRA tomorrow', 'flying LH20 FRA tomorrow'],
      ['KL12 AMS landed at 9', 'KL12 AMS landed at 9'],
      ['Was on the BA12 LHR-JFK flight', 'Was on the BA12 LHR-JFK flight'],
      // One or two of the three are chance in a plate.
      ['BA12 LHR', '[PLATE]'],
      ['flight BA12 ABC', 'flight [PLATE]'],
      [
        'flight home, then his car AB12 CDE was at the gate',
        'flight home, then his car [PLATE] was at the gate',
      ],
      ['my flight was fine. His car BA12 LHR was outside', 'my flight was fine. His car [PLATE] was outside'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts.plate).toBe(4);
  });

  it.each([
    [
      'version words and dotted numbers',
      'version 1.1.1.1.1. '.repeat(10_000),
      'version 1.1.1.1.1. '.repeat(10_000),
    ],
    ['flights one after another', 'flight BA12 LHR '.repeat(10_000), 'flight BA12 LHR '.repeat(10_000)],
    // A letter glued after the dotted run makes it no version: its digits are a number.
    ['a version word before a run of dots', `build 1${'.1'.repeat(100_000)}a`, 'build [PHONE]a'],
  ])('reads a long run once: %s', (_what, text, expected) => {
    expect(new Redactor([], 'GB', { shiftedDates: true }).redact(text)).toBe(expected);
  });
});
