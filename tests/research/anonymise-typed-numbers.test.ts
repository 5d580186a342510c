/**
 * Card numbers, IMEIs, NHS numbers and IPv4 addresses all came out of the anonymised copy as `[PHONE]` (their
 * digits read as one long number), and an IPv6 address was left as written. A researcher counting the phone
 * numbers shared in a case counted cards and handsets too, and the IPv6 address named a home connection. Each
 * now has its own placeholder, told apart from a phone number by its check digits (Luhn for cards and IMEIs, the
 * NHS's mod 11); a phone number is still `[PHONE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';
import { isIPv6 } from '../../src/timeline/anonymise/network.js';
import { luhn, nhsCheck } from '../../src/timeline/anonymise/numbers.js';
import { anonymisedFixtureTexts } from './env.js';

const NAME = '\\[NAME:p[0-9a-f]{4}\\]';

describe('anonymise: cards, IMEIs, NHS numbers and IP addresses have their own placeholders', () => {
  it('labels each in a WhatsApp chat, and keeps [PHONE] for the phone number', async () => {
    const texts = await anonymisedFixtureTexts('fixtures/anonymise-typed-numbers', {
      timezone: 'Europe/London',
      region: 'GB',
      victim: { name: 'Alex Morgan', identifiers: ['Alex Morgan'] },
      subject: { name: 'Sam Sample', identifiers: ['Sam Sample'] },
    });
    expect(texts).toEqual([
      "I've still got your card [CARD], exp 09/27. Shall I use it?",
      'Stop. My bank is cancelling it.',
      'And the amex, [CARD]. Ring me on my new number [PHONE]',
      'Your old phone is still logged in, IMEI [IMEI], I can see everything',
      "[IMEI] is the new one isn't it",
      "Your NHS number is [NHS-NUMBER], I'll ring your GP",
      'You logged in from [IP] last night. Then from [IP].',
      'Please leave me alone.',
    ]);
    expect(texts.join('\n')).not.toMatch(new RegExp(NAME));
  });

  it('leaves numbers whose check digit fails to the phone steps, and counts each kind', () => {
    const r = new Redactor([], 'GB');
    // One digit changed: no card, no IMEI, no NHS number; still no number left in clear.
    expect(r.redact('card 4111 1111 1111 1112')).toBe('card [PHONE]');
    expect(r.redact('IMEI 352099001761482')).toBe('IMEI [PHONE]');
    expect(r.redact('NHS 943 476 5918')).toBe('NHS [PHONE]');
    // A UK number of ten digits after its 0 is a phone number whatever its check digits.
    expect(r.redact('call 0161 496 0000 or 020 7946 0018')).toBe('call [PHONE] or [PHONE]');
    expect(r.counts).toMatchObject({ card: 0, imei: 0, nhs: 0, ip: 0, phone: 5 });
    expect(r.redact('4111-1111-1111-1111 and nhs no. 9434765919, ip 10.0.0.12:8080')).toBe(
      '[CARD] and nhs no. [NHS-NUMBER], ip [IP]:8080',
    );
    expect(r.counts).toMatchObject({ card: 1, nhs: 1, ip: 1 });
  });

  it('takes a number written with its international prefix for a phone number, never an IMEI', () => {
    const r = new Redactor([], 'GB');
    // Both pass Luhn by chance and have 15 digits, as an IMEI has.
    expect(luhn('004915123456704')).toBe(true);
    expect(luhn('008613812345603')).toBe(true);
    expect(r.redact('new number 0049 1512 3456704, or 0086 138 1234 5603, or +49 1512 3456704')).toBe(
      'new number [PHONE], or [PHONE], or [PHONE]',
    );
    expect(r.counts).toMatchObject({ imei: 0, card: 0, phone: 3 });
    expect(r.redact('IMEI 352099001761481 and 352099001761481')).toBe('IMEI [IMEI] and [IMEI]');
    expect(r.counts.imei).toBe(2);
    const many = '0049 1512 3456704, '.repeat(5_300);
    expect(many.length).toBeGreaterThan(100_000);
    expect(r.redact(many)).toBe('[PHONE], '.repeat(5_300));
    expect(r.counts.imei).toBe(2);
  });

  it('takes no time of day, version or MAC address for an IP address', () => {
    const r = new Redactor([], 'GB');
    expect(r.redact('at 21:30:05, v1.2.3, 256.1.1.1, 00:1A:2B:3C:4D:5E')).not.toContain('[IP]');
    expect(isIPv6('::1')).toBe(true);
    expect(isIPv6('::ffff:192.0.2.1')).toBe(true);
    expect(isIPv6('2001:db8::1::2')).toBe(false);
    expect(isIPv6('1:2:3:4:5:6:7')).toBe(false);
    expect(luhn('4111111111111111')).toBe(true);
    expect(nhsCheck('9434765919')).toBe(true);
  });
});
