/**
 * The dense local-day series: one count per calendar day in the case zone, zero days included. Every figure
 * about frequency is built from it, so days are counted one way only.
 */

const DAY = 86_400_000;

export interface DailySeries {
  /** Day number (days since 1970-01-01) of the first day. */
  readonly start: number;
  /** counts[i] is the count on day start + i. */
  readonly counts: number[];
}

/** Date text of a day number. */
export function dayText(dayNumber: number): string {
  return new Date(dayNumber * DAY).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date. */
export function dayNumberOf(date: string): number {
  return Math.floor(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY,
  );
}

export interface Run {
  readonly days: number;
  readonly from: string | null;
  readonly to: string | null;
}

/** Longest run of consecutive days satisfying `pred` (given each day's count and day number); the earliest such
 *  run when tied. */
export function longestRun(series: DailySeries, pred: (count: number, day: number) => boolean): Run {
  let best = { days: 0, start: -1 };
  let cur = 0;
  for (let i = 0; i < series.counts.length; i++) {
    if (pred(series.counts[i]!, series.start + i)) {
      cur++;
      if (cur > best.days) best = { days: cur, start: i - cur + 1 };
    } else cur = 0;
  }
  if (best.days === 0) return { days: 0, from: null, to: null };
  return {
    days: best.days,
    from: dayText(series.start + best.start),
    to: dayText(series.start + best.start + best.days - 1),
  };
}

/** ISO weeks (Monday start) over the series; a week with fewer than 7 days in the series is partial. */
export function weekly(
  series: DailySeries,
): { weekStart: string; days: number; count: number; partial: boolean }[] {
  const rows: { weekStart: string; days: number; count: number; partial: boolean }[] = [];
  for (let i = 0; i < series.counts.length; i++) {
    const day = series.start + i;
    // 1970-01-01 was a Thursday: day 0 has ISO weekday 4.
    const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday
    const weekStart = dayText(day - weekday);
    const last = rows[rows.length - 1];
    if (last && last.weekStart === weekStart) {
      last.days++;
      last.count += series.counts[i]!;
    } else rows.push({ weekStart, days: 1, count: series.counts[i]!, partial: false });
  }
  for (const r of rows) r.partial = r.days < 7;
  return rows;
}
