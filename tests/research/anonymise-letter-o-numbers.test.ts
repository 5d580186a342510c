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

  it("reads a long run of digits and O's from a hostile message in one pass, not in exponentially many ways", () => {
    // With an empty separator allowed between groups, "1o1o…1x" could be split into groups in exponentially many
    // ways: 20 pairs took 40 s, and each pair more about four times as long. This completes at once.
    const x = r();
    const texts = [`room ${'1o'.repeat(400)}x`, `${'1O'.repeat(400)}1x`, `call ${'1O '.repeat(300)}x`];
    for (const text of texts) expect(x.redact(text)).not.toBe('');
    expect(x.redact(`room ${'1o'.repeat(20)}x`)).toBe(`room ${'1o'.repeat(20)}x`);
  });
});
