/**
 * With `--shift-dates`, a French or Spanish month that is also an English word, written with a capital and no year,
 * stayed in clear: "14 Mars" (French), "1er Mars", "14 de Mayo" (Spanish), read as "3 Mars bars" is, a count of
 * chocolate bars. One date left beside shifted records gives the secret shift away, while "I ate 3 Mars" losing its
 * count costs the research nothing it is about; so such a day and month is a date, and a count only where an
 * English noun of that thing follows it ("3 Mars bars", "2 Mayo sachets", "the 15 Mayo players"). A French day
 * ("1er") or a Spanish "de" makes it a date always. The Spanish, French and Portuguese abbreviations of the months
 * that differ from the English ones (`ene`, `abr`, `dic`, `fév`, `fev`) were not known at all, as the German ones
 * (`mär`, `okt`, `dez`) and other French ones (`janv`, `avr`, `déc`) were: now they are. "a note from May" is kept,
 * as April, May and June after "from" alone name a person as often (decided in the README).
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

const shifted = () => new Redactor([], 'GB', { shiftedDates: true });

describe('anonymise --shift-dates: capitalised foreign months and foreign abbreviations', () => {
  it('replaces them in a diary', async () => {
    const texts = await anonymisedFixtureTexts(
      'fixtures/anonymise-capitalised-foreign-months',
      {
        timezone: 'Europe/Paris',
        region: 'FR',
        victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
        subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
      },
      { shiftDates: true },
    );
    expect(texts).toEqual([
      "Il a écrit: [DATE], je t'attendais devant chez toi",
      'Il a écrit: [DATE] tu es partie sans me dire',
      'Escribió: [DATE] fuimos felices, [DATE] no se olvida',
      'Escribió: desde el [DATE] no me contestas, nos vemos el [DATE]',
      'He left 3 Mars bars and 2 Mayo sachets on the doorstep, a note from May, and 5 Mars bars more',
      'Escreveu: [DATE] foi o último dia, voltou a [DATE] e a [DATE]; o bilhete diz [DATE]',
      'He sent 1 dic pic at night, and 2 Mars-bars were left on the step',
    ]);
  });

  // Whole dates, day and month as well as year, that stayed in clear but for the year ("14 ago. [YEAR]").
  it.each([
    // `ago`, `set`, `out` (agosto, setembro, outubro) after "de", or with their full stop and a year.
    ['14 de ago. de 2024', '[DATE]'],
    ['3 de out. de 2024', '[DATE]'],
    ['veio a 3 de set', 'veio a [DATE]'],
    ['3 set. 2024', '[DATE]'],
    ['14 ago. 2024', '[DATE]'],
    ['14 Ago. 2024', '[DATE]'],
    // A foreign month in the joined day-month-year form, as `14-Mar-2024` is.
    ['14-abr-2024', '[DATE]'],
    ['14-ene-2024', '[DATE]'],
    ['14-mars-2024', '[DATE]'],
    ['3/out/24', '[DATE]'],
    // The Portuguese and Spanish ordinal day: `1º`, `1.º`, or typed `1o`.
    ['1º de janeiro', '[DATE]'],
    ['1º de maio de 2024', '[DATE]'],
    ['1.º de maio de 2024', '[DATE]'],
    ['1o de maio', '[DATE]'],
  ])('%s', (text, expected) => {
    expect(shifted().redact(text)).toBe(expected);
  });

  it.each([
    ['14 Mars', '[DATE]'],
    ['he came on 14 Mars', 'he came on [DATE]'],
    ['14 MARS', '[DATE]'],
    ['1er Mars il est venu', '[DATE] il est venu'],
    ['14 de Mayo fuimos', '[DATE] fuimos'],
    ['le 14 Mars bars', 'le [DATE] bars'],
    ['I ate 3 Mars', 'I ate [DATE]'],
    ['14 ene 2024', '[DATE]'],
    ['el 14 de abr', 'el [DATE]'],
    ['hasta el 3 dic', 'hasta el [DATE]'],
    ['le 14 fév', 'le [DATE]'],
    ['14 fev 2024', '[DATE]'],
    ['desde abr', 'desde [DATE]'],
    ['el 1 dic pic', 'el [DATE] pic'],
  ])('%s', (text, expected) => {
    expect(shifted().redact(text)).toBe(expected);
  });

  it.each([
    '3 Mars bars',
    'He is 3 Mars bars down',
    'the 2 Mars rovers',
    'I ate 2 Mars bars and 3 Mayo sachets',
    'the 15 Mayo players',
    'Got a text from May',
    'no mayo, 3 out of 5, 2 set menus',
    'a 14 abreast queue, 3 enemies, 2 dice',
    '3 days ago, 2 set in stone, 3 out now',
    'o 2º andar, 1o lugar',
    // A hyphen before the noun; `dic` in lower case before a word of a picture (slang, not diciembre).
    '2 Mars-bars',
    'he sent 1 dic pic',
    'he sent 2 dic-pics',
  ])('keeps %s', (text) => {
    expect(shifted().redact(text)).toBe(text);
  });
});
