/**
 * A witness named by an initial and a surname ("R. Patel") was left in clear. A diary's witness column that wrote
 * one, with a title or not ("Dr R. Patel", "Mrs. A. Khan", "PCSO J.R.Okafor"), named nobody anonymise knew of, as
 * only words without full stops were taken for a name there: its texts kept "R. Patel", "Patel" and "R.Patel". And a
 * text that names a witness so ("witness: R. Patel", "witnessed by R.Patel") kept the name, as only a title before
 * it ("Dr R. Patel") made it one. Abbreviations are no initials ("St. Mary", "No. 5", "Fig. 3", "approx. 10"), and an
 * initial and a surname with no title or word of witness before them stay, as names met only in free text do
 * (README: no named-entity model).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

const NAME = /\[NAME:p[0-9a-f]{4}\]/g;

describe('anonymise: witnesses named by an initial and a surname', () => {
  it("redacts the diary's witnesses wherever its texts name them", async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-initialled-witnesses', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    const shapes = texts.map((t) => t.replace(NAME, '[NAME]'));
    expect(shapes).toEqual([
      'He shouted at me outside the shop. [NAME] saw it all, and [NAME] said she would give a statement',
      'He was waiting by my car again; [NAME] from the surgery saw him first',
      'Banging on the door at night. Mrs [NAME] next door heard it; [NAME] wrote the time down',
      'Followed me from the bus stop. [NAME] took my report and [NAME] rang back later',
      'He sat behind me at the cafe; [NAME] saw him and [NAME] kept the receipt',
      'Left a note on the car, witnesses: [NAME] and [NAME]. Took the No. 5 bus home, approx. 10 minutes, then to St. Mary church (see Fig. 3 of the map)',
    ]);
    // One person, one placeholder: "R. Patel", "Patel" and "R.Patel" (with "Dr R. Patel" in the column) alike.
    const names = texts.map((t) => t.match(NAME) ?? []);
    expect(new Set([...names[0]!, ...names[1]!]).size).toBe(1);
    for (const k of [2, 3, 4]) expect(new Set(names[k]).size, texts[k]).toBe(1);
    expect(new Set(names.slice(0, 5).map((n) => n[0])).size).toBe(4);
    expect(new Set(names[5]).size).toBe(2);
  });

  it.each([
    ['witness: R. Patel', 'witness: [NAME]'],
    ['Witness R. Patel was there', 'Witness [NAME] was there'],
    ['witnessed by R.Patel.', 'witnessed by [NAME].'],
    ['witness - R Patel saw it', 'witness - [NAME] saw it'],
    ["witness: R. Patel's wife too", "witness: [NAME]'s wife too"],
    [
      'Witnesses: R. Patel and K. Shah, J.R. Okafor & T Hale',
      'Witnesses: [NAME] and [NAME], [NAME] & [NAME]',
    ],
    ['witness: Dr R. Patel and K. Shah', 'witness: Dr [NAME] and [NAME]'],
    ['witnesses Raj Patel and K. Shah', 'witnesses Raj Patel and [NAME]'],
    // With a title, as before.
    ['Dr R. Patel saw it', 'Dr [NAME] saw it'],
    ['Mrs. A. Khan saw it', 'Mrs. [NAME] saw it'],
    ['Dr R.Patel saw it', 'Dr [NAME] saw it'],
  ])('%s', (text, expected) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.name).toBe(expected.split('[NAME]').length - 1);
  });

  // A surname with a capital inside, after an apostrophe, or after particles; a list of more than four; and
  // other separators: "[NAME]Donald" kept the rest of the name, and the others were left whole.
  it.each([
    ['witness: R. McDonald', 'witness: [NAME]'],
    ['witness: R. MacLeod saw it', 'witness: [NAME] saw it'],
    ['witness: A. DeSouza', 'witness: [NAME]'],
    ['witness: J. DiMaggio', 'witness: [NAME]'],
    ['witness: P. LeBlanc', 'witness: [NAME]'],
    ['witness: A. MacDonald-Smith', 'witness: [NAME]'],
    ["witness: S. O'Neill", 'witness: [NAME]'],
    ['witness: S. O’Neill', 'witness: [NAME]'],
    ['witness: J. van der Berg saw it', 'witness: [NAME] saw it'],
    ['witness: M. de Souza', 'witness: [NAME]'],
    ['Dr McDonald saw it', 'Dr [NAME] saw it'],
    ['Dr R. McDonald saw it', 'Dr [NAME] saw it'],
    ['Mr van der Berg saw it', 'Mr [NAME] saw it'],
    [
      'Witnesses: R. Patel, K. Shah, J. Okafor, T. Hale and M. Jones',
      'Witnesses: [NAME], [NAME], [NAME], [NAME] and [NAME]',
    ],
    ['witnesses: R. Patel/K. Shah', 'witnesses: [NAME]/[NAME]'],
    ['witnesses: R. Patel + K. Shah', 'witnesses: [NAME] + [NAME]'],
    ['witnesses: R. Patel or K. Shah', 'witnesses: [NAME] or [NAME]'],
    ['witnesses (R. Patel and K. Shah)', 'witnesses ([NAME] and [NAME])'],
    ['witness ⸺ R. Patel', 'witness ⸺ [NAME]'],
    ['witness ⸻ R. Patel', 'witness ⸻ [NAME]'],
    ['witness – R. Patel', 'witness – [NAME]'],
    ['Witnessed by A Police Officer and K. Shah', 'Witnessed by A Police Officer and [NAME]'],
    ['witness: A. Khan', 'witness: [NAME]'],
    ['witness: R A Khan', 'witness: [NAME]'],
  ])('%s (a name whole)', (text, expected) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.name).toBe(expected.split('[NAME]').length - 1);
  });

  it('finds the witnesses of a diary whose names have particles or capitals inside, and lists of any length', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-witness-lists', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts.map((t) => t.replace(NAME, '[NAME]'))).toEqual([
      'He blocked the gate again. [NAME] saw it and [NAME] rang me after',
      'He followed me to the station; [NAME] from number 8 saw the car and [NAME] wrote the plate down',
      'Shouting outside the pub. Witnesses: [NAME], [NAME], [NAME], [NAME] and [NAME] all heard it',
      'Witnessed by A Police Officer at the front desk; witnesses ([NAME] / [NAME]) gave statements',
      'He was waiting at arrivals, witness: U.K. Border Force staff, and witness ⸺ [NAME]',
    ]);
    // The column's witness is one person, however the text writes the name.
    for (const k of [0, 1]) expect(new Set(texts[k]!.match(NAME)).size, texts[k]).toBe(1);
  });

  it.each([
    'Witness Statement taken on Monday',
    'witness: None',
    'witnesses Mum and Dad',
    'Took the No. 5 bus, approx. 10 minutes, Fig. 3 shows the stop',
    'we met at St. Mary church after mass',
    'Plan B. Then he left',
    // No title and no word of witness: a name met only in free text (README).
    'R. Jones, 32, of Leeds was there',
    // "A" and "I" without a full stop are words, and initials that spell an abbreviation no name.
    'Witnessed by A Police Officer',
    'witness: A Member of the Public',
    'witness: A Neighbour',
    'witnesses: I Think it was the man from number 4',
    'witness: U.K. Border Force',
    'witnessed by U.S. Embassy staff',
  ])('keeps %s', (text) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(text);
  });
});
