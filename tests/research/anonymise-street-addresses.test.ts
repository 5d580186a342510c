/**
 * Street addresses the copy left in clear: a street named in one word ("14 Kingsway"), the flat before a house
 * number ("Flat 3, 12 High Road" came out "Flat 3, [ADDRESS]"), a street typed in lower case ("7 elm road"), and a
 * street ending in an ordinary word ("3 Abbey Green"). Each needs its house number, so counts and times ("3 times",
 * "10 minutes", "a 2 way street") and a street named alone ("the Broadway shops") stay.
 */
import { cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFolderTexts, KEY_A, keyFile, scratch } from './env.js';

const tmp = scratch();
const key = keyFile(tmp, KEY_A);

describe('anonymise: street addresses', () => {
  it('redacts them in a diary, counts and times kept', async () => {
    const dir = path.join(tmp, 'in');
    mkdirSync(dir, { recursive: true });
    cpSync('fixtures/anonymise-street-addresses', dir, { recursive: true });
    const texts = await anonymisedFolderTexts(
      dir,
      {
        timezone: 'Europe/London',
        region: 'GB',
        victim: { name: 'Alex Morgan', identifiers: ['+447700900001'] },
        subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
      },
      path.join(tmp, 'out'),
      key,
    );
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
});
