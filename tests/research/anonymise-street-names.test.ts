/**
 * A street named for a person with a capital inside its name ("3 O'Connell Road", "McDonald Close") was cut at
 * the apostrophe or second capital: the copy read "I'm at 3 O'[ADDRESS]", keeping the house number and the
 * initial. The whole address is now `[ADDRESS]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: street names with a capital inside', () => {
  it.each([
    ["I'm at 3 O'Connell Road now", "I'm at [ADDRESS] now"],
    ['parked on McDonald Close again', 'parked on [ADDRESS] again'],
    ['14 D’Arcy Street, the blue door', '[ADDRESS], the blue door'],
    ['12 Elm Road and Station Road', '[ADDRESS] and [ADDRESS]'],
  ])('%s', (text, expected) => {
    const r = new Redactor([], 'GB');
    expect(r.redact(text)).toBe(expected);
    expect(r.counts.address).toBe(expected.split('[ADDRESS]').length - 1);
  });

  it('still takes no shouted words or a title for a street', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('I SAW YOU ON THE ROAD. Saw Dr Patel')).toBe('I SAW YOU ON THE ROAD. Saw Dr [NAME]');
  });
});
