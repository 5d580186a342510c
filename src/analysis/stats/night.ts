/**
 * Hour-of-day profile and the night-time share with its Clopper–Pearson interval (statistics.md §2.10). Hours are
 * local wall-clock hours in the victim's zone, computed by the caller (the timeline's zone); this file does no
 * time-zone work.
 */
import { binomialTest } from './binomial.js';
import type { Num, Series } from './numeric.js';

/** Events per local hour 0..23, as a 24-element array (never an object keyed "00".."23": key order breaks). */
export function hourHistogram(hours: Series): number[] {
  const out = new Array<number>(24).fill(0);
  for (let i = 0; i < hours.length; i++) {
    const h = hours[i]!;
    if (Number.isInteger(h) && h >= 0 && h < 24) out[h]!++;
  }
  return out;
}

/** Result of {@link nightShare}. */
export interface NightShare {
  /** The night hours, in clock order from the start hour (e.g. 22, 23, 0, …, 5). */
  readonly hours: number[];
  readonly count: number;
  /** Events with an hour (the denominator). */
  readonly eligible: number;
  readonly share: Num;
  /** Clopper–Pearson interval of the share; nulls with no events. */
  readonly ci: [Num, Num];
  /** hours.length/24. */
  readonly expectedShareIfUniform: number;
  /** Exact binomial test against the uniform share (a weak baseline: normal life is not uniform either). */
  readonly pVsUniform: Num;
}

/**
 * Share of events whose local hour falls in [startHour, endHour) (wrapping past midnight when start > end; the
 * report's default window is 0–6, a wider 22–6 may go beside it). Caveats: whose clock (sent or delivered) and the
 * uniform baseline; compare the same sender before/after or the victim's own messages where possible.
 */
export function nightShare(
  hours: Series,
  options: { startHour?: number; endHour?: number; confLevel?: number } = {},
): NightShare {
  const start = options.startHour ?? 0;
  const end = options.endHour ?? 6;
  if (![start, end].every((h) => Number.isInteger(h) && h >= 0 && h <= 23) || start === end) {
    throw new RangeError(`night window must be two different whole hours in 0..23, got ${start}-${end}`);
  }
  const night: number[] = [];
  for (let h = start; h !== end; h = (h + 1) % 24) night.push(h);
  const isNight = new Array<boolean>(24).fill(false);
  for (const h of night) isNight[h] = true;
  let count = 0;
  let eligible = 0;
  for (let i = 0; i < hours.length; i++) {
    const h = hours[i]!;
    if (!(Number.isInteger(h) && h >= 0 && h < 24)) continue;
    eligible++;
    if (isNight[h]) count++;
  }
  const expected = night.length / 24;
  if (eligible === 0) {
    return {
      hours: night,
      count,
      eligible,
      share: null,
      ci: [null, null],
      expectedShareIfUniform: expected,
      pVsUniform: null,
    };
  }
  const test = binomialTest(count, eligible, expected, options.confLevel ?? 0.95);
  return {
    hours: night,
    count,
    eligible,
    share: count / eligible,
    ci: test.ci,
    expectedShareIfUniform: expected,
    pVsUniform: test.pValue,
  };
}
