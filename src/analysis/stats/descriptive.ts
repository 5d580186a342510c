/**
 * Descriptive figures of a dense daily series, without p-values (statistics.md §2.1, §2.9): totals, days with
 * contact, zero days, the busiest day and the longest run of consecutive days with contact.
 */
import { addDays } from './dates.js';
import type { Series } from './numeric.js';

/** A run of consecutive days: 0-based indices (inclusive) and, when the series start date is known, dates. */
export interface DayRun {
  readonly days: number;
  /** null when `days` is 0. */
  readonly startIndex: number | null;
  readonly endIndex: number | null;
  readonly start: string | null;
  readonly end: string | null;
}

/** Result of {@link countSummary}. */
export interface CountSummary {
  readonly days: number;
  readonly total: number;
  readonly daysWithContact: number;
  readonly zeroDays: number;
  /** Largest daily count (0 for an empty series) and the first day it occurred (null when empty). */
  readonly maxPerDay: number;
  readonly maxDayIndex: number | null;
  readonly longestStreak: DayRun;
}

/**
 * Longest run of consecutive days with at least one contact; the earliest wins a tie. Caveat: the day boundary
 * depends on the zone, and at high rates long streaks are expected by chance (1 − e^−λ per day), so the streak is
 * a persistence figure, not evidence of escalation. No-data days must be split out by the caller (§1.3).
 */
export function longestStreak(counts: Series, startDate?: string): DayRun {
  let best = 0;
  let bestStart = -1;
  let run = 0;
  for (let i = 0; i < counts.length; i++) {
    run = counts[i]! > 0 ? run + 1 : 0;
    if (run > best) {
      best = run;
      bestStart = i - run + 1;
    }
  }
  return runOf(best, bestStart, startDate);
}

function runOf(days: number, start: number, startDate?: string): DayRun {
  if (days === 0) return { days: 0, startIndex: null, endIndex: null, start: null, end: null };
  const end = start + days - 1;
  return {
    days,
    startIndex: start,
    endIndex: end,
    start: startDate === undefined ? null : addDays(startDate, start),
    end: startDate === undefined ? null : addDays(startDate, end),
  };
}

/** Totals, days with and without contact, the busiest day and the longest streak of a dense daily series. */
export function countSummary(counts: Series, startDate?: string): CountSummary {
  let total = 0;
  let withContact = 0;
  let max = 0;
  let maxIndex: number | null = counts.length > 0 ? 0 : null;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    total += c;
    if (c > 0) withContact++;
    if (c > max) {
      max = c;
      maxIndex = i;
    }
  }
  return {
    days: counts.length,
    total,
    daysWithContact: withContact,
    zeroDays: counts.length - withContact,
    maxPerDay: max,
    maxDayIndex: maxIndex,
    longestStreak: longestStreak(counts, startDate),
  };
}
