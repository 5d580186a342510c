/**
 * An e-mail address may hold letters beyond ASCII, as Spanish, German and other users' addresses do: the address
 * pattern read ASCII only, so `josé@ejemplo.es` was left whole and `sam.carter@münchen.de` lost only its user
 * part to the name step (`[NAME:…]@münchen.de`), its domain in clear. Letters of any script, accents composed or
 * as combining marks, are now an address's.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const SAM = '[NAME:p0c01]';
const r = () =>
  new Redactor(
    [
      { term: 'Sam Carter', placeholder: SAM },
      { term: 'Sam', placeholder: SAM },
      { term: 'Carter', placeholder: SAM },
    ],
    'ES',
  );

describe('anonymise: e-mail addresses with letters beyond ASCII', () => {
  it.each([
    ['escríbeme a josé@ejemplo.es ya', 'escríbeme a [EMAIL] ya'],
    ['mail sam.carter@münchen.de.', 'mail [EMAIL].'],
    ['JOSÉ.NÚÑEZ@CORREO.ES, zoë@example.com', '[EMAIL], [EMAIL]'],
    ['jose\u0301@ejemplo.es', '[EMAIL]'],
    ['δοκιμή@παράδειγμα.δοκιμή', '[EMAIL]'],
  ])('%s', (text, expected) => {
    const redactor = r();
    expect(redactor.redact(text)).toBe(expected);
    expect(redactor.counts.email).toBe(expected.split('[EMAIL]').length - 1);
  });

  it('leaves an @ that starts no address', () => {
    expect(r().redact('nos vemos @ münchen, señor@')).toBe('nos vemos @ münchen, señor@');
  });
});
