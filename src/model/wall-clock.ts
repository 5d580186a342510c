/**
 * The rule for reading a wall-clock time in a zone (README, "Time zones"), in one place for the timeline
 * (timeline/zone.ts, every wall-clock source) and the e-mail reader (a Date whose zone is a POSIX name such as
 * `EST5EDT`, whose offset depends on the date): a time that exists once is that instant; one that occurs twice
 * (the hour repeated when clocks go back) is the EARLIER instant, flagged `overlap`; one that does not exist (the
 * hour skipped when clocks go forward) is read with the offset in force just before the change, flagged `gap`.
 * The offsets come from the caller, so the timeline can answer them from its caches.
 */

/** The clock change a wall-clock time met: skipped (`gap`), repeated (`overlap`), or none. */
export type DstFlag = 'gap' | 'overlap' | undefined;

/** Anything that gives a zone's offset from UTC, in minutes, at a UTC instant in ms (60 for BST). */
export interface OffsetSource {
  offsetAt(ms: number): number;
}

const DAY = 86_400_000;

/**
 * The instant of a wall-clock time given as "UTC-like" milliseconds (its fields read as if UTC) in the zone
 * `zone` answers offsets for, and the clock change it met.
 */
export function resolveWallClock(zone: OffsetSource, wallMs: number): { ms: number; dst: DstFlag } {
  // No zone changes its offset by more than a day's worth either way, so the offsets a day before and a day after
  // are the two candidates.
  const before = zone.offsetAt(wallMs - DAY);
  const after = zone.offsetAt(wallMs + DAY);
  if (before === after) {
    const guess = wallMs - before * 60_000;
    if (zone.offsetAt(guess) === before) return { ms: guess, dst: undefined };
    // The offset changed and changed back within two days (rare); use the exact offset at the guess.
    return { ms: wallMs - zone.offsetAt(guess) * 60_000, dst: undefined };
  }
  const withBefore = wallMs - before * 60_000;
  const withAfter = wallMs - after * 60_000;
  const validBefore = zone.offsetAt(withBefore) === before;
  const validAfter = zone.offsetAt(withAfter) === after;
  if (validBefore && validAfter) return { ms: Math.min(withBefore, withAfter), dst: 'overlap' };
  if (validBefore) return { ms: withBefore, dst: undefined };
  if (validAfter) return { ms: withAfter, dst: undefined };
  return { ms: withBefore, dst: 'gap' };
}
