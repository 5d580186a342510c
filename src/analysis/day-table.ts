/**
 * Incidents per local day — by hour and by channel — counted in ONE pass over the incidents' columns (columns.ts).
 * The daily series, the hour-by-weekday grid, the night share per month and the channels per month all add up
 * whole days: each used to walk the million incidents itself, and read from this table they add up a few thousand
 * days instead.
 */
import { CHANNELS } from '../model/vocabulary.js';
import type { IncidentColumns } from './columns.js';

/** Slots of a row of `DayTable.hourly`: hours 0–23, then the date-only records (`UNTIMED`). */
export const HOUR_SLOTS = 25;
export const UNTIMED = 24;

/** Counts of a run of time-ordered incidents by local day, from the earliest day among them to the latest. */
export interface DayTable {
  /** Day number of row 0 (0 when there are no incidents). */
  readonly start: number;
  /** Days from the first to the last, days without incidents included. */
  readonly rows: number;
  /** count[row]: incidents on day start + row. */
  readonly count: Int32Array;
  /** hourly[row × HOUR_SLOTS + h]: incidents at local hour h that day; slot UNTIMED, the date-only records. */
  readonly hourly: Int32Array;
  /** perChannel[row × CHANNELS.length + c]: incidents on channel CHANNELS[c] that day. */
  readonly perChannel: Int32Array;
  /**
   * firstTimed[row]: the position among the counted incidents of the day's first timed one, or −1 when it has
   * none: what orders figures "by first appearance", which does not always follow the days (where a clock was put
   * back across midnight, St John's 00:01 → 23:01 until 2011, a local day's incidents can follow the next day's).
   */
  readonly firstTimed: Int32Array;
}

/** The table of the incidents [from, to) of the columns. */
export function dayTable(
  cols: Pick<IncidentColumns, 'day' | 'hour' | 'channel'>,
  from = 0,
  to = cols.day.length,
): DayTable {
  const { day, hour, channel } = cols;
  // Local days run backwards only around a clock change: the earliest and latest are looked for, not assumed.
  let lo = 0;
  let hi = -1;
  if (to > from) {
    lo = day[from]!;
    hi = lo;
    for (let i = from + 1; i < to; i++) {
      const d = day[i]!;
      if (d < lo) lo = d;
      else if (d > hi) hi = d;
    }
  }
  const rows = hi - lo + 1;
  const width = CHANNELS.length;
  const hourly = new Int32Array(rows * HOUR_SLOTS);
  const perChannel = new Int32Array(rows * width);
  const firstTimed = new Int32Array(rows).fill(-1);
  for (let i = from; i < to; i++) {
    const row = day[i]! - lo;
    const h = hour[i]!;
    hourly[row * HOUR_SLOTS + (h < 0 ? UNTIMED : h)]!++;
    perChannel[row * width + channel[i]!]!++;
    if (h >= 0 && firstTimed[row]! < 0) firstTimed[row] = i - from;
  }
  const count = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let n = 0;
    for (let s = 0; s < HOUR_SLOTS; s++) n += hourly[row * HOUR_SLOTS + s]!;
    count[row] = n;
  }
  return { start: lo, rows, count, hourly, perChannel, firstTimed };
}

/** Timed incidents of a row, and those of them before hour `end` (0–24). */
export function timedAndBefore(t: DayTable, row: number, end: number): { timed: number; before: number } {
  let timed = 0;
  let before = 0;
  for (let h = 0; h < UNTIMED; h++) {
    const c = t.hourly[row * HOUR_SLOTS + h]!;
    timed += c;
    if (h < end) before += c;
  }
  return { timed, before };
}

/** Incidents per CHANNELS index over all the days of a table. */
export function channelTotals(t: DayTable): number[] {
  const width = CHANNELS.length;
  const totals = new Array<number>(width).fill(0);
  for (let row = 0; row < t.rows; row++) {
    for (let c = 0; c < width; c++) totals[c]! += t.perChannel[row * width + c]!;
  }
  return totals;
}
