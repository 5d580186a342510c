/**
 * Contact episodes (statistics.md §1.1): timed incidents merged while the gap to the previous one is under 30
 * minutes, across channels (a text then a call two minutes later is one episode). Gaps and burstiness are
 * computed on episodes, because one thought split over five texts would otherwise make five near-zero gaps.
 * Date-only records (a diary row without a time) have no instant to measure from and are left out.
 */
import type { EventList } from '../../timeline/list.js';

/** The merge gap, in minutes (statistics.md §1.1 convention). */
export const EPISODE_MINUTES = 30;

/** Start instants (ms) of the episodes among time-ordered incidents; hours[i] < 0 marks a date-only record. */
export function episodeStarts(incidents: EventList, hours: Int8Array): number[] {
  const out: number[] = [];
  let prev = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < incidents.length; i++) {
    if (hours[i]! < 0) continue;
    const ms = incidents.ms(i);
    if (ms - prev >= EPISODE_MINUTES * 60_000) out.push(ms);
    prev = ms;
  }
  return out;
}
