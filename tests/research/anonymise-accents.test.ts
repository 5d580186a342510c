/**
 * A name the case or an export writes with accents ("José Ñúñez", "Zoë") is often typed without them in a
 * message ("tell Jose", "Zoe knows"): the copy kept those in clear, since a name was matched only with its
 * accents, composed or as combining marks. Written plain it is now that person's name too, with their one
 * placeholder; a plain form that is an ordinary word ("Rosé" → "rose") only where capitalised, as such words are.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const JOSE = '[NAME:p0a01]';
const ZOE = '[NAME:p0a02]';
const ROSE = '[NAME:p0a03]';
const r = () =>
  new Redactor(
    [
      { term: 'José Ñúñez', placeholder: JOSE },
      { term: 'José', placeholder: JOSE },
      { term: 'Ñúñez', placeholder: JOSE },
      { term: 'Zoë', placeholder: ZOE },
      { term: 'Rosé', placeholder: ROSE },
    ],
    'ES',
  );

describe('anonymise: names typed without their accents', () => {
  it.each([
    ['tell Jose I said hi', `tell ${JOSE} I said hi`],
    ['JOSE NUNEZ again', `${JOSE} again`],
    ['Nunez, José and Jose\u0301', `${JOSE}, ${JOSE} and ${JOSE}`],
    ['Zoe knows, zoë too', `${ZOE} knows, ${ZOE} too`],
    ['Rose said the sun rose', `${ROSE} said the sun rose`],
  ])('%s', (text, expected) => {
    expect(r().redact(text)).toBe(expected);
  });

  it('takes no name inside a longer word (the accented name itself is redacted in any case)', () => {
    const text = 'Joseph, Josefina, Zoey and rosé wine';
    expect(r().redact(text)).toBe('Joseph, Josefina, Zoey and [NAME:p0a03] wine');
  });
});
