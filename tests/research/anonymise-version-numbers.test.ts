/**
 * A version number without its word before it was `[PHONE]`: "my laptop is on 10.0.19045.4170" (a Windows build)
 * or "chrome 120.0.6099.109 update" read as one run of digits. It names a program, not a person. A dotted number of
 * four or more parts that is no IPv4 address is now kept where it has the shape of a version and of no phone number
 * written with dots: a first part of one to three digits not starting with 0 (national numbers start with 0,
 * international ones with + or 00), and a part of five or more digits or a lone 0 (no phone number is grouped so).
 * A valid IPv4 address stays `[IP]`, and dotted phone numbers stay `[PHONE]`.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

describe('anonymise: version numbers without their word', () => {
  it('keeps a build number that no phone number is shaped like', () => {
    const r = new Redactor([], 'GB', { shiftedDates: true });
    const kept = [
      'my laptop is on 10.0.19045.4170 and he still got in',
      'chrome 120.0.6099.109 update came through',
      'the app said 6.1.0.1234, then crashed',
      'Edge 10.0.22631.3296.',
      // Windows also writes its build in three parts: a major version, 0, and five digits.
      'on windows 10.0.19045 he installed it',
      'build 10.0.22631 again',
    ];
    for (const text of kept) expect(r.redact(text), text).toBe(text);
    expect(r.counts.phone).toBe(0);
  });

  it('still redacts IPv4 addresses and phone numbers written with dots', () => {
    const r = new Redactor([], 'GB');
    const cases: [string, string][] = [
      ['app 1.2.3.4 crashed', 'app [IP] crashed'],
      ['from 10.0.1.2 again', 'from [IP] again'],
      ['call 1.555.010.9999', 'call [PHONE]'],
      ['ring 01.23.45.67.89', 'ring [PHONE]'],
      ['ring 0161.496.0000', 'ring [PHONE]'],
      ['new one 44.7911.123.456', 'new one [PHONE]'],
      ['ring 44.0.79111234567', 'ring [PHONE]'],
    ];
    for (const [text, expected] of cases) expect(r.redact(text), text).toBe(expected);
    expect(r.counts).toMatchObject({ ip: 2, phone: 5 });
  });

  it('reads a long run of dotted numbers once', () => {
    const text = `1${'.0'.repeat(100_000)}a`;
    expect(new Redactor([], 'GB').redact(text)).toBe('[PHONE]a');
  });
});
