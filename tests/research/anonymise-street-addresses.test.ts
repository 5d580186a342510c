/**
 * Street addresses the copy left in clear: a street named in one word ("14 Kingsway"), the flat before a house
 * number ("Flat 3, 12 High Road" came out "Flat 3, [ADDRESS]"), a street typed in lower case ("7 elm road"), and a
 * street ending in an ordinary word ("3 Abbey Green"). Each needs its house number, so counts and times ("3 times",
 * "10 minutes", "a 2 way street") and a street named alone ("the Broadway shops") stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: street addresses', () => {
  it('redacts them in a diary, counts and times kept', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-street-addresses', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'He was outside my work at [ADDRESS] when I arrived, 3 times this week now.',
      'A card came to my new address, [ADDRESS]. Nobody should know it.',
      'Saw his car parked outside [ADDRESS] for 10 minutes, then down the road.',
      'He texted "I know you moved to [ADDRESS]" and "see you at [ADDRESS]".',
      "Followed me from the bus stop on [ADDRESS] to the Broadway shops. It's a 2 way street.",
    ]);
  });

  it('needs the house number', () => {
    const r = new Redactor([], 'GB');
    for (const kept of [
      'Kingsway was shut',
      '10 minutes road',
      'I have 2 lanes',
      'the Green',
      'waited 20 mins outside',
    ])
      expect(r.redact(kept)).toBe(kept);
    expect(r.redact('Apt 4B, 7 Elm Street; flat 2/1, 40 KINGSWAY')).toBe('[ADDRESS]; [ADDRESS]');
    expect(r.counts.address).toBe(2);
  });

  it('takes no count of things or a distance for a lower-case street', () => {
    const r = new Redactor([], 'GB');
    for (const kept of [
      'he sent 3 texts close together',
      '2 cars drive past',
      'a 30 second drive away',
      'a 5 km drive',
      'saw 2 Broadway shows',
      'it is a 4 wheel drive',
      'the 2 guys drive, then stop',
    ])
      expect(r.redact(kept)).toBe(kept);
    expect(r.counts.address).toBe(0);
    expect(r.redact('14 Kingsway is shut; 221b Baker Street; 7 elm road; 12 kings road')).toBe(
      '[ADDRESS] is shut; [ADDRESS]; [ADDRESS]; [ADDRESS]',
    );
    expect(r.redact('4 elm close, Leeds or 9 moss drive LS1 4AB')).toBe(
      '[ADDRESS], Leeds or [ADDRESS] [POSTCODE]',
    );
    expect(r.counts.address).toBe(6);
  });

  it('reads long runs of near-addresses in time proportional to them', () => {
    const r = new Redactor([], 'GB');
    const unit = (u: string) => u.repeat(Math.ceil(100_000 / u.length));
    for (const kept of [
      unit('3 texts close '),
      unit('2 Broadway shows '),
      unit('2 Broadwayyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'),
      unit('4 elm close,'.replace(',', ' ')),
      unit('1 sssssssssssssssssssssssssssssssssssss drive '),
    ])
      expect(r.redact(kept)).toBe(kept);
    expect(r.redact('4 elm close, L '.repeat(6_700))).toBe('[ADDRESS], L '.repeat(6_700));
    expect(r.counts.address).toBe(6_700);
  });
});
