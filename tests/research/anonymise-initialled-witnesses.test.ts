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

  it.each([
    'Witness Statement taken on Monday',
    'witness: None',
    'witnesses Mum and Dad',
    'Took the No. 5 bus, approx. 10 minutes, Fig. 3 shows the stop',
    'we met at St. Mary church after mass',
    'Plan B. Then he left',
    // No title and no word of witness: a name met only in free text (README).
    'R. Jones, 32, of Leeds was there',
  ])('keeps %s', (text) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(text);
  });
});
