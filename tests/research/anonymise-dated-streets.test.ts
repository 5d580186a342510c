/**
 * A street named after a month or a weekday ("5 May Road", "12 April Close"): its house number and month read as a
 * date, which the anonymiser sets aside before it looks for streets, so the whole address was kept in clear. Such a
 * street is taken before dates (streets.ts DATED_STREET_RE); a date before an everyday word stays a date.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/redact.js';

describe('a street named after a month or a weekday', () => {
  it.each([
    ['moved to 5 May Road last week', 'moved to [ADDRESS] last week'],
    ["he's outside 7 June Avenue again", "he's outside [ADDRESS] again"],
    ['outside 12 April Close at 9pm', 'outside [ADDRESS] at 9pm'],
    ['he lives at 3 March Way now', 'he lives at [ADDRESS] now'],
    ['parked by 3 Friday Street', 'parked by [ADDRESS]'],
    ['Flat 2, 14 May Road', '[ADDRESS]'],
    ['HE IS AT 5 MAY ROAD', 'HE IS AT [ADDRESS]'],
  ])('%s → %s', (text, expected) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(expected);
  });

  it.each([
    'on 5 May road works began outside',
    'by 5 Friday green light',
    'he came round on 5 May and again on 12 June',
    'see you 3 March, the Road to nowhere',
  ])('keeps a date before an everyday word: %s', (text) => {
    expect(new Redactor([], 'GB').redact(text)).toBe(text);
  });

  it('takes the street whole when dates are shifted too', () => {
    expect(new Redactor([], 'GB', { shiftedDates: true }).redact('moved to 5 May Road on 12 June')).toBe(
      'moved to [ADDRESS] on [DATE]',
    );
  });
});
