/**
 * Names joined by underscores, as file names and user names write them (`Sam_passport.jpg`, `IMG_Sam.jpg`,
 * `alex_morgan.docx`), are names: an attachment's name in a message text gave them away, since the word
 * boundary the names were matched on counted `_` as a letter.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const SAM = '[NAME:p0001]';
const CARTER = '[NAME:p0002]';
const ALEX = '[NAME:p0003]';
const r = new Redactor(
  [
    { term: 'Sam', placeholder: SAM },
    { term: 'Carter', placeholder: CARTER },
    { term: 'Alex', placeholder: ALEX },
    { term: 'Will', placeholder: '[NAME:p0004]' },
  ],
  'GB',
);

describe('anonymise: names beside underscores', () => {
  it.each([
    ['<attached: Sam_passport.jpg>', `<attached: ${SAM}_passport.jpg>`],
    ['IMG_Sam.jpg', `IMG_${SAM}.jpg`],
    ['Carter_2024.pdf', `${CARTER}_2024.pdf`],
    ['alex_carter.docx', `${ALEX}_${CARTER}.docx`],
    ['__Sam__', `__${SAM}__`],
  ])('%s', (text, expected) => {
    expect(r.redact(text)).toBe(expected);
  });

  it('still finds no name inside a longer word', () => {
    expect(r.redact('Samantha_x and Alexander')).toBe('Samantha_x and Alexander');
    expect(r.redact('you will_be')).toBe('you will_be');
  });
});
