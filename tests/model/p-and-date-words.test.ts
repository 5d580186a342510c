/**
 * The two shared helpers every output writes a p-value and a span of dates in a sentence with (model/format.ts):
 * - `formatP` never prints a p on the other side of 0.05, or on it, from the words beside it: 0.0496 and 0.0504 both
 *   read "p = 0.050" in two significant digits, one beside "beyond chance" and the other not;
 * - `fromTo` says a span of dates with one way of giving a range: "from 15 to 28 March 2024", never
 *   "from 15–28 March 2024".
 */
import { describe, expect, it } from 'vitest';
import { formatP, fromTo, fromToDates, P_CUT } from '../../src/model/format.js';

describe('formatP at the 0.05 cut', () => {
  it('gives a p just below or just above 0.05 the digits that show which side it is on', () => {
    expect(formatP(0.0496)).toBe('p = 0.0496');
    expect(formatP(0.0504)).toBe('p = 0.0504');
    expect(formatP(0.04996)).toBe('p = 0.04996');
    expect(formatP(0.05004)).toBe('p = 0.05004');
    expect(formatP(0.0499999)).toBe('p = 0.0499999');
  });

  it('keeps "p = 0.050" for a p of exactly 0.05, which is not below the cut', () => {
    expect(formatP(0.05)).toBe('p = 0.050');
    expect(0.05 < P_CUT).toBe(false);
  });

  it('never shows a p below 0.05 as 0.05 or more, nor one at or above it as below, for p near the cut', () => {
    // Every p from 0.04 to 0.06 in steps of 1e-6, and the doubles next to 0.05.
    const near = [0.05 - Number.EPSILON / 8, 0.05 + Number.EPSILON / 8];
    for (let i = 40_000; i <= 60_000; i++) near.push(i / 1e6);
    for (const p of near) {
      const shown = Number(formatP(p).slice('p = '.length));
      expect(shown < P_CUT, `${p} printed as ${formatP(p)}`).toBe(p < P_CUT);
      if (p !== P_CUT) expect(shown).not.toBe(P_CUT);
    }
  });

  it('writes every other p as before: two significant digits, "p < 0.001" below 0.001', () => {
    expect(formatP(0.0496 * 2)).toBe('p = 0.099');
    expect(formatP(0.0451)).toBe('p = 0.045');
    expect(formatP(0.0549)).toBe('p = 0.055');
    expect(formatP(0.22)).toBe('p = 0.22');
    expect(formatP(1)).toBe('p = 1.0');
    expect(formatP(0.0009)).toBe('p < 0.001');
    expect(formatP(null)).toBe('p not computable');
  });
});

describe('formatP of a value that is no probability', () => {
  it('says "p not computable" for a missing, NaN, infinite or negative p, never "p = NaN" or a throw', () => {
    for (const p of [
      null,
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      -0.02,
      -1e-300,
    ])
      expect(formatP(p)).toBe('p not computable');
    // The edges of what a p can be are still written as figures.
    expect(formatP(0)).toBe('p < 0.001');
    expect(formatP(1)).toBe('p = 1.0');
  });
});

describe('fromTo', () => {
  it('says a span within one month with "from … to …", not with a dash after "from"', () => {
    expect(fromTo('2024-03-15', '2024-03-28')).toBe('from 15 to 28 March 2024');
    expect(fromTo('2024-03-29', '2024-04-25')).toBe('from 29 March to 25 April 2024');
    expect(fromTo('2023-12-04', '2024-01-02')).toBe('from 4 December 2023 to 2 January 2024');
  });

  it('says one day as "on", and opens a sentence with a capital (fromToDates)', () => {
    expect(fromTo('2024-03-05', '2024-03-05')).toBe('on 5 March 2024');
    expect(fromToDates('2024-02-14', '2024-02-15')).toBe('From 14 to 15 February 2024');
    expect(fromToDates('2024-02-14', '2024-02-14')).toBe('On 14 February 2024');
  });
});
