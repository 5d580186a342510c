/**
 * The one total order used everywhere: UTC instant, then input (sorted path), then position in the input.
 * Inputs are read in sorted-path order and stored in emission order, so event numbers already follow input
 * and position: ordering by (instant, number) yields the total order, and command-line order never matters.
 */
import type { EventStore } from './store.js';

/** Sorts event numbers into the total order (in place) and returns them. */
export function sortTimeline(store: EventStore, numbers: Uint32Array): Uint32Array {
  // Most exports are already in time order: check before sorting.
  let sorted = true;
  for (let i = 1; i < numbers.length && sorted; i++) {
    const a = numbers[i - 1]!;
    const b = numbers[i]!;
    const d = store.ms(a) - store.ms(b);
    sorted = d < 0 || (d === 0 && a < b);
  }
  if (sorted) return numbers;
  const ms = new Float64Array(store.length);
  for (const k of numbers) ms[k] = store.ms(k);
  return numbers.sort((a, b) => ms[a]! - ms[b]! || a - b);
}
