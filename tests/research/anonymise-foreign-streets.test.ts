/**
 * Street addresses the English patterns did not fit were left in clear, in whole or in part: a German, French,
 * Spanish or Portuguese street (chronolog reads those exports; `Hauptstraße 12`, `Bahnhofstr. 5`, `12 rue de la
 * Paix`, `Calle Mayor 5`), an American numbered street (`350 5th Ave`, `42 W 34th St`), and a street named after a
 * saint written with a dot (`12 St. John’s Wood Road` kept "12 St.") or a hyphenated name (`7 Ashby-de-la-Zouch
 * Road` kept "7 Ashby-de-la-"). Each is now `[ADDRESS]` whole; each needs its house number, as English streets
 * named alone do, so "in der Hauptstraße", "on 5th Ave" and "Platz 1" (a ranking) stay, and so do English words
 * that are also such street words ("The Plaza Hotel, 5 stars", "2 Square Miles") and an initial before a name and
 * a count or an age ("R. Jones, 3 officers", "R. Jones, 32"; after a title, "PC R. Jones" is a name).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

describe('anonymise: streets as other countries write them', () => {
  it('redacts them in a diary', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-foreign-streets', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      'He wrote that he knows I moved to [ADDRESS], Berlin',
      'Said he waited outside [ADDRESS] all night',
      "Photo of my sister's flat, [ADDRESS], with 'see you soon'",
      'He is at [ADDRESS] again, then at [ADDRESS]',
    ]);
  });

  it.each([
    ['at 12 St. John’s Wood Road', 'at [ADDRESS]'],
    ['at 7 Ashby-de-la-Zouch Road', 'at [ADDRESS]'],
    ['he lives at 350 5th Ave', 'he lives at [ADDRESS]'],
    ['at 42 W 34th St.', 'at [ADDRESS]'],
    ['11 West 53rd Street', '[ADDRESS]'],
    ['Hauptstraße 12, Berlin', '[ADDRESS], Berlin'],
    ['wohnt in der Bahnhofstr. 5', 'wohnt in der [ADDRESS]'],
    ['Konrad-Adenauer-Straße 3a', '[ADDRESS]'],
    ['Berliner Straße 12', '[ADDRESS]'],
    ['at 12 rue de la Paix', 'at [ADDRESS]'],
    ['3 bis avenue Victor Hugo', '[ADDRESS]'],
    ['12 Place Vendôme', '[ADDRESS]'],
    ['Calle Mayor 5', '[ADDRESS]'],
    ['Avenida de la Constitución, 12', '[ADDRESS]'],
    ['vive en la calle de Alcalá 20', 'vive en la [ADDRESS]'],
    ['Rua Augusta 100', '[ADDRESS]'],
    ['Moro na R. da Prata, 100', 'Moro na [ADDRESS]'],
    ['Morada: R. Augusta 100', 'Morada: [ADDRESS]'],
    ['12 Route de Lyon', '[ADDRESS]'],
    ['2 Square Louvois', '[ADDRESS]'],
    ['Calle Mayor 5 B, Madrid', '[ADDRESS], Madrid'],
    // Hyphenated names, and German ones with a particle: each whole, none left half in clear.
    ['elle habite 12 rue du Faubourg-Saint-Honoré', 'elle habite [ADDRESS]'],
    ['12 avenue des Champs-Élysées', '[ADDRESS]'],
    ['12 boulevard Saint-Germain', '[ADDRESS]'],
    ['il habite 3 place Jean-Jaurès', 'il habite [ADDRESS]'],
    ['vive en Calle Sant-Joan 5', 'vive en [ADDRESS]'],
    ['mora na Avenida Sá-Carneiro 12', 'mora na [ADDRESS]'],
    ['Friedrich-Wilhelm-von-Steuben-Straße 5', '[ADDRESS]'],
    ['Friedrich-von-Schiller-Straße 5', '[ADDRESS]'],
  ])('%s', (text, expected) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.address).toBe(1);
  });

  it.each([
    'in der Hauptstraße',
    'Platz 1 im Rennen, Weg 3 ist frei',
    'la rue est calme',
    'he waited on 5th Ave',
    'I came 2nd place, 3 times the price',
    // English words that are also French or Iberian street words, and an initial that is also "R." for "Rua".
    'saw R. Jones, 3 officers came',
    'R. Jones, 32, of Leeds',
    'The Plaza Hotel, 5 stars',
    'Estrada Santos, 12 people saw it',
    'the 2 Square Miles of the City',
    'down 10 Route One',
    'He walked 10 Avenue Roads',
  ])('keeps %s', (text) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
  });

  it('takes a titled initial and surname for a name, not a street', () => {
    expect(new Redactor([], 'GB').redact('PC R. Jones, 3 officers came')).toBe('PC [NAME], 3 officers came');
  });
});
