/**
 * Weekly (ISO, Monday start) and calendar-month rows of a dense daily series, with partial periods flagged
 * (statistics.md §1.5): compare rates per day, not raw counts, and leave partial weeks out of weekly trend tests.
 */
import { dateOf, dayNumber, isoWeekday } from './dates.js';
import type { Series } from './numeric.js';

/** One week or month of the series. */
export interface PeriodRow {
  /** Monday of the ISO week, or the 1st of the month (it may precede the series' first day). */
  readonly periodStart: string;
  readonly daysObserved: number;
  readonly count: number;
  readonly ratePerDay: number;
  /** Fewer observed days than the period has. */
  readonly partial: boolean;
}

/** Rows per ISO week (`'week'`) or calendar month (`'month'`) of a series whose day 0 is `startDate`. */
export function periodRows(counts: Series, startDate: string, unit: 'week' | 'month'): PeriodRow[] {
  const first = dayNumber(startDate);
  const rows: PeriodRow[] = [];
  let key = Number.NaN;
  let days = 0;
  let count = 0;
  let full = 0;
  const flush = () => {
    if (days > 0) {
      rows.push({
        periodStart: dateOf(key),
        daysObserved: days,
        count,
        ratePerDay: count / days,
        partial: days < full,
      });
    }
  };
  for (let i = 0; i < counts.length; i++) {
    const day = first + i;
    const k = unit === 'week' ? day - (isoWeekday(day) - 1) : monthStart(day);
    if (k !== key) {
      flush();
      key = k;
      days = 0;
      count = 0;
      full = unit === 'week' ? 7 : daysInMonth(k);
    }
    days++;
    count += counts[i]!;
  }
  flush();
  return rows;
}

/** Counts of the complete ISO weeks only, in order: the series for weekly Mann–Kendall and Sen (§2.3). */
export function completeWeekCounts(counts: Series, startDate: string): number[] {
  return periodRows(counts, startDate, 'week')
    .filter((r) => !r.partial)
    .map((r) => r.count);
}

function monthStart(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
}

function daysInMonth(startDay: number): number {
  const d = new Date(startDay * 86_400_000);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
}
