/**
 * A map position pins a home or a workplace more exactly than a street address, and people paste them from a maps
 * app or a location share ("I'm outside, 51.5074, -0.1278"). They reached the anonymised copy in clear (or, with
 * six decimals and no space, as a "[PHONE]"): no pattern knew them. They are now `[LOCATION]`, counted in the
 * manifest; numbers that only look alike stay.
 */
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/timeline/anonymise/index.js';

const r = () => new Redactor([], 'GB', { shiftedDates: true });

describe('anonymise: map positions', () => {
  it.each([
    ["I'm outside, 51.5074, -0.1278. Come out", "I'm outside, [LOCATION]. Come out"],
    ['pin: 51.507351,-0.127758', 'pin: [LOCATION]'],
    ['-33.8688, 151.2093 is where you are', '[LOCATION] is where you are'],
    ['51.5074° N, 0.1278° W', '[LOCATION]'],
    [`at 51°30'26.6"N 0°07'40.1"W tonight`, 'at [LOCATION] tonight'],
    ['51°30′26″N, 0°07′40″W', '[LOCATION]'],
    ['meet me at ///filled.count.soap', 'meet me at [LOCATION]'],
    ['GV4C+XV London, or 9C3XGV4C+XV', '[LOCATION] London, or [LOCATION]'],
  ])('%s', (text, expected) => {
    const x = r();
    expect(x.redact(text)).toBe(expected);
    expect(x.counts.phone).toBe(0);
    expect(x.counts.location).toBe(expected.split('[LOCATION]').length - 1);
  });

  it('leaves numbers that are no position', () => {
    const x = r();
    const text =
      'Paid 2.50, 3.75 and 12.5, 6.0; 4.5/5 stars; version 1.2.3; 2+2=4; 123.456, 999.123; C++ code';
    expect(x.redact(text)).toBe(text);
    expect(x.counts.location).toBe(0);
  });
});
