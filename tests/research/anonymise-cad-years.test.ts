/**
 * Control-room (CAD) log numbers run from 1 each day, so many are 4 digits between 1900 and 2099, and "a year
 * alone is never a reference" kept them: "the call handler gave me CAD 2019" and even "CAD ref 2020" stayed as
 * written, and with the day of the record they find the police log, and the victim. A year after "CAD" is now a
 * reference where a word names one ("CAD ref 2020", "CAD no. 1999") or the text speaks of the police around it
 * (999, 101, a call handler, an officer, a log, a crime, an incident, "reported"). Elsewhere it stays, as a year or a
 * version does ("learnt CAD 2019 at college"), and "the great storm 1987" stays as before.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: a CAD log number that looks like a year', () => {
  it('redacts the police logs of a diary and keeps the software', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-cad-years', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['+447700900123'] },
    });
    expect(texts).toEqual([
      'He was at the door again. Rang 999, the call handler gave me CAD [REFERENCE] and said to quote it.',
      'PC rang back about last night, log is CAD ref [REFERENCE].',
      'Finished the evening class, learnt CAD 2019 at college. He was parked outside when I came out.',
    ]);
  });

  it.each([
    ['CAD ref 2020', 'CAD ref [REFERENCE]'],
    ['cad no. 1999', 'cad no. [REFERENCE]'],
    ['CAD number 2045 from the police', 'CAD number [REFERENCE] from the police'],
    ['called 101, they gave me CAD 2019', 'called 101, they gave me CAD [REFERENCE]'],
    ['CAD 2019 - officer attending', 'CAD [REFERENCE] - officer attending'],
    ['reported it, CAD2019', 'reported it, CAD[REFERENCE]'],
    // No naming word and no police about it: a year or a version, kept.
    ['learnt CAD 2019 at college', 'learnt CAD 2019 at college'],
    ['the drawings are in CAD 2019 format', 'the drawings are in CAD 2019 format'],
    ['the great storm 1987', 'the great storm 1987'],
    ['police say the great storm 1987 was worse', 'police say the great storm 1987 was worse'],
  ])('%s', (text, expected) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(expected);
  });
});
