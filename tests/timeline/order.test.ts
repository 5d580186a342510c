import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortTimeline } from '../../src/timeline/order.js';
import { storeOf as storedRows } from '../helpers/store.js';

/** A store holding events at the given instants, numbered in the order given. */
const storeOf = (instants: readonly number[]) => storedRows(instants.map((ms) => ({ ms })));

/** The reference order: instant, then event number (stable). */
function reference(instants: readonly number[]): number[] {
  return instants
    .map((ms, k) => ({ ms, k }))
    .sort((a, b) => a.ms - b.ms || a.k - b.k)
    .map((x) => x.k);
}

function sorted(instants: readonly number[]): number[] {
  const numbers = Uint32Array.from(instants.keys());
  return [...sortTimeline(storeOf(instants), numbers)];
}

describe('the total order', () => {
  it('puts the repeated hour after clocks go back into instant order, keeping ties in file order', () => {
    // 01:50 BST, 01:10 GMT (later instant), then an ambiguous 01:20 read as the earlier instant (BST).
    const t = Date.parse('2024-10-27T00:50:00Z');
    const instants = [t - 60_000, t, t + 80 * 60_000, t - 30 * 60_000, t + 80 * 60_000, t + 90 * 60_000];
    expect(sorted(instants)).toEqual(reference(instants));
    expect(sorted(instants)).toEqual([3, 0, 1, 2, 4, 5]);
  });

  it('sorts a newest-first export (past the insertion budget) the same way', () => {
    const instants = Array.from({ length: 5000 }, (_, i) => 1_700_000_000_000 - Math.floor(i / 3) * 60_000);
    expect(sorted(instants)).toEqual(reference(instants));
  });

  it('agrees with a stable reference sort on any instants, ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (xs) => {
        const instants = xs.map((x) => 1_700_000_000_000 + x * 60_000);
        expect(sorted(instants)).toEqual(reference(instants));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with the reference on nearly sorted instants', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 60 }), { minLength: 1, maxLength: 400 }), (steps) => {
        let t = 1_700_000_000_000;
        const instants = steps.map((s) => (t += s * 60_000));
        expect(sorted(instants)).toEqual(reference(instants));
      }),
      { numRuns: 300 },
    );
  });
});
