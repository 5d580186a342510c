/**
 * "R. Augusta, 100" stayed in clear: "R." for "Rua", a one-word name, a comma and a house number is how Portuguese
 * and Brazilian addresses are written, and it reads like an initial, a surname and an age ("R. Jones, 32, of
 * Leeds"), which was kept so as not to take people and their ages for streets. Both identify someone; but a name
 * met only in free text is knowingly left (there is no named-entity model), while an address is redacted. So the
 * pair is an address where something says it is a place: a number no age is (100 or more and no year, `12A`,
 * `n.º 12`), a word of place before it (Portuguese "na", "Morada:", or English "lives at", "moved to"), or a floor,
 * a flat or a postcode and a town after it. Otherwise a one- or two-digit number after an initial and a surname is
 * an age, and stays, as before.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: "R." for "Rua" before a comma and a house number', () => {
  it('redacts the addresses of a diary and keeps a person and an age', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-rua-initials', {
      timezone: 'Europe/Lisbon',
      region: 'PT',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      'He wrote: sei que agora moras na [ADDRESS]',
      'Said he will wait outside [ADDRESS] until I come down',
      "Photo of the door of [ADDRESS], 2.º Esq. with 'bem-vinda a casa'",
      "Letter left at my sister's: Morada: [ADDRESS]",
      // People and their ages named only in free text, knowingly kept (README: no named-entity model).
      'Statement taken by R. Jones, 3 officers came; the neighbour R. Patel, 68, saw him',
      'Ele escreveu: sei que ela mora em [ADDRESS] – 2.º Esq. e que o pai mora perto da [ADDRESS]',
      'Envelope addressed to Morada:[ADDRESS] and a second one to [ADDRESS], CEP [POSTCODE], São Paulo',
      'On the bus he sat opposite R. Jones, 45, then shouted at me outside R. Patel, 68, who rang 999',
    ]);
  });

  it.each([
    // A number no age is.
    ['R. Augusta, 100', '[ADDRESS]'],
    ['R. Augusta, 1500 - Consolação, São Paulo', '[ADDRESS] - Consolação, São Paulo'],
    ['R. Augusta, 12A', '[ADDRESS]'],
    ['R. Augusta, n.º 12', '[ADDRESS]'],
    // A word of place before it.
    ['Moro na R. Augusta, 12', 'Moro na [ADDRESS]'],
    ['Morada: R. Augusta, 12', 'Morada: [ADDRESS]'],
    ['fica à R. Garrett, 19', 'fica à [ADDRESS]'],
    ['he lives at R. Augusta, 12', 'he lives at [ADDRESS]'],
    ['he moved to R. Augusta, 12', 'he moved to [ADDRESS]'],
    ['my address is R. Augusta, 12', 'my address is [ADDRESS]'],
    // A floor, a flat, or a postcode and a town after it.
    ['R. Augusta, 12, 3º andar', '[ADDRESS], 3º andar'],
    ['R. Augusta, 12, r/c', '[ADDRESS], r/c'],
    ['R. Augusta, 12, 1100-053 Lisboa', '[ADDRESS], [POSTCODE] Lisboa'],
  ])('%s', (text, expected) => {
    const r = new Redactor([], 'PT');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.address).toBe(1);
  });

  // Left in clear before: a capital Nº, a letter after a dash, a comma without a space, Portuguese words of
  // place ("mora em", "perto da") and a label's colon touching it, a floor after a dash or glued to its side,
  // a CEP.
  it.each([
    ['R. Augusta, Nº 12', '[ADDRESS]'],
    ['R. Augusta, N.º 12', '[ADDRESS]'],
    ['Rua Augusta, Nº 12', '[ADDRESS]'],
    ['R. Augusta, 12-A', '[ADDRESS]'],
    ['R. Augusta,100', '[ADDRESS]'],
    ['ela mora em R. Augusta, 12', 'ela mora em [ADDRESS]'],
    ['ela vive em R. Augusta, 12', 'ela vive em [ADDRESS]'],
    ['perto da R. Augusta, 12', 'perto da [ADDRESS]'],
    ['mudou-se para a R. Augusta, 12', 'mudou-se para a [ADDRESS]'],
    ['Morada:R. Augusta, 12', 'Morada:[ADDRESS]'],
    ['R. Augusta, 12 – 2.º Esq.', '[ADDRESS] – 2.º Esq.'],
    ['R. Augusta, 12 3ºEsq', '[ADDRESS] 3ºEsq'],
    ['R. Augusta, 12, CEP 01310-100, São Paulo', '[ADDRESS], CEP [POSTCODE], São Paulo'],
  ])('%s', (text, expected) => {
    for (const region of ['PT', 'BR', 'GB', undefined]) {
      const r = new Redactor([], region);
      expect(r.redact(text)).toBe(expected);
      expect(r.counts.address).toBe(1);
    }
  });

  it.each([
    ['CEP 01310-100', 'CEP [POSTCODE]'],
    ['código postal 1100-053', 'código postal [POSTCODE]'],
    ['Rua Augusta 12, 2.º Esq., 1100-053 Lisboa', '[ADDRESS], 2.º Esq., [POSTCODE] Lisboa'],
  ])('%s: a postcode, not a phone number', (text, expected) => {
    const r = new Redactor([], 'PT');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.phone).toBe(0);
  });

  it.each([
    'R. Jones, 32, of Leeds',
    'I spoke to R. Jones, 32, yesterday',
    'a letter from R. Jones, 32, came',
    'R. Jones-Smith, 32, of Leeds',
    'saw R. Jones, 3 officers came',
    'as R. Jones, 2019, found',
    'R. Augusta, 12',
    'Maria R. Santos, 12, was there',
    'R. Jones,32, of Leeds',
    'R. Jones, no 1 fan',
    'R. Jones, No 1 fan',
    'uma carta para R. Jones, 32',
    // Words of being somewhere, said of a person as often (README: a person and an age stay).
    'sat opposite R. Jones, 45, on the bus',
    'he was near R. Jones, 32, all night',
    'outside R. Jones, 45, shouted',
    'I was at R. Jones, 32, party',
    'staying at R. Jones, 32, house',
  ])('keeps %s', (text) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
  });
});
