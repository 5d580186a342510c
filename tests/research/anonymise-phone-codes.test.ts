/**
 * A number written with its country calling code is redacted whole. libphonenumber-js finds a number that is not
 * valid in its own country (`+1 (555) 010-9999`, the US range kept for fiction) as its national part alone, which
 * left `+1 ` in the text; and the digit-run pattern took either the bracket or the plus of `(+44)`, which left a
 * lone `(`. Both give away where the number is from.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const redact = (t: string) => new Redactor([], 'GB').redact(t);

describe('anonymise: phone numbers with a country calling code', () => {
  it.each([
    ['+1 (555) 010-9999', '[PHONE]'],
    ['text +1 (555) 010-9999 now', 'text [PHONE] now'],
    ['(+44) 7700 900123', '[PHONE]'],
    ['call (+44) 7700 900123.', 'call [PHONE].'],
    ['+44 (7700) 900123', '[PHONE]'],
    ['+1 (212) 555-0123', '[PHONE]'],
  ])('%s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps an amount or a count before a number found without its code', () => {
    expect(redact('£5 (555) 010-9999')).toBe('£5 [PHONE]');
    expect(redact('rang 3 times: (555) 010-9999')).toBe('rang 3 times: [PHONE]');
  });
});
