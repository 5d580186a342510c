/**
 * A date written just before a long number ("on 12/03/2024 07911 123456") lost its year to the number: the
 * check-digit step (numbers.ts) read "2024 07911 123456" as 15 digits, and one in ten pass the Luhn check, so
 * the copy read "on 12/03/[IMEI]": a false label, and with the dates shifted the true day and month ("12/03/")
 * were left as written beside a shifted record. A long number no longer starts just after a date's or a
 * time's separator, so the date is kept (or `[DATE]`) and the number is `[PHONE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: a date just before a long number', () => {
  it('keeps the date whole and labels the number', () => {
    const kept = new Redactor([], 'GB');
    expect(kept.redact('on 12/03/2024 07911 123456 rang 4 times')).toBe('on 12/03/2024 [PHONE] rang 4 times');
    expect(kept.counts).toMatchObject({ imei: 0, phone: 1 });
    const shifted = new Redactor([], 'GB', { shiftedDates: true });
    expect(shifted.redact('on 12/03/2024 07911 123456 rang 4 times')).toBe('on [DATE] [PHONE] rang 4 times');
    expect(shifted.counts).toMatchObject({ imei: 0, phone: 1, date: 1 });
  });

  it('still labels a card or an IMEI written after a word and a colon', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('card:4111 1111 1111 1111 IMEI:352099001761481')).toBe('card:[CARD] IMEI:[IMEI]');
  });
});
