/**
 * The one total order used everywhere: UTC instant, then input (sorted path), then position in the input.
 * Inputs are read in sorted-path order and stored in emission order, so event numbers already follow input
 * and position: ordering by (instant, number) yields the total order, and command-line order never matters.
 */
import type { EventStore } from './store.js';

/** Sorts event numbers into the total order (in place) and returns them. */
export function sortTimeline(store: EventStore, numbers: Uint32Array): Uint32Array {
  const ms = (k: number) => store.ms(k);
  const before = (a: number, b: number) => {
    const d = ms(a) - ms(b);
    return d < 0 || (d === 0 && a < b);
  };
  // Exports are nearly always in time order already, give or take a few records (the repeated hour when clocks
  // go back, a late-delivered message): an insertion sort fixes those in linear time. Past a budget of moves it
  // gives up and sorts in full, so a newest-first export costs n log n, never n².
  let budget = 8 * numbers.length + 64;
  for (let i = 1; i < numbers.length; i++) {
    const k = numbers[i]!;
    let j = i - 1;
    if (!before(k, numbers[j]!)) continue;
    while (j >= 0 && before(k, numbers[j]!) && budget > 0) {
      numbers[j + 1] = numbers[j]!;
      j--;
      budget--;
    }
    numbers[j + 1] = k;
    if (budget === 0) {
      const key = new Float64Array(store.length);
      for (const n of numbers) key[n] = ms(n);
      return numbers.sort((a, b) => key[a]! - key[b]! || a - b);
    }
  }
  return numbers;
}
