/**
 * People type a phone number with the letter O for its zeros, by habit or to slip past a filter ("My new number
 * is O7700 9OO 456"). The number reached the anonymised copy in clear: only runs of digits were taken for phone
 * numbers. An O beside no digit ("10 o'clock", "or") is a word and stays.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const r = () => new Redactor([], 'GB');

describe('anonymise: phone numbers written with the letter O for zero', () => {
  it.each([
    ['My new number is O7700 9OO 456, call me', 'My new number is [PHONE], call me'],
    ['ring O77OO9OO456 now', 'ring [PHONE] now'],
    ['or 0770O 900 456.', 'or [PHONE].'],
    ['text +44 77OO 9OO456', 'text [PHONE]'],
    ['(O7700) 9OO-456 is mine', '[PHONE] is mine'],
  ])('%s', (text, expected) => {
    const x = r();
    expect(x.redact(text)).toBe(expected);
    expect(x.counts.phone).toBe(1);
  });

  it('leaves an O that is a word, short numbers and counts', () => {
    const x = r();
    const text = "At 10 o'clock, 2 or 3 times, room 1O1, GO 2000 or so, OOO 123 and lol 100 o 200";
    expect(x.redact(text)).toBe(text);
    expect(x.counts.phone).toBe(0);
  });
});
