/**
 * A name holds an apostrophe written one way in the export and another in a text: iOS writes the curly ’ in a
 * sender's name ("Declan D’Arcy"), a message typed on another keyboard the straight one ("tell D'Arcy's mum"),
 * and the reverse. The name pattern compared apostrophes literally, so "D'Arcy" and "O'Neill" stayed in clear
 * beside the redacted senders. Any apostrophe (straight, curly, reversed, a backtick, U+02BC, an acute accent ´ or a
 * prime ′ typed for one) now matches any
 * other or none ("oneill"), a name with one also in the plural ("the O’Connors"), and every spelling is one name
 * with one placeholder.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { anonymisedFixtureTexts } from './env.js';

const DECLAN = '[NAME:p0b01]';
const SIOBHAN = '[NAME:p0b02]';
const SEAN = '[NAME:p0b03]';
const r = () =>
  new Redactor(
    [
      { term: 'Declan D’Arcy', placeholder: DECLAN },
      { term: 'Declan', placeholder: DECLAN },
      { term: 'D’Arcy', placeholder: DECLAN },
      { term: 'Siobhán O’Neill', placeholder: SIOBHAN },
      { term: 'O’Neill', placeholder: SIOBHAN },
      { term: "Sean O'Connor", placeholder: SEAN },
      { term: "O'Connor", placeholder: SEAN },
    ],
    'GB',
  );

describe('anonymise: names written with another apostrophe', () => {
  it.each([
    ["tell D'Arcy's mum", `tell ${DECLAN}'s mum`],
    ["O'Neill family know", `${SIOBHAN} family know`],
    ['O’Connor knows', `${SEAN} knows`],
    ['O‘Connor and Oʼneill', `${SEAN} and ${SIOBHAN}`],
    ["declan d'arcy, SEAN O’CONNOR", `${DECLAN}, ${SEAN}`],
    ["Siobhan O'Neill again", `${SIOBHAN} again`],
    // Typed without the apostrophe, and the family in the plural.
    ['oneill and ONeill', `${SIOBHAN} and ${SIOBHAN}`],
    ['the O’Connors, the OConnors', `the ${SEAN}, the ${SEAN}`],
    // An acute accent (U+00B4, which the fold makes a space and a combining acute) or a prime (U+2032) for it.
    ['D´Arcy came', `${DECLAN} came`],
    ['D′Arcy came', `${DECLAN} came`],
    ['the O´Connors and O′Neill', `the ${SEAN} and ${SIOBHAN}`],
    ['Declan D´Arcy again', `${DECLAN} again`],
  ])('%s', (text, expected) => {
    expect(r().redact(text)).toBe(expected);
  });

  it('finds the curly spelling where the case writes the name with an acute accent', () => {
    const acute = new Redactor([{ term: 'Declan D´Arcy', placeholder: DECLAN }], 'GB');
    expect(acute.redact('Declan D’Arcy, Declan D´Arcy')).toBe(`${DECLAN}, ${DECLAN}`);
    // A combining acute after a letter is an accent, no apostrophe: "Arcy" is not the name's part.
    expect(acute.redact('José Arcy, Declan Arcy')).toBe('José Arcy, Declan Arcy');
  });

  it('takes no apostrophe or word that is not the name', () => {
    expect(r().redact("O'Neil's pub, D'Arcey and O'Connell")).toBe("O'Neil's pub, D'Arcey and O'Connell");
    expect(r().redact('Seans and Declans')).toBe('Seans and Declans');
  });

  it('redacts the other spelling in an iPhone export whose sender has the curly one', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-apostrophes', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Siobhán O’Neill', identifiers: ['Siobhán O’Neill'] },
      subject: { name: 'Declan D’Arcy', identifiers: ['Declan D’Arcy'] },
    });
    expect(texts).toHaveLength(4);
    for (const text of texts) expect(text).not.toMatch(/Arcy|Neill|Declan|Siobh/i);
    expect(texts[0]).toMatch(/^\[NAME:p[0-9a-f]{4}\] you can't hide, \[NAME:p[0-9a-f]{4}\]$/);
    expect(texts[1]).toMatch(/^The \[NAME:p[0-9a-f]{4}\] family know what you did$/);
    expect(texts[2]).toMatch(/^Ask \[NAME:p[0-9a-f]{4}\]'s mum if you don't believe me$/);
  });
});
