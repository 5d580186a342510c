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

/**
 * The event numbers 0 … n − 1. A function of its own: V8 optimises a hot loop while it runs by compiling the
 * whole function around it, and `storeOrder` is long (~10 ms of the compiler's threads for this one loop).
 */
function inStoreOrder(n: number): Uint32Array {
  const numbers = new Uint32Array(n);
  for (let k = 0; k < n; k++) numbers[k] = k;
  return numbers;
}

/**
 * Every event of the store, 0 … length − 1, in the total order: the store's own order, put right around its
 * descents (store.ts), each a step back in time between stretches already in order. At each, the stretch after it
 * is merged into the events already in order: only those after its first instant move, and only its events before
 * the latest instant so far, so a chat that steps back an hour each autumn moves an hour's messages a year. With
 * too many descents to record (a file newest first), or past a budget of moves (twice the events: several copies
 * of one export joined end to end), the events are sorted as `sortTimeline` sorts them.
 */
export function storeOrder(store: EventStore): Uint32Array {
  const n = store.length;
  const numbers = inStoreOrder(n);
  const descents = store.descents();
  if (descents === undefined) return sortTimeline(store, numbers);
  if (descents.length === 0) return numbers;
  const ms = (i: number) => store.ms(numbers[i]!);
  let budget = 2 * n + 64;
  let held = new Uint32Array(0);
  for (let d = 0; d < descents.length; d++) {
    const at = descents[d]!;
    const end = descents[d + 1] ?? n;
    // numbers[0, at) is in order, numbers[at, end) too (untouched store order): merge the overlap.
    const latest = ms(at - 1);
    const first = ms(at);
    // The stretch's events before `latest` (its events at `latest` come after, being later in the store).
    let lo = at;
    let hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms(mid) < latest) lo = mid + 1;
      else hi = mid;
    }
    const stop = lo;
    // The events in order already that come after `first` (those at `first` stay before it).
    lo = 0;
    hi = at;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms(mid) <= first) lo = mid + 1;
      else hi = mid;
    }
    const from = lo;
    budget -= stop - from;
    if (budget < 0) return sortTimeline(store, inStoreOrder(n));
    // Merge numbers[from, at) (held aside) with numbers[at, stop) into numbers[from, stop); ties go to the held
    // events, the earlier in the store.
    if (held.length < at - from) held = new Uint32Array(at - from);
    held.set(numbers.subarray(from, at));
    let i = 0;
    let j = at;
    let out = from;
    const left = at - from;
    while (i < left && j < stop) {
      if (ms(j) < store.ms(held[i]!)) numbers[out++] = numbers[j++]!;
      else numbers[out++] = held[i++]!;
    }
    while (i < left) numbers[out++] = held[i++]!;
  }
  return numbers;
}
