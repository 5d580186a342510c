/**
 * The busiest 60 minutes (bursts.ts `busiestHour`) against the definition, counted pair by pair: for each timed
 * incident j, the timed incidents i ≤ j less than an hour before it; the largest count, and the earliest j that has
 * it with the first i of its hour. Date-only records (hour −1) are never counted.
 */
import { describe, expect, it } from 'vitest';
import { busiestHour } from '../../../src/analysis/escalation/bursts.js';
import { listOf } from '../../../src/timeline/list.js';
import { ev } from './helpers.js';

const HOUR = 3_600_000;

function byDefinition(ms: readonly number[], hours: Int8Array): { count: number; i: number; j: number } {
  let best = { count: 0, i: -1, j: -1 };
  for (let j = 0; j < ms.length; j++) {
    if (hours[j]! < 0) continue;
    let count = 0;
    let first = -1;
    for (let i = j; i >= 0; i--) {
      if (ms[j]! - ms[i]! >= HOUR) break;
      if (hours[i]! < 0) continue;
      count++;
      first = i;
    }
    if (count > best.count) best = { count, i: first, j };
  }
  return best;
}

/** A fixed-seed generator, so a failure can be run again. */
function generator(seed: number): () => number {
  // Spread small seeds over the range: seed × 48271 alone starts near 0 for every small seed.
  let s = (seed * 2_654_435_761) % 2147483647 || 1;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

describe('the busiest 60 minutes', () => {
  it('is the earliest run of the most timed incidents less than an hour apart, as counted pair by pair', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = generator(seed);
      const n = Math.floor(random() * 60);
      const untimedShare = seed % 3 === 0 ? 0 : random() * 0.4;
      const ms: number[] = [];
      // Quarter hours apart, so that runs often end exactly an hour after they start (the edge of the window),
      // and sometimes in the same minute.
      let t = Date.parse('2024-03-01T08:00:00Z');
      for (let k = 0; k < n; k++) {
        t += Math.floor(random() * 5) * 15 * 60_000;
        ms.push(t);
      }
      const hours = Int8Array.from(ms, () => (random() < untimedShare ? -1 : 8));
      const list = listOf(ms.map((m) => ev({ at: new Date(m).toISOString() })));
      expect(busiestHour(list, hours), `seed ${seed}`).toEqual(byDefinition(ms, hours));
    }
  });

  it('counts nothing when no incident is timed', () => {
    const list = listOf([ev({ at: '2024-03-01T00:00:00Z', precision: 'day' })]);
    expect(busiestHour(list, Int8Array.of(-1))).toEqual({ count: 0, i: -1, j: -1 });
    expect(busiestHour(listOf([]), new Int8Array(0))).toEqual({ count: 0, i: -1, j: -1 });
  });
});
